"""The material-change detector on statements unlike the labelled corpus, edit by edit.

``tests/fixtures/material/edits/`` holds, for 197 of the fixture statements, the 22 edits a legal
team might make to each (``find`` → ``replace`` on the statement), each labelled with the verdict a
privacy lawyer gives it (``material``, ``substantive``, ``editorial`` or ``formatting``) and why.
Half of each statement's edits are material. The statements are written in the styles of many laws
and sectors (a HIPAA notice, a GLBA table, an Aviso de Privacidad, a PICS, a council's notice …),
which the GitHub Terms of Service history that ``bench/material.py`` calibrates on does not have.

Each edit is applied alone and judged; an edit is wrong when the detector's verdict and the label
disagree on whether it is material (the question the CI gate, the badges and the notices ask).

Usage::

    python bench/heldout.py             # wrong edits per statement and in all
    python bench/heldout.py --show      # and each wrong edit with its label's reason and the top finding
    python bench/heldout.py vonk lumikko  # only these statements (fixture names without .md)
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
FIXTURES = ROOT / "tests" / "fixtures" / "material"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="fixture statements to run (default: all)")
    parser.add_argument("--show", action="store_true", help="print each wrong edit")
    args = parser.parse_args()

    from generator.material import classify

    paths = sorted((FIXTURES / "edits").glob("*.json"))
    if args.names:
        paths = [p for p in paths if p.stem in args.names]
    total = wrong = missed = false = 0
    started = time.process_time()
    for path in paths:
        case = json.loads(path.read_text(encoding="utf-8"))
        text = (FIXTURES / case["statement"]).read_text(encoding="utf-8")
        here = 0
        for edit in case["edits"]:
            result = classify(text, text.replace(edit["find"], edit["replace"], 1))
            total += 1
            want, got = edit["verdict"] == "material", result.verdict == "material"
            if want == got:
                continue
            here += 1
            missed += want
            false += got
            if args.show:
                top = result.findings[0] if result.findings else None
                print(f"  {path.stem} {edit['id']}: labelled {edit['verdict']}, judged {result.verdict} — {edit['why']}")
                if top is not None:
                    print(f"      [{top.rule}/{top.severity}] {top.message[:160]}")
        wrong += here
        print(f"{path.stem:<24} batch {case['batch']:>2}  wrong {here:>2} of {len(case['edits'])}")
    spent = time.process_time() - started
    print()
    print(f"wrong (material vs not): {wrong} of {total} ({100 * wrong / max(total, 1):.1f} %): "
          f"{missed} material edits not found, {false} non-material edits called material")
    print(f"{total} edits judged in {spent:.1f} s of CPU time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
