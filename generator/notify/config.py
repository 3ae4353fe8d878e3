"""The ``notify`` options of the ``statements`` plugin, declared like MkDocs' own schema.

Mounted by the plugin's configuration as ``notify = c.SubConfig(NotifyConfig)``::

    plugins:
      - statements:
          notify:
            ledger: notifications/ledger.jsonl
            since: 2025-01-01
            channels:
              - type: webhook
                name: ops
                url: https://hooks.example.com/statements
                secret_env: STATEMENTS_WEBHOOK_SECRET

Secrets never go in mkdocs.yml: options ending in ``_env`` name an environment variable that holds
the secret, and validation messages never repeat a value that might be one.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from ..errors import NotifyError
from ..options import DateOption

__all__ = [
    "NotifyConfig",
    "ChannelConfig",
    "WebhookChannelConfig",
    "EmailChannelConfig",
    "CommandChannelConfig",
    "load_notify_config",
    "EVENT_PUBLISHED",
    "EVENT_EFFECTIVE",
    "EVENT_TYPES",
]

EVENT_PUBLISHED = "statement.version.published"
EVENT_EFFECTIVE = "statement.version.effective"
#: every event type, in the order a version passes through them
EVENT_TYPES = (EVENT_PUBLISHED, EVENT_EFFECTIVE)
_EVENT_ALIASES = {"published": EVENT_PUBLISHED, "effective": EVENT_EFFECTIVE}

#: Upper-case so that a secret pasted by mistake is rejected instead of echoed in a later message.
_ENV_NAME = re.compile(r"^[A-Z_][A-Z0-9_]*$")
_CHANNEL_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_MISSING = "Required configuration not provided."

#: key -> how to fix it; appended to validation messages
_FIXES: dict[str, str] = {
    "type": "write 'type: webhook', 'type: email' or 'type: command'",
    "name": "use letters, digits, '.', '_' or '-' (the name keys the ledger, so keep it once chosen)",
    "events": "list 'published', 'effective' or both",
    "versions": "write 'versions: material' or 'versions: all'",
    "url": "write e.g. 'url: https://hooks.example.com/statements' (or 'url: !ENV WEBHOOK_URL')",
    "secret_env": "write the NAME of the environment variable holding the whsec_… secret, e.g. 'secret_env: STATEMENTS_WEBHOOK_SECRET' (a list of names while rotating)",
    "username_env": "write the NAME of the environment variable holding the user name, e.g. 'username_env: SMTP_USERNAME'",
    "password_env": "write the NAME of the environment variable holding the password, e.g. 'password_env: SMTP_PASSWORD'",
    "timeout": "give a number of seconds greater than 0, e.g. 'timeout: 10'",
    "retries": "give a whole number of retries, 0 or more, e.g. 'retries: 4'",
    "backoff": "give the first retry delay in seconds, 0 or more, e.g. 'backoff: 1'",
    "retry_after_max": "give the longest Retry-After in seconds to honour, e.g. 'retry_after_max: 120'",
    "host": "write the SMTP server's host name, e.g. 'host: smtp.example.com'",
    "port": "give the SMTP port as a number from 1 to 65535, e.g. 587 for starttls, 465 for tls",
    "list_id": "write a list name and identifier, e.g. 'list_id: Privacy updates <privacy-updates.example.com>'",
    "per_recipient": "write 'per_recipient: true' to send each recipient a message of their own",
    "circuit_breaker": "give how many consecutive connection failures close the channel for the run, e.g. 'circuit_breaker: 5' (0: never)",
    "env": "list the NAMES of environment variables the program needs, e.g. 'env: [CHAT_TOKEN]'",
    "ledger_branch": "give a branch name, e.g. 'ledger_branch: statements-ledger'",
    "budget": "give the most seconds one run may spend delivering, e.g. 'budget: 900'",
    "security": "write 'security: starttls', 'security: tls' or 'security: none' (local relays only)",
    "sender": "write e.g. 'sender: Privacy Team <privacy@example.com>'",
    "to": "list at least one address, e.g. 'to: [privacy-updates@example.com]'",
    "reply_to": "write one address, e.g. 'reply_to: privacy@example.com'",
    "list_unsubscribe": "give mailto: or https: addresses, e.g. 'list_unsubscribe: mailto:unsubscribe@example.com'",
    "list_unsubscribe_post": "write 'list_unsubscribe_post: true' only when the https: address accepts one-click POSTs",
    "ca_file": "give the path of a PEM file, relative to mkdocs.yml",
    "templates": "give a folder, relative to mkdocs.yml, holding subject.txt, message.txt or message.html",
    "run": "give the program and its arguments, e.g. 'run: [python, scripts/announce.py]'",
    "ledger": "give a path relative to mkdocs.yml, e.g. 'ledger: notifications/ledger.jsonl'",
    "outbox": "give a folder relative to mkdocs.yml, e.g. 'outbox: notifications/outbox'",
    "since": "write the date as YYYY-MM-DD, e.g. 'since: 2025-01-01'",
    "channels": "list channel mappings, each with a 'type'",
}

#: keys people reach for when they mean to put a secret in the file
_SECRET_KEYS = {
    "secret": "secret_env",
    "password": "password_env",
    "username": "username_env",
    "token": "secret_env",
}


class _EnvName(c.Type[str]):
    """The name of an environment variable (never its value)."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        # Never repeat the value: it may be the secret itself.
        if isinstance(value, str) and value.startswith("whsec_"):
            raise ValidationError("holds a secret instead of naming the environment variable that holds it")
        if not isinstance(value, str) or not _ENV_NAME.match(value):
            raise ValidationError("must be the name of an environment variable, in capitals")
        return value


