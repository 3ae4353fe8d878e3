"""Tables read by their columns: a row is not a sentence.

Statements put much of what they say in tables: "Purpose | Information | Legal basis | How long we
keep it" (GDPR Art. 13(1)(c), 13(2)(a)), the CCPA's "Category | Examples | Disclosed to | Sold or
shared" (§ 1798.110, 1798.115), cookie tables. Read as a sentence, a row misleads every rule: "No"
under "Sold or shared" reads as a negation, "Consent" → "Legitimate interests" as a renamed title.
So a row of a table whose header names what its columns hold is read cell by cell, each changed
cell by the family of law its column belongs to:

============== ===================================================== =======================
column         a change is material when                             finding's rule
============== ===================================================== =======================
legal basis    the bases named differ                                ``legal-basis``
consent        "Yes" becomes "No" under "Consent required"           ``legal-basis``
how long       a period is longer or changed ("30 days" → "90 days"; ``quantities``,
               "until you close your account" → "indefinitely")      ``retention``
information    an item is added ("e-mail address, date of birth")    ``collection``
purpose        a new row, or a purpose of its own added              ``purpose``
disclosed to   a recipient is added (also a new subprocessor's row)  ``recipients``
location       a place is added, or a row to a table of places       ``transfers``
sold / shared, "No" becomes "Yes"                                    ``recipients``,
collected                                                            ``collection``
required /     an item moved from "Optional items" to "Required      ``collection``
optional       items" (Korea's PIPA lists them apart)
============== ===================================================== =======================

The other way (an item or a row gone, "Yes" → "No", a shorter period) is substantive; a cell
changed only in spelling or case is a change of form. Cookie tables are the ``cookies`` rule's
(:mod:`.cookies`). A table whose header names none of these columns is read as text.
"""

from __future__ import annotations

import re
from typing import Sequence

from ..changes import ClauseChange
from ..clauses import Clause
from ..findings import Finding
from ..form import page_address, typo
from ..text import LEGAL_FORMS, listing, quote
from . import commitments, cookies, legal_basis, quantities, retention
from .transfers import COUNTRIES
from ..reading import STOP, root_stems
from .collection import collected_kinds, kinds_covered
from .practices import practices_in
from .context import Context

__all__ = ["read_row", "ROLES"]

