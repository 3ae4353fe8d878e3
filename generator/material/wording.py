"""The findings' sentences in the reader's language.

The detector states each finding as one English sentence (``Finding.message``) made from a fixed
pattern and quoted text of the statement. This module knows those patterns as gettext messages
(``PATTERNS``, extracted like every other message), reads the quoted parts back out of an English
sentence, and writes the sentence again from the translated pattern: the quotes are the
statement's own words and stay as they are. A sentence that matches no pattern (a rule added later)
is shown in English rather than guessed at; ``tests/test_i18n_findings.py`` keeps the patterns
in step with the rules.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..i18n import DEFAULT, N_, gettext

__all__ = ["PATTERNS", "finding_text"]

#: Every sentence pattern of the detector, as it writes it in English (``%(name)s`` for quoted parts).
PATTERNS: tuple[str, ...] = ()


@lru_cache(maxsize=None)
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for pattern in PATTERNS:
        parts = re.split(r"%\((\w+)\)s", pattern)
        regex = "".join(re.escape(part) if n % 2 == 0 else f"(?P<{part}>.+?)" for n, part in enumerate(parts))
        out.append((re.compile(rf"\A{regex}\Z", re.S), pattern))
    return tuple(out)


def finding_text(message: str, language: str) -> str:
    """``message`` (a finding's English sentence) in ``language``; English when no pattern fits."""
    if not language or language == DEFAULT:
        return message
    for regex, pattern in _compiled():
        match = regex.match(message)
        if match:
            values = {name: finding_text(value, language) if name == "message" else value for name, value in match.groupdict().items()}
            return gettext(pattern, language) % values
    return message
