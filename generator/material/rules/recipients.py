"""Who receives information (GDPR Art. 13(1)(e); CCPA/CPRA §§ 1798.115, 1798.120, 1798.140(ad), (ah)).

Sharing, selling, disclosure, new recipients or categories of recipients, affiliates, advertisers,
and anyone the company lets access information. Material: a new entry in a list whose lead-in says
who receives information; a new clause in which information goes to someone; an edited one that
now names more recipients or ways (words added from its verb of sharing to the end of that part of
the sentence). Substantive: a recipient removed, or one more example of the work of providers who
act for the company (the category of recipients stays). A clause that rules sharing
out ("we do not sell", "only with your consent") is a limit, judged by the commitments rule.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..changes import ClauseChange, Span
from ..clauses import split
from ..findings import Finding
from ..reading import STOP, last_sentence, negates, restricts_what_it_says, root_stems, stem
from ..text import LEGAL_FORMS, LIMITS, RULES_OUT, Anchored, Word, key_of, plain_words, quote
from .collection import INFORMATION_KINDS, _in_brackets, _reworded, collected_kinds, kinds_covered
from .context import ACCESS_SAFEGUARD, ACCESS_SAFEGUARD_WORDS, LAW_PERMITS, Context, illustrates, named_beside, part_end, states
from .needs import Branch, any_match
from .purpose import _FURTHER
from .transfers import COUNTRIES, SAFEGUARD

# A capitalised word that names a place, not a recipient ("… with keys that remain in Switzerland":
# where information goes is the transfers rule's).
_A_PLACE = "(?:" + "|".join(sorted(
    word.capitalize() for word in COUNTRIES | {"europe", "european", "united", "kingdom", "states"} if word.isascii() and word.isalpha()
)) + ")"
# Information going to someone: a verb of sharing with its recipient (a kind of recipient, or a
# name: a capitalised word, matched case-sensitively), someone else accessing it, or a sale. Each
# alternative is searched only where a clause has the words it needs (see .needs); the whole
# pattern gives where the sharing is said.
_TO_SOMEONE = (
    r"(?i:\b(?:(?:shar(?:e|es|ed|ing)|disclos\w{0,4}|sell\w{0,3}|sold|rent\w{0,3}|licen[cs]\w{0,3}|transfer\w{0,4}|provid\w{0,3}|"
    r"giv\w{0,3}|grant\w{0,3}|send\w{0,3}|pass\w{0,3}|forward\w{0,3}|transmit\w{0,4}|make(?:\s{1,3}[\w'-]{1,20}){1,4}?\s{1,3}available|made available)\b[^.;]{0,120}\b(?:to|with|by|within)"
    # checked with someone else (a credit or identity check, a search with a bureau) or reported to them
    # (not checking that others comply with what binds them: "We verify compliance with these obligations by an audit of each provider")
    r"|(?:check\w{0,3}|search\w{0,2}|verif\w{0,4}|exchang\w{0,3})\b(?!\s{1,3}(?:(?:their|its)\s{1,3})?(?:compliance|conformity|adherence)\b)[^.;]{0,60}\bwith"
    r"|report(?:ed|ing)?\b[^.;]{0,60}\bto)\b)"
    r"[^.;]{0,80}(?:(?i:\b(?:third|part(?:y|ies|ners?)|affiliat\w{0,4}|subsidiar\w{0,4}|advertis\w{0,4}|vendors?|"
    r"providers?|processors?|companies|authorit\w{0,4}|government|law enforcement|users|public|anyone|others|recipients?|developers?|"
    r"personnel|employees|contractors|brokers?|carriers?|couriers?|parcel services?|delivery (?:company|companies|services?)|"
    r"shipping (?:company|companies|providers?)|banks?|insurers?|auditors?|agenc(?:y|ies)|suppliers?|merchants?|sellers?|"
    r"acquirers?|purchasers?|successors?|bureaus?|collectors|retailers?|businesses|organi[sz]ations|institutions"
    # others of a kind the statement names ("the other participating broadcasters"), not other things
    r"|other\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}?(?!(?:purposes|services|reasons|ways|means|cases|circumstances|things|features|products|terms|laws|rights"
    r"|countries|jurisdictions|sources|categories|types|kinds|details|records|files|documents|measures|tools|technologies)\b)[a-z-]{3,20}s)\b)|\b(?!" + _A_PLACE + r"\b)[A-Z][a-z]{2,30}\b)"
)
_ACCESSED = (
    # (other users too: "other Relative Finder participants who share DNA with you will be able to see your display name")
    r"(?i:\b(?:third[- ]part(?:y|ies)|partners?|affiliates?|advertisers?|processors?|service providers?|vendors?|contractors|personnel|employees"
    r"|other\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}?(?:users|members|customers|participants|players|people)|participants|matches)\b"
    r"[^.;]{0,60}\b(?:may|can|will|to)\b[^.;]{0,20}\b(?:access|receive|use|process|see|view)\b)"
)
_SOLD = r"(?i:\b(?:sell|sells|sold|sale of)\b[^.;]{0,60}\b(?:information|data)\b)"
# Work done on the reader's behalf by others, who have what it needs: "Prints are produced and
# shipped by our printing partner", "payments are processed by our payment provider".
_DONE_BY = (
    r"(?i:\b(?:processed|handled|produced|fulfilled|shipped|delivered|printed|hosted|performed)\s{1,3}by\s{1,3}(?:our|a|an|the|third[- ]party)\s{1,3}"
    r"(?:[\w-]{1,20}\s{1,3}){0,2}?(?:partners?|providers?|vendors?|processors?|contractors?|suppliers?|labs?|companies|affiliates?)\b)"
)
_SHARES = re.compile("|".join((_TO_SOMEONE, _ACCESSED, _SOLD, _DONE_BY)))
_SHARING = (
    Branch(Anchored(re.compile(_TO_SOMEONE), starts=(
        "shar", "disclos", "sell", "sold", "rent", "licen", "transfer", "provid", "giv", "grant", "send", "pass", "forward", "transmit", "make", "made",
        "check", "search", "verif", "report", "exchang",
    )), words=(frozenset(("to", "with", "by", "within")),)),
    Branch(Anchored(re.compile(_ACCESSED), starts=(
        "third", "partner", "affiliate", "advertiser", "processor", "service", "vendor", "contractor", "personnel", "employee",
        "other", "participant", "match",
    )), words=(frozenset(("may", "can", "will", "to")), frozenset(("access", "receive", "use", "process", "see", "view")))),
    Branch(Anchored(re.compile(_SOLD), starts=("sell", "sold", "sale")), words=(
        frozenset(("sell", "sells", "sold", "sale")), frozenset(("information", "data")),
    )),
    Branch(Anchored(re.compile(_DONE_BY), starts=(
        "processed", "handled", "produced", "fulfilled", "shipped", "delivered", "printed", "hosted", "performed",
    )), words=(frozenset(("by",)),)),
)


def judge(change: ClauseChange, context: Context) -> Finding | None:
    """Recipients widened (material) or narrowed (substantive)."""
    if context.list_topic(change) == "recipients":
        if change.kind != "edited" and context.list_rules_out(change):
            return None  # (an entry of those the company rules out: the commitments rule's)
        if change.kind == "inserted":
            # (its own negation: an entry under "We shall not disclose it except in the following
            # circumstances:" is one more exception, whom it goes to)
            if change.reading.negated and change.reading.actor == "company" and negates(change.new_text):
                return None  # "We never sell your location data to insurers" among them: a limit (the commitments rule's)
            if _from_a_sentence_gone(change, context):
                return change.finding("recipients", "substantive", f"{quote(change.new_text)} is now listed among those who receive information; "
                                      "a sentence its section no longer has said it.")
            return change.finding("recipients", "material", f"{quote(change.new_text)} is now listed among those who receive information.")
        if change.kind == "removed":
            return change.finding("recipients", "substantive", f"{quote(change.old_text)} is no longer listed among those who receive information.")
        if change.added_words and LAW_PERMITS.search(change.new_text) is not None and LAW_PERMITS.search(change.old_text) is None:
            # "the police, regulators or other authorities where the law requires us to" → "… requires or
            # permits us to": given to them whenever the law allows it, not only when it compels
            return change.finding("recipients", "material", "A clause saying who receives or accesses information now says more.")
        if change.added_words and not illustrates(change):
            if _names_the_same(change):
                return change.finding("recipients", "substantive", f"An entry of those who receive information now names the recipient: {quote(change.new_text)}.")
            if _where_in_brackets(change):
                # "such as cloud hosting providers" → "… (whose data centres used by us are located in
                # Mumbai and Hyderabad)": where they are, the transfers rule's, not who they are
                return None
            if _more_examples(change, names=False) and not _RECIPIENT_WORDS.search(change.changed_new_text()):
                # "authorities, for example in response to a court order" → "… or a subpoena": when, not to whom
                return change.finding("recipients", "substantive", "A clause about who receives information now gives more examples; it names no new recipient.")
            if _more_work_for_the_company(change):
                return change.finding("recipients", "substantive", "A clause about service providers now gives more examples of the work they do for the company.")
            if _limits_them(change) or _limited_now(change):
                return change.finding("recipients", "substantive", "An entry of those who receive information now limits what they may do with it.")
            if _reworded(change) and not _OTHER_PARTIES.search(change.changed_new_text()) and not _names_someone(change):
                # "couriers" → "delivery companies", "our payment provider" → "our payment processor"
                return change.finding("recipients", "substantive", f"An entry of those who receive information was reworded: it now reads {quote(change.new_text)}.")
            if _same_named_recipient(change) or _says_it_shares(change) or _same_recipients(change, context) or _same_label(change) \
                    or _named_where_referred(change, context):
                return change.finding("recipients", "substantive", f"An entry of those who receive information names the same recipient in other words: {quote(change.new_text)}.")
            return change.finding("recipients", "material", f"An entry of those who receive information now reads {quote(change.new_text)}.")
        return None
    if "sharing" not in change.topics and "available" not in change.vocabulary and "access" not in change.vocabulary and "see" not in change.vocabulary \
            and "communicate" not in change.vocabulary and "upload" not in change.vocabulary:  # ("shall communicate to the Event Organiser an attendee list": disclosure, in the words of civil law)
        return None
    if SAFEGUARD.search(change.new_text or change.old_text):
        # "These transfers are protected by the Commission's standard contractual clauses": where
        # information goes and how it is protected there is the transfers rule's, which also reads
        # a name added to such a clause as a new destination
        return None
    if ("access" in change.vocabulary or "consultation" in change.vocabulary) and not ACCESS_SAFEGUARD_WORDS.isdisjoint(change.vocabulary) \
            and ACCESS_SAFEGUARD.search(change.new_text or change.old_text):
        return None  # "Each consultation of your shared documents by a healthcare professional is recorded in a log": a safeguard
    reading = change.reading
    if change.kind == "inserted" and _RECEIVES_FROM.match(change.new_text) is not None:
        # "We also receive information about you from consumer reporting agencies (…), lenders (…) and
        # vehicle manufacturers (…)": where the company gets information (the collection rule's), not to whom it goes
        return None
    if change.kind == "inserted" and _continues_a_disclosure(change) and not reading.restricts:
        return change.finding("recipients", "material", "A new clause says information is shared with, sold to or accessed by others.")
    if reading.actor == "reader" or (restricts_what_it_says(reading, change.new_text) if change.kind == "edited" else reading.restricts):
        return None
    old_restricts = change.old_reading is not None and restricts_what_it_says(change.old_reading, change.old_text)
    if change.kind == "edited" and change.added_words and not old_restricts and _more_information(change) \
            and not _more_examples(change, names=False):  # type: ignore[union-attr]
        # "we share with them a pseudonymised identifier and the categories of items you have viewed"
        # → "…, your searches on the Platform and your postcode": more of the reader's information goes to them
        return change.finding("recipients", "material", "Those who receive information now receive more kinds of it.")
    if not any_match(_SHARING, change.new if change.new_text else change.old):
        return None
    if change.kind == "inserted":
        if _refers_to_the_list(change, context):
            # "We disclose personal data only to the following recipients, …:" → "Your personal data
            # may be shared with the recipients listed below. Any such sharing is limited to …:"
            return change.finding("recipients", "substantive", "A new clause says information goes to the recipients of the list that follows, which names them.")
        if _restates_providers(change, context):
            return change.finding("recipients", "substantive", "A new clause says information goes to the service providers the statement already named.")
        if context.said_in_section(change) and _recipients_named(change.new_text) <= _named_in_section(change, context):
            # its section said it on the old side, in the same words, naming the same recipients: a paragraph rewritten
            return change.finding("recipients", "substantive", "A new clause says information is shared with those its section already named.")
        return change.finding("recipients", "material", "A new clause says information is shared with, sold to or accessed by others.")
    if change.kind == "removed":
        return change.finding("recipients", "substantive", "A clause saying information is shared with or accessed by others was removed.")
    if change.added_words and change.added_words <= _WHERE_OR_COUNTRY:
        return None  # "our customer service provider" → "… located in Morocco": where, the transfers rule's
    if change.added_words and not old_restricts and _added_to_who_receives(change):
        if _names_the_same(change):
            return change.finding("recipients", "substantive", "A clause about who receives information now names a recipient it already described.")
        if _more_examples_of_providers(change):
            return change.finding("recipients", "substantive", "A clause about service providers now gives more examples of the work they do for the company.")
        if _more_examples(change, names=False) and not _RECIPIENT_WORDS.search(change.changed_new_text()):
            return change.finding("recipients", "substantive", "A clause about who receives information now gives more examples; it names no new recipient.")
        if _says_it_shares(change) or _said_in_block(change, context) or _same_recipients(change, context) or _gains_only_its_sections_words(change, context):
            return change.finding("recipients", "substantive", "A clause now says in so many words that information goes to those it named; it names no new recipient.")
        if _introduces_the_same_list(change, context):
            return change.finding("recipients", "substantive", "The lead-in of the list of those who receive information was reworded; the list names the recipients.")
        if _providers_in_other_words(change):
            return change.finding("recipients", "substantive", "A clause about service providers was reworded; it gives the same examples of them.")
        return change.finding("recipients", "material", "A clause saying who receives or accesses information now says more.")
    if change.added_words and not old_restricts and _OWN_USE.search(change.changed_new_text()) is not None \
            and _OWN_USE.search(change.old_text) is None:  # type: ignore[union-attr]
        # "… for the purposes described in this Privacy Statement" → "… and so that our affiliates can
        # offer you their own products and services": those who receive it now use it for themselves
        return change.finding("recipients", "material", "A clause saying who receives or accesses information now says more.")
    return None


def _more_information(change: ClauseChange) -> bool:
    """True when an edited clause that shares information lost no word of substance and gained a
    word that names a kind of the reader's information it did not name (see
    :data:`.collection.INFORMATION_KINDS`), and no limit or negation: what goes to the recipients
    it names now includes more."""
    if change.removed_words:
        return False
    had = change.old.wordset  # type: ignore[union-attr]
    gained = [w for span in change.spans for w in span.new]
    kinds = [w for w in gained if (w.norm in INFORMATION_KINDS or w.norm[-1:] == "s" and w.norm[:-1] in INFORMATION_KINDS) and w.norm not in had]
    if not kinds or any(w.norm in LIMITS or w.norm in RULES_OUT for w in gained) or restricts_what_it_says(change.new_reading, change.new_text):  # type: ignore[arg-type]
        return False
    # (in what the verb gives, after it: not "location These license grants apply to …")
    verb = _GIVES.search(change.new_text)
    return verb is not None and any(w.start > verb.end() for w in kinds)


# Giving information to someone: "we share with them", "shall communicate to the Event Organiser".
# (a plain pattern: it is searched only where a clause gained a kind of information, and an anchored
# one would add its many beginnings to every text's openings)
_GIVES = re.compile(
    r"\b(?:share|shares|shared|disclose|discloses|disclosed|communicate|communicates|communicated|pass|passes|passed|transfer|transfers"
    r"|transferred|send|sends|sent|provide|provides|provided|give|gives|given|transmit|transmits|transmitted|sell|sells|sold|upload)\b"
    r"(?:\s{1,3}[\w'-]{1,20}){0,6}?\s{1,3}(?:with|to)\b",
    re.I,
)


# A use of the recipients' own: "so that our affiliates can offer you their own products".
_OWN_USE = re.compile(r"\b(?:their|its)\s{1,3}own\b|\bfor\s{1,3}themselves\b", re.I)


# A recipient's name: capitalised words in a row, at least two, or one with a legal form after it
# ("Marram Coast Trading Limited", "Stripe, Inc.").
_FULL_NAME = re.compile(r"\b[A-Z][\w&'-]*(?:\s{1,3}(?:[A-Z][\w&'-]*|&|of|and|de|du|van|von))*\s{1,3}[A-Z][\w.&'-]*")


def full_names(text: str) -> set[str]:
    """The names of several words a text holds (its first word counts only inside a longer name)."""
    return {" ".join(m.group().split()) for m in _FULL_NAME.finditer(text)}


def _same_named_recipient(change: ClauseChange) -> bool:
    """True when an entry names the same recipient by name on both sides and what it gained names no
    one else, no use of the recipient's own and no further kind of the reader's information:
    "Marram Coast Trading Limited, so that it can fulfil your shop orders" → "our trading
    subsidiary, Marram Coast Trading Limited, which receives the details it needs to deliver orders
    you place in our online shop" says more of the same recipient ("…, which also uses them for its
    own marketing", "… your orders and your health records" would not)."""
    old = _name_stems(change.old_text)
    if not old or not _name_stems(change.new_text) <= old:
        return False
    return _gains_nothing_more(change, old, capitalised=True)


