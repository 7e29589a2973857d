"""The learner's workspace ``work/``: the student versions of the course's notebooks, never overwritten.

``./gd lab`` calls ``sync`` before it opens JupyterLab at ``work/``:

- the first time, it creates ``work/`` with the student version of every notebook in ``notebooks/``
  (nbgrader's, as ``exercises.student_version`` makes it);
- later, it adds the notebooks that are new in the course, brings a notebook the learner has not changed
  yet up to date, and leaves every notebook the learner has changed alone; when the course's version of
  such a notebook has changed, it says so in one line (``./gd reset NN`` takes the new one).

``work/.gd-course.json`` records, for each notebook, the hash of the student version it was made from
(and of the course's source at that time), which is how a changed course and an edited copy are told
apart. ``work/`` sits one level below the repository, like ``notebooks/``, so the notebooks' first cell
(``%classpath ../target/lib/*.jar``) finds the library there too.

Commands::

    workspace.py sync                 create or complete work/
    workspace.py reset NOTEBOOK       replace one notebook by the course's version (backup in work/.backup/)
    workspace.py check [NOTEBOOK...]  grade work/ headless: solved / total per notebook, with feedback
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

import nbformat

import exercises as ex

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent.parent
COURSE = ROOT / "notebooks"
WORK = ROOT / "work"
RECORD = ".gd-course.json"
BACKUP = ".backup"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def student_bytes(source: Path) -> bytes:
    """The student version of ``source`` as the bytes written to work/ (deterministic)."""
    nb = ex.student_version(ex.read(source), source.stem)
    return nbformat.writes(nb).encode() + b"\n"


def load_record(work: Path) -> dict:
    try:
        record = json.loads((work / RECORD).read_text())
        if isinstance(record.get("notebooks"), dict):
            return record
    except (OSError, ValueError):
        pass
    return {"format": 1, "notebooks": {}}


def save_record(work: Path, record: dict) -> None:
    path = work / RECORD
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(record, indent=2, sort_keys=True) + "\n")
    os.replace(tmp, path)


def write_new(path: Path, data: bytes) -> None:
    """Writes ``data`` to ``path``, which must not exist (never overwrites a learner's file)."""
    with open(path, "xb") as f:
        f.write(data)


def replace_untouched(path: Path, data: bytes, expected: str) -> bool:
    """Replaces ``path`` only if its content still hashes to ``expected`` (the learner has not changed it)."""
    if sha256(path.read_bytes()) != expected:
        return False
    tmp = path.with_name(f".{path.name}.gd-new")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return True


def course_notebooks(course: Path) -> list[Path]:
    return sorted(p for p in course.glob("*.ipynb") if p.is_file())


def entry(source: Path, data: bytes) -> dict:
    return {"generated": sha256(data), "course": sha256(source.read_bytes()),
            "made": time.strftime("%Y-%m-%d %H:%M:%S")}


def sync(course: Path = COURSE, work: Path = WORK) -> list[str]:
    """Creates or completes the workspace; returns what it says (one line per event)."""
    first = not work.exists()
    work.mkdir(parents=True, exist_ok=True)
    record = load_record(work)
    said, added, updated = [], [], []
    for source in course_notebooks(course):
        name = source.name
        target = work / name
        try:
            data = student_bytes(source)
        except Exception as e:  # nbgrader refuses the notebook (e.g. a stray solution marker)
            said.append(f"{name}: its student version could not be made ({type(e).__name__}: {e}); "
                        "it is left out of work/ for now")
            continue
        digest = sha256(data)
        known = record["notebooks"].get(name)
        if not target.exists():
            write_new(target, data)
            record["notebooks"][name] = entry(source, data)
            added.append(name)
            continue
        if known is None or known.get("generated") == digest:
            continue  # the learner's own file, or the course has not changed
        if replace_untouched(target, data, known.get("generated", "")):
            record["notebooks"][name] = entry(source, data)
            updated.append(name)
        else:
            said.append(f"{shown(target)}: the course's version has changed since your copy was made; yours is "
                        f"kept (./gd reset {name[:2]} takes the new one and keeps yours in work/{BACKUP}/)")
    save_record(work, record)
    rel = shown(work)
    if first:
        said.insert(0, f"created {rel}/ with {len(added)} notebooks: your copies of the course, with the exercises "
                       "to fill in; ./gd lab never overwrites what you change there")
    elif added:
        said.insert(0, f"{rel}/: added {', '.join(added)} (new in the course)")
    if updated:
        said.insert(1 if (first or added) else 0,
                    f"{rel}/: brought {', '.join(updated)} up to date (you had not changed {'it' if len(updated) == 1 else 'them'})")
    return said


def shown(path: Path) -> str:
    """``path`` relative to the repository when inside it (work/...), else as it is."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def find_notebook(arg: str, course: Path = COURSE, work: Path = WORK) -> str:
    """The notebook name for ``arg``: a name, a path or a unique prefix (``03``)."""
    name = Path(arg).name
    names = sorted({p.name for p in course_notebooks(course)} | {p.name for p in work.glob("*.ipynb")})
    for candidate in (name, name + ".ipynb"):
        if candidate in names:
            return candidate
    matches = [n for n in names if n.startswith(name)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise SystemExit(f"gd: {arg} matches several notebooks: {', '.join(matches)}")
    raise SystemExit(f"gd: no notebook {arg} in notebooks/ or work/")


def reset(arg: str, course: Path = COURSE, work: Path = WORK) -> str:
    """Replaces one workspace notebook by the course's student version; the learner's goes to work/.backup/."""
    name = find_notebook(arg, course, work)
    source = course / name
    if not source.is_file():
        raise SystemExit(f"gd: {name} is not a notebook of the course (notebooks/), so it has nothing to reset to")
    work.mkdir(parents=True, exist_ok=True)
    target = work / name
    data = student_bytes(source)
    kept = ""
    if target.exists():
        backups = work / BACKUP
        backups.mkdir(exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        backup = backups / f"{target.stem}.{stamp}.ipynb"
        n = 1
        while backup.exists():
            n += 1
            backup = backups / f"{target.stem}.{stamp}-{n}.ipynb"
        os.replace(target, backup)
        kept = f"; yours is in {shown(backup)}"
    write_new(target, data)
    record = load_record(work)
    record["notebooks"][name] = entry(source, data)
    save_record(work, record)
    return f"{shown(target)}: reset to the course's version{kept}"


# ---- ./gd check ---------------------------------------------------------------------------------
def feedback_line(text: str) -> str:
    """The first line of a check's failure, without the exception's class; for a compile error, javac's
    message (``cannot find symbol: variable C``) rather than the source line it quotes."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if lines and lines[0].startswith("|"):
        said = [line for line in lines if not line.startswith("|")]
        return " ".join(": ".join(said[:2]).split()) if said else lines[0]
    line = lines[0] if lines else ""
    for prefix in ("java.lang.AssertionError: ", "java.lang.AssertionError, "):
        if line.startswith(prefix):
            line = line[len(prefix):]
    return line[2:] if line.startswith(ex.WRONG_MARK) else line


def describe(nb, exercise: ex.Exercise, outcome: str, text: str) -> str:
    """One line for an exercise that is not solved: its feedback, or why its check did not say."""
    if outcome == "unsolved":
        return f"· {exercise.name}: not solved yet"
    if outcome == "wrong":
        line = feedback_line(text)
        if line.startswith(exercise.name + ": "):
            return f"✗ {line}"
        # Not the check's own verdict: e.g. the solution cell does not compile, so the check cannot see it.
        solution = ex.cell_by_id(nb, exercise.solution_id) if exercise.solution_id else None
        cause = ex.error_text(solution) if solution is not None else None
        if cause:
            return f"✗ {exercise.name}: your code in its cell fails: {feedback_line(cause)}"
        return f"✗ {exercise.name}: {line}"
    return f"? {exercise.name}: {text}"


def check(names: list[str], course: Path = COURSE, work: Path = WORK, timeout: float = 900,
          executed: Path | None = None) -> int:
    """Runs each workspace notebook that has exercises (every cell up to the last check, in a fresh kernel)
    and prints the table of solved exercises."""
    import run_notebooks as runner

    runner.catch_signals()  # Ctrl-C shuts the running kernel down
    if not work.is_dir():
        print("gd: there is no workspace yet: ./gd lab creates work/ (your copies of the notebooks)")
        return 1
    wanted = [find_notebook(n, course, work) for n in names] if names else None
    rows = []
    for source in course_notebooks(course):
        if wanted is not None and source.name not in wanted:
            continue
        exercises, _ = ex.find(ex.read(source), source.name)
        if exercises:
            rows.append((source, exercises))
    if not rows:
        print("gd: no exercises to check" + (f" in {', '.join(wanted)}" if wanted else ""))
        return 0
    total = sum(len(e) for _, e in rows)
    width = max(len(s.stem) for s, _ in rows) + 2
    kept = f", outputs in {shown(executed)}/" if executed is not None else ""
    print(f"Checking your work in {shown(work)}/ ({len(rows)} notebook{'s' if len(rows) != 1 else ''}, {total} exercises; "
          f"each runs in a fresh kernel up to its last check{kept}):")
    print(f"  {'notebook':<{width}} solved")
    solved_total = 0
    scratch = tempfile.TemporaryDirectory(prefix="gd-check-") if executed is None else None
    out_dir = executed or Path(scratch.name)
    try:
        for source, exercises in rows:
            mine = work / source.name
            if not mine.is_file():
                print(f"  {source.stem:<{width}} {0:>2} / {len(exercises):<2}  (not in work/: ./gd lab adds it)")
                continue
            with redirect_stdout(StringIO()):
                res = runner.run_one(mine, timeout, out_dir, None, None, keep_going=True, cwd=work,
                                     stop_after_graded=True)
            nb = nbformat.read(str(out_dir / mine.name), as_version=4)
            solved, lines = 0, []
            for exercise in exercises:
                outcome, text = ex.outcome(nb, exercise)
                if outcome == "solved":
                    solved += 1
                else:
                    lines.append(describe(nb, exercise, outcome, text))
            stopped = [f for f in res.failures if f.kind in ("timeout", "dead kernel", "runner")]
            if stopped:
                lines.append(f"! the notebook stopped at cell {stopped[0].cell}: {stopped[0].kind}: "
                             f"{ex.first_line(stopped[0].report)}")
            solved_total += solved
            print(f"  {source.stem:<{width}} {solved:>2} / {len(exercises):<2}  ({res.seconds:.0f} s)", flush=True)
            for line in lines:
                print(f"      {line}", flush=True)
    finally:
        if scratch is not None:
            scratch.cleanup()
    print(f"  {'total':<{width}} {solved_total:>2} / {total:<2}")
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--course", default=str(COURSE), help="the course's notebooks (default notebooks/)")
    p.add_argument("--work", default=str(WORK), help="the workspace (default work/)")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("sync", help="create or complete the workspace")
    a = sub.add_parser("reset", help="replace one notebook by the course's version, keeping a backup")
    a.add_argument("notebook")
    a = sub.add_parser("check", help="grade the workspace")
    a.add_argument("notebooks", nargs="*")
    a.add_argument("--timeout", type=float, default=900)
    a.add_argument("--executed", help="keep the executed notebooks here")
    args = p.parse_args(argv)
    course, work = Path(args.course), Path(args.work)
    if args.command == "sync":
        for line in sync(course, work):
            print(f"gd: {line}")
        return 0
    if args.command == "reset":
        print(f"gd: {reset(args.notebook, course, work)}")
        return 0
    return check(args.notebooks, course, work, args.timeout, Path(args.executed) if args.executed else None)


if __name__ == "__main__":
    sys.exit(main())
