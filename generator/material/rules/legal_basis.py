"""The legal basis of processing (GDPR Art. 6, 13(1)(c)): consent, contract, legitimate interests, legal obligation.

Material: any change to a clause that names a legal basis — the basis decides which rights apply
(objection under legitimate interests, withdrawal under consent), so a change either way matters.
"""

from __future__ import annotations

import re

from ..changes import ClauseChange
from ..findings import Finding
from ..reading import negates
from ..text import Anchored, plain_words
from .context import Context

# Art. 6(1) GDPR names the bases by letter: "Art. 6(1)(f) GDPR", "Art. 6 para. 1 lit. f GDPR",
# "Article 6(1)(f)". (The letter is the basis: "(a)" → "(f)" is consent → legitimate interests.)
_ARTICLE_6 = r"\bart(?:icle)?\.?\s{0,2}6\s{0,2}(?:\(\s{0,1}1\s{0,1}\)|(?:para(?:graph)?\.?|abs\.?)\s{0,2}1)\s{0,2}(?:\(|(?:lit(?:era)?\.?|point|sentence\s{0,2}1\s{0,2}lit\.?)\s{0,2})?"


def _article(letter: str) -> str:
    return rf"{_ARTICLE_6}{letter}\b"


# The reader's consent as a condition, in words other than "consent" (read both as a basis named and
# as the condition of what a clause does, below).
_CONSENT_IF = (
    r"\bif you (?:have )?opt(?:ed)?[- ]in\b"
    # cookies set only once accepted: "and, if you accept them, analytics cookies"
    r"|\bif you (?:accept|allow) (?:them|these|those|it|cookies|(?:these |those |the |such |analytics |optional |non-essential )cookies)\b"
    # "and, if you agree, our weekly newsletter"; "and, if you subscribe, to send you our newsletter"
    # (subscribing is asking for it: an opt-in; "if you subscribe to a paid plan" is a purchase)
    r"|\bif you (?:agree|subscribe|have subscribed|sign up|have signed up)\b(?=\s{0,3}[,)])"
    # "we do not send you marketing unless you create your own account and sign up for it"
    r"|\bunless you\b(?:\s{1,3}[\w']{1,20}){0,6}?\s{1,3}(?:sign up|subscribe|opt in)\s{1,3}(?:for|to)\s{1,3}(?:it|them|this)\b"
    # "only if you have expressly subscribed to it"
    r"|\bif you have (?:expressly|explicitly|actively) (?:subscribed|signed up|opted in|asked for)\b"
    # a box the reader ticks: "and you tick the box agreeing to it"
    r"|\byou (?:tick|check) (?:the|a) box\b"
    # someone's consent for the reader: "we will obtain the consent of the guardian"
    r"|\b(?:obtain|get|seek|ask for|require)\s{1,3}the\s{1,3}(?:prior\s{1,3}|written\s{1,3}|verifiable\s{1,3})?(?:consent|permission)\s{1,3}of\s{1,3}(?:the|your|a)\s{1,3}(?:guardian|parent|parents|legal guardian)\b"
    # the consent a parent gives for a child (COPPA § 312.5): "we ask the adult to give verifiable parental consent"
    r"|\b(?:verifiable|prior|written)\s{1,3}parental\s{1,3}consent\b"
    # "call recordings if you call us and agree to be recorded"
    r"|\bif you\b(?:\s{1,3}[\w'-]{1,20}){1,4}?\s{1,3}agree to be\b"
    # "If you have said we may, we send you our newsletter"
    r"|\bif you(?: have|'ve)? (?:said|told us) (?:that )?(?:we|you) (?:may|can|would like|want)\b"
)