#: Words for those who work for the company, in general: another of them in an entry's description
#: ("companies that host our systems" → "third-party vendors that we engage to host our systems")
#: names no other recipient.
_WORKING_FOR_IT = frozenset((
    "vendor", "vendors", "company", "companies", "third", "third-party", "party", "parties", "provider", "providers", "processor", "processors",
    "contractor", "contractors", "supplier", "suppliers", "firm", "firms", "organisations", "organizations", "businesses",
))


def _head_kept(change: ClauseChange, head: int) -> bool:
    """True when the first ``head`` words of an edited entry, the same on both sides, reach past the
    first comma of both (its first words, before it, name whom it is about)."""
    old, new = change.old, change.new
    assert old is not None and new is not None
    if not head or head >= len(old.words) or head >= len(new.words):
        return False
    comma_old, comma_new = old.text.find(","), new.text.find(",")
    return 0 < comma_old < old.words[head].start and 0 < comma_new < new.words[head].start


def _joined_to_them(change: ClauseChange) -> bool:
    """True when a run of words an edited clause gained joins more of those who work for the company
    to those it named: a word of :data:`_MORE` and, at most two words after it, one of
    :data:`_WORKING_FOR_IT` ("and other companies", "or any other vendors")."""
    for span in change.spans:
        norms = [w.norm for w in span.new]
        for at, word in enumerate(norms):
            if word in _MORE and not _WORKING_FOR_IT.isdisjoint(norms[at + 1: at + 4]):
                return True
    return False


