"""Option types shared by the plugin's configuration schemas (config.py, notify/config.py)."""

from __future__ import annotations

import datetime as dt

from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

__all__ = ["DateOption"]


class DateOption(c.OptionallyRequired[dt.date]):
    """A calendar date written as YYYY-MM-DD (YAML dates are accepted as they are)."""

    def __init__(self, *, fix: str | None = "write it as YYYY-MM-DD", **kwargs) -> None:
        super().__init__(**kwargs)
        self.fix = fix

    def run_validation(self, value: object) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise ValidationError(f"{value!r} is not a date" + (f"; {self.fix}" if self.fix else ""))
