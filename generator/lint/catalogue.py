"""The checks: what GDPR, CCPA/CPRA and CalOPPA require a privacy statement to say.

Each check is written from the text of the law it cites, and recognises the requirement rather than
one wording: a right to data portability is as often written "receive your data in a structured,
commonly used and machine-readable format" as named. A *phrasing* is one way of meeting a
requirement, recognised within one sentence (see ``model.Phrasing``). Check ids are a contract:
configuration (``lint: ignore``), JSON output and pull-request reports name them.

Sources: Regulation (EU) 2016/679 (GDPR) Art. 13 and 14; California Civil Code §§ 1798.100–1798.135
(CCPA as amended by the CPRA) and the CCPA Regulations, 11 CCR § 7011 (privacy policy); California
Business and Professions Code § 22575 (CalOPPA).
"""

from __future__ import annotations

import datetime as dt
import re

from ..patterns import LazyPattern
from .engine import LintDocument, Passage, evidence, find, first, generic, where
from .model import Check, CheckResult, LintContext, Phrasing

__all__ = ["CHECKS", "CHECK_IDS", "check_by_id"]


def rx(*alternatives: str) -> LazyPattern:
    """One case-insensitive pattern from alternatives, compiled when a check first searches with it.

    Most are never searched in one run: only the checks of the configured regimes run, and a
    check stops at its first phrasing that matches, so a later phrasing's patterns are not needed.
    """
    return LazyPattern("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)


def P(name: str, example: str, text: list[str] | str, near: list[str] | str = (), sections: str | None = None,  # noqa: N802
      unless: str | None = None) -> Phrasing:
    """A phrasing: every ``text`` pattern in the sentence, every ``near`` pattern in it or its context."""
    text = [text] if isinstance(text, str) else text
    near = [near] if isinstance(near, str) else list(near)
    return Phrasing(name, example, tuple(rx(t) for t in text), tuple(rx(n) for n in near), rx(sections) if sections else None,
                    rx(unless) if unless else None)


# --- vocabulary shared by several checks ------------------------------------------------------

#: the reader's personal data, however it is called
DATA_NOUN = (
    r"\b(?:personal (?:data|information|details)|(?:your|the|this|that|such|their|any) (?:personal )?(?:data|information|details)"
    r"|data (?:we hold|about you)|information (?:we hold|about you)|your account)\b"
)
#: … or a pronoun standing for it in a sentence about it ("ask us to correct or delete it")
DATA = DATA_NOUN + r"|\bit\b|\bthem\b"
#: a sentence about the reader's own obligations ("You agree not to disclose …") states none of ours
YOU_PROMISE = r"^\W*(?:you|users?|customers?)\b (?:\w+ ){0,2}(?:agree|promise|must|shall|will|may not|are responsible|represent|warrant)"
#: in the sentence itself: any data, information or details, or a pronoun for them
DATA_HERE = r"\b(?:data|information|details|records|it|them)\b"
#: the reader can ask for something: a right, a request, a "you may"
ASK = (
    r"\b(?:rights?|ask(?:s|ing)? (?:us|for|that|to|whether|what)|request(?:s|ing)? (?:that|to|us|a|an|access|the|it|them|this|deletion|correction)|"
    r"you (?:can|may|are entitled)|entitled|let us know|"
    r"contact us|write to us|e-?mail us|require us|have us)\b"
)
EMAIL = r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
#: a postal address: a street with a number, or a postcode (UK, US ZIP, continental four/five digits)
POSTAL = (
    r"\b\d{1,5}[a-z]?,? (?:[A-Z][\w'-]* ){0,3}(?:street|st|road|rd|lane|ln|avenue|ave|boulevard|blvd|way|drive|dr|place|pl|"
    r"square|sq|court|ct|strasse|straße|str|platz|weg|gasse|allee|rue|via|calle|suite|floor)\b"
    r"|\b(?:straße|strasse|str\.|weg|platz|gasse|allee|rue|via|calle) \d{1,5}\b"
    r"|\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b|\b[A-Z]{2} \d{5}(?:-\d{4})?\b|\b\d{4,5} [A-Z][a-zäöüéè]+\b|\bP\.?O\.? Box \d+"
)
PHONE = r"(?:\+\d[\d ()-]{7,}\d|\(\d{3}\) ?\d{3}-\d{4}|\b1-\d{3}-\d{3}-\d{4}\b|\btoll[- ]free\b)"
CONTACT_MEANS = rf"{EMAIL}|{POSTAL}|{PHONE}|\b(?:contact|web|online|request) form\b|https?://\S+|\bwww\.\S+"
COMPANY = (
    r"\b[A-Z][\w&'.-]*(?: [A-Z][\w&'.-]*){0,4},? (?:Ltd|Limited|GmbH|AG|Inc|Incorporated|LLC|L\.L\.C|LLP|plc|PLC|"
    r"S\.A\.S?|SAS|SARL|S\.à r\.l|S\.r\.l|S\.p\.A|B\.V|BV|N\.V|Oy|AB|A/S|ApS|AS|SE|Corp|Corporation|Pty|K\.K)\b\.?|\b[A-Z][\w&'.-]*(?: [A-Z][\w&'.-]*){0,4},? Co\.(?!\w)"
)
CHILDREN = r"\bchild|\bminor|\bkids?\b|\bunder (?:13|16|18)\b"
NOT_SELL = (
    r"\b(?:do(?:es)? not|don't|doesn't|never|will not|won't|have not|haven't|has not|did not|didn't)\b"
    r" (?:\w+ ){0,3}(?:sell|sold|rent|trade)"
)
#: statutory categories of personal information, Cal. Civ. Code § 1798.140(v)(1)
CCPA_CATEGORIES = (
    r"\bidentifiers\b", r"\bcommercial information\b", r"\binternet (?:or other (?:similar |electronic )?(?:network )?)?activity",
    r"\b(?:precise )?geolocation data\b", r"\bprofessional or employment", r"\binferences\b",
    r"\bbiometric information\b", r"\baudio, electronic, visual", r"\beducation(?:al)? information\b",
    r"\bcustomer records\b", r"\bprotected classification",
)
#: categories of sensitive personal information, § 1798.140(ae)
SENSITIVE = (
    r"\bsocial security\b", r"\bdriver'?s licen[cs]e\b", r"\bpassport\b", r"\baccount log-?in\b", r"\bprecise geolocation\b",
    r"\bracial or ethnic\b", r"\breligious or philosophical\b", r"\bunion membership\b", r"\bgenetic data\b",
    r"\bbiometric\b", r"\bhealth\b", r"\bsex life\b|\bsexual orientation\b", r"\bcontents of (?:your |a consumer's )?(?:mail|e-?mail|text)",
)
_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "forty-five": 45, "forty": 40, "sixty": 60, "ninety": 90,
}


# --- custom evaluations -----------------------------------------------------------------------


def _pass(check: Check, document: LintDocument, passage: Passage, reason: str, phrasing: str | None = None) -> CheckResult:
    return CheckResult(check, "pass", reason, evidence(passage, document), phrasing)


_CONTROLLER_NAMED = [
    P("the controller named", "Fernhill Labs Ltd. is the controller of your personal data.",
      [r"\b(?:data )?controller\b|\bresponsible (?:party |entity )?for (?:the )?(?:processing|your (?:personal )?(?:data|information))"
       r"|\bVerantwortliche"],
      sections=None),
    P("a company introducing itself", "Kestrel Analytics GmbH (\"Kestrel\", \"we\") provides …",
      [COMPANY, r"\b(?:we|us|our)\b|\bprovides?\b|\boperates?\b|\bmakes?\b|\bruns?\b"]),
    P("a company named in a contact section", "Fernhill Labs Ltd., 14 Quarry Lane, Bristol",
      [COMPANY], sections=r"contact|who we are|about us|controller|imprint|address"),
]
_CONTACT = [
    P("an e-mail address", "Email: privacy@fernhill.example", [EMAIL]),
    P("a postal address", "14 Quarry Lane, Bristol BS1 4XY", [POSTAL]),
    P("a telephone number", "call us toll-free at 1-800-555-0199", [PHONE]),
    P("a contact form or page", "use the contact form at https://…", [r"\b(?:contact|web|online|request) form\b|https?://\S+|\bwww\.\S+"],
      near=r"\bcontact|\bquestion|\breach|\bwrite|\bsubmit|\brequest"),
]