def _same_label(change: ClauseChange) -> bool:
    """True when an entry of a list of recipients keeps the words it opens with, which name them
    ("Service providers: companies that host our systems …" → "Service providers: third-party
    vendors that we engage to host our systems …"), and what it gained names no one by name, no
    other kind of party than those who work for the company, none joined to them ("and other …"),
    no use of their own and no further kind of information: the same category of recipients (GDPR
    Art. 13(1)(e)), described in other words."""
    old, new = change.old, change.new
    if old is None or new is None or not old.item or not new.item:
        return False
    head = 0
    for a, b in zip(old.norms, new.norms):
        if a != b:
            break
        head += 1
    # (or whatever the entry names before its first comma, kept whole: "the sender of the parcel, who
    # receives the delivery status …" → "the sender of the parcel, with whom we share the delivery status …")
    if not any(_RECIPIENT_WORDS.match(word) for word in old.norms[:min(head, 4)]) and not _head_kept(change, head):
        return False
    gained = [w.norm for span in change.spans for w in span.new]
    if any(_RECIPIENT_WORDS.match(word) and word not in _WORKING_FOR_IT for word in gained) or _joined_to_them(change) or _names_someone(change):
        return False
    return _gains_nothing_more(change, set(), providers=True)


# A reference to another part of the statement: "as described in section 8", "see clause 4.2", "listed above".
_REFERS = re.compile(
    r"\b(?:sections?|clauses?|paragraphs?|articles?|parts?)\s{1,3}\d|\b(?:described|set out|listed|explained|named)\s{1,3}(?:above|below|earlier)\b"
    # a part named by its heading: 'described in "Do you use tracking pixels?" above'
    r"|\b(?:described|set out|listed|explained|named)\s{1,3}(?:in|under)\s{1,3}[\"“][^\"”]{1,80}[\"”]", re.I)


