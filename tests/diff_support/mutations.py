"""Random, reproducible mutations of a Markdown statement, for fuzzing the diff engine.

Each mutation takes the text and a ``random.Random`` and returns the changed text. They imitate
what happens to real statements and what breaks engines: word edits, paragraphs and sections
moved, duplicated, swapped and deleted, renumbered headings, tables and footnotes, emphasis and a
version's own ``<del>``/``<ins>``/``~~…~~``, links whose target changes, code inside list items,
very long lines and paragraphs (with unclosed brackets among them), CRLF line ends and unusual
Unicode. :func:`mutate` applies a few at random and names them.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable

WORDS = (
    "we you your data personal information collect use share process service account provider company store "
    "retain delete request law security rights access contact consent purpose cookies third parties may not "
    "will must days period notice changes statement transfer country email address name payment location"
).split()
ODD = ["\u200b", "\u200e", "\u202e", "\ufeff", "\x1c", "\u00a0", "\u2028", "e\u0301", "\U0001f600", "\U0001d4b3",
       "\u0130", "\u00df", "\u2019", "\u201c", "\u2014", "\u3000", "\u0600"]


def _paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def _join(parts: list[str]) -> str:
    return "\n\n".join(parts)


def _sections(text: str) -> list[str]:
    """Text cut before each heading line (the first piece is what stands before the first heading)."""
    return re.split(r"(?m)^(?=#{1,6} )", text)


def _word_positions(text: str) -> list[re.Match[str]]:
    return list(re.finditer(r"(?<![\S])[A-Za-z][A-Za-z'’]*(?=[\s.,;:])", text))


def word_insert(text: str, rng: random.Random) -> str:
    spots = _word_positions(text)
    if not spots:
        return text + " " + rng.choice(WORDS)
    m = rng.choice(spots)
    return text[: m.start()] + rng.choice(WORDS) + " " + text[m.start():]


def word_delete(text: str, rng: random.Random) -> str:
    spots = _word_positions(text)
    if not spots:
        return text
    m = rng.choice(spots)
    return text[: m.start()] + text[m.end():].lstrip(" ")


def word_replace(text: str, rng: random.Random) -> str:
    spots = _word_positions(text)
    if not spots:
        return text
    m = rng.choice(spots)
    return text[: m.start()] + rng.choice(WORDS) + text[m.end():]


def multi_word(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(2, 12)):
        text = rng.choice((word_insert, word_delete, word_replace))(text, rng)
    return text


def para_move(text: str, rng: random.Random) -> str:
    parts = _paragraphs(text)
    if len(parts) < 3:
        return text
    part = parts.pop(rng.randrange(len(parts)))
    parts.insert(rng.randrange(len(parts) + 1), part)
    return _join(parts)


def para_dup(text: str, rng: random.Random) -> str:
    parts = _paragraphs(text)
    k = rng.randrange(len(parts))
    parts.insert(rng.randrange(len(parts) + 1), parts[k])
    return _join(parts)


def para_swap(text: str, rng: random.Random) -> str:
    parts = _paragraphs(text)
    if len(parts) < 2:
        return text
    k = rng.randrange(len(parts) - 1)
    parts[k], parts[k + 1] = parts[k + 1], parts[k]
    return _join(parts)


def section_dup(text: str, rng: random.Random) -> str:
    parts = _sections(text)
    k = rng.randrange(len(parts))
    parts.insert(rng.randrange(len(parts) + 1), parts[k] if parts[k].endswith("\n") else parts[k] + "\n")
    return "".join(parts)


def section_delete(text: str, rng: random.Random) -> str:
    parts = _sections(text)
    if len(parts) < 3:
        return text
    del parts[rng.randrange(1, len(parts))]
    return "".join(parts)


def section_swap(text: str, rng: random.Random) -> str:
    parts = [p if p.endswith("\n") else p + "\n" for p in _sections(text)]
    if len(parts) < 3:
        return text
    k = rng.randrange(1, len(parts) - 1)
    parts[k], parts[k + 1] = parts[k + 1], parts[k]
    return "".join(parts)


def renumbered_move(text: str, rng: random.Random) -> str:
    """A numbered section moves to the end and takes the next number (``### 2.`` → ``### 7.``)."""
    parts = [p if p.endswith("\n") else p + "\n" for p in _sections(text)]
    numbered = [k for k, p in enumerate(parts) if re.match(r"#{1,6} \d+\. ", p)]
    if len(numbered) < 2:
        return section_swap(text, rng)
    part = parts.pop(rng.choice(numbered[:-1]))
    numbers = [int(m.group(1)) for p in parts for m in [re.match(r"#{1,6} (\d+)\.", p)] if m]
    parts.append(re.sub(r"^(#{1,6}) \d+\.", lambda m: f"{m.group(1)} {max(numbers) + 1}.", part, count=1))
    return "".join(parts)


def heading(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    spots = [k for k, line in enumerate(lines) if line.startswith("#")]
    if not spots:
        return text
    k = rng.choice(spots)
    roll = rng.random()
    if roll < 0.4:
        lines[k] = re.sub(r"^#+", lambda m: "#" * max(1, min(6, len(m.group(0)) + rng.choice((-1, 1)))), lines[k])
    elif roll < 0.8:
        lines[k] = re.sub(r"^(#+ )(\d+)\.", lambda m: f"{m.group(1)}{int(m.group(2)) + rng.randint(1, 5)}.", lines[k]) \
            if re.match(r"#+ \d+\.", lines[k]) else re.sub(r"^(#+ )", rf"\g<1>{rng.randint(1, 9)}. ", lines[k])
    else:
        lines[k] = lines[k] + " " + rng.choice(WORDS)
    return "\n".join(lines)


def emphasis(text: str, rng: random.Random) -> str:
    """A word or a run of words gets emphasis, or a version's own strike-out or insertion."""
    spots = _word_positions(text)
    if len(spots) < 3:
        return text
    k = rng.randrange(len(spots) - 2)
    a, b = spots[k].start(), spots[k + rng.randint(0, 2)].end()
    left, right = rng.choice((("*", "*"), ("**", "**"), ("_", "_"), ("~~", "~~"), ("<del>", "</del>"),
                              ("<ins>", "</ins>"), ("<s>", "</s>"), ("`", "`")))
    return text[:a] + left + text[a:b] + right + text[b:]


def table(text: str, rng: random.Random) -> str:
    """A table changes: a cell's words, or a row added."""
    if "|" not in text:
        return table_new(text, rng)
    lines = text.split("\n")
    rows = [k for k, line in enumerate(lines) if line.startswith("|") and "---" not in line]
    if not rows:
        return table_new(text, rng)
    k = rng.choice(rows)
    if rng.random() < 0.5:
        lines[k] = lines[k].replace("|", f"| {rng.choice(WORDS)}", 2).replace(f"| {rng.choice(WORDS)}", "|", 1)
    else:
        lines.insert(k + 1, "| " + " | ".join(rng.choice(WORDS) for _ in range(max(1, lines[k].count("|") - 1))) + " |")
    return "\n".join(lines)


def table_new(text: str, rng: random.Random) -> str:
    columns = rng.randint(2, 4)
    rows = ["| " + " | ".join(rng.choice(WORDS).title() for _ in range(columns)) + " |",
            "|" + "---|" * columns]
    for _ in range(rng.randint(1, 6)):
        rows.append("| " + " | ".join(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4))) for _ in range(columns)) + " |")
    parts = _paragraphs(text)
    parts.insert(rng.randrange(len(parts) + 1), "\n".join(rows))
    return _join(parts)


