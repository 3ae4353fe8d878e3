"""The theme's templates compiled by Jinja are kept in the build cache, and used only where Jinja would compile the same."""

from __future__ import annotations

import sqlite3

import jinja2

from generator.cache import DATABASE, Store
from generator.theme_cache import StoreBytecodeCache, keep_compiled_templates

TEMPLATE = "{{ greeting|shout }}, {{ name }}!"


def environment(store: Store, shout) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.DictLoader({"page.html": TEMPLATE}))
    env.filters["shout"] = shout
    keep_compiled_templates(env, store)
    return env


def plain_shout(text):
    return text.upper()


@jinja2.pass_context
def context_shout(context, text):
    return text.upper() + context.get("mark", "")


def test_a_template_compiled_once_is_read_back_and_renders_the_same(tmp_path):
    first, second = Store(tmp_path), Store(tmp_path)
    assert environment(first, plain_shout).get_template("page.html").render(greeting="hello", name="Ada") == "HELLO, Ada!"
    assert first.counts[("template", "computed")] == 1
    assert environment(second, plain_shout).get_template("page.html").render(greeting="hello", name="Ada") == "HELLO, Ada!"
    assert second.counts[("template", "reused")] == 1 and not second.counts[("template", "computed")]


def test_code_compiled_for_a_filter_called_another_way_is_not_used(tmp_path):
    # Jinja decides at compile time whether a filter gets the context: the old code would call it wrongly.
    environment(Store(tmp_path), plain_shout).get_template("page.html")
    store = Store(tmp_path)
    html = environment(store, context_shout).get_template("page.html").render(greeting="hello", name="Ada", mark="?")
    assert html == "HELLO?, Ada!"
    assert store.counts[("template", "computed")] == 1 and not store.counts[("template", "reused")]


def test_a_damaged_entry_is_compiled_afresh(tmp_path):
    environment(Store(tmp_path), plain_shout).get_template("page.html")
    with sqlite3.connect(tmp_path / DATABASE) as db:
        (data,) = db.execute("SELECT data FROM entries WHERE kind = 'template'").fetchone()
        db.execute("UPDATE entries SET data = ? WHERE kind = 'template'", (data[:-20] + b"A" * 20,))
    store = Store(tmp_path)
    assert environment(store, plain_shout).get_template("page.html").render(greeting="hi", name="Bo") == "HI, Bo!"
    assert store.counts[("template", "computed")] == 1


def test_an_environment_with_a_cache_of_its_own_keeps_it(tmp_path):
    own = jinja2.FileSystemBytecodeCache(str(tmp_path / "own"))
    env = jinja2.Environment(loader=jinja2.DictLoader({}), bytecode_cache=own)
    keep_compiled_templates(env, Store(tmp_path))
    assert env.bytecode_cache is own
    env = jinja2.Environment(loader=jinja2.DictLoader({}))
    keep_compiled_templates(env, Store(None))  # no cache (cache: false, --no-cache)
    assert env.bytecode_cache is None
    keep_compiled_templates(env, Store(tmp_path))
    assert isinstance(env.bytecode_cache, StoreBytecodeCache)
