"""Who is responsible (GDPR Art. 13(1)(a)–(b), 4(7)): the controller's identity and its representative.

Material: a company's legal name (one with a legal form: Ltd, Inc., GmbH …) replaced, added or
removed in a clause, or a clause naming the controller or operator edited in substance, added or
removed. Substantive: a clause added or removed that names as controller a company the other
version names too (who is responsible stays the same), and a clause about the data protection
officer or a representative (how to reach them, Art. 13(1)(b)). A new contact address alone is the
contact rule's (substantive).
"""

from __future__ import annotations

import re
from typing import Callable

from ..changes import ClauseChange
from ..clauses import Clause
from ..findings import Finding
from ..reading import STOP, content_words, stem
from ..text import LEGAL_FORMS, Anchored, listing, plain_words
from . import contact
from .context import ANOTHERS_ROLE, Context, named_beside
from .needs import runs
from .recipients import full_names, names_an_example

# A company's legal name: up to five capitalised words and a legal form. Every part is bounded.
_COMPANY = re.compile(
    r"\b((?:[A-Z][\w&'.-]{0,30}\s{1,3}){0,4}[A-Z][\w&'.-]{0,30}),?\s{1,3}"
    r"(Ltd\.?|Limited|Inc\.?|LLC|L\.L\.C\.|GmbH|AG|S\.A\.|SAS|B\.V\.|N\.V\.|plc|PLC|Corp\.?|Corporation|LLP|Pty\.? Ltd\.?"
    r"|S\.L\.(?:U\.)?|SLU?|S\.[Rr]\.[Ll]\.|SRL|S\.p\.A\.|SpA|SARL|AB|Oyj?|A/S|ApS|SE|KG|UG"
    # central and south-eastern Europe's: "Marinska Obala d.o.o.", "VARDARKO DOOEL", "Vjosa Horizon sh.p.k."
    r"|[Dd]\.[Oo]\.[Oo]\.|DOOEL|DOO|[Ss]\.[Rr]\.[Oo]\.|[Ss]h\.[Pp]\.[Kk]\.|SHPK|EOOD|EAD|OOD|Kft\.?|Zrt\.?|Nyrt\.?|UAB|SIA)(?!\w)"
)
_ROLE_IN_WORDS = (
    r"|\bon (?:the|its|their|your|our) (?:school|customer|client|employer|organi[sz]ation|business|company)(?:'s|s')? behalf\b"
    r"|\bon behalf of (?:the|its|their|your|our) (?:schools?|customers?|clients?|employers?|organi[sz]ations?|businesses)\b"
    r"|\b(?:decide|decides|determine|determines)\s{1,3}(?:why and how|how and why|the purposes and means|how(?!\s{1,3}(?:much|many|often|long|far)\b))\b"
)
_ROLE = Anchored(re.compile(
    r"\b(?:data )?controller\b|\bresponsible for (?:the processing|processing|your (?:personal )?(?:data|information))|\b(?:operated|run) by\b|"
    r"\bdata protection officer\b|\bDPO\b|\brepresentative (?:in|for) the\b"
    # the representative of a company established outside the EU or the UK (GDPR Art. 27)
    r"|\b(?:EU|UK|EEA|Swiss|European|GDPR|Art(?:icle)?\.?\s{0,2}27)\s{1,3}representative\b"
    # the role in other words (Art. 4(7), 28): acting on a customer's behalf, or deciding how information is used
    + _ROLE_IN_WORDS,
    re.I,
), starts=("data", "controller", "responsible", "operated", "run", "dpo", "representative", "eu", "uk", "eea", "swiss", "european", "gdpr", "art",
           "on", "decide", "determine"))
# The part of :data:`_ROLE` that names who is responsible (not only whom to contact).
_IDENTITY = re.compile(r"\bcontroller\b|\bresponsible for\b|\b(?:operated|run) by\b" + _ROLE_IN_WORDS, re.I)
# A sentence that says who the controller is, or what it is responsible for: "X is the controller",
# "acts as controller", "the controller of your data is", "responsible for", "operated by".
_SAYS_WHO = re.compile(
    r"\b(?:is|are|acts?\s{1,3}as|as)\s{1,3}(?:the\s{1,3}|a\s{1,3}|an\s{1,3}|joint\s{1,3}|independent\s{1,3})*(?:data\s{1,3})?controllers?\b"
    r"|\bcontrollers?\s{1,3}(?:is|are|of|for)\b|\bresponsible\s{1,3}for\b|\boperated\s{1,3}by\b", re.I)
