"""How long information is kept (GDPR Art. 13(2)(a), 5(1)(e); CPRA § 1798.100(a)(3)).

Material: a clause about keeping or deleting information edited to keep more or longer (an
exception, "indefinitely", a new way of keeping) or to lose a limit (the deleting, its deadline,
"only"), a new one that keeps information, or a removed promise to delete. A changed period itself
is reported by the quantities rule. Substantive: a new promise to delete, a clause about keeping
information removed, one reworded that keeps nothing longer.
"""

from __future__ import annotations

import re

from ..changes import ClauseChange
from ..findings import Finding
from ..reading import content_words, limiting
from ..text import Anchored, plain_words
from .context import Context, gained_own_judgement
from .needs import Branch, any_match

# Keeping for a time, or deleting: "we keep logs for 30 days", "deleted after 90 days", "as long as
# needed", "stay published" — five alternatives, each searched only where a clause has the words it needs (see .needs).
# (not a duty of care: "they must keep it confidential and secure", "keep your details up to date")
_KEEP = (r"\b(?:retain\w{0,3}|keep\w{0,3}|kept|stor(?:e|es|ed|ing)|archiv\w{0,3})\b"
         r"(?!\s{1,3}(?:[\w']{1,20}\s{1,3}){0,2}(?:confidential|secure|safe|private|secret|accurate|up[- ]to[- ]date|informed)\b)")
_KEEPING_STARTS = ("retain", "keep", "kept", "stor", "archiv")
_KEPT = frozenset(("information", "data", "content", "log", "logs", "record", "records", "backup", "backups", "copies", "details", "history",
                   "images", "recordings", "footage", "photos", "videos"))
# Kept for a stated time, whatever is kept: "… shall be retained for a period of two (2) years".
# (searched only in a removed clause: a plain pattern, kept out of the openings of every text)
_PERIOD_KEPT = re.compile(
    r"\b(?:retained|kept|stored|archived|held)\s{1,3}for\s{1,3}(?:a\s{1,3}(?:period|maximum|minimum)\s{1,3}of\s{1,3}|up\s{1,3}to\s{1,3}|at\s{1,3}(?:most|least)\s{1,3})?"
    r"[\w-]{1,20}(?:\s{1,3}\([\w-]{1,20}\))?\s{1,3}(?:calendar\s{1,3}|business\s{1,3}|working\s{1,3})?(?:days?|weeks?|months?|years?)\b",
    re.I,
)
_KEEPS = (
    Branch(Anchored(re.compile(r"\b(?:delet\w{0,3}|eras\w{0,3}|destroy\w{0,3}|discard\w{0,3}|anonymi[sz]\w{0,3}|overwr\w{0,5})\b|\bretention\b", re.I), starts=(
        "delet", "eras", "destroy", "discard", "anonymi", "overwr", "retention",
    ))),
    Branch(Anchored(re.compile(
        _KEEP + r"[^.;]{0,60}\b(?:information|data|content|logs?|records?|backups?|copies|details|history|images|recordings|footage|photos|videos|it|them)\b[^.;]{0,60}"
        r"\b(?:for|until|as long as|after|within|period|indefinitely|longer|while)\b",
        re.I,
    ), starts=_KEEPING_STARTS), words=(
        _KEPT | {"it", "them"}, frozenset(("for", "until", "long", "after", "within", "period", "indefinitely", "longer", "while")),
    )),
    Branch(Anchored(re.compile(_KEEP + r"[^.;]{0,80}\b(?:indefinitely|permanently|forever)\b", re.I), starts=_KEEPING_STARTS), words=(
        frozenset(("indefinitely", "permanently", "forever")),
    )),
    Branch(Anchored(re.compile(
        r"\b(?:information|data|content|logs?|records?|backups?|copies|details|history|recordings|images|footage|photos|videos)\s{1,3}(?:are|is|will be|may be)\s{1,3}"
        r"(?:kept|retained|stored|archived)\b",
        re.I,
    ), starts=("information", "data", "content", "log", "record", "backup", "copies", "detail", "history", "images", "footage", "photos", "videos")), words=(
        _KEPT, frozenset(("kept", "retained", "stored", "archived")),
    )),
    # staying where it is: "Comments stay published until you delete them"
    Branch(Anchored(re.compile(
        r"\b(?:stay|stays|remain|remains)\s{1,3}(?:published|stored|available|visible|online|public|on (?:our|the) (?:servers?|site|website|service))\b",
        re.I,
    ), starts=("stay", "remain")), words=(
        frozenset(("stay", "stays", "remain", "remains")), frozenset(("published", "stored", "available", "visible", "online", "public", "on")),
    )),
)
_DELETES = Anchored(re.compile(r"\b(?:delet|eras|destroy|discard|anonymi[sz]|overwr)", re.I), starts=("delet", "eras", "destroy", "discard", "anonymi", "overwr"))