#: What a column holds, by its header (the first role that matches, in this order).
ROLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # a column that describes something rather than saying what is done: "Information on the system
    # for the protection of personal information in the country" (Japan's APPI), "Notes" — read by no rule
    ("remark", re.compile(r"^\s*(?:(?:information|details)\s+(?:on|about|regarding|concerning)\s+(?:the\s+)?(?:system|laws?|legal|regime|rules|protection)|notes?|remarks?|comments?)\b", re.I)),
    ("basis", re.compile(r"\b(?:legal|lawful)\s+(?:bas[ie]s|grounds?)\b|\bbasis\b|\bbases\b", re.I)),
    # whether the reader's consent is asked for what the row does: "Consent required"
    ("consent", re.compile(r"^\s*(?:(?:your\s+)?consent\s+(?:required|needed|necessary|requested)|(?:requires?|needs?)\s+(?:your\s+)?consent|with\s+(?:your\s+)?consent)\s*\??\s*$", re.I)),
    # whether the reader can limit what the row does, the GLBA notice's "Can you limit this sharing?"
    ("choice", re.compile(r"^\s*(?:can\s+you\s+(?:limit|opt\s+out|stop|restrict)|(?:can\s+you\s+)?opt[- ]?out)\b[^|]{0,40}$", re.I)),
    # what the reader must give, and what they may (Korea's PIPA lists "Required items" and "Optional
    # items" apart; GDPR Art. 13(2)(e) asks whether giving it is a requirement)
    ("required", re.compile(r"^\s*(?:required|mandatory|compulsory|obligatory)\b[^|]{0,30}$", re.I)),
    ("optional", re.compile(r"^\s*(?:optional|voluntary)\b[^|]{0,30}$", re.I)),
    # whether the company does what the row names, the GLBA notice's "Does Kestrelline share?"
    ("shares", re.compile(r"^\s*do(?:es)?\s+[^|?]{1,60}?\s+share\s*\??\s*$", re.I)),
    ("retention", re.compile(r"\bhow long\b|\bretention\b|\bretained\b|\bkept\b|\bkeep\b|\bstorage period\b|\bduration\b|\bdeleted\b", re.I)),
    ("sold", re.compile(r"\bsold\b|\bsell\b|\bsale\b|\bshared for (?:cross-context|targeted|advertising)", re.I)),
    ("collected", re.compile(r"^\s*(?:collected|do we collect[^|]{0,40}|we collect)\s*\??\s*$", re.I)),
    ("recipients", re.compile(
        r"\bshared with\b|\bdisclos\w{0,6}\b|\brecipients?\b|\bthird parties\b|\bwho (?:we share|receives?|gets?)\b|\bwe share it with\b"
        r"|\b(?:sub-?)?processors?\b|\bvendors?\b|\bservice providers?\b|\bpartners?\b"
        # agencies that receive what is reported or checked: "Agency", "Credit reference agency", "Bureau"
        r"|\bagenc(?:y|ies)\b|\bbureaus?\b"
        # a column headed "Who" (beside "What we share", "Why"): those who receive it
        r"|^\s*(?:who|to whom)\s*\??\s*$", re.I)),
    ("location", re.compile(r"\blocations?\b|\bcountr(?:y|ies)\b|\bwhere\b|\bregions?\b|\bhosted in\b|\bprocessed in\b|\bstored in\b", re.I)),
    ("purpose", re.compile(r"\bpurposes?\b|\bwhy\b|\bwhat we use\b|\bused for\b|\bhow we use\b|\bprocessing activit", re.I)),
    ("data", re.compile(r"\binformation\b|\bdata\b|\bcategor\w{0,5}\b|\bexamples\b|\bwhat we (?:collect|share)\b|\bdetails\b", re.I)),
)
ROLES_BY_NAME = dict(ROLES)
_ROLE_RULES = {"basis": "legal-basis", "required": "collection", "optional": "collection", "consent": "legal-basis", "choice": "rights", "shares": "recipients", "retention": "retention", "sold": "recipients", "collected": "collection",
               "recipients": "recipients", "purpose": "purpose", "data": "collection", "location": "transfers"}
_YES = frozenset(("yes", "y", "✓", "✔", "☑", "x", "true"))
_NO = frozenset(("no", "n", "✗", "✘", "☒", "-", "–", "—", "", "none", "n/a", "false", "not collected", "not applicable"))
# Items of a cell: "Name, e-mail address and phone number".
_ITEMS = re.compile(r"\s*(?:[,;/•]|\band\b|\bor\b)\s*", re.I)
# Words a purpose of its own begins with: a use beyond what the row was for.
_OWN_PURPOSES = re.compile(
    r"\b(?:market\w{0,5}|advert\w{0,8}|ads?|promot\w{0,5}|research|analy[st]\w{0,6}|profil\w{0,4}|personali[sz]\w{0,5}|train\w{0,3}|sell\w{0,3}|sale"
    r"|target\w{0,3}|measur\w{0,4}|newsletters?|offers?|improv\w{0,4}|(?:their|its) own)\b", re.I)

# A purpose said as an aim: "to" and a verb ("to detect fraudulent activity").
_AN_AIM = re.compile(r"\s*(?:and\s{1,3})?(?:in\s{1,3}order\s{1,3})?to\s{1,3}(?!the\b|a\b|an\b|your\b|our\b|you\b|us\b|be\b)([a-z]{3,})", re.I)


#: Headers of the first column of a table of two that names, row by row, what the second says
#: ("Item | Details": "Retention period | Until 6 months after the order"): each row is a sentence.
_KEYS = frozenset(("item", "items", "field", "fields", "element", "aspect", "topic", "subject", "attribute", "parameter", "key", "particulars"))


