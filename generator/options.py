"""Option types shared by the plugin's configuration schemas (config.py, notify/config.py)."""

from __future__ import annotations

import datetime as dt

from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from .model import as_date

__all__ = ["DateOption"]


class DateOption(c.OptionallyRequired[dt.date]):
    """A calendar date written as YYYY-MM-DD (YAML dates are accepted as they are)."""

    def __init__(self, *, fix: str | None = "write it as YYYY-MM-DD", **kwargs) -> None:
        super().__init__(**kwargs)
        self.fix = fix

    def run_validation(self, value: object) -> dt.date:
        date = as_date(value)
        if date is not None:
            return date
        raise ValidationError(f"{value!r} is not a date" + (f"; {self.fix}" if self.fix else ""))