def _controller(check: Check, document: LintDocument, context: LintContext) -> CheckResult:
    identity = first(document, _CONTROLLER_NAMED)
    contact = first(document, _CONTACT)
    if identity and contact:
        phrasing, passage = identity
        return _pass(check, document, passage,
                     f"Found {phrasing.name} in {where(passage)}, and {contact[0].name} to reach it in {where(contact[1])}.",
                     phrasing.name)
    if identity:
        return CheckResult(check, "fail", f"The controller is named ({where(identity[1])}) but no way to contact it was found: "
                           "give an e-mail address, a postal address or a contact form.", evidence(identity[1], document), identity[0].name)
    return CheckResult(check, "fail", f"Not found: {check.looks_for}")


_DPO_NAMED = P("a data protection officer", "Our data protection officer can be reached at dpo@…",
               [r"\bdata protection officer\b|\bDPO\b|\bDatenschutzbeauftragte|\bprivacy officer\b"])
_NO_DPO = P("a statement that no DPO is appointed", "We have not appointed a data protection officer, as we are not required to.",
            [r"\bdata protection officer\b|\bDPO\b", r"\b(?:not|no|neither)\b (?:\w+ ){0,4}(?:appoint|designat|required|need)"])


def _dpo(check: Check, document: LintDocument, context: LintContext) -> CheckResult:
    none = first(document, [_NO_DPO])
    if none:
        return _pass(check, document, none[1], f"Found {_NO_DPO.name} in {where(none[1])} (Art. 37 applies only to some controllers).", _NO_DPO.name)
    for phrasing, passage in find(document, [_DPO_NAMED]):
        if re.search(CONTACT_MEANS, passage.text, re.IGNORECASE):
            return _pass(check, document, passage, f"Found {phrasing.name} with contact details in {where(passage)}.", phrasing.name)
        # the contact details often follow the name in the same section: "Data protection officer" / "dpo@…"
        same_section = [p for p in document.passages if p.section == passage.section and p.block >= passage.block]
        for other in same_section[:4]:
            if re.search(CONTACT_MEANS, other.text, re.IGNORECASE):
                return _pass(check, document, passage, f"Found {phrasing.name} in {where(passage)}, with contact details next to it.", phrasing.name)
    for passage in document.passages:
        if re.search(r"data protection officer|\bDPO\b|Datenschutzbeauftragte", passage.context, re.IGNORECASE) and re.search(CONTACT_MEANS, passage.text, re.IGNORECASE):
            return _pass(check, document, passage, f"Found contact details under {where(passage)}, a data protection officer's heading.", "a data protection officer")
    named = first(document, [_DPO_NAMED])
    if named:
        return CheckResult(check, "warn", f"A data protection officer is mentioned ({where(named[1])}) without contact details: "
                           "Art. 13(1)(b) asks for the DPO's contact details.", evidence(named[1], document), named[0].name)
    return CheckResult(check, "warn", "No data protection officer found. Where one is appointed (Art. 37), give their contact "
                       "details; where none is required, saying so removes this warning.")


_BASES = (r"\bcontract|\bconsent\b|\bopted in\b|\bopt(?:s)? in\b|\blegitimate interest|\blegal obligation|\bvital interest|\bpublic (?:task|interest)"
          r"|\b(?:the )?law requires|\brequired by law|\blegally (?:required|obliged)")
_LEGAL_BASIS = [
    P("a basis named in a section on legal bases", "## Why we are allowed to use your data … necessary for the contract with your employer",
      [_BASES], sections=r"\bbas[ie]s\b|\blawful|\blegal grounds?|\ballowed to (?:use|process)|\bentitled to (?:use|process)|\bRechtsgrundlage"),
    P("a basis in a table or list headed by the legal question", "| What we do | Why we are allowed to | … | it is necessary for our contract with you |",
      [_BASES], near=r"\ballowed to\b|\b(?:legal|lawful) bas[ie]s\b|\blegal grounds?\b|\bwhy we (?:may|can)\b"),
    P("legal bases named", "The legal basis for this processing is our contract with you (Art. 6(1)(b) GDPR).",
      [r"\b(?:legal|lawful) (?:basis|bases|grounds?)\b|\bgrounds? for (?:processing|using|the processing)\b|\bRechtsgrundlage"]),
    P("an article of the GDPR cited", "… under Article 6(1)(f) GDPR", [r"\bArt(?:icle|\.)?\s*6\s*(?:\(1\)|para)|\bArt(?:icle|\.)?\s*6\b.{0,20}\bGDPR\b|\bArt(?:icle|\.)?\s*9\s*\(2\)"]),
    P("processing necessary for a contract", "We process this information because it is necessary to perform our contract with you.",
      [r"\bnecessary (?:for|to|in order to) (?:the )?(?:perform|performance of|fulfil|fulfill|provide|enter(?:ing)? into|take steps)\b.{0,60}\b(?:contract|agreement|terms)\b"]),
    P("processing based on consent or a legal obligation", "… based on your consent; … to comply with a legal obligation",
      [r"\b(?:on the basis of|based on|rely on|relying on|with|where (?:we have|you (?:have )?(?:give|given)))\b (?:\w+ ){0,2}(?:your )?consent\b"
       r"|\b(?:necessary|required) (?:for|to) (?:comply|compliance) with (?:a |our |the )?legal obligations?"
       r"|\bcompl(?:y|ies|iance) with (?:a |our |the )?legal obligations?\b"],
      near=r"\bprocess|\buse\b|\bbasis|\brely"),
]
_LEGIT_NAMED = P("legitimate interests", "", [r"\blegitimate (?:business )?interests?\b|\bberechtigte[ns]? Interesse"])
_LEGIT_DESCRIBED = [
    P("the interest stated", "… our legitimate interest in keeping the service secure.",
      [r"\blegitimate (?:business )?interests? (?:in|of|to|namely|such as|including|which (?:is|are)|that (?:is|are))\b\s*"
       r"(?!(?:the )?(?:data|processing|doing|so|this|that|it|such)\b)\w+"]),
    P("legitimate interests with a purpose in the same sentence", "… where necessary for our legitimate interests, for example to prevent fraud.",
      [r"\blegitimate (?:business )?interests?\b",
       r"\b(?:secur|fraud|abus|spam|improv|analy[sz]|market|advertis|prevent|protect|defen[cd]|claims?\b|develop|operat|maint|"
       r"understand|measur|statistic|debug|troubleshoot|network|IT\b|integrity|recover)"]),
    P("interests listed after a legitimate-interests introduction", "Where we rely on legitimate interests, these are: - keeping our systems secure",
      [r"\b(?:secur|fraud|abus|spam|improv|analy[sz]|market|advertis|prevent|protect|defen[cd]|claims?\b|develop|operat|"
       r"maint|understand|measur|statistic|debug|troubleshoot|integrity|recover)"],
      near=r"\blegitimate (?:business )?interests?\b", unless=r"\blegitimate (?:business )?interest"),
]


def _legitimate_interests(check: Check, document: LintDocument, context: LintContext) -> CheckResult:
    described = first(document, _LEGIT_DESCRIBED)
    if described:
        phrasing, passage = described
        return _pass(check, document, passage, f"Found {phrasing.name} in {where(passage)}.", phrasing.name)
    named = first(document, [_LEGIT_NAMED])
    if named:
        return CheckResult(check, "fail", f"Legitimate interests are named as a basis ({where(named[1])}) but not which interests: "
                           "Art. 13(1)(d) asks for the interests pursued (e.g. security, fraud prevention).", evidence(named[1], document), named[0].name)
    basis = first(document, _LEGAL_BASIS)
    if basis:
        return _pass(check, document, basis[1], f"The legal bases given ({where(basis[1])}) do not include legitimate interests, "
                     "so there are none to describe; confirm that no processing relies on them.", "legal bases without legitimate interests")
    return CheckResult(check, "fail", "No legal basis is given, so it cannot be told whether processing relies on legitimate "
                       "interests; state the legal bases, and for legitimate interests the interests pursued.")