_BASES = {
    # consent, also as the condition of a use: "if you agreed, to send you product updates"
    "consent": _article("a") + r"|\bconsent|\bif you (?:have )?agreed\b|\bif you agree to (?:receive|get|us)\b|\bwith your (?:permission|agreement)\b"
               + "|" + _CONSENT_IF,
    "contract": _article("b") + r"|\bperformance of (?:a|the|our) contract|\bnecessary (?:for|to perform) (?:a|the|our) contract|\bcontractual necessity",
    "legitimate interests": _article("f") + r"|\blegitimate interests?",
    "legal obligation": _article("c") + r"|\blegal obligations?|\bcompl(?:y|iance) with (?:a |our |the )?(?:law|legal)",
    "vital interests": _article("d") + r"|\bvital interests?",
    # the conditions of Art. 9(2) GDPR for special categories that are no consent
    "made public": r"\bart(?:icle)?\.?\s{0,2}9\s{0,2}\(2\)\s{0,2}\(e\)|\bmanifestly made public\b",
    "legal claims": r"\bart(?:icle)?\.?\s{0,2}9\s{0,2}\(2\)\s{0,2}\(f\)|\b(?:establishment|exercise|defen[cs]e) of legal claims\b",
    "public interest": _article("e") + r"|\bpublic (?:interest|task)",
}
_ANY = Anchored(re.compile("|".join(f"(?P<b{i}>{p})" for i, p in enumerate(_BASES.values())), re.I), starts=(
    "consent", "performance", "necessary", "contractual", "legitimate", "legal", "compl", "vital", "public", "if", "with", "art",
    "manifestly", "establishment", "exercise", "defen", "you", "obtain", "get", "seek", "ask", "require", "unless", "verifiable", "prior",
    "written",
))
_NAMES = list(_BASES)
_BASIS_WORDS = Anchored(re.compile(r"\blegal bas[ie]s\b|\blawful bas[ie]s\b|\bon the basis of\b|\bbased on\b|\brel(?:y|ies) on\b", re.I), starts=(
    "legal", "lawful", "on", "based", "rel",
))
# Consent made the condition of what a clause does: "With your consent, we use analytics cookies";
# "… and, if you agreed, to send you product updates"; "We ask for your consent before we share …".
_CONSENT_CONDITION = Anchored(re.compile(
    r"\bwith(?:out)? (?:your|their|a user's|the user's|a member's|the member's|a customer's|the customer's|the [A-Za-z]{1,20}'s) (?:prior |explicit |express |written )?(?:consent|permission|agreement)\b"
    # the same in other words: "the law allows us to release your information without first asking you"
    r"|\bwithout\s{1,3}(?:first\s{1,3})?asking\s{1,3}(?:you|them|for\s{1,3}(?:your|their)\s{1,3}(?:consent|permission))\b"
    r"|\b(?:if|once|after|when) you (?:have )?(?:(?:expressly|explicitly|specifically|actively|freely|previously|already) )?(?:agreed|consented)\b"
    r"|\bif you agree to (?:receive|get|us)\b"
    # "only if you have given your consent in the cookie banner"
    r"|\b(?:if|once|after|when|unless) you (?:have )?(?:given|give) (?:us )?your\s{1,3}(?:[\w-]{1,20},?\s{1,3}){0,3}?(?:consent|permission)\b"
    "|" + _CONSENT_IF +
    # "We ask for your consent before we share …"
    r"|\b(?:ask|asks|obtain|get|seek|request)\s{1,3}(?:for\s{1,3})?your\s{1,3}(?:prior\s{1,3}|express\s{1,3}|explicit\s{1,3}|written\s{1,3})?(?:consent|permission)(?:\s{1,3}(?:before|to|for)\b|\s{0,3}[,.;])"
    # the same in the passive: "Consent to receive commercial communications is requested separately"
    r"|\bconsent\b[^.;]{0,60}?\b(?:is|are|will\s{1,3}be|shall\s{1,3}be)\s{1,3}(?:requested|obtained|sought|asked\s{1,3}for)\b"
    # the consent named first, then asked for: "wherever we rely on your consent, we ask for it separately"
    r"|\b(?:rely|relies|based)\s{1,3}on\s{1,3}your\s{1,3}(?:[\w-]{1,20}\s{1,3})?consent\b[^.;]{0,40}?\b(?:ask|asks|obtain|obtains|seek|seeks|request|requests)\s{1,3}(?:for\s{1,3})?(?:it|this)\b",
    re.I,
), starts=("with", "if", "once", "after", "when", "ask", "obtain", "get", "seek", "request", "you", "require", "unless", "verifiable", "prior", "written", "consent",
           "rely", "relies", "based"))


# Consent taken as given by another act: "you are deemed to have given your consent", "By using
# the app, you consent to …".
_DEEMED = Anchored(re.compile(
    r"\b(?:deemed|taken|considered|treated)\s{1,3}(?:as\s{1,3})?(?:to\s{1,3}(?:have\s{1,3})?)?(?:given|consented|agreed|accepted)\b[^.;]{0,40}?\b(?:consent|permission)"
    # ("… you are deemed to have consented to its collection")
    r"|\bdeemed\s{1,3}to\s{1,3}(?:have\s{1,3})?consented\b"
    # (consent to what is done with information, not an agreement to pay: "By using the Service, you agree to pay …")
    r"|\bby\s{1,3}(?:accepting|using|continuing|signing\s{1,3}up|registering|downloading|installing|applying|submitting|placing|proceeding)\b[^.;]{0,80}?\byou\s{1,3}"
    r"(?:consent\b|agree\s{1,3}to\s{1,3}(?:the\s{1,3}|our\s{1,3})?(?:[\w-]{1,20}\s{1,3}){0,3}?(?:processing|collection|use|transfers?|sharing|disclosure)\s{1,3}of\b)",
    re.I,
), starts=("deemed", "taken", "considered", "treated", "by"))


# Consent said to be done without: "The law may require us to disclose it without your consent".
WITHOUT_CONSENT = re.compile(r"\bwithout\s{1,3}(?:(?:your|the|their|any|prior|express|explicit|written|a|an|his|her)\s{1,3}){0,3}consent\b", re.I)
_CONSENT_WORD = re.compile(r"\bconsent", re.I)
_ONLY = frozenset(("only", "solely", "exclusively"))


