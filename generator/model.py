"""Value objects: :class:`Revision`, :class:`Version`, :class:`Statement`, and the front-matter schema.

A *revision* is one state of a statement file (one commit, or the uncommitted working tree).
Revisions that carry the same ``effective`` date form one *version*; the version's text is
its last revision, and revisions committed after the version was published are *corrections*.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Mapping

import yaml

from .errors import InputError
from .patterns import LazyPattern

__all__ = [
    "FrontMatter",
    "FrontMatterError",
    "Revision",
    "Version",
    "Statement",
    "Status",
    "parse_document",
    "as_date",
    "Document",
    "STATEMENT_ID",
]

#: A statement id is its file name without ``.md``; it becomes a URL path segment.
STATEMENT_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")

Status = Literal["in-force", "archived", "upcoming", "draft"]


@dataclass(frozen=True)
class FrontMatter:
    """The keys a statement's front-matter may carry, validated (:meth:`validate`).

    Unknown keys are kept in ``extra`` and otherwise ignored, so that existing repositories' front-matter
    works unchanged.
    """

    title: str
    effective: dt.date | None = None
    published: dt.date | None = None
    material: bool = False
    summary: str | None = None
    review: str | None = None
    #: the other keys, as written (compared, but not hashed: their values may be lists)
    extra: dict[str, Any] = field(default_factory=dict, hash=False)

    @classmethod
    def validate(cls, raw: Mapping[str, Any]) -> "FrontMatter":
        """Validate a front-matter mapping; raises :class:`FrontMatterError` naming the first wrong key.

        The schema is the pydantic model in :mod:`generator.front_matter`. Front-matter whose values
        already have their types (a title, dates YAML read as dates, a boolean, texts) is taken as it
        is — the model would return it unchanged — so reading a history does not import pydantic;
        anything else (a value to coerce, such as ``material: "yes"``, or a wrong one) goes to the model,
        which coerces it or words the error.
        """
        plain = _plain_front_matter(raw)
        if plain is not None:
            return plain
        from .front_matter import validate_front_matter  # pydantic: only for what needs it

        return validate_front_matter(raw)


#: The keys :class:`FrontMatter` declares; any other key goes to ``extra``.
FIELDS = ("title", "effective", "published", "material", "summary", "review")


class FrontMatterError(ValueError):
    """A front-matter key with a wrong or missing value: ``key`` and the ``problem`` in words."""

    def __init__(self, key: str, problem: str):
        super().__init__(f"{key}: {problem}")
        self.key = key
        self.problem = problem


# The schema's own checks, shared by the model and the plain reading so that both say the same.


def title_value(value: str) -> str:
    """A title (already text) without surrounding whitespace; blank is an error."""
    if not value.strip():
        raise ValueError("title is empty")
    return value.strip()


def date_value(value: Any) -> Any:
    """``effective``/``published`` before type validation: a date, None, or a date read from text."""
    if value is None or isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            parsed = parse_human_date(text)
            if parsed:
                return parsed
    raise ValueError(f"{value!r} is not a date")


def text_value(value: Any) -> Any:
    """``summary``/``review`` before type validation: numbers and dates as text, blank text as None."""
    if value is None:
        return None
    if isinstance(value, (int, float, dt.date)):
        return str(value)
    if isinstance(value, str):
        return value.strip() or None
    return value


def _plain_front_matter(raw: Mapping[str, Any]) -> FrontMatter | None:
    """``raw`` as :class:`FrontMatter` when every value already has its declared type after the
    schema's own checks (what the pydantic model returns unchanged); None when a value needs the
    model: a type to coerce, a missing title, or any error (the model reports the first, in order)."""
    title = raw.get("title")
    if type(title) is not str or not title.strip():
        return None
    values: dict[str, Any] = {"title": title_value(title)}
    for key in ("effective", "published"):
        if key in raw:
            try:
                value = date_value(raw[key])
            except ValueError:
                return None
            if value is not None and type(value) is not dt.date:
                return None
            values[key] = value
    if "material" in raw:
        if type(raw["material"]) is not bool:
            return None
        values["material"] = raw["material"]
    for key in ("summary", "review"):
        if key in raw:
            value = text_value(raw[key])
            if value is not None and type(value) is not str:
                return None
            values[key] = value
    return FrontMatter(**values, extra={key: value for key, value in raw.items() if key not in FIELDS})


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_HUMAN_DATE = LazyPattern(
    r"(?:(?P<m1>[A-Za-z]{3,9})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{4}))"
    r"|(?:(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m2>[A-Za-z]{3,9})\.?,?\s+(?P<y2>\d{4}))"
    r"|(?:(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))"
)


def as_date(value: object) -> dt.date | None:
    """A YAML date, datetime or ``YYYY-MM-DD`` string as a date; ``None`` for anything else."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def parse_human_date(text: str) -> dt.date | None:
    """Parse ``February 1, 2024``, ``1 February 2024`` or ``2024-02-01``; ``None`` if it is no date."""
    match = _HUMAN_DATE.search(text)
    if not match:
        return None
    try:
        if match["y3"]:
            return dt.date(int(match["y3"]), int(match["m3"]), int(match["d3"]))
        month_name = (match["m1"] or match["m2"]).lower()
        day = int(match["d1"] or match["d2"])
        year = int(match["y1"] or match["y2"])
        month = _MONTHS.get(month_name)
        return dt.date(year, month, day) if month else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Document:
    """A statement file split into front-matter and Markdown body."""

    meta: FrontMatter | None
    raw_meta: dict[str, Any]
    body: str
    #: 1-based line of the body's first line in the file
    body_line: int