_TRANSFER = [
    P("a transfer outside the EEA or UK", "When we transfer personal information outside the United Kingdom …",
      [r"\b(?:transfer|stor|process|host|access|sen[dt])\w*\b.{0,100}\b(?:outside|beyond)\b (?:of )?(?:the )?(?:EEA|European Economic Area|EU\b|European Union|UK\b|United Kingdom|Switzerland|Europe|your country)"
       r"|\bthird countr|\binternational (?:data )?transfers?\b|\btransfer\w*\b.{0,80}\b(?:internationally|other countries|to (?:the )?(?:United States|US|USA|India|countries))"
       r"|\b(?:data cent(?:re|er)s?|servers?|stored|hosted|processed)\b.{0,60}\b(?:in|to) (?:the )?(?:United States|US\b|USA|U\.S\.)"]),
]
_SAFEGUARD = [
    P("standard contractual clauses or another safeguard", "… we rely on the standard contractual clauses approved by the European Commission.",
      [r"\bstandard (?:contractual|data protection) clauses\b|\bSCCs?\b|\bmodel clauses\b|\badequacy (?:decision|regulations?|finding)\b|\bbinding corporate rules\b|\bBCRs?\b"
       r"|\bData Privacy Framework\b|\bInternational Data Transfer (?:Agreement|Addendum)\b|\bIDTA\b|\bUK Addendum\b|\bArt(?:icle|\.)?\s*4[5-9]\b"
       r"|\bappropriate (?:or suitable )?safeguards\b|\bdeemed (?:to provide )?adequate\b|\badequate (?:level of )?(?:data )?protection\b"],
      unless=r"\bnot (?:\w+ ){0,3}(?:adequate|safeguard)|\bno (?:adequacy|safeguard)|\bwithout (?:\w+ ){0,2}(?:safeguard|adequa)"),
    P("a derogation for a specific transfer", "Such transfers are necessary to perform the contract we have with you.",
      [r"\btransfers?\b", r"\bnecessary (?:for|to)\b (?:\w+ ){0,3}(?:contract|legal claims|important reasons of public interest|vital interests)"
       r"|\bexplicit(?:ly)? consent\b"]),
]
_NO_TRANSFER = [
    P("a statement that data stays in the EEA or UK", "We store and process your data only within the European Union.",
      [r"\b(?:only|exclusively|solely)\b.{0,40}\b(?:within|in(?:side)?)\b (?:the )?(?:EEA|European Economic Area|EU\b|European Union|UK\b|United Kingdom|Germany|Europe)"
       r"|\b(?:do not|don't|never|will not|won't)\b (?:\w+ ){0,2}transfer\w*\b.{0,60}\b(?:outside|beyond)\b"
       r"|\bnever leaves? (?:the )?(?:EEA|EU\b|European Union|UK\b|United Kingdom|Europe)"]),
]


def _transfers(check: Check, document: LintDocument, context: LintContext) -> CheckResult:
    safeguard = first(document, _SAFEGUARD)
    if safeguard:
        return _pass(check, document, safeguard[1], f"Found {safeguard[0].name} in {where(safeguard[1])}.", safeguard[0].name)
    stays = first(document, _NO_TRANSFER)
    transfer = first(document, _TRANSFER)
    if stays and not transfer:
        return _pass(check, document, stays[1], f"Found {stays[0].name} in {where(stays[1])}: no transfer to a third country.", stays[0].name)
    if transfer:
        return CheckResult(check, "fail", f"A transfer outside the EEA/UK is described ({where(transfer[1])}) without its safeguard: "
                           "name the adequacy decision, standard contractual clauses or other Art. 46 safeguard, and how to get a copy.",
                           evidence(transfer[1], document), transfer[0].name)
    return CheckResult(check, "fail", "Nothing says whether personal data leaves the EEA/UK. If it does, name the country or "
                       "region and the safeguard (adequacy decision, standard contractual clauses); if it does not, say so.")


_SELLS = [
    P("a statement that it does not sell", "We do not sell or share your personal information.", [NOT_SELL], near=rf"{DATA}|\bdata\b|\binformation\b"),
    P("a statement that it sells or shares", "In the past 12 months we have sold or shared the following categories …",
      [r"\b(?:sell|sold|sale of)\b"], near=r"\bpersonal information\b|\bcategor"),
]
_CPRA_SHARE = rx(
    r"\bsell(?:s|ing)? or shar|\bsold or shared|\bsale or shar|\bcross-context\b|\bbehaviou?ral advertising\b|\btargeted advertising\b"
    r"|\b(?:shar|giv|pass|provid|disclos)(?:e|es|ing|ed|en)?\b.{0,60}\b(?:advertis|ad partners|ad networks)"
)


def _sold_shared(check: Check, document: LintDocument, context: LintContext) -> CheckResult:
    # the best evidence speaks of selling and of sharing in one sentence
    both = next((p for p in document.passages if p.kind != "row" and re.search(r"\b(?:sell|sold|sale)", p.text, re.IGNORECASE)
                 and _CPRA_SHARE.search(p.text)), None)
    if both is not None:
        return _pass(check, document, both, f"Found a statement on selling and sharing in {where(both)}.", "a statement on selling and sharing")
    hit = first(document, _SELLS)
    if hit is None:
        return CheckResult(check, "fail", f"Not found: {check.looks_for}")
    phrasing, passage = hit
    shared = next((p for p in document.passages if _CPRA_SHARE.search(p.text)), None)
    if shared is None:
        return CheckResult(check, "warn", f"Found {phrasing.name} in {where(passage)}, but nothing on 'sharing' for cross-context "
                           "behavioral advertising, which the CPRA added (§ 1798.120, § 1798.140(ah)).", evidence(passage, document), phrasing.name)
    return _pass(check, document, passage, f"Found {phrasing.name} in {where(passage)}.", phrasing.name)


_NOT_SHARE = rx(r"\b(?:do(?:es)? not|don't|doesn't|never|will not|won't|have not|haven't|has not)\b (?:\w+ ){0,3}(?:shar|giv|pass|provid|disclos)\w*\b")


def _no_sale(document: LintDocument) -> Passage | None:
    """The sentence saying there is no sale, when the statement also says there is no sharing for advertising."""
    no_sale = None
    no_share = False
    for passage in document.passages:
        if re.search(NOT_SELL, passage.text, re.IGNORECASE):
            no_sale = no_sale or passage
            if _CPRA_SHARE.search(passage.text + " " + passage.context):
                return passage
        if _NOT_SHARE.search(passage.text) and _CPRA_SHARE.search(passage.text):
            no_share = True
    return no_sale if no_sale is not None and no_share else None


def _when_not_selling():
    """A right that only exists when a business sells or shares: met by explaining it, or by saying there is no sale."""
    def evaluate(check: Check, document: LintDocument, context: LintContext) -> CheckResult:
        result = generic(check, document, context)
        if result.status == "pass":
            return result
        no_sale = _no_sale(document)
        if no_sale is not None:
            return _pass(check, document, no_sale, f"Not applicable: the statement says it does not sell or share personal information ({where(no_sale)}).",
                         "a statement that it does not sell or share")
        return result
    return evaluate


_NO_SENSITIVE = P("a statement that it does not collect or use sensitive personal information",
                  "We do not collect sensitive personal information.",
                  [r"\bsensitive personal information\b", r"\b(?:do not|don't|never|will not|won't|only)\b"])


_SENSITIVE_ONLY = P("sensitive information used only for the service", "We use precise geolocation only to show tutors near you.",
                    ["|".join(SENSITIVE), r"\bonly (?:to|for)\b|\bsolely (?:to|for)\b"], near=r"\buse|\bprocess")


def _right_limit(check: Check, document: LintDocument, context: LintContext) -> CheckResult:
    result = generic(check, document, context)
    if result.status == "pass":
        return result
    only = first(document, [_SENSITIVE_ONLY])
    if only:
        return _pass(check, document, only[1], f"Not applicable: {_SENSITIVE_ONLY.name} ({where(only[1])}), a purpose "
                     "§ 1798.121(a) and 11 CCR § 7027(m) allow; confirm no other use.", _SENSITIVE_ONLY.name)
    none = first(document, [_NO_SENSITIVE])
    if none:
        return _pass(check, document, none[1], f"Not applicable: {_NO_SENSITIVE.name} ({where(none[1])}), beyond the purposes "
                     "§ 1798.121(d) allows.", _NO_SENSITIVE.name)
    return result


def _sensitive(check: Check, document: LintDocument, context: LintContext) -> CheckResult:
    result = generic(check, document, context)
    if result.status == "pass":
        return result
    # categories of § 1798.140(ae) in sentences about collecting or using them (or right after one)
    seen: dict[str, Passage] = {}
    for passage in document.passages:
        if not re.search(r"\bcollect|\bprocess|\buse\b|\bneed|\bhold|\bgive us|\btell us|\bask (?:you )?for|\brecord",
                         passage.text + " " + passage.context, re.IGNORECASE):
            continue
        for category in SENSITIVE:
            if category not in seen and re.search(category, passage.text, re.IGNORECASE):
                seen[category] = passage
    if seen:
        passage = next(iter(seen.values()))
        count = f"{len(seen)} categories" if len(seen) > 1 else "a category"
        return _pass(check, document, passage, f"Found {count} of sensitive personal information (§ 1798.140(ae)) "
                     f"collected, the first in {where(passage)}; confirm the statement says how it is used.",
                     "categories of sensitive personal information listed")
    return result


