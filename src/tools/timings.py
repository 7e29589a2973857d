"""The timing table of INSTRUCTORS.md, from the runner's results of ``./gd test``.

    .gd/venv/bin/python src/tools/timings.py target/gd/notebooks.json [--exercises target/gd/exercises.json]
        [--student target/gd/student.json]

Prints a Markdown table: each notebook's title, the seconds its solution version took headless (a fresh
kernel, every cell), the seconds of its student version, its exercises and plots.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def load(path: str | None):
    return json.loads(Path(path).read_text()) if path and Path(path).is_file() else None


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("results")
    p.add_argument("--exercises")
    p.add_argument("--student")
    a = p.parse_args()
    runs = load(a.results) or []
    ex = (load(a.exercises) or {}).get("per_notebook", {})
    student = {r["notebook"]: r for r in load(a.student) or []}
    print("| notebook | title | solution run | student version | exercises | plots |")
    print("|---|---|---:|---:|---:|---:|")
    total = total_student = 0.0
    for r in runs:
        s = student.get(r["notebook"])
        total += r["seconds"]
        total_student += s["seconds"] if s else 0
        student_time = f"{s['seconds']:.0f} s" if s else "–"
        print(f"| `{Path(r['notebook']).stem}` | {r['title']} | {r['seconds']:.0f} s | {student_time} | "
              f"{ex.get(r['notebook'], 0)} | {r['plots']} |")
    print(f"| all | | {total:.0f} s | {total_student:.0f} s | {sum(ex.values())} | {sum(r['plots'] for r in runs)} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
