"""The ``statements`` plugin's configuration schema (``plugins: - statements: {...}`` in mkdocs.yml)."""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from .history import DEFAULT_EFFECTIVE_PATTERN
from .options import DateOption
from .material.config import MaterialConfig
from .notify.config import NotifyConfig
from .lint.config import LintConfig

__all__ = ["StatementsConfig", "DateOption", "RegexWithDate", "EarlierPaths", "LanguageList", "load_options"]



class RegexWithDate(c.Type[str]):
    """A regular expression with a named group ``date``."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value)
        try:
            compiled = re.compile(text)
        except re.error as exc:
            raise ValidationError(f"is not a valid regular expression ({exc}); check brackets and escapes")
        if "date" not in compiled.groupindex:
            raise ValidationError("needs a named group (?P<date>...) around the date")
        return text


class EarlierPaths(c.BaseConfigOption[dict]):
    """``{statement id: [earlier path, …]}``: paths relative to mkdocs.yml, oldest first."""

    def __init__(self) -> None:
        super().__init__()
        self.default = {}

    def run_validation(self, value: object) -> dict[str, list[str]]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise ValidationError("must map a statement id to a list of its earlier paths, e.g. privacy: [Policies/privacy.md]")
        result: dict[str, list[str]] = {}
        for key, paths in value.items():
            if isinstance(paths, str):
                paths = [paths]
            if not isinstance(key, str) or not isinstance(paths, list) or not all(isinstance(p, str) and p for p in paths):
                raise ValidationError(f"'{key}' must list paths of earlier files, e.g. {key}: [Policies/{key}.md]")
            result[key] = list(paths)
        return result


class LanguageList(c.BaseConfigOption[list]):
    """``[en, de, fr]``: the site's languages, the default first; each one Material for MkDocs speaks."""

    def __init__(self) -> None:
        super().__init__()
        self.default = []

    def run_validation(self, value: object) -> list[str]:
        from .translations import known_language

        if value is None or value == []:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            raise ValidationError("must list language codes, the default first, e.g. [en, de, fr]")
        codes: list[str] = []
        for item in value:
            code = str(item).strip() if isinstance(item, str) else None
            if not code or not known_language(code):
                raise ValidationError(
                    f"{item!r} is not a language code Material for MkDocs has; "
                    "write codes such as en, de, fr, es, nl or pt-BR"
                )
            if code in codes:
                raise ValidationError(f"'{code}' is listed twice; list each language once")
            codes.append(code)
        return codes


#: What ``statement check`` asks of a translation (``translations:`` option).
TRANSLATION_REQUIREMENTS = ("required", "optional")


class TranslationPolicy(c.BaseConfigOption[dict]):
    """``{de: required, fr: optional}`` (or one word for every language): which translations the gate requires.

    A *required* language makes ``statement check`` fail when a material version has no translation
    into it by the version's publication date, or when a correction of the original leaves its
    translation stale; an *optional* one only reports it. Languages not named are required.
    """

    def __init__(self) -> None:
        super().__init__()
        self.default = {}

    def run_validation(self, value: object) -> dict[str, str]:
        if value is None:
            return {}
        if isinstance(value, str):
            if value not in TRANSLATION_REQUIREMENTS:
                raise ValidationError(f"{value!r} is not 'required' or 'optional'; write e.g. 'translations: {{de: required, fr: optional}}'")
            return {"*": value}
        if not isinstance(value, dict):
            raise ValidationError("must map languages to 'required' or 'optional', e.g. {de: required, fr: optional}")
        result: dict[str, str] = {}
        for code, requirement in value.items():
            if requirement not in TRANSLATION_REQUIREMENTS:
                raise ValidationError(f"{code}: {requirement!r} is not 'required' or 'optional'; write '{code}: required' or '{code}: optional'")
            result[str(code)] = str(requirement)
        return result

    def post_validation(self, config: base.Config, key_name: str) -> None:
        languages = list(config.get("languages") or [])
        others = languages[1:]
        for code in config[key_name]:
            if code == "*":
                continue
            if languages and code == languages[0]:
                raise ValidationError(f"'{code}' is the default language, which is the original, not a translation; name only {', '.join(others) or 'the other languages'}")
            if code not in others:
                listed = ", ".join(languages) if languages else "none"
                raise ValidationError(f"'{code}' is not one of the site's languages [{listed}]; add it to 'languages' or remove it here")


