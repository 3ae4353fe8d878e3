"""What rules may know beyond one clause: the options, and what a list is a list of."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from ..changes import ClauseChange, Span
from ..config import Options
from ..clauses import Clause, split
from ..reading import STOP, Reading, content_words, last_sentence, limited_after_negation, negates, root_stems
from ..text import LEGAL_FORMS, Anchored

__all__ = ["ACCESS_SAFEGUARD", "ACCESS_SAFEGUARD_WORDS", "ANOTHERS_ROLE", "Context", "LAW_PERMITS", "LIST_LEADS", "OWN_JUDGEMENT", "gained_own_judgement", "states", "added_between", "illustrates", "in_examples", "named_beside", "part_end"]

# What a list's lead-in says the list holds. Only these leads give a list meaning; a list of
# principles, examples or steps is just text.
LIST_LEADS: dict[str, Anchored] = {
    "collection": Anchored(re.compile(
        r"\b(?:we|us)\b[^.:]{0,60}\b(?:collect|gather|obtain|receive|record|process|store|ask (?:you )?for|get)\w{0,3}\b"
        # the company by what it is, as translated statements name it: "the Company collects and processes the following personal data:"
        # (what it lists is data: "… processes personal data … in the following cases:" lists cases)
        r"|\b(?:company|bank|controller|operator|organi[sz]ation|firm|insurer)\b[^.:]{0,40}\b(?:collect|gather|obtain|receive|record|process|store)\w{0,3}\b"
        r"[^.:]{0,40}\b(?:data|information|details|the\s{1,3}following)\s{0,3}:"
        # what is sent to the company: "your vehicle sends us:", "you give us:"
        r"|\b(?:sends?|sent|gives?|provides?|tells?)\s{1,3}us\b(?:\s{1,3}with\b)?|\bshares?\s{1,3}with\s{1,3}us\b"
        r"|\b(?:provided|given|sent|supplied|disclosed)\s{1,3}to\s{1,3}us\b"
        # what the reader must hand over: "… unless the Customer has furnished the following information and documents:"
        r"|\b(?:furnish|provide|submit|supply|present)\w{0,3}\s{1,3}(?:us\s{1,3}with\s{1,3})?the\s{1,3}following\s{1,3}(?:personal\s{1,3})?(?:information|data|details|documents)\b"
        # what the reader gives, listed: "When you register …, you may provide:"
        r"|\byou\s{1,3}(?:may|can|will|might)\s{1,3}(?:also\s{1,3})?(?:provide|give|submit|supply|send)\s{0,3}:"
        r"|\b(?:information|data)\b[^.:]{0,50}\b(?:we|you)\b[^.:]{0,30}\b(?:collect|provide|give|submit|get|receive)\w{0,3}\b"
        r"|\bcategories of (?:personal )?(?:data|information)\b|\b(?:data|information) (?:we|that we) (?:collect|process)"
        # the company's product collecting: "the Lumenward Proctor browser extension may collect:"
        r"|\b(?:apps?|extensions?|software|devices?|platform|website|sdks?|glasses|cameras?|sensors?)\b[^.:]{0,20}\b(?:collect|record|captur|gather)\w{0,3}\b"
        # a label that says so: "What it captures."
        r"|\bwhat\s{1,3}(?:it|we|they)\s{1,3}(?:collect|record|captur|gather)\w{0,3}\b"
        # those who work for it collecting: "the study doctor and the study staff will collect information about you"
        r"|\b(?:staff|team|personnel|employees|doctors?|nurses?|agents|representatives)\b[^.:]{0,20}\b(?:collect|record|gather|obtain)\w{0,3}\b",
        re.I,
    ), starts=("we", "us", "you", "furnish", "provide", "submit", "supply", "present", "company", "bank", "controller", "operator", "organi", "firm", "insurer",
              "information", "data", "categories", "send", "sent", "give", "provide", "tell", "share", "supplied", "disclosed",
              "app", "extension", "software", "device", "platform", "website", "sdk", "glasses", "camera", "sensor", "what",
              "staff", "team", "personnel", "employees", "doctor", "nurse", "agents", "representatives")),
    "recipients": Anchored(re.compile(
        r"\b(?:share|disclose|sell|rent|provide|transfer|communicate|exchange|make \w{0,12} available|made available|give access)\w{0,3}\b[^.:]{0,100}\b(?:with|to)\b"
        r"|\brecipients?\b|\bcategories of (?:third parties|recipients)\b|\bthird parties\b[^.:]{0,60}(?::|$)|\bwho (?:we share|receives?|may receive)"
        # a sentence of sharing that ends in the colon: "We share your personal data only where needed for the purposes above:"
        # (not one that lists why or what for: "… for the following purposes:", "… to:")
        # (nor one that lists what is shared: "We may share the following categories of Consumer Health Data:")
        r"|\b(?:share|disclose)\w{0,3}\b(?![^.:]{0,100}\b(?:categories|types|kinds|pieces|items)\b)[^.:]{0,100}(?<!purposes)(?<!purpose)(?<!reasons)"
        r"(?<!\bto)(?<!\bfor)(?<!data)(?<!information)(?<!details)\s{0,3}:"
        # the companies that work for the company, listed: "We also use a small number of companies that help us run the Library, including:"
        r"|(?<!from )(?<!from the )\b(?:companies|service providers|vendors|(?:sub-?)?processors|suppliers|contractors)\b[^.:]{0,60}\b(?:help|helps|work|works|act|acts|support|supports)\b[^.:]{0,60}:"
        # those who use it jointly with the company (Japan's APPI Art. 27(5)(iii)): "Scope of joint users:"
        r"|\bjoint(?:ly)? us(?:e|ers?)\b"
        # what the company's providers do for it, listed: "Qarta uses service providers for:" (the work of a
        # recipient, not a purpose of the company's own)
        r"|\b(?:use|uses|engage|engages)\s{1,3}(?:[\w-]{1,20}\s{1,3})?(?:service\s{1,3}providers|providers|vendors|(?:sub-?)?processors|suppliers|contractors)\s{1,3}(?:for|to)\s{0,3}:"
        # the company's partners or providers, listed: "Our current partners are:", "These service providers include:"
        r"|\b(?:our|the|these|such)\s{1,3}(?:[\w-]{1,20}\s{1,3})?(?:partners|providers|vendors|(?:sub-?)?processors|suppliers|contractors)\s{1,3}(?:are|include)\s{0,3}:"
        # those who handle it, listed: "personal health information may be handled by:"
        r"|\b(?:handled|processed|accessed|received|seen|viewed)\s{1,3}by\s{0,3}:",
        re.I,
    ), starts=("share", "disclose", "sell", "rent", "provide", "transfer", "communicate", "exchange", "make", "made", "give", "recipient", "categories", "third", "who", "joint",
              "companies", "service", "vendor", "processor", "subprocessor", "sub", "supplier", "contractor", "our", "the", "these", "such", "use", "engage",
              "handled", "processed", "accessed", "received", "seen", "viewed")),
    "purpose": Anchored(re.compile(
        # ("… only to the extent strictly necessary for each purpose:", "… necessary for the purposes
        # described in this Notice:" qualify a list of recipients)
        r"\b(?:use|process)\w{0,3}\b[^.:]{0,80}\b(?:to|for)\b[^.:]{0,30}(?::|$)"
        # what it is used for, listed after the verb and its object: "We use access data:"
        r"|\b(?:use|uses|process|processes)\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,3}?(?:data|information|details|it|them)\s{0,3}:$|(?<!each )(?<!every )(?<!necessary for the )(?<!necessary for these )(?<!needed for the )\bpurposes?\b|\bwhy we (?:use|process|collect)",
        re.I,
    ), starts=("use", "process", "purpose", "why")),
    "rights": Anchored(re.compile(
        # ("you may, within thirty days of the decision:" sets off a condition between the verb and the list)
        r"\brights?\b|\byou (?:can|may|have the right to)\b(?:[^.:]{0,40}|,[^,.:]{0,60})(?::|$)|\bchoices\b"
        # the reader by what they are to the company: "A Member resident in Quebec may also:"
        r"|\b(?:members?|users?|customers?|clients?|patients?|consumers?|individuals?)\b[^.:]{0,30}?\b(?:can|may)\b[^.:]{0,40}:",
        re.I,
    ), starts=("right", "you", "choices", "member", "user", "customer", "client", "patient", "consumer", "individual")),
}

# A list straight under a heading is read by the heading: "Information we collect", "Sharing".
_HEADINGS: dict[str, re.Pattern[str]] = {
    "collection": re.compile(
        r"\bcollect|\bcategories of (?:[\w-]+ ){0,2}(?:data|information)|\binformation (?:we|you) (?:get|receive|provide|give)"
        r"|\b(?:data|information) we (?:process|hold)\b|\bwhat we hold\b"
        # (Japan's APPI: "Personal Information to Be Acquired")
        r"|\b(?:information|data)\s(?:to\sbe\s)?acquired\b|\b(?:information|data) (?:we|the company) acquires?\b|\bacquisition of (?:personal )?(?:information|data)\b",
        re.I,
    ),
    # (Hong Kong's "classes of transferees": those data may be transferred to)
    "recipients": re.compile(r"\bshar(?:e|es|ing)\b|\bdisclos|\brecipients?\b|\bthird[- ]part|\bwho (?:we share|receives)|\bjoint(?:ly)? us(?:e|ers?)\b|\btransferees?\b", re.I),
    "purpose": re.compile(r"\b(?:how|why) we use\b|\bpurposes?\b", re.I),
    "rights": re.compile(r"\brights?\b|\bchoices?\b", re.I),
}


# A safeguard on access, not access given: every access recorded ("Every access to clinical information
# is recorded and reviewed", "Each consultation of your shared documents … is recorded in a log"), or
# a condition on those who can access ("Every employee … who can access student data must sign in
# with multi-factor authentication").
#: The words without which :data:`ACCESS_SAFEGUARD` does not match (each of its ways opens with one).
ACCESS_SAFEGUARD_WORDS = frozenset(("every", "each", "all", "any", "logging", "restricting", "granting", "limit", "limits", "limiting", "restrict", "restricts"))
ACCESS_SAFEGUARD = re.compile(
    r"\b(?:every|each|all|any)\s{1,3}(?:access|consultation|viewing|view|look-?up|query)(?:es|s)?\b[^.;]{0,80}?\b(?:is|are)\s{1,3}(?:recorded|logged|monitored|audited)\b"
    # the same as a measure, and access kept to those who need it: "logging every access to customer
    # data", "restricting access to your records to the staff who need it", "granting access on a role basis"
    r"|\blogging\s{1,3}(?:of\s{1,3})?(?:(?:every|each|all|any)\s{1,3})?access(?:es)?\b"
    r"|\b(?:restricting|granting)\s{1,3}access\b"
    # ("limit employee access based on job role")
    r"|\b(?:limit|limits|limiting|restrict|restricts)\s{1,3}(?:[\w-]{1,20}\s{1,3})?access\b"
    r"|\b(?:every|each|all|any)\s{1,3}(?:employees?|staff|contractors?|personnel|users?)\b[^.;]{0,60}?\bwho\s{1,3}(?:can|may|has|have)\s{1,3}(?:access|see|view)\b[^.;]{0,80}?\bmust\b",
    re.I,
)


# "No." before a number: "Law no. 41/2004", "Decree No. 2008-721".
_NUMBER_NO = re.compile(r"\bno\.\s{0,3}(?=\d)", re.I)


def _negates(text: str) -> bool:
    """:func:`negates`, where "Law no. 41/2004" negates nothing."""
    return negates(_NUMBER_NO.sub(" ", text))


# Someone else's own role as controller: "as a separate controller", "an independent controller", "a
# controller in its own right".
ANOTHERS_ROLE = re.compile(r"\b(?:separate|independent)\s{1,3}(?:data\s{1,3})?controllers?\b|\bcontrollers?\s{1,3}in\s{1,3}(?:its|their)\s{1,3}own\s{1,3}right\b", re.I)


# What the law only allows, set beside what it requires: "where the law requires or permits us to",
# "required or allowed": a disclosure limited to what is compelled is no longer limited.
LAW_PERMITS = re.compile(r"\b(?:requires?|required)\s{1,3}or\s{1,3}(?:permits?|permitted|allows?|allowed|authori[sz]es?|authori[sz]ed)\b", re.I)


# What the company does as it itself thinks fit: "as we consider appropriate", "as the Administrator
# may otherwise deem necessary", "where we are satisfied that …", "at our discretion", "for our
# legitimate business purposes" — no limit the reader can hold it to.
OWN_JUDGEMENT = re.compile(
    r"\b(?:as|where|when|if|that|which|once)\s{1,3}(?:we|it|the\s{1,3}[\w-]{2,30})\s{1,3}(?:(?:may|might|shall|will)\s{1,3})?(?:otherwise\s{1,3})?"
    r"(?:consider|considers|think|thinks|deem|deems|believe|believes|decide|decides|determine|determines|judge|judges|(?:are|is)\s{1,3}satisfied"
    # ("where the Bank has satisfied itself that the recipient provides sufficient guarantees")
    r"|(?:has|have)\s{1,3}satisfied\s{1,3}(?:itself|ourselves|themselves))\b"
    r"|\b(?:at|in)\s{1,3}(?:our|its)\s{1,3}(?:sole\s{1,3}|absolute\s{1,3})?discretion\b"
    r"|\b(?:our|its)\s{1,3}(?:own\s{1,3})?(?:legitimate\s{1,3})?business\s{1,3}(?:purposes|needs|reasons)\b",
    re.I,
)
#: The words without which :data:`OWN_JUDGEMENT` does not match (one of them).
_JUDGING = frozenset((
    "consider", "considers", "think", "thinks", "deem", "deems", "believe", "believes", "decide", "decides", "determine", "determines",
    "judge", "judges", "satisfied", "discretion", "business",
))


def gained_own_judgement(change: ClauseChange) -> bool:
    """True when an edited clause now leaves something to the company's own judgement
    (:data:`OWN_JUDGEMENT`) and did not before."""
    return _own_judgement(change.new) and not _own_judgement(change.old)


def _own_judgement(clause: "Clause | None") -> bool:
    # (in ASCII text a match holds one of its words as a whole word: looked for first, at C speed)
    if clause is None or clause.text.isascii() and _JUDGING.isdisjoint(clause.wordset):
        return False
    return OWN_JUDGEMENT.search(clause.text) is not None


@dataclass(frozen=True)
class Context:
    """The options and the two whole versions, shared by every rule for one diff."""

    options: Options
    #: the blocks of the old and of the new version (for what a whole version says; see :meth:`anywhere`)
    old_blocks: Sequence[Any] = ()
    new_blocks: Sequence[Any] = ()
    #: the diff's changes, by the order a clause change carries (the blocks a clause came from)
    changes: Sequence[Any] = ()
    _wholes: dict[tuple[str, Any], frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    #: what a list lists, by lead-in and by section path (entries of one list share both)
    _by_lead: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    _by_section: dict[tuple[str, ...], str | None] = field(default_factory=dict, compare=False, repr=False)

    def list_topic(self, change: ClauseChange) -> str | None:
        """What the list holding this clause lists (``collection``, ``recipients``, ``purpose``,
        ``rights``), by its lead-in, or by its section's heading for a list straight under a heading."""
        clause = change.new if change.new is not None else change.old
        if clause is None:
            return None
        if not clause.item:
            # a paragraph lettered as an entry ("k) promotion of the products of partners …"):
            # an entry of the list its section's heading names
            # (a letter's bracket stands in the first few characters: most paragraphs are looked at no further)
            return self.section_topic(change) if ")" in clause.text[:6] and _LETTERED.match(clause.text) is not None else None
        if clause.lead:
            # (a lead-in that says what its list holds decides, also when no rule reads it: "Our
            # framework follows these principles:" under "Sharing" lists no recipients)
            return self.lead_topic(clause.lead)
        return self.section_topic(change)

    def list_rules_out(self, change: ClauseChange) -> bool:
        """True when the list holding this clause is one of what the company rules out: its lead-in
        negates ("We never receive:"), or, with none, its section's heading does ("What we do NOT
        collect"), and it lists information, recipients or purposes. Each entry is a limit."""
        clause = change.new if change.new is not None else change.old
        if clause is None or not clause.item or self.list_topic(change) not in ("collection", "recipients", "purpose"):
            return False
        if clause.lead:
            # (not one that rules out all but the list: "… will not be communicated to third parties,
            # except in the following cases:" closes it, as "only" does)
            # (nor one whose list a limit after the negation leads: "The Company does not sell your
            # data, and discloses it only to the following parties:" lists whom it goes to)
            # (nor one that says its entries are not needed: "the following secondary purposes, which are
            # not necessary for the service you request but …" lists what is done)
            return self.memo(("ruled out", clause.lead), lambda: negates(_NOT_NEEDED.sub(" ", sentence := last_sentence(clause.lead)))
                             and _BUT.search(sentence) is None and not limited_after_negation(sentence))
        return bool(change.section) and self.memo(("ruled out", change.section[-1]), lambda: negates(change.section[-1]))

    def block_text(self, change: ClauseChange, side: str) -> str | None:
        """The text of the block a clause change came from, on the ``old`` or ``new`` side (None when
        the block has no such side: it came or went whole). A clause removed from a block that
        stays may have been reworded out of the aligner's reach: what the block says now tells."""
        block = self.changes[change.order] if change.order < len(self.changes) else None
        found = getattr(block, side, None)
        return found.text if found is not None else None

    def gained_clauses(self, change: ClauseChange) -> "list[Clause]":
        """The clauses of the new version of a clause change's block that its old version did not
        have, in order (none when the block came or went whole): where a sentence reworded out of
        the aligner's reach says again what a removed or edited clause said. Worked out once per
        block."""
        return self.memo(("gained", change.order), lambda: self._gained(change))  # type: ignore[no-any-return]

    def _gained(self, change: ClauseChange) -> "list[Clause]":
        old_block, new_block = self.block_text(change, "old"), self.block_text(change, "new")
        if old_block is None or new_block is None:
            return []
        before = {clause.key for clause in split(old_block)}
        return [clause for clause in split(new_block) if clause.key not in before]

    def gained_in_section(self, change: ClauseChange) -> "list[Clause]":
        """The clauses of the new version of a clause change's section that its old version did not
        have (see :meth:`gained_clauses`; a list written as a sentence puts its entries in another
        block of the section). Worked out once per section."""
        return self.memo(("gained in section", tuple(change.section)), lambda: self._gained_in_section(change))  # type: ignore[no-any-return]

    def _gained_in_section(self, change: ClauseChange) -> "list[Clause]":
        before = {clause.key for clause in split(self.section_text(change, "old"))}
        return [clause for clause in split(self.section_text(change, "new")) if clause.key not in before]

    def lost_in_section(self, change: ClauseChange) -> "list[Clause]":
        """The clauses of the old version of a clause change's section that its new version no longer
        has (the other side of :meth:`gained_in_section`). Worked out once per section."""
        return self.memo(("lost in section", tuple(change.section)), lambda: self._lost_in_section(change))  # type: ignore[no-any-return]

    def _lost_in_section(self, change: ClauseChange) -> "list[Clause]":
        kept = {clause.key for clause in split(self.section_text(change, "new"))}
        return [clause for clause in split(self.section_text(change, "old")) if clause.key not in kept]

    def said_in_section(self, change: ClauseChange, keep: "Callable[[Clause], bool] | None" = None) -> bool:
        """True when a clause that came (or went) says what its section said on the other side: four
        in five of its words of substance stand there, and one clause there (one ``keep`` accepts)
        shares three in four of the words of substance of the shorter of the two — a lead-in and its
        entries written as one sentence ("Talentfold is the controller of your personal data in the
        following limited cases:" and "- where you give us your consent …" → "Talentfold is the
        controller … in three limited cases: where you consent …"), or the other way."""
        clause = change.new if change.kind == "inserted" else change.old if change.kind == "removed" else None
        if clause is None:
            return False
        stems = root_stems(content_words(clause.wordset))
        # (an entry of a list may say it in two words: "- underwrite your application;")
        if len(stems) < (2 if clause.item else 3):
            return False
        side = "old" if change.kind == "inserted" else "new"
        others: "list[tuple[Clause, set[str]]]" = self.memo(("section clauses", side, tuple(change.section)), lambda: [
            (c, root_stems(content_words(c.wordset))) for c in split(self.section_text(change, side))])
        if not others or len(stems & set().union(*(other for _, other in others))) * 5 < len(stems) * 4:
            return False
        # (and says it the same way: "We do not share it with advertisers" is not "We share it with advertisers";
        # whether a clause there negates is worked out once, for a clause that shares enough)
        negated = _negates(clause.text)
        return any(other and len(stems & other) * 4 >= 3 * min(len(stems), len(other)) and (keep is None or keep(c))
                   and self.memo(("negates", c.key), lambda c=c: _negates(c.text)) == negated for c, other in others)

    def section_text(self, change: ClauseChange, side: str) -> str:
        """What the clause's section says on the ``old`` or ``new`` side: the texts of its blocks, in
        order (a paragraph turned into a lead-in and its list says the list's entries in blocks of
        their own)."""
        texts: dict[tuple[str, ...], str] = self.memo(("sections", side), lambda: self._sections(side))
        return texts.get(tuple(change.section), "")

    def _sections(self, side: str) -> dict[tuple[str, ...], str]:
        parts: dict[tuple[str, ...], list[str]] = {}
        for block in self.old_blocks if side == "old" else self.new_blocks:
            parts.setdefault(tuple(block.section), []).append(block.text)
        return {section: "\n".join(texts) for section, texts in parts.items()}

    def anywhere(self, side: str, found: Callable[[str], "set[str]"]) -> frozenset[str]:
        """What ``found`` finds in any block of the ``old`` or ``new`` version, worked out once per
        diff and only when a rule asks (is the company a clause names as controller new to the
        statement?)."""
        blocks = self.old_blocks if side == "old" else self.new_blocks
        return self.memo((side, found), lambda: frozenset().union(*(found(block.text) for block in blocks)))  # type: ignore[no-any-return]

    def memo(self, key: Any, compute: Callable[[], Any]) -> Any:
        """``compute()``, worked out once per diff (what a whole version says, asked by a rule)."""
        if key not in self._wholes:
            self._wholes[key] = compute()
        return self._wholes[key]

    def section_topic(self, change: ClauseChange) -> str | None:
        """What the clause's section is about by its heading (``rights`` under "Your rights"), for
        any clause of it, not only a list's entries."""
        return self.heading_topic(change.section)

    def heading_topic(self, section: tuple[str, ...]) -> str | None:
        """What a section is about by its heading (see :meth:`section_topic`)."""
        if section not in self._by_section:
            self._by_section[section] = self._by_heading(section)
        return self._by_section[section]

    def lead_topic(self, lead: str) -> str | None:
        """What the list introduced by ``lead`` holds (``collection``, ``recipients``, ``purpose``,
        ``rights``), or None."""
        if lead not in self._by_lead:
            self._by_lead[lead] = _by_lead(lead)
        return self._by_lead[lead]

    def _by_heading(self, section: tuple[str, ...]) -> str | None:
        for heading in reversed(section):
            if any(p.search(heading) for p in self.options.sections):
                if _A_RIGHT.match(heading) or _A_CHOICE.search(heading):
                    # "Right to an Accounting of Disclosures" names a right, not a recipient; "To limit our
                    # sharing" (the GLBA notice's) the reader's choice, and its list the ways to make it
                    return "rights"
                for topic, pattern in _HEADINGS.items():
                    if pattern.search(heading):
                        return topic
                return None
        return None