def _named_where_referred(change: ClauseChange, context: Context) -> bool:
    """True when an entry refers to another part of the statement and every word of substance it
    gained stands in the old version already: it names the recipients that part named ("the
    industry databases and crime prevention bodies described in section 8" → "the shared claims
    and underwriting database and the South African Insurance Crime Bureau (SAICB), as described
    in section 8"), no new one."""
    if _REFERS.search(change.new_text) is None or _REFERS.search(change.old_text) is None:
        return False
    # (a word joined by a hyphen counts by its parts: "website data" → "public-website data")
    gained = root_stems([part for span in change.spans for w in span.new for part in w.norm.split("-") if part])
    # (no use of their own, and no other kind of party: "… and our marketing partners, described in section 8")
    return bool(gained) and gained <= context.anywhere("old", _substance_stems) \
        and _BEYOND.search(" ".join(w.written for span in change.spans for w in span.new)) is None


def _substance_stems(text: str) -> set[str]:
    return root_stems([part for word in plain_words(text) for part in word.split("-") if part])


def _name_stems(text: str) -> set[str]:
    """The stems of the words of the names of several words a text holds (:func:`full_names`)."""
    return {stem(word.strip(".,")) for name in full_names(text) for word in name.lower().split()}


# Those who work for the company, called third parties: "third-party vendors", "third party service providers".
_THIRD_PARTY_PROVIDERS = re.compile(r"\bthird[- ]part(?:y|ies)\s{1,3}(?:service\s{1,3})?(?:vendors?|providers?|processors?|contractors?|suppliers?)\b", re.I)


def _gains_nothing_more(change: ClauseChange, named: set[str], *, capitalised: bool = False, providers: bool = False) -> bool:
    """True when the words an edited clause gained, leaving out those of the recipients it named
    (``named``, as stems: "On-ramp Partners, which receive …" → "On-ramp Partners: … we share with
    the partner you have chosen …"), name no use of the recipients' own, no further purpose and no
    further kind of the reader's information (a word after "your" the clause did not have);
    ``capitalised``: and no name (a capitalised word that is not a small one); ``providers``: those
    who work for the company may be called "third-party vendors" (no other party)."""
    gained = [w for span in change.spans for w in span.new if stem(w.norm) not in named]
    text = " ".join(w.written for w in gained)
    if providers:
        text = _THIRD_PARTY_PROVIDERS.sub(" ", text)
    if _BEYOND.search(text) is not None or _FURTHER.search(text) is not None:
        return False
    if capitalised and any(w.written[:1].isupper() and w.norm not in STOP for w in gained):
        return False
    had = {stem(w) for w in change.old.norms}  # type: ignore[union-attr]
    ids = {id(w) for w in gained}
    words = change.new.words  # type: ignore[union-attr]
    # ("your personal data" names the reader's information in general, no kind of it)
    return not any(id(w) in ids and words[i - 1].norm == "your" and stem(w.norm) not in had and w.norm not in _IN_GENERAL_OF_DATA
                   for i, w in enumerate(words) if i)


#: Words that name the reader's information in general.
_IN_GENERAL_OF_DATA = frozenset(("personal", "data", "information", "details"))


#: Stems of the words that say where someone is ("located in", "based in").
_WHERE = frozenset(("locat", "located", "based", "situat", "situated", "established"))
_WHERE_OR_COUNTRY = _WHERE | COUNTRIES | frozenset(("united", "unit", "states", "stat", "kingdom", "america"))  # ("the United States")


#: Stems of the words that say information goes to someone, of information in general, and of how
#: few or how carefully chosen those who get it are.
_SAYING_IT_SHARES = frozenset((
    "share", "shar", "disclos", "disclose", "provid", "provide", "giv", "give", "pass", "data", "information", "personal", "detail",
    "small", "number", "few", "limit", "limited", "careful", "carefully", "chosen", "choos", "choose", "select", "trust", "trusted",
    "vet", "vetted", "reputabl", "reputable",
    # that the law compels it: "we are required to send …" → "the law obliges us to share …"
    "law", "oblig", "oblige", "requir", "require", "required", "legal", "legally", "statutory",
))


