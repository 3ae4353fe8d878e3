"""The front-matter schema as a pydantic model, and its errors in this project's words.

:meth:`generator.model.FrontMatter.validate` comes here for front-matter it cannot take as it is: a
value pydantic coerces (``material: "yes"``, ``material: 1``), a missing or blank title, or a wrong
value (``title: 5``, ``summary: [a, b]``). The model declares the same
keys, types and defaults as :class:`~generator.model.FrontMatter` (a test keeps them in step) and runs
the same checks (``title_value``, ``date_value``, ``text_value``), so both readings give the same
result where both apply.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .model import FrontMatter, FrontMatterError, date_value, text_value, title_value

__all__ = ["FrontMatterModel", "validate_front_matter"]


class FrontMatterModel(BaseModel):
    """The keys a statement's front-matter may carry. Unknown keys are kept and ignored."""

    model_config = ConfigDict(extra="allow", frozen=True)

    title: str
    effective: dt.date | None = None
    published: dt.date | None = None
    material: bool = False
    summary: str | None = None
    review: str | None = None

    @field_validator("title")
    @classmethod
    def _title_not_blank(cls, value: str) -> str:
        return title_value(value)

    @field_validator("effective", "published", mode="before")
    @classmethod
    def _date(cls, value: Any) -> Any:
        return date_value(value)

    @field_validator("summary", "review", mode="before")
    @classmethod
    def _text(cls, value: Any) -> Any:
        return text_value(value)


#: pydantic's error types, in this project's words (the library's read "Input should be a valid boolean").
_PROBLEMS = {
    "bool_parsing": "{value} is not true or false",
    "bool_type": "{value} is not true or false",
    "string_type": "{value} is not text",
    "date_type": "{value} is not a date",
    "date_parsing": "{value} is not a date",
    "date_from_datetime_parsing": "{value} is not a date",
}


def _shown(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:39] + "…"


def validate_front_matter(raw: Mapping[str, Any]) -> FrontMatter:
    """Validate ``raw`` with the model; the first error (in the model's key order) as :class:`FrontMatterError`."""
    try:
        model = FrontMatterModel.model_validate(raw)
    except ValidationError as exc:
        error = exc.errors()[0]
        key = str(error["loc"][0]) if error["loc"] else "front-matter"
        if error["type"] == "missing":
            problem = "missing"
        elif error["type"] in _PROBLEMS:
            problem = _PROBLEMS[error["type"]].format(value=_shown(error.get("input")))
        else:
            problem = error["msg"].removeprefix("Value error, ")
        raise FrontMatterError(key, problem) from None
    return FrontMatter(
        title=model.title, effective=model.effective, published=model.published, material=model.material,
        summary=model.summary, review=model.review, extra=dict(model.model_extra or {}),
    )
