"""Where information goes (GDPR Art. 13(1)(f), 44–49): transfers abroad and their safeguards.

Material: a new transfer, an edited clause about transfers that names another place or way (a
word of transfer or place, or a name), or a removed safeguard (standard contractual clauses,
adequacy decision, binding corporate rules, a data privacy framework). Substantive: a clause about a
transfer removed, or reworded naming no new place, way or safeguard.
"""

from __future__ import annotations

import re

from ..changes import ClauseChange, Span
from ..clauses import Clause
from ..findings import Finding
from ..reading import STOP, root_stems
from ..text import NEGATIONS, Anchored, Word, plain_words
from .context import Context, gained_own_judgement, illustrates, named_beside

_TRANSFERS = Anchored(re.compile(
    # ("US" in capitals only: "send emails for us" names no country)
    # (where it is, as well as where it is sent: "remains within the EEA", "may be replicated to the US region")
    r"\b(?:transfer\w{0,4}|stor\w{0,3}|process\w{0,4}|host\w{0,3}|sent|moved?|remain\w{0,2}|resid(?:e|es|ing)|located|held|replicat\w{0,4}"
    r"|mirror\w{0,3})\b[^.;]{0,80}(?:\b(?:outside|abroad|countr(?:y|ies)|"
    r"international\w{0,2}|across borders|cross-border|EEA|European Economic Area|European Union|EU|UK|United (?:States|Kingdom)|(?-i:US|USA)"
    # a state as a country: "to a state which does not ensure an adequate level of protection", "third states"
    r"|(?:foreign|third|another|other)\s{1,3}(?:states|state|jurisdictions?)|(?:a|any)\s{1,3}state\s{1,3}(?:which|that))\b"
    r"|(?-i:\bU\.S\.))"
    r"|\b(?:international|cross-border) (?:data )?transfers?\b",
    re.I,
), starts=("transfer", "stor", "process", "host", "sent", "move", "remain", "resid", "located", "held", "replicat", "mirror",
           "international", "cross"))
SAFEGUARD = Anchored(re.compile(
    r"\bcontractual safeguards\b|\bstandard contractual clauses\b|\bSCCs?\b|\badequacy decisions?\b|\bbinding corporate rules\b|\bBCRs?\b|"
    r"\bdata privacy framework\b|\bprivacy shield\b|\b(?:appropriate|adequate)\s{1,3}safeguards\b|\binternational data transfer (?:agreement|addendum)\b"
    r"|\bUK addendum\b|\bIDTA\b"
    # a regulator's leave, asked first: "without the prior authorisation of the CDP"
    r"|\bprior\s{1,3}(?:written\s{1,3})?(?:authori[sz]ation|approval|permission)\s{1,3}(?:of|from)\s{1,3}the\b"
    # clauses a regulator approved, by their other names: "the model contractual clauses approved by the AAIP"
    r"|\bmodel (?:contractual |contract |data protection )?clauses\b|\bstandard data protection clauses\b"
    # a contract that binds the recipient: "we sign written agreements with each recipient that require it to protect …"
    r"|\b(?:(?:written|data\s{1,3}(?:protection|processing|transfer))\s{1,3})?(?:agreements?|contracts?),?\s{1,3}"
    r"(?:with\s{1,3}(?:them|it|(?:each|every|the|all|those|these|our)(?:\s{1,3}[\w-]{1,20}){1,3}?)\s{1,3})?(?:(?:that|which)\s{1,3})?(?:requir(?:e|es|ing)|oblig(?:e|es|ing)|bind(?:s|ing)?|obligat(?:e|es|ing))\b",
    re.I,
), starts=("standard", "scc", "adequacy", "adequate", "prior", "binding", "bcr", "data", "privacy", "appropriate", "international", "uk", "idta", "model", "contractual",
           "written", "agreement", "contract"))