def _recipients_named(text: str) -> set[str]:
    """The recipients a text names: its words for kinds of recipient and its names, as stems (the
    words for those who work for the company as one: a vendor, a supplier or a processor is a
    service provider)."""
    found = {stem(m.group().lower()) for m in _RECIPIENT_WORDS.finditer(text)}
    return {_FOR_US.get(word, word) for word in found} | _name_stems(text)


#: Stems of the words for those who act for the company, as the one they are read as.
_FOR_US = {"vendor": "provider", "supplier": "provider", "processor": "provider"}


def _same_recipients(change: ClauseChange, context: Context | None = None) -> bool:
    """True when an edited clause about who receives information names no recipient it did not
    name, and what it gained names no use of the recipients' own, no further purpose and no
    further kind of the reader's information, in words put in place of others: "Our agent, Acme Ltd, will refer you to the debt
    adviser if you ask" → "If you ask, we share your details with our agent, Acme Ltd, so that it
    can refer you to the debt adviser" says again who receives them."""
    if change.old is None or change.new is None or not change.removed_words:
        return False  # (words only added to a clause of sharing say more: "… and the results of the annual appraisal")
    old = _recipients_named(change.old_text)
    # (a name whose words the clause had is none it gained: "We may use and disclose your PHI" →
    # "Your PHI may be used by us")
    # (nor a name set beside the words that described the recipient: "Postfeld Mailservices GmbH, an
    # email delivery provider …")
    beside = [span for span in change.spans if named_beside(change, span)]
    named_here = {stem(w.norm.strip(".,")) for span in beside for w in span.new}
    # (nor the company itself, by the name it gives itself: "on the OPERATOR's instructions")
    own = {stem(alias) for alias in change.aliases}
    # (nor the reader's information written as a defined term: "Your Personal Data will be transferred …")
    new = {name for name in _recipients_named(change.new_text) if name not in old and name not in change.old.wordset and name not in named_here
           and name.removesuffix("'s") not in own and name not in _IN_GENERAL_OF_DATA and name not in STOP}
    if not old and new and context is not None and _RECEIVING_PRONOUN.search(change.old_text) is not None:
        # the recipients the clause called "them", named from its paragraph: "We work with
        # measurement partners … For this purpose we provide them with your CAID" → "… we share
        # with these measurement partners your CAID"
        block = context.block_text(change, "old") or ""
        if new <= _recipients_named(block):
            # (with the words that name them there: "these measurement partners")
            old = new | _named_as_in(change, new, frozenset(plain_words(block)))
            new = set()
    if not old or new or _names_someone(change, skip=beside):
        return False
    return _gains_nothing_more(change, old | named_here)


def _named_as_in(change: ClauseChange, named: set[str], block: frozenset[str]) -> set[str]:
    """The stems of the words just before a recipient an edited clause names (``named``, as stems)
    that its paragraph had: the words it is called by there ("these measurement partners")."""
    words = change.new.words  # type: ignore[union-attr]
    out: set[str] = set()
    for at, word in enumerate(words):
        if _FOR_US.get(stem(word.norm), stem(word.norm)) in named:
            for before in reversed(words[max(0, at - 2): at]):
                if before.norm not in block or before.norm in STOP:
                    break
                out.add(stem(before.norm))
    return out


#: A pronoun for those who receive, after a verb of giving or sharing: "we provide them with", "shared with them".
_RECEIVING_PRONOUN = re.compile(r"\b(?:provide|provides|give|gives|send|sends|share\w{0,3}|disclose\w{0,2}|pass\w{0,2}|transfer\w{0,3})\s{1,3}(?:\w{1,20}\s{1,3}){0,3}?(?:them|it)\b"
                                r"|\b(?:to|with)\s{1,3}them\b", re.I)


def _said_in_block(change: ClauseChange, context: Context) -> bool:
    """True when every word of substance an edited clause gained stood in its block before: two
    sentences of a paragraph merged and reworded ("… companies that provide us with services may
    have access to your data. These include providers of hosting …" → "We also share your data with
    the companies that provide the services we need, such as providers of hosting …") say who
    receives information as the paragraph did."""
    block, now = context.block_text(change, "old"), context.block_text(change, "new")
    if block is None or now is None or change.old is None or change.new is None or _names_someone(change):
        return False
    had = {w.removesuffix("e") for w in root_stems(key_of(block).split())}
    # (and the paragraph has fewer sentences than before: one was merged into this one)
    return all(w.removesuffix("e") in had for w in change.added_words) and len(split(block)) > len(split(now))


def _gains_only_its_sections_words(change: ClauseChange, context: Context) -> bool:
    """True when nearly every word of substance an edited clause gained (all but one in seven, two
    at most) stood in its section before, and every recipient it names was named there: a paragraph
    of sharing rewritten ("They may use it only to provide services to us" → "We share your
    information with these vendors so they can do this work for us"), not a recipient added."""
    # (a paragraph rewritten loses words too: words only added say more — "with our partners" → "with
    # our partners and advertisers", "your name and address" → "your name, address and email address" —
    # whoever and whatever else the section names)
    if change.old is None or change.new is None or not change.added_words or not change.removed_words:
        return False
    # (not someone joined to those named: "…, or to any family member who is with you"; nor a kind of
    # the reader's information the clause did not name)
    if any(len(span.new) > 1 and span.new[0].norm in ("or", "and") and span.new[1].norm in ("to", "with") for span in change.spans) \
            or not INFORMATION_KINDS.isdisjoint(change.changed_new_words) and not INFORMATION_KINDS.intersection(change.new.wordset) <= change.old.wordset:
        return False
    section = context.section_text(change, "old")
    if not section:
        return False
    had = context.memo(("section stems", "old", tuple(change.section)), lambda: {w.removesuffix("e") for w in root_stems(key_of(section).split())})
    # (a verb of passing it on counts as said: "They receive the information …" → "we share with your
    # agent or broker the information …" says who receives it the other way round)
    missing = sum(1 for w in change.added_words if w.removesuffix("e") not in had and w not in _SAYING_IT_SHARES)
    if missing > 2 or missing * 7 > len(change.added_words):
        return False
    return _recipients_named(change.new_text) <= _named_in_section(change, context)


