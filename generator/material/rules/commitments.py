"""Limits and commitments of the company (FTC: a change that makes a promise less protective is material).

A clause that restricts what the company does with information — "we do not sell", "we will never",
"only for support", "we will notify you", "we do not use cookies to track you across websites" —
is a commitment. Material: the negation or the limit removed, more let through it (words added
within what "only" covers), an exception added to it, "will" weakened to "may", a promise kept in
fewer ways, the limit made to bind fewer people (a qualifier added to its subject: "GitHub may only
access" → "GitHub employees may only access"), or the whole clause removed. Substantive: a new limit or commitment — restricting the company is
not a new risk, whatever words it uses.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..changes import ClauseChange, Span
from ..clauses import Clause, split
from ..findings import Finding
from ..reading import (
    LEADING_CONDITION, LIMIT_WORD, MAY_WORDS, NUMBERING, Reading, STOP, VERB_START, content_words, exceptions, last_sentence, limited_after_negation, limiting, negates,
    negating_words, negation_count, root_stems,
)
from ..text import LIMITS, NEGATIONS, RULES_OUT, Anchored, Word, WordTable, negative, plain_words, quote
from .context import LAW_PERMITS, Context, contact_line, illustrates, in_examples, named_beside, part_end
from .legal_basis import WITHOUT_CONSENT
from .practices import practices_in
from .purpose import PURPOSE_LABEL

_SUBJECT_WORDS = 4
#: Whether a word negates or limits, looked up once per word.
_LIMITING = WordTable(lambda word: negative(word) or word in LIMITS)

# Notice that reaches the reader: told, notified or written to, by e-mail, letter, text or in the app.
#: Those a statement tells things to, as it names them: "you", "users", "each resident and their
#: representatives", "the affected data subjects", "our patients".
_READERS = (
    r"(?:(?:each|every|all|our|the|affected)\s{1,3}){0,2}"
    r"(?:you|users?|customers?|subscribers?|members?|supporters?|(?:[\w-]{1,20}\s{1,3})?account\s{1,3}holders?|clients?|residents?|patients?|parents?"
    r"|students?|employees?|donors?|policyholders?|passengers?|guests?|tenants?|participants?|applicants?|investors?|borrowers?"
    r"|cardholders?|(?:data\s{1,3})?subjects?|individuals|persons|consumers?)\b"
)
_DIRECT = Anchored(re.compile(
    # (in the third person too: "provided that the OPERATOR informs the applicant of the extension")
    r"\b(?:notify|notifies|tells?|informs?|alerts?|e-?mails?|messages?|contacts?|writes? to|calls?|reach(?:es)?)\s{1,3}" + _READERS
    + r"|\blet\s{1,3}(?:you|users|customers|subscribers|members|supporters|account holders)\s{1,3}know\b"
    r"|\bsend\s{1,3}(?:an?\s{1,3})?(?:e-?mail|message|notice|notification|letter)\s{1,3}to\s{1,3}" + _READERS
    # ("send you a revised privacy notice")
    + r"|\bsend\s{1,3}(?:you|users|customers|subscribers|members)\s{1,3}(?:an?\s{1,3})?(?:[\w-]{1,20}\s{1,3}){0,2}?(?:e-?mail|message|notice|notification|letter|text)"
    r"|\byou (?:will|would) (?:receive|get) (?:an?\s{1,3})?(?:e-?mail|message|notice|notification|letter)"
    # in the passive: "Users will be notified in advance of such transfer"
    r"|\b(?:you|users|customers|subscribers|members|account holders|investors|clients|patients|policyholders|tenants|parents|students"
    r"|donors|passengers|guests|participants|applicants|borrowers|cardholders|consumers)\s{1,3}(?:will|shall|would)\s{1,3}be\s{1,3}(?:[\w-]{1,20}\s{1,3})?"
    r"(?:notified|informed|told|contacted|e-?mailed|alerted)\b"
    r"|\bby (?:e-?mail|post|letter|text message|sms|push notification|in-app (?:message|notification)|a message)\b",
    re.I,
), starts=(
    "notif", "tell", "inform", "alert", "e", "message", "contact", "write", "call", "reach", "let", "send", "you", "users",
    "customers", "subscribers", "members", "account", "by", "investors", "clients", "patients", "policyholders", "tenants", "parents",
    "students", "donors", "passengers", "guests", "participants", "applicants", "borrowers", "cardholders", "consumers",
))


def _tells_directly(text: str) -> bool:
    return _DIRECT.search(text) is not None


# "any other information", "nothing else".
_ANY_OTHER = re.compile(r"\b(?:any|no)\s{1,3}other\b|\b(?:anything|nothing)\s{1,3}else\b", re.I)


def _said_again(change: ClauseChange, context: Context, *, limit: bool = False) -> bool:
    """True when the block a negated clause came from gained a negated clause that says it again in
    other words: a third of its words of substance, two at least, and every number it had ("We do
    not allow children under 13 to create accounts on their own" → "Children under 13 cannot sign
    up by themselves"). A negated clause the block had before says nothing again.

    Of an edited clause that lost its negation, the sentence it became says the rest: "They are not
    used to detect other offences, except where the police require their disclosure" → "We will
    disclose them to the police where the law requires it. Apart from that, they are never used to
    detect other offences." And a negation with an exception may come back as a limit: "We will not
    disclose it unless you consent" → "It will be disclosed only where you consent".

    With ``limit``, a limit said again ("Service providers may use it only to perform services for
    us" → "… These vendors may use it solely to perform those functions for us")."""
    if change.old is None:
        return False
    # (a negation of anything other than something is a limit to it, and may come back as one: "We
    # do not give the hospital any other information" → "the only information we share with that
    # hospital is …")
    as_a_limit = limit or change.new is not None and not _EXCEPTING.isdisjoint(change.old.wordset) \
        or ("other" in change.old.wordset or "else" in change.old.wordset) and _ANY_OTHER.search(change.old_text) is not None
    if change.new is not None and not limit:
        old_block, new_block = context.block_text(change, "old") or "", context.block_text(change, "new") or ""
        if negation_count(new_block) < negation_count(old_block) and not (as_a_limit and "only" in new_block.lower()):
            return False  # (the block lost a negation: the clause's is not said again; and the blocks need not be cut)
    wanted = root_stems(change.old.wordset)
    said = root_stems(change.new.wordset) if change.new is not None else set()
    numbers = {w for w in change.old.wordset if w.isdigit()}
    # (what the negation governs, when the clause says more before it: "We make programmes …, and we
    # are financed over the state budget – not by advertising and not by selling data about you" →
    # "we earn nothing from advertising or from selling information about you")
    norms = change.old.norms
    first = next((n for n, w in enumerate(norms) if w in NEGATIONS and w != "without"), None)
    negated = root_stems(norms[first + 1:]) if first is not None and first > 3 and not limit else set()
    for clause in context.gained_clauses(change):
        # (the sentence the clause became says only what it says)
        if change.new is not None and clause.key == change.new.key or not numbers <= clause.wordset:
            continue
        # (a bar rules out too: "… and prohibit them from using it for their own purposes")
        rules_out = not limit and (negates(clause.text) or not RULES_OUT.isdisjoint(clause.wordset) and limiting(clause.text) is not None)
        if not rules_out and not (as_a_limit and not LIMITS.isdisjoint(clause.wordset)):
            continue
        stems = root_stems(clause.wordset)
        shared = len(wanted & stems)
        if shared >= 2 and (shared * 3 >= len(wanted) or said and len(wanted - stems - said) * 3 <= len(wanted)
                            or negated and rules_out and len(negated & stems) * 3 >= len(negated) * 2):
            return True
    return False


def _promise_said_again(change: ClauseChange, context: Context) -> bool:
    """True when a removed promise is said again by a sentence its block gained that promises too,
    with every number it had and most of its words of substance ("We respond within 45 days, which
    we may extend once. We will tell you about the extension within the first 45 days." → "We
    respond within 45 days; …, and we will let you know within the first 45 days")."""
    assert change.old is not None
    wanted = root_stems(change.old.wordset)
    numbers = {w for w in change.old.wordset if w.isdigit()}
    for clause in context.gained_clauses(change):
        if not numbers <= clause.wordset or negates(clause.text) or not Reading(clause.text, clause.wordset).promises:
            continue
        shared = len(wanted & root_stems(clause.wordset))
        if shared >= 2 and shared * 2 >= len(wanted):
            return True
    return False


def _lead_limit_restated(change: ClauseChange, context: Context) -> bool:
    """True when a removed lead-in of a list limited itself to the list ("We share it only with:"),
    and its block gained another lead-in that does ("The only parties that receive it from us
    are:"): the list is as closed as it was."""
    return change.old_text.rstrip().endswith(":") and any(
        clause.text.rstrip().endswith(":") and (not LIMITS.isdisjoint(clause.wordset) or limiting(clause.text) is not None)
        for clause in context.gained_clauses(change)
    )


_ONLY = frozenset(("only", "solely"))
_CONSENT = frozenset(("consent", "consented", "permission"))
#: Verbs of what the company asks of a reader who exercises a right ("We will not require you to create an account").
_ASKS_OF_READER = frozenset(("require", "requires", "ask", "asks", "charge", "charges"))
#: Words that make an exception to a negation: "not … unless you consent".
_EXCEPTING = frozenset(("unless", "except", "save"))
#: The limits that close a list to its entries ("only in the following situations:"): "only", "solely", "exclusively".
_CLOSING = LIMITS - _EXCEPTING


def _still_tells_directly(change: ClauseChange, context: Context) -> bool:
    """True when the block a removed clause came from still promises to tell the reader directly,
    in its new version (the clause reworded out of the aligner's reach)."""
    text = context.block_text(change, "new")
    return text is not None and _tells_directly(text)


def _party_freed(change: ClauseChange) -> str | None:
    """Who a negated clause no longer binds, when its subject named several with "neither … nor"
    (or "nor") and lost one: "Neither we nor Veridia use the video to identify you" → "We don't
    use the video to identify you" leaves Veridia free to."""
    if change.old is None or "nor" not in change.old.wordset:
        return None
    words = change.old.words
    nor = next(i for i, w in enumerate(words) if w.norm == "nor")
    # the parties joined by "nor" end where the verb begins: at most a few words after it
    parties = {id(w) for w in words[nor + 1: nor + 5]}
    for span in change.spans:
        gone = [w for w in span.old if id(w) in parties and (w.written[:1].isupper() or w.norm not in STOP)]
        if gone and any(w.norm == "nor" for w in span.old):
            return " ".join(w.written for w in gone)
    return None


def _subject_narrowed(change: ClauseChange) -> str | None:
    """The words added in front of the clause's verb, when its subject gained a qualifier.

    Words the old clause had elsewhere do not qualify anyone: "We share it only with" → "We only
    share it with" moves the limit, it does not narrow whom it binds."""
    old_words = change.old.wordset if change.old is not None else frozenset()
    words = change.new.words if change.new is not None else ()
    # The subject ends where the verb begins ("We never see" → "We never see or store": the words
    # came after the verb, not into the subject).
    subject_end = next((n for n, w in enumerate(words[:_SUBJECT_WORDS + 1]) if n > 0 and w.norm in VERB_START), _SUBJECT_WORDS + 1)
    for span in change.spans:
        if span.old or not span.new:
            continue
        first = words.index(span.new[0])
        if first == 0 or first >= subject_end:
            continue
        if ":" in change.new_text[words[first - 1].end: span.new[0].start]:
            # after a label's colon a sentence of its own begins: "Our affiliates: we share it within
            # the group, …", not a qualifier of "Our affiliates"
            continue
        added = [w for w in span.new if w.norm not in STOP and w.norm not in old_words and w.norm not in LIMITS]
        if any(w.norm in change.aliases or w.norm in ("we", "company") for w in span.new):
            # the company named as who acts, in a clause that did not say who did: "The personal data …
            # will not be communicated to third parties, except …" → "The Clinic shares the … data … only …"
            continue
        if limiting(change.new_text[span.new[0].start: span.new[-1].end]) is not None:
            # the limit itself, said in words: "only those employees have access" → "Access … is
            # restricted to the staff members who …" (whom it binds is what follows "to")
            continue
        if span.new[-1].norm == "as":
            # what the subject was, said of those it names: "Data Processors engaged by the Company"
            # → "service providers acting as Data Processors for the Company" (the same ones)
            continue
        if added and (_bracketed(change.new_text, span.new[0].start, span.new[-1].end) or named_beside(change, span)):
            # "service providers (listed at acme.example/subprocessors) who …": a note, not a
            # qualifier; "Our plagiarism detection service, CopyGuard Ltd, which …": its name
            continue
        if added:
            return " ".join(w.written for w in span.new)
    return None


def _exception_asks_less(change: ClauseChange) -> bool:
    """True when words were only taken out, each run a condition joined with "and" to the limit's
    exception, within that part of the sentence: the exception asks for less and lets more through
    ("except where we suspect serious misconduct and the head of HR has approved the check in
    writing" → "except where we suspect serious misconduct"). (A case taken out of a list of cases,
    "unless A, B or C", makes the exception narrower.)"""
    if change.added_words or any(span.new for span in change.spans) or change.old is None:
        return False
    exception = next((w for w in change.old.words if w.norm in _EXCEPTIONS), None)
    if exception is None:
        return False
    stop = part_end(change.old_text, exception.end)
    return all(exception.start < span.old[0].start and span.old[-1].end <= stop and span.old[0].norm == "and" and len(span.old) > 2
               for span in change.spans if span.old)


# A promise left to the company's judgement: "where we consider it practicable", "at our discretion",
# "where possible", "if feasible".
_DISCRETION = re.compile(
    # (also one more condition joined to another: "If an incident occurs and we consider that it is likely to harm you")
    r"\b(?:where|when|if|as|and)\s{1,3}we\s{1,3}(?:consider|think|deem|believe|decide|judge|determine)\b|\b(?:at|in)\s{1,3}(?:our|its)\s{1,3}(?:sole\s{1,3})?discretion\b"
    # the company by its name: "a failure that the Platform considers likely to cause material loss"
    r"|\b(?:that|which|where|when|if)\s{1,3}(?:the\s{1,3}[\w-]{2,30}|it)\s{1,3}(?:considers|thinks|deems|believes|decides|judges|determines)\b"
    r"|\b(?:where|when|if|as\s{1,3}far\s{1,3}as|to\s{1,3}the\s{1,3}extent)\s{1,3}(?:it\s{1,3}is\s{1,3})?(?:(?:technically|reasonably|commercially)\s{1,3})?(?:possible|practicable|feasible|practical)\b",
    re.I,
)


def _discretion_gained(change: ClauseChange) -> bool:
    """True when the company's own judgement (:data:`_DISCRETION`) stands in words an edited clause
    gained, read in the new clause, so that words it kept may be part of it ("Where [the custodian]
    determines that …": "the custodian" was there before)."""
    return bool(change.gained_matches(_DISCRETION.finditer(change.new_text)))


# Telling the reader (or the regulator) of something: what a company does for the reader, in whatever tense.
_TELLS = re.compile(r"\b(?:notify|notifies|inform|informs|tell|tells|alert|alerts|warn|warns)\b", re.I)
#: The words without which :data:`_DISCRETION` does not match.
_DISCRETION_WORDS = frozenset(("consider", "think", "deem", "believe", "decide", "judge", "discretion", "possible", "practicable", "feasible", "practical",
                               "technically", "reasonably", "commercially",
                               "determine", "considers", "thinks", "deems", "believes", "decides", "judges", "determines"))


_MAY = re.compile(r"\b(?:may|can|might|only|solely)\b", re.I)  # (or what a limit lets through: "We disclose it only as follows:")


# Where what a negation rules out makes its exception: "nothing other than", "anyone except", "apart from".
_OTHER_THAN = re.compile(r"\b(?:other than|except(?: for)?|apart from|besides|save(?: for| where| when| if| that)?|beyond|with the exception of|unless)\b", re.I)
_OTHER_THAN_WORDS = frozenset(("other", "except", "apart", "besides", "save", "beyond", "exception", "unless"))


# Where a clause's exception begins: "… unless the User has requested such sharing".
_EXCEPTION_OPENS = re.compile(r"\b(?:unless|except\s{1,3}(?:where|if|when)|save\s{1,3}(?:where|if|when))\b", re.I)


# Where an exception that opens a sentence ends and its main clause begins: ", we …".
_MAIN_CLAUSE = re.compile(r"[;:]|,\s{1,3}(?:we|they|it|you|the\s{1,3}company)\b", re.I)


def _exception_end(text: str, start: int) -> int:
    found = _MAIN_CLAUSE.search(text, start)
    return found.start() if found is not None else len(text)


def _exception_gained_case(change: ClauseChange) -> bool:
    """True when a limit's exception ("unless …") still holds every word of substance it had and
    gained a case of its own beside them, joined by "or": more is let through."""
    old = _EXCEPTION_OPENS.search(change.old_text)
    new = _EXCEPTION_OPENS.search(change.new_text) if old is not None else None
    if old is not None and new is not None:
        old_case = change.old_text[old.end(): _exception_end(change.old_text, old.end())]
        new_case = change.new_text[new.end(): _exception_end(change.new_text, new.end())]
        if _gained_a_case(old_case, new_case):
            return True
    # (or one of whom it lets through, up to its comma: "may not be disclosed, except to the judicial
    # authority, without his or her consent" → "… without his or her consent, except to the judicial
    # authority or to the members of the Company's Executive Committee where …")
    old = _OTHER_THAN.search(change.old_text) if not _OTHER_THAN_WORDS.isdisjoint(change.old.wordset) else None  # type: ignore[union-attr]
    new = _OTHER_THAN.search(change.new_text) if old is not None else None
    if old is None or new is None:
        return False
    # (or one more purpose in the list of those a purpose "other than" lets through, to the sentence's
    # end: "not used for any purpose other than operator safety, fatigue management and the
    # investigation of incidents" → "…, fatigue management, operator performance management and …")
    old_list = change.old_text[old.end(): _case_end(change.old_text, old.end(), _LIST_END)]
    new_list = change.new_text[new.end(): _case_end(change.new_text, new.end(), _LIST_END)]
    gained = [w for span in change.spans for w in span.new]
    if gained and _PURPOSE_OTHER_THAN.search(change.old_text, 0, old.end()) is not None and not any(span.old for span in change.spans) \
            and all(new.end() <= w.start < new.end() + len(new_list) for w in gained) \
            and "," in new_list and root_stems(plain_words(old_list)) < root_stems(plain_words(new_list)):
        return True
    old_case = change.old_text[old.end(): _case_end(change.old_text, old.end())]
    new_case = change.new_text[new.end(): _case_end(change.new_text, new.end())]
    # (the case gained is one of the same kind, begun as the first was — "to …" or "to …" —, not a
    # further verb the negation rules out: "other than that set out in the contract or assign them to others")
    first = old_case.split()[:1]
    return _gained_a_case(old_case, new_case) and bool(first) and new_case.partition(" or ")[2].split()[:1] == first


def _gained_a_case(old_case: str, new_case: str) -> bool:
    had, has = root_stems(plain_words(old_case)), root_stems(plain_words(new_case))
    return bool(had) and had < has and " or " in new_case and " or " not in old_case


def _case_end(text: str, start: int, ends: "re.Pattern[str] | None" = None) -> int:
    """Where the case that begins at ``start`` ends: at the next comma or stop (``ends``: other stops)."""
    found = (ends or _CASE_END).search(text, start)
    return found.start() if found is not None else len(text)


_CASE_END = re.compile(r"[,;:.]")
#: Where a list of cases ends: the commas between them go on.
_LIST_END = re.compile(r"[;:.]")
# Purposes let through by a limit, named as such: "for any purpose other than", "no use except for".
_PURPOSE_OTHER_THAN = re.compile(r"\b(?:purposes?|reasons?|uses?)\s{1,3}(?:other\s{1,3}than|except(?:\s{1,3}for)?)$", re.I)


def _exception_made_default(change: ClauseChange) -> bool:
    """True when the condition of a limit's exception gained a negation: what waited for the reader
    to ask now happens unless the reader says no ("We do not share it with schools unless you have
    requested such sharing" → "… unless you have not objected to such sharing"): an opt-in made an
    opt-out (GDPR Art. 4(11), 7: consent is a clear affirmative act)."""
    new = _EXCEPTION_OPENS.search(change.new_text)
    old = _EXCEPTION_OPENS.search(change.old_text)
    if new is None or old is None or negates(change.old_text[old.end(): _exception_end(change.old_text, old.end())]):
        return False
    # (in the exception's own part: "Unless you identify yourself to us, we have no way of knowing …"
    # negates the main clause after it, not the exception)
    stop = _exception_end(change.new_text, new.end())
    return any(negative(word.norm) and new.end() <= word.start < stop for span in change.spans for word in span.new)


# Telling the reader themselves: "notify the Commission and you", "inform the affected data subjects".
_TELLS_YOU = re.compile(
    r"\b(?:notify|notifies|informs?|tells?|alerts?|warns?|contacts?|reach(?:es)?|e-?mails?|sends?|texts?|calls?|messages?|writes?\s{1,3}to|gets?\s{1,3}in\s{1,3}touch\s{1,3}with)\b(?:\s{1,3}[\w'-]{1,30}){0,4}?\s{1,3}"
    + _READERS,
    re.I,
)
# A sentence that makes an exception to what its paragraph said: "The only exception is …",
# "However, we may …".
_AN_EXCEPTION = re.compile(
    r"(?:the\s{1,3})?(?:only|one|sole)\s{1,3}exceptions?\s{1,3}(?:is|are|to\s{1,3}this)\b|(?:an?\s{1,3})?exceptions?\s{1,3}(?:is|are)\b|except\b"
    r"|(?:however|but),?\s{1,3}(?:we|the\s{1,3}[\w-]{1,30})\s{1,3}(?:may|can|will|might)\s{1,3}(?!not\b)", re.I)
#: The verbs of :data:`_DUTY_TO_TELL`.
_TELLING = frozenset(("notify", "inform", "tell", "alert", "warn", "contact", "reach", "communicate"))
#: The first words of :data:`_CONDITION_OPENS`.
_CONDITION_WORDS = frozenset(("where", "if", "when", "whenever", "provided", "to", "in", "insofar"))
# A duty to tell, its verb after "will", "shall" or "must": "shall, without undue delay, notify".
_DUTY_TO_TELL = re.compile(r"\b(?:will|shall|must)\b[^.;]{0,80}?\b(?:notify|inform|tell|alert|warn|contact|reach|communicate)\b", re.I)
#: Words of a time before: notice ahead of what it is about.
_AHEAD = frozenset(("before", "prior", "advance", "ahead", "beforehand"))
#: Words of a time after.
_AFTER = frozenset(("after", "following", "afterwards", "thereafter", "once"))
# What opens a condition: "where the incident is likely to …", "if we consider", "provided that".
_CONDITION_OPENS = re.compile(r"\b(?:where|if|when|whenever|provided\s{1,3}that|to\s{1,3}the\s{1,3}extent|in\s{1,3}so\s{1,3}far\s{1,3}as|insofar\s{1,3}as)\b", re.I)


def _opt_in_made_opt_out(change: ClauseChange) -> bool:
    """True when a clause that ruled something out unless the reader agreed now does it unless the
    reader says no: before its exception the old clause negates and the new one does not, and the
    new exception holds a negation or an objection ("… unless you tick the box to tell us you would
    rather we did not") — consent made an opt-out (GDPR Art. 4(11), 7)."""
    old = _EXCEPTION_OPENS.search(change.old_text)
    new = _EXCEPTION_OPENS.search(change.new_text)
    if old is None or new is None or not negates(change.old_text[: old.start()]) or negates(change.new_text[: new.start()]):
        return False
    if negates(change.old_text[old.end(): _exception_end(change.old_text, old.end())]):
        return False
    exception = change.new_text[new.end(): _exception_end(change.new_text, new.end())]
    return negates(exception) or _OBJECTS.search(exception) is not None


def consent_made_opt_out(change: ClauseChange) -> bool:
    """True when an edited clause (or a table's row) that asked for the reader's consent no longer
    speaks of consent and now offers a way to say no or acts by itself: "requires your express
    consent" → "are enrolled automatically …, and you can opt out at any time"."""
    if change.kind != "edited" or not _AGREEING.isdisjoint(change.new.wordset):  # type: ignore[union-attr]
        return False
    # (or an opt-in in so many words: "only to those who have expressly subscribed to them" →
    # "Customers who place an order are subscribed automatically unless they untick the box")
    asked = (not _AGREEING.isdisjoint(change.old.wordset) or not _ASKING.isdisjoint(change.old.wordset)) and _ASKS_CONSENT.search(change.old_text) is not None \
        or not _OPTING_IN.isdisjoint(change.old.wordset) and _OPTED_IN.search(change.old_text) is not None \
        or "only" in change.old.wordset and not _SWITCHING_ON.isdisjoint(change.old.wordset) and _SWITCHED_ON.search(change.old_text) is not None  # type: ignore[union-attr]
    return asked and _OPTS_OUT.search(change.new_text) is not None and _OPTS_OUT.search(change.old_text) is None


#: The words of an opt-in said as the reader's own act, and the act.
_OPTING_IN = frozenset(("expressly", "explicitly", "actively"))
_OPTED_IN = re.compile(r"\b(?:expressly|explicitly|actively)\s{1,3}(?:subscribed|signed\s{1,3}up|opted\s{1,3}in|chosen|chose|requested)\b", re.I)


#: The words of an opt-in said as the reader switching something on, and the act: "Your profile will
#: only appear in the directory if you activate it yourself".
#: (turning it on, said of a default, is the rights rule's: "Sent only if you turn them on (off by default)")
_SWITCHING_ON = frozenset(("activate", "activates", "enable", "enables"))
_SWITCHED_ON = re.compile(r"\b(?:if|when|once|after)\s{1,3}you\s{1,3}(?:choose\s{1,3}to\s{1,3})?(?:activate|enable)\b", re.I)


#: What :func:`consent_made_opt_out` finds, said.
CONSENT_MADE_OPT_OUT = "The limit's exception no longer waits for the reader to ask: it applies unless the reader objects."


def _opted_out_instead(change: ClauseChange, context: Context) -> bool:
    """True when the block a removed clause that asked for consent came from gained a clause that
    speaks of the same thing (a word of substance in common) without consent, with a way to say no
    or done by itself (see :data:`_OPTS_OUT`)."""
    assert change.old is not None
    # (a clause that says only that it waits, "Only if you authorise it.", names nothing: its block's
    # new clause that acts by itself is enough)
    wanted = root_stems(content_words(change.old.wordset - _AGREEING - LIMITS)) - _CONSENT_STEMS
    return any("consent" not in clause.wordset and _OPTS_OUT.search(clause.text) is not None and (not wanted or not wanted.isdisjoint(root_stems(clause.wordset)))
               for clause in context.gained_clauses(change))


#: Stems of the words of consent itself (what a clause that asks for it and one that offers a way out need not share).
_CONSENT_STEMS = frozenset(root_stems(("consent", "express", "give")))
#: Words that make a duty an effort: "endeavour to respond", "will try to", "aim to".
_BEST_EFFORTS = frozenset(("endeavour", "endeavor", "endeavours", "endeavors", "strive", "strives", "try", "tries", "attempt", "attempts", "aim", "aims"))
# A limit that binds whatever the effort: "and in any case within one month", "at the latest".
_FIRM_STILL = re.compile(r"\bin\s{1,3}any\s{1,3}(?:case|event)\b|\bat\s{1,3}the\s{1,3}latest\b|\bno\s{1,3}later\s{1,3}than\b", re.I)
#: Words of asking the reader first, other than agreeing: "We will ask you …", "unless the school opts in", "You must opt in".
_ASKING = frozenset(("ask", "opts", "opt"))
#: The words of the reader's agreement (without one of them a clause asks for none).
_AGREEING = frozenset(("consent", "agree", "agrees", "agreed", "authorization", "authorisation", "permission", "allowed", "enabled",
                       # ("if you authorise it"; not "authorised", said of staff: "access restricted to authorised staff")
                       "authorise", "authorize"))
# Consent asked for: "obtains prior written consent", "requires your express consent", "only with your
# written authorization", "unless you agree to the Company keeping your details", "only if you have
# allowed access to geolocation", "We will ask you separately … before we share".
_ASKS_CONSENT = re.compile(
    r"\b(?:obtain|obtains|obtained|obtaining|require|requires|required|ask|asks|seek|seeks|get|gets|need|needs|with|after|give|gives|confirm|confirms|grant|grants)\b"
    r"(?:\s{1,3}[\w-]{1,20}){0,4}?\s{1,3}(?:consent|permission|authori[sz]ation)\b"
    r"|\b(?:unless|only\s{1,3}if|if|once|after)\s{1,3}you\s{1,3}(?:have\s{1,3})?(?:agree|agreed|consent|consented|allowed|enabled|opted\s{1,3}in|authori[sz]e|authori[sz]ed)\b"
    # a box the reader ticks, never ticked for them: "… by means of a box to tick, not pre-ticked"
    r"|\bnot\s{1,3}pre-?(?:ticked|checked|selected)\b|\bnever\s{1,3}pre-?(?:ticked|checked|selected)\b"
    r"|\bask\s{1,3}you\b[^.;]{0,40}?\bbefore\b"
    # whoever the reader is: "SmartSort is off unless the school opts in in writing"
    r"|\bunless\s{1,3}(?:you|the\s{1,3}[\w-]{1,30})\s{1,3}opts?\s{1,3}in\b"
    r"|\b(?:must|need\s{1,3}to|have\s{1,3}to)\s{1,3}(?:[\w-]{1,20}\s{1,3})?opt[\s-]in\b"
    r"|\bconsent\b[^.;]{0,120}?\b(?:is|are|will\s{1,3}be)\s{1,3}(?:requested|asked\s{1,3}for|sought|obtained|required)\b"
    # ruled out without it: "We will not use photos of your child … without your separate written consent"
    r"|\b(?:not|never)\b[^.;]{0,160}?\bwithout\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,4}?consent\b", re.I)
# A way to say no, or nothing asked at all: "opt the student out", "you can opt out", "enrolled
# automatically", "unless you ask the Company to delete them", "unless you instruct us in writing not
# to", "to every Client who has not objected", "unless you have disabled access".
_OPTS_OUT = re.compile(
    # (or the reader switching off what is on: "…; you can deactivate it from the app")
    r"\b(?:you|they)\s{1,3}(?:can|may)\s{1,3}(?:always\s{1,3}|at\s{1,3}any\s{1,3}time\s{1,3})?(?:deactivate|disable|(?:turn|switch)\s{1,3}(?:it\s{1,3}|them\s{1,3})?off)\b|"
    # (or unticks a box ticked for them: "…, unless he unticks the box provided for this purpose")
    r"\bunless\s{1,3}(?:you|he|she|they|the\s{1,3}user)\s{1,3}(?:untick|unticks|uncheck|unchecks|deselect|deselects)\b|\bactivated\s{1,3}by\s{1,3}default\b|"
    r"\bopt(?:s|ed|ing)?\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}?out\b|\bopt-out\b|\bautomatically\b|\bunless\s{1,3}you\s{1,3}(?:have\s{1,3})?(?:object|objected|disabled|turned\s{1,3}off|switched\s{1,3}off|refused|declined)"
    r"|\b(?:has|have)\s{1,3}not\s{1,3}objected\b|\b(?:may|can)\s{1,3}object\b"
    r"|\bunless\s{1,3}you\s{1,3}(?:ask|tell|instruct)\s{1,3}(?:us|the\s{1,3}[\w-]{1,30})\s{1,3}(?:[\w'-]{1,20}\s{1,3}){0,3}?(?:to\s{1,3})?(?:delete|erase|remove|stop|not|rather|prefer\w{0,2})\b", re.I)


# The reader saying no: "you object", "you opt out", "you tell us you would rather …", "you untick".
_OBJECTS = re.compile(r"\b(?:object\w{0,3}|opt(?:s|ed)?[\s-]out|rather|untick\w{0,3}|unsubscrib\w{0,3}|withdraw\w{0,3}|say\s{1,3}no)\b", re.I)


def _exception_widened(change: ClauseChange) -> bool:
    """True when a clause that rules something out gained, within its exception and joined to what
    the exception already let through, a further case ("for anything other than verifying your
    profile" → "… verifying your profile and improving our technology")."""
    text = change.new_text
    if _OTHER_THAN_WORDS.isdisjoint(change.new.wordset):  # type: ignore[union-attr]
        return False
    exception = _OTHER_THAN.search(text)
    if exception is None:
        return False
    stop = part_end(text, exception.end())

    def within(start: int) -> bool:
        # (the cases may go on after what qualifies the last: "except with our provider, under our
        # instructions, and with other banks"; a semicolon or a colon ends them)
        # (or after a remark in brackets: "unless the law obliges us to (see section 5) or …")
        return start < stop or text[start - 2: start].strip() in (",", ")") and ";" not in text[exception.end(): start] and ":" not in text[exception.end(): start]

    words = change.new.words  # type: ignore[union-attr]

    def joined(span: Span) -> bool:
        # (the word diff may set the joining word at the run's end instead: "Subject [and training
        # its models] and" is read "Subject and [training its models and]")
        if span.new[0].norm in _ALTERNATIVES:
            return True
        at = words.index(span.new[0])
        return at > 0 and words[at - 1].norm in _ALTERNATIVES and span.new[-1].norm == words[at - 1].norm

    return any(
        span.new and not span.old and exception.end() < span.new[0].start and within(span.new[0].start) and joined(span)
        and not STOP.issuperset(w.norm for w in span.new)
        for span in change.spans
    )


# The conditions a limited permission is given on: "permitted only …, subject to the four-eyes
# principle and in the presence of a member of the works council".
_ON_CONDITIONS = re.compile(r"\b(?:subject to|provided that|on condition that|in the presence of|with the (?:prior |written )?(?:approval|consent|agreement) of)\b", re.I)


def _conditions_ask_less(change: ClauseChange) -> bool:
    """True when words were only taken out, each run a condition joined with "and" to those a
    limited permission is given on, after where they begin: "only …, subject to the four-eyes
    principle and in the presence of a member of the works council" → "only …, subject to the
    four-eyes principle" lets more through."""
    if change.added_words or any(span.new for span in change.spans) or change.old is None:
        return False
    condition = _ON_CONDITIONS.search(change.old_text)
    if condition is None:
        # (or a second requirement of what "only" admits: "only with an order that is legally binding
        # under Swiss law and has been approved by a Swiss court" — "and" before a verb of its own
        # asks more of the same thing; "only with A and B" names two things admitted. The verb goes
        # on from a relative clause of what is admitted ("that is …"); without one it is the
        # subject's own: "They may only process it as instructed by us and are contractually bound
        # to keep it secure" says two things of them, and the second is no condition of the first)
        norms = change.old.norms
        only = norms.index("only") if "only" in change.old.wordset else -1
        return only >= 0 and all(
            only < start and span.old[0].norm == "and" and len(span.old) > 2 and span.old[1].norm in _AUXILIARIES
            and not _RELATIVES.isdisjoint(norms[only:start])
            for span, (start, _) in zip(change.spans, change.old_changed) if span.old)
    return all(condition.start() < span.old[0].start and span.old[0].norm == "and" and len(span.old) > 2
               for span in change.spans if span.old)


#: Words that ask a request or an order to take a form: "a written request", "a valid and binding order".
_FORMALITIES = frozenset(("written", "signed", "formal", "formally", "valid", "lawful", "legally", "binding", "official", "judicial",
                          "court-issued", "notarised", "notarized", "certified", "sworn", "enforceable",
                          # who must have issued it: "a subpoena issued by a court"
                          "issued", "court", "courts", "judge", "judges"))


#: The same, as stems (the words a clause lost are read as stems).
_FORMALITY_STEMS = frozenset(root_stems(_FORMALITIES))


def _formality_dropped(change: ClauseChange) -> bool:
    """True when an edited limit only lost words that asked what it admits to take a form, after the
    word that sets the limit: "only upon receiving a written request from an authorised officer" →
    "only upon receiving a request …" admits a request made by telephone too."""
    if change.added_words or not change.removed_words or change.old is None \
            or not all(w in _FORMALITIES or w in _FORMALITY_STEMS for w in change.removed_words):
        return False
    start = next((w.start for w in change.old.words if w.norm in LIMITS), None)
    return start is not None and all(span.old[0].start > start for span in change.spans if span.old)


#: Verbs that begin a further predicate of the same subject ("… that is binding and has been approved").
_AUXILIARIES = frozenset(("has", "have", "is", "are", "was", "were", "must", "will", "shall"))
#: Words that open a relative clause ("an order that is binding").
_RELATIVES = frozenset(("that", "which", "who", "whose", "whom"))


# The legal process a disclosure may answer, strongest first: a warrant needs a judge and probable
# cause (US Const. amend. IV; 18 U.S.C. § 2703), a court order less, a subpoena none of them.
_PROCESS = re.compile(r"\b(?:(?P<warrant>(?:search )?warrants?)|(?P<order>court orders?)|(?P<subpoena>subpoenas?))\b", re.I)
_PROCESS_RANK = {"warrant": 3, "order": 2, "subpoena": 1}


def _lesser_process(change: ClauseChange) -> str | None:
    """The weaker legal process an edited clause now answers, when it answered only stronger ones
    ("only in response to a valid warrant" → "only in response to a valid subpoena, court order,
    or warrant")."""
    if "warrant" not in change.old.wordset and "warrants" not in change.old.wordset:  # type: ignore[union-attr]
        return None
    old = [_PROCESS_RANK[m.lastgroup] for m in _PROCESS.finditer(change.old_text) if m.lastgroup]
    new = [(_PROCESS_RANK[m.lastgroup], m.group()) for m in _PROCESS.finditer(change.new_text) if m.lastgroup]
    if not old or not new:
        return None
    weakest = min(new)
    return weakest[1] if weakest[0] < min(old) else None


# Words that begin a qualifier of what a negation rules out: where, to whom, for what, which.
_QUALIFIERS = frozenset(("on", "in", "to", "for", "with", "within", "through", "via", "outside", "that", "which", "who", "when", "where", "if", "unless",
                         # an age that leaves the older out: "never send marketing directly to a Junior Rover under 13"
                         "under", "aged", "below", "over"))


#: The words that open a citation of a law, and the words that name one.
_CITING = frozenset(("under", "pursuant", "according", "as"))
_LAW_NAMES = frozenset(("code", "act", "law", "laws", "regulation", "regulations", "decree", "ordinance", "statute", "directive", "gdpr"))


def _ruled_out_narrowed(change: ClauseChange) -> str | None:
    """The qualifier a negated clause gained right after what it rules out, when words were only
    added: "We do not use your health data for targeted advertising" → "… for targeted advertising
    on third-party websites and apps" rules out only that, and leaves the rest allowed. (Words
    joined with "or" or "and" rule out more: "… for targeted advertising or profiling".)"""
    if change.removed_words or change.new is None:
        return None
    negation = _negation(change.new.words)
    if negation is None:
        return None
    for span in change.spans:
        if span.old or not span.new:
            continue
        first = span.new[0]
        if first.norm in _CITING and not _LAW_NAMES.isdisjoint(w.norm for w in span.new) and any(w.written[:1].isupper() for w in span.new):
            continue  # the law it is said under, named: "… not sui juris by marriage under the Civil and Commercial Code"
        if first.start > negation.start and (
                first.norm in _QUALIFIERS and not STOP.issuperset(w.norm for w in span.new) and _EVERY.isdisjoint(w.norm for w in span.new)
                # one word that narrows what follows it: "your location" → "your precise location"
                or len(span.new) == 1 and first.norm in _NARROWING
                # a kind put before the reader's information as a whole: "your personal information" →
                # "your personal financial information" leaves every other kind of it unruled
                or len(span.new) <= 2 and _before_information(change.new.words, span) and STOP.isdisjoint(w.norm for w in span.new)
                and _EVERY.isdisjoint(w.norm for w in span.new)):
            return " ".join(w.written for w in span.new)
    return None


def _exception_after_negation(change: ClauseChange) -> bool:
    """True when both sides of an edited clause negate and a word of exception it gained stands after
    the negation: an exception to what is ruled out ("They will not copy or photograph your ID,
    unless they believe it may have been altered")."""
    if not (change.old_reading.negated and change.new_reading.negated):  # type: ignore[union-attr]
        return False
    negation = _negation(change.new.words)  # type: ignore[union-attr]
    # (an entry whose negation is its lead-in's: "The District will never: - remotely activate a
    # device's camera or microphone, except to locate a device …")
    start = negation.start if negation is not None else -1 if change.new.item else None  # type: ignore[union-attr]
    return start is not None and any(w.norm in _EXCEPTING and w.start > start for span in change.spans for w in span.new)


#: Purposes named as nouns, that a word put before them narrows.
_PURPOSE_NOUNS = frozenset(("advertising", "marketing", "profiling", "analytics", "research", "training", "sale", "sales"))


def _before_information(words: "tuple[Word, ...]", span: "Span") -> bool:
    """True when the run of words ``span`` gained stands right before "information" or "data", after
    "personal", "your" or a word that names a kind of it: a kind of the reader's information named
    where all of it (or all of that kind) was."""
    at = words.index(span.new[-1]) + 1
    start = words.index(span.new[0])
    if at >= len(words) or start == 0:
        return False
    if words[at].norm in _PURPOSE_NOUNS:
        return True  # ("for advertising" → "for third-party advertising": some of it)
    # (or before the purposes it rules out: "for their own purposes" → "for their own marketing purposes")
    # ("connected-vehicle data" → "connected-vehicle location data": the kind the word before named, narrowed)
    return words[at].norm in ("information", "data") and (words[start - 1].norm in ("personal", "your") or words[start - 1].norm not in STOP) \
        or words[at].norm in ("purpose", "purposes") and words[start - 1].norm in ("own", "other", "any")


#: Words that name the reader's information as a whole ("personal data", "your information").
_ALL_INFORMATION = frozenset(("personal", "data", "information", "content", "contents", "your", "any", "all", "the", "of", "customer", "user", "customers'", "users'",
                              # (a whole category too: "sensitive personal information" → "your identity card number")
                              "sensitive", "special", "category", "categories"))
#: (the whole of what is held: "no access to the content of the record" → "… to the medical documents stored in the record")
_INFORMATION = frozenset(("data", "information", "content", "contents"))


def _object_narrowed(change: ClauseChange) -> str | None:
    """The kind of information a negated clause now rules out, when it ruled out the reader's
    information as a whole: "We do not sell personal data" → "We do not sell video or audio
    recordings" leaves the rest of it free to sell."""
    if change.old is None or change.new is None:
        return None
    negation = _negation(change.old.words)
    if negation is None:
        return None
    for span in change.spans:
        if not span.old or not span.new or span.old[0].start < negation.start:
            continue
        olds = [w.norm for w in span.old]
        if _ALL_INFORMATION.issuperset(olds) and not _INFORMATION.isdisjoint(olds) and _INFORMATION.isdisjoint(w.norm for w in span.new) \
                and not STOP.issuperset(w.norm for w in span.new):
            return " ".join(w.written for w in span.new)
        # (the word that made it all of it, replaced by a kind: "your child's personal information" → "… health information")
        if olds == ["personal"] and len(span.new) <= 2 and not STOP.issuperset(w.norm for w in span.new) and _INFORMATION.isdisjoint(w.norm for w in span.new):
            following = [w.norm for w in change.new.words if w.start > span.new[-1].end][:1]
            if following and following[0] in _INFORMATION:
                return " ".join(w.written for w in span.new)
    return None


#: Words that, put in place of "other", leave out what is related: "we do not use it for any other
#: purpose" → "… for any unrelated purpose" lets every purpose the company deems related through.
_ONLY_UNRELATED = frozenset(("unrelated", "incompatible", "inconsistent", "unconnected", "different"))


def _other_narrowed(change: ClauseChange) -> str | None:
    """The word put in place of "other" in what a negated clause rules out (:data:`_ONLY_UNRELATED`)."""
    for span in change.spans:
        if [w.norm for w in span.old] == ["other"] and len(span.new) == 1 and span.new[0].norm in _ONLY_UNRELATED:
            return span.new[0].written
    return None


def _verb_narrowed(change: ClauseChange) -> str | None:
    """The narrower verb a negated clause now rules out, put in place of a wider one: "We never use
    the content of your messages for advertising" → "We never sell …" leaves every other use open."""
    for span in change.spans:
        if len(span.old) == 1 and len(span.new) == 1 and (
                span.old[0].norm in _WIDE_VERBS and span.new[0].norm in _NARROW_VERBS
                # ("We do not share your voice recordings with advertisers" → "We do not sell …": a
                # sale is one way of sharing; the others are no longer ruled out)
                or span.old[0].norm in _SHARING_VERBS and span.new[0].norm in _SELLING_VERBS
                and _word_before(change.old.words, span.old[0]) not in _DETERMINERS
                # (not where the verb still stands as often: "does not provide …" → "does not sell …, and
                # does not provide it …", which the word diff reads as "provide" made "sell")
                and change.old.norms.count(span.old[0].norm) > change.new.norms.count(span.old[0].norm)):  # type: ignore[union-attr]
            # (a noun, not the verb: "This share does not grant …" → "This license …")
            return span.new[0].written
    return None


# Others made the only ones a negation binds: "allow third parties to", "let our partners".
_LETTING_OTHERS = re.compile(
    r"(?:allow|allows|let|lets|permit|permits|authori[sz]e|authori[sz]es)\s{1,3}(?:any\s{1,3}|our\s{1,3})?"
    r"(?:third[- ]parties|third[- ]party\s{1,3}\w{1,20}|others|other\s{1,3}companies|partners|advertisers|anyone(?:\s{1,3}else)?)(?:\s{1,3}to)?", re.I)


def _gains_what_its_block_said(change: ClauseChange, context: Context) -> bool:
    """True when every word of substance an edited clause gained stood in its block before."""
    gained = root_stems(change.changed_new_words)
    return bool(gained) and gained <= root_stems(plain_words(context.block_text(change, "old") or ""))


def _limit_said_as_exception(change: ClauseChange) -> bool:
    """True when what a limit let through ("only as described in this Policy or as required or
    permitted by law") is now the exception to a negation, in the same words of substance ("Except
    as described in this Policy or as required or permitted by law, the Lottery does not disclose
    personal information"): the same limit, said the other way round."""
    only = LIMIT_WORD.search(change.old_text)
    excepted = _OTHER_THAN.search(change.new_text) if only is not None and change.new_reading.negated else None  # type: ignore[union-attr]
    if only is None or excepted is None:
        return False
    let_through = root_stems(plain_words(change.old_text[only.end(): _case_end(change.old_text, only.end())]))
    return bool(let_through) and let_through == root_stems(plain_words(change.new_text[excepted.end(): _case_end(change.new_text, excepted.end())]))


def _others_only(change: ClauseChange) -> str | None:
    """The words put between a negation and its verb that make it bind only others: "We never use
    your health information for direct marketing" → "We never allow third parties to use …" leaves
    the company's own use open."""
    assert change.new is not None
    negation = _negation(change.new.words)
    for span in change.spans:
        if not span.old and span.new and negation is not None and span.new[0].start > negation.start \
                and _LETTING_OTHERS.fullmatch(change.new_text, span.new[0].start, span.new[-1].end) is not None:
            return " ".join(w.written for w in span.new)
    return None


#: Verbs of handling information, the widest first: ruling out "use" rules out selling; ruling out "sell" leaves using.
_WIDE_VERBS = frozenset(("use", "uses", "process", "processes", "handle", "handles", "access", "accesses"))
_NARROW_VERBS = frozenset(("sell", "sells", "rent", "rents", "license", "licence", "licenses", "trade", "trades", "share", "shares",
                           "disclose", "discloses", "transfer", "transfers", "publish", "publishes"))


def _negation(words: "Sequence[Word]", start: int = 0) -> Word | None:
    """The first word of ``words`` at or after ``start`` that negates ("without" qualifies rather
    than negates: "without attribution"; "No." before a figure is a number: "NPC Circular No. 2020-03")."""
    return next((w for n, w in enumerate(words) if w.start >= start and negative(w.norm) and w.norm != "without"
                 and not (w.norm == "no" and n + 1 < len(words) and words[n + 1].norm[:1].isdigit())), None)


def _word_after(words: "tuple[Word, ...]", word: Word) -> Word | None:
    """The word after ``word`` in ``words`` (None for the last)."""
    at = words.index(word) + 1
    return words[at] if at < len(words) else None


def _word_before(words: "tuple[Word, ...]", word: Word) -> str:
    """The lower-case word before ``word`` in ``words`` ("" for the first)."""
    at = words.index(word)
    return words[at - 1].norm if at > 0 else ""


#: Words that make the word after them a noun.
_DETERMINERS = frozenset(("a", "an", "the", "this", "that", "these", "those", "its", "our", "your", "their", "such"))
#: Of those, the verbs of letting others have it, and the narrower verbs of doing so for money.
_SHARING_VERBS = frozenset(("share", "shares", "disclose", "discloses", "transfer", "transfers", "provide", "provides", "give", "gives", "pass", "passes"))
_SELLING_VERBS = frozenset(("sell", "sells", "rent", "rents", "license", "licence", "licenses", "trade", "trades"))


#: Words that, put before what a negation rules out, rule out only part of it.
_NARROWING = frozenset(("precise", "exact", "sensitive", "identifiable", "raw", "full", "detailed", "real-time", "continuous",
                        "individual", "specific", "complete", "unencrypted", "named", "entire", "whole"))


#: Words that qualify by leaving nothing out: "with anyone", "in any way", "for any purpose".
_EVERY = frozenset(("any", "anyone", "anybody", "anything", "anywhere", "whatsoever", "ever", "all", "whatever"))


def _same_limit(change: ClauseChange) -> bool:
    """True when both sides limit with the same word and the same words after it ("providers who
    process data only on our instructions" → "…, who act only on our instructions"): the limit
    stands, whatever verb it now follows."""
    def after_limit(clause: "Clause | None") -> tuple[str, ...]:
        norms = clause.norms if clause is not None else []
        at = next((i for i, w in enumerate(norms) if w in LIMITS), None)
        return tuple(norms[at: at + 5]) if at is not None else ()

    limit = after_limit(change.old)
    if len(limit) >= 3 and limit == after_limit(change.new):
        return True
    # (or the same condition after it, whatever verb the limit now governs: "the DVLA will only
    # release this where we have reasonable cause" → "which the DVLA will only do where we have
    # reasonable cause")
    return _limit_condition(change.old) is not None and _limit_condition(change.old) == _limit_condition(change.new)


#: The words that open the condition of a limit: "only where …", "only if …".
_LIMIT_CONDITIONS = frozenset(("where", "if", "when", "with", "after", "once", "for"))


def _limit_condition(clause: "Clause | None") -> tuple[str, ...] | None:
    """The limit's word and the first five words of the condition within three words after it ("only
    … where we have reasonable cause"), or None."""
    norms = clause.norms if clause is not None else []
    at = next((i for i, w in enumerate(norms) if w in LIMITS), None)
    if at is None:
        return None
    opens = next((i for i in range(at + 1, min(at + 4, len(norms))) if norms[i] in _LIMIT_CONDITIONS), None)
    return (norms[at], *norms[opens: opens + 5]) if opens is not None and len(norms) - opens >= 4 else None


def _bracketed(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` stands inside brackets of its own: "(" just before, ")" just after."""
    return text[max(0, start - 2): start].rstrip().endswith("(") and text[end: end + 2].lstrip().startswith(")")


_EXCEPTIONS = frozenset(("unless", "except"))
# The same in several words: "as a general rule", "in principle", "where possible".
_HEDGE_PHRASE = re.compile(
    r"\b(?:as\s{1,3}a\s{1,3}(?:general\s{1,3})?rule|in\s{1,3}principle|in\s{1,3}general|in\s{1,3}most\s{1,3}cases|for\s{1,3}the\s{1,3}most\s{1,3}part"
    r"|where(?:ver)?\s{1,3}(?:possible|practicable|feasible))\b", re.I)
#: The words without which :data:`_HEDGE_PHRASE` does not match.
_HEDGE_PHRASE_WORDS = frozenset(("rule", "principle", "general", "most", "possible", "practicable", "feasible"))


def _gained_hedge(change: ClauseChange) -> str | None:
    """The word or phrase that makes an edited clause's rule one with exceptions, gained where the
    clause did not say it in other words ("not … on a routine basis" → "do not routinely …"), or None."""
    assert change.old is not None
    hedge = next((w for w in change.changed_new_words if w in _HEDGES and w not in change.old.wordset and w[:6] not in change.old_text.lower()), None)
    if hedge is None and not _HEDGE_PHRASE_WORDS.isdisjoint(change.changed_new_words):
        phrase = _HEDGE_PHRASE.search(change.changed_new_text())
        if phrase is not None and _HEDGE_PHRASE.search(change.old_text) is None:
            return phrase.group()
    return hedge


#: Words that make a rule one with exceptions: "generally don't", "usually not".
_HEDGES = frozenset(("generally", "usually", "typically", "normally", "ordinarily", "mostly", "largely", "mainly", "often", "rarely",
                     "routinely", "systematically", "necessarily", "always"))
_ALTERNATIVES = frozenset(("or", "and", "otherwise", "also"))
# After "limited to" ("restricted to", "limit access to"), any comma ends what the limit covers ("limited to the engineers who need
# it, requires two-factor sign-in and is logged"); after "only", the part of the sentence ends it
# (see :func:`.context.part_end`).
_PHRASE_SCOPE_END = re.compile(r"[,;:(]")


def _replaced_in_scope(change: ClauseChange) -> str | None:
    """The words put in place of others within what a clause's limit lets through, when they name
    more than the words they replaced ("we share with that introducing broker only your name, …
    and whether you have made a first deposit" → "… and the amount and date of each deposit and
    withdrawal you make"), or None."""
    words = change.new.words if change.new is not None else ()
    limit = next((w for w in words if w.norm in LIMITS), None)
    if limit is None or limit.norm in _EXCEPTIONS:
        return None
    stop = part_end(change.new_text, limit.end)
    if any(span.new and not limit.end < span.new[0].start < stop for span in change.spans):
        return None  # (a clause reworded around its limit says it again in other words)
    for span in change.spans:
        if not span.old or not span.new:
            continue
        gained = content_words([w.norm for w in span.new]) - content_words(change.old.wordset)  # type: ignore[union-attr]
        lost = content_words([w.norm for w in span.old]) - content_words(change.new.wordset)  # type: ignore[union-attr]
        if len(gained) > len(lost):
            return " ".join(w.written for w in span.new)
    return None


def _widened_in_scope(change: ClauseChange) -> bool:
    """True when words were added within what the clause's limit covers — after its limiting word
    and before the end of that part of the sentence ("only with our host" → "only with our host and
    our advertisers"): what the limit lets through now includes more. Words added before it ("the
    UK GDPR" written out in the subject), or after it ("under written contracts"), leave the limit
    as it was."""
    text = change.new_text
    words = change.new.words if change.new is not None else ()
    limit = next((w for w in words if w.norm in LIMITS), None)
    if limit is not None and limit.norm not in _EXCEPTIONS and any(
            not span.old and span.new and span.new[0].norm == "or" and span.new[0].start > limit.end
            # (not one more thing a negation after the limit rules out: "…, and never for their own advertising or to build profiles")
            and not any(negative(w.norm) and limit.end < w.start < span.new[0].start for w in words)
            for span in change.spans):
        # another way through, set after the first: "only upon a written request …, or, in exigent
        # circumstances, upon an oral request documented within 72 hours"
        return True
    if limit is not None:
        start = limit.end
        stop = part_end(text, start)
        if stop < len(text) and text[stop] == ":":
            # the limit's scope goes on in the enumeration after a colon: "only with service
            # providers that help us run the app: our cloud hosting provider, …"
            stop = part_end(text, stop + 1)
        who = _ONLY_WHO.match(text, limit.start)
        if who is not None:
            stop = min(stop, who.end())
        if limit.norm in _EXCEPTIONS:
            # "unless you turn on backup" → "… backup in the settings" says where; "… backup or share
            # a photo" adds a further way out of the limit
            return any(
                span.new and start <= span.new[0].start < stop and any(w.norm in _ALTERNATIVES for w in span.new)
                for span in change.spans
            )
    else:
        phrase = limiting(text)
        if phrase is None:
            return True
        start = phrase.end()
        end = _PHRASE_SCOPE_END.search(text, start)
        stop = end.start() if end is not None else len(text)
    # (words that carry no meaning of their own let nothing more through: "only if you set it" →
    # "only when you have set it"; nor do words after a negation within the limit, which rule out
    # more: "only to run the service and never for their own advertising" → "… advertising or to
    # build profiles of you")
    gained = {id(w) for span in change.spans for w in span.new}
    negation = next((w.start for w in words if w.start >= start and w.norm in NEGATIONS and id(w) not in gained), None)
    if negation is not None and negation < stop:
        stop = negation
    # (nor a name set beside those it names: "our hosting provider, Amazon Web Services, in Ireland")
    # (nor words that rule out more themselves: "only on our instructions" → "… and are contractually
    # barred from using your data for their own purposes")
    return any(span.new and span.new[0].start < stop and span.new[-1].end > start and not STOP.issuperset(w.norm for w in span.new)
               and not named_beside(change, span) and RULES_OUT.isdisjoint(w.norm for w in span.new) for span in change.spans)


# The company's own part of a sentence that begins with the reader: "You can turn off history, and
# we then do not store new conversations."
_COMPANY_PART = re.compile(r"(?:,|;)\s{1,3}(?:and\s{1,3})?(?:we|us)\b", re.I)


def _company_part_weakened(change: ClauseChange) -> Finding | None:
    """A sentence in which the reader acts and the company then promises something ("…, and we then
    do not store new conversations"): its company's part no longer rules out what it did."""
    if change.kind != "edited":
        return None
    old, new = _COMPANY_PART.search(change.old_text), _COMPANY_PART.search(change.new_text)
    if old is None:
        return None
    old_part = change.old_text[old.start():]
    new_part = change.new_text[new.start():] if new is not None else ""
    if negates(old_part) and not negates(new_part) and not ("without" in change.changed_new_words and _said_with_without(change)) \
            and not _closing_said_as_limit(change) and not _contrast_said_otherwise(change):
        return change.finding("commitments", "material", "The clause no longer says “not”.")
    return None


# A disclosure (or other handling) limited to what the law compels: "We may disclose data to the
# police when the law requires us to"; without it, the company does it whenever it chooses.
_LAW_REQUIRES = Anchored(re.compile(
    r"\b(?:when|where|if|as|to the extent|only if|only when|whenever|wherever)\s{1,3}(?:(?:the\s{1,3})?(?:law|legislation)"
    # (or the law and a court's order together: "Where the law or an order of court obliges the College to do so")
    r"(?:\s{1,3}or\s{1,3}(?:an?\s{1,3})?(?:order\s{1,3}of\s{1,3}(?:a\s{1,3}|the\s{1,3})?court|court\s{1,3}order))?\s{1,3}(?:requires|obliges)|(?:it\s{1,3}is\s{1,3})?required\s{1,3}by\s{1,3}(?:the\s{1,3})?law"
    r"|(?:it\s{1,3}is\s{1,3})?legally\s{1,3}required|(?:we\s{1,3}are|we're)\s{1,3}(?:legally\s{1,3})?(?:required|obliged|obligated|bound)|we\s{1,3}must\s{1,3}by\s{1,3}law"
    # a court's order or a warrant compels it too: "if a court orders us to", "when served with a warrant"
    r"|a\s{1,3}court\s{1,3}orders?|(?:we\s{1,3}are\s{1,3})?ordered\s{1,3}(?:to\s{1,3}by\s{1,3})?(?:by\s{1,3})?a\s{1,3}court"
    r"|(?:we\s{1,3}(?:are\s{1,3}served\s{1,3}with|receive)\s{1,3})?a\s{1,3}(?:valid\s{1,3})?(?:court\s{1,3}order|warrant|subpoena))\b"
    # the law, or an order, named first: "When a law, subpoena, or court order requires it, we may disclose …"
    r"|\b(?:when|where|if)\s{1,3}(?:a|an|the|any)\s{1,3}(?:law|court\s{1,3}order|subpoena|warrant)\b[^.;]{0,40}?\brequires?\b"
    # the law as what makes the company do it: "Sometimes the law requires us to disclose it"
    r"|\b(?:the\s{1,3})?law\s{1,3}requires(?:\s{1,3}or\s{1,3}(?:allows|permits))?\s{1,3}us\s{1,3}to\b"
    # the company's belief that the law requires it: "when we believe in good faith that the law requires it"
    r"|\b(?:believe|consider|determine)s?\s{1,3}(?:in\s{1,3}good\s{1,3}faith\s{1,3})?that\s{1,3}(?:the\s{1,3})?law\s{1,3}requires\b",
    re.I,
), starts=("when", "where", "if", "as", "to", "only", "the", "law", "believe", "consider", "determine", "whenever", "wherever"))


def _law_limit_lost(change: ClauseChange) -> "re.Match[str] | None":
    """Where the old clause limited itself to what the law requires, when the new one no longer does."""
    if "requir" not in change.old_text and "law" not in change.old_text and "court" not in change.old_text \
            and "warrant" not in change.old_text and "subpoena" not in change.old_text:
        return None
    old = _LAW_REQUIRES.search(change.old_text)
    if old is not None and LAW_PERMITS.search(change.new_text) is not None and LAW_PERMITS.search(change.old_text) is None:
        return old  # "where the law requires us to" → "where the law requires or permits us to": whenever it may
    return old if old is not None and _LAW_REQUIRES.search(change.new_text) is None else None


def _law_said_in_block(change: ClauseChange, context: Context) -> bool:
    """True when the clause's block says what the law requires as often as before: the condition
    went to a sentence of its own ("We may share it if the law requires us to, for example with the
    Police" → "Sometimes the law requires us to disclose it. For example, we may disclose it to the Police")."""
    old_block, new_block = context.block_text(change, "old"), context.block_text(change, "new")
    if old_block is None or new_block is None:
        return False
    return len(_LAW_REQUIRES.finditer(new_block)) >= len(_LAW_REQUIRES.finditer(old_block))


# A clause whose subject is those the company lets handle information: "They may use it only …",
# "Our service providers may only …", "These partners …".
_RECIPIENTS_ACT = re.compile(
    r"\W{0,3}(?:they|(?:our |these |those |such |the |any )?(?:(?:service |hosting |payment )?providers?|partners?|vendors?|(?:sub-?)?processors?"
    r"|third parties|third-party \w+|recipients?|contractors?|affiliates?|suppliers?|companies|employees|staff|personnel"
    # those inside the company a need-to-know limit keeps out: "Restaurant managers do not have access to union records"
    r"|(?:[\w-]{1,20} )?(?:managers?|supervisors?|colleagues|co-?workers|team members|agents|representatives)))\b",
    re.I,
)


# Watching ruled out: "are never filmed", "is not recorded", "no cameras".
_NOT_WATCHED = re.compile(r"\b(?:never|not)\s{1,3}(?:be\s{1,3})?(?:filmed|recorded|monitored|videoed|photographed|watched)\b"
                          r"|\bno\s{1,3}(?:cameras?|cctv|video\s{1,3}recording|recording)\b", re.I)
# Watching said: "are recorded by security cameras".
_WATCHED = re.compile(r"\b(?:filmed|recorded|monitored|videoed|cameras?|cctv)\b", re.I)
# A use ruled out: "is not used to", "will never be used for", "we do not use it to".
_NOT_USED = re.compile(r"\b(?:not|never)\s{1,3}(?:be\s{1,3})?(?:used|use|uses)\b", re.I)
# What others are kept from seeing: "They cannot see your ID", "Your name is not shown".
_NOT_SEEN = re.compile(r"\b(?:cannot|can\s{1,3}not|can't|may\s{1,3}not|will\s{1,3}not|won't|do\s{1,3}not|does\s{1,3}not|never)\s{1,3}(?:see|view)\b"
                       r"|\b(?:is|are|will\s{1,3}not\s{1,3}be)\s{1,3}(?:not\s{1,3}|never\s{1,3})?(?:shown|displayed|visible)\b", re.I)
# Who can see what the reader posts or keeps: "only members you approve can see your photos".
_WHO_SEES = re.compile(r"\b(?:can|may|will)\s{1,3}see\s{1,3}(?:your|their|the)\b", re.I)
# What the reader chooses before the company does it: "If you join a research study, we share …",
# "when you turn on backup". (Consent in other words — "if you agree", "if you opt in" — is the
# legal-basis rule's.)
_READER_CHOOSES = re.compile(
    r"\b(?:if|when|where|once|after|only if|only when|only where|unless)\s{1,3}(?:you|the\s{1,3}(?:teacher|school|parent|administrator|admin|account owner|customer|employer)|your\s{1,3}(?:teacher|school|parent|administrator|admin|employer))"
    r"\s{1,3}(?:join|joins|choose to|chooses to|decide to|decides to|turn on|turns on|switch on|switches on|enable|enables|activate|activates)\b"
    # done when the reader asks for it: "At the express request of the Student, … the University may communicate"
    r"|\bat\s{1,3}(?:the\s{1,3}|your\s{1,3})?(?:express\s{1,3}|explicit\s{1,3}|specific\s{1,3}|own\s{1,3})?request\b"
    r"(?:\s{1,3}of\s{1,3}(?:the\s{1,3})?(?:student|member|customer|user|patient|client|data subject|parent|employee|account holder)s?)?",
    re.I,
)
# What the reader must do to stop it: "unless you ask us to discard it", "unless you opt out".
_READER_OBJECTS = re.compile(
    r"\bunless\s{1,3}(?:you|the\s{1,3}(?:student|member|customer|user|patient|client|data subject|parent|employee|account holder))"
    r"\s{1,3}(?:asks?|tells?|opts? out|opt-out|objects?|switch(?:es)?|turns?|unsubscribes?|withdraws?|chooses? not|decides? not|declines?|refuses?)\b", re.I,
)
# Words that say information is protected in what is done with it: de-identified, anonymised, aggregated, encrypted.
_PROTECTED = re.compile(
    r"\b(?:de-?identif(?:y|ies|ied|ying|ication)|anonymi[sz](?:e|es|ed|ing|ation)|anonymous|aggregat(?:e|es|ed|ing|ion)|pseudonymi[sz](?:e|es|ed|ing|ation)"
    r"|encrypt(?:s|ed|ing|ion)?|hash(?:es|ed|ing)?"
    # less of it, by design (data minimisation, GDPR Art. 5(1)(c), 25): "your approximate location", "truncated IP addresses"
    r"|approximate|coarse|truncat(?:e|es|ed|ing|ion)"
    # a name shown by its initial only: "your first name and the first letter of your surname", "your initials"
    r"|first\s{1,3}letters?|initials)\b",
    re.I,
)
#: Words of the legal process that makes a company hand information over.
_LEGAL_PROCESS = frozenset(("order", "orders", "warrant", "warrants", "subpoena", "subpoenas", "court", "courts"))
# (as nouns: not "does not warrant that", "your order", "in order to")
_LEGAL_ORDER = re.compile(r"\b(?:courts?|subpoenas?|(?:a|valid|search)\s{1,3}warrants?|(?:an|a|legal|court|binding|judicial|valid)\s{1,3}orders?)\b", re.I)
#: The beginnings of the words of :data:`_PROTECTED`.
_PROTECTIVE_STEMS = ("de-identif", "deidentif", "anonym", "aggregat", "pseudonym", "encrypt", "hash", "approximate", "coarse", "truncat", "letter", "initials")
# One form for every form of a protective word: "pseudonymised" and "we pseudonymise it" say the same.
_PROTECTIVE_FORM = re.compile(r"(?:ication|ation|ion|ying|ied|ies|y|ing|ed|es|e|s)$")


_CONDITIONS = frozenset(("if", "when", "where", "once", "after", "unless"))
# A limit on who may handle information, ending at what they may do: "only staff who support
# schools can access it" (what follows says how they do, not who: ", using two-factor authentication").
_ONLY_WHO = re.compile(r"(?:only|solely)\b(?:\s{1,3}[\w'-]{1,20}){1,10}?\s{1,3}(?:can|may|will)\s{1,3}(?:see|access|view|read|handle|review)\w{0,3}\b(?:\s{1,3}(?:it|them))?", re.I)


def _protections(text: str) -> set[str]:
    return {_PROTECTIVE_FORM.sub("", m.group().lower().replace("z", "s")) for m in _PROTECTED.finditer(text)} if text else set()


def _limits_handling(change: ClauseChange) -> bool:
    return any(reading is not None and reading.limits_handling for reading in (change.old_reading, change.new_reading))


def _ruled_out_less(change: ClauseChange, *, after_limit: bool = False) -> bool:
    """True when the clause only lost words, all of them after its negation in the main clause (not
    in a condition before it: "To the extent this is not enforceable, you grant us …"). With
    ``after_limit`` (the clause limits too), only when the negation follows its limit: "Ads are
    only contextual and never based on your profile, activity or location" loses "location" from
    what is ruled out, where "only X, Y" would let less through."""
    assert change.old is not None
    condition = LEADING_CONDITION.match(change.old_text)
    body = condition.end() if condition is not None else 0
    negation = _negation(change.old.words, body)
    if negation is None:
        # an entry of a list its lead-in rules out: "We do not use the following for training: -
        # Content from Vela Business and Vela Enterprise workspaces" → "- Content from Vela Enterprise workspaces"
        return bool(change.old.item and change.old.lead.rstrip().endswith(":")) and negates(last_sentence(change.old.lead)) \
            and all(not span.new for span in change.spans if span.old)
    # (a limit after the words taken out limits something else: "We do not use advertising pixels,
    # session-replay tools, or third-party tracking technologies on any page you can see only after
    # logging in" loses trackers from what is ruled out)
    first_taken = min((span.old[0].start for span in change.spans if span.old), default=len(change.old_text))
    if after_limit and any(w.norm in _CLOSING and negation.start < w.start < first_taken for w in change.old.words):
        return False
    # words taken out, none put in their place, all of them after the negation and before its
    # exception ("We do not collect … your calls and SMS, …, except as required by law" loses "SMS";
    # words taken out of the exception make it let through less)
    exception = next((w.start for w in change.old.words if w.start > negation.start and w.norm in _EXCEPTING), len(change.old_text))
    # (one preposition put for another as the verbs left require: "sell or swap … with" → "sell … to")
    # (or what a passive negation rules out, its subject: "Location Data and SIM Registration Data are
    # not transferred outside the State" → "SIM Registration Data is not transferred …", its verb agreeing)
    subject_end = next((w.start for w in change.old.words if w.start >= body and w.norm in _BE_FORMS), body) \
        if _passive_after(change.old.words, negation) else body
    if all(_example_of_any(change, span) for span in change.spans if span.old or span.new):
        return False  # "with any third party, including Buyers" → "with any third party": Buyers are still any third party
    return any(not span.new for span in change.spans if span.old) and all(
        (not span.new or _one_preposition(span) or _agreement(span))
        and all(negation.start < w.start < exception or body <= w.start < subject_end or _agreement(span) for w in span.old)
        for span in change.spans if span.old)


def _example_of_any(change: ClauseChange, span: Span) -> bool:
    """True for a run of words taken out that began "including" (or "such as", "e.g.") after "any …"
    or "all …": an example of what the whole still covers."""
    if span.new or not span.old or span.old[0].norm not in ("including", "such", "e.g", "especially", "particularly"):
        return False
    before = change.old_text[max(0, span.old[0].start - 60): span.old[0].start].lower()
    return _ANY_BEFORE.search(before) is not None


# "any …" or "all …" just before an example: "with any third party, " (what the example belongs to).
_ANY_BEFORE = re.compile(r"\b(?:any|all|every)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,3}?[\w-]{1,20}\s{0,3},?\s{0,3}$")


def _passive_after(words: "tuple[Word, ...]", negation: Word) -> bool:
    """True when ``negation`` stands in a passive verb: "are not transferred", "will not be sold"."""
    at = words.index(negation)
    following = [w.norm for w in words[at + 1: at + 3]]
    if following[:1] == ["be"]:
        following = following[1:]
    return at > 0 and words[at - 1].norm in _BE_FORMS and bool(following) \
        and (following[0].endswith(("ed", "en")) or following[0] in ("sold", "sent", "kept", "held", "shown", "made"))


#: Forms of "be" and the modals before a passive's negation.
_BE_FORMS = frozenset(("is", "are", "was", "were", "be", "will", "shall", "may", "must", "can", "would", "should"))
#: Forms of one verb that agree with their subject.
_VERB_NUMBER = (frozenset(("is", "are")), frozenset(("was", "were")), frozenset(("has", "have")))


def _agreement(span: Span) -> bool:
    """True for a span that put one form of a verb for another as its subject's number requires ("are" → "is")."""
    return len(span.old) == 1 == len(span.new) and any({span.old[0].norm, span.new[0].norm} <= pair for pair in _VERB_NUMBER)


#: Prepositions a verb chooses ("share with", "sell to", "transfer to", "receive from").
_PREPOSITIONS = frozenset(("to", "with", "from", "for", "among", "between"))


def _one_preposition(span: Span) -> bool:
    """True for a span that put one preposition in place of another."""
    return len(span.old) == 1 == len(span.new) and span.old[0].norm in _PREPOSITIONS and span.new[0].norm in _PREPOSITIONS


#: Words that point back to what was said before: "If such a breach occurs".
_REFERRING = frozenset(("such", "this", "that", "these", "those", "said"))


def _referred_back(change: ClauseChange) -> bool:
    """True when the words an edited clause lost are said by a word that points back to them ("If a
    personal data breach occurs, we will notify …" → "If such a breach occurs, …", after a new
    sentence that says what a breach is): the only words it gained point back."""
    gained = change.changed_new_words
    return bool(gained) and _REFERRING.issuperset(gained)


#: Words that open a clause of their own: its subject, or a conjunction of time or condition.
_OPENS_A_CLAUSE = frozenset(("we", "you", "it", "they", "he", "she", "when", "if", "where", "while", "unless", "because", "which", "who"))


def _enumerated_dropped(change: ClauseChange) -> bool:
    """True when every run of words an edited clause lost was an element of an enumeration: beside
    a comma, or holding or beside "or" / "and" ("…, changing rooms, hammams or spa treatment rooms"
    → "… or changing rooms"; not "We do not sell it to third parties" → "We do not sell it")."""
    text = change.old_text
    lost = [span.old for span in change.spans if span.old]
    for words in lost:
        if len(words) > 6 or any(w.norm in _OPENS_A_CLAUSE for w in words):
            return False  # (a clause of its own went: ", and when it restricts an account a member … reviews it")
        start, end = words[0].start, words[-1].end
        joined = "," in text[max(0, start - 2): start] or text[end: end + 1] == "," \
            or any(w.norm in ("or", "and") for w in words) or text[max(0, start - 4): start].lower() in (" or ", "and ")
        if not joined:
            return False
    return bool(lost)


#: Words that bar (not the negations): "prohibits", "forbids", "barred".
_BARS = RULES_OUT - NEGATIONS
# A bar on a use or a passing on: "prohibits use of the records for marketing", "forbids resale".
_BARRED_USE = re.compile(r"\b(?:prohibit|prohibits|prohibited|forbid|forbids|forbidden|bar|bars|barred)\b(?:\s{1,3}[\w'-]{1,20}){0,3}?\s{1,3}"
                         r"(?:use|uses|using|resale|sale|selling|sell|disclosure|redisclosure|disclose|sharing|share|transfer|marketing)\b", re.I)
#: Modal verbs of a duty (against :data:`.reading.MAY_WORDS`, those of a mere possibility).
_FIRM_MODALS = frozenset(("will", "must", "shall"))
#: What the company owes the reader, as the verb after a modal: telling, agreeing, answering,
#: deleting, asking first … (not what it does with information: "will use" → "may use" is as wide).
_DUTIES = frozenset((
    "notify", "tell", "inform", "alert", "contact", "explain", "agree", "honour", "honor", "accommodate", "comply",
    "respond", "reply", "answer", "ask", "seek", "obtain", "give", "provide", "send", "let", "review", "reconsider",
    "correct", "delete", "erase", "remove", "destroy", "anonymise", "anonymize", "stop", "cease", "return", "refund",
    "offer", "consult", "involve", "publish", "post", "announce", "update", "investigate",
    "communicate",  # ("we will communicate the breach to you", GDPR Art. 34)
    "forward",  # (the reader's request, to whoever must answer it)
))


def _duty_softened(change: ClauseChange) -> bool:
    """True when one span of an edited clause makes the company's "will" (must, shall) a "may" before
    a verb of what it owes the reader: "we will notify you" → "we may notify you", "We will agree to
    this request" → "We may agree" (not "will not" → "may not", nor "will use" → "may use")."""
    assert change.old is not None and change.new is not None
    for span in change.spans:
        # (the verb may stand after the run the clause gained: "we will contain it, assess the risk of
        # harm, and notify affected individuals" → "…, and may notify affected individuals")
        verb = span.new[1] if len(span.new) >= 2 else _word_after(change.new.words, span.new[-1]) if len(span.new) == 1 else None
        if not span.old and span.new and span.new[0].norm in MAY_WORDS and verb is not None and verb.norm in _TELLING \
                and not _FIRM_MODALS.isdisjoint(change.old.wordset) and _TELLS_YOU.match(change.new_text, verb.start) is not None:
            # a duty to tell the reader split off the one that stays: "will notify the Ombudsman and
            # each affected Investor" → "will notify the Ombudsman and may notify each affected Investor"
            return True
        if len(span.old) != 1 or not span.new or span.old[0].norm not in _FIRM_MODALS or span.new[0].norm not in MAY_WORDS:
            continue
        words = change.new.words
        at = words.index(span.new[0])
        before = words[at - 1].norm if at > 0 else ""
        if len(span.new) == 1:
            after = [w.norm for w in words[at + 1: at + 8]]
            if after and after[0] == "also":
                after = after[1:]
            # (an attempt at the duty is the duty: "will make a reasonable attempt to notify the student")
            if len(after) > 3 and after[0] == "make" and "to" in after[1:5]:
                after = after[after.index("to", 1) + 1:]
            if not after or after[0] not in _DUTIES:
                continue
        # (or "may" and a condition before the verb: "the Company shall, after ascertaining the
        # facts, promptly notify the Member" → "the Company may, where it considers notification
        # necessary after ascertaining the facts, notify the Member")
        elif not any(w.norm in _DUTIES for w in words[at + len(span.new): at + len(span.new) + 8]):
            continue
        if before in ("we", "us") or before in change.aliases or before in ("company", "controller") or change.reading.actor == "company":
            return True
        # (whoever the statement names as acting, a duty to tell the reader: "Jàmm Santé SAS shall notify
        # the CDP … and shall inform the Users concerned" → "… and may inform the Users concerned")
        told = _TELLS_YOU.match(change.new_text, span.new[-1].end + 1)
        if told is not None and told.start() <= span.new[-1].end + 1:
            return True
    return False


#: Verbs of a protection the company gives, as said of what is done: masking, encrypting, deleting,
#: telling the reader, requiring a warrant, limiting, honouring a choice (present tense and past participle).
_PROTECTING_VERBS = frozenset((
    "mask", "masks", "masked", "encrypt", "encrypts", "encrypted", "pseudonymise", "pseudonymises", "pseudonymised", "pseudonymize",
    "pseudonymizes", "pseudonymized", "anonymise", "anonymises", "anonymised", "anonymize", "anonymizes", "anonymized", "hash", "hashes",
    "hashed", "redact", "redacts", "redacted", "blur", "blurs", "blurred", "delete", "deletes", "deleted", "erase", "erases", "erased",
    "destroy", "destroys", "destroyed", "notify", "notifies", "notified", "inform", "informs", "informed", "require", "requires", "required",
    "restrict", "restricts", "restricted", "limit", "limits", "limited",
    # honouring what the reader chose: "we treat it as a valid request to opt out", "we honour the signal"
    "treat", "treats", "treated", "honour", "honours", "honoured", "honor", "honors", "honored", "respect", "respects", "respected",
))
#: Words a permissive modal may bring with it before the verb: "may be masked", "may also require".
_WITH_MODAL = frozenset(("be", "also"))


#: What the reader gives leave by.
_LEAVE = frozenset(("consent", "consents", "authorisation", "authorization", "permission", "agreement", "approval"))


def _consent_asks_less(change: ClauseChange) -> bool:
    """True when an edited clause lost only a word of the kind of consent it waits for, right before
    the consent ("only with your written authorisation" → "only with your authorisation"): the
    reader's leave may now be given in less (GDPR Art. 9(2)(a): explicit; HIPAA: written)."""
    assert change.old is not None
    words = change.old.words
    for span in change.spans:
        if span.new or not span.old or not all(w.norm in _CONSENT_KINDS or w.norm in ("and", "or", "prior") for w in span.old):
            return False
        at = words.index(span.old[-1]) + 1
        if at >= len(words) or words[at].norm not in _LEAVE:
            return False
    return bool(change.spans)


def _fact_softened(change: ClauseChange) -> bool:
    """True when a clause that said, without a modal, that a protection is given ("The phone numbers
    of both parties are masked", "We require a search warrant before we disclose location data")
    now says it may be ("… may be masked", "We may require …"): what was done every time is now
    the company's choice, as a "will" made a "may" is (FTC: a promise made less protective)."""
    old, new = change.old, change.new
    assert old is not None and new is not None
    changed = [(span, start) for span, (start, _) in zip(change.spans, change.new_changed)]
    if len(changed) != 1:
        return False
    span, start = changed[0]
    gained = [w.norm for w in span.new]
    if not gained or gained[0] not in MAY_WORDS or not _WITH_MODAL.issuperset(gained[1:]) \
            or any(w.norm not in _BE_OR_DO for w in span.old):
        return False
    # (past an adverb: "we securely destroy your health records" → "we may securely destroy …")
    after = [w for w in new.norms[start + len(gained): start + len(gained) + 3] if not w.endswith("ly")][:1]
    return bool(after) and after[0] in _PROTECTING_VERBS


#: Forms of "be" and "do" that a modal takes the place of: "are masked" → "may be masked".
_BE_OR_DO = frozenset(("is", "are", "be", "do", "does"))


#: Words that begin a condition narrowing when a thing holds: "after you have logged in".
_WHEN = frozenset(("after", "when", "while", "once", "if", "where", "during"))


def _ruled_out_until(change: ClauseChange) -> bool:
    """True when a negated clause lost words after its negation and gained only a condition on when
    it holds ("… on the log-in page or on any page within MyCare" → "… on any page within MyCare
    after you have logged in"): it rules out less, and only some of the time."""
    assert change.old is not None and change.new is not None
    negation = _negation(change.old.words)
    if negation is None:
        return False
    removed = added = False
    for span in change.spans:
        if span.old and span.new:
            return False
        if span.old:
            if span.old[0].start < negation.start:
                return False
            removed = True
        elif span.new[0].norm not in _WHEN and span.new[0].norm != "but":
            # ("… advertising cookies or third-party tracking tools in the app" → "… advertising cookies
            # in the app, but we use third-party analytics tools": what it no longer rules out, done)
            return False
        else:
            added = True
    return removed and added


# What a negated clause goes on to allow after "but": "Neither the driver nor other riders can view
# the recordings, but the fleet operator may review them".
_BUT_ALLOWED = re.compile(
    r"\b(?:but|however|although|though|yet)\b,?\s{1,3}(?:[\w'-]{1,20},?\s{1,3}){0,12}?"
    r"(?:may|can|could|might|(?:is|are)\s{1,3}(?:allowed|permitted|entitled)\s{1,3}to)\s{1,3}(?:also\s{1,3})?"
    r"(?:view|see|review|access|use|receive|share|disclose|obtain|read|watch|listen\s{1,3}to|inspect|copy|download|keep|sell)\b",
    re.I,
)


#: The words :data:`_BUT_ALLOWED` begins with.
_CONTRASTS = frozenset(("but", "however", "although", "though", "yet"))


def _allowed_after_but(change: ClauseChange) -> bool:
    """True when a clause that rules something out gained, after "but", someone allowed to do it: an
    exception in other words."""
    if _CONTRASTS.isdisjoint(change.new.wordset):  # type: ignore[union-attr]
        return False
    return bool(change.gained_matches(_BUT_ALLOWED.finditer(change.new_text)))


def _split_off_allowed(change: ClauseChange) -> bool:
    """True when a negated sentence was split in two and what one half no longer rules out is what
    the other half now allows: the half that still negates only lost words after its negation (see
    :func:`_ruled_out_less`), and those words stand in no other half that negates."""
    assert change.old is not None and change.new is not None
    parts = split(change.new_text, normalised=True)
    if len(parts) < 2 and ", but " in change.new_text:
        # (or cut at its "but": "We may also exchange our list with candidates …, but we do not
        # exchange or rent it with commercial businesses")
        first, _, second = change.new_text.partition(", but ")
        parts = [Clause.make(first), Clause.make(second)]
    if len(parts) < 2:
        return False
    # (the clause's own number goes with the first half: "2.3 The Bank does not access …" → "2.3 The
    # Bank may access … The Bank does not access …")
    numbered = NUMBERING.match(change.old_text)
    for part in parts:
        if not negates(part.text):
            continue
        old = change.old
        if numbered is not None and NUMBERING.match(part.text) is None:
            old = Clause.make(change.old_text[numbered.end():], item=old.item, lead=old.lead)
        half = ClauseChange.edited(old, part, change.section, change.order, change.block_kind, change.aliases)
        gone = {w.norm for span in half.spans for w in span.old}
        if not half.spans or not gone or not _ruled_out_less(half, after_limit=change.old_reading.limited):  # type: ignore[union-attr]
            continue
        content = gone - STOP
        others = [other for other in parts if other is not part]
        if content and any(content & other.wordset and not negates(other.text) for other in others) \
                and not any(content & other.wordset and negates(other.text) for other in others):
            return True
    return False


def _names_a_practice(change: ClauseChange, context: Context) -> bool:
    """True when the clause names a sensitive practice (``risk_terms``): ruling one out is a limit
    too ("we do not use cookies to track you across websites")."""
    if not context.options.families_in(change.vocabulary):
        return False
    return any(
        clause is not None and practices_in(clause.text, clause.wordset, context)
        for clause in (change.old, change.new)
    )


#: What a clause's limit may be about, by its topics (or its section's).
_HANDLING_TOPICS = frozenset(("notice", "contact", "collection", "sharing", "retention", "transfer"))


# A condition the company sets on its own act: "only after assessing", "only if you ask", "only once".
_ONLY_AFTER = re.compile(r"\bonly\s{1,3}(?:after|if|when|once|where|with)\b", re.I)


# What a company does for the reader's protection, in its verbs: stop, delete, tell.
_PROTECTS = re.compile(r"\b(?:cease|stop|delete|erase|destroy|anonymi[sz]e|notify|inform|tell)\b", re.I)


def _protection_kept(change: ClauseChange) -> bool:
    """True when an edited clause commits (will, shall, must) to something that protects the
    reader, and its new version keeps every such verb and its commitment."""
    old = {match.group().lower() for match in _PROTECTS.finditer(change.old_text)}
    return bool(old) and change.old_reading.firm and change.new_reading.firm \
        and old <= {match.group().lower() for match in _PROTECTS.finditer(change.new_text)}  # type: ignore[union-attr]


# Privacy by default (GDPR Art. 25(2); Quebec's Law 25, s. 9.1): what stays off until the reader turns it on.
_OFF_BY_DEFAULT = re.compile(
    r"\b(?:deactivated|disabled|off|turned\s{1,3}off|switched\s{1,3}off|inactive|not\s{1,3}(?:activated|enabled|active))\s{1,3}by\s{1,3}default\b", re.I)


def _off_by_default_lessened(change: ClauseChange) -> str | None:
    """What an edited clause no longer keeps off by default: the words it lost, before the words
    that say so, from a clause that says so on both sides ("analytics cookies, advertising cookies
    and the geolocation function … are deactivated by default" → "advertising cookies and the
    geolocation function …")."""
    old = _OFF_BY_DEFAULT.search(change.old_text)
    if old is None:
        return None
    if _OFF_BY_DEFAULT.search(change.new_text) is None:
        return None  # (what was off is now on: the rights rule's, :func:`.rights._switched_on`)
    lost = [span for span in change.spans if span.old and span.old[-1].end <= old.start() and content_words([w.norm for w in span.old])]
    if not lost or change.added_words - {"other"}:
        return None
    return " ".join(w.written for w in lost[0].old).strip(" ,;")


#: Words that open a condition of what a clause allows.
_CONDITION_OPENERS = frozenset(("if", "where", "when", "provided", "providing", "subject", "once", "after", "whenever"))


def _condition_dropped(change: ClauseChange) -> bool:
    """True when an edited clause only lost, in one run of three words or more, a condition: words
    that begin "if", "where", "provided" … and put nothing in their place."""
    # (not the company's own judgement taken out: "where technically feasible" gone promises more)
    # (nor the reader's consent: the legal-basis rule's, "and, if you opt in, to send you our digest")
    return any(len(span.old) >= 3 and not span.new and span.old[0].norm in _CONDITION_OPENERS
               and _CONSENTING.isdisjoint(w.norm for w in span.old)
               and _DISCRETION.search(" ".join(w.written for w in span.old)) is None for span in change.spans)


def _condition_said_again(change: ClauseChange, context: Context) -> bool:
    """True when every condition an edited clause lost stands, in most of its words of substance, in
    a sentence its block gained: "After we make a conditional offer of employment and before you start
    work, we may ask a consumer reporting agency …" → "We may ask a consumer reporting agency …. We do
    this after we make a conditional offer of employment and before you start work." """
    lost = [root_stems([w.norm for w in span.old]) for span in change.spans if len(span.old) >= 3 and not span.new]
    gained = [root_stems(clause.wordset) for clause in context.gained_clauses(change)] if lost else []
    return bool(gained) and all(any(len(stems & said) * 3 >= len(stems) * 2 for said in gained) for stems in lost if stems)


#: Words of the reader's consent.
_CONSENTING = frozenset(("consent", "consents", "consented", "opt", "opted", "agree", "agreed", "subscribe", "subscribed", "permission"))


def _in_exception(clause: Clause, word: Word) -> bool:
    """True when ``word`` stands after an exception's or a condition's first word of its clause
    ("unless", "except", "provided" …): among the conditions, not among what is ruled out."""
    return any(w.start < word.start and w.norm in _OPENS_CONDITIONS for w in clause.words)


#: Words that open an exception or the conditions of a limit.
_OPENS_CONDITIONS = _EXCEPTING | frozenset(("provided", "providing", "if"))


def _limit_moved_in_section(change: ClauseChange, context: Context, word: str) -> bool:
    """True when a limit's word an edited clause lost stands, with at least two of the words of
    substance around it, in a clause its section gained (a sentence written as a lead-in and a list:
    the limit went into an entry)."""
    assert change.old is not None
    words = change.old.words
    at = next((n for n, w in enumerate(words) if w.norm == word), None)
    if at is None:
        return False
    around = root_stems([w.norm for w in words[max(0, at - 5): at + 5]])
    section = tuple(change.section)
    own = getattr(context.changes[change.order], "new", None) if change.order < len(context.changes) else None
    # (the blocks the section gained, each cut on its own: a list's entries; not the block the
    # clause stands in. Context.gained_in_section cuts the section's text as one, where a list's
    # entries, joined by line breaks, may run together into one clause)
    had = context.memo(("block texts", "old", section), lambda: {block.text for block in context.old_blocks if tuple(block.section) == section})
    if any(word in clause.wordset and len(around & root_stems(clause.wordset)) * 2 >= len(around)
           for block in context.new_blocks if tuple(block.section) == section and block is not own and block.text not in had
           for clause in split(block.text)):
        return True
    # (or into another sentence of its own block, which says the word as often as it did: "Every
    # request is first reviewed by our legal team, and we disclose only the information asked for.
    # Where the law allows, we will inform …" → "Our legal team first reviews every request. We then
    # disclose only the information the request asks for and, where the law allows, …")
    old_block, new_block = context.block_text(change, "old"), context.block_text(change, "new")
    # ("only" said as "solely" there: "may process the data only on the documented instructions" →
    # "Such entities are permitted to use the data solely in accordance with the documented instructions")
    same = _CLOSING if word in _CLOSING else frozenset((word,))
    if not old_block or not new_block or _count_words(new_block, same) < _count_words(old_block, same):
        return False
    mine = change.new.key if change.new is not None else None
    return any(not same.isdisjoint(clause.wordset) and clause.key != mine and len(around & root_stems(clause.wordset)) * 2 >= len(around)
               for clause in split(new_block))


# An exception said without "unless" or "except": "Your consent is not required if …", "The one
# exception is …", "save where …", "The consent cannot be withdrawn in the cases where …", "This does not apply where …".
_EXCEPTION_SAID = re.compile(
    r"\bexceptions?\b|\bexempt\w{0,4}\b|\bsave\s{1,3}(?:where|when|if|that|for|in)\b|\bother\s{1,3}than\s{1,3}(?:where|when|if)\b|\bapart\s{1,3}from\b"
    r"|\b(?:is|are|shall|will|does|do|need)\s{1,3}not\s{1,3}(?:be\s{1,3})?(?:required|needed|necessary|apply|applicable)\b[^.;]{0,20}?\b(?:if|where|when|in)\b"
    r"|\b(?:cannot|can\s{1,3}not|may\s{1,3}not)\s{1,3}be\s{1,3}\w{2,20}\s{1,3}(?:if|where|when|in\s{1,3}(?:the\s{1,3})?cases?)\b"
    # the other case in a sentence of its own: "However, a recording that relates to a claim is kept with the claim file instead"
    r"|\bhowever,?\s{1,3}(?:where|when|if|in\s{1,3}(?:the\s{1,3})?cases?)\b|\bhowever\b[^.;]{0,160}?\binstead\b"
    r"|(?:^|[.;]\s{1,3})in\s{1,3}(?:the\s{1,3})?cases?\s{1,3}(?:of|where|when)\b", re.I)


def _exception_said_otherwise(change: ClauseChange, word: str) -> bool:
    """True when an edited clause that lost its "unless" or "except" says the same exception in other
    words: "…, unless it is strictly necessary in order for us to provide the digital service" →
    "Your consent is not required if the storage or access is strictly necessary in order for us to
    provide the digital service" (two in three of the words of substance of what the exception
    admitted stand in the new clause)."""
    assert change.old is not None and change.new is not None
    if _EXCEPTION_SAID.search(change.new_text) is None:
        return False
    words = change.old.words
    at = next((n for n, w in enumerate(words) if w.norm == word), None)
    if at is None:
        return False
    admitted = root_stems([w.norm for w in words[at + 1: at + 13]])
    return len(admitted) >= 2 and len(admitted & root_stems(change.new.wordset)) * 3 >= len(admitted) * 2


#: Words that make what is ruled out only the whole of it: "not … as the sole basis", "not … solely".
_WHOLLY = frozenset(("sole", "solely", "exclusively", "entirely", "wholly", "purely"))


def _made_sole(change: ClauseChange) -> str | None:
    """The run of words a negated clause gained after its negation that rules out only doing it alone
    or wholly ("as the sole basis for", "solely"), or None."""
    assert change.new is not None and change.old is not None
    if _WHOLLY.isdisjoint(change.changed_new_words) or not _WHOLLY.isdisjoint(change.old.wordset):
        return None
    negation = _negation(change.new.words)
    if negation is None:
        return None
    return next((" ".join(w.written for w in span.new) for span in change.spans
                 if span.new and span.new[0].start > negation.start and any(w.norm in _WHOLLY for w in span.new)), None)


#: Words for anyone at all, and for groups of people among them.
_ANYONE = frozenset(("person", "persons", "people", "individual", "individuals", "anyone", "anybody", "someone", "somebody", "everyone", "human", "humans"))
_GROUPS = frozenset(("customer", "customers", "user", "users", "member", "members", "client", "clients", "patient", "patients", "subscriber",
                     "subscribers", "employee", "employees", "child", "children", "adult", "adults", "visitor", "visitors", "resident",
                     "residents", "passenger", "passengers", "account", "holder", "holders", "student", "students", "guest", "guests"))


def _people_narrowed(change: ClauseChange) -> str | None:
    """The group put in place of anyone at all in what a negated clause rules out ("to identify a
    person by their face" → "to identify a customer by their face"), or None."""
    for span in change.spans:
        if span.old and span.new and all(w.norm in _ANYONE or w.norm in ("a", "an", "any", "the") for w in span.old) \
                and any(w.norm in _ANYONE for w in span.old) and all(w.norm in _GROUPS or w.norm in ("a", "an", "any", "the", "our") for w in span.new) \
                and any(w.norm in _GROUPS for w in span.new):
            return " ".join(w.written for w in span.new)
        # (or "… or anyone else" that gave way to some: "with our affiliates or anyone else" → "with
        # nonaffiliated third parties")
        if span.old and span.new and any(w.norm in ("anyone", "anybody", "everyone") for w in span.old) and any(w.norm == "else" for w in span.old) \
                and not any(w.norm in _ANYONE or w.norm in ("else", "all", "any", "other", "others") for w in span.new):
            return " ".join(w.written for w in span.new)
    return None


# What a law or a rule does not reach, said of it and of what it leaves out: "The CCPA does not apply to
# personal information collected … under the GLBA" → "Personal information collected … under the GLBA is
# exempt from the CCPA".
_NOT_APPLY = re.compile(r"\b(?:does|do|shall|will)\s{1,3}not\s{1,3}apply\b", re.I)
_EXEMPT = re.compile(r"\b(?:is|are)\s{1,3}(?:exempt(?:ed)?|excluded)\s{1,3}from\b", re.I)


def _said_with_without(change: ClauseChange) -> bool:
    """True when what an edited clause's negation governed (the words of substance of the six words
    after it) stands, three in four of them, in the six after the "without" it gained."""
    assert change.old is not None and change.new is not None
    negation = _negation(change.old.words)
    gained = next((w for span in change.spans for w in span.new if w.norm == "without"), None)
    if negation is None or gained is None:
        return False
    old_words, new_words = change.old.words, change.new.words
    at, to = old_words.index(negation), new_words.index(gained)
    governed = root_stems(content_words([w.norm for w in old_words[at + 1: at + 7]]))
    said = root_stems([w.norm for w in new_words[to + 1: to + 7]])
    return len(governed) >= 2 and len(governed & said) * 4 >= len(governed) * 3


def _count_words(text: str, words: frozenset[str]) -> int:
    """How many times one of ``words`` (lower case) stands in ``text`` as a word."""
    return sum(1 for w in plain_words(text) if w in words)


#: Everyone or everything else, ruled out: "anyone else", "no one else", "any other reason".
_ANYONE_ELSE = re.compile(r"\b(?:anyone|anybody|no\s{1,3}one|nobody|anything)\s{1,3}else\b|\bany\s{1,3}other\b", re.I)


def _closed_by_a_bar(change: ClauseChange, context: Context) -> bool:
    """True when the block of an edited clause that lost its limit gained a sentence that rules out
    everyone or everything else: "We share your personal data only with the people and organisations
    listed below" → "The table below lists every type of organisation that may receive …" and "We do
    not share it with anyone else or for any other reason." The limit is said the other way round."""
    own = change.new.key if change.new is not None else None
    return any(("else" in clause.wordset or "other" in clause.wordset) and clause.key != own
               and _ANYONE_ELSE.search(clause.text) is not None and negates(clause.text)
               for clause in context.gained_clauses(change))


#: Words that say information is protected.
_SAFE = frozenset(("confidential", "protected", "secure", "secured", "safeguarded", "encrypted", "private"))
#: The words without which :data:`_ASKS_FOR` does not match (one of them).
_ASKING_FOR_WORDS = frozenset(("ask", "asks", "request", "requests", "require", "requires"))
# The company asking the reader for something: "We ask for a drug test certificate", "we require you to provide".
_ASKS_FOR = re.compile(r"\b(?:ask|asks|request|requests|require|requires)\s{1,3}(?:you\s{1,3})?(?:for|to\s{1,3}(?:provide|give|submit|show|present))\b", re.I)
#: Words of information passed on to others, said of it.
_PASSED_ON = frozenset(("communicated", "disclosed", "shared", "published", "released", "transmitted", "sold", "passed", "transferred", "forwarded"))
# What is not done, said as there being none of it: "There is no sound recording", "There are no tracking cookies".
_THERE_IS_NO = re.compile(
    r"\W{0,3}there\s{1,3}(?:is|are|will\s{1,3}be)\s{1,3}no\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}?"
    r"(?:recording|tracking|monitoring|profiling|sharing|sale|selling|advertising|ads|cookies|audio|sound|access|transfers?)\b", re.I)


def _closed(lead: str) -> bool:
    """True when a list's lead-in closes the list with a limit ("We access it only in the following
    situations:"), or lists the cases it does without the reader's consent ("The Company may process
    personal data without the consent of the Data Subject in the following cases:"): its entries
    are all the cases the limit lets through."""
    # (or that points to it: "We share it only in the situations below.")
    if not lead.endswith(":") and _POINTS_BELOW.search(lead, max(0, len(lead) - 60)) is None:
        return False
    sentence = last_sentence(lead)
    return not _CLOSING.isdisjoint(plain_words(sentence)) and (not negates(sentence) or limited_after_negation(sentence)) \
        or _WITHOUT_CONSENT_IN.search(sentence) is not None or _LIMITED_TO.search(sentence) is not None


# A lead-in that points to the list after it, ending in a full stop: "… in the situations below.", "… as follows."
_POINTS_BELOW = re.compile(r"\b(?:below|as\s{1,3}follows|the\s{1,3}following\s{1,3}\w+)\s{0,3}\.$", re.I)
# A lead-in that closes its list by saying so: "The information we send to Meridian Air is limited to:".
_LIMITED_TO = re.compile(r"\b(?:is|are)\s{1,3}(?:limited|restricted|confined)\s{1,3}to\s{0,3}:$", re.I)


# The cases in which the company acts without the reader's consent, listed: "… without the consent of
# the Data Subject in the following cases:", "… without your consent where:".
_WITHOUT_CONSENT_IN = re.compile(
    WITHOUT_CONSENT.pattern + r"[^.;:]{0,80}(?:\b(?:cases?|circumstances|situations|instances|events|where|when|if)\s{0,3}:$|:$)", re.I)


#: Words of watching or listening to the reader (CCTV, recording, monitoring).
_WATCHING = frozenset(("camera", "cameras", "cctv", "video", "surveillance", "microphone", "microphones", "recording", "recordings", "monitoring", "monitor"))
#: Words for who sees the reader's information, or from whom it is kept.
_SHOWN = frozenset(("hidden", "hide", "hides", "visible", "invisible", "shown", "show", "displayed", "private", "see", "seen", "view", "viewed"))
# All but those an exception names: "hidden from everyone except you", "visible to no one but your
# care team" (a limit worded without a negation of its own, or with one on those it keeps out).
_ALL_BUT = re.compile(r"\b(?:everyone|everybody|anyone|anybody|all\s{1,3}(?:other\s{1,3})?(?:users|people|others)|no\s{1,3}one|nobody)\s{1,3}"
                      r"(?:else\s{1,3})?(?:except|but|other\s{1,3}than|apart\s{1,3}from|save)\b", re.I)
# A list's lead-in whose entries are the acts it rules out, each completing its negated verb:
# "Debt collection agents … must not:", "We will never:".
_RULES_OUT_ACTS = re.compile(r"\b(?:(?:must|will|shall|may|do|does|can)\s{1,3}(?:not|never)|never|cannot|can't|won't|mustn't|shan't)\s{0,3}:$", re.I)
# A heading over the acts the company rules out: "What we never do with your data", "Things we will not do".
_NEVER_DONE = re.compile(r"\b(?:never|not|n't)\s{1,3}do\b", re.I)
# A list's lead-in that makes each entry wait for the reader's consent: "There are a few things that
# we will only do if you have said yes:", "We will ask for your consent before:", "We never do the
# following without your permission:" (not a list of exceptions to it: "… without your consent, except:").
_CONSENT_GATED = re.compile(
    r"\b(?:only|never|not)\b[^.;:]{0,60}?\b(?:if|when|once|after|with|without|where)\b[^.;:]{0,40}?"
    r"\b(?:consent\w{0,2}|said\s{1,3}yes|agree\w{0,2}|permission|opted\s{1,3}in|opt\s{1,3}in)\b[^.;:]{0,60}:$"
    r"|\b(?:ask|seek|obtain|get|request)\w{0,3}\s{1,3}(?:for\s{1,3})?(?:your\s{1,3})?(?:[\w-]{1,20}\s{1,3})?(?:consent|permission)\s{1,3}"
    r"(?:before|to|for)\b[^.;:]{0,60}:$",
    re.I,
)


def _consent_gated(lead: str) -> bool:
    """True when a list's lead-in makes each of its entries wait for the reader's consent (see
    :data:`_CONSENT_GATED`): an entry taken out is done without it."""
    sentence = last_sentence(lead)
    return _CONSENT_GATED.search(sentence) is not None and _EXCEPTING.isdisjoint(plain_words(sentence))


# Consent asked before the thing is done: "it will first seek and obtain your explicit consent",
# "we will ask for your consent beforehand", "only with your consent".
_CONSENT_FIRST = re.compile(
    r"\b(?:first|beforehand|in\s{1,3}advance|prior)\b[^.;]{0,40}?\b(?:obtain|seek|ask\s{1,3}for|get|request)\w{0,3}\b[^.;]{0,40}?\bconsent\b"
    r"|\b(?:obtain|seek|ask\s{1,3}for|get|request)\w{0,3}\s{1,3}(?:your\s{1,3})?(?:[\w-]{1,20}\s{1,3}){0,2}?consent\s{1,3}(?:first|beforehand|in\s{1,3}advance|before)\b"
    r"|\bonly\s{1,3}(?:with|after|once|if)\b[^.;]{0,40}?\bconsent\b"
    # the reader told first: "Before we use it for any purpose that is materially different …, we will notify you"
    r"|\bbefore\b[^.;]{0,160}?\b(?:we|it)\s{1,3}(?:will|shall|must)\s{1,3}(?:first\s{1,3})?(?:notify|inform|tell)\s{1,3}you\b",
    re.I,
)
# "without your consent", "without first obtaining your explicit consent", "without first notifying you".
_WITHOUT_ASKING = re.compile(r"\bwithout\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,4}?(?:consent|notifying|informing|telling)\b", re.I)
#: What consent must be, said of it: "explicit", "written" … (kept when it is said again).
_CONSENT_KINDS = frozenset(("explicit", "express", "written", "separate", "specific", "opt-in"))


def _consent_first(change: ClauseChange) -> bool:
    """True when an edited clause that ruled something out without the reader's consent now makes it
    wait for that consent, of the same kind: "shall not process it for any incompatible purpose
    without first obtaining your explicit consent" → "Should the Company wish to use it for such a
    purpose, it will first seek and obtain your explicit consent"."""
    assert change.old is not None and change.new is not None
    return _WITHOUT_ASKING.search(change.old_text) is not None and _CONSENT_FIRST.search(change.new_text) is not None \
        and change.old.wordset & _CONSENT_KINDS <= change.new.wordset


# A limit said again as a negation after it: "only on our instructions (and not otherwise)", "… and for no other purpose".
_NOT_OTHERWISE = re.compile(r"\b(?:and|but)\s{1,3}(?:not|never)\s{1,3}otherwise\b|\band\s{1,3}for\s{1,3}no\s{1,3}other\s{1,3}(?:purpose|reason)s?\b", re.I)
#: The words of :data:`_NOT_OTHERWISE`.
_ECHO_WORDS = frozenset(("and", "but", "not", "never", "otherwise", "for", "no", "other", "purpose", "purposes", "reason", "reasons"))

# A limit to what is needed, said of the extent: "strictly to the extent necessary", "as far as necessary".
_EXTENT = re.compile(r"\b(?:(?:strictly|only)\s{1,3})?to\s{1,3}the\s{1,3}extent\s{1,3}(?:strictly\s{1,3}|absolutely\s{1,3})?(?:necessary|needed|required\s{1,3}for)\b"
                     r"|\b(?:in\s{1,3}so\s{1,3}far|insofar|as\s{1,3}far)\s{1,3}as\s{1,3}(?:is\s{1,3})?(?:strictly\s{1,3})?(?:necessary|needed)\b", re.I)

#: The words of a limit to what is needed, however it is said ("what is strictly necessary", "what the purpose requires").
_NEEDED = frozenset(("necessary", "needed", "need", "needs", "require", "requires", "required", "essential", "minimum"))

# A negation that closes what a clause named: "…, nothing else", "and no one else", "no other data".
_CLOSING_NEGATION = re.compile(r"\b(?:nothing|no\s{1,3}one|nobody|none)\s{1,3}else\b|\bno\s{1,3}other\b|\bnot\s{1,3}(?:anything|anyone)\s{1,3}else\b", re.I)
# A contrast said with a negation: "by our payment providers, not by us"; and said without one.
_CONTRAST_NOT = re.compile(r",\s{1,3}not\s{1,3}(?:by|to|from|with|in)\b", re.I)
_CONTRAST = re.compile(r"\b(?:rather\s{1,3}than|instead\s{1,3}of)\b", re.I)


def _closing_said_as_limit(change: ClauseChange) -> bool:
    """True when every negation an edited clause had closed what it named ("we receive your name,
    e-mail address and a user ID from that provider, nothing else") and the new clause limits itself
    ("the provider gives us only your name, e-mail address and a user ID"): the same limit."""
    assert change.new_reading is not None
    if not change.new_reading.limited:
        return False
    closing = [m.span() for m in _CLOSING_NEGATION.finditer(change.old_text)]
    return bool(closing) and all(any(a <= start < b for a, b in closing) for start in _negation_starts(change.old_text))


def _contrast_said_otherwise(change: ClauseChange) -> bool:
    """True when every negation an edited clause had set one party against another ("collected and
    processed by our payment providers, not by us") and the new clause says it with "rather than"
    or "instead of"."""
    if _CONTRAST.search(change.new_text) is None:
        return False
    contrasts = [m.span() for m in _CONTRAST_NOT.finditer(change.old_text)]
    return bool(contrasts) and all(any(a <= start < b for a, b in contrasts) for start in _negation_starts(change.old_text))


def _negation_starts(text: str) -> list[int]:
    """Where the negating words of ``text`` begin."""
    return [m.start() for m in _NEGATING_WORD.finditer(text)]


# The negating words of :data:`.text.NEGATIONS`, and any "…n't".
_NEGATING_WORD = re.compile(r"\b(?:" + "|".join(sorted(NEGATIONS)) + r")\b|\b\w+n't\b", re.I)


def judge(change: ClauseChange, context: Context) -> Finding | None:
    """A limit or commitment removed or weakened (material); a new one (substantive)."""
    entry = (change.new or change.old) if change.kind != "edited" else None
    if entry is not None and entry.item and entry.lead and context.memo(("consent gated", entry.lead), lambda: _consent_gated(entry.lead)) \
            and last_sentence(entry.lead) in context.section_text(change, "old"):  # type: ignore[union-attr]
        # "There are a few things we will only do if you have said yes: … - sharing your life story
        # book with volunteers" loses the entry: it is done without asking (GDPR Art. 6(1)(a), 9(2)(a))
        if change.kind == "removed":
            return change.finding("commitments", "material", "A case was taken out of a list of what is done only with the reader's consent.")
        return change.finding("commitments", "substantive", "A case was added to a list of what is done only with the reader's consent.")
    # (a closed list of recipients, purposes or rights is read by the rule of what it lists)
    # (only a list that stood before: a paragraph rewritten as a closed list is judged as rewritten)
    if entry is not None and entry.item and entry.lead and context.memo(("closed", entry.lead), lambda: _closed(entry.lead)) \
            and context.list_topic(change) is None and last_sentence(entry.lead) in context.section_text(change, "old"):  # type: ignore[union-attr]
        # "We access it only in the following situations: … 5. when necessary to recover amounts owed"
        if change.kind == "inserted":
            return change.finding("commitments", "material", "A case was added to a list the lead-in limits itself to.")
        return change.finding("commitments", "substantive", "A case was taken out of a list the lead-in limits itself to.")
    if entry is not None and entry.item and (context.list_rules_out(change)
                                             or entry.lead and context.memo(("rules out acts", entry.lead), lambda: _RULES_OUT_ACTS.search(entry.lead) is not None)
                                             # (with no lead-in, a heading that names what is never done: "What we never do with your DNA")
                                             or not entry.lead and bool(change.section) and _NEVER_DONE.search(change.section[-1]) is not None):
        # "What we do NOT collect: - … - Connection and disconnection timestamps": each entry a limit
        if change.kind == "inserted":
            return change.finding("commitments", "substantive", "An entry was added to a list of what the statement rules out.")
        return change.finding("commitments", "material", "An entry was taken out of a list of what the statement rules out.")
    if change.kind == "edited" and "default" in change.vocabulary:
        # "Analytics cookies … are deactivated by default" → "… are always active"
        on = _off_by_default_lessened(change)
        if on is not None:
            return change.finding("commitments", "material", f"{quote(on)} is no longer off by default.")
        if _OFF_BY_DEFAULT.search(change.old_text) and _OFF_BY_DEFAULT.search(change.new_text) \
                and not _EXCEPTING.isdisjoint(change.changed_new_words) and _EXCEPTING.isdisjoint(change.old.wordset):  # type: ignore[union-attr]
            # "The Share to Gallery setting is off by default" → "…, except on the free plan, where new
            # images are shared to the gallery unless you switch it off"
            return change.finding("commitments", "material", "The limit now has an exception.")
    if change.kind == "inserted" and _AN_EXCEPTION.match(change.new_text) is not None and negates(context.block_text(change, "old") or ""):
        # "We do not place advertising pixels … after you log in." gains "The only exception is a
        # conversion tag on the page that confirms your new account, which lets our advertising
        # partners know that a sign-up took place."
        return change.finding("commitments", "material", "The limit now has an exception.")
    if change.kind == "edited" and not _BEST_EFFORTS.isdisjoint(change.changed_new_words) and _BEST_EFFORTS.isdisjoint(change.old.wordset) \
            and change.old_reading.firm and _FIRM_STILL.search(change.new_text) is None:  # type: ignore[union-attr]
        # (not beside a limit that still binds: "we aim to respond within 14 days, and in any case within one month")
        # "The Grievance Officer shall respond within a period not exceeding 90 days" → "… shall
        # endeavour to respond within 90 days": a duty made an effort
        return change.finding("commitments", "material", "A commitment now promises less.")
    if consent_made_opt_out(change):
        # "the District obtains prior written consent from a parent before administering any survey"
        # → "… notifies parents before administering any survey … and gives them an opportunity to
        # opt the student out" (GDPR Art. 4(11), 7; COPPA, PPRA: consent is asked, an opt-out is
        # not); "only if you have allowed access to geolocation" → "unless you have disabled it"
        return change.finding("commitments", "material", CONSENT_MADE_OPT_OUT)
    if change.kind == "removed" and (not _AGREEING.isdisjoint(change.old.wordset) or "opt" in change.old.wordset) and _ASKS_CONSENT.search(change.old_text) is not None \
            and _opted_out_instead(change, context):  # type: ignore[union-attr]
        # "Enrollment requires your express consent, which you can give only in the app." gone, and its
        # block gained "Eligible vehicles are enrolled automatically …, and you can opt out at any time"
        return change.finding("commitments", "material", CONSENT_MADE_OPT_OUT)
    reading = change.reading
    if reading.actor == "reader":
        return _company_part_weakened(change)
    if contact_line(change):
        return None
    # What the limit is about, read in the clause and its section's heading: under "How we share
    # information", "They may use it only to provide services to us" limits what is done with it.
    # ("Our staff see account data only when they need to help you": data, and a limit on handling it)
    topics = change.topics  # (looked at directly: cheaper than a call of change.touches for each)
    if not (not topics.isdisjoint(_HANDLING_TOPICS)
            or "data" in topics and ("use" in topics or _limits_handling(change))
            or "your" in change.vocabulary and _limits_handling(change)  # a limit on handling the reader's own: "your application"
            or "see" in change.vocabulary and _WHO_SEES.search(change.old_text or change.new_text)  # who can see the reader's own
            or _names_a_practice(change, context)
            or PURPOSE_LABEL.match(change.old_text or change.new_text) is not None  # a limit on why: "Why: only to carry out the request"
            or context.list_topic(change) == "purpose"  # "To hold video consultations, only when you choose one"
            # how the reader's requests are handled, hedged: "we will not charge a fee" → "we will not normally charge a fee"
            or not _HEDGES.isdisjoint(change.changed_new_words) and context.section_topic(change) == "rights"
            # what the company will not ask of a reader who exercises a right: "We will not require you to create an account or pay a fee to opt out"
            or "rights" in topics and reading.negated and reading.actor == "company" and not _ASKS_OF_READER.isdisjoint(change.vocabulary)
            # what the company rules out using the reader's details for: "We never send marketing to anyone who has self-excluded"
            or "marketing" in change.vocabulary and reading.negated and reading.actor == "company"
            # a limit tied to the reader's consent: "Marketing cookies are set only after you have given your consent"
            or not _CONSENT.isdisjoint(change.vocabulary) and reading.limited
            # a limit on answering legal process: "We will comply only with an order that is legally
            # binding under Swiss law and has been approved by a Swiss court"
            or reading.limited and not _LEGAL_PROCESS.isdisjoint(change.vocabulary) and _LEGAL_ORDER.search(change.old_text or change.new_text) is not None
            # an exception put into what the company (or those acting for it) rules out: "They will not
            # copy or photograph your ID" → "…, unless they believe it may have been altered"
            or change.kind == "edited" and not _EXCEPTING.isdisjoint(change.changed_new_words) and _exception_after_negation(change)
            # a protection taken out of what goes to someone: "…, for the risk structure compensation scheme, in pseudonymised form"
            or any(word.startswith(_PROTECTIVE_STEMS) for word in change.changed_old_words)
            # a negation of the company's about information, taken out, whatever the verb: "When we send
            # geolocation data to importers, we identify each plot by an internal producer code, not by your
            # name" → "… together with your name and DPI number"
            or change.kind == "edited" and reading.actor == "company" and "data" in topics and not reading.negated
            and change.old_reading.negated  # type: ignore[union-attr]
            # a limit on handling, taken out: "we do not send updated reports unless you ask us to again"
            or change.kind == "removed" and reading.actor == "company" and reading.limits_handling
            or change.kind == "removed" and reading.negated and _THERE_IS_NO.match(change.old_text) is not None
            # what is not passed on, said of the thing: "No statistic relating to a group of fewer than ten persons is communicated."
            or change.kind == "removed" and reading.negated and not _PASSED_ON.isdisjoint(change.old.wordset)  # type: ignore[union-attr]
            # a rule of the company's made one with exceptions, whatever it rules out: "We never place
            # cameras in toilets" → "We do not normally place cameras in toilets"
            or change.kind == "edited" and reading.actor == "company" and reading.negated and change.old_reading.negated  # type: ignore[union-attr]
            and not _HEDGES.isdisjoint(change.changed_new_words)
            # things a negation ruled out, taken out of its enumeration, whatever they are: "No camera is
            # installed in guest rooms, toilets, changing rooms, hammams or spa treatment rooms" → "… in
            # guest rooms, toilets or changing rooms"
            or change.kind == "edited" and reading.negated and change.removed_words and not change.added_words
            and change.old_reading.negated and _enumerated_dropped(change)  # type: ignore[union-attr]
            # a condition the company set on what it does, taken out: "We do this only after assessing that …"
            or change.kind == "removed" and reading.limited and reading.actor == "company" and _ONLY_AFTER.search(change.old_text) is not None
            # what others are kept from seeing of the reader's: "Your name is not shown"
            or reading.actor == "other" and reading.negated and _NOT_SEEN.search(change.old_text or change.new_text) is not None
            # a limit on where or when the reader is watched: "Cameras are installed in common areas only"
            or not _WATCHING.isdisjoint(change.vocabulary) and (reading.limited or reading.negated or change.old_reading is not None and (change.old_reading.limited or change.old_reading.negated))
            # a limit on who sees it: "Information about living people is hidden from everyone except you"
            or change.kind == "edited" and not _SHOWN.isdisjoint(change.vocabulary) and _ALL_BUT.search(change.old_text) is not None
            # a duty to tell the reader, wherever it stands: "… and shall inform the Users concerned without undue delay"
            or change.kind == "edited" and not _TELLING.isdisjoint(change.vocabulary) and _TELLS_YOU.search(change.old_text) is not None
            # a limit on what the company asks the reader for: "We ask for a drug test certificate only for safety-critical jobs"
            or change.kind == "edited" and reading.actor == "company" and change.old_reading is not None and change.old_reading.limited
            and not _ASKING_FOR_WORDS.isdisjoint(change.vocabulary) and _ASKS_FOR.search(change.old_text) is not None
            # the company's own "only" taken out: "We only start an investigation if there is a documented reason"
            # (not one said with another word of limit: "only" → "solely", "strictly"; nor one that limited a
            # protection: "considers the contents of private repositories, and only the contents of private
            # repositories, to be confidential" — what is protected no longer stops there)
            or change.kind == "edited" and reading.actor == "company" and "only" in change.changed_old_words
            and LIMITS.isdisjoint(change.new.wordset) and "strictly" not in change.new.wordset  # type: ignore[union-attr]
            and _SAFE.isdisjoint(change.old.wordset)  # type: ignore[union-attr]
            # a promise to the reader made one the company keeps when it can: "We will always explain the
            # reason for the visit beforehand" → "Where possible, we will explain …"
            or change.kind == "edited" and change.old_reading is not None
            and (change.old_reading.promises or change.old_reading.firm and change.old_reading.actor == "company")
            and _DISCRETION_WORDS.isdisjoint(change.old.wordset)  # type: ignore[union-attr]
            and (not _DISCRETION_WORDS.isdisjoint(change.changed_new_words) or not _HEDGES.isdisjoint(change.changed_new_words)
                 or "always" in change.changed_old_words)):
        return None
    if change.kind == "inserted":
        if reading.limits_handling or reading.restricts and reading.actor == "company":
            return change.finding("commitments", "substantive", "A new clause limits what is done with information.")
        return None
    if change.kind == "removed":
        protected = _protections(change.old_text)
        if protected:
            protected -= _protections(context.section_text(change, "new"))  # (said again in its section: kept)
        if protected and reading.actor != "reader":
            # "For this we use pseudonymised CDRs that cannot be traced back to you" removed
            word = next(m.group() for m in _PROTECTED.finditer(change.old_text) if _protections(m.group()) <= protected)
            return change.finding("commitments", "material", f"The information is no longer said to be {quote(word.lower())}.")
        if (reading.promises or reading.firm) and _tells_directly(change.old_text) and not _still_tells_directly(change, context):
            # "Material changes will be announced 30 days ahead, by e-mail to account owners" gone,
            # whoever the sentence names as acting (FTC: a material change needs direct notice)
            return change.finding("commitments", "material", "A clause that promised to tell the reader directly was removed.")
        # (a clause that rules out a sensitive practice limits too: "We do not show ads in the app")
        # (and a limit on those it lets handle information: "They may use it only to perform those
        # services", said of its providers)
        if (reading.actor == "company" and (reading.limits_handling or reading.promises or reading.negated and _names_a_practice(change, context)
                                             # a condition it set on what it does: "We do this only after assessing that …"
                                             or reading.limited and _ONLY_AFTER.search(change.old_text) is not None)
                or reading.actor == "other" and reading.limits_handling and ("sharing" in change.topics | change.heading_topics or "access" in change.vocabulary)
                and _RECIPIENTS_ACT.match(change.old_text) is not None
                # what watching the reader is not used for: "CCTV footage is not used to monitor the productivity of individual team members"
                or reading.negated and not _WATCHING.isdisjoint(change.old.wordset) and _NOT_USED.search(change.old_text) is not None  # type: ignore[union-attr]
                # what others may not see of the reader's: "They cannot see your ID, medical notes or card
                # details", "Your name is not shown"
                or reading.actor == "other" and reading.negated and _NOT_SEEN.search(change.old_text) is not None
                # a bar put on those who receive it: "(a contract that) prohibits use of the records for marketing"
                or reading.actor == "other" and not _BARS.isdisjoint(change.old.wordset) and _BARRED_USE.search(change.old_text) is not None  # type: ignore[union-attr]
                # what is not done, said of the thing: "There is no sound recording."
                or reading.negated and _THERE_IS_NO.match(change.old_text) is not None
                # what is not passed on: "No statistic relating to a group of fewer than ten persons is communicated."
                or reading.negated and not _PASSED_ON.isdisjoint(change.old.wordset)):  # type: ignore[union-attr]
            if reading.negated and _said_again(change, context) or _lead_limit_restated(change, context) \
                    or reading.limited and not reading.negated and _said_again(change, context, limit=True) \
                    or reading.promises and not reading.negated and _promise_said_again(change, context):
                return change.finding("commitments", "substantive", "A clause that limited what is done with information was reworded.")
            return change.finding("commitments", "material", "A clause that limited or committed what is done with information was removed.")
        return None
    old, new = change.old_reading, change.new_reading
    assert old is not None and new is not None
    if old.negated and not _WATCHING.isdisjoint(change.vocabulary):
        ruled_out = _NOT_WATCHED.search(change.old_text)
        if ruled_out is not None and _NOT_WATCHED.search(change.new_text) is None and _WATCHED.search(change.new_text) is not None:
            # "Children's ministry areas are never filmed." → "… are recorded by security cameras, but this
            # footage is not livestreamed": what was never watched now is, whatever else is still ruled out
            return change.finding("commitments", "material", f"The clause no longer says {quote(ruled_out.group().split()[0].lower())}.")
    old_words, new_words = change.changed_old_words, change.changed_new_words
    lost: list[str] = []
    won: list[str] = []
    if any(_LIMITING.each(old_words + new_words)):  # (most edits change no negation or limit)
        # (a word the word diff set elsewhere but the clause holds as often is neither: "the DVLA will
        # only release this where …" → "…, which the DVLA will only do where …")
        lost = [w for w in old_words if _LIMITING(w) and w not in new_words and change.old.norms.count(w) > change.new.norms.count(w)]  # type: ignore[union-attr]
        won = [w for w in new_words if _LIMITING(w) and w not in old_words and change.new.norms.count(w) > change.old.norms.count(w)]  # type: ignore[union-attr]
    # (``lost and any(…)``: most edits lose and win no such word, and an empty list needs no generator)
    restated = False  # (the negation, with its exception, said again in another sentence of the block)
    if lost and any(negative(w) for w in lost):
        # (not those of a phrase that rules nothing out: "for no longer than is necessary" → "only for as long as …")
        said = negating_words(change.old_text)
        # ("never" is "not … ever": "we never will" → "not for sale, now or ever")
        ever = new.negated and "ever" in change.new.wordset  # type: ignore[union-attr]
        # ("nor" is "or" under the negation before it: "may not use them …, nor assign them" → "They
        # may not use the data … or assign them")
        nor = new.negated and "or" in new_words
        lost = [w for w in lost if not negative(w) or w in said and not (w == "never" and ever) and not (w == "nor" and nor)]
    # ("and not otherwise" after a limit that stays says the limit again: "only on the instructions
    # of the Administrator (and not otherwise)" → "only on the instructions of the Administrator")
    echo = bool(old_words) and old.limited and new.limited and _ECHO_WORDS.issuperset(old_words) and _NOT_OTHERWISE.search(change.old_text) is not None
    if old.negated and old.excepted and _opt_in_made_opt_out(change):
        # "We will not use photographs of your child … unless you have ticked the box to say yes" →
        # "We will use photographs … unless you tick the box to tell us you would rather we did not"
        return change.finding("commitments", "material", CONSENT_MADE_OPT_OUT)
    # (not for an entry of a list whose lead-in negates for it: "We do not place cameras in
    # restrooms." → "We do not: - place cameras in restrooms;")
    # (a negation said as a bar: "may not use the data for its own purposes" → "is prohibited from using them …")
    barred = not _BARS.isdisjoint(new_words) and _BARS.isdisjoint(change.old.wordset)  # type: ignore[union-attr]
    if (old.negated and not new.negated or lost and any(negative(w) for w in lost)) and not (won and any(negative(w) for w in won)) and not echo and not barred \
            and not (change.new.item and change.new.lead and _RULES_OUT_ACTS.search(change.new.lead) is not None):  # type: ignore[union-attr]
        # (or in this clause, its exception made a limit: "We do not transfer it outside the Kingdom
        # except in accordance with the Law, and only where …" → "It may be transferred outside the
        # Kingdom only where the conditions of the Law are satisfied, where …")
        restated = bool(change.removed_words) and (
            not _EXCEPTING.isdisjoint(change.old.wordset) and not _ONLY.isdisjoint(change.new.wordset)  # type: ignore[union-attr]
            or _consent_first(change)
            # (a law that "does not apply to" something, said as something "exempt from" it)
            or _NOT_APPLY.search(change.old_text) is not None and _EXEMPT.search(change.new_text) is not None
            or _said_again(change, context)) \
            or "without" in change.changed_new_words and _said_with_without(change) \
            or _closing_said_as_limit(change) or _contrast_said_otherwise(change)
        # (the last: the negation said with "without", "Withdrawing consent does not affect your
        # ability to place orders" → "… without affecting your ability to place orders")
        if not restated:
            return change.finding("commitments", "material", f"The clause no longer says {quote(next((w for w in lost if negative(w)), 'not'))}.")
    # (a clause that still negates rules out as before in other words: "We do not use … SDKs" →
    # "The app contains no … SDKs")
    # (a limit may change its words: "Only staff who need it can get it" → "Access is limited to
    # staff whose jobs require it" limits as before)
    new_phrase = limiting(change.new_text) if old.limited else None
    won_limit = bool(won) and any(w in LIMITS for w in won)
    if restated and (LIMITS & change.old.wordset) - change.new.wordset <= _EXCEPTING:  # type: ignore[union-attr]
        pass  # (the limit it lost was the negation's exception, which went with it)
    elif not _EXCEPTING.isdisjoint(lost) and LIMITS & change.old.wordset <= _EXCEPTING and not old.negated and not old.permissive \
            and _protection_kept(change):  # type: ignore[union-attr]
        # an exception to a promise that protects the reader, taken out, the promise kept: "the
        # Company shall cease processing it, unless the law requires it" → "the Company shall cease
        # processing it. This shall not apply where the law requires it" (more protection, or the same)
        pass
    elif old.limits_handling and not new.limits_handling and not new.negated and not _same_limit(change) and new_phrase is None \
            or old.limited and not new.limited \
            or old.limited and limiting(change.old_text) is not None and new_phrase is None and not won_limit \
            or lost and any(w in LIMITS for w in lost) and not won_limit and new_phrase is None:
        phrase = limiting(change.old_text)
        word = next((w for w in lost if w in LIMITS), None) or (phrase.group() if phrase is not None else "only")
        if phrase is not None and not _BARS.isdisjoint(phrase.group().lower().split()) and new.negated:
            # a bar said as a negation: "are prohibited from using the data for their own purposes" →
            # "may not use the data for their own purposes"
            return change.finding("commitments", "substantive", "A clause that limited what is done with information was reworded.")
        if word in LIMITS and (_limit_moved_in_section(change, context, word) or _closed_by_a_bar(change, context)
                               or word in _EXCEPTING and _exception_said_otherwise(change, word)):
            # "…, including encrypting data …, restricting access to authorised employees only …" →
            # "…, including:" and an entry "- restricting access to authorised employees only, …"
            return change.finding("commitments", "substantive", "A clause that limited what is done with information was reworded.")
        return change.finding("commitments", "material", f"The clause no longer limits itself with {quote(word)}.")
    had = change.old.wordset  # type: ignore[union-attr]
    chosen = _READER_CHOOSES.search(change.old_text) if not _CONDITIONS.isdisjoint(had) or "request" in had and "at" in had else None
    # (an opt-in made an opt-out waits for no choice either: "We discard it unless you choose to
    # have it stored" → "We store it unless you ask us to discard it")
    if chosen is not None and _READER_CHOOSES.search(change.new_text) is None and new.actor != "reader" and (
            new.restricts is False or "unless" in change.new.wordset and _READER_OBJECTS.search(change.new_text)):  # type: ignore[union-attr]
        return change.finding("commitments", "material", f"The clause no longer waits for a choice: {quote(chosen.group())} was removed.")
    # (the changed old words are read first: the words a clause lost are among them, and most edits lose none)
    lost = _protections(" ".join(change.changed_old_words))
    protected = lost & (_protections(change.old_text) - _protections(change.new_text)) if lost else set()
    if protected:
        # (said again in a sentence of its own in the block: "…, and anonymous reports will be accepted" →
        # "… run by the Internal Audit Division. Anonymous reports are accepted.")
        protected -= _protections(context.block_text(change, "new") or "")
    if protected:
        form = sorted(protected)[0]
        word = next(m.group() for m in _PROTECTED.finditer(change.old_text) if _protections(m.group()) == {form})
        return change.finding("commitments", "material", f"The information is no longer said to be {quote(word.lower())}.")
    extent = _EXTENT.search(change.old_text) if "extent" in had or "far" in had else None
    if extent is not None and _NEEDED.isdisjoint(change.new.wordset) and _EXTENT.search(context.section_text(change, "new")) is None:  # type: ignore[union-attr]
        # what is needed and no more, said of the extent (GDPR Art. 5(1)(c)), taken out: "Personal data may be
        # disclosed, strictly to the extent necessary, to the following categories of recipients:" → "…, in particular, …"
        # (said in other words, "each receives only what is strictly necessary", or elsewhere in its section, it stays)
        return change.finding("commitments", "material", f"The clause no longer limits itself with {quote(extent.group())}.")
    lost_law = _law_limit_lost(change) if "sharing" in change.topics else None
    if lost_law is not None and not new.negated and not _law_said_in_block(change, context):
        return change.finding("commitments", "material", f"The clause no longer limits itself with {quote(lost_law.group())}.")
    # (an entry of a list takes "may" from its lead-in: "We may disclose it: - in a corporate transaction, subject to …")
    allows = old.permissive and new.permissive or bool(change.old.lead) and _MAY.search(change.old.lead) is not None  # type: ignore[union-attr]
    if old.excepted and allows and not old.restricts and exceptions(change.old_text) > exceptions(change.new_text):
        # "We may also use it for other functions, …, where the law permits this" → "We may also use
        # it for any of our other functions": what is allowed no longer waits for the condition
        return change.finding("commitments", "material", "What the clause allows no longer depends on the condition it had.")
    if allows and not old.restricts and _condition_dropped(change) and not _condition_said_again(change, context):
        # "The University may disclose … to parents …, if the University has determined that the
        # student committed a disciplinary violation" → "… to parents …": allowed whatever holds
        return change.finding("commitments", "material", "What the clause allows no longer depends on the condition it had.")
    if new.excepted and (old.restricts or old.promises) and (not old.excepted or exceptions(change.new_text) > exceptions(change.old_text)) \
            and not _limit_said_as_exception(change):
        # ("… without your consent" → "… without your consent, except where an ethics committee has
        # approved the research": one more way through the limit)
        return change.finding("commitments", "material", "The limit now has an exception.")
    if not _DISCRETION_WORDS.isdisjoint(change.changed_new_words) and (old.promises and new.promises or new.actor == "company" and _TELLS.search(change.new_text)
                                                                   # (or what it said it does, firmly: "We will always explain the reason for the visit")
                                                                   or old.firm and new.firm and old.actor == "company" and new.actor == "company") \
            and _discretion_gained(change) and not _DISCRETION.search(change.old_text):
        # "we will notify you" → "where we consider it practicable, notify you": the company decides
        # (said in the present too: "we promptly notify the persons concerned" → "…, where we
        # consider it appropriate, the persons concerned")
        return change.finding("commitments", "material", "The commitment now depends on the company's own judgement.")
    if old.promises and not new.promises and new.permissive and _ONLY.isdisjoint(change.new.wordset):  # type: ignore[union-attr]
        # ("must ask for your permission" → "may only do so with your permission" restricts: no permission given)
        return change.finding("commitments", "material", "A commitment (will, must) now only allows (may).")
    if not MAY_WORDS.isdisjoint(new_words) and MAY_WORDS.isdisjoint(change.old.wordset) and _FIRM_MODALS.isdisjoint(change.old.wordset) \
            and not old.negated and new.actor != "reader" and _fact_softened(change):  # type: ignore[union-attr]
        # "The phone numbers of both parties are masked when they call" → "… may be masked …"
        return change.finding("commitments", "material", "A protection the clause said is given is now only one that may be given.")
    if not MAY_WORDS.isdisjoint(new_words) and not _FIRM_MODALS.isdisjoint(change.old.wordset) and _duty_softened(change):  # type: ignore[union-attr]
        # "If we make material changes, we will notify you" → "we may notify you" (one "will" of
        # the clause; another stays: "… and where the law requires it we will ask for your consent")
        return change.finding("commitments", "material", "A commitment (will, must) now only allows (may).")
    if not new.negated and (old.promises and _tells_directly(change.old_text) and not _tells_directly(change.new_text)
                            # (a duty to tell them, however far its verb stands from "shall": "shall, without undue delay, notify the Subjects")
                            or not _TELLING.isdisjoint(change.old.wordset) and old.firm and _DUTY_TO_TELL.search(change.old_text) is not None  # type: ignore[union-attr]
                            and _TELLS_YOU.search(change.old_text) is not None and _TELLS_YOU.search(change.new_text) is None):
        # "We will tell you about changes by email" → "We will post changes on our website": notice
        # that reached the reader now waits to be found (FTC: material changes need direct notice);
        # "we shall notify the Commission and you" → "… notify the Commission": the reader is told no more
        return change.finding("commitments", "material", "The clause no longer promises to tell the reader directly.")
    if not _AHEAD.isdisjoint(change.changed_old_words) and not _AFTER.isdisjoint(change.changed_new_words) and _AHEAD.isdisjoint(change.changed_new_words) \
            and old.promises and new.promises and not new.negated and _TELLS.search(change.new_text):
        # "The BANK shall inform the DATA SUBJECTS of any new country of destination before the
        # transfer begins" → "… within thirty (30) days after the transfer begins"
        return change.finding("commitments", "material", "Notice the clause promised ahead of time now comes after the fact.")
    if not _CONDITION_WORDS.isdisjoint(change.changed_new_words) and old.promises and new.promises and not new.negated \
            and not change.removed_words and change.added_words \
            and change.gained_matches(_CONDITION_OPENS.finditer(change.new_text)) and _TELLS.search(change.new_text) \
            and len(_CONDITION_OPENS.findall(change.new_text)) > len(_CONDITION_OPENS.findall(change.old_text)):
        # "The BANK shall also inform the affected DATA SUBJECTS without undue delay" → "…, where the
        # incident is likely to significantly affect their rights": told only in some cases
        return change.finding("commitments", "material", "A commitment now holds only on a condition it did not have.")
    if old.promises and new.promises and change.removed_words and not change.added_words and not old.restricts \
            and not (_DISCRETION.search(change.old_text) and not _DISCRETION.search(change.new_text)) and not _referred_back(change):
        # (not one that lost the company's own judgement: "…, where technically feasible, so that they
        # can delete it too" → "… so that they can delete it too" promises more)
        # "we will announce it here, by email, or on our home page" → "here or on our home page":
        # the same promise, kept in fewer ways
        return change.finding("commitments", "material", "A commitment now promises less.")
    if (old.restricts or old.excepted) and any(len(span.old) == 1 and len(span.new) == 1 and span.old[0].norm == "and" and span.new[0].norm == "or"
                                               and _in_exception(change.old, span.old[0]) for span in change.spans):
        # "… unless that country ensures an adequate level of protection, and after obtaining a
        # licence from the Centre" → "…, or after obtaining a licence": conditions that were all
        # needed, now one of them is enough
        return change.finding("commitments", "material", "The limit's exception now asks for less.")
    if not old.restricts and "without" in change.old.wordset and "without" in change.new.wordset:  # type: ignore[union-attr]
        # what "without" keeps out, made a rule with exceptions: "identified by a code, without
        # including the name of the patient" → "…, without including, as a general rule, the name …"
        hedge = _gained_hedge(change)
        if hedge is not None and 0 <= change.new_text.find(hedge) - change.new_text.find("without") <= 40:
            return change.finding("commitments", "material", f"The limit is no longer absolute: {quote(hedge)} was added.")
    if old.restricts and new.restricts:
        lesser = _lesser_process(change)
        if lesser:
            return change.finding("commitments", "material", f"The limit now accepts less than a warrant: {quote(lesser)}.")
        narrowed = _subject_narrowed(change)
        if narrowed:
            return change.finding("commitments", "material", f"The limit now binds only some: {quote(narrowed)} was added to whom it binds.")
        freed = _party_freed(change) if old.negated and new.negated else None
        if freed:
            return change.finding("commitments", "material", f"The limit no longer binds {quote(freed)}.")
        if change.added_words and change.old_reading.limited and not change.removed_words and _widened_in_scope(change) \
                and not illustrates(change) and not in_examples(change):  # ("only aggregated figures, such as …": an example of what it let through)  # type: ignore[union-attr]
            return change.finding("commitments", "material", "What the limit allows now includes more.")
        if (old.negated and new.negated or _ALL_BUT.search(change.old_text) and _ALL_BUT.search(change.new_text)) and _exception_widened(change):
            # ("hidden from everyone except you" → "… except you and your DNA matches": all but those named are kept out)
            # "We don't use your facial geometry for anything other than verifying your profile" →
            # "… other than verifying your profile and improving our verification technology"
            return change.finding("commitments", "material", "The limit's exception now lets more through.")
        if old.negated and new.negated and _exception_gained_case(change):
            # "We will not contact your employer, even if your loan is overdue, unless you ask us to
            # do so in writing" → "… unless your loan is more than 90 days overdue or you ask us to …"
            return change.finding("commitments", "material", "The limit's exception now lets more through.")
        if old.negated and new.negated and change.removed_words and not change.added_words and _ruled_out_less(change, after_limit=old.limited):
            # "We do not access your bank accounts, contacts or location" → "… your contacts or
            # location": what is ruled out is less (with "only", fewer things are let through)
            return change.finding("commitments", "material", "The clause now rules out less.")
        if old.excepted and new.excepted and _exception_asks_less(change) or old.limited and _conditions_ask_less(change) \
                or old.limited and _consent_asks_less(change) or (old.limited or old.excepted) and _formality_dropped(change):
            return change.finding("commitments", "material", "The limit's exception now asks for less.")
        # (not one the clause said in other words: "not … on a routine basis" → "do not routinely …")
        hedge = _gained_hedge(change)
        if hedge is not None and (old.negated and new.negated or old.limited and new.limited and not _ONLY.isdisjoint(change.old.wordset)):  # type: ignore[union-attr]
            # "Brands never get your name" → "Brands generally don't get your name": a rule with exceptions
            return change.finding("commitments", "material", f"The limit is no longer absolute: {quote(hedge)} was added.")
        # What is ruled out, narrowed: by its verb, to others only, to doing it alone ("… to select
        # residents" → "… as the sole basis for selecting residents"), from anyone to a group ("to
        # identify a person by their face" → "… a customer …"), or by another word put in
        narrowed = (_verb_narrowed(change) or _others_only(change) or _made_sole(change) or _people_narrowed(change) or _other_narrowed(change)) \
            if old.negated and new.negated else None
        if narrowed is not None:
            return change.finding("commitments", "material", f"What the clause rules out is now narrower: {quote(narrowed)} was added.")
        kind = _object_narrowed(change) if old.negated and new.negated else None
        if kind is not None:
            return change.finding("commitments", "material", f"What the clause rules out is now narrower: {quote(kind)} in place of all information.")
        if old.negated and new.negated and _ruled_out_until(change):
            # "We do not place tracking pixels … on the MyCare log-in page or on any page within
            # MyCare" → "… on any page within MyCare after you have logged in"
            return change.finding("commitments", "material", "The clause now rules out less.")
        if old.negated and new.negated and won and _exception_made_default(change):
            return change.finding("commitments", "material", CONSENT_MADE_OPT_OUT)
        if old.negated and change.added_words and ", but " in change.new_text and _split_off_allowed(change):
            # "We do not exchange our list with political campaigns, candidates or businesses" → "We
            # may also exchange it with candidates …, but we do not exchange it with businesses"
            return change.finding("commitments", "material", "The clause now rules out less.")
        if not won and change.added_words and old.limited and new.limited and not old.negated and not new.negated:
            replaced = _replaced_in_scope(change)
            if replaced is not None:
                return change.finding("commitments", "material", f"What the limit lets through changed: {quote(replaced)}.")
        if won or change.removed_words:
            return change.finding("commitments", "substantive", "The limit now allows less.")
        if old.negated and not change.added_words and any(span.new for span in change.spans):
            # (words of no substance of their own, and numbers: "… to a Junior Rover" → "… under 13")
            narrowed = _ruled_out_narrowed(change)
            if narrowed:
                return change.finding("commitments", "material", f"What the clause rules out is now narrower: {quote(narrowed)} was added.")
        if change.added_words and old.negated:
            narrowed = _ruled_out_narrowed(change)
            if narrowed:
                return change.finding("commitments", "material", f"What the clause rules out is now narrower: {quote(narrowed)} was added.")
            if _split_off_allowed(change):
                # "We do not share your floor map, images or recordings with them" → "If …, we also
                # share your floor map with it. We do not share images or recordings with them"
                return change.finding("commitments", "material", "The clause now rules out less.")
            if _allowed_after_but(change):
                # "Neither the driver nor other riders can view the recordings" → "…, but the fleet
                # operator that owns the vehicle may review them when handling an insurance claim"
                return change.finding("commitments", "material", "The limit now has an exception.")
            return change.finding("commitments", "substantive", "The clause now rules out more.")
    elif won:
        if not _EXCEPTING.isdisjoint(won) and not old.excepted and new.excepted and not old.negated and (old.firm or old.promises or "every" in change.old.wordset) \
                and _FIRM_MODALS.isdisjoint(new_words) and not _gains_what_its_block_said(change, context) \
                and not any(not _CONDITIONS.isdisjoint(w.norm for w in span.old) for span in change.spans):  # type: ignore[union-attr]
            # (not a new promise with its own exception, "…, and we will tell you afterwards unless
            # doing so would put someone at risk", nor one its block said, nor a condition said as an
            # exception: "… 30 days. When a recording shows an incident, it will be kept …" → "… 30
            # days, except those showing an incident, which …")
            # "every alert is reviewed by a qualified member of the compliance staff before any decision
            # is taken" → "…, except where the screening tool identifies a match …": what was done
            # every time now has an exception
            return change.finding("commitments", "material", "The limit now has an exception.")
        return change.finding("commitments", "substantive", f"The clause now limits itself with {quote(won[0])}.")
    return None