# Each safeguard by its kind, whatever it is called: "Standard Contractual Clauses" and "SCCs" are one.
_KINDS = (
    ("a contract that binds the recipient", re.compile(r"\b(?:requir(?:e|es|ing)|oblig(?:e|es|ing)|bind(?:s|ing)?|obligat(?:e|es|ing))\b", re.I)),
    ("a regulator's authorisation", re.compile(r"\bprior\b", re.I)),
    ("standard contractual clauses", re.compile(r"standard|scc|model", re.I)),
    ("adequacy decision", re.compile(r"adequacy", re.I)),
    ("binding corporate rules", re.compile(r"binding|bcr", re.I)),
    ("data privacy framework", re.compile(r"framework|shield", re.I)),
    ("international data transfer agreement", re.compile(r"agreement|idta", re.I)),
    ("international data transfer addendum", re.compile(r"addendum", re.I)),
)


# Words that name a safeguard or a place abroad: "stored with our provider in the United Kingdom"
# is about where information goes, whatever its verb's topic.
_ABROAD = frozenset((
    "scc", "sccs", "bcr", "bcrs", "framework", "shield", "eea", "eu", "uk", "us", "usa", "united", "states", "kingdom",
    "abroad", "outside", "country", "countries", "international", "worldwide",
))


def judge(change: ClauseChange, context: Context) -> Finding | None:
    """Transfers widened or a safeguard lost (material); a transfer dropped (substantive)."""
    if change.kind == "edited" and _place_dropped(change):
        # "employees of a contracted review vendor in the EU" → "… of a contracted review vendor":
        # where those who handle it are, no longer said, may be anywhere
        return change.finding("transfers", "material", "A clause about transfers abroad, or their safeguards, changed.")
    if change.kind == "edited" and not _PLACES_IN_GENERAL.isdisjoint(change.changed_new_words) and _place_opened(change):
        # "kept by our cloud provider in the Republic of South Africa" → "… and in any other country
        # where that provider operates data centres": the places named are no longer all of them
        return change.finding("transfers", "material", "A clause about transfers abroad, or their safeguards, changed.")
    if change.kind == "edited" and not _HEDGES.isdisjoint(change.changed_new_words) and _HEDGES.isdisjoint(change.old.wordset) \
            and "transfer" in change.topics | change.heading_topics \
            and _LOCATED.search(change.new_text) is not None:
        # "The Company stores Personal Data on servers located within the Kingdom" → "… primarily on
        # servers located within the Kingdom": where it is kept is now the rule, not the whole
        return change.finding("transfers", "material", "A clause about transfers abroad, or their safeguards, changed.")
    located = None  # (worked out once, and only where the other signs fail)
    # ("us" names the United States only when written so: "requires us to protect your information" does not)
    if "transfer" not in change.topics and _PLACE_WORDS.isdisjoint(change.vocabulary) \
            and ("us" not in change.vocabulary or _THE_US.search(change.old_text) is None and _THE_US.search(change.new_text) is None):
        located = _located_elsewhere(change)
        if not located:
            return None
    old_safe, new_safe = bool(SAFEGUARD.search(change.old_text)), bool(SAFEGUARD.search(change.new_text))
    sent = _TRANSFERS.search(change.new_text or change.old_text) is not None or _sent_to_a_country(change.new or change.old)
    if not (sent or old_safe or new_safe or _names_a_place_here(change) or (_located_elsewhere(change) if located is None else located)):
        return None
    if change.reading.actor == "reader":
        return None
    if change.kind == "inserted":
        if change.reading.negated:
            return change.finding("transfers", "substantive", "A new clause limits transfers of information abroad.")
        if not new_safe and _TRANSFERS.search(change.new_text) is None and _LOCATED.search(change.new_text) is None and not located \
                and _only_places_named_before(change, context):
            # "Australia also has its own privacy law, …" beside "We store it with a provider in
            # Australia": a place information already went to, spoken of, and nothing sent there
            return change.finding("transfers", "substantive", "A new clause speaks of a place the section already said information goes to.")
        return change.finding("transfers", "material", "A new clause says information is transferred abroad or how.")
    if change.kind == "removed":
        # (a clause that named the place with its safeguard takes both away: "Our support provider
        # may access it from the United Kingdom, which has an adequacy decision")
        if old_safe and not _names_a_country(change.old, by_name=True):
            return change.finding("transfers", "material", "A clause naming a safeguard for transfers abroad was removed.")
        return change.finding("transfers", "substantive", "A clause about transfers abroad was removed.")
    old_guards, new_guards = _safeguards(change.old_text), _safeguards(change.new_text)
    if new_guards > old_guards and not _names_a_place(change):
        # "protected by standard contractual clauses" → "… and, where the provider is certified, by
        # the Data Privacy Framework": the transfers are better protected, not sent further
        return change.finding("transfers", "substantive", "A clause about transfers abroad now names a further safeguard.")
    if _limit_gained(change):
        return change.finding("transfers", "substantive", "A clause about transfers abroad now limits them.")
    if not old_guards - new_guards and _said_outright(change, context):
        # "Certain of Our payment processors are located outside the EEA, namely in the United States
        # and in Singapore" → "Your Personal Data will nevertheless be transferred outside the EEA
        # where it is handled by certain of Our payment processors, which are based in the United
        # States and in Singapore": the transfer the clause implied, said outright
        return change.finding("transfers", "substantive", "A clause about transfers abroad was reworded; it names no new place, way or safeguard.")
    if old_guards - new_guards or _goes_further(change) and not _describes_a_safeguard(change) and not illustrates(change) \
            or gained_own_judgement(change):
        # (or the safeguard is now what the company judges it to be: "where the recipient country has
        # been recognised by the Commission as providing adequate protection" → "where we are
        # satisfied that the recipient country provides adequate protection")
        return change.finding("transfers", "material", "A clause about transfers abroad, or their safeguards, changed.")
    if change.added_words or change.removed_words:
        return change.finding("transfers", "substantive", "A clause about transfers abroad was reworded; it names no new place, way or safeguard.")
    return None