#: Headers of the second column of a table of two that says, row by row, what happens ("What
#: happens | Details": "Facial recognition | Never. We do not use any image …"): each row is a sentence.
_DESCRIBING = frozenset(("details", "description", "explanation", "what this means", "how it works", "what we do"))


def _columns(header: Sequence[str]) -> list[tuple[int, str]]:
    """Each column that holds something this module reads, with its role (the first column, what
    the rows are about, only as a purpose, a kind of information or a recipient). A table of two
    columns whose first names what each row is about ("Item | Details"), or whose second only
    describes ("What happens | Details"), has none: each row says something of its own, read as text."""
    if len(header) == 2 and (_plain(header[0]) in _KEYS or _plain(header[1]) in _DESCRIBING and not any(p.search(header[0]) for _, p in ROLES)):
        return []
    found = []
    for column, text in enumerate(header):
        role = next((name for name, pattern in ROLES if pattern.search(text)), None)
        if role is not None and role != "remark" and (column > 0 or role in ("purpose", "data", "recipients", "location")):
            found.append((column, role))
    return found


def _roles(header: Sequence[str]) -> dict[str, int]:
    """The first column of each role."""
    found: dict[str, int] = {}
    for column, role in _columns(header):
        found.setdefault(role, column)
    return found


def _old_column(old_header: Sequence[str], header: str, role: str) -> int | None:
    """The old table's column for a new column: the one with the same header, else the first of its role."""
    if header in old_header:
        return list(old_header).index(header)
    return _roles(old_header).get(role)