# Control shared with another (GDPR Art. 26): "joint controllers", "under the joint responsibility of", "jointly determine".
_JOINT = re.compile(r"\bjoint(?:ly)?\s{1,3}(?:data\s{1,3})?(?:controllers?|control|responsib\w{1,6}|determin\w{1,5})\b|\bjointly\s{1,3}responsible\b", re.I)
#: The words without which :data:`_JOINT` does not match.
_JOINT_WORDS = frozenset(("joint", "jointly"))
# A company that acts for the controller: a provider, a processor, one that works on its behalf.
_FOR_US = re.compile(
    r"\b(?:(?:service |hosting |cloud |payment |e-?mail |network )?providers?|(?:sub-?)?processors?|vendors?|suppliers?|contractors?"
    r"|(?:network |mobile network )operators?)\b|\b(?:for|on behalf of) us\b|\bon our behalf\b",
    re.I,
)
#: The words of the legal forms that end a company's name.
_SUFFIXES = LEGAL_FORMS | frozenset(("l.l.c", "dooel", "doo"))
_GENERIC = frozenset(("The", "This", "Our", "We", "These", "Each", "Any", "All",
                      # a preposition that opens a sentence before the name: "At Kalapati Remit Technologies, Inc., …"
                      "At", "By", "For", "From", "In", "With", "To", "Of", "On", "Under", "Through", "Via",
                      # a conjunction that opens a sentence before it: "Because Seabright Tower Casino Hotel, LLC holds the permit, …"
                      "Because", "Since", "As", "If", "When", "Where", "While", "Although", "Unless", "Once", "After", "Before", "And", "But",
                      "Within", "Between", "Among", "Across", "Inside", "Outside", "Beyond", "Besides", "Apart"))


# Every legal form of :data:`_COMPANY` as it is written: a company's name can only stand where one does.
# (Plain text alternatives: the regular-expression engine skips ahead to their first letters.)
_LEGAL_FORM = re.compile(r"Ltd|Limited|Inc|LLC|L\.L\.C\.|GmbH|AG|S\.A\.|SAS|B\.V\.|N\.V\.|plc|PLC|Corp|LLP|Pty"
                         r"|S\.L\.|SL|S\.[Rr]\.[Ll]\.|SRL|S\.p\.A\.|SpA|SARL|AB|Oy|A/S|ApS|SE|KG|UG"
                         r"|[Dd]\.[Oo]\.[Oo]\.|DOO|[Ss]\.[Rr]\.[Oo]\.|[Ss]h\.[Pp]\.[Kk]\.|SHPK|EOOD|EAD|OOD|Kft|Zrt|Nyrt|UAB|SIA")


def companies(text: str) -> set[str]:
    """Legal names of companies in ``text``."""
    found: set[str] = set()
    if _LEGAL_FORM.search(text) is None:
        return found
    for match in _COMPANY.finditer(text):
        name = " ".join((match.group(1) + " " + match.group(2)).split()).rstrip(".")
        words = name.split()
        while words and words[0] in _GENERIC:
            words = words[1:]
        if len(words) >= 2:
            found.add(" ".join(words))
    return found


# The runs of letters each legal form of :data:`_COMPANY` is, or begins with ("L.L.C.", "S.A."): a
# clause without one names no company (see .needs).
_LEGAL_RUNS = frozenset((
    "ltd", "limited", "inc", "llc", "l", "gmbh", "ag", "s", "sas", "b", "n", "plc", "corp", "corporation", "llp", "pty",
    "sl", "slu", "srl", "spa", "sarl", "ab", "oy", "oyj", "a", "aps", "se", "kg", "ug",
    "d", "dooel", "doo", "sh", "shpk", "eood", "ead", "ood", "kft", "zrt", "nyrt", "uab", "sia",
))


def _own_company(context: Context) -> str | None:
    """The company whose statement it is: the first company its old version names by its legal name,
    in its first few blocks ("Jàmm Santé SAS attaches the greatest importance to …"), or None."""
    def first() -> str | None:
        for block in context.old_blocks[:10]:
            found = companies(block.text)
            if found:
                return min(found, key=block.text.find)
        return None
    return context.memo(("own company",), first)  # type: ignore[no-any-return]