def _categories_collected(check: Check, document: LintDocument, context: LintContext) -> CheckResult:
    result = generic(check, document, context)
    if result.status == "pass":
        return result
    seen: list[tuple[str, Passage]] = []
    for passage in document.passages:
        for category in CCPA_CATEGORIES:
            if category not in [c for c, _ in seen] and re.search(category, passage.text, re.IGNORECASE):
                seen.append((category, passage))
    if len(seen) >= 3:
        passage = seen[0][1]
        return _pass(check, document, passage, f"Found {len(seen)} of the statutory categories of § 1798.140(v) named, the first in {where(passage)}.",
                     "the statutory categories named")
    return result


_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)? (?:January|February|March|April|May|June|July|August|September|October|November|December)\.?,? \d{4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b",
    re.IGNORECASE,
)
_EFFECTIVE = [
    P("an effective date", "Effective date: January 15, 2027",
      [r"\beffective\b|\bin (?:force|effect)\b|\btakes? effect\b|\bapplies (?:from|since)\b|\bgültig|\bStand\b", _DATE.pattern]),
    P("a last-updated date", "Last updated: 1 March 2026",
      [r"\blast (?:updated|revised|modified|changed|amended|reviewed)\b|\b(?:updated|revised|amended) (?:on|as of)\b|\bversion (?:of|dated)\b|\bdated\b", _DATE.pattern]),
]


def _effective_date(check: Check, document: LintDocument, context: LintContext) -> CheckResult:
    hit = first(document, _EFFECTIVE)
    if hit is None:
        return CheckResult(check, "fail", f"Not found: {check.looks_for}")
    phrasing, passage = hit
    if context.effective is not None:
        from ..model import parse_human_date

        match = _DATE.search(passage.text)
        stated = parse_human_date(match.group(0)) if match else None
        if stated is not None and phrasing.name == "an effective date" and stated != context.effective:
            return CheckResult(check, "warn", f"The text says the statement is effective {stated}, but its front-matter says "
                               f"{context.effective}: make them agree.", evidence(passage, document), phrasing.name)
    return _pass(check, document, passage, f"Found {phrasing.name} in {where(passage)}.", phrasing.name)


_NOTIFY = (r"\b(?:notify|notifi|inform(?!ation)|tell|announce|let you know|alert|e-?mail|post|publish|display|message|update the|show)\w*"
           r"|\b(?:give|send|provide|put up|display|post)\w* (?:\w+ ){0,2}notice\b|\bnotice (?:of|on|to|at|in|by|before)\b")
_NO_NOTICE = (r"\bwithout (?:any )?(?:prior |advance |further )?(?:notice|notif)"
              r"|\blast (?:changed|updated|revised|modified|amended)\b(?: on)?:? (?:\d|[A-Z][a-z]+ \d)")
_CHANGE = r"\bchang|\bupdat|\brevis|\bamend|\bmodif"
_CHANGES = [
    P("how changes are announced", "If we make a material change, we will announce it here and by email at least 30 days before it takes effect.",
      [_NOTIFY], sections=r"\bchang|\bupdat|\brevis|\bamend|\bmodif", unless=_NO_NOTICE),
    P("how changes to the policy are announced", "We will post any changes to this privacy policy on this page.",
      [_NOTIFY, r"\b(?:chang|updat|revis|amend|modif)\w* (?:to |of |in )?(?:this|our|the) (?:privacy )?(?:statement|policy|notice)\b"
       r"|\b(?:this|our|the) (?:privacy )?(?:statement|policy|notice)\b (?:\w+ ){0,4}(?:chang|updat|revis|amend|modif)"], unless=_NO_NOTICE),
]
_PERIOD = re.compile(
    r"\b(?:at least |no (?:less|fewer) than |a minimum of |minimum |)(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|fifteen|twenty|thirty|forty-five|forty|sixty|ninety)"
    r"[- ](?:calendar |business |working )?(?P<unit>days?|weeks?|months?)\b",
    re.IGNORECASE,
)
_IMMEDIATE = re.compile(r"\b(?:effective|take effect|apply|valid)\w* (?:immediately|upon posting|when (?:we )?post|as soon as (?:they are |it is )?posted)", re.IGNORECASE)


def _promised_days(text: str) -> int | None:
    match = _PERIOD.search(text)
    if match is None:
        return 0 if _IMMEDIATE.search(text) else None
    raw = match.group("n").lower()
    number = int(raw) if raw.isdigit() else _WORD_NUMBERS.get(raw, 0)
    unit = match.group("unit").lower()
    return number * (7 if unit.startswith("week") else 30 if unit.startswith("month") else 1)


def _changes(check: Check, document: LintDocument, context: LintContext) -> CheckResult:
    hits = find(document, _CHANGES)
    if not hits:
        return CheckResult(check, "fail", f"Not found: {check.looks_for}")
    phrasing, passage = hits[0]
    # The promise is in the changes clause: the sentences of the section the first hit stands in.
    clause = [p for p in document.passages if p.section == passage.section] if passage.section else [passage]
    for candidate in clause:
        days = _promised_days(candidate.text)
        if days is None:
            continue
        notice = context.notice_days
        if notice and days < notice:
            return CheckResult(check, "fail", f"The changes clause promises {days} days' notice ({where(candidate)}), less than the "
                               f"site's notice_days of {notice}: readers are told less than the site gives; say at least {notice} days.",
                               evidence(candidate, document), phrasing.name)
        if notice is not None and days > notice:
            return CheckResult(check, "warn", f"The changes clause promises {days} days' notice ({where(candidate)}), but "
                               f"statement check enforces only notice_days: {notice}; set notice_days to {days} so the gate keeps the promise.",
                               evidence(candidate, document), phrasing.name)
        return _pass(check, document, candidate, f"Found {phrasing.name} with {days} days' notice in {where(candidate)}"
                     + (f", matching notice_days ({notice})." if notice else "."), phrasing.name)
    return _pass(check, document, passage, f"Found {phrasing.name} in {where(passage)} (no notice period stated).", phrasing.name)


def _updated_12_months(check: Check, document: LintDocument, context: LintContext) -> CheckResult:
    history = context.history
    if history is None or (not history.versions and history.reviewed is None):
        return CheckResult(check, "warn", "No git history to tell when the statement was last updated or reviewed; lint it inside "
                           "the repository that publishes it.")
    since = context.as_of - dt.timedelta(days=365)
    dates: list[tuple[dt.date, str]] = []
    for effective, published in history.versions:
        if published <= context.as_of:
            dates.append((published, f"version effective {effective} published on {published}"))
    if history.last_commit is not None and history.last_commit <= context.as_of:
        dates.append((history.last_commit, f"last committed change on {history.last_commit}"))
    if history.reviewed is not None and history.reviewed <= context.as_of:
        dates.append((history.reviewed, f"reviewed on {history.reviewed} (front-matter 'reviewed')"))
    if not dates:
        return CheckResult(check, "fail", f"No version is published on or before {context.as_of}.")
    latest, what = max(dates)
    from .model import Evidence

    proof = Evidence(("History",), what)
    if latest >= since:
        return CheckResult(check, "pass", f"The history shows a {what}, within 12 months of {context.as_of}.", proof, "git history")
    return CheckResult(check, "fail", f"The latest update or review is the {what}, more than 12 months before {context.as_of}: "
                       "§ 1798.130(a)(5) asks for an update at least once every 12 months. Publish a new version, or record a review "
                       "with 'reviewed: YYYY-MM-DD' in the front-matter.", proof, "git history")


def _all_of(*groups: tuple[str, list[Phrasing]]):
    """A check met when every named part is found; the evidence is the first part's."""
    def evaluate(check: Check, document: LintDocument, context: LintContext) -> CheckResult:
        found = []
        for label, phrasings in groups:
            hit = first(document, phrasings, exclude=check.exclude_sections)
            if hit is None:
                missing = label
                partial = f" ({', '.join(f'{lbl} in {where(p)}' for lbl, _, p in found)} found)" if found else ""
                return CheckResult(check, "fail", f"Not found: {missing}{partial}. {check.looks_for[0].upper()}{check.looks_for[1:]}",
                                   evidence(found[0][2], document) if found else None)
            found.append((label, hit[0], hit[1]))
        label, phrasing, passage = found[0]
        parts = "; ".join(f"{lbl} in {where(p)}" for lbl, _, p in found)
        return _pass(check, document, passage, f"Found {parts}.", phrasing.name)
    return evaluate


# --- phrasings reused across regimes ---------------------------------------------------------