# A negation of need, which rules nothing out: "which are not necessary for the service you request".
_NOT_NEEDED = re.compile(r"\bnot\s{1,3}(?:strictly\s{1,3}|absolutely\s{1,3})?(?:necessary|required|essential|indispensable|mandatory|obligatory|needed)\b", re.I)
# What opens a way past a negation: "except in the following cases", "beyond the following purposes".
_BUT = re.compile(r"\b(?:except|excepting|other than|beyond|apart from|save|unless|outside)\b", re.I)
# A heading that names the reader's choice: "To limit our sharing", "How to opt out", "Opting out of marketing".
_A_CHOICE = re.compile(r"\b(?:to\s{1,3})?(?:limit|restrict|stop)\s{1,3}(?:our\s{1,3}|the\s{1,3})?(?:sharing|marketing|sale|selling)\b|\bopt(?:ing)?[- ]outs?\b|\bhow\s{1,3}to\s{1,3}opt\b", re.I)
# A heading that names a right of the reader at its start: "Right to an Accounting of Disclosures",
# "Your right to object to sharing", "3.2 Rights of data subjects".
_A_RIGHT = re.compile(r"[\W\d]{0,8}(?:(?:your|the)\s{1,3})?rights?\s{1,3}(?:to|of|not)\b", re.I)
_CONDITION = re.compile(r"(?:if|when|where|whenever|once|unless)\b", re.I)
# A paragraph's own letter, as an entry of a list written as paragraphs: "k) ", "(b) ", "iv) ".
_LETTERED = re.compile(r"\(?(?:[a-z]|[ivx]{1,4})\)\s")
# A lead-in's last sentence that only says its list follows: "It includes:", "These are:".
# ("This information may include:": what the sentence before it collects)
# A lead-in that ends with its subject and no verb: "While the Time Tracker is running, it:".
_ENDS_WITH_ITS_SUBJECT = re.compile(r",\s{1,3}(?:it|we|they)\s{0,3}:\s{0,3}$", re.I)
_ONLY_INCLUDES = re.compile(r"(?:it|this|these|they|such (?:data|information)|(?:our|the|this|these|those|such|an?)(?:\s{1,3}[\w-]{1,20}){1,3}?)"
                            r"\s{1,3}(?:(?:may|can|will|might|could)\s{1,3})?(?:includes?|covers?|consists? of|comprises?|are|is|means?)"
                            # ("These are for example:", "These include, among others:")
                            r"(?:,?\s{1,3}(?:for\s{1,3}example|for\s{1,3}instance|among\s{1,3}others|in\s{1,3}particular|e\.g\.),?)?\s{0,3}:?\s{0,3}$", re.I)