def _keeps_roles_of(clause: Clause) -> "Callable[[Clause], bool]":
    """A test of a clause: does it name every role ``clause`` names? (Those roles are worked out at the
    first test, once.)"""
    roles: list[set[str]] = []

    def keeps(other: Clause) -> bool:
        if not roles:
            roles.append(_roles(content_words(clause.wordset)))
        return roles[0] <= _roles(content_words(other.wordset))
    return keeps


def _companies_of(clause: Clause | None) -> set[str]:
    """:func:`companies` of a clause's text (none for a missing side)."""
    if clause is None:
        return set()
    if clause.text.isascii() and _LEGAL_RUNS.isdisjoint(runs(clause)):
        return set()
    return companies(clause.text)


def _without_contact(text: str) -> list[str]:
    """The words of ``text`` with its e-mail addresses, telephone numbers and postal addresses taken out."""
    for _, pattern, may_be in contact.KINDS:
        if may_be(text):
            text = pattern.sub(" ", text)
    return text.lower().split()


def _base(name: str) -> str:
    """A company's name without its legal form: "Stripe Inc" → "Stripe"."""
    words = name.split()
    while words and words[-1].lower().rstrip(".") in _SUFFIXES:
        words.pop()
    return " ".join(words)


#: Legal forms written out or abbreviated: one form each.
_SAME_FORM = {"limited": "ltd", "incorporated": "inc", "corporation": "corp", "l.l.c": "llc", "b.v": "bv", "n.v": "nv", "s.a": "sa"}


def _form(name: str) -> str:
    """A company's legal form, one way of writing it for each: "Acme Limited" and "Acme Ltd." → "ltd"."""
    last = name.split()[-1].lower().rstrip(".") if name.split() else ""
    return _SAME_FORM.get(last, last)


def _named_plainly(name: str, other_text: str, other_companies: set[str]) -> bool:
    """True when the other side names the company without its legal form, and no company of that
    name with one: "Our payment processor, Stripe, handles …" → "… Stripe, Inc., handles …" names
    the same company in full. ("Acme Inc." → "Acme LLC" is another legal form: another company.)"""
    base = _base(name)
    if not base:
        return False
    if any(_base(other) == base for other in other_companies):
        # the same name with a legal form written otherwise is the same company: "Ltd" is "Limited"
        return any(_base(other) == base and _form(other) == _form(name) for other in other_companies)
    # (not as a part of another company's name: "Tumbleberry Labs Europe Limited" does not name
    # "Tumbleberry Labs, Inc."; nor as the short name of a company of another legal form: "Quillmark"
    # for "Quillmark Technologies B.V." does not name "Quillmark Inc.")
    if any(_base(other).startswith(base + " ") and _form(other) != _form(name) for other in other_companies):
        return False
    for other in other_companies:
        other_text = other_text.replace(other, " ")
    return re.search(rf"(?<!\w){re.escape(base)}(?!\w)", other_text) is not None


def _by_its_short_name(name: str, other_text: str, other_companies: set[str], context: Context) -> bool:
    """True when the statement (its old version) gave the company a short name in brackets where it
    named it ("… the permit held by Seabright Tower Casino Hotel, LLC (our "Casino Partner")") and
    the other side of the clause calls it by that short name, and by no legal name of the same name
    ("Ledgerkite Software, Inc. ("Ledgerkite")" → "Ledgerkite Software LLC ("Ledgerkite")" is another
    company): the same company, named in full."""
    base = _base(name)
    if any(_base(other) == base for other in other_companies):
        return False
    short = context.memo(("short names", name), lambda: _short_names(base, context))
    if not short:
        return False
    for other in other_companies:
        other_text = other_text.replace(_base(other), " ")  # ("Halcyon" inside "Halcyon Interactive Europe B.V." is that company's name)
    # (a short name the other side gives anew, in quotes, names the company it follows there:
    # 'Maravel Hotels S.L. ("Maravel"' → 'Maravel Hospitality Group S.A. ("Maravel"' is another company)
    return any(re.search(rf"(?<!\w){re.escape(term)}(?!\w)", other_text) is not None
               and re.search(rf"[\"“']{re.escape(term)}[\"”']", other_text) is None for term in short)


# A short name given in brackets just after a name: '(our "Casino Partner")', '(the “Processor”)'.
# (a name the bracket gives, not a word it explains: '("Controller" just means the company that …)')
_SHORT_NAME = re.compile(r"[^()]{0,40}?\(\s{0,2}(?:(?:the|our|its|hereinafter)\s{1,3})?[\"“']([^\"”'()]{2,40})[\"”']\s{0,2}(?:\)|,|;|or\b|and\b)")