def translation_requirement(options: Any, language: str) -> str:
    """``required`` or ``optional``: what the gate asks of the translation into ``language``."""
    policy = dict(getattr(options, "translations", None) or {})
    return policy.get(language) or policy.get("*") or "required"


class StatementsConfig(base.Config):
    """Options of the ``statements`` MkDocs plugin."""

    statements_dir = c.Type(str, default="statements")
    """Folder (relative to mkdocs.yml) with one Markdown file per statement: privacy.md, cookies.md, …"""

    as_of = c.Optional(DateOption())
    """The build's date: which version is in force and which are upcoming. Default: today."""

    committed_only = c.Type(bool, default=False)
    """Leave uncommitted edits of statement files out (they are shown as a draft otherwise)."""

    effective_pattern = RegexWithDate(DEFAULT_EFFECTIVE_PATTERN)
    """Where front-matter has no ``effective``, a body line matching this pattern gives the date."""

    earlier_paths = EarlierPaths()
    """Statement id -> earlier paths of its file (relative to mkdocs.yml, oldest first), read before it."""

    languages = LanguageList()
    """The site's languages, the default first (``[en, de, fr]``); ``privacy.de.md`` is the German text of
    ``privacy.md``. Empty: one language, ``theme.language``."""

    translations = TranslationPolicy()
    """What ``statement check`` asks of each translation: ``{de: required, fr: optional}``, or one word for
    all; languages not named are ``required``."""

    home = c.Type(bool, default=True)
    """Generate a home page listing the statements when the docs folder has no index.md."""

    nav = c.Type(bool, default=True)
    """Generate the navigation (unless mkdocs.yml defines ``nav`` itself)."""

    banner_days = c.Type(int, default=30)
    """Days after a version takes effect during which the site says it changed (banner if material)."""

    notice_days = c.Type(int, default=30)
    """Minimum days between publishing a material version and its effective date (``statement check``)."""

    policy_changes = c.Choice(("fail", "report"), default="fail")
    """What ``statement check`` does when a pull request changes this policy (read from the base revision):
    ``fail`` — exit 1 until a person merges the change past the check; ``report`` — show it for review and pass."""

    feed_entries = c.Type(int, default=50)
    """How many versions the site-wide Atom feed lists at most."""

    notify = c.SubConfig(NotifyConfig)
    """Notification channels (webhook, email, command) and the delivery ledger; see ``statement notify``."""

    material = c.SubConfig(MaterialConfig)
    """The material-change detector: sensitive terms, section headings, rules switched off; see docs/material-rules.md."""

    lint = c.SubConfig(LintConfig)
    """``statement lint``: regimes to check, checks to ignore, and whether ``statement check`` gates on them."""

    public_assessment = c.Type(bool, default=False)
    """Show the generator's own verdict on public pages and feeds. Off by default: public pages show
    what each version declares (``material: true`` or a ``review:`` reason); ``statement check``,
    ``statement diff`` and the pull-request report always show the verdict."""

    cache = c.Type(bool, default=True)
    """Keep redlines, verdicts and compare data in ``.cache/statements/`` so rebuilds reuse them (safe to delete)."""


def load_options(options: dict[str, Any], config_file_path: str | None = None) -> tuple[StatementsConfig, list, list]:
    """The plugin's options from mkdocs.yml, validated: ``(config, errors, warnings)`` as MkDocs' ``validate()`` gives them.

    Shared by the plugin (MkDocs loads it) and the commands that read mkdocs.yml without building
    (:func:`generator.project.load_command_config`), so both accept and refuse the same options.
    An unknown option is most likely a typo that silently changes nothing: it is an error, not
    MkDocs' warning.
    """
    config = StatementsConfig(config_file_path=config_file_path)
    config.load_dict(options)
    errors, warnings = config.validate()
    unknown = [(key, text) for key, text in warnings if "Unrecognised configuration name" in str(text)]
    if unknown:
        errors = list(errors) + unknown
        warnings = [w for w in warnings if w not in unknown]
    return config, list(errors), list(warnings)