def _by_lead(lead: str) -> str | None:
    """What the list introduced by ``lead`` holds: read in the lead-in's last sentence, by the phrase
    that ends nearest the colon — in "We use the information we collect to:" the list holds what
    information is used *to* do (purposes), not what is collected; in "We share the information we
    collect with:", who receives it."""
    sentence = last_sentence(lead)
    if (_ONLY_INCLUDES.match(sentence) or _ENDS_WITH_ITS_SUBJECT.search(sentence)) and len(sentence) < len(lead):
        # "'Student Data' means any information … provided to us by a School. It includes:" — what
        # "it" is, is said in the sentence before (and what it does, in "What it captures. While the
        # Time Tracker is running, it:")
        sentence = last_sentence(lead[: len(lead) - len(sentence)].rstrip()) + " " + sentence
    # "If you make an app available to others, then you must comply with the following:" — the
    # list belongs to the main clause, not to the condition before it.
    then = sentence.find(", then ")
    if then >= 0 and _CONDITION.match(sentence):
        sentence = sentence[then + 7:]
    # (of two that end there, the one that begins first holds the other: in "You can use the
    # controls in Settings to:" the reader's choices, not what information is used for)
    best, best_end, best_start = None, -1, -1
    for topic, pattern in LIST_LEADS.items():
        matches = pattern.finditer(sentence)
        if matches and (matches[-1].end() > best_end or matches[-1].end() == best_end and matches[-1].start() < best_start):
            best, best_end, best_start = topic, matches[-1].end(), matches[-1].start()
    return best


