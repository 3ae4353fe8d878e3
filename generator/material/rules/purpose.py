"""Why information is used (GDPR Art. 13(1)(c), 5(1)(b); CCPA § 1798.100(a)(1)): a new purpose.

Material: a new entry in a list of purposes, or an entry that now names a purpose of its own
(marketing, research, training …); a new clause in which the company uses or processes
information for something; an edited one that gains words and loses none, or names a further
purpose. Substantive: a purpose removed, or reworded (words put in place of others), or an entry
that says more of the same purpose.
"""

from __future__ import annotations

import re

from ..changes import ClauseChange
from ..clauses import Clause
from ..findings import Finding
from ..reading import STOP
from ..text import Anchored, quote
from .context import ANOTHERS_ROLE, Context, illustrates
from .needs import Branch, may_match
from .practices import practices_in

_USES = Anchored(re.compile(
    r"\b(?:use|uses|used|using|process|processes|processed|processing|analy[sz]e|combine|train)\b[^.;]{0,60}"
    r"\b(?:information|data|metadata|content|details|activity|history|phi|pii|records)\b[^.;]{0,80}\b(?:to|for|in order to|so that)\b"
    # (not "for the purposes of this Section", "… of the terms set out in …": how a text is to be read)
    r"|\bfor (?:the )?purposes? of\b(?!\s{1,3}(?:this|these|that|the\s{1,3}(?:terms?|periods?|time\s{1,3}limits?|law|act|regulation|section|clause|article|policy|notice)s?\b))|\bin order to\b[^.;]{0,40}\b(?:information|data|content)\b"
    # kept for a purpose of its own: "We may also retain a de-identified copy of your Genetic Data to improve our products"
    r"|\b(?:retain|retains|keep|keeps|store|stores)\b[^.;]{0,60}\b(?:information|data|copy|copies)\b[^.;]{0,40}\b(?:to|in order to)\s{1,3}"
    r"(?:improv|develop|train|research|personali[sz]|market|advertis)",
    re.I,
), starts=("use", "using", "process", "analy", "combine", "train", "for", "in", "retain", "keep", "store"))


# A purpose named in the words a clause gained: "… to provide the Service, including improving it".
_FURTHER = Anchored(re.compile(
    r"\b(?:improv|develop|personali[sz]|train|research|advertis|market|promot|analy[sz]|analyt|profil|measur|sell|monetis|monetiz|sentiment)\w{0,6}\b"
    # marketing for others: "offers from our partners"
    # marketing: "send you offers for our other products"
    r"|\bsend\s{1,3}(?:you\s{1,3})?(?:offers|deals|promotions|newsletters?|marketing)\b|\b(?:offers|promotions|discounts)\b"
    # work for others: "build shopping-trend reports for retailers"
    r"|\bfor\s{1,3}(?:our\s{1,3})?(?:retailers|advertisers|partners|third[- ]parties|brands|merchants|other companies|insurers|lenders)\b"
    r"|\b(?:offers?|products?|services?|deals?)\s{1,3}(?:from|of|by)\s{1,3}(?:our\s{1,3}|selected\s{1,3}|trusted\s{1,3})?"
    r"(?:partners?|third[- ]part(?:y|ies)|affiliates?|advertisers?|sponsors?|other companies)\b"
    # decisions about the reader: "to determine your eligibility for, and the pricing of, our credit products"
    r"|\b(?:eligib|creditworth|underwrit)\w{0,6}\b|\b(?:pricing|scoring)\b",
    re.I,
), starts=(
    "eligib", "creditworth", "underwrit", "scoring", "pricing",
    "improv", "develop", "personali", "train", "research", "advertis", "market", "promot", "analy", "profil", "measur", "sentiment",
    "sell", "monetis", "monetiz", "offer", "product", "service", "deal", "send", "promotion", "discount", "for",
))
# Any of _FURTHER's stems anywhere (one search, where a look for each stem costs a call each).
# (at the start of a word, as every match of _FURTHER begins: "for" stands inside "information")
_FURTHER_STEMS = re.compile(r"\b(?:" + "|".join(_FURTHER.starts) + ")")
# "… information about you when you use our platform for newsletters": what follows "for" is what
# the reader uses the service for, not why the company uses the information.
_READERS_USE = re.compile(r"\b(?:when|whenever|if|while)\s{1,3}you\b[^.;]{0,80}\bfor$", re.I)


