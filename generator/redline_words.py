"""The redline's own words in the reader's language.

The diff engine writes a few words of its own into a redline: what a screen reader announces
before a run ("deleted: ", "inserted: "), the notes of a moved passage ("Moved from …", "Moved
to …") and of a link whose address changed, and the headings of the side-by-side table. It writes
them in English, the same in Python and in the browser's port (``assets/statements-diff.js``),
whose outputs are compared byte for byte — and its redlines are kept in the build cache whatever
the page's language. So the engine stays English, and this module puts the words of a finished
redline into another language; ``assets/statements.js`` does the same in the browser with the
same messages (:data:`REDLINE_MESSAGES`, handed over in the compare page's ``data-messages``).
"""

from __future__ import annotations

import re

from .i18n import DEFAULT, N_, gettext

__all__ = ["REDLINE_MESSAGES", "localize_redline"]

#: Every word of the engine's own in a redline, as message ids.
REDLINE_MESSAGES: tuple[str, ...] = (
    N_("deleted:"),
    N_("inserted:"),
    N_("link changed; it pointed to %(url)s"),
    N_('Moved from <a href="%(url)s">%(where)s</a>.'),
    N_('Moved to <a href="%(url)s">%(where)s</a>.'),
    N_("the beginning of the document"),
    N_("the beginning"),
    N_("elsewhere"),
    N_("Previous version"),
    N_("This version"),
    N_("Changes between the two versions, block by block"),
)

_SR = re.compile(r'<span class="redline-sr">(deleted|inserted): </span>')
_LINK = re.compile(r'<span class="redline-note redline-link-changed"> \(link changed; it pointed to ([^<]*)\)</span>')
_MOVED = re.compile(r'<span class="redline-note">Moved (from|to) <a href="(#redline-moved-(?:from|to)-\d+)">([^<]*)</a>\.( ?)</span>')
_SIDE_HEAD = re.compile(
    r'<caption>Changes between the two versions, block by block</caption>\n'
    r'<thead><tr><th scope="col">Previous version</th><th scope="col">This version</th></tr></thead>'
)
_PLACES = ("the beginning of the document", "the beginning", "elsewhere")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def localize_redline(html: str, language: str) -> str:
    """``html`` (a redline or side-by-side table of the engine) with the engine's words in ``language``.

    English is returned as it is. A section title in a move note is the statement's own text and
    stays; only the engine's place names ("the beginning of the document") are translated.
    """
    if not language or language == DEFAULT:
        return html

    def t(message: str) -> str:
        return gettext(message, language)

    html = _SR.sub(lambda m: f'<span class="redline-sr">{_escape(t(m.group(1) + ":"))} </span>', html)
    html = _LINK.sub(
        lambda m: '<span class="redline-note redline-link-changed"> ('
        + _escape(t("link changed; it pointed to %(url)s") % {"url": "\0"}).replace("\0", m.group(1)) + ")</span>",
        html,
    )

    def moved(m: re.Match[str]) -> str:
        where = m.group(3)
        if where in _PLACES:
            where = _escape(t(where))
        pattern = 'Moved from <a href="%(url)s">%(where)s</a>.' if m.group(1) == "from" else 'Moved to <a href="%(url)s">%(where)s</a>.'
        return f'<span class="redline-note">{t(pattern) % {"url": m.group(2), "where": where}}{m.group(4)}</span>'

    html = _MOVED.sub(moved, html)
    html = _SIDE_HEAD.sub(
        lambda m: f"<caption>{_escape(t('Changes between the two versions, block by block'))}</caption>\n"
        f'<thead><tr><th scope="col">{_escape(t("Previous version"))}</th><th scope="col">{_escape(t("This version"))}</th></tr></thead>',
        html,
    )
    return html
