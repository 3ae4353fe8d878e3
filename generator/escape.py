"""Front-matter fields are plain text: how each output writes them.

``title``, ``summary``, ``review`` and every kept key come from a statement file that anyone with a
pull request can edit, and they reach HTML pages, Markdown that MkDocs or GitHub renders, Atom,
JSON, e-mail, GitHub workflow commands and terminals. Each output has its own escaping, all here:

- :func:`html_text` — text in HTML (an element or an attribute): ``<``, ``>``, ``&`` and quotes as
  entities, whitespace folded to single spaces (a blank line would end a raw HTML block in Markdown
  and turn the rest into Markdown);
- :func:`markdown_text` — text in Markdown (a heading, a paragraph, a PR comment): as
  :func:`html_text`, and every character Markdown or one of its extensions gives a meaning to as a
  numeric character reference, so that ``[x](javascript:…)``, ``![](…)``, ``*``, ``:emoji:`` or
  ``{: attr}`` stay text (a backslash would only cover the characters the parser knows to escape);
- :func:`no_mentions` — GitHub mentions (``@someone``) that notify nobody;
- :func:`safe_url` — the addresses the generator writes: http(s), mailto or relative;
- :func:`terminal_text` — text for a terminal or a CI log, without control sequences.

The Markdown *body* of a statement is not touched: it is the author's Markdown and HTML, rendered
as MkDocs renders any page.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from markupsafe import Markup, escape

__all__ = ["plain", "html_text", "markdown_text", "paragraphs_html", "no_mentions", "safe_url", "terminal_text"]

#: C0 and C1 control characters other than tab and newline, and DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: ANSI/VT escape sequences (CSI, OSC, and two-character escapes), before the bare ESC is dropped.
_ESCAPE_SEQUENCE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])|\x9b[0-?]*[ -/]*[@-~]")
#: Characters with a meaning in Markdown, Python-Markdown's extensions (attr_list, emoji, tilde,
#: mark, caret, arithmatex, tables, abbr, footnotes) or GitHub's Markdown.
_MARKDOWN = re.compile(r"[\\`*_{}\[\]()#+\-.!|~=^:$%<>&\"']")
_MENTION = re.compile(r"(^|[^\w`])@(?=[A-Za-z0-9])")
_SAFE_SCHEMES = ("http", "https", "mailto")


def plain(text: object) -> str:
    """The text on one line: whitespace runs (newlines included) as one space, control characters dropped."""
    return " ".join(_CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", str(text))).split())


def html_text(text: object) -> Markup:
    """Plain text for HTML: escaped, on one line."""
    return escape(plain(text))


def markdown_text(text: object) -> Markup:
    """Plain text for Markdown: no character of it is read as Markdown or HTML."""
    return Markup(_MARKDOWN.sub(lambda m: f"&#{ord(m.group())};", plain(text)))


def paragraphs_html(text: object) -> Markup:
    """Plain text as HTML paragraphs: one ``<p>`` per blank-line-separated block, nothing of it markup."""
    blocks = re.split(r"\n\s*\n", str(text).replace("\r\n", "\n"))
    return Markup("".join(f"<p>{html_text(block)}</p>" for block in blocks if plain(block)))


def no_mentions(text: str) -> str:
    """``@name`` with a zero-width space after the ``@``: GitHub shows it, and notifies nobody."""
    return _MENTION.sub("\\1@\u200b", text)


def safe_url(url: object) -> str:
    """``url`` when it is http(s), mailto or relative; otherwise ``#`` (a link to nowhere, never a script)."""
    text = str(url or "").strip()
    # Browsers ignore tabs and newlines inside a scheme ("java\tscript:"), so compare without them.
    squeezed = re.sub(r"[\x00-\x20\x7f]", "", text)
    try:
        scheme = urlsplit(squeezed).scheme.lower()
    except ValueError:
        return "#"
    if scheme and scheme not in _SAFE_SCHEMES:
        return "#"
    if not scheme and re.match(r"^[^/?#]*:", squeezed):
        return "#"  # something urlsplit did not take for a scheme, but a browser might
    return text


def terminal_text(text: object) -> str:
    """Text for a terminal or CI log: escape sequences and control characters removed (newlines kept)."""
    return _CONTROL.sub("", _ESCAPE_SEQUENCE.sub("", str(text)))