def _named_in_section(change: ClauseChange, context: Context) -> set[str]:
    """The recipients the old version of a clause change's section names (worked out once a section)."""
    return context.memo(("section recipients", "old", tuple(change.section)),  # type: ignore[no-any-return]
                        lambda: _recipients_named(context.section_text(change, "old")))


#: Stems of words that name those a clause already named in general terms ("the companies that
#: help us run our business" for "service providers who help us run our business").
_IN_GENERAL = frozenset(("compan", "company", "organis", "organiz", "organisation", "organization", "business", "firm"))
#: Words that join one more to those named ("… and other companies").
_MORE = frozenset(("and", "or", "other", "others", "also", "additional", "further", "another", "plus"))


def _says_it_shares(change: ClauseChange) -> bool:
    """True when an edited clause that named recipients gained only words that say information goes
    to them, or that name them in general terms ("We use carefully selected companies to help us
    run the app" → "We share your data with a small number of carefully chosen companies that help
    us run the app"; "Service providers who help us …" → "We share your information with the
    companies that help us …"): the same recipients, said to receive what they received before. A
    kind of information named, anyone else, or one more joined to them ("and other companies") is more."""
    added = change.added_words
    if not added or not added <= _SAYING_IT_SHARES | _IN_GENERAL or _names_someone(change) \
            or _RECIPIENT_WORDS.search(change.old_text) is None and _SHARES.search(change.old_text) is None:
        return False  # (the old clause named its recipients, or said information goes to someone: "we pass it to the parcel service")
    general = added & _IN_GENERAL
    return not general or not any(
        not _MORE.isdisjoint(w.norm for w in span.new) for span in change.spans
        if any(stem in general for stem in root_stems([w.norm for w in span.new]))
    )


def _introduces_the_same_list(change: ClauseChange, context: Context) -> bool:
    """True when an edited clause is, on both sides, the lead-in of a list of recipients and what it
    gained names no one, no use of the recipients' own, no further purpose and no further kind of the
    reader's information: "Your personal data is made available to:" → "We share your personal data
    with the following recipients:" — who receives it is what the list names, and the list is
    judged entry by entry."""
    old, new = change.old_text.rstrip(), change.new_text.rstrip()
    if not (old.endswith(":") and new.endswith(":")) or _names_someone(change):
        return False
    if context.lead_topic(old) != "recipients" or context.lead_topic(new) != "recipients":
        # ("the following may receive your data:" → "Your data may be shared with the recipients listed below, …:")
        return "recipients" in (context.lead_topic(old), context.lead_topic(new)) and _LISTED_BELOW.search(new) is not None \
            and _gains_nothing_more(change, _recipients_named(change.new_text), capitalised=True)
    return _gains_nothing_more(change, _recipients_named(change.new_text), capitalised=True)


# Recipients named only by the list that follows: "the recipients listed below", "the following parties".
_LISTED_BELOW = re.compile(
    r"\b(?:recipients|parties|organi[sz]ations|companies|categories(?:\s{1,3}of\s{1,3}recipients)?)\s{1,3}(?:listed|set\s{1,3}out|described|named|shown|identified)"
    r"\s{1,3}(?:below|in\s{1,3}the\s{1,3}(?:list|table)\s{1,3}below)\b|\bthe\s{1,3}following\s{1,3}(?:recipients|parties|organi[sz]ations|companies|categories)\b", re.I)


def _refers_to_the_list(change: ClauseChange, context: Context) -> bool:
    """True when a new clause names as its recipients only those of the list that follows, in a
    block that led that list before: who receives information is what the list's entries say."""
    old_block = context.block_text(change, "old")
    return _LISTED_BELOW.search(change.new_text) is not None and old_block is not None and old_block.rstrip().endswith(":") \
        and not _names_someone(change) and context.lead_topic(last_sentence(old_block)) == "recipients"


# A part of a sentence cut at a semicolon that goes on naming recipients: "…; to insurance partners that …;"
_TO_RECIPIENTS = re.compile(r"(?:(?:and|or)\s{1,3})?(?:(?:to|with)\s|\([a-z0-9]{1,3}\)\s)", re.I)


def _continues_a_disclosure(change: ClauseChange) -> bool:
    """True for a new clause, under a heading about sharing, that only goes on from the sentence
    before it naming someone it discloses to ("We disclose … to service providers …; to the host
    …; and to law enforcement" gains "to insurance partners that offer damage protection;")."""
    return ("sharing" in change.heading_topics and _TO_RECIPIENTS.match(change.new_text) is not None
            and _RECIPIENT_WORDS.search(change.new_text) is not None)


def _limits_them(change: ClauseChange) -> bool:
    """True when every run of words an entry of recipients gained rules something out and names no
    one: "identity verification providers, for an identity check only" → "…, and they may not keep
    your documents once the check is complete"."""
    added = [span for span in change.spans if span.new]
    return (bool(added) and not change.removed_words and not _RECIPIENT_WORDS.search(change.changed_new_text())
            and not _names_someone(change) and all(not RULES_OUT.isdisjoint(w.norm for w in span.new) for span in added))


def _limited_now(change: ClauseChange) -> bool:
    """True when an entry of recipients gained "only" (or "solely": its stem is "sole") and names no
    recipient it did not name, no use of their own, no further purpose and no further kind of the
    reader's information:
    "Our service providers: whatever they need to do their job" → "… only the information they need
    to do their job, under contracts that require them to keep it confidential"."""
    if change.old is None or change.new is None or not ({"only", "sole"} & change.added_words) or _names_someone(change):
        return False
    named = _recipients_named(change.old_text)
    return _recipients_named(change.new_text) <= named and _gains_nothing_more(change, named)


def _names_someone(change: ClauseChange, skip: "Sequence[Span]" = ()) -> bool:
    """True when the words an edited clause gained hold a name (a capitalised word, not its first;
    not in the runs of ``skip``)."""
    first = change.new.words[0] if change.new is not None and change.new.words else None
    # ("We" after a label, "The" after a full stop: capitalised, and no name; nor a name the clause
    # had: "Central Bank of Brazil: we send it to the SCR" → "…: we share it with the Central Bank, through the SCR")
    had = change.old.wordset if change.old is not None else frozenset()
    # ("Only" opening a table's cell is no name either)
    # (nor a name the clause had, in the possessive: "the Bank" → "the Bank's providers")
    # (a country is where, not who: the transfers rule reads it)
    # (nor a defined term for the reader's information: "your Personal Data")
    return any(w.written[:1].isupper() and w is not first and w.norm not in STOP and w.norm.removesuffix("'s") not in had
               and w.norm not in LIMITS and w.norm.removesuffix("'s") not in change.aliases and w.norm not in COUNTRIES and w.norm not in _IN_GENERAL_OF_DATA
               for span in change.spans if span not in skip for w in span.new)


