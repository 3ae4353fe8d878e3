"""Every verdict and finding of the material-change detector over a fixed set of pairs, as JSON.

A speed change to the detector must not change what it says: run this before and after, and compare
the two files byte for byte::

    python bench/findings_dump.py /tmp/before.json
    ... change the detector ...
    python bench/findings_dump.py /tmp/after.json && cmp /tmp/before.json /tmp/after.json

The pairs (about 460): the labelled corpus pairs, corpus versions two apart, the fixtures of
``tests/fixtures/material``, up to eight mutations of every corpus version from
``tests/diff_support/mutations.py`` (three per version) and privacy-word edits of each version in
both directions, and dense synthetic statements from ``bench/diff.py`` in both directions. Every
pair is seeded, so the dump is the same on every run of the same detector. Corpus pairs are left out
when the corpus is absent (the dump says how many pairs it holds).
"""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

#: Words privacy rules react to, spliced into corpus versions.
WORDS = (
    "not never only sell share third parties advertising retain delete 30 days 90 days you may opt out "
    "consent legitimate interests Acme Ltd. transfer outside EEA standard contractual clauses arbitration "
    "court collect location children biometric privacy@acme.example +44 20 7946 0000 unless except will may"
).split()


def _module(name: str, path: Path):  # noqa: ANN202
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _privacy_edits(body: str, rng: random.Random) -> str:
    lines = body.split("\n")
    candidates = [i for i, line in enumerate(lines) if line.strip() and not line.startswith("#")]
    for i in rng.sample(candidates, min(40, len(candidates))):
        words = lines[i].split(" ")
        k = rng.randrange(len(words))
        roll = rng.random()
        if roll < 0.4:
            words[k] = rng.choice(WORDS)
        elif roll < 0.8:
            words.insert(k, rng.choice(WORDS))
        else:
            del words[k]
        lines[i] = " ".join(words)
    return "\n".join(lines)


def dump() -> dict[str, object]:
    """Every case's ``Classification.to_dict()``, by case name."""
    import yaml

    from diff_support import mutations
    from generator import diff as engine
    from generator.material import classify_diff

    def judged(old: str, new: str, bodies: bool = True) -> object:
        return classify_diff(engine.diff_markdown(old, new), bodies=(old, new) if bodies else None).to_dict()

    out: dict[str, object] = {}
    material = _module("bench_material", ROOT / "bench" / "material.py")
    if (material.CORPUS / "labels.tsv").is_file():
        bodies, rows = material.load(material.CORPUS)
        for row in rows:
            out[f"corpus {row['seq']}"] = judged(bodies[row["base_seq"]], bodies[row["seq"]])
        keys = sorted(bodies)
        for a, b in zip(keys, keys[2:]):
            out[f"skip {a}-{b}"] = judged(bodies[a], bodies[b])
        for n, key in enumerate(keys):
            rng = random.Random(n)
            body = bodies[key]
            for m in range(3):
                out[f"mut {key} {m}"] = judged(body, mutations.mutate(body, rng)[0])
            edited = _privacy_edits(body, rng)
            out[f"priv {key}"] = judged(body, edited)
            out[f"priv-rev {key}"] = judged(edited, body)
    fixtures = ROOT / "tests" / "fixtures" / "material"
    for name, case in yaml.safe_load((fixtures / "cases.yml").read_text(encoding="utf-8")).items():
        old = (fixtures / case["old"]).read_text(encoding="utf-8")
        if "new" in case:
            new = (fixtures / case["new"]).read_text(encoding="utf-8")
        else:
            new = old
            for find, replace in case["edits"]:
                new = new.replace(find, replace)
        out[f"fixture {name}"] = judged(old, new)
    synthetic = _module("bench_diff", ROOT / "bench" / "diff.py")
    for size, edits, seed in [(60_000, 200, 60), (15_000, 50, 15), (60_000, 20, 7), (30_000, 300, 9)]:
        old = synthetic.document(size, seed=seed)
        new = synthetic.edit(old, edits, seed=seed + 1)
        out[f"dense {size} {edits} {seed}"] = judged(old, new, bodies=False)
        out[f"dense-rev {size} {edits} {seed}"] = judged(new, old, bodies=False)
    return out


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: python bench/findings_dump.py OUT.json", file=sys.stderr)
        return 2
    found = dump()
    Path(sys.argv[1]).write_text(json.dumps(found, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{len(found)} cases written to {sys.argv[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