# Words that introduce an example of what was already said ("answer your support requests, for
# example about billing"): the entry names nothing new.
_EXAMPLE = re.compile(r"(?:for example|for instance|e\.?\s?g\.?|such as|like|say)\b", re.I)


def illustrates(change: ClauseChange) -> bool:
    """True when every run of words an edited clause gained begins with "for example", "such as"
    or the like: it illustrates what the clause says rather than saying more ("including" is not
    among them: it can widen)."""
    added = [span for span in change.spans if span.new]
    if not added or change.new is None:
        return False
    text = change.new.text
    return all(_EXAMPLE.match(text, span.new[0].start) for span in added)


_EXAMPLES = re.compile(r"\b(?:for example|for instance|e\.g\.|such as|like)\b", re.I)


_EXAMPLES_OR_PARTS = re.compile(r"\b(?:for example|for instance|e\.g\.|such as|like|including)\b", re.I)


def in_examples(change: ClauseChange, *, including: bool = False) -> bool:
    """True when every word an edited clause lost or gained stands within examples it gives, on
    its side: after "for example", "such as" … and before that part of the sentence ends ("complain
    to a supervisory authority, for example the Berlin Commissioner …" → "…, for example the one
    where you live"). The example changed; what it illustrates did not. With ``including``, the
    parts a list names after "including" count as its examples ("claim details, including
    photographs and reports" → "…, including photographs, receipts and reports": what the category
    covers, named in part, not a further category)."""
    if change.old is None or change.new is None or not change.spans:
        return False
    pattern = _EXAMPLES_OR_PARTS if including else _EXAMPLES
    for words, text in ((lambda s: s.old, change.old.text), (lambda s: s.new, change.new.text)):
        markers = [m.end() for m in pattern.finditer(text)]
        for span in change.spans:
            changed = words(span)
            if not changed:
                continue
            start = changed[0].start
            before = [end for end in markers if end <= start]
            if not before or changed[-1].end > part_end(text, before[-1]):
                return False
    return True