PURPOSES = (
    P("a section on how information is used", "## How we use information", [r"\w+"],
      sections=r"\b(?:how|why) (?:we|do we) (?:use|process|need)|\buse of (?:your )?(?:personal )?(?:information|data)|\bpurposes?\b|\bwhat we do with"),
    P("what the data is used for", "We use the information we collect to provide, maintain and secure the service.",
      [r"\b(?:we|us)\b (?:\w+ ){0,3}(?:use|process|collect|need)\w*\b (?:\w+ ){0,6}(?:to|for|so that|in order to)\b",
       r"\bdata\b|\binformation\b|\bdetails\b"]),
    P("purposes named", "… for the following purposes: …", [r"\bpurposes?\b"], near=r"\bdata\b|\binformation\b|\bprocess|\buse\b"),
)
RECIPIENTS = (
    P("recipients or categories of recipients", "We share it only with service providers who process it on our behalf.",
      [r"\b(?:shar|disclos|transfer|provid|giv|pass|mak)\w*\b.{0,120}\b(?:with|to)\b.{0,80}\b(?:service providers?|processors?|sub-?processors?|vendors?|"
       r"contractors?|suppliers?|partners?|third part(?:y|ies)|affiliates?|subsidiar|group compan|authorities|law enforcement|courts?|regulators?|"
       r"advertis|analytics provider|hosting provider|payment (?:processor|provider)|auditors?|advisers|advisors|lawyers|insurers|buyers?|acquir|"
       r"couriers?|carriers?|shipping|delivery (?:compan|partner|service)|banks?|credit (?:agenc|reference)|airlines?|hotels?|employers?|schools?)"],
      unless=r"^\W*(?:we|you) use\b|" + YOU_PROMISE),
    P("recipients named", "Recipients of your data are …", [r"\brecipients?\b"], near=DATA),
    P("data that goes to someone", "Your order details go to our couriers so they can deliver.",
      [r"\b(?:go(?:es)?|are sent|is sent|are passed|is passed|are given|is given)\b (?:\w+ ){0,2}to\b (?:our|the|their|a|your)?\s?\w+", DATA_HERE + r"|\bdetails\b|\baddress\b"]),
    P("third parties that receive or collect data", "Our advertising partners may collect information about your use of the app.",
      [r"\b(?:third[- ]part(?:y|ies)|partners?|companies|providers?|SDKs?|software development kits?|airlines|hotels|carriers|couriers|authorities)\b",
       r"\b(?:receive|collect|access|process|obtain|get)\w*\b (?:\w+ ){0,4}(?:data|information|details)\b"]),
    P("a statement that no one else receives it", "We do not share your personal data with anyone.",
      [r"\b(?:do not|don't|never|will not|won't)\b (?:\w+ ){0,2}(?:share|disclose|pass on|give)\b"], near=DATA),
)
ACCESS = (
    P("the right of access named", "You have the right of access to your personal data.",
      [r"\bright (?:of|to) (?:\w+ ){0,2}access\b|\baccess rights?\b|\bsubject access\b|\bAuskunft"]),
    P("a copy of the data", "You may ask us for a copy of the personal information we hold about you.",
      [r"\bcop(?:y|ies) of\b (?:(?:it|them)\b|(?:\w+ ){0,3}(?:data|information|details|records)\b)"], near=[ASK]),
    P("access to the data", "You can request access to the personal data we hold about you.",
      [r"\baccess\b.{0,30}(?:" + DATA_NOUN + ")"], near=ASK),
    P("finding out what is held", "You can ask us whether we process data about you and what it is.",
      [r"\b(?:whether|which|what)\b (?:\w+ ){0,3}(?:personal )?(?:data|information)?\b ?(?:\w+ ){0,3}(?:we )?(?:hold|have|process|keep|store|collect|use|disclose)\w*\b"
       r"|\b(?:obtain|get|receive|request)\b (?:\w+ ){0,2}information (?:about|on|regarding|concerning) (?:the |your )?(?:personal )?data"
       r"|\b(?:see|view|know|get)\b (?:\w+ ){0,3}(?:personal )?(?:data|information)\b (?:\w+ ){0,2}(?:we )?(?:hold|have|keep|process)"],
      near=ASK),
)
RECTIFY = (
    P("rectification named", "You have the right to rectification.", [r"\brectif\w*|\bBerichtigung"]),
    P("updating inaccurate data", "If your details are out of date or inaccurate, let us know and we will update them.",
      [r"\b(?:inaccurate|incorrect|incomplete|out of date|outdated|wrong)\b", r"\b(?:update|change|edit|correct|complete|amend|fix)\w*\b"],
      near=[DATA_NOUN + r"|\binformation\b|\bdata\b|\bdetails\b|\banything\b", ASK]),
    P("correcting the data", "… and ask us to correct or delete it.",
      [r"\b(?:correct(?:ed|ing)?|amend(?:ed|ing)?|fix(?:ed)?)\b(?! (?:address|amount|version|one|way|format)\b)", DATA_HERE + r"|\banything\b"],
      near=[ASK]),
)
ERASE = (
    P("erasure named", "You have the right to erasure (\"right to be forgotten\").", [r"\berasure\b|\bto be forgotten\b|\bLöschung|\bright to (?:request )?delet"]),
    P("deleting the data on request", "You can ask us to delete your personal data.",
      [r"\b(?:delet|eras|remov)\w*\b", DATA_HERE + r"|\baccount\b|\bprofile\b"], near=[ASK]),
    P("closing the account deletes it", "When you close your account, we delete your data within 30 days.",
      [r"\b(?:close|delete|cancel|terminate)\w* (?:your|the) account\b", r"\b(?:delet|eras)\w*\b"]),
)


# --- the catalogue ----------------------------------------------------------------------------

_RIGHTS_EXCLUDE = rx(CHILDREN, r"\bsecurity\b")
GDPR = "GDPR Art. 13(1)"
GDPR2 = "GDPR Art. 13(2)"