# What each alternative of _USES cannot match without (see .needs): most clauses have none of
# "to", "for" and "that", or no "order", "in" and "to" together.
_USES_NEEDS = (
    Branch(_USES, words=(
        frozenset(("use", "uses", "used", "using", "process", "processes", "processed", "processing", "analyse", "analyze", "combine", "train")),
        frozenset(("information", "data", "metadata", "content", "details", "activity", "history", "phi", "pii", "records")),
        frozenset(("to", "for", "that")),
    )),
    Branch(_USES, words=(frozenset(("for",)), frozenset(("purpose", "purposes")), frozenset(("of",)))),
    Branch(_USES, words=(frozenset(("in",)), frozenset(("order",)), frozenset(("to",)), frozenset(("information", "data", "content")))),
    Branch(_USES, words=(frozenset(("retain", "retains", "keep", "keeps", "store", "stores")), frozenset(("information", "data", "copy", "copies")),
                         frozenset(("to",)))),
)


def _states_purpose(clause: Clause | None) -> bool:
    """True when the clause says the company uses information to or for something."""
    if not may_match(_USES_NEEDS, clause):
        return False
    assert clause is not None
    return any(_READERS_USE.search(match.group()) is None for match in _USES.finditer(clause.text))


def _purpose_gained(change: ClauseChange) -> "re.Match[str] | None":
    """The purpose (:data:`_FURTHER`) named in the words an edited clause gained, when the clause did
    not name it before."""
    words = change.changed_new_text()
    # (most words gained name no purpose: a look for the patterns' stems before it is searched;
    # in other text than ASCII, case folds more widely than lower case gives)
    if words.isascii() and _FURTHER_STEMS.search(words.lower()) is None:
        return None
    gained = _FURTHER.search(words)
    if gained is not None and gained.group()[:5].lower() == "train" and _PEOPLE_TRAINED.match(words, gained.end()) is not None:
        # training people is no use of their information: "… and trains its staff in data protection every year"
        gained = next((m for m in _FURTHER.finditer(words) if m.start() > gained.start() and m.group()[:5].lower() != "train"), None)
    if gained is not None and gained.group().lower()[:5] not in change.old_text.lower():
        return gained
    return None


# Those a company trains, after the verb: "trains its staff", "training our employees".
_PEOPLE_TRAINED = re.compile(r"\s{1,3}(?:(?:its|our|their|all|the|every)\s{1,3})?(?:[\w-]{1,20}\s{1,3})?(?:staff|employees|personnel|workers|team|teams|people|agents|members|colleagues)\b", re.I)


# A word for those who receive, after a purpose's word that names them ("measurement partners").
_RECIPIENT_AFTER = re.compile(r"\s{1,3}(?:partners?|providers?|vendors?|companies|firms|agencies|networks?|databases?|bureaus?|registers?)\b", re.I)


def _names_recipients_as_before(change: ClauseChange, gained: "re.Match[str]", context: Context) -> bool:
    """True when the purpose's word gained names recipients, as its paragraph (or the statement)
    called them ("For this purpose we provide them with your CAID" → "we share with these
    measurement partners your CAID", after "We work with measurement partners …"): who they are,
    not a further purpose."""
    text = change.changed_new_text()
    after = _RECIPIENT_AFTER.match(text, gained.end())
    if after is None:
        return False
    named = " ".join((gained.group() + after.group()).lower().split())
    block = context.block_text(change, "old") or ""
    # (or as the statement named them elsewhere: "the shared claims and underwriting database" of section 8)
    return named in block.lower() or named in context.memo(("old text, lower case",), lambda: " ".join(
        " ".join(block.text.lower().split()) for block in context.old_blocks))


