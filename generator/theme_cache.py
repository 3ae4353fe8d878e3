"""The theme's templates, compiled by Jinja, kept in the build cache.

MkDocs makes a new Jinja environment for the theme on every build, and Jinja compiles each of
Material's templates a page uses (``main.html``, ``base.html`` and some thirty partials) to Python
again: about a quarter of a second, the same on every build. Jinja's own answer is a bytecode cache
(``Environment.bytecode_cache``), which the plugin's ``on_env`` sets to :class:`StoreBytecodeCache`.

Jinja checks what it reads back itself (its bytecode format and the Python version, and a checksum
of the template's source); the key adds what Jinja's file-system caches leave to their user: the
environment's settings that shape generated code (delimiters, whitespace handling, autoescaping,
extensions: :func:`generator.precompiled.environment_settings`) and the filters and tests the compiler
looked up, with how each is called, as they are when the first template is compiled.
"""

from __future__ import annotations

import base64
import sys
from typing import Any

import jinja2
from jinja2.bccache import Bucket

from .cache import Store, digest, generator_digest
from .precompiled import environment_settings

__all__ = ["StoreBytecodeCache"]


class StoreBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates in the cache's database (kind ``template``), base64 text."""

    KIND = "template"

    def __init__(self, store: Store, environment: jinja2.Environment) -> None:
        self.store = store
        self.environment = environment
        self._salt: str | None = None

    def _key(self, bucket: Bucket) -> str:
        if self._salt is None:  # when the first template is compiled: every plugin has added its filters
            env = self.environment
            calls = [
                f"{kind}:{name}:{getattr(jinja2.utils._PassArg.from_obj(function), 'name', None)}"
                for kind, table in (("filter", env.filters), ("test", env.tests))
                for name, function in sorted(table.items())
            ]
            self._salt = digest(generator_digest(), jinja2.__version__, sys.version, environment_settings(env), *calls)
        return digest(self._salt, bucket.key, bucket.checksum)

    def load_bytecode(self, bucket: Bucket) -> None:
        """Fill ``bucket`` from the cache when it holds this template's code."""
        data = self.store.get(self.KIND, self._key(bucket))
        if not isinstance(data, str):
            return
        try:
            bucket.bytecode_from_string(base64.b64decode(data, validate=True))
        except Exception:  # noqa: BLE001 - whatever damaged data makes marshal or base64 raise: compiled afresh
            bucket.reset()
        if bucket.code is not None:
            self.store.counts[(self.KIND, "reused")] += 1

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep a template Jinja has just compiled."""
        self.store.counts[(self.KIND, "computed")] += 1
        self.store.put(self.KIND, self._key(bucket), base64.b64encode(bucket.bytecode_to_string()).decode("ascii"))


def keep_compiled_templates(env: Any, store: Store) -> None:
    """Let ``env`` (the theme's environment) keep its compiled templates in ``store``, unless it has a cache of its own."""
    if store.enabled and isinstance(env, jinja2.Environment) and env.bytecode_cache is None:
        env.bytecode_cache = StoreBytecodeCache(store, env)