CHECKS: tuple[Check, ...] = (
    # GDPR: Art. 13 (data collected from the person) and Art. 14 (from elsewhere) ask for the same list.
    Check("gdpr.controller", "gdpr", "Identity and contact details of the controller",
          "GDPR Art. 13(1)(a), Art. 14(1)(a)",
          "who the controller is (a company with its legal form, or a sentence naming the controller) and how to contact it "
          "(e-mail, postal address, telephone or contact form)",
          evaluate=_controller,
          notes=tuple(f"{p.name}: “{p.example}”" for p in _CONTROLLER_NAMED) + tuple(f"contact: {p.name}: “{p.example}”" for p in _CONTACT)),
    Check("gdpr.dpo", "gdpr", "Contact details of the data protection officer",
          "GDPR Art. 13(1)(b), Art. 14(1)(b); Art. 37",
          "a data protection officer with contact details, or a statement that none is appointed; warns (does not fail) when "
          "absent, because a DPO is required only of some controllers",
          absent="warn", evaluate=_dpo,
          notes=(f"{_DPO_NAMED.name} with an e-mail, address, telephone or form in the same sentence or just after it: "
                 "“Our data protection officer can be reached at dpo@example.com.”",
                 "contact details under a heading naming the data protection officer",
                 f"{_NO_DPO.name}: “{_NO_DPO.example}”")),
    Check("gdpr.purposes", "gdpr", "Purposes of the processing", "GDPR Art. 13(1)(c), Art. 14(1)(c)",
          "what the personal data is used for", PURPOSES),
    Check("gdpr.legal-basis", "gdpr", "Legal basis of the processing", "GDPR Art. 13(1)(c), Art. 14(1)(c); Art. 6(1)",
          "the legal basis for processing: consent, contract, legal obligation, vital interests, public task or legitimate interests",
          tuple(_LEGAL_BASIS)),
    Check("gdpr.legitimate-interests", "gdpr", "Legitimate interests pursued", "GDPR Art. 13(1)(d), Art. 14(2)(b); Art. 6(1)(f)",
          "where processing relies on legitimate interests, which interests (security, fraud prevention, …); passes when the "
          "legal bases given do not include legitimate interests",
          evaluate=_legitimate_interests,
          notes=tuple(f"{p.name}: “{p.example}”" for p in _LEGIT_DESCRIBED) + ("legal bases stated without legitimate interests: not applicable",)),
    Check("gdpr.recipients", "gdpr", "Recipients or categories of recipients", "GDPR Art. 13(1)(e), Art. 14(1)(e)",
          "who receives the personal data: service providers, processors, partners, authorities — or that no one does", RECIPIENTS),
    Check("gdpr.transfers", "gdpr", "Transfers to third countries and their safeguards", "GDPR Art. 13(1)(f), Art. 14(1)(f); Art. 45–46",
          "whether personal data is transferred outside the EEA/UK and, if so, the safeguard (adequacy decision, standard "
          "contractual clauses, binding corporate rules, Data Privacy Framework) — or that data stays in the EEA/UK",
          evaluate=_transfers,
          notes=tuple(f"{p.name}: “{p.example}”" for p in _SAFEGUARD + _NO_TRANSFER)
          + ("fails with the transfer as evidence when a transfer is described without a safeguard",)),
    Check("gdpr.retention", "gdpr", "Retention period or its criteria", "GDPR Art. 13(2)(a), Art. 14(2)(a)",
          "how long personal data is kept: a period, or the criteria that decide it",
          (
              P("a retention period", "We keep server logs for 90 days and then delete them.",
                [r"\b(?:keep|kept|retain|retained|store|stored|hold|held|delete[sd]?|erase[sd]?|anonymi[sz]e[sd]?|purge[sd]?|gone|removed|destroyed)\b.{0,80}"
                 r"\b(?:\d+|one|two|three|four|five|six|seven|ten|twelve|thirty|ninety)[- ](?:days?|weeks?|months?|years?)\b"]),
              P("retention named", "Our retention periods are …", [r"\bretention\b|\bSpeicherdauer|\bhow long we (?:keep|retain|store|hold)"]),
              P("periods listed under a retention heading", "## How long we keep it — Order records: six years, for tax.",
                [r"\b(?:\d+|one|two|three|four|five|six|seven|ten|twelve|thirty|ninety)[- ](?:days?|weeks?|months?|years?)\b|\buntil\b|\bas long as\b"],
                sections=r"\bhow long\b|\bretention\b|\bretain|\bkeep(?:ing)?\b|\bstorage (?:period|time)"),
              P("the criteria for the period", "We keep your account information for as long as your account is open.",
                [r"\b(?:keep|retain|store|hold|stay|remain)\w*\b.{0,80}\b(?:as long as|for as long|until|no longer than|only (?:for )?as long|while)\b"]),
          ), exclude_sections=rx(CHILDREN)),
    Check("gdpr.right-access", "gdpr", "Right of access", "GDPR Art. 13(2)(b), Art. 14(2)(c); Art. 15",
          "the right to access the personal data held (a copy of it, or what is held)", ACCESS, exclude_sections=_RIGHTS_EXCLUDE),
    Check("gdpr.right-rectification", "gdpr", "Right to rectification", "GDPR Art. 13(2)(b), Art. 14(2)(c); Art. 16",
          "the right to have inaccurate personal data corrected", RECTIFY, exclude_sections=_RIGHTS_EXCLUDE),
    Check("gdpr.right-erasure", "gdpr", "Right to erasure", "GDPR Art. 13(2)(b), Art. 14(2)(c); Art. 17",
          "the right to have personal data deleted", ERASE, exclude_sections=_RIGHTS_EXCLUDE),
    Check("gdpr.right-restriction", "gdpr", "Right to restriction of processing", "GDPR Art. 13(2)(b), Art. 14(2)(c); Art. 18",
          "the right to restrict (limit, suspend) the processing of personal data",
          (
              P("restriction named", "You have the right to restrict processing.",
                [r"\brestrict\w*\b.{0,40}\b(?:process\w*|use|using|handl\w*)\b|\b(?:process\w*|use|using)\b.{0,40}\brestrict|\bright to restriction\b|\bEinschränkung"]),
              P("limiting how the data is used", "You can ask us to limit how we use your data while a complaint is resolved.",
                [r"\b(?:limit|suspend|pause|freeze|block)\w*\b (?:\w+ ){0,3}(?:use|using|process|handl)\w*\b"], near=[DATA, ASK]),
          ), exclude_sections=_RIGHTS_EXCLUDE),
    Check("gdpr.right-portability", "gdpr", "Right to data portability", "GDPR Art. 13(2)(b), Art. 14(2)(c); Art. 20",
          "the right to receive the data in a structured, machine-readable format and to have it sent to another controller",
          (
              P("portability named", "You have the right to data portability.", [r"\bportab|\bDatenübertragbarkeit"]),
              P("a structured, machine-readable format", "… receive your data in a structured, commonly used and machine-readable format.",
                [r"\bmachine[- ]readable\b|\bstructured\b.{0,40}\bformat\b|\bcommonly used (?:electronic )?format\b|\binteroperable format"]),
              P("sending the data to another provider", "… or ask us to send it directly to another service.",
                [r"\b(?:transmit|send|move|transfer|port)\w*\b.{0,60}\b(?:another|other|a different|a new)\b (?:\w+ ){0,2}(?:controller|provider|service|company|organi[sz]ation|business)"],
                near=[DATA, ASK]),
              P("an export in a common file format", "You can download all your data as a JSON file.",
                [r"\b(?:export|download)\w*\b.{0,60}\b(?:JSON|CSV|XML|ZIP)\b"], near=DATA + r"|\beverything we (?:have|hold)\b"),
              P("a format to take elsewhere", "… and to receive it in a format you can take elsewhere.",
                [r"\bformat\b.{0,40}\b(?:take|move|use|transfer)\w* (?:\w+ ){0,2}(?:elsewhere|with you|to another)|\btake (?:it|them|your data) (?:elsewhere|with you)"]),
              P("an export other services can import", "The export is a file other fitness apps can import.",
                [r"\b(?:export|download|copy)\w*\b", r"\b(?:other|another)\b (?:\w+ ){0,2}(?:apps?|services?|providers?|platforms?|tools?)\b (?:\w+ ){0,2}(?:import|read|use|open)"]),
          ), exclude_sections=_RIGHTS_EXCLUDE),
    Check("gdpr.right-object", "gdpr", "Right to object", "GDPR Art. 13(2)(b), Art. 14(2)(c); Art. 21",
          "the right to object to processing (always for direct marketing; for processing based on legitimate interests or a public task)",
          (
              P("objecting", "You may object to processing based on our legitimate interests.",
                [r"\bobject(?:s|ing|ion)?\b(?! (?:code|storage|of (?:the|this) (?:agreement|contract)))|\bWiderspruch|\bwidersprechen"], near=[ASK]),
              P("stopping processing on request", "You can ask us to stop using your data for these purposes at any time.",
                [r"\b(?:stop|cease|no longer)\b (?:\w+ ){0,3}(?:using|processing|use|process)\b"], near=[DATA, ASK]),
          ), exclude_sections=_RIGHTS_EXCLUDE),
    Check("gdpr.withdraw-consent", "gdpr", "Right to withdraw consent", "GDPR Art. 13(2)(c), Art. 14(2)(d); Art. 7(3)",
          "where processing relies on consent, that consent can be withdrawn at any time",
          (
              P("withdrawing consent", "You can withdraw your consent at any time.",
                [r"\b(?:withdraw|revoke|retract)\w*\b.{0,60}\bconsent|\bconsent\b.{0,80}\b(?:withdraw|revoc|revok)\w*|\bWiderruf"]),
              P("changing one's mind about consent", "If you change your mind, turn the setting off and we stop.",
                [r"\bchange (?:your|their) mind\b|\bturn (?:it |this |the \w+ )?off\b|\bswitch (?:it |this )?off\b|\bopt out\b|\btake (?:it|this|them|that) back\b"
                 r"|\bunsubscrib\w*"],
                near=r"\bconsent|\bopted in\b|\bopt(?:s)? in\b"),
          )),
    Check("gdpr.complaint", "gdpr", "Right to lodge a complaint with a supervisory authority", "GDPR Art. 13(2)(d), Art. 14(2)(e); Art. 77",
          "the right to complain to a data protection supervisory authority",
          (
              P("a complaint to a supervisory authority", "You have the right to lodge a complaint with a supervisory authority.",
                [r"\b(?:complain|complaint|lodge|report|concerns?|raise)\w*\b",
                 r"\bsupervisory authority\b|\bdata protection (?:authority|regulator|commission|supervisor)\b|\bInformation Commissioner|\bICO\b|\bCNIL\b|\bAEPD\b|"
                 r"\bGarante\b|\bData Protection Commission\b|\bAufsichtsbehörde|\bDatenschutzbehörde|\bLandesbeauftragte|\bprivacy regulator"]),
              P("contacting the regulator", "You can also contact the Information Commissioner's Office at ico.org.uk.",
                [r"\b(?:contact|write to|go to|reach|approach|turn to)\b",
                 r"\bsupervisory authority\b|\bdata protection (?:authority|regulator|commission)\b|\bInformation Commissioner|\bICO\b|\bCNIL\b|\bAufsichtsbehörde"],
                near=ASK),
          )),
    Check("gdpr.automated-decisions", "gdpr", "Automated decision-making, including profiling", "GDPR Art. 13(2)(f), Art. 14(2)(g); Art. 22",
          "whether decisions with legal or similarly significant effects are made by automated means alone (including profiling), and if so the logic and consequences — or that none are",
          (
              P("automated decisions named", "We do not make decisions about you based solely on automated processing.",
                [r"\bautomated (?:individual )?decision|\bdecisions?\b.{0,60}\b(?:solely|only|purely|entirely)\b.{0,20}\bautomat|\bautomated (?:means|processing)\b.{0,60}\bdecision"
                 r"|\bautomatisierte Entscheidung"]),
              P("profiling named", "We do not use profiling that produces legal effects for you.", [r"\bprofiling\b"]),
              P("decisions without a person", "No decision about your account is taken by a computer alone; a person always reviews it.",
                [r"\bdecisions?\b", r"\bwithout (?:any )?human|\bby (?:a )?(?:computer|machine|algorithm)s? alone\b|\bperson always reviews|\bhuman review"]),
          )),

    # CCPA/CPRA: Cal. Civ. Code §§ 1798.100–.135 and the privacy-policy regulation, 11 CCR § 7011.
    Check("ccpa.categories-collected", "ccpa", "Categories of personal information collected",
          "Cal. Civ. Code § 1798.100(a)(1), § 1798.110(c)(1); 11 CCR § 7011(e)(1)(A)",
          "the categories of personal information collected (in the last 12 months), in the statute's terms or as clear categories",
          (
              P("categories collected named", "In the past 12 months we have collected the following categories of personal information:",
                [r"\bcategor(?:y|ies) of (?:personal )?information\b"], near=r"\bcollect"),
          ), evaluate=_categories_collected,
          notes=("the statutory categories named: at least three of identifiers, commercial information, internet or other "
                 "electronic network activity, geolocation data, professional or employment-related information, inferences, …",)),
    Check("ccpa.sources", "ccpa", "Categories of sources", "Cal. Civ. Code § 1798.110(c)(2); 11 CCR § 7011(e)(1)(C)",
          "the categories of sources the personal information is collected from",
          (
              P("a section on sources", "## Where we get personal information", [r"\w+"],
                sections=r"\bsources?\b|\bwhere (?:we|do we) (?:get|obtain|collect)|\bhow (?:we|do we) (?:get|obtain)"),
              P("someone else gives us the data", "Your employer gives us your name and business email.",
                [r"\b(?:gives?|sends?|provides?|passes|shares?|forwards?)\b (?:\w+ ){0,6}(?:to us|with us)\b|\b(?:gives?|sends?|provides?) us\b|\b(?:retrieves?|collects?)\b.{0,60}\bsends? (?:it|them) to us"],
                unless=r"\byou (?:\w+ ){0,3}(?:give|send|provide|share|pass)"),
              P("collected from someone", "We receive information about you from our payment processor and from advertising partners.",
                [r"\b(?:collect|obtain|receive|get|gather|acquire)\w*\b.{0,100}\bfrom\b (?:\w+ ){0,3}(?:you\b|your (?:device|browser)|third part|service providers?|partners?|"
                 r"public|data brokers?|social (?:media|networks?)|affiliates?|customers?|employers?|other users|payment|advertis|analytics|government)"]),
              P("sources named", "We collect personal information from the following categories of sources: …",
                [r"\bsources?\b"], near=r"\bcollect|\bobtain|\breceive|\bpersonal information", unless=r"\bright|\brequest"),
          )),
    Check("ccpa.purposes", "ccpa", "Business or commercial purposes", "Cal. Civ. Code § 1798.100(a)(1), § 1798.110(c)(3); 11 CCR § 7011(e)(1)(D)",
          "the business or commercial purposes for collecting, selling or sharing personal information",
          PURPOSES + (P("business or commercial purposes named", "We use personal information for the following business purposes: …",
                        [r"\bbusiness (?:or commercial )?purposes?\b|\bcommercial purposes?\b"], near=r"\buse\b|\bcollect"),)),
    Check("ccpa.categories-disclosed", "ccpa", "Categories disclosed, and to whom", "Cal. Civ. Code § 1798.110(c)(4), § 1798.115(c)(2); 11 CCR § 7011(e)(1)(F)–(G)",
          "the categories of personal information disclosed for a business purpose and the categories of third parties they go to",
          (
              P("disclosed for a business purpose", "In the past 12 months we disclosed identifiers and internet activity for a business purpose to service providers.",
                [r"\bdisclosed?\b.{0,80}\bbusiness purpose|\bbusiness purpose\b.{0,80}\bdisclos"]),
              P("categories of third parties", "… the categories of third parties to whom we disclose it …",
                [r"\bcategor(?:y|ies) of (?:third parties|recipients|service providers|contractors)"]),
              P("a category disclosed to a recipient", "We share identifiers with our payment processor.",
                [r"\b(?:disclos|shar|provid)\w*\b", "|".join(CCPA_CATEGORIES) + r"|\beducation information\b", r"\b(?:to|with)\b"]),
          )),
    Check("ccpa.sold-shared", "ccpa", "Whether personal information is sold or shared", "Cal. Civ. Code § 1798.115(c)(1), § 1798.120; 11 CCR § 7011(e)(1)(E)–(H)",
          "whether the business sells personal information or shares it for cross-context behavioral advertising (and if so which "
          "categories, to whom); warns when only selling is addressed",
          evaluate=_sold_shared, notes=tuple(f"{p.name}: “{p.example}”" for p in _SELLS)),
    Check("ccpa.right-know", "ccpa", "Right to know", "Cal. Civ. Code § 1798.100, § 1798.110, § 1798.115; 11 CCR § 7011(e)(2)(A)",
          "the right to know what personal information is collected, used, disclosed and sold, including specific pieces",
          (
              P("the right to know named", "You have the right to know what personal information we have collected about you.", [r"\bright to know\b|\brequests? to know\b"]),
              P("specific pieces", "… the specific pieces of personal information we hold about you.", [r"\bspecific pieces\b"]),
              P("categories on request", "You may request that we disclose the categories of personal information we collected about you.",
                [r"\b(?:disclose|tell (?:you|them|the consumer)|provide|know|access)\b.{0,60}\b(?:categories|what personal information)\b"], near=ASK),
          ), exclude_sections=_RIGHTS_EXCLUDE),
    Check("ccpa.right-delete", "ccpa", "Right to delete", "Cal. Civ. Code § 1798.105; 11 CCR § 7011(e)(2)(B)",
          "the right to request deletion of personal information", ERASE, exclude_sections=_RIGHTS_EXCLUDE),
    Check("ccpa.right-correct", "ccpa", "Right to correct", "Cal. Civ. Code § 1798.106; 11 CCR § 7011(e)(2)(C)",
          "the right to request correction of inaccurate personal information", RECTIFY, exclude_sections=_RIGHTS_EXCLUDE),
    Check("ccpa.right-opt-out", "ccpa", "Right to opt out of sale or sharing", "Cal. Civ. Code § 1798.120; 11 CCR § 7011(e)(2)(D)",
          "the right to opt out of the sale or sharing of personal information — or that there is no sale or sharing",
          (
              P("opting out of sale or sharing", "You have the right to opt out of the sale or sharing of your personal information.",
                [r"\bopt(?:-| )?out\b.{0,60}\b(?:sale|sell|shar)|\b(?:sale|sell|shar)\w*\b.{0,60}\bopt(?:-| )?out\b|\bdirect us not to (?:sell|share)"]),
              P("an opt-out preference signal honoured", "We treat a Global Privacy Control signal as a request to opt out.",
                [r"\bGlobal Privacy Control\b|\bGPC\b|\bopt-out preference signal"]),
          ), evaluate=_when_not_selling(),
          notes=("not applicable when the statement says it neither sells nor shares personal information",)),
    Check("ccpa.right-limit", "ccpa", "Right to limit use of sensitive personal information", "Cal. Civ. Code § 1798.121; 11 CCR § 7011(e)(2)(E)",
          "the right to limit the use and disclosure of sensitive personal information — or that it is not used beyond the "
          "purposes § 1798.121(d) allows",
          (
              P("the right to limit named", "You can limit the use and disclosure of your sensitive personal information.",
                [r"\blimit\w*\b.{0,60}\bsensitive personal information|\bLimit the Use of My Sensitive"]),
          ), evaluate=_right_limit,
          notes=(f"not applicable: {_NO_SENSITIVE.name}: “{_NO_SENSITIVE.example}”",
                 f"not applicable: {_SENSITIVE_ONLY.name}: “{_SENSITIVE_ONLY.example}”")),
    Check("ccpa.non-discrimination", "ccpa", "Right to non-discrimination", "Cal. Civ. Code § 1798.125; 11 CCR § 7011(e)(2)(F)",
          "that the business will not discriminate against someone for exercising their rights",
          (
              P("non-discrimination stated", "We will not discriminate against you for exercising any of these rights.",
                [r"\bdiscriminat|\bretaliat|\btreat (?:you |them )?differently\b"], unless=YOU_PROMISE),
              P("no effect on price or quality", "Exercising these rights will not affect the price or quality of the services you receive.",
                [r"\b(?:not|never|won't)\b (?:\w+ ){0,2}(?:affect|change|reduce|lower|impact)\w*\b.{0,40}\b(?:price|quality|service|level)"],
                near=r"\bexercis|\bright"),
              P("no different price or service", "We won't charge you a different price or give you a lower quality of service because you used your rights.",
                [r"\b(?:deny|charge|different price|different rate|lower quality|different level|penali[sz]e)\w*\b"], near=r"\bexercis|\bright"),
          )),
    Check("ccpa.do-not-sell-link", "ccpa", "“Do Not Sell or Share My Personal Information” link",
          "Cal. Civ. Code § 1798.135(a)(1); 11 CCR § 7011(e)(3)(A), § 7013",
          "the “Do Not Sell or Share My Personal Information” link (or “Your Privacy Choices”) or how to use it — or that there is no sale or sharing",
          (
              P("the link named", "Use the “Do Not Sell or Share My Personal Information” link at the foot of every page.",
                [r"\bdo not sell (?:or share )?my (?:personal )?info|\bYour Privacy Choices\b|\bdo not share my personal"]),
              P("an opt-out preference signal honoured", "We honour the Global Privacy Control signal as a valid opt-out.",
                [r"\bGlobal Privacy Control\b|\bopt-out preference signal"]),
          ), evaluate=_when_not_selling(),
          notes=("not applicable when the statement says it neither sells nor shares personal information",)),
    Check("ccpa.sensitive-pi", "ccpa", "Sensitive personal information", "Cal. Civ. Code § 1798.100(a)(2), § 1798.121; 11 CCR § 7011(e)(1)(B)",
          "the categories of sensitive personal information collected and whether they are sold, shared or used to infer characteristics — or that none is collected",
          (
              P("sensitive personal information named", "We collect the following sensitive personal information: precise geolocation …",
                [r"\bsensitive (?:personal )?(?:information|data)\b"]),
          ), evaluate=_sensitive,
          notes=("categories of sensitive personal information named (precise geolocation, account log-in, racial or ethnic "
                 "origin, health, biometric, …) in a sentence about collecting or using them",)),
    Check("ccpa.updated-12-months", "ccpa", "Updated at least once every 12 months", "Cal. Civ. Code § 1798.130(a)(5); 11 CCR § 7011(d)",
          "a version published, a committed change, or a recorded review ('reviewed:' in the front-matter) within the 12 months "
          "before the build date — read from git history", evaluate=_updated_12_months,
          notes=("the newest published version, the last committed change, or 'reviewed: YYYY-MM-DD' in the front-matter",)),

    # CalOPPA: Cal. Bus. & Prof. Code § 22575(b).
    Check("caloppa.categories-third-parties", "caloppa", "Categories of information and of third parties", "Cal. Bus. & Prof. Code § 22575(b)(1)",
          "the categories of personally identifiable information collected and the categories of third parties it is shared with",
          evaluate=_all_of(
              ("categories of information collected", [
                  P("information collected", "When you create an account we ask for your name and email address.",
                    [r"\b(?:collect|ask for|ask you for|request|receive|obtain|gather|record|need|hold|process|store)\w*\b"],
                    near=r"\bname\b|\be-?mail|\baddress\b|\bphone|\btelephone|\bidentifiers\b|\blocation\b|\bIP address|\bpayment|\bcategor"),
                  P("a section on information collected", "## Information we collect", [r"\w+"],
                    sections=r"\b(?:information|data) (?:we )?collect|\bwhat we collect|\bwhat (?:personal )?(?:information|data)|\b(?:information|data) (?:we|do we) (?:hold|process|have)"),
              ]),
              ("categories of third parties", list(RECIPIENTS)),
          ),
          notes=("both parts in any section: information collected (“we collect your name and email address”), and recipients "
                 "(“we share it only with service providers”)",)),
    Check("caloppa.review-correct", "caloppa", "How to review and request changes", "Cal. Bus. & Prof. Code § 22575(b)(2)",
          "how a consumer can review and request changes to their personally identifiable information (where such a process exists)",
          (
              P("reviewing or changing account details", "You can change your account details at any time in the Settings.",
                [r"\b(?:review|view|see|change|update|edit|correct|amend|modify)\b (?:\w+ ){0,3}(?:account|profile|personal|contact) (?:information|details|data|settings)"
                 r"|\b(?:account|profile) settings\b"]),
              P("editing one's own entries", "You can edit or delete any budget or transaction in the app.",
                [r"\byou (?:can|may) (?:\w+ ){0,2}(?:edit|change|update|correct|review|view)\b"],
                near=r"\bin (?:the )?(?:app|settings)\b|\bon the \w+ page\b|\bat any time\b|\baccount\b|\bprofile\b"),
          ) + ACCESS + RECTIFY, exclude_sections=_RIGHTS_EXCLUDE),
    Check("caloppa.changes-notice", "caloppa", "How material changes are notified", "Cal. Bus. & Prof. Code § 22575(b)(3)",
          "the process by which consumers are told of material changes to the policy", tuple(_CHANGES)),
    Check("caloppa.effective-date", "caloppa", "Effective date", "Cal. Bus. & Prof. Code § 22575(b)(4)",
          "the policy's effective date, shown in its text", evaluate=_effective_date,
          notes=tuple(f"{p.name}: “{p.example}”" for p in _EFFECTIVE)),
    Check("caloppa.do-not-track", "caloppa", "Response to Do Not Track signals", "Cal. Bus. & Prof. Code § 22575(b)(5)",
          "how the site responds to a browser's Do Not Track signal (or other mechanism giving a choice about tracking across sites)",
          (
              P("the response to Do Not Track", "We do not respond to Do Not Track signals, because there is no common standard for them.",
                [r"\bdo[- ]not[- ]track\b|\bDNT\b", r"\b(?:respon|honou?r|recogni[sz]|ignor|treat|act on|support|process|change|alter|obey|comply|follow)\w*"]),
              P("a response in a Do Not Track section", "## Do Not Track … our site does not currently respond to them.",
                [r"\b(?:respon|honou?r|recogni[sz]|ignor|act on|support|obey|comply)\w*"], near=r"\bdo[- ]not[- ]track\b|\bDNT\b"),
              P("Global Privacy Control honoured", "We treat the Global Privacy Control signal as a request not to track you.",
                [r"\bGlobal Privacy Control\b|\bGPC\b", r"\b(?:respon|honou?r|recogni[sz]|treat|act on|support)\w*"]),
          )),

    # General: every statement, every regime.
    Check("general.contact", "general", "How to contact the company", "GDPR Art. 13(1)(a); Cal. Civ. Code § 1798.130(a)(1); 11 CCR § 7011(e)(5)",
          "a way to ask about the statement: an e-mail address, postal address, telephone number or contact form", tuple(_CONTACT)),
    Check("general.effective-date", "general", "Effective date in the text", "Cal. Bus. & Prof. Code § 22575(b)(4); 11 CCR § 7011(e)(4)",
          "the date the statement takes effect or was last updated, in the text itself (warns when it differs from the front-matter's 'effective')",
          evaluate=_effective_date, notes=tuple(f"{p.name}: “{p.example}”" for p in _EFFECTIVE)),
    Check("general.changes", "general", "How changes are notified, matching the site's notice period",
          "Cal. Bus. & Prof. Code § 22575(b)(3); GDPR Art. 12(1) (transparency)",
          "a clause on how changes to the statement are announced; a notice period it promises must not be shorter than the "
          "site's notice_days (fails) and should not be longer than notice_days enforces (warns)",
          evaluate=_changes,
          notes=(f"{_CHANGES[0].name}: “{_CHANGES[0].example}”",
                 "a period “at least 30 days”, “thirty days”, “two weeks”, “one month” is compared with notice_days; "
                 "“effective immediately upon posting” counts as 0 days")),
)

CHECK_IDS: tuple[str, ...] = tuple(c.id for c in CHECKS)


def check_by_id(check_id: str) -> Check:
    """A check by its id (KeyError when there is none)."""
    for check in CHECKS:
        if check.id == check_id:
            return check
    raise KeyError(check_id)