_FENCE = re.compile(r"\A---[ \t]*\r?\n")
_FENCE_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return ``(yaml_text, body, body_line)``; ``yaml_text`` is None without front-matter."""
    if not _FENCE.match(text):
        return None, text, 1
    start = _FENCE.match(text).end()  # type: ignore[union-attr]
    end = _FENCE_END.search(text, start)
    if end is None:
        return None, text, 1
    yaml_text = text[start : end.start()]
    rest = text[end.end() :]
    if rest.startswith("\r\n"):
        rest = rest[2:]
    elif rest.startswith("\n"):
        rest = rest[1:]
    body_line = text[: len(text) - len(rest)].count("\n") + 1
    return yaml_text, rest, body_line


class _Loader(yaml.SafeLoader):
    """Safe YAML, except that an impossible date (2024-02-30) stays text for a clear error later."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError:
        return loader.construct_scalar(node)  # type: ignore[arg-type]


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _key_lines(yaml_text: str) -> dict[str, int]:
    """Map each top-level key to its 1-based line inside the YAML text."""
    try:
        node = yaml.compose(yaml_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, _value in node.value:
            if isinstance(key, yaml.ScalarNode):
                lines[str(key.value)] = key.start_mark.line + 1
    return lines


_FIXES = {
    "title": "add a line such as 'title: Privacy Statement'",
    "effective": "write the date as YYYY-MM-DD, e.g. 'effective: 2025-03-01'",
    "published": "write the date as YYYY-MM-DD, e.g. 'published: 2025-02-01'",
    "material": "write 'material: true' or 'material: false'",
    "summary": "write the summary as text",
    "review": "write the reason as text",
}


def parse_document(text: str, *, path: str | Path, strict: bool = True) -> Document:
    """Split and validate a statement file.

    With ``strict=False`` (used for old revisions in git history) a file without usable
    front-matter yields ``meta=None`` instead of an error; the caller decides how to warn.
    """
    yaml_text, body, body_line = split_front_matter(text)
    if yaml_text is None:
        if strict:
            raise InputError(
                "no front-matter", path=path, line=1,
                fix="start the file with '---', a line 'title: …', and '---'",
            )
        return Document(None, {}, body, body_line)
    try:
        raw = yaml.load(yaml_text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        context = getattr(exc, "context", None) or ""
        if getattr(exc, "context_mark", None) is not None and (
            mark is None or mark.line >= yaml_text.count("\n") or context.startswith(("while scanning", "while parsing a flow"))
        ):
            # A key without its ':', an unclosed quote or bracket is noticed on a later line; the
            # context mark is where the user has to look.
            mark = exc.context_mark
        line = mark.line + 2 if mark is not None else 2  # +1 for the opening '---'
        problem = getattr(exc, "problem", None) or "malformed YAML"
        if strict:
            raise InputError(
                f"front-matter is not valid YAML ({problem})", path=path, line=line,
                fix="check indentation and quote values that contain ':' or '#'",
            ) from None
        return Document(None, {}, body, body_line)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        if strict:
            raise InputError(
                "front-matter must be a mapping of keys to values", path=path, line=2,
                fix="write one 'key: value' per line",
            )
        return Document(None, {}, body, body_line)
    raw = {str(key): value for key, value in raw.items()}
    try:
        meta = FrontMatter.validate(raw)
    except FrontMatterError as exc:
        if not strict:
            return Document(None, raw, body, body_line)
        lines = _key_lines(yaml_text)
        line = lines.get(exc.key, 1) + 1 if exc.key in lines else 1
        raise InputError(f"{exc.key}: {exc.problem}", path=path, line=line, fix=_FIXES.get(exc.key, "correct the value")) from None
    if strict and meta.material and not meta.summary:
        line = _key_lines(yaml_text).get("material", 0) + 1
        raise InputError(
            "material: true needs a summary of what changed", path=path, line=line,
            fix="add 'summary: …' in plain words for readers and notifications",
        )
    return Document(meta, raw, body, body_line)


@dataclass(frozen=True)
class Revision:
    """One state of a statement file: a commit, or the uncommitted working tree (``commit=None``)."""

    statement_id: str
    path: str
    text: str
    #: commit hex sha; None for the working tree
    commit: str | None
    #: commit time (aware datetime); for the working tree, the file's modification time
    committed: dt.datetime
    author: str
    subject: str
    meta: FrontMatter | None
    body: str
    #: the effective date this revision belongs to, after fallbacks
    effective: dt.date
    #: where that effective date came from: front-matter, body, commit
    effective_source: Literal["front-matter", "body", "commit", "file"] = "front-matter"

    @property
    def is_draft(self) -> bool:
        """True for uncommitted edits in the working tree."""
        return self.commit is None

    @property
    def short(self) -> str:
        """Abbreviated commit sha, or ``working tree``."""
        return self.commit[:7] if self.commit else "working tree"


@dataclass(frozen=True)
class Version:
    """A statement as it reads from one ``effective`` date on: its identity and permalink."""

    statement_id: str
    title: str
    effective: dt.date
    published: dt.date
    material: bool
    summary: str | None
    review: str | None
    #: every revision that carried this effective date, oldest first
    revisions: tuple[Revision, ...]
    #: how many of the leading revisions precede publication; the rest are corrections
    published_count: int
    #: extra front-matter keys, kept and otherwise ignored
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def text(self) -> str:
        """The full file text of the last revision (front-matter included)."""
        return self.revisions[-1].text

    @property
    def body(self) -> str:
        """The Markdown body of the last revision."""
        return self.revisions[-1].body

    @property
    def commit(self) -> str | None:
        """The commit of the last revision (None when that is an uncommitted draft)."""
        return self.revisions[-1].commit

    @property
    def is_draft(self) -> bool:
        """True when the version's text includes uncommitted edits."""
        return self.revisions[-1].is_draft

    @property
    def corrections(self) -> tuple[Revision, ...]:
        """Revisions committed after publication (each a change to a published text)."""
        return self.revisions[self.published_count :]

    @property
    def published_text(self) -> str:
        """The text as first published (before any correction)."""
        return self.revisions[self.published_count - 1].text

    @property
    def last_updated(self) -> dt.date:
        """When the public text last changed: the last correction's date, else the publication date."""
        if self.corrections:
            return max(self.published, self.revisions[-1].committed.date())
        return self.published

    @property
    def key(self) -> str:
        """The version's permanent address segment: its effective date, ISO formatted."""
        return self.effective.isoformat()

    @property
    def sha256(self) -> str:
        """sha256 of the version's full file text (UTF-8), as listed in versions.json."""
        import hashlib  # here, not at the top: it loads OpenSSL, which only versions.json and the feeds need

        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def status(self, as_of: dt.date, current: "Version | None") -> Status:
        """The version's status on ``as_of`` given the statement's version in force."""
        if self.effective > as_of:
            return "upcoming"
        if current is not None and current.effective == self.effective:
            return "in-force"
        return "archived"


@dataclass(frozen=True)
class Statement:
    """A statement file and its versions, oldest first.

    Look-ups (``previous``, ``next``, ``current``, ``upcoming``, ``version``) use indexes built once,
    so planning a site stays linear in the number of versions.
    """

    id: str
    path: str
    versions: tuple[Version, ...]
    warnings: tuple[str, ...] = ()
    #: version key -> position in ``versions``
    _positions: dict[str, int] = field(init=False, repr=False, compare=False, hash=False)
    #: effective dates in order, for bisecting; None when ``versions`` is not sorted by them
    _effective: tuple[dt.date, ...] | None = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        positions = {version.key: index for index, version in enumerate(self.versions)}
        effective = tuple(version.effective for version in self.versions)
        ordered = all(a < b for a, b in zip(effective, effective[1:]))
        object.__setattr__(self, "_positions", positions)
        object.__setattr__(self, "_effective", effective if ordered else None)

    @property
    def title(self) -> str:
        """The title of the newest version."""
        return self.versions[-1].title

    def current(self, as_of: dt.date) -> Version | None:
        """The version in force on ``as_of``: the latest with ``effective <= as_of``."""
        if self._effective is not None:
            index = bisect.bisect_right(self._effective, as_of)
            return self.versions[index - 1] if index else None
        found = None
        for version in self.versions:
            if version.effective <= as_of:
                found = version
        return found

    def upcoming(self, as_of: dt.date) -> tuple[Version, ...]:
        """Versions that take effect after ``as_of``."""
        if self._effective is not None:
            return self.versions[bisect.bisect_right(self._effective, as_of):]
        return tuple(v for v in self.versions if v.effective > as_of)

    def _index(self, version: Version) -> int:
        index = self._positions.get(version.key)
        if index is None or self.versions[index] is not version and self.versions[index] != version:
            return self.versions.index(version)  # raises ValueError, as a tuple does
        return index

    def previous(self, version: Version) -> Version | None:
        """The version before ``version``, or None for the first."""
        index = self._index(version)
        return self.versions[index - 1] if index else None

    def next(self, version: Version) -> Version | None:
        """The version after ``version``, or None for the newest."""
        index = self._index(version)
        return self.versions[index + 1] if index + 1 < len(self.versions) else None

    def version(self, effective: dt.date | str) -> Version | None:
        """Look a version up by its effective date."""
        key = effective if isinstance(effective, str) else effective.isoformat()
        index = self._positions.get(key)
        return self.versions[index] if index is not None else None