# Stems (see reading.stem) of words that make a clause keep more, or longer, when added — an
# exception, a new way of keeping, no end ("indefinitely", "as long as") — and of words that limit
# keeping when removed: the deleting itself, its deadline, "only". (Negations and "may" are the
# commitments rule's.)
_KEEPS_LONGER = frozenset(("retain", "keep", "kept", "store", "archiv", "backup", "longer", "indefinite", "permanent",
                           "until", "long", "except", "unles", "reserve"))
_LIMITS_KEEPING = frozenset(("delete", "delet", "erase", "eras", "destroy", "discard", "anonymise", "anonymize", "anonymis", "anonymiz",
                             "overwritten", "overwrite", "overwrit", "after", "only", "never", "prompt", "immediate"))
# Words of one meaning each, for keeping, for deleting and for when: one put in another's place
# keeps nothing longer ("stored in our biobank" → "kept in our biobank"; "discard it after
# analysis" → "it is destroyed once analysed").
_SAME_MEANING = (
    frozenset(("retain", "keep", "kept", "store", "stor", "hold", "held")),
    frozenset(("delete", "delet", "erase", "eras", "destroy", "discard", "anonymise", "anonymize", "anonymis", "anonymiz",
               "overwritten", "overwrite", "overwrit", "remove", "remov")),
    frozenset(("after", "once", "when", "within", "then")),  # ("after which they are deleted" → "and are then deleted")
    frozenset(("only", "solely", "exclusively")),
    # "for no longer than is necessary" → "only for as long as is necessary"
    frozenset(("long", "longer")),
    # a case kept longer said as a condition or as an exception: "30 days. When a recording shows an
    # incident, it will be kept …" → "30 days, except those showing an incident, which will be kept …"
    frozenset(("except", "unles", "when", "if", "where")),
)


def _put_in_place(word: str, others: set[str]) -> bool:
    """True when ``word`` (a stem) means what one of ``others`` means (see :data:`_SAME_MEANING`)."""
    return any(word in family and not family.isdisjoint(others) for family in _SAME_MEANING)


# Kept past the end of the reader's account: "for 5 years after you close your account".
_AFTER_ACCOUNT = re.compile(
    r"\bafter\b[^.;]{0,40}?\b(?:close|closes|closed|closing|delete|deletes|deleted|cancel|cancels|cancell?ed|end|ends|ended|terminat\w{0,5}|leave|leaves|left)\b"
    # a period counted from the end of the relationship: "five (5) years from the end of the business relationship"
    r"|\bfrom\s{1,3}the\s{1,3}(?:end|termination|closure|close)\s{1,3}of\b",
    re.I,
)


def _after_the_account(text: str) -> bool:
    lowered = text.lower()
    return ("after" in lowered or "from the" in lowered) and _AFTER_ACCOUNT.search(text) is not None


# How long, in an entry under a heading about keeping: "Health questionnaire: until your membership ends".
_HOW_LONG = re.compile(r"\buntil\b|\bfor\s{1,3}(?:\d{1,4}|[a-z]{3,9})\s{1,3}(?:days?|weeks?|months?|years?)\b|\bindefinitely\b", re.I)


def _kept_here(change: ClauseChange) -> bool:
    """True for an edited clause that says how long, under a heading about keeping information
    ("How long do you keep it?" — "Health questionnaire: until your membership ends"): what it says
    is how long its information is kept, whatever its verb. (A clause that comes or goes is read by
    its own words.)"""
    return change.kind == "edited" and "retention" in change.heading_topics and _HOW_LONG.search(change.new_text) is not None


# Of two deadlines for deleting, which one holds: the first to come keeps less.
_EARLIER = re.compile(r"\bwhichever (?:comes|is|occurs|happens) (?:first|earlier|sooner)\b|\bwhichever is (?:the )?(?:earlier|shorter|sooner)\b", re.I)
_LATER = re.compile(r"\bwhichever (?:comes|is|occurs|happens) (?:later|last)\b|\bwhichever is (?:the )?(?:later|longer)\b", re.I)


# A period, without its verb: "– for 15 months from the date of the quotation", "within 30 days".
_A_PERIOD = re.compile(
    r"\b(?:for|within|after|until)\s{1,3}(?:up\s{1,3}to\s{1,3}|at\s{1,3}(?:most|least)\s{1,3})?[\w-]{1,20}(?:\s{1,3}\([\w-]{1,20}\))?\s{1,3}"
    r"(?:calendar\s{1,3}|business\s{1,3}|working\s{1,3})?(?:days?|weeks?|months?|years?)\b", re.I)