# Where one part of a sentence ends and another begins: a colon or semicolon, a bracket, or a comma
# or "under" that opens a new part, or ", and we" that begins another sentence in it ("we share it only with providers who process it for us — our
# host, our e-mail service — under contracts that …": the dashes enclose the providers, "under"
# begins the terms).
_PART_END = re.compile(r"[;:(]|[.!?]\s(?=[A-Z])|,\s(?:under|but|which|who|subject|provided|except|unless|so|because|and (?:we|it|they|you|this))\b|\sunder\s")


# A line that gives a way to reach someone: "Telephone: 011 555 0190", "E-mail: privacy@…", "Post: …".
_CONTACT_LINE = re.compile(
    r"(?:telephone|phone|tel\.?|mobile|fax|e-?mail|post|postal address|address|website|web|online form|whatsapp|hours)(?:\s{1,3}[\w()-]{1,20}){0,2}\s{0,2}:",
    re.I,
)


_DETAIL = re.compile(r"[\d@]")


def contact_line(change: ClauseChange) -> bool:
    """True when each side of a clause change is a line of contact details ("Telephone: 011 555
    0190" → "Telephone: 010 446 2300"): how to reach someone, the contact rule's, not a right or a
    limit (its opening hours "except public holidays" limit nothing)."""
    # (a detail holds a digit or an @: "Phone contacts: the names and numbers in your address book" is
    # no contact line; a label ends at a colon near the start, looked for first)
    for clause in (change.old, change.new):
        if clause is not None and (clause.text.find(":", 0, 40) < 0 or _CONTACT_LINE.match(clause.text) is None
                                   or _DETAIL.search(clause.text) is None):
            return False
    return True