def _short_names(base: str, context: Context) -> frozenset[str]:
    """The short names the old version of the statement gives, in brackets, to the company ``base`` names."""
    found = set()
    if not base:
        return frozenset()
    pattern = re.compile(rf"(?<!\w){re.escape(base)}(?!\w)")
    for block in context.old_blocks:
        if base not in block.text:
            continue
        for match in pattern.finditer(block.text):
            short = _SHORT_NAME.match(block.text, match.end())
            if short is not None:
                found.add(" ".join(short.group(1).replace("*", "").split()))
    return frozenset(found)


# Stems of the words that say what part a company plays: who is responsible, who acts for whom.
_ROLE_WORDS = frozenset((
    "controller", "controll", "joint", "processor", "process", "responsible", "responsibility", "operat", "operated", "operator",
    "representative", "officer", "dpo", "subsidiar", "subsidiary", "affiliat", "affiliate", "parent", "owner", "own", "owned",
    "behalf", "acquir", "acquired", "merg", "merged", "successor", "group", "run",
))


#: Roles said in other words: being responsible for information is being its controller (GDPR Art. 4(7)).
_ROLE_OF = {"respon": "contro", "run": "operat"}  # ("run by" is "operated by")


def _roles(stems: "set[str] | frozenset[str]") -> set[str]:
    """The roles its role words name, one for every form of a word ("controller", "controlled" →
    "contro") and for a role said in other words ("responsible" → "contro")."""
    return {_ROLE_OF.get(w[:6], w[:6]) for w in stems & _ROLE_WORDS}


def _who_or_role_changed(change: ClauseChange, block_text: str = "") -> bool:
    """True when an edited clause about the controller (naming the same companies on both sides)
    changed a word of role ("controller" → "processor", "joint"), or a name: a capitalised word or
    a pronoun for the company other than one of its own names ("we", its aliases)."""
    # (a role word in another form is the same role: "is the controller" → "is controlled by"; and
    # a role said again in other words too: "is the controller of" → "is responsible, as controller, for")
    # (and a role still named on the other side is kept: "is the controller …. This means that the
    # Sponsor … is responsible for …" → "is the controller …, which means that it … must make sure …")
    # (a role's word that is the statement's name for the company is its name: "The Controller shares
    # personal data with …", where "Controller is VARDARKO DOOEL Skopje")
    named = {stem(alias) for alias in change.aliases} | change.aliases
    gone, came = _roles(change.removed_words - named), _roles(change.added_words - named)
    if change.new is not None:
        gone -= _roles(content_words(change.new.wordset))
    if change.old is not None:
        came -= _roles(content_words(change.old.wordset))
    # ("its own legal entity", "in its own right": of itself, not of owning)
    if "own" in gone and "own" not in plain_words(_POSSESSIVE_OWN.sub(" ", change.old_text)):
        gone.discard("own")
    if "own" in came and "own" not in plain_words(_POSSESSIVE_OWN.sub(" ", change.new_text)):
        came.discard("own")
    if gone or came:
        return True
    # (nor does the document itself: "This Notice is addressed to …")
    own = {"we", "us", "our", "notice", "policy", "statement"} | change.aliases
    # A sentence's first word is capitalised as the first: it names someone only where the other
    # side's sentence also begins with a name ("Acme is …" → "Bcme is …"; not "Your employer is
    # the controller" → "Decisions about your data are taken by your employer").
    firsts = [clause.words[0] if clause is not None and clause.words else None for clause in (change.old, change.new)]
    names_first = all(w is not None and w.written[:1].isupper() and w.norm not in STOP for w in firsts)
    # (a name only moved within the sentence names no one else: "The University is the
    # controller" → "… is controlled by the University")
    old_words = change.old.wordset if change.old is not None else frozenset()
    new_words = change.new.wordset if change.new is not None else frozenset()
    # (a capital after a full stop opens a sentence: "… activities. Attaching the utmost importance …")
    # (and one after "in" or "at" names a place: "a data centre located in Ashburn, in the State of Virginia")
    texts = (change.old_text, change.new_text)
    # (a name that gave way to a pronoun, standing in the block the clause is in: "The Partner Seller
    # processes this data as a separate controller" → "It is a separate controller", after "Partner
    # Sellers … receive …")
    # (the block's words are read only for a name whose place a pronoun took)
    return any(
        w.written[:1].isupper() and w.norm not in own and w.norm not in STOP and (names_first or w not in firsts)
        and w.norm not in other and not texts[side][:w.start].rstrip().endswith((".", "!", "?", " in", " at"))
        and not (side == 0 and block_text and not _PRONOUNS.isdisjoint(x.norm for x in span.new) and w.norm in plain_words(block_text))
        for span in change.spans for side, (words, other) in enumerate(((span.old, new_words), (span.new, old_words))) for w in words
    )