# Others than the company, for whom a purpose may be served.
_OTHER_PARTY = re.compile(r"\b(?:allies|allied\s{1,3}compan\w{1,4}|partners?|third[- ]part(?:y|ies)|affiliates?|advertisers?|sponsors?)\b", re.I)


def _names_a_purpose(change: ClauseChange, context: Context) -> bool:
    """True when the words a listed purpose gained name a purpose of their own (marketing, research,
    training a model, a sensitive practice) that the entry did not name: "send you notices and
    support messages" → "… support and administrative messages" elaborates the same purpose."""
    if _purpose_gained(change) is not None:
        return True
    others = _OTHER_PARTY.search(change.changed_new_text())
    if others is not None and _OTHER_PARTY.search(change.old_text) is None:
        # a purpose now served for others: "offers of ALMENDRA" → "offers of ALMENDRA and of its
        # commercial allies, to whom the contact data may be transferred for this purpose"
        return True
    if change.new is None or not context.options.families_in(change.new.wordset):
        return False
    new = practices_in(change.new_text, change.new.wordset, context)
    old = practices_in(change.old_text, change.old.wordset, context) if change.old is not None else {}
    return any(label not in old for label in new)


def judge(change: ClauseChange, context: Context) -> Finding | None:
    """A purpose added (material) or removed (substantive)."""
    if context.list_topic(change) == "purpose":
        if change.kind != "edited" and context.list_rules_out(change):
            return None  # (an entry of what the company rules out: the commitments rule's)
        if change.kind == "inserted":
            if not change.new.lead and change.reading.restricts and change.reading.actor != "reader":  # type: ignore[union-attr]
                # an entry under a heading of purposes, with no lead-in, that limits what is done:
                # "3. In-trip audio recordings are only accessed by the safety team when an incident
                # is reported" names no purpose (the commitments rule reads the limit)
                return None
            if context.said_in_section(change):
                # "We also use it to verify your identity, detect and prevent fraud, …" → "We use personal
                # information to: … - verify your identity and detect and prevent fraud;": said before
                return change.finding("purpose", "substantive", f"{quote(change.new_text)} is now listed among the purposes; its section already said it.")
            return change.finding("purpose", "material", f"{quote(change.new_text)} is now listed among the purposes information is used for.")
        if change.kind == "removed":
            return change.finding("purpose", "substantive", f"{quote(change.old_text)} is no longer listed among the purposes.")
        if change.added_words and not illustrates(change):
            if _names_a_purpose(change, context):
                return change.finding("purpose", "material", f"A listed purpose now reads {quote(change.new_text)}.")
            return change.finding("purpose", "substantive", f"A listed purpose now reads {quote(change.new_text)}; it names no further purpose.")
        return None
    if "use" not in change.topics:
        return _further(change, context)
    if "right" in change.vocabulary and _STATES_RIGHTS.search(change.new_text or change.old_text):
        return None  # "California residents have the right to …, and to limit the use of …": the rights rule's
    reading = change.reading
    if reading.actor == "reader" or reading.restricts or not _states_purpose(change.new if change.new_text else change.old):
        return _further(change, context)
    if change.kind == "inserted":
        if reading.actor == "other" and ("controller" in change.new.wordset or "controllers" in change.new.wordset) \
                and ANOTHERS_ROLE.search(change.new_text) is not None:  # type: ignore[union-attr]
            # "… is processed by the Hellenic Coast Guard as a separate controller, … for the purposes of
            # search and rescue": the recipient's own purposes (the controller rule reads the clause)
            return None
        if reading.actor == "other" and _AUTHORITIES.match(change.new_text) is not None:
            # "Those authorities use API and PNR data to verify passengers' identities": what a
            # public body does under its own law, not a purpose of the company's
            return change.finding("purpose", "substantive", "A new clause says what public authorities use information for.")
        if context.said_in_section(change):
            # a lead-in and the entry of its list made one sentence, and the like: "… in the following
            # limited cases:" and "- where you consent to our using your interview data to improve our
            # scoring models" → "… in three limited cases: where you consent to our using …"
            return change.finding("purpose", "substantive", "A new clause says what information is used for, as its section already said.")
        return change.finding("purpose", "material", "A new clause says what information is used for.")
    if change.kind == "removed":
        return change.finding("purpose", "substantive", "A clause saying what information is used for was removed.")
    if change.added_words and not change.removed_words and not change.old_reading.restricts:  # type: ignore[union-attr]
        # (words put in place of others — "the newsletter you asked for" → "you signed up for" —
        # reword the purposes; a further purpose among them is caught below)
        # (an action given as an example of a purpose named — "to keep riders safe (for example,
        # to check a driver's identity)" — illustrates it)
        if _new_action(change) and not illustrates(change) or _names_a_purpose(change, context):
            return change.finding("purpose", "material", "A clause saying what information is used for now says more.")
        # "to give you weekly insights" → "… weekly and monthly insights": more of a purpose it named
        return change.finding("purpose", "substantive", "A clause saying what information is used for now says more of the purposes it named.")
    return _further(change, context)