def footnote(text: str, rng: random.Random) -> str:
    spots = _word_positions(text)
    if not spots:
        return text
    n = rng.randint(1, 99)
    m = rng.choice(spots)
    return text[: m.end()] + f"[^{n}]" + text[m.end():] + f"\n\n[^{n}]: {' '.join(rng.choice(WORDS) for _ in range(8))}.\n"


def link(text: str, rng: random.Random) -> str:
    """A link is added around some words, or an existing link's target changes."""
    found = list(re.finditer(r"\]\((https?://[^)\s]+)\)", text))
    if found and rng.random() < 0.7:
        m = rng.choice(found)
        return text[: m.start(1)] + m.group(1).rstrip("/") + "/" + rng.choice(WORDS) + text[m.end(1):]
    spots = _word_positions(text)
    if len(spots) < 2:
        return text
    k = rng.randrange(len(spots) - 1)
    a, b = spots[k].start(), spots[k + 1].end()
    return text[:a] + "[" + text[a:b] + f"](https://example.com/{rng.choice(WORDS)})" + text[b:]


def code_in_item(text: str, rng: random.Random) -> str:
    """A list item with code under it (a fence inside the item, or raw ``<pre>`` right after its words)."""
    item = f"- {' '.join(rng.choice(WORDS) for _ in range(6))}"
    code = " ".join(rng.choice(WORDS) for _ in range(4))
    block = f"{item}\n\n    ```\n    {code}\n    ```" if rng.random() < 0.5 else f"<ul>\n<li>{item[2:]}<pre>{code}</pre></li>\n</ul>"
    parts = _paragraphs(text)
    parts.insert(rng.randrange(len(parts) + 1), block)
    return _join(parts)