#: Stems of words that take information somewhere new, or open where it may go, when added.
_FURTHER = frozenset((
    "transfer", "store", "stor", "host", "process", "sent", "send", "move", "moved", "access", "outside", "abroad", "worldwide",
    "anywhere", "international", "global", "countr", "country", "countrie", "region", "affiliate", "affiliat", "subsidiar",
    "partner", "vendor", "provider",
))
# ("third" alone is no place: "third parties" are the recipients rule's; "third countries" gain "countr")
_NAMES = frozenset(
    "we you our your i the a an this these those it in on for to by with and or if when "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_US = re.compile(r"\bUSA?\b|\bU\.S\.")
#: Words of :data:`_ABROAD` that name a place or way abroad in any case ("us" is a pronoun too).
_PLACE_WORDS = _ABROAD - {"us"}
#: Stems of words that say where information goes (not who takes it there).
_PLACES = frozenset(("outside", "abroad", "worldwide", "anywhere", "international", "global", "countr", "country", "countrie", "region"))


#: Words that name a country (of a name in several words, its own word: "South Africa" by "africa"),
#: lower case: in a section about transfers, a clause that names one says where information goes.
COUNTRIES = frozenset(
    "afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain bangladesh "
    "barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina burundi cambodia "
    "cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador "
    "egypt salvador eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada "
    "guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan "
    "jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein "
    "lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova "
    "monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria "
    "macedonia norway oman pakistan palau palestine panama paraguay peru philippines poland portugal qatar romania russia "
    "rwanda samoa marino senegal serbia seychelles sierra singapore slovakia slovenia somalia sudan spain lanka suriname "
    "sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey türkiye turkmenistan "
    "tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe "
    # the distinctive word of names in several words
    "africa zealand korea arabia emirates uae kong macau macao rica leone verde timor"
    .split()
)


def _names_a_place_here(change: ClauseChange) -> bool:
    """True for a clause that names a place abroad in a section about transfers ("Some of our
    service providers are in the United States", under "International transfers"; "stored in data
    centres in the Netherlands and Germany"): where the information goes, whatever its verb. ("us"
    counts only as "US".)"""
    return "transfer" in change.heading_topics and (_names_a_country(change.old) or _names_a_country(change.new))


# Where someone or something is: "Our moderation team is based in Singapore", "servers located in".
# ("… a moderation contractor with review teams in the EU and the Philippines": those who handle it, and where)
_LOCATED = re.compile(
    r"\b(?:based|located|situated|hosted|stored|held|operat\w{0,3}|work\w{0,3}|resid\w{0,3})\s{1,3}(?:in|within|from|out\s{1,3}of)\b"
    r"|\b(?:teams?|staff|offices?|(?:data\s{1,3})?cent(?:re|er)s?|servers?|facilities|employees|personnel|moderators|agents|contractors?|vendors?)\s{1,3}(?:in|within)\b"
    # work done from somewhere: "perform policy administration … from locations in Canada and the Philippines"
    r"|\bfrom\s{1,3}(?:(?:their|our|its)\s{1,3})?(?:locations?|sites?|offices?|facilities)\s{1,3}in\b",
    re.I,
)


# Those who reach it from somewhere: "Our help desk provider may access it from the Philippines".
_ACCESS_FROM = re.compile(
    r"\baccess\w{0,3}\s{1,3}(?:(?:it|them|this|that|(?:the|your|such)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}?(?:data|information|records?|files?))\s{1,3})?from\b"
    # handled from a place: "Our ticketing vendor also processes pass data, including …, from its operations centre in Vancouver, Canada"
    r"|\bprocess(?:es|ed|ing)?\b[^.;]{0,80}?\bfrom\s{1,3}(?:its|their|our)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}?(?:cent(?:er|re)s?|offices?|facilit(?:y|ies)|premises|sites?)\s{1,3}in\b",
    re.I,
)


def _located_elsewhere(change: ClauseChange) -> bool:
    """True when the words an edited clause gained or lost name a country, in a clause that says
    where those who handle information are based ("Our moderation team is based in Singapore and
    the Philippines" → "… Singapore, the Philippines and India"): access from a country is a
    transfer to it (GDPR Art. 44), whatever section it is in. A new clause counts when it names a
    country others reach the information from ("Our help desk provider may access it from India")."""
    if change.kind == "inserted":
        return not COUNTRIES.isdisjoint(change.new.wordset) and _ACCESS_FROM.search(change.new_text) is not None  # type: ignore[union-attr]
    if change.kind != "edited" or COUNTRIES.isdisjoint(change.vocabulary) \
            or COUNTRIES.isdisjoint(change.changed_new_words) and COUNTRIES.isdisjoint(change.changed_old_words):
        return False
    return _LOCATED.search(change.new_text) is not None


#: Places abroad named in several words or by their initials, each with the one name it is known by
#: here ("the United States", "the US" and "the U.S." are one place).
_NAMED_PLACES = (
    ("united states", re.compile(r"(?i:\bunited\s{1,3}states\b)|\bUSA?\b|\bU\.S\.")),
    ("united kingdom", re.compile(r"(?i:\bunited\s{1,3}kingdom\b)|\bUK\b|\bU\.K\.")),
    ("eea", re.compile(r"(?i:\beuropean\s{1,3}economic\s{1,3}area\b)|\bEEA\b")),
    ("eu", re.compile(r"(?i:\beuropean\s{1,3}union\b)|\bEU\b")),
)
_THE_US = dict(_NAMED_PLACES)["united states"]
#: Words of :data:`_ABROAD` that the names of :data:`_NAMED_PLACES` are made of.
_NAMING_WORDS = frozenset(("united", "states", "kingdom", "us", "usa", "uk", "eea", "eu", "u.s", "u.s.a", "u.k"))


def _places_named(text: str, words: "frozenset[str] | set[str]") -> set[str]:
    """The places abroad a text names: its countries (:data:`COUNTRIES`) and the places of
    :data:`_NAMED_PLACES`."""
    named = set(COUNTRIES & words)
    if not _NAMING_WORDS.isdisjoint(words):
        named.update(name for name, pattern in _NAMED_PLACES if pattern.search(text) is not None)
    return named


def _only_places_named_before(change: ClauseChange, context: Context) -> bool:
    """True when every place abroad a new clause names, and at least one, was named in its section
    before ("Recipients in the United States may be subject to requests by US authorities" under
    a paragraph that says some processors are in the United States), and it names no place abroad
    in general words ("outside", "overseas") and no way of sending it there ("standard contractual
    clauses")."""
    clause = change.new
    if clause is None or not _PLACE_WORDS.isdisjoint(clause.wordset - COUNTRIES - _NAMING_WORDS):
        return False
    named = _places_named(clause.text, clause.wordset)
    if not named:
        return False
    before = context.section_text(change, "old")
    return named <= _places_named(before, frozenset(plain_words(before)))


def _names_a_country(clause: Clause | None, *, by_name: bool = False) -> bool:
    """True when a clause names a country, or a place abroad, by name ("the United Kingdom", "India",
    "the US"; with ``by_name``, not a place abroad in general words: "recipients abroad")."""
    return clause is not None and (not COUNTRIES.isdisjoint(clause.wordset) or not by_name and not _PLACE_WORDS.isdisjoint(clause.wordset)
                                   or _US.search(clause.text) is not None)


# Information taken or kept somewhere: a verb of sending or keeping, before the place it names
# ("We transfer your data to our office in Singapore").
# (searched only in a clause that names a country: a plain pattern, kept out of the openings every
# text works out for the anchored ones)
_SENT = re.compile(r"\b(?:transfer\w{0,4}|sen[dt]\w{0,3}|mov(?:e|es|ed|ing)|stor(?:e|es|ed|ing)|host\w{0,3}|replicat\w{0,4}|export\w{0,3})\b", re.I)


def _sent_to_a_country(clause: Clause | None) -> bool:
    """True when a clause that names a country by name says information is sent or kept there: a
    verb of sending or keeping, and after it, in the same part of the sentence, the country's name
    after "to", "in", "into" or "within" ("We transfer your data to our office in Singapore"; not
    "… stored and processed by us, with the rights you have under the Nigeria Data Protection Act")."""
    if clause is None or COUNTRIES.isdisjoint(clause.wordset):
        return False
    verb = _SENT.search(clause.text)
    if verb is None:
        return False
    words = clause.words
    for n, word in enumerate(words):
        if word.norm in COUNTRIES and verb.end() <= word.start <= verb.end() + 80 \
                and not any(mark in clause.text[verb.end(): word.start] for mark in ".;:") \
                and any(w.norm in _INTO for w in words[max(0, n - 4): n]):
            return True
    return False


#: Words before a place that information goes to or stays in.
_INTO = frozenset(("to", "in", "into", "within"))


def _limit_gained(change: ClauseChange) -> bool:
    """True when the words an edited clause gained negate what it says, and it did not negate
    before: "stored in the European Economic Area" → "… and is not accessed from outside it"."""
    return (not NEGATIONS.isdisjoint(change.changed_new_words) and NEGATIONS.isdisjoint(change.changed_old_words)
            and change.new_reading.negated and not change.old_reading.negated)  # type: ignore[union-attr]


def _safeguards(text: str) -> set[str]:
    """The kinds of safeguard a text names ("the UK Addendum to the SCCs": the addendum and standard contractual clauses)."""
    return {next((kind for kind, words in _KINDS if words.search(m.group())), m.group().lower()) for m in SAFEGUARD.finditer(text)} if text else set()


def _names_a_place(change: ClauseChange) -> bool:
    """True when the words an edited clause gained name a place: a word of place, or a name (a
    capitalised word) that is not part of a safeguard's name ("the EU-US Data Privacy Framework")."""
    if change.added_words & _PLACES:
        return True
    if change.new is None:
        return False
    guards = _guard_places(change.new_text)
    first = change.new.words[0] if change.new.words else None
    return any(
        w.written[:1].isupper() and w is not first and w.norm not in _NAMES and not _in_a_guard(w, guards)
        for span in change.spans for w in span.new
    )


def _guard_places(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names a safeguard."""
    return [(m.start(), m.end()) for m in SAFEGUARD.finditer(text)]


def _in_a_guard(word: Word, guards: list[tuple[int, int]]) -> bool:
    """True when a word is part of a safeguard's name, or just before one ("EU-US" before "Data Privacy Framework")."""
    return any(start <= word.start < end or start <= word.end + 1 < end for start, end in guards)


def _describes_a_safeguard(change: ClauseChange) -> bool:
    """True when every run of words an edited clause gained follows a safeguard's name, set off by
    a comma or a bracket: it says something of the safeguard ("the EU-U.S. Data Privacy Framework,
    to which our main providers have certified, or …"), not where information goes."""
    guards = [m.end() for m in SAFEGUARD.finditer(change.new_text)]
    added = [span for span in change.spans if span.new]
    if not guards or not added or any(span.old for span in change.spans) or _names_a_place(change):
        return False
    text = change.new_text
    return all(
        any(0 < span.new[0].start - end <= 3 and text[end: span.new[0].start].strip() in (",", "(") for end in guards)
        for span in added
    )


#: The states of the European Economic Area (the EU's, Iceland, Liechtenstein, Norway), as words:
#: information moving among them is no transfer abroad (GDPR Art. 1(3), 44).
_EEA_STATES = frozenset(
    "austria belgium bulgaria croatia cyprus czechia czech republic denmark estonia finland france germany greece hungary "
    "ireland italy latvia lithuania luxembourg malta netherlands poland portugal romania slovakia slovenia spain sweden "
    "iceland liechtenstein norway".split()
)
_NAMES_THE_EEA = re.compile(r"\b(?:EU|EEA|European Union|European Economic Area)\b")
#: The states of the United States, as words (of a name in several words, each word).
_US_STATES = frozenset(
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana "
    "iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska "
    "nevada new hampshire jersey mexico york north carolina dakota ohio oklahoma oregon pennsylvania rhode island south "
    "tennessee texas utah vermont virginia west washington wisconsin wyoming".split()
)
_NAMES_THE_US = re.compile(r"\b(?:United States|USA?|U\.S\.)")
#: Regions of the world by their name, with the words of the countries in them (of a name in several words, each word).
_REGIONS = (
    (re.compile(r"\bNorth America\b"), frozenset(("united", "states", "america", "usa", "us", "canada", "mexico", "the"))),
    (re.compile(r"\b(?:Scandinavia|the Nordics|Nordic countries)\b"), frozenset(("denmark", "norway", "sweden", "finland", "iceland"))),
)


def _only_in_another_form(change: ClauseChange) -> bool:
    """True when every word of transfer or place an edited clause gained stood in it in another
    form ("We store information in the United Kingdom" → "Information is stored in …")."""
    had = root_stems(change.old.wordset) if change.old is not None else set()
    return all(w.removesuffix("e") in had for w in change.added_words & _FURTHER)


#: Stems of the words that say information goes abroad, in so many words.
_SENDING = frozenset(("transfer", "transferr", "sent", "send"))
#: Words that say where someone or something is ("are located outside the European Economic Area").
_WHERE_THEY_ARE = frozenset(("located", "based", "situated", "established"))


def _said_outright(change: ClauseChange, context: Context) -> bool:
    """True when an edited clause that said who handles information abroad, and where, now says it
    is transferred there: the countries it names are the same, the only word of transfer it gained
    says it is sent, and every name it gained (a capitalised word, not at a sentence's start) its
    paragraph had ("Personal Data")."""
    old, new = change.old, change.new
    if old is None or new is None:
        return False
    places = _PLACE_NAMES_TOO & old.wordset
    if not places or _PLACE_NAMES_TOO & new.wordset != places or not change.added_words & _FURTHER <= _SENDING \
            or _WHERE_THEY_ARE.isdisjoint(old.wordset) and not _LOCATED.search(change.old_text) \
            or bool(_ABROAD_IN_GENERAL.search(change.old_text)) != bool(_ABROAD_IN_GENERAL.search(change.new_text)):
        return False
    block = frozenset(plain_words(context.block_text(change, "old") or ""))
    first = new.words[0] if new.words else None
    return all(w.norm in block or w is first for span in change.spans for w in span.new if w.written[:1].isupper())


#: Words that name a place as where information is or who handles it is.
_PLACE_NAMES = COUNTRIES | frozenset(("eu", "eea", "europe", "european", "uk", "switzerland", "usa"))
#: The words of the places :func:`_said_outright` compares ("the United States", "the United Kingdom" by theirs).
_PLACE_NAMES_TOO = _PLACE_NAMES | frozenset(("united", "states", "america", "kingdom"))


def _place_dropped(change: ClauseChange) -> bool:
    """True when an edited clause only lost words, and with them every place it named ("in the
    EU", "in Germany"), after "in" or "within": whoever it speaks of may now be anywhere."""
    if change.added_words or change.old is None or change.new is None or _PLACE_NAMES.isdisjoint(change.old.wordset):
        return False
    if not _PLACE_NAMES.isdisjoint(change.new.wordset):
        return False
    for span in change.spans:
        for i, w in enumerate(span.old):
            if w.norm in _PLACE_NAMES and any(v.norm in ("in", "within", "inside") for v in span.old[max(0, i - 3): i]):
                return True
    return False


#: Words that speak of places abroad without naming them: "any other country", "worldwide".
_PLACES_IN_GENERAL = frozenset((
    "country", "countries", "jurisdiction", "jurisdictions", "worldwide", "anywhere", "elsewhere", "abroad", "overseas", "globally",
))
# Other places, said in general words: "and in any other country", "or elsewhere", "worldwide".
_OTHER_PLACES = re.compile(
    r"\b(?:(?:and|or)\s{1,3}(?:in\s{1,3})?(?:any\s{1,3}|all\s{1,3})?other\s{1,3}(?:countr(?:y|ies)|jurisdictions?)"
    r"|(?:and|or)\s{1,3}(?:elsewhere|abroad|overseas)|worldwide|anywhere\s{1,3}in\s{1,3}the\s{1,3}world|globally)\b", re.I)


def _place_opened(change: ClauseChange) -> bool:
    """True when an edited clause that named where information is (a country, "the EU") gained
    other places in general words beside it ("in the Republic of South Africa" → "… and in any
    other country where that provider operates data centres"): where it may go is no longer said."""
    if change.old is None or change.new is None or not _names_a_country(change.old, by_name=True):
        return False
    found = _OTHER_PLACES.search(change.changed_new_text())
    return found is not None and _OTHER_PLACES.search(change.old_text) is None and not change.reading.negated


#: Words that make where information is kept a rule with exceptions.
_HEDGES = frozenset(("primarily", "mainly", "mostly", "principally", "predominantly", "generally", "usually", "normally", "largely", "typically"))
# Places abroad in general words: "countries outside the European Economic Area", "third countries".
_ABROAD_IN_GENERAL = re.compile(
    r"\b(?:countries|jurisdictions)\s{1,3}outside\b|\bthird\s{1,3}countries\b|\bother\s{1,3}countries\b|\boutside\s{1,3}(?:the\s{1,3})?(?:EEA|EU|European)", re.I,
)


def _leaves_for_the_same_place(change: ClauseChange) -> bool:
    """True when an edited clause only gained where information leaves from, and the country it went
    to stays the only one named: "a backup copy is kept in a disaster recovery centre located in
    Singapore" → "… keeps a backup copy outside Indonesia, in a disaster recovery centre in Singapore"."""
    if change.old is None or change.new is None or "outside" not in change.new.wordset:
        return False
    words = change.new.words
    gained = [w for span in change.spans for w in span.new]
    # each word gained is a small one, "outside", or the country right after it
    after_outside = {id(words[i + 1]) for i, w in enumerate(words[:-1]) if w.norm == "outside"}
    # (or a defined term for the company or its service: "the Platform keeps")
    defined = {id(words[i + 1]) for i, w in enumerate(words[:-1]) if w.norm == "the" and words[i + 1].written[:1].isupper()}
    if not all(w.norm in STOP or w.norm == "outside" or id(w) in after_outside or w.norm in change.aliases
               or w.norm not in COUNTRIES and (not w.written[:1].isupper() or id(w) in defined) and w.norm not in _FURTHER for w in gained):
        return False
    if _US.search(" ".join(w.written for w in gained)):
        return False
    went = COUNTRIES & change.old.wordset
    return bool(went) and COUNTRIES & change.new.wordset - {words[i + 1].norm for i, w in enumerate(words[:-1]) if w.norm == "outside"} == went


def _within_a_place_named(change: ClauseChange, span: Span) -> bool:
    """True when a run of words an edited clause gained names a place set in one the old clause
    named, right after it: "in Ashburn, in the State of Virginia" where the old said "in the State of
    Virginia" (the run may end with the "in": "Ashburn, in")."""
    text = change.new_text
    end = span.new[-1].end
    if span.new[-1].norm != "in":
        after = re.match(r"\s{0,2},?\s{1,3}in\b", text[end:])
        if after is None:
            return False
        end += after.end()
    following = text[end: end + 30].strip()
    # (a place, not "in addition to …"; and no country of its own: "and Hyderabad, India, in …")
    return len(following) >= 8 and (following[:1].isupper() or following.startswith("the ")) and f"in {following[:20]}" in change.old_text \
        and not any(w.norm in COUNTRIES for w in span.new)


# A city and its country in brackets: "Frankfurt (Germany)", "Amsterdam (the Netherlands)".
_CITY_OF = re.compile(r"\b([A-Z][\w-]{1,30})\s{0,2}\((?:the\s{1,3})?([A-Z][\w-]{1,30})\)")


def _goes_further(change: ClauseChange) -> bool:
    """True when an edited clause about transfers gained a place or a way for information to go:
    a word of transfer or of place, or a name (a capitalised word: "the United States and India")
    — but not a state of the European Economic Area where the clause already named the EU or the
    EEA ("hosted in the European Union" → "… (Ireland)": where within it, not further)."""
    if _leaves_for_the_same_place(change):
        return False
    if change.added_words & _FURTHER and not _only_in_another_form(change):
        return True
    first = change.new.words[0] if change.new is not None and change.new.words else None
    guards = _guard_places(change.new_text)
    had = change.old.wordset if change.old is not None else frozenset()
    # (a place the clause named already, named again in other words, goes no further: "While in the
    # United States, it is subject to …" → "Held in the United States, it is … of the United States")
    # (a capital that opens a sentence names nothing: "… confidential but the Company may …" → "… confidential. However, …")
    text = change.new_text
    names = [
        w.norm for span in change.spans if not named_beside(change, span) for w in span.new
        if w.written[:1].isupper() and w is not first and w.norm not in _NAMES and not _in_a_guard(w, guards) and w.norm not in had
        and not text[:w.start].rstrip().endswith((".", "!", "?"))
    ]
    if names and "(" in text:
        # (a city named with its country in brackets is where within that country: "Amsterdam (the
        # Netherlands) and Frankfurt (Germany)")
        cities = {m.group(1).lower() for m in _CITY_OF.finditer(text) if m.group(2).lower() in COUNTRIES}
        names = [name for name in names if name not in cities]
    if names and _EEA_STATES.issuperset(names) and _NAMES_THE_EEA.search(change.old_text):
        return False
    if names and _US_STATES.issuperset(names) and _NAMES_THE_US.search(change.old_text):
        return False  # "servers in the United States" → "… in Michigan and Virginia, in the United States": where within it
    if names and any(states.issuperset(names) and region.search(change.old_text) for region, states in _REGIONS):
        return False  # "servers located in North America" → "… in the United States and Canada": where within it
    if names and all(_within_a_place_named(change, span) for span in change.spans if span.new and any(w.norm in names for w in span.new)):
        return False  # "located in the State of Virginia" → "located in Ashburn, in the State of Virginia": where within it
    # (unless the clause named countries already: "including the Philippines and India" → "…, India
    # and Colombia" names one more where it said which)
    if names and COUNTRIES.issuperset(names) and _ABROAD_IN_GENERAL.search(change.old_text) and not _EEA_STATES.intersection(names) \
            and COUNTRIES.isdisjoint(change.old.wordset):  # type: ignore[union-attr]
        # "may access data from countries outside the European Economic Area" → "… our customer
        # service provider located in Morocco, may access …": which of the countries it said
        return False
    return bool(names)