#: Words of the reader's leave that name no legal basis as a word of its topic does ("if you allow it", "if you opt in").
_ASKED_FIRST = frozenset(("allow", "allowed", "opt", "opted", "permission", "agree", "agreed"))


def _bases(text: str) -> set[str]:
    if "ithout" in text and WITHOUT_CONSENT.search(text) is not None:
        # (consent a clause does without names no basis, unless the clause rules that out: "we will
        # not share it without your consent" waits for consent)
        # (nor one that limits doing without it to what the law permits: "We may share it without your
        # consent only where subsection 8(2) of the Act permits it" waits for consent otherwise)
        rest = WITHOUT_CONSENT.sub(" ", text)
        if _CONSENT_WORD.search(rest) is None and not negates(rest) and _ONLY.isdisjoint(plain_words(rest)):
            text = rest
    found = {_NAMES[int(m.lastgroup[1:])] for m in _ANY.finditer(text) if m.lastgroup}
    if "consent" not in found and _CONSENT_CONDITION.search(text) is not None:
        # what waits for the reader's consent rests on it: "we will ask for your permission before
        # using an image of you"
        found.add("consent")
    return found


def _consent_kept(change: ClauseChange, context: Context) -> bool:
    """True when the block a removed clause came from still makes something wait for the reader's
    consent, in its new version (the clause reworded out of the aligner's reach), or is gone whole."""
    text = context.block_text(change, "new")
    return text is None or _CONSENT_CONDITION.search(text) is not None


def judge(change: ClauseChange, context: Context) -> Finding | None:
    """A legal basis named, dropped or replaced."""
    if "legal_basis" not in change.topics and _ASKED_FIRST.isdisjoint(change.vocabulary):
        return None  # (the reader's leave in other words is read too: "If you allow it, the app uses your location")
    if change.kind != "removed" and _DEEMED.search(change.new_text) and not _DEEMED.search(context.block_text(change, "old") or ""):
        # "Your explicit consent shall be requested separately" → "By accepting this Notice, you are
        # deemed to have given your explicit consent": consent taken from an act that is not consent
        # (GDPR Art. 4(11), 7(2): given freely, distinguishable from other matters)
        return change.finding("legal-basis", "material", "Consent is now taken as given by accepting the statement or using the service.")
    if change.kind == "edited" and _CONSENT_CONDITION.search(change.old_text) and not _CONSENT_CONDITION.search(change.new_text) \
            and not _consent_kept(change, context):
        # "Statistics cookies are only set if you have consented …" → "… are activated by default;
        # you can object to their use at any time": whoever the new words name as acting, what
        # waited for the reader's consent no longer does, and nothing in its block waits for it
        return change.finding("legal-basis", "material", "The legal basis no longer names consent.")
    listed = context.list_topic(change)
    if change.reading.actor == "reader" and listed != "purpose" or listed == "rights":
        # "you can object where we rely on legitimate interests" states a right (the rights rule's);
        # an entry of a list of purposes gives each its basis, whoever its last words name ("To
        # tell you about our offers: your consent, which you can withdraw at any time")
        return None
    if change.kind == "removed" and _CONSENT_CONDITION.search(change.old_text) and not _consent_kept(change, context):
        # "Analytics cookies are set only if you have given your consent" gone, its block now
        # saying "… are set when you visit our website; you may refuse them": what waited for the
        # reader's consent happens anyway
        return change.finding("legal-basis", "material", "The legal basis no longer names consent.")
    old, new = _bases(change.old_text), _bases(change.new_text)
    if change.kind != "edited" and old != new:
        # a clause of a block that stays, removed or added: the bases the block still names (or
        # already named) are the same bases, in a sentence reworded out of the aligner's reach
        other = context.block_text(change, "new" if change.kind == "removed" else "old")
        if other is not None:
            kept = _bases(other)
            old, new = old - kept, new - kept
    if old == new:
        return None
    # (under a heading about legal bases every clause speaks of one: "Contract. We use your account
    # details because this is necessary to perform our contract with you")
    speaks = _BASIS_WORDS.search(change.old_text) or _BASIS_WORDS.search(change.new_text) or any(map(_BASIS_WORDS.search, change.section[-1:]))
    if not speaks and not (old and new):
        if change.kind == "edited" and new - old == set() and "consent" in old - new and _CONSENT_CONDITION.search(change.old_text):
            # the clause no longer waits for the reader's consent: what it does now happens anyway
            return change.finding("legal-basis", "material", "The legal basis no longer names consent.")
        return None
    came, gone = sorted(new - old), sorted(old - new)
    parts = []
    if came:
        parts.append("now names " + ", ".join(came))
    if gone:
        parts.append("no longer names " + ", ".join(gone))
    return change.finding("legal-basis", "material", f"The legal basis {' and '.join(parts)}.")