def _anothers_role_moved(change: ClauseChange, context: Context) -> bool:
    """True when an edited clause gained (or lost) the words that another party is a controller of its
    own, and its block said so (or still says so) in another sentence."""
    old, new = _anothers_role(change.old_text), _anothers_role(change.new_text)
    if old == new:
        return False
    return _anothers_role(context.block_text(change, "new" if old else "old") or "")


def _anothers_role(text: str) -> bool:
    """True when ``text`` says another party is a controller of its own (:data:`ANOTHERS_ROLE`, looked
    for only where its words stand)."""
    lowered = text.lower()
    return ("separate" in lowered or "independent" in lowered or "own right" in lowered) and ANOTHERS_ROLE.search(text) is not None


#: "own" said of itself ("its own legal entity", "in its own right"), not of owning.
_POSSESSIVE_OWN = re.compile(r"\b(?:its|their|our|your|his|her|my)\s{1,3}own\b", re.I)
#: Pronouns that stand for a company named before.
_PRONOUNS = frozenset(("it", "they", "he", "she"))


# Another controller, to whom the reader may have their data sent (GDPR Art. 20(1)).
_OTHER_CONTROLLER = re.compile(r"\b(?:to|with|by)\s{1,3}(?:another|other|any\s{1,3}other|a\s{1,3}(?:different|new))\s{1,3}controllers?\b", re.I)