def part_end(text: str, start: int) -> int:
    """Where the part of the sentence that goes on at ``start`` ends (the text's length when it
    runs to the end)."""
    end = _PART_END.search(text, start)
    return end.start() if end is not None else len(text)


def named_beside(change: ClauseChange, span: Span) -> bool:
    """True when a run of words an edited clause gained is only a name set beside the words it
    names: capitalised words (a legal form among them allowed) between commas or brackets, right
    after a word that is not itself capitalised — "our cloud provider, Amazon Web Services, in the
    United Kingdom", "payment processing (Stripe)". A place added to places ("the United Kingdom,
    Ireland") follows a name, and "and Meta" is not a name alone: both name someone or somewhere new."""
    if span.old or not span.new or change.new is None:
        return False
    words, text = span.new, change.new_text
    if not all(w.written[:1].isupper() or w.norm.rstrip(".") in LEGAL_FORMS for w in words):
        return _remark_naming(change, span) or _named_where_it_is(change, span)
    previous = [w for w in change.new.words if w.end <= words[0].start]
    if not previous:
        # a name put before the words that described it, which began the clause: "an email delivery
        # provider based in …" → "Postfeld Mailservices GmbH, an email delivery provider based in …"
        following = [w for w in change.new.words if w.start >= words[-1].end][:1]
        return bool(following) and text[words[-1].end: following[0].start].strip(" .") == "," \
            and change.old is not None and bool(change.old.words) and following[0].norm == change.old.words[0].norm \
            and following[0].norm in ("a", "an", "our", "the", "its")
    if not _set_off(text, words[0].start, words[-1].end, (",", "("), (",", ")")) and not _ends_sentence(text, words[0].start, words[-1].end):
        return False
    return not previous[-1].written[:1].isupper()


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` follows a comma and ends its sentence: "… operated by our cloud
    hosting provider, Stratovault Cloud Services, Inc. Data of users …" (a legal form's full stop
    ends the sentence too)."""
    if not text[:start].rstrip().endswith(","):
        return False
    rest = text[end:].lstrip(")")
    return rest == "" or rest[:1] in ".!?" and (rest[1:].strip() == "" or rest[1:2] == " " and rest[2:3].isupper())


def _set_off(text: str, start: int, end: int, opens: "str | tuple[str, ...]", closes: "str | tuple[str, ...]") -> bool:
    """True when ``text[start:end]`` stands between one of ``opens`` and one of ``closes`` (a
    legal form's full stop may stand before what closes it: "(Voxa Labs, Inc.)")."""
    return text[:start].rstrip().endswith(opens) and text[end:].lstrip().removeprefix(".").lstrip().startswith(closes)


#: Words of a remark in brackets that only names who is meant: "(currently Swiftpost Couriers Ltd)".
_REMARK_WORDS = frozenset(("currently", "presently", "today", "namely", "i.e", "e.g", "for", "example", "instance", "at", "present"))


#: Words that may stand in a name, or after it say where the company is registered ("Vigilexam
#: S.r.l., with registered office in Bologna"). (A country there is the transfers rule's to read.)
_IN_A_NAME = frozenset(("and", "&", "with", "its", "registered", "office", "in"))


def _remark_naming(change: ClauseChange, span: Span) -> bool:
    """True when a run of words an edited clause gained is a remark in brackets or between commas
    that ends in a name and says nothing else: "delivery partners (currently Swiftpost Couriers
    Ltd)", "hosting and support providers (our hosting provider is Nordwolke Cloud GmbH)", "the
    provider of the proctoring service, currently Vigilexam S.r.l., with registered office in
    Bologna," — its other words are small ones, or words the clause already says outside it."""
    words, text = span.new, change.new_text
    if not _set_off(text, words[0].start, words[-1].end, ("(", ","), (")", ",")):
        return False
    first_name = next((i for i, w in enumerate(words) if w.written[:1].isupper()), None)
    if first_name is None or not all(w.written[:1].isupper() or w.norm.rstrip(".") in LEGAL_FORMS or w.norm in _IN_A_NAME
                                     for w in words[first_name:]):
        return False
    inside = {id(w) for w in words}
    outside = {w.norm.rstrip("s") for w in change.new.words if id(w) not in inside}  # type: ignore[union-attr]
    return all(w.norm in _REMARK_WORDS or w.norm in STOP or w.norm.rstrip("s") in outside for w in words[:first_name])


#: Words that say where a company named is: "established in", "of", "with its registered office in".
_WHERE_IT_IS = frozenset(("established", "based", "located", "situated", "headquartered", "registered", "incorporated", "domiciled",
                          "with", "its", "office", "offices", "in", "of", "at"))


def _named_where_it_is(change: ClauseChange, span: Span) -> bool:
    """True when a run of words an edited clause gained is a name set beside the words that described
    who it is, followed only by where that company is: "our IT support provider, Lagan Managed IT
    Services Limited of Belfast, Northern Ireland, which maintains our systems", "our payment
    service provider PayLuchs B.V. in Amsterdam." — one recipient of a category the clause named,
    named (GDPR Art. 13(1)(e) asks for recipients or their categories). Where it is, if abroad, is
    the transfers rule's to read."""
    words, text = span.new, change.new_text
    name = 0
    while name < len(words) and (words[name].written[:1].isupper() or words[name].norm.rstrip(".") in LEGAL_FORMS or words[name].norm == "&"):
        name += 1
    if name == 0 or name == len(words) or words[name].norm not in _WHERE_IT_IS:
        return False
    tail = words[name:]
    place = next((i for i, w in enumerate(tail) if w.norm not in _WHERE_IT_IS), None)
    if place is None or tail[place - 1].norm not in ("in", "of", "at") \
            or not all(w.written[:1].isupper() or w.norm == "and" for w in tail[place:]) or not tail[-1].written[:1].isupper():
        return False
    previous = [w for w in change.new.words if w.end <= words[0].start]  # type: ignore[union-attr]
    if not previous or previous[-1].written[:1].isupper() or previous[-1].norm in STOP:
        return False
    before, after = text[:words[0].start].rstrip(), text[words[-1].end:].lstrip()
    # set off from what follows, and from what it names by a comma, a bracket or nothing at all
    return (before.endswith((",", "(")) or before.endswith(previous[-1].written)) and (after == "" or after[:1] in ",;.)")


def added_between(change: ClauseChange, start: int, stop: int) -> bool:
    """True when a run of words the edited clause gained reaches into ``start:stop`` of its new text
    (the part of the sentence a rule reads: what is collected, what a limit covers, who receives) —
    also a run that begins before it and brings the part's first words with it ("… questions" →
    "… questions and share them with our partners")."""
    return any(span.new and span.new[0].start < stop and span.new[-1].end > start for span in change.spans)


def states(clause: Clause) -> bool:
    """True when a clause of a whole version, read on its own, is something the company says it does:
    not the reader acting, nothing ruled out or limited (see :class:`~..reading.Reading`)."""
    reading = Reading(clause.text, clause.wordset, "", frozenset(), clause.key)
    return reading.actor != "reader" and not reading.restricts