def _period_entry(change: ClauseChange) -> bool:
    """True for a removed entry of a list under a heading about keeping information that gives a
    period ("How long we keep your personal data" — "Quotations that you do not take up – for 15
    months from the date of the quotation"): a limit on keeping, whose verb is the heading's."""
    clause = change.old
    return clause is not None and clause.item and "retention" in change.heading_topics and _A_PERIOD.search(clause.text) is not None


# A deletion ruled out: "does not delete comments on its own", "will never erase".
_NOT_DELETED = re.compile(r"\b(?:not|never|cannot)\s{1,3}(?:[\w-]{1,20}\s{1,3})?(?:delete|erase|destroy|discard|remove)s?\b", re.I)


def judge(change: ClauseChange, context: Context) -> Finding | None:
    """Keeping widened (material) or narrowed (substantive)."""
    if "retention" not in change.topics:
        return None
    reading = change.reading
    # (who acts is known by now, from the rules before; the patterns cost more)
    if reading.actor == "reader" or not (any_match(_KEEPS, change.new if change.new_text else change.old) or _kept_here(change)
                                         or change.kind == "removed" and (_PERIOD_KEPT.search(change.old_text) is not None or _period_entry(change))):
        return None
    if change.kind == "inserted":
        if reading.restricts or _DELETES.search(change.new_text):
            return change.finding("retention", "substantive", "A new clause limits how long information is kept.")
        return change.finding("retention", "material", "A new clause says how long information is kept.")
    if change.kind == "removed":
        # (a stated time is a limit too: "recordings of calls shall be retained for two (2) years"
        # gone leaves them to whatever else the statement says — GDPR Art. 13(2)(a))
        # (not one that said what is not deleted: "The filter does not delete comments on its own" set no limit on keeping)
        if (_DELETES.search(change.old_text) or reading.restricts) and _NOT_DELETED.search(change.old_text) is None \
                or _PERIOD_KEPT.search(change.old_text) is not None or _period_entry(change):
            return change.finding("retention", "material", "A clause that limited how long information is kept was removed.")
        return change.finding("retention", "substantive", "A clause about keeping information was removed.")
    # (another form of the same word keeps its meaning: "are deleted" → "we delete")
    added, removed = change.added_words, change.removed_words
    lost = {w for w in removed & _LIMITS_KEEPING if not any(a[:5] == w[:5] for a in added)
            and not _put_in_place(w, added) and not _put_in_place(w, set(change.changed_new_words))}
    if "only" in lost and limiting(change.new_text) is not None:
        lost.discard("only")  # the limit said in other words: "use it only to provide services" → "for no purpose other than providing services"
    longer = {w for w in added & _KEEPS_LONGER if not _put_in_place(w, removed | set(change.changed_old_words))}
    if longer:
        # (a word of keeping where the clause kept already: "are retained for eight years" → "are
        # kept for a period of eight years", with "retained" still standing elsewhere in it)
        had = content_words(change.old.wordset)  # type: ignore[union-attr]
        longer = {w for w in longer if not _put_in_place(w, had)}
    if longer and change.old is not None and change.old.lead:
        # an entry that took its verb from its lead-in says it again in a sentence of its own:
        # "We keep it only as long as we need it. In general: - call recordings: 12 months" →
        # "We keep call recordings for 12 months"
        led = content_words(frozenset(plain_words(change.old.lead)))
        longer = {w for w in longer if w not in led and not _put_in_place(w, led)}
    if gained_own_judgement(change):
        # "… for such longer period as is required by law" → "…, or as the Administrator may
        # otherwise consider appropriate for its legitimate business purposes": no limit is left
        return change.finding("retention", "material", "How long information is kept now depends on the company's own judgement.")
    # ("… or within 3 years of your last use, whichever comes first" → "…, whichever comes later")
    later = _LATER.search(change.new_text) is not None and _EARLIER.search(change.old_text) is not None
    if longer or lost or later or _after_the_account(change.new_text) and not _after_the_account(change.old_text):
        return change.finding("retention", "material", "A clause about how long information is kept changed.")
    if change.added_words or change.removed_words:
        # Reworded without keeping longer: a period's change is the quantities rule's; "we will
        # delete it" → "we will delete it promptly" keeps nothing longer.
        return change.finding("retention", "substantive", "A clause about how long information is kept was reworded; nothing is kept longer.")
    return None