def _plain(cell: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", cell.lower()))


def _items(cell: str) -> dict[str, str]:
    """A cell's items, by their plain words ("Name, e-mail address" → name, e-mail address)."""
    return {_plain(item): item.strip(" .") for item in _ITEMS.split(cell) if _plain(item)}


def _respelled(old: list[str], new: list[str], limit: int) -> bool:
    """True when the words of two cells differ only in spelling, word for word ("Invoicng" → "Invoicing")."""
    return len(old) == len(new) and all(a == b or typo(a, b, limit) for a, b in zip(old, new))


#: What a general name of information covers, by its words: "contact details" are an e-mail
#: address and a phone number written out, not more information.
_COVERS: dict[str, frozenset[str]] = {
    "contact": frozenset(("email", "e-mail", "phone", "telephone", "mobile", "address", "postal")),
    "payment": frozenset(("card", "bank", "iban", "billing", "account")),
    "identity": frozenset(("passport", "id", "name", "birth", "nationality")),
    "identification": frozenset(("passport", "id", "name", "birth", "nationality")),
    "technical": frozenset(("ip", "browser", "device", "operating", "cookie", "cookies")),
    "device": frozenset(("ip", "browser", "device", "operating", "model")),
}


def _examples(header: str) -> bool:
    """True for a column that gives examples of its row's category."""
    return re.search(r"\bexamples?\b|\bsuch as\b|\bfor instance\b", header, re.I) is not None


def _sensitive(cell: str, context: Context) -> set[str]:
    """The sensitive practices or kinds of data (``risk_terms``) a cell names."""
    if not cell:
        return set()
    return set(practices_in(cell, _words(cell), context).values())


def _truth(cell: str) -> bool | None:
    """True for "Yes", False for "No" (or an empty cell), None for anything else."""
    low = cell.strip().lower().rstrip(".")
    return True if low in _YES else False if low in _NO else None


def _cell(row: Sequence[str], column: int | None) -> str:
    return row[column] if column is not None and column < len(row) else ""


def _column_change(change: ClauseChange, context: Context, header: str, name: str, old: str, new: str, rules: tuple) -> Finding | None:
    """What a family's rules say of one changed cell, read as "<header>: <cell> — <row>" (the header
    first: it says who acts, "How long we keep it"); the most severe of their findings."""
    pair = ClauseChange.edited(Clause.make(f"{header}: {old} — {name}"), Clause.make(f"{header}: {new} — {name}"),
                               change.section, change.order, "row", change.aliases)
    found = [finding for finding in (rule(pair, context) for rule in rules) if finding is not None]
    return next((f for f in found if f.severity == "material"), found[0] if found else None)


def read_row(change: ClauseChange, context: Context) -> list[Finding] | None:
    """The findings of a table row's change read by its columns, or None when the rules are to read
    it as text: it stands in no table whose header names a column this module reads, or every
    changed cell changed only in form (so a misspelt cell is editorial). A row long enough to be
    cut into several clauses is read once: its other clauses get no findings of their own."""
    if change.block_kind != "row":
        return None
    read = context.memo(("read row", change.order), lambda: [_read_row(change, context), False])
    findings, given = read
    if findings is not None and given:
        return []
    read[1] = True
    return findings


def _read_row(change: ClauseChange, context: Context) -> list[Finding] | None:
    # (the row as the diff changed it: a long row's clauses may pair otherwise)
    old = cookies.row(context, change, "old")
    new = cookies.row(context, change, "new")
    either = new or old
    if either is None:
        return None
    table, row = either
    if cookies.about_trackers(table, change):
        found = cookies.judge(change, context)
        return [found] if found is not None else None
    roles = _roles(table.header)
    if not roles:
        return None
    spelling = context.options.distance
    name = row[0] if row else ""
    if old is None or new is None:
        return _row_came_or_went(change, context, table, roles, row, came=new is not None)
    findings: list[Finding] = []
    if commitments.consent_made_opt_out(change):
        # "| Prior landlords (only with your written authorization) |" → "| Prior landlords (unless you
        # instruct us in writing not to contact them) |": what a cell said waits for the reader no more
        findings.append(change.finding("commitments", "material", commitments.CONSENT_MADE_OPT_OUT))
    changed = False
    moved = _moved_between(change, old, new, table.header, roles)
    if moved:
        findings.append(moved[0])
        changed = True
    for column, role in _columns(table.header):
        before, after = _cell(old[1], _old_column(old[0].header, table.header[column], role)), _cell(new[1], column)
        if moved and role in ("required", "optional"):
            # (what moved between them is read above; what else changed is read as information collected)
            before, after = (_without(cell, moved[1]) for cell in (before, after))
        if _truth(before) != _truth(after):
            pass  # ("✗" → "✓" has no letters to compare)
        elif _plain(before) == _plain(after) or _respelled(_plain(before).split(), _plain(after).split(), spelling) \
                or page_address(before) and page_address(after):
            continue  # (the address of a page moved: "northgatecredit.co.uk/crain" → "…/legal/crain")
        changed = True
        found = _cell_changed(change, context, role, column, table.header[column], name, before, after)
        if found is not None:
            findings.append(found)
    if not changed:
        remarks = [column for column, text in enumerate(table.header) if ROLES_BY_NAME["remark"].search(text)]
        if any(_plain(_cell(old[1], column)) != _plain(_cell(new[1], column)) for column in remarks):
            # what a column of remarks says of the row ("Information on the system … in the
            # country"), reworded: nothing a rule reads
            return [change.no_rule()]
        return None  # (only spelling: the form check reads the row)
    if not findings:
        # (the same legal basis in other words, a "Yes" written "✓"): reworded, nothing a rule reads
        return [change.no_rule()]
    return findings


def _moved_between(change: ClauseChange, old: tuple, new: tuple, header: Sequence[str], roles: dict[str, int]) -> "tuple[Finding, set[str]] | None":
    """Items of a row that moved between its column of what the reader must give and its column of
    what they may give, with the finding that says so (made optional: substantive; made required:
    material, the reader can no longer keep it back), and the moved items' keys; None if none moved."""
    if "required" not in roles or "optional" not in roles:
        return None
    cells = {}
    for role in ("required", "optional"):
        column = roles[role]
        cells[role] = (_items(_cell(old[1], _old_column(old[0].header, header[column], role))), _items(_cell(new[1], column)))
    (req_before, req_after), (opt_before, opt_after) = cells["required"], cells["optional"]
    made_required = [item for key, item in req_after.items() if key in opt_before and key not in req_before and key not in opt_after]
    made_optional = [item for key, item in opt_after.items() if key in req_before and key not in opt_before and key not in req_after]
    if not made_required and not made_optional:
        return None
    keys = {_plain(item) for item in made_required + made_optional}
    if made_required:
        return change.finding("collection", "material", f"{quote(made_required[0], 60)} must now be given (it was optional)."), keys
    return change.finding("collection", "substantive", f"{quote(made_optional[0], 60)} is now optional (it had to be given)."), keys


def _without(cell: str, keys: set[str]) -> str:
    """A cell without the items of ``keys``."""
    return ", ".join(item for key, item in _items(cell).items() if key not in keys)


#: First words of a cell's part that limits, or sets terms on, what the cell names rather than naming more.
_NOT_A_KIND = frozenset(("only", "solely", "exclusively", "under", "subject", "provided", "where", "when", "if", "unless", "so", "which", "that"))


def _first_word(text: str) -> str:
    found = re.search(r"[^\W_]+", text)
    return found.group().lower() if found is not None else ""


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[^\W_]+(?:['.-][^\W_]+)*", text))


def _stems(text: str) -> set[str]:
    """The stems of a text's words of substance (:func:`..reading.root_stems`)."""
    return root_stems(_words(text))


def _said_before(purpose: str, context: Context) -> bool:
    """True when every word of substance of a purpose stands in the old version already."""
    wanted = _stems(purpose)
    said = context.anywhere("old", _stems)
    return bool(wanted) and wanted <= said


def _lists_recipients(change: ClauseChange) -> bool:
    """True when a table's lead-in says its rows are recipients ("We use the following
    sub-processors to deliver the service:"). (A section about sharing may hold a table of
    something else: what is shared and why.)"""
    clause = change.new if change.new is not None else change.old
    lead = clause.lead if clause is not None else ""
    return lead.endswith(":") and ROLES_BY_NAME["recipients"].search(lead) is not None


def _row_came_or_went(change: ClauseChange, context: Context, table: cookies.Table, roles: dict[str, int], row: Sequence[str], *,
                      came: bool) -> list[Finding]:
    """A row added or removed: a purpose, a kind of information or a recipient listed, by what the
    table's rows are about (its first column's header, else the columns it has)."""
    subject = next((name for name, pattern in ROLES if table.header and pattern.search(table.header[0])), None)
    if subject is None and _lists_recipients(change):
        # "We use the following sub-processors:" above "| Name | Purpose | Location |": each row is a recipient
        subject = "recipients"
    if subject == "location" and table.header and ROLES_BY_NAME["location"].search(table.header[0]):
        # "| Country | Category of recipient | Purpose |": each row a place information goes to
        what = quote(_cell(row, 0), 60)
        if came:
            return [change.finding("transfers", "material", f"{what} is now listed among the places where information is processed.")]
        return [change.finding("transfers", "substantive", f"{what} is no longer listed among the places where information is processed.")]
    if subject not in ("purpose", "data", "recipients"):
        subject = next((role for role in ("purpose", "data", "recipients") if role in roles), None)
    column = 0 if subject is not None and table.header and (ROLES_BY_NAME[subject].search(table.header[0]) or subject not in roles) \
        else roles.get(subject or "", 0)
    what = quote(_cell(row, column) or _cell(row, 0), 60)
    if subject == "purpose":
        if came and _said_before(_cell(row, column) or _cell(row, 0), context):
            return [change.finding("purpose", "substantive", f"{what} is now listed among the purposes; the statement already said it uses information for this.")]
        if came:
            return [change.finding("purpose", "material", f"{what} is now listed among the purposes information is used for.")]
        return [change.finding("purpose", "substantive", f"{what} is no longer listed among the purposes.")]
    if subject == "data":
        if not came:
            return [change.finding("collection", "substantive", f"{what} is no longer listed among the information collected.")]
        if "collected" in roles and _truth(_cell(row, roles["collected"])) is False:
            return [change.finding("collection", "substantive", f"{what} is now listed, as information not collected.")]
        named = " ".join(row[c] for c, role in _columns(table.header) if role == "data" and c < len(row))
        if kinds_covered(_words(named), collected_kinds(context)):
            return [change.finding("collection", "substantive", f"{what} is now listed among the information collected; "
                                   "the statement already said it collects this.")]
        return [change.finding("collection", "material", f"{what} is now listed among the information collected.")]
    if subject == "recipients":
        if came:
            return [change.finding("recipients", "material", f"{what} is now listed among those who receive information.")]
        return [change.finding("recipients", "substantive", f"{what} is no longer listed among those who receive information.")]
    return []


def _cell_changed(change: ClauseChange, context: Context, role: str, column: int, header: str, name: str, before: str, after: str) -> Finding | None:
    """What one changed cell says, by its column's role (``column`` 0: what the row is about)."""
    rule = _ROLE_RULES[role]
    if role in ("sold", "collected", "shares"):
        was, now = _truth(before), _truth(after)
        if was is None or now is None or was == now:
            return None
        severity = "material" if now else "substantive"
        return change.finding(rule, severity, f"The table now answers {quote(after)} to {quote(header)} for {quote(name, 60)} (it answered {quote(before)}).")
    if role in ("consent", "choice"):
        # "Consent required: Yes" → "No": what waited for the reader's consent no longer does;
        # "Can you limit this sharing? Yes" → "No": the reader's choice is gone (GLBA, FCRA § 624)
        was, now = _truth(before), _truth(after)
        if was is None or now is None or was == now:
            return None
        severity = "material" if was else "substantive"
        return change.finding(rule, severity, f"The table now answers {quote(after)} to {quote(header)} for {quote(name, 60)} (it answered {quote(before)}).")
    if role == "basis":
        was, now = _cell_bases(before), _cell_bases(after)
        if was == now:
            return None
        came, gone = sorted(now - was), sorted(was - now)
        parts = (["now names " + ", ".join(came)] if came else []) + (["no longer names " + ", ".join(gone)] if gone else [])
        return change.finding("legal-basis", "material", f"The legal basis {' and '.join(parts)}.")
    if role == "retention":
        found = _column_change(change, context, header, name, before, after, (quantities.judge, retention.judge))
        if found is not None:
            return found
        return change.finding("retention", "material", "A clause about how long information is kept changed.")
    if role in ("required", "optional"):
        role = "data"
    old_items, new_items = _items(before), _items(after)
    added = [item for key, item in new_items.items() if key not in old_items]
    removed = [item for key, item in old_items.items() if key not in new_items]
    if role == "purpose":
        named = {m.group().lower() for m in _OWN_PURPOSES.finditer(before)}
        own = [item for item in added if {m.group().lower() for m in _OWN_PURPOSES.finditer(item)} - named]
        # (or an aim of its own, "to" and a verb the cell did not have: "To confirm that you are present
        # in India …" → "…, and to detect fraudulent activity on your account")
        own = own or [item for item in added if (aim := _AN_AIM.match(item)) is not None and not _stems(aim.group(1)) <= _stems(before)]
        if own:
            return change.finding("purpose", "material", f"The clause now also names {quote(own[0], 60)} as a purpose.")
        return change.finding("purpose", "substantive", f"A listed purpose now reads {quote(after, 80)}.")
    if role == "data":
        sensitive = _sensitive(after, context) - _sensitive(before, context)
        if sensitive:
            return change.finding("practices", "material", f"The clause now speaks of {listing([quote(t, 40) for t in sorted(sensitive)])}.")
        # An item put in another's place names the same thing in other words ("password" →
        # "passphrase"); examples illustrate their category (CCPA § 1798.140(v)): neither collects more.
        covered = {kind for item in removed for word in _words(item) for kind in _COVERS.get(word, ())}
        written_out = [item for item in added if not covered.isdisjoint(_words(item))]  # ("contact details" → "e-mail address and phone number")
        # (a part that limits or sets terms names no kind of information: "Whatever they need" →
        # "Only the information they need, under contracts that require them to keep it confidential")
        added = [item for item in added if item not in written_out and _first_word(item) not in _NOT_A_KIND]
        if added and len(added) > len(removed) and column > 0 and not _examples(header):
            return change.finding("collection", "material", f"{quote(added[0], 60)} is now listed among the information collected.")
        if removed and not added and not written_out:
            return change.finding("collection", "substantive", f"{quote(removed[0], 60)} is no longer listed among the information collected.")
        return change.finding("collection", "substantive", f"An entry of the information collected was reworded: it now reads {quote(after, 80)}.")
    # (a recipient's name written otherwise shares a word with the one it replaced: "Amazon Web
    # Services, Inc." → "Amazon Web Services EMEA SARL")
    gone_words = set().union(*(_names(item) for item in removed)) if removed else set()
    new_ones = [item for item in added if _names(item) and _names(item).isdisjoint(gone_words)]
    if role == "location":
        countries = sorted((_words(after) - _words(before)) & COUNTRIES)
        if countries:
            # "Singapore" → "Singapore (with backup replicas stored in Japan)": one more country
            return change.finding("transfers", "material", f"{quote(countries[0].title(), 60)} is now listed among the places where information is processed.")
        if new_ones:
            return change.finding("transfers", "material", f"{quote(new_ones[0], 60)} is now listed among the places where information is processed.")
        if removed and not added:
            return change.finding("transfers", "substantive", f"{quote(removed[0], 60)} is no longer listed among the places where information is processed.")
        return None
    widened = (_words(after) - _words(before)) & _ANYWHERE or (_words(before) - _words(after)) & (COUNTRIES | _REGIONS)
    if widened:
        # "The Sponsor and group companies in the EU" → "… worldwide": where those who receive it
        # are, widened or no longer said (GDPR Art. 13(1)(f))
        return change.finding("transfers", "material", "A clause about transfers abroad, or their safeguards, changed.")
    if new_ones:
        return change.finding("recipients", "material", f"{quote(new_ones[0], 60)} is now listed among those who receive information.")
    if removed and not added:
        return change.finding("recipients", "substantive", f"{quote(removed[0], 60)} is no longer listed among those who receive information.")
    return change.finding("recipients", "substantive", f"An entry of those who receive information now reads {quote(after, 80)}.")


#: Words that put those who receive information anywhere at all.
_ANYWHERE = frozenset(("worldwide", "global", "globally", "international", "internationally", "abroad", "anywhere", "overseas"))
#: Regions named as where recipients are (besides countries).
_REGIONS = frozenset(("eu", "eea", "europe", "uk"))


def _names(item: str) -> set[str]:
    """The words of substance of an item, lower case (legal forms and small words left out)."""
    return {w for w in _words(item) if w not in STOP and w.rstrip(".") not in LEGAL_FORMS}


# A legal basis as a column names it: a word is enough ("Contract", "Consent").
_BARE_BASES = (("consent", "consent"), ("contract", "contract"), ("legitimate interest", "legitimate interests"),
               ("legal obligation", "legal obligation"), ("law requires", "legal obligation"), ("vital interest", "vital interests"),
               ("public interest", "public interest"), ("public task", "public interest"))


def _cell_bases(cell: str) -> set[str]:
    low = cell.lower()
    return legal_basis._bases(cell) | {name for word, name in _BARE_BASES if word in low}