def judge(change: ClauseChange, context: Context) -> Finding | None:
    """The controller's identity changed."""
    # (control shared with another, said anew in its section: "… the UGMO, which acts as processor on
    # its behalf" → "… under the joint responsibility of the Mutuelle and of the UGMO, which determines
    # together with it the purposes and means" — a second controller, GDPR Art. 26, whatever
    # companies the statement already named)
    joint = change.kind != "removed" and not _JOINT_WORDS.isdisjoint(change.new.wordset) and _JOINT.search(change.new_text) is not None \
        and _JOINT.search(context.section_text(change, "old")) is None
    if not joint and "controller" not in change.topics and _SUFFIXES.isdisjoint(change.vocabulary):
        return None
    if context.list_topic(change) == "recipients":
        return None  # a company named in a list of those who receive information is a recipient (the recipients rule's)
    old, new = _companies_of(change.old), _companies_of(change.new)
    if change.kind == "edited" and old != new:
        gone = sorted(name for name in old - new if not _named_plainly(name, change.new_text, new)
                      and not _by_its_short_name(name, change.new_text, new, context))
        came = sorted(name for name in new - old if not _named_plainly(name, change.old_text, old)
                      and not _by_its_short_name(name, change.old_text, old, context))
        if not (gone or came):
            return None  # "Stripe" → "Stripe, Inc.": the same company, named in full
        if (not gone and came and all(name == _own_company(context) for name in came) or not came and all(name == _own_company(context) for name in gone)) \
                and _ROLE.search(change.old_text) is None and _ROLE.search(change.new_text) is None:
            # the company whose statement it is, named where a clause that says nothing of roles did not
            # name it ("Personal Data may be communicated … to the following recipients:" → "Jàmm Santé
            # SAS shares Personal Data with …"), or no longer named: who is responsible stays
            return None
        role = _ROLE.search(change.new_text)
        if role is None and not _ROLE.search(change.old_text) and _FOR_US.search(change.new_text):
            # A company that acts for the controller is a recipient, not who is responsible: one
            # named beside the words that described it ("Our hosting provider (Hetzner Online GmbH)")
            # is the recipients rule's; one put in another's place ("Stripe" → "Adyen N.V.") is
            # information going to someone else.
            # (or as an example of them: "Cloud hosting providers, such as Northbeam Cloud GmbH,")
            if not gone and all(named_beside(change, span) or names_an_example(change, span) for span in change.spans if span.new):
                return None
            return change.finding("recipients", "material", f"The clause now names {listing(came)}." if came and not gone else
                                  f"The company named is now {listing(came)}, not {listing(gone)}." if came else
                                  f"The clause no longer names {listing(gone)}.")
        if role is not None and not _IDENTITY.search(change.new_text) and not _IDENTITY.search(change.old_text):
            # Only the data protection officer or a representative named anew: whom to contact
            # (Art. 13(1)(b), 27), not who is responsible.
            return change.finding("controller", "substantive", "A clause about the data protection officer or a representative changed.")
        if gone and came:
            message = f"The company named is now {listing(came)}, not {listing(gone)}."
        elif came:
            message = f"The clause now names {listing(came)}."
        else:
            message = f"The clause no longer names {listing(gone)}."
        return change.finding("controller", "material", message)
    if joint:
        return change.finding("controller", "material", "A clause about who is responsible for information changed.")
    text = change.new_text or change.old_text
    if change.kind != "edited" and ("another" in text or "other" in text):
        # (the reader's data sent on at their request: "to have them transmitted to another controller"
        # names no controller of the statement's, GDPR Art. 20)
        text = _OTHER_CONTROLLER.sub(" ", text)
    # (either side: "We are the controller" → "We are a processor" leaves the role)
    role = _ROLE.search(text) or change.kind == "edited" and _ROLE.search(change.old_text)
    if not role or change.kind == "edited" and not (change.added_words or change.removed_words):
        return None
    if change.kind == "edited":
        text = f"{change.old_text} {change.new_text}"
    if change.kind == "edited" and _without_contact(change.old_text) == _without_contact(change.new_text):
        return None  # only how to reach the controller changed: the contact rule's (substantive)
    if not _IDENTITY.search(text):
        # Only the data protection officer or a representative: how to reach someone (Art. 13(1)(b)),
        # not who is responsible.
        return change.finding("controller", "substantive", "A clause about the data protection officer or a representative changed.")
    if change.kind == "edited" and _anothers_role_moved(change, context):
        # "… we will share the information the Ombudsman needs. The Ombudsman is an independent controller
        # of that information." → "…, and the Ombudsman will be an independent controller of that information."
        return change.finding("controller", "substantive", "A clause saying another party is a controller of its own was reworded; its section still says so.")
    if change.kind == "edited" and not _who_or_role_changed(change, context.block_text(change, "new") or ""):
        # "We are the controller of your personal data" → "… of your personal information": the
        # same company in the same role
        return None
    named = new if change.new_text else old  # companies(text), found above
    if change.kind == "inserted" and not named and "Controller" in text and _SAYS_WHO.search(text) is None:
        # "the Controller" as the statement's name for the company, in a sentence that says nothing of
        # who it is: "Each sign identifies the Controller and indicates the e-mail address …"
        return None
    if change.kind != "edited" and context.said_in_section(change, keep=_keeps_roles_of(change.new or change.old)):  # type: ignore[arg-type]
        # "Talentfold is the controller of your personal data in the following limited cases:" and its
        # entries → "Talentfold is the controller of your personal data in three limited cases: where
        # …": the same role of the same company, said again in other sentences of its section
        return None
    if change.kind == "inserted" and ANOTHERS_ROLE.search(change.new_text) is not None:
        # "Once received, the passenger list is processed by the Hellenic Coast Guard as a separate
        # controller, under its own legal obligations": a recipient the statement named, said to
        # decide for itself what it does with it — no change of who is responsible for the company's
        # processing (GDPR Art. 13(1)(e) names recipients; their own controllership explains)
        names = full_names(change.new_text)
        if names and names <= context.anywhere("old", full_names):
            return change.finding("controller", "substantive", "A new clause says a recipient the statement named is a controller of its own.")
    if change.kind != "edited" and ANOTHERS_ROLE.search(text) is not None \
            and ANOTHERS_ROLE.search(context.section_text(change, "old" if change.kind == "inserted" else "new")) is not None:
        # "The platform is a separate controller for the data it collects from you" → "… the intermediary
        # acts as an independent controller under its own privacy policy": another's role of its own,
        # said again in its section in other words; who is responsible for the company's processing stays
        return change.finding("controller", "substantive", "A clause saying another party is a controller of its own was reworded; its section still says so.")
    if change.kind != "edited" and named:
        # A clause that comes or goes naming as controller a company the other version names too
        # ("Acme Ltd. is the controller" added where "Acme Ltd. makes …" stood): who is responsible stays.
        other = context.anywhere("old" if change.kind == "inserted" else "new", companies)
        if named <= other:
            return change.finding("controller", "substantive",
                                  f"The clause names {listing(sorted(named))} as responsible for information, as the statement already did.")
    return change.finding("controller", "material", "A clause about who is responsible for information changed.")
