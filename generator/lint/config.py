"""The ``lint:`` option of the ``statements`` plugin: which regimes, which checks to ignore, the gate."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

__all__ = ["LintConfig", "REGIME_CHOICES"]

#: what ``regimes`` and ``--regime`` accept
REGIME_CHOICES: tuple[str, ...] = ("gdpr", "ccpa", "caloppa", "all")


class _CheckIds(c.ListOfItems):
    """Check ids, each one that exists (a misspelt id would otherwise silently ignore nothing)."""

    def __init__(self) -> None:
        super().__init__(c.Type(str), default=[])

    def run_validation(self, value: object) -> list[str]:
        ids = super().run_validation(value)
        if not ids:  # the usual case: no need to load the checks (every command validates this)
            return ids
        from .catalogue import CHECK_IDS

        unknown = [i for i in ids if i not in CHECK_IDS]
        if unknown:
            raise ValidationError(f"unknown check '{unknown[0]}'; use an id listed in docs/lint.md, such as gdpr.dpo")
        return ids


class LintConfig(base.Config):
    """Options of ``statement lint`` (``lint:`` under the ``statements`` plugin)."""

    regimes = c.ListOfItems(c.Choice(REGIME_CHOICES), default=["all"])
    """Regimes to check: any of gdpr, ccpa, caloppa, or all. General checks always run."""

    ignore = _CheckIds()
    """Check ids to leave out, e.g. ``[gdpr.dpo]``."""

    gate = c.Type(bool, default=False)
    """With true, ``statement check`` fails a change whose new version fails a check its base passed."""