def _names_the_same(change: ClauseChange) -> bool:
    """True when an edited entry only gained a name for a recipient it already named (see
    :func:`.context.named_beside`), none taken out: "our hosting provider in Frankfurt" → "our
    hosting provider, Hetzner Online GmbH, in Frankfurt". "and Facebook" adds a recipient; "Hetzner"
    → "OVH" replaces one."""
    if change.removed_words:
        return False
    added = [span for span in change.spans if span.new]
    return bool(added) and all(named_beside(change, span) or names_an_example(change, span) for span in added)


# Where an example begins: "such as", "for example", "e.g.", "like".
# ("including", "namely" and "by" before a name say who, in a category already named: "partners,
# including Meta", "cloud hosting by Amazon Web Services")
_EXAMPLE_START = re.compile(r"(?:such as|for example,?|for instance,?|e\.g\.,?|like|including|namely|by)\s{1,3}", re.I)


def names_an_example(change: ClauseChange, span: Span) -> bool:
    """True when a run of words an edited clause gained names, by their names alone, examples of
    the recipients just before it: "fraud prevention agencies" → "… such as Cifas" names one of
    them, not a new kind of recipient ("such as advertisers" would be)."""
    start = _EXAMPLE_START.match(change.new_text, span.new[0].start)
    if start is None or _OTHER_PARTIES.search(change.changed_new_text()):
        return False
    names = [w for w in span.new if w.start >= start.end() and w.norm != "the"]  # ("namely the Policía Nacional and the Guardia Civil")
    return bool(names) and names[0].written[:1].isupper() and all(
        w.written[:1].isupper() or w.norm in ("and", "or", "&") or w.norm.rstrip(".") in LEGAL_FORMS for w in names
    )


def _from_a_sentence_gone(change: ClauseChange, context: Context) -> bool:
    """True when every word of substance of a new entry of a list of recipients stood in one sentence
    its section had and no longer has: a sentence written as a lead-in and its list ("Qarta uses
    service providers for the hosting of the Platform, which is carried out on servers located in
    Tunisia, for the sending of SMS messages …" → "Qarta uses service providers for: - the hosting
    of the Platform, on servers located in Tunisia; - the sending of SMS messages; …")."""
    wanted = root_stems(change.new.wordset) if change.new is not None else set()
    if not wanted:
        return False
    return any(wanted <= clause.stems for clause in context.lost_in_section(change))


def _where_in_brackets(change: ClauseChange) -> bool:
    """True when every run of words an entry gained stands in brackets that say where someone is
    ("(whose data centres used by us are located in Mumbai and Hyderabad)")."""
    text = change.new_text

    def says_where(words: "tuple[Word, ...]") -> bool:
        # (a name only after the word of place: the place's, not someone's)
        at = next((n for n, w in enumerate(words) if w.norm in _WHERE), None)
        return at is not None and not any(w.written[:1].isupper() for w in words[:at])

    gained = [span for span in change.spans if span.new]
    return bool(gained) and all(not span.old and _in_brackets(text, span.new[0].start, span.new[-1].end) and says_where(span.new) for span in gained)


# The company getting information from others, said first: "We also receive information about you from …".
_RECEIVES_FROM = re.compile(r"\W{0,3}we\s{1,3}(?:also\s{1,3}|may\s{1,3}(?:also\s{1,3})?)?(?:receive|obtain|collect|get)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,4}?from\b", re.I)

# Examples of what a category covers: "service providers, such as hosting and e-mail delivery".
_EXAMPLES = re.compile(r"\b(?:such as|including|for example|for instance|e\.g\.|like)\b", re.I)
# Recipients who act for the company (processors, GDPR Art. 28; service providers, CCPA § 1798.140(ag)).
_PROVIDERS = re.compile(
    r"\b(?:service providers?|vendors?|(?:sub-?)?processors?|contractors|suppliers)\b|\bon (?:our|its) behalf\b|\b(?:work|services) for us\b"
    r"|\bhelps?\s{1,3}us\s{1,3}(?:to\s{1,3})?(?:run|operate|provide|deliver|manage)\b",  # "companies that help us run our business"
    re.I,
)
# Words that name recipients of a category of their own, never just another provider. ("public" is
# the public a thing is made visible to, not the first part of "the public-website data".)
_OTHER_PARTY_WORDS = r"advertis|partner|affiliat|broker|third[- ]part|law enforcement|government|authorit|public(?!-)|sell|sale"
_OTHER_PARTIES = re.compile(rf"\b(?:{_OTHER_PARTY_WORDS})", re.I)


def _providers_in_other_words(change: ClauseChange) -> bool:
    """True when both sides of an edited clause speak of those who work for the company and end in
    the same examples of them, and the words it gained name no other kind of recipient, no use of
    their own and no further kind of information: "We use companies that help us run our business,
    such as practice management software vendors, …" → "We disclose personal information to
    third-party vendors that perform services on our behalf, such as practice management software
    vendors, …" (GDPR Art. 28; CCPA's service providers)."""
    old, new = _EXAMPLES.search(change.old_text), _EXAMPLES.search(change.new_text)
    if old is None or new is None or change.old_text[old.start():] != change.new_text[new.start():]:
        return False
    if not (_PROVIDERS.search(change.old_text, 0, old.start()) and _PROVIDERS.search(change.new_text, 0, new.start())):
        return False
    return _gains_nothing_more(change, set(), providers=True)


def _more_examples_of_providers(change: ClauseChange) -> bool:
    """True when every run of words an edited clause gained is a further example in a list of
    examples it already had, of the work of recipients who act for the company ("service
    providers, such as hosting and e-mail delivery" → "… e-mail delivery and support tools"): the
    category of recipients (GDPR Art. 13(1)(e)) stays the same. Words that name advertisers,
    partners, affiliates, brokers or authorities are a new category, whatever list they join."""
    return bool(_PROVIDERS.search(change.new_text)) and _more_examples(change, names=True)


