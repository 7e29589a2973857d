"""A real nbgrader round trip of course notebooks, in a temporary course folder.

For each notebook: ``nbgrader generate_assignment`` (the release version, and the gradebook), then
two submissions, graded by ``nbgrader autograde`` on the project's Java kernel:

- ``solver`` hands in the release version with every solution cell filled in as in the source: it
  must score full points;
- ``learner`` hands in the release version untouched (every exercise still ``notSolved()``): the hidden
  tests (``Exercise.requireSolved``) must make it score 0.

The course folder uses the repository's nbgrader configuration (src/tools/nbgrader/nbgrader_config.py).
The notebooks load the library from ``../target/lib``, so ``autograded/<student>/target`` links to the
repository's ``target`` (INSTRUCTORS.md has the same for a real course).

Usage (./gd test runs it)::

    nbgrader_roundtrip.py --results target/gd/nbgrader.json notebooks/01-*.ipynb [more.ipynb]

Exit code 0 when every notebook scored full points for the solution and 0 for the student version.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

import exercises as ex

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent.parent
STUDENTS = ("solver", "learner")


def nbgrader(course: Path, *args: str, log) -> None:
    """Runs the nbgrader command line in the course folder; raises with its last lines when it fails."""
    command = [str(Path(sys.executable).parent / "nbgrader"), *args]
    started = time.monotonic()
    proc = subprocess.run(command, cwd=course, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True)
    log.write(f"$ nbgrader {' '.join(args)}  ({time.monotonic() - started:.1f} s)\n{proc.stdout}\n")
    if proc.returncode != 0:
        tail = "\n".join(proc.stdout.strip().splitlines()[-15:])
        raise RuntimeError(f"nbgrader {' '.join(args)} exited with status {proc.returncode}:\n{tail}")


def round_trip(source: Path, course: Path, log) -> dict:
    """One notebook's round trip; returns its scores."""
    name = source.stem
    started = time.monotonic()
    (course / "source" / name).mkdir(parents=True)
    shutil.copy(source, course / "source" / name / source.name)
    nbgrader(course, "generate_assignment", name, "--force", log=log)
    release = course / "release" / name / source.name
    released = nbformat.read(str(release), as_version=4)
    solutions = {ex.nbgrader_meta(c).get("grade_id"): c.source
                 for c in nbformat.read(str(source), as_version=4).cells if ex.is_solution(c)}
    solved = nbformat.from_dict(json.loads(nbformat.writes(released)))
    for cell in solved.cells:
        if ex.is_solution(cell):
            cell.source = solutions[ex.nbgrader_meta(cell).get("grade_id")]
    for student, nb in (("solver", solved), ("learner", released)):
        folder = course / "submitted" / student / name
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, str(folder / source.name))
        (folder / "timestamp.txt").write_text("2026-01-01 12:00:00.000000 UTC")
        # The notebooks load the library from ../target/lib, relative to autograded/<student>/<assignment>/.
        link = course / "autograded" / student / "target"
        link.parent.mkdir(parents=True, exist_ok=True)
        if not link.exists():
            link.symlink_to(ROOT / "target", target_is_directory=True)
    nbgrader(course, "autograde", name, "--force", log=log)
    from nbgrader.api import Gradebook

    scores = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for student in STUDENTS:
            submission = gb.find_submission(name, student)
            scores[student] = {"score": submission.score, "max_score": submission.max_score}
    exercises, _ = ex.find(nbformat.read(str(source), as_version=4), source.name)
    return {"notebook": source.name, "exercises": len(exercises), "seconds": round(time.monotonic() - started, 1),
            "solution": scores["solver"], "student": scores["learner"]}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("notebooks", nargs="*", help="source notebooks (with solutions)")
    p.add_argument("--results", required=True, help="write the scores here (JSON)")
    p.add_argument("--log", help="nbgrader's output (default: next to --results)")
    p.add_argument("--keep", action="store_true", help="keep the temporary course folder")
    p.add_argument("--fallback", help="a notebook to use when none of the given ones has exercises yet")
    args = p.parse_args(argv)
    paths = [Path(n) for n in args.notebooks]
    chosen = [n for n in paths if ex.find(nbformat.read(str(n), as_version=4), n.name)[0]]
    fallback = False
    if not chosen and args.fallback:
        names = ", ".join(n.name for n in paths) or "the notebooks given"
        print(f"  nbgrader round trip: {names} ha{'s' if len(paths) == 1 else 've'} no exercises yet; "
              f"using {Path(args.fallback).name} instead")
        chosen, fallback = [Path(args.fallback)], True
    # nbgrader runs `alembic` (its database migrations) from PATH: the environment's bin comes first.
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    results, ok = [], True
    log_path = Path(args.log) if args.log else Path(args.results).with_suffix(".log")
    log_path.parent.mkdir(parents=True, exist_ok=True)
    course = Path(tempfile.mkdtemp(prefix="gd-nbgrader-course-"))
    try:
        shutil.copy(ex.NBGRADER_CONFIG, course / "nbgrader_config.py")
        with open(log_path, "w") as log:
            for path in chosen:
                try:
                    r = round_trip(path.resolve(), course, log)
                except Exception as e:
                    r = {"notebook": path.name, "error": f"{type(e).__name__}: {e}"}
                r["fallback"] = fallback
                results.append(r)
                if "error" in r:
                    ok = False
                    print(f"  FAILED nbgrader round trip of {path.name}: {r['error']}")
                    continue
                s, st = r["solution"], r["student"]
                good = s["max_score"] > 0 and s["score"] == s["max_score"] and st["score"] == 0
                ok &= good
                print(f"  {'ok    ' if good else 'FAILED'} nbgrader round trip of {path.name}: solution "
                      f"{s['score']:g}/{s['max_score']:g} points, student {st['score']:g}/{st['max_score']:g} "
                      f"({r['seconds']:.0f} s)")
    finally:
        if args.keep:
            print(f"  (the course folder is kept: {course})")
        else:
            shutil.rmtree(course, ignore_errors=True)
    Path(args.results).write_text(json.dumps(results, indent=2))
    return 0 if ok and results else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