def _new_action(change: ClauseChange) -> bool:
    """True when the words a clause gained hold an action of their own — "to" and a verb, or "for"
    and a verb in -ing ("… and to contact you about events", "… and for running contests")."""
    for span in change.spans:
        norms = [w.norm for w in span.new]
        for first, second in zip(norms, norms[1:]):
            if first == "to" and second not in STOP or first == "for" and second.endswith("ing"):
                return True
    return False


# Public bodies as a clause's subject: "Those authorities use …", "The police may use …".
_AUTHORITIES = re.compile(
    r"(?:(?:the|those|these|such|any)\s{1,3})?(?:(?:(?:public|competent|border|tax|immigration|customs|law enforcement|government|judicial|supervisory)\s{1,3})?"
    r"(?:authorit(?:y|ies)|police|courts?|regulators?|governments?|law enforcement)"
    # (an agency only when public: a credit reference agency is a company)
    r"|(?:public|border|tax|immigration|customs|law enforcement|government)\s{1,3}agenc(?:y|ies))\b",
    re.I,
)
# A clause of rights: "California residents have the right to know …".
_STATES_RIGHTS = re.compile(r"\b(?:have|has) the right to\b|\bare entitled to\b", re.I)
#: A label that says what follows is why information is used: "Why: to register your TV, …".
PURPOSE_LABEL = re.compile(r"(?:why|purposes?|what for|what we use it for)\s{0,2}:", re.I)
#: Words that name a legal basis: a clause that gives one names a purpose (GDPR Art. 13(1)(c)).
_BASES = frozenset(("legitimate", "contract", "consent", "obligation", "lawful"))


def _further(change: ClauseChange, context: Context) -> Finding | None:
    """An edited clause about information, under a heading about what it is used for, or naming the
    legal basis of what it names, that gained a purpose ("… including improving the Service"; under
    "Why do we use it?", "To keep devices secure and fix faults" → "…, fix faults and develop new
    products"; "Security and abuse prevention (legitimate interests)" → "Security, abuse prevention
    and promoting partner offers (legitimate interests)")."""
    if change.kind != "edited" or "data" not in change.topics and "use" not in change.heading_topics and _BASES.isdisjoint(change.vocabulary) \
            and PURPOSE_LABEL.match(change.new_text) is None or change.reading.restricts or change.reading.actor == "reader":
        return None
    gained = _purpose_gained(change)
    if gained is not None and not _names_recipients_as_before(change, gained, context):
        return change.finding("purpose", "material", f"The clause now also names {quote(gained.group(), 40)} as a purpose.")
    return None