class _EnvNames(c.BaseConfigOption[list[str]]):
    """One environment variable name, or a list of them."""

    def __init__(self, *, required: bool = True):
        super().__init__()
        self.at_least_one = required
        if not required:
            self.default = []

    def run_validation(self, value: object) -> list[str]:
        if value is None:
            if self.at_least_one:
                raise ValidationError(_MISSING)
            return []
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or (self.at_least_one and not items):
            raise ValidationError("must name an environment variable, or list several")
        names = _EnvName()
        return [names.run_validation(item) for item in items]


class _Port(c.BaseConfigOption[int | None]):
    """A TCP port: a whole number from 1 to 65535 (``true`` is not a port)."""

    def run_validation(self, value: object) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 65536:
            raise ValidationError(f"{value!r} is not a port number")
        return value


class _Seconds(c.Type[float]):
    """A duration in seconds."""

    def __init__(self, default: float, *, allow_zero: bool = False) -> None:
        super().__init__((int, float), default=default)
        self.allow_zero = allow_zero

    def run_validation(self, value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValidationError(f"{value!r} is not a number of seconds")
        if value < 0 or (value == 0 and not self.allow_zero):
            raise ValidationError(f"{value!r} is too small")
        return float(value)


class _Count(c.Type[int]):
    def __init__(self, default: int) -> None:
        super().__init__(int, default=default)

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError(f"{value!r} is not a whole number, 0 or more")
        return value


class _Events(c.BaseConfigOption[tuple[str, ...]]):
    """Event types, given short (``published``) or in full (``statement.version.published``)."""

    def __init__(self) -> None:
        super().__init__()
        self.default = list(EVENT_TYPES)

    def run_validation(self, value: object) -> tuple[str, ...]:
        if value is None:
            return EVENT_TYPES
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            raise ValidationError("must list at least one event")
        chosen = set()
        for item in items:
            full = _EVENT_ALIASES.get(item, item) if isinstance(item, str) else None
            if full not in EVENT_TYPES:
                raise ValidationError(f"{item!r} is not an event")
            chosen.add(full)
        return tuple(event for event in EVENT_TYPES if event in chosen)


class _Url(c.Type[str]):
    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        # Webhook URLs often carry a token, so the message does not show the value.
        parts = urlsplit(value) if isinstance(value, str) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValidationError("must be an http:// or https:// address")
        if any(character.isspace() or ord(character) < 32 or ord(character) == 127 for character in value):
            raise ValidationError("contains a space or a control character (percent-encode it, e.g. %20)")
        try:
            port = parts.port
        except ValueError:
            raise ValidationError("has a port that is not a number from 1 to 65535") from None
        if port == 0:
            raise ValidationError("has a port that is not a number from 1 to 65535")
        return value


class Recipient(str):
    """An e-mail recipient as written in ``to`` (``"Name <a@b>"``), with the language of its notices.

    A ``str``, so that everything that handles addresses handles it; ``language`` is None when the
    entry names none (the channel's ``language`` applies).
    """

    language: str | None = None

    def __new__(cls, value: str, language: str | None = None) -> "Recipient":
        made = super().__new__(cls, value)
        made.language = language
        return made


def _recipient(value: object) -> str:
    """A ``to`` entry: an address, or ``{address: …, language: de}``."""
    if isinstance(value, dict):
        unknown = sorted(set(value) - {"address", "language"})
        if unknown or "address" not in value:
            raise ValidationError(
                f"{value!r} is not a recipient: write an address, or 'address:' with an optional 'language:'"
            )
        language = value.get("language")
        if language is not None and not (isinstance(language, str) and _language(language)):
            raise ValidationError(f"language {language!r} of {value['address']!r} is not a language code such as 'de' or 'pt-BR'")
        return Recipient(_address(value["address"]), language)
    return _address(value)


def _language(code: str) -> bool:
    from ..i18n import known_language

    return bool(re.fullmatch(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", code)) and known_language(code)


class _Language(c.Type[str]):
    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not _language(value):
            raise ValidationError(f"{value!r} is not a language code such as 'de' or 'pt-BR'")
        return value


def _address(value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError(f"{value!r} is not an e-mail address")
    from email.utils import parseaddr  # here: e-mail's package (with socket) only when there is an address to read

    _name, address = parseaddr(value)
    if "@" not in address or address.startswith("@") or address.endswith("@"):
        raise ValidationError(f"{value!r} is not an e-mail address")
    return value


class _Address(c.Type[str]):
    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        return _address(value)


class _Addresses(c.BaseConfigOption[list[str]]):
    def run_validation(self, value: object) -> list[str]:
        if value is None:
            raise ValidationError(_MISSING)
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not items:
            raise ValidationError("must list at least one address")
        return [_recipient(item) for item in items]


class _Unsubscribe(c.BaseConfigOption[list[str]]):
    def __init__(self) -> None:
        super().__init__()
        self.default = []

    def run_validation(self, value: object) -> list[str]:
        if value is None:
            return []
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list):
            raise ValidationError("must be an address or a list of addresses")
        for item in items:
            if not isinstance(item, str) or urlsplit(item.strip("<>")).scheme not in ("mailto", "https"):
                raise ValidationError(f"{item!r} is not a mailto: or https: address")
        return [item.strip("<>") for item in items]


class _Argv(c.BaseConfigOption[list[str]]):
    """A program and its arguments: a list, or a string split like a shell would (no shell runs)."""

    def run_validation(self, value: object) -> list[str]:
        import shlex

        if value is None:
            raise ValidationError(_MISSING)
        if isinstance(value, str):
            try:
                argv = shlex.split(value)
            except ValueError as exc:
                raise ValidationError(f"cannot be split into arguments ({exc})") from None
        elif isinstance(value, list) and all(isinstance(item, (str, int, float)) for item in value):
            argv = [str(item) for item in value]
        else:
            raise ValidationError("must be a list of strings or one command line")
        if not argv or not argv[0]:
            raise ValidationError("is empty")
        return argv


class _Branch(c.Type[str]):
    """A git branch name."""

    _NAME = re.compile(r"^(?!.*(?:\.\.|//|@\{|\.lock$|/$|\.$))[A-Za-z0-9_][A-Za-z0-9._/-]{0,99}$")

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not self._NAME.match(value):
            raise ValidationError(f"{value!r} is not a usable branch name")
        return value


class ChannelConfig(base.Config):
    """Keys every channel has."""

    type = c.Choice(("webhook", "email", "command"))
    """Which channel: ``webhook``, ``email`` or ``command``."""
    name = c.Optional(c.Type(str))
    """Names the channel in the ledger and in output; defaults to the type. Renaming re-sends."""
    events = _Events()
    """Which events this channel receives: ``published``, ``effective`` (default both)."""
    versions = c.Choice(("material", "all"), default="material")
    """``material``: only versions declared ``material: true`` (default); ``all``: every version."""

    def check(self) -> None:
        """Validate combinations of keys (after each key on its own); raise :class:`_KeyError`."""

    @property
    def label(self) -> str:
        """The channel's name (its type when unnamed)."""
        return self.name or self.type


class WebhookChannelConfig(ChannelConfig):
    """POST the event as JSON, signed the Standard Webhooks way."""

    url = _Url()
    """Receiver address (http or https). Use ``!ENV`` when the address itself is a secret."""
    secret_env = _EnvNames()
    """Name of the environment variable holding the ``whsec_…`` signing secret; a list of names
    while rotating (every secret signs, so receivers verify with either)."""
    timeout = _Seconds(10.0)
    """Seconds to wait for connecting and for each response."""
    retries = _Count(4)
    """Retries after the first attempt, on connection errors, timeouts, 429 and 5xx."""
    backoff = _Seconds(1.0, allow_zero=True)
    """First retry delay in seconds; each further retry doubles it."""
    retry_after_max = _Seconds(120.0, allow_zero=True)
    """The longest ``Retry-After`` honoured; longer requests wait this long."""
    circuit_breaker = _Count(5)
    """Consecutive connection failures after which the channel is skipped for the rest of the run (0: never)."""


class EmailChannelConfig(ChannelConfig):
    """Send one message to a list of recipients over SMTP."""

    host = c.Type(str)
    """SMTP server host name."""
    port = _Port()
    """SMTP port; default 587 for ``starttls``, 465 for ``tls``, 25 for ``none``."""
    security = c.Choice(("starttls", "tls", "none"), default="starttls")
    """``starttls`` (default), ``tls`` (implicit TLS) or ``none`` (local relays only)."""
    username_env = c.Optional(_EnvName())
    """Name of the environment variable holding the SMTP user name."""
    password_env = c.Optional(_EnvName())
    """Name of the environment variable holding the SMTP password."""
    sender = _Address()
    """The From address, e.g. ``Privacy Team <privacy@example.com>``."""
    to = _Addresses()
    """Recipients (one message goes to all of them); a list address keeps subscribers private.
    An entry ``{address: …, language: de}`` gets its notices in that language."""
    language = c.Optional(_Language())
    """The language of the notices of recipients that name none; default: the statement's (the site's first)."""
    reply_to = c.Optional(_Address())
    """Optional Reply-To address."""
    list_unsubscribe = _Unsubscribe()
    """``mailto:`` and/or ``https:`` addresses for the ``List-Unsubscribe`` header."""
    list_unsubscribe_post = c.Type(bool, default=False)
    """Add ``List-Unsubscribe-Post: List-Unsubscribe=One-Click`` (RFC 8058)."""
    list_id = c.Optional(c.Type(str))
    """The ``List-Id`` header (RFC 2919); default ``"<site name>" <<channel name>.<sender domain>>``."""
    per_recipient = c.Type(bool, default=False)
    """Send each recipient a message of their own (no shared ``To:``) instead of one message to all."""
    timeout = _Seconds(30.0)
    """Seconds one attempt may take in total (connecting, talking and sending)."""
    circuit_breaker = _Count(5)
    """Consecutive connection failures after which the channel is skipped for the rest of the run (0: never)."""
    ca_file = c.Optional(c.File(exists=True))
    """PEM file of certificate authorities to trust instead of the system's (self-signed relays)."""
    templates = c.Optional(c.Dir(exists=True))
    """Folder with ``subject.txt``, ``message.txt`` and/or ``message.html`` overriding the built-in ones."""

    def check(self) -> None:
        if (self.username_env is None) != (self.password_env is None):
            missing = "password_env" if self.password_env is None else "username_env"
            raise _KeyError(missing, "missing: the user name and the password come as a pair", _FIXES[missing])
        if self.security == "none" and self.password_env is not None:
            raise _KeyError("security", "'none' would send the password unencrypted", "use 'starttls' or 'tls'")
        if self.list_unsubscribe_post and not any(item.startswith("https:") for item in self.list_unsubscribe):
            raise _KeyError(
                "list_unsubscribe_post", "needs an https: address in list_unsubscribe", _FIXES["list_unsubscribe"]
            )
        if self.list_id is not None and not re.fullmatch(r"[^<>\r\n]*<[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+\.[A-Za-z0-9.-]+>", self.list_id.strip()):
            raise _KeyError("list_id", f"{self.list_id!r} is not a list identifier", _FIXES["list_id"])

    @property
    def effective_port(self) -> int:
        """The configured port, or the usual one for the security mode."""
        return self.port or {"starttls": 587, "tls": 465, "none": 25}[self.security]


class CommandChannelConfig(ChannelConfig):
    """Run a program with the event JSON on standard input."""

    run = _Argv()
    """The program and its arguments (a list, or one line split like a shell; no shell runs)."""
    env = _EnvNames(required=False)
    """Environment variables passed to the program, besides PATH, HOME and LANG (no others are)."""
    timeout = _Seconds(60.0)
    """Seconds before the program is stopped and the delivery counts as failed."""


CHANNEL_TYPES: dict[str, type[ChannelConfig]] = {
    "webhook": WebhookChannelConfig,
    "email": EmailChannelConfig,
    "command": CommandChannelConfig,
}


class _KeyError(Exception):
    """A problem with a combination of keys, reported against one of them."""

    def __init__(self, key: str, problem: str, fix: str):
        super().__init__(problem)
        self.key = key
        self.problem = problem
        self.fix = fix


def _problem(key: str, error: object, fix: str | None = None) -> str:
    text = str(error)
    if text == _MISSING:
        text = "missing"
    elif text.startswith("Expected one of:"):
        text = text.replace("Expected one of: ", "must be one of ").replace(" but received: ", ", not ")
    fix = fix or _FIXES.get(key)
    return f"{key}: {text}; {fix}" if fix else f"{key}: {text}"


class _Channels(c.BaseConfigOption[list[ChannelConfig]]):
    """A list of channel mappings, each validated against the schema of its ``type``."""

    def __init__(self) -> None:
        super().__init__()
        self.default = []
        self._config_file_path: str | None = None

    def pre_validation(self, config: base.Config, key_name: str) -> None:
        self._config_file_path = config.config_file_path

    def run_validation(self, value: object) -> list[ChannelConfig]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise ValidationError("must be a list of channel mappings, each with a 'type'")
        channels: list[ChannelConfig] = []
        names: set[str] = set()
        for index, item in enumerate(value):
            where = f"channels[{index}]"
            if not isinstance(item, dict):
                raise ValidationError(f"{where}: must be a mapping such as '- type: webhook'")
            kind = item.get("type")
            if kind not in CHANNEL_TYPES:
                shown = "missing" if kind is None else f"{kind!r} is not a channel type"
                raise ValidationError(f"{where}: type: {shown}; {_FIXES['type']}")
            name = item.get("name") if item.get("name") is not None else kind
            if not isinstance(name, str) or not _CHANNEL_NAME.match(name):
                raise ValidationError(f"{where}: name: {name!r} is not a usable name; {_FIXES['name']}")
            where = f"{where} ({kind} '{name}')"
            schema = CHANNEL_TYPES[kind]
            known = {key for key, _option in schema._schema}
            for key in item:
                if key in _SECRET_KEYS and key not in known:
                    raise ValidationError(
                        f"{where}: {key}: secrets never go in mkdocs.yml; put it in an environment "
                        f"variable and name that variable with '{_SECRET_KEYS[key]}'"
                    )
                if key not in known:
                    options = ", ".join(sorted(known))
                    raise ValidationError(f"{where}: {key}: not an option of a {kind} channel; use one of {options}")
            channel = schema(config_file_path=self._config_file_path)
            channel.load_dict(dict(item))
            failed, _warnings = channel.validate()
            if failed:
                key, error = failed[0]
                raise ValidationError(f"{where}: {_problem(key, error)}")
            try:
                channel.check()
            except _KeyError as exc:
                raise ValidationError(f"{where}: {_problem(exc.key, exc.problem, exc.fix)}") from None
            channel.name = name
            if name in names:
                raise ValidationError(
                    f"{where}: name: two channels are named '{name}'; give each a distinct 'name' (it keys the ledger)"
                )
            names.add(name)
            channels.append(channel)
        return channels


class NotifyConfig(base.Config):
    """The ``notify`` options: where the ledger lives, since when to notify, and the channels."""

    ledger = c.Type(str, default="notifications/ledger.jsonl")
    """The delivery ledger (JSON lines), relative to mkdocs.yml. Commit it: it is the proof of notice."""
    since = c.Optional(DateOption(fix=None))  # the fix comes from _FIXES
    """Versions published before this date never notify (adopting an existing repository)."""
    ledger_branch = c.Optional(_Branch())
    """Keep the ledger on this branch of its own (e.g. ``statements-ledger``) instead of the checked-out one."""
    budget = _Seconds(900.0)
    """The most seconds one run spends delivering; what is left is recorded as failed and tried next run."""
    outbox = c.Type(str, default="notifications/outbox")
    """Where ``--dry-run`` writes what it would send (``.eml`` and ``.json`` files), relative to mkdocs.yml."""
    channels = _Channels()
    """Where notifications go: a list of webhook, email and command channels."""


def load_notify_config(data: dict[str, Any] | None, config_file: str = "mkdocs.yml") -> NotifyConfig:
    """Validate a ``notify`` mapping as MkDocs would; raise :class:`NotifyError` naming the file and key.

    ``config_file`` anchors relative paths (``ca_file``, ``templates``) and names the file in messages.
    """
    config = NotifyConfig(config_file_path=str(config_file))
    if data is not None and not isinstance(data, dict):
        raise NotifyError("notify: must be a mapping of options", path=config_file, fix=_FIXES["channels"])
    config.load_dict(dict(data or {}))
    failed, warnings = config.validate()
    if failed:
        key, error = failed[0]
        text = str(error)
        message = f"notify.{text}" if key == "channels" else f"notify.{_problem(key, text)}"
        raise NotifyError(message, path=config_file)
    for key, _message in warnings:
        raise NotifyError(
            f"notify.{key}: not an option of notify; use one of ledger, ledger_branch, since, budget, outbox, channels",
            path=config_file,
        )
    return config