def nested_quote(text: str, rng: random.Random) -> str:
    parts = _paragraphs(text)
    k = rng.randrange(len(parts))
    depth = rng.randint(1, 40)
    parts[k] = "\n".join(">" * depth + " " + line for line in parts[k].split("\n"))
    return _join(parts)


def long_line(text: str, rng: random.Random) -> str:
    """A very long line: a paragraph repeated into one line, sometimes with unclosed brackets or markup."""
    parts = _paragraphs(text)
    k = rng.randrange(len(parts))
    words = parts[k].split() or ["word"]
    times = rng.choice((50, 400, 2000, 8000))
    piece = rng.choice(("", "[", "<b", "*", "](", "`", "&"))
    words = [piece + rng.choice(words) for _ in range(times)] if piece else (words * (times // len(words) + 1))[:times]
    parts.insert(rng.randrange(len(parts) + 1), " ".join(words))
    return _join(parts)


def crlf(text: str, rng: random.Random) -> str:
    return text.replace("\n", "\r\n")


def unicode(text: str, rng: random.Random) -> str:
    spots = _word_positions(text)
    for _ in range(rng.randint(1, 10)):
        if not spots:
            break
        m = rng.choice(spots)
        at = rng.choice((m.start(), m.end()))
        text = text[:at] + rng.choice(ODD) + text[at:]
        spots = _word_positions(text)
    return text


def rewrite(text: str, rng: random.Random) -> str:
    parts = _paragraphs(text)
    k = rng.randrange(len(parts))
    parts[k] = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 60))).capitalize() + "."
    return _join(parts)


MUTATIONS: dict[str, Callable[[str, random.Random], str]] = {
    "word-insert": word_insert, "word-delete": word_delete, "word-replace": word_replace, "multi-word": multi_word,
    "para-move": para_move, "para-dup": para_dup, "para-swap": para_swap, "section-dup": section_dup,
    "section-delete": section_delete, "section-swap": section_swap, "renumbered-move": renumbered_move,
    "heading": heading, "emphasis": emphasis, "table": table, "table-new": table_new, "footnote": footnote,
    "link": link, "code-in-item": code_in_item, "nested-quote": nested_quote, "long-line": long_line,
    "crlf": crlf, "unicode": unicode, "rewrite": rewrite,
}
#: Mutations that make a text much larger or rarer in real life: drawn less often.
RARE = {"long-line": 0.25, "crlf": 0.3, "nested-quote": 0.3}


def mutate(text: str, rng: random.Random, *, most: int = 8) -> tuple[str, list[str]]:
    """The text with one to ``most`` random mutations applied, and their names in order."""
    names = list(MUTATIONS)
    weights = [RARE.get(n, 1.0) for n in names]
    applied = []
    for _ in range(rng.randint(1, most)):
        name = rng.choices(names, weights)[0]
        text = MUTATIONS[name](text, rng)
        applied.append(name)
    return text, applied


def synthetic_statement(rng: random.Random, sections: int = 8) -> str:
    """A statement of the project's own making: numbered sections, paragraphs, a list, a link, a table."""
    out = ["# Privacy Statement", ""]
    for n in range(1, sections + 1):
        out += [f"### {n}. {' '.join(rng.choice(WORDS) for _ in range(2)).title()}", ""]
        for _ in range(rng.randint(1, 3)):
            sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 30)))
            out += [sentence.capitalize() + ".", ""]
        if rng.random() < 0.4:
            out += [f"- {' '.join(rng.choice(WORDS) for _ in range(5))}" for _ in range(rng.randint(2, 4))] + [""]
        if rng.random() < 0.3:
            out += [f"Read the [{rng.choice(WORDS)} policy](https://example.com/{rng.choice(WORDS)}).", ""]
        if rng.random() < 0.2:
            out += ["| Kind | Days |", "|---|---|", f"| {rng.choice(WORDS)} | {rng.randint(1, 90)} |", ""]
    return "\n".join(out)