# Words that name a recipient (one more of them in a list of examples is one more recipient).
_RECIPIENT_WORDS = re.compile(
    r"\b(?:third|part(?:y|ies|ners?)|affiliat|subsidiar|advertis|vendors?|providers?|processors?|compan|authorit|government|"
    r"law enforcement|police|courts?|users|public|anyone|others|recipients?|developers?|personnel|employees|contractors|brokers?|"
    r"carriers?|couriers?|banks?|insurers?|auditors?|agenc|suppliers?|merchants?|sellers?|acquirers?|purchasers?|successors?)",
    re.I,
)


# Words that take providers' work beyond the company's own: their own purposes, marketing, a sale.
_BEYOND = re.compile(rf"\b(?:own|themselves|market\w{{0,5}}|{_OTHER_PARTY_WORDS})", re.I)


def _more_work_for_the_company(change: ClauseChange) -> bool:
    """True when an entry of a list of recipients names providers who act for the company ("our IT
    and email service providers, who host our systems and send emails for us") and only gained
    words of what they do, naming no one ("…, send emails for us and provide customer support
    software"): the category of recipients (GDPR Art. 13(1)(e)) stays the same. Words of their own
    purposes, of marketing, of a sale or of any other kind of recipient are more than that."""
    if change.removed_words or not _PROVIDERS.search(change.old_text) or not _PROVIDERS.search(change.new_text):
        return False
    added = change.changed_new_text()
    if _RECIPIENT_WORDS.search(added) or _BEYOND.search(added):
        return False
    return not _names_someone(change)


def _more_examples(change: ClauseChange, *, names: bool) -> bool:
    """True when every run of words an edited clause gained stands in a list of examples it already
    had ("such as", "for example" …, up to the end of that part of the sentence) and names no
    advertisers, partners, affiliates, brokers or authorities — nor, unless ``names``, anyone by
    name ("when the law requires it, for example to report suspicious activity" → "… or to answer
    a subpoena": when, not to whom)."""
    text = change.new_text
    if _OTHER_PARTIES.search(change.changed_new_text()) or not _EXAMPLES.search(change.old_text):
        return False
    markers = list(_EXAMPLES.finditer(text))
    added = [span for span in change.spans if span.new]
    if not markers or not added:
        return False
    for span in added:
        if not names and any(w.written[:1].isupper() for w in span.new):
            return False
        if names and named_beside(change, span):
            continue  # "payment processing (Stripe)": the provider named
        start = span.new[0].start
        before = [m for m in markers if m.end() <= start]
        if not before or start >= part_end(text, before[-1].end()):
            return False
    return True


def _added_to_who_receives(change: ClauseChange) -> bool:
    """True when words were added where the clause says what goes to whom (from its verb of
    sharing to the last recipient it names), not elsewhere in the sentence ("we review each
    provider's safeguards every year" → "at least once a year")."""
    shares = _SHARES.search(change.new_text)
    if shares is None:
        return True
    stop = max(shares.end(), part_end(change.new_text, shares.start()))
    start = shares.start()
    # (a run of words the clause had in another form adds no one: "Personal data are disclosed to
    # (a) partner airlines" → "We disclose personal data to (a) partner airlines")
    # (or a further recipient joined after what qualifies the last: "to your person responsible under the
    # Guardianship Act 1987 (NSW), or to any family member who is with you")
    reaching = [span for span in change.spans if span.new and span.new[-1].end > start and (
        span.new[0].start < stop + 1
        or len(span.new) > 2 and span.new[0].norm in ("or", "and") and span.new[1].norm in ("to", "with"))]
    if not reaching:
        return False
    had = root_stems(change.old.wordset) if change.old is not None else set()  # (only when a run reaches that part)
    return any(not had.issuperset(root_stems([w.norm for w in span.new])) for span in reaching)


# -- restating who already receives --------------------------------------------------------------

# Recipients who act for the company: service providers and contractors (CCPA § 1798.140(ag), (j)),
# processors (GDPR Art. 28), vendors.
_FOR_THE_COMPANY = frozenset(("service", "provider", "vendor", "processor", "sub-processor", "subprocessor", "contractor", "supplier"))
# Words that name any other recipient, or a way of passing information on beyond a disclosure for
# the company's own purposes.
_OTHERS = re.compile(rf"\b(?:{_OTHER_PARTY_WORDS}|third|part(?:y|ies)|subsidiar|sold|rent|licen[cs])", re.I)
# Words of the disclosure itself, not of what is disclosed ("we disclosed … to our service providers
# for a business purpose", "who perform services on our behalf").
_DISCLOSING = frozenset((
    "disclose", "disclosed", "discloses", "share", "shared", "shares", "provide", "provided", "give", "gave", "given",
    "transfer", "transferred", "make", "made", "available", "business", "purpose", "purposes", "perform", "performs",
    "work", "behalf", "help", "helps", "services", "providers", "vendors", "processors", "contractors", "suppliers",
))
_NAME = re.compile(r"(?<=\w\s)[A-Z][a-z]{2,30}\b")


def _restates_providers(change: ClauseChange, context: Context) -> bool:
    """True when a new clause says information goes to the company's service providers (those who
    act for it) and to no one else, the old version already said it discloses information to them,
    and every kind of information the clause names is one the old version said it collects: a
    disclosure "for a business purpose" (CCPA § 1798.115(c)) restating what the statement said."""
    text = change.new_text
    words = change.new.wordset if change.new is not None else frozenset()
    if _FOR_THE_COMPANY.isdisjoint(words) or _NAME.search(text) or _OTHERS.search(text):
        return False
    if not context.memo("discloses-to-providers", lambda: _discloses_to_providers(context)):
        return False
    collected = collected_kinds(context)
    return bool(collected) and kinds_covered(words - _FOR_THE_COMPANY - _DISCLOSING, collected)


def _discloses_to_providers(context: Context) -> bool:
    """True when the old version says it gives information to its service providers, in a clause that
    does not rule it out."""
    for block in context.old_blocks:
        if _FOR_THE_COMPANY.isdisjoint(block.text.lower().split()) and "providers" not in block.text.lower():
            continue
        for clause in split(block.text):
            if _FOR_THE_COMPANY.isdisjoint(clause.wordset):
                continue
            if states(clause) and _SHARES.search(clause.text):
                return True
    return False
