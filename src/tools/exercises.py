"""The course's exercises: find them in the notebooks, check their format, make the versions CI runs,
and check what each executed version printed.

The notebooks in ``notebooks/`` are the single source, in nbgrader's format (CONTRIBUTING.md,
"Exercises"): a solution cell (nbgrader ``solution: true``) whose answer sits between
``// BEGIN SOLUTION`` and ``// END SOLUTION``, followed by its check cell (``grade: true``, ``locked``,
``points``) that calls ``gd.exercise.Exercise`` and ends with a hidden test. From them:

- the **student version** is nbgrader's own preprocessing (the preprocessors of ``nbgrader
  generate_assignment``, without its database) with the course's configuration
  (``src/tools/nbgrader/nbgrader_config.py``: the Java code stub ``throw
  gd.exercise.Exercise.notSolved();``); every check then prints ``not solved yet: ...``;
- the **planted version** replaces every solution region of a notebook at once with the wrong answer in
  the solution cell's metadata (``"gd": {"wrong": ..., "feedback": [...]}``); every check cell must
  then fail with an AssertionError whose message holds the feedback words.

Commands (run with the project's environment; ``./gd test`` calls them)::

    exercises.py lint NOTEBOOK...                     the format rules, one line per problem
    exercises.py versions --out DIR NOTEBOOK...       DIR/student/, DIR/planted/ and DIR/exercises.json
    exercises.py verify --source DIR --solution DIR --student DIR --planted DIR --results FILE
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import nbformat

TOOLS = Path(__file__).resolve().parent
NBGRADER_DIR = TOOLS / "nbgrader"
NBGRADER_CONFIG = NBGRADER_DIR / "nbgrader_config.py"
MIN_EXERCISES = 3
BEGIN_SOLUTION, END_SOLUTION = "BEGIN SOLUTION", "END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"
# The check's name: the first string argument of the Exercise call ("1.1 the derivative of f").
CHECK_CALL = re.compile(r'Exercise\s*\.\s*(\w+)\s*\(\s*"((?:[^"\\]|\\.)*)"')
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
SOLVED_MARK, UNSOLVED_MARK, WRONG_MARK = "✓ ", "not solved yet: ", "✗ "


@dataclass
class Exercise:
    """One exercise: its solution cell, its check cell and the planted wrong answer."""

    notebook: str
    name: str  # the check's name, as its ✓ / not solved yet / ✗ lines print it
    grade_id: str  # the check cell's
    solution_id: str  # the solution cell's grade_id
    solution_cell: int  # 0-based index in the notebook
    check_cell: int
    points: float
    wrong: str | None
    feedback: list[str] = field(default_factory=list)

    @property
    def number(self) -> str:
        """"1.1" from the name "1.1 the derivative of f" (else the name)."""
        return self.name.split(" ", 1)[0]


def nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader") or {}


def is_solution(cell) -> bool:
    return cell.get("cell_type") == "code" and bool(nbgrader_meta(cell).get("solution"))


def is_check(cell) -> bool:
    return cell.get("cell_type") == "code" and bool(nbgrader_meta(cell).get("grade"))


def exempt(notebook: str) -> bool:
    """A notebook named 00-* (an introduction) needs no exercises."""
    return Path(notebook).name.startswith("00-")


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(str(path), as_version=4)


def find(nb, notebook: str) -> tuple[list[Exercise], list[str]]:
    """The notebook's exercises in order, and what is wrong with their format (one sentence each)."""
    exercises, problems = [], []
    pending = None  # the index of a solution cell waiting for its check cell
    seen_ids, seen_names = set(), set()

    def cell_name(i: int) -> str:
        return f"cell {i + 1}"

    for i, cell in enumerate(nb.cells):
        meta = nbgrader_meta(cell)
        if meta and meta.get("schema_version") != 3:
            problems.append(f"{cell_name(i)}: nbgrader metadata with schema_version "
                            f"{meta.get('schema_version')!r}; the course writes 3")
        gid = meta.get("grade_id")
        if meta and (meta.get("solution") or meta.get("grade") or meta.get("locked")):
            if not gid:
                problems.append(f"{cell_name(i)}: nbgrader cell without a grade_id")
            elif gid in seen_ids:
                problems.append(f"{cell_name(i)}: grade_id {gid!r} is used twice")
            seen_ids.add(gid)
        if is_solution(cell):
            if pending is not None:
                problems.append(f"{cell_name(pending)}: solution cell {nbgrader_meta(nb.cells[pending]).get('grade_id')!r}"
                                " has no check cell after it")
            pending = i
            src = cell.source
            if BEGIN_SOLUTION not in src or END_SOLUTION not in src:
                problems.append(f"{cell_name(i)}: solution cell {gid!r} has no // {BEGIN_SOLUTION} ... "
                                f"// {END_SOLUTION} region")
            continue
        if not is_check(cell):
            marker = next((m for m in (BEGIN_SOLUTION, END_SOLUTION, BEGIN_HIDDEN, END_HIDDEN)
                           if m in cell.get("source", "")), None)
            if marker:
                problems.append(f"{cell_name(i)}: this {cell.get('cell_type')} cell holds the words '{marker}', which "
                                "nbgrader takes for a marker on any line of any cell, and it is not a "
                                f"{'solution' if 'SOLUTION' in marker else 'check'} cell: generating the student "
                                "version fails (name the markers without these exact words)")
            continue
        # A check cell.
        if BEGIN_SOLUTION in cell.source or END_SOLUTION in cell.source:
            problems.append(f"{cell_name(i)}: check cell {gid!r} holds the words '{BEGIN_SOLUTION}' or "
                            f"'{END_SOLUTION}', which nbgrader takes for a solution region")
        m = CHECK_CALL.search(cell.source)
        name = m.group(2) if m else (gid or f"cell {i + 1}")
        if not m:
            problems.append(f"{cell_name(i)}: check cell {gid!r} calls no gd.exercise.Exercise check with a name")
        if name in seen_names:
            problems.append(f"{cell_name(i)}: the exercise name {name!r} is used twice")
        seen_names.add(name)
        if not meta.get("locked"):
            problems.append(f"{cell_name(i)}: check cell {gid!r} is not locked")
        points = meta.get("points")
        if not isinstance(points, (int, float)) or points <= 0:
            problems.append(f"{cell_name(i)}: check cell {gid!r} has no points")
            points = 0
        if BEGIN_HIDDEN not in cell.source or "requireSolved" not in cell.source:
            problems.append(f"{cell_name(i)}: check cell {gid!r} has no hidden test (// {BEGIN_HIDDEN}: "
                            "Exercise.requireSolved(...)), so an unsolved exercise would score its points")
        if pending is None:
            problems.append(f"{cell_name(i)}: check cell {gid!r} has no solution cell before it")
            continue
        sol = nb.cells[pending]
        gd = sol.get("metadata", {}).get("gd") or {}
        wrong = gd.get("wrong")
        feedback = gd.get("feedback") or []
        sid = nbgrader_meta(sol).get("grade_id", "")
        if not isinstance(wrong, str) or not wrong.strip():
            problems.append(f"exercise {name!r} (cell {pending + 1}) has no planted wrong answer (metadata "
                            "gd.wrong): a check that is never shown to fail may not be able to")
            wrong = None
        elif BEGIN_SOLUTION in wrong or END_SOLUTION in wrong:
            problems.append(f"exercise {name!r}: gd.wrong holds solution markers; it replaces the region")
        if not isinstance(feedback, list) or not feedback or not all(isinstance(w, str) and w for w in feedback):
            problems.append(f"exercise {name!r} (cell {pending + 1}) has no feedback words (metadata gd.feedback: "
                            "a list of the words its failure must show)")
            feedback = []
        exercises.append(Exercise(notebook=notebook, name=name, grade_id=gid or "", solution_id=sid,
                                  solution_cell=pending, check_cell=i, points=float(points), wrong=wrong,
                                  feedback=list(feedback)))
        pending = None
    if pending is not None:
        problems.append(f"{cell_name(pending)}: solution cell {nbgrader_meta(nb.cells[pending]).get('grade_id')!r} "
                        "has no check cell after it")
    if not exempt(notebook) and len(exercises) < MIN_EXERCISES:
        problems.append(f"has {len(exercises)} exercise{'s' if len(exercises) != 1 else ''}; every notebook from "
                        f"01 on needs at least {MIN_EXERCISES} (CONTRIBUTING.md, \"Exercises\")")
    return exercises, problems


# ---- The versions -------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def nbgrader_config():
    """The course's nbgrader configuration (src/tools/nbgrader/nbgrader_config.py)."""
    from traitlets.config.loader import PyFileConfigLoader

    return PyFileConfigLoader(NBGRADER_CONFIG.name, path=str(NBGRADER_DIR)).load_config()


def student_preprocessors() -> list:
    """The preprocessors of ``nbgrader generate_assignment``, in its order, without SaveCells (the
    gradebook database: a learner's copy has none)."""
    from nbgrader.converters import GenerateAssignment
    from nbgrader.preprocessors import SaveCells

    classes = GenerateAssignment.class_traits()["preprocessors"].default()
    return [cls(config=nbgrader_config()) for cls in classes if cls is not SaveCells]


def student_version(nb, name: str = "notebook"):
    """nbgrader's student version of ``nb``: solutions replaced by the Java stub, hidden tests removed,
    outputs cleared, check cells locked; the course's planted answers (metadata ``gd``) dropped."""
    nb = copy.deepcopy(nb)
    resources = {"nbgrader": {"notebook": name, "assignment": name}, "metadata": {"path": "."}}
    for pre in student_preprocessors():
        nb, resources = pre.preprocess(nb, resources)
    for cell in nb.cells:
        cell.get("metadata", {}).pop("gd", None)
    return nb


def replace_region(source: str, code: str) -> str:
    """``source`` with its BEGIN SOLUTION ... END SOLUTION lines replaced by ``code``, indented as the
    BEGIN line is (what nbgrader's ClearSolutions does with its stub)."""
    out, inside = [], False
    for line in source.split("\n"):
        if BEGIN_SOLUTION in line:
            indent = re.match(r"\s*", line).group(0)
            out += [indent + part if part else part for part in code.split("\n")]
            inside = True
        elif END_SOLUTION in line:
            inside = False
        elif not inside:
            out.append(line)
    return "\n".join(out)


def planted_version(nb, exercises: list[Exercise]):
    """``nb`` with every exercise's solution region replaced by its planted wrong answer, outputs cleared."""
    nb = copy.deepcopy(nb)
    for ex in exercises:
        if ex.wrong is not None:
            cell = nb.cells[ex.solution_cell]
            cell.source = replace_region(cell.source, ex.wrong)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def write(nb, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))


# ---- What the executed versions printed ---------------------------------------------------------
def stdout_lines(cell) -> list[str]:
    lines = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream" and out.get("name") == "stdout":
            lines += "".join(out.get("text", "")).splitlines()
    return lines


def error_text(cell) -> str | None:
    """The cell's error: the Java exception's lines without the stack frames, or None."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            lines = [ANSI.sub("", line).rstrip() for line in out.get("traceback", [])]
            lines = [line for line in "\n".join(lines).splitlines()
                     if line.strip() and not line.lstrip().startswith("at ")]
            return "\n".join(lines) or f"{out.get('ename', '')}: {out.get('evalue', '')}"
    return None


def first_line(text: str | None) -> str:
    return (text or "").strip().splitlines()[0] if (text or "").strip() else ""


def cell_by_id(nb, grade_id: str):
    for cell in nb.cells:
        if nbgrader_meta(cell).get("grade_id") == grade_id:
            return cell
    return None


def outcome(nb, ex: Exercise) -> tuple[str, str]:
    """(solved | unsolved | wrong | not run, the line that says so) for ``ex`` in an executed notebook."""
    cell = cell_by_id(nb, ex.grade_id) if ex.grade_id else None
    if cell is None:
        cell = nb.cells[ex.check_cell] if ex.check_cell < len(nb.cells) else None
    if cell is None:
        return "not run", "its check cell is missing"
    for line in stdout_lines(cell):
        if line.startswith(SOLVED_MARK + ex.name):
            return "solved", line
        if line.startswith(UNSOLVED_MARK + ex.name):
            return "unsolved", line
    error = error_text(cell)
    if error:
        return "wrong", error
    if cell.get("execution_count") is None and not cell.get("outputs"):
        return "not run", "its check cell did not run"
    return "not run", "its check cell printed neither ✓, 'not solved yet' nor an error"


def expect_outcome(nb, exercises: list[Exercise], wanted: str, problem) -> tuple[int, list[str]]:
    """Counts the checks whose outcome is ``wanted``; the others give ``problem(what, first line)``, after the
    notebook and the check's name. Returns (count, problems)."""
    good, problems = 0, []
    for ex in exercises:
        what, line = outcome(nb, ex)
        if what == wanted:
            good += 1
        else:
            problems.append(f"{ex.notebook}: {ex.name}: {problem(what, first_line(line))}")
    return good, problems


def check_solution(nb, exercises: list[Exercise]) -> tuple[int, list[str]]:
    """The solution version: every check prints its ✓ line. Returns (✓ count, problems)."""
    return expect_outcome(nb, exercises, "solved",
                          lambda what, line: f"the solution does not pass its check ({what}: {line})")


def check_student(nb, exercises: list[Exercise]) -> tuple[int, list[str]]:
    """The student version: every check prints 'not solved yet'. Returns (count, problems)."""
    return expect_outcome(nb, exercises, "unsolved",
                          lambda what, line: f"the student version should print 'not solved yet', got {what}: {line}")


def check_planted(nb, exercises: list[Exercise]) -> tuple[int, list[str]]:
    """The planted version: every check cell fails with an AssertionError holding its feedback words.
    Returns (count, problems). (Other cells may fail too: a cell after an exercise that goes on with the
    learner's result, Exercise.solutionOr, gets the wrong one; ``planted_notes`` lists them.)"""
    good, problems = 0, []
    checks = set()
    for ex in exercises:
        checks.add(ex.check_cell)
        if ex.wrong is None:
            problems.append(f"{ex.notebook}: {ex.name}: no planted wrong answer, so its check was not tested")
            continue
        what, text = outcome(nb, ex)
        if what != "wrong":
            problems.append(f"{ex.notebook}: {ex.name}: the planted wrong answer passed as {what} "
                            f"({first_line(text)}): the check cannot fail on it")
            continue
        message = text
        if "AssertionError" not in first_line(message):
            problems.append(f"{ex.notebook}: {ex.name}: the check cell failed, but not with the check's "
                            f"AssertionError: {first_line(message)}")
            continue
        missing = [w for w in ex.feedback if w.lower() not in message.lower()]
        if missing:
            problems.append(f"{ex.notebook}: {ex.name}: the feedback lacks {', '.join(map(repr, missing))}; "
                            f"it said: {first_line(message)}")
            continue
        good += 1
    return good, problems


def planted_notes(nb, exercises: list[Exercise]) -> list[str]:
    """The cells other than the checks that failed in a planted version (informative, not a defect)."""
    checks = {ex.check_cell for ex in exercises}
    name = exercises[0].notebook if exercises else "notebook"
    return [f"{name}: cell {i + 1} failed too (it goes on with the planted answer): {first_line(error_text(cell))}"
            for i, cell in enumerate(nb.cells)
            if i not in checks and cell.get("cell_type") == "code" and error_text(cell)]


# ---- Commands -----------------------------------------------------------------------------------
def lint(paths: list[Path]) -> tuple[dict[str, list[Exercise]], dict[str, list[str]]]:
    found, problems = {}, {}
    for path in paths:
        try:
            exercises, more = find(read(path), path.name)
        except Exception as e:  # not a notebook
            exercises, more = [], [f"cannot be read: {type(e).__name__}: {e}"]
        found[path.name] = exercises
        if more:
            problems[path.name] = more
    return found, problems


def print_problems(problems: dict[str, list[str]]) -> None:
    few = [n for n, ps in problems.items() if any("needs at least" in p for p in ps)]
    for name, ps in problems.items():
        for p in ps:
            print(f"  {name}: {p}")
    if few:
        print(f"  ({len(few)} notebook{'s' if len(few) != 1 else ''} with fewer than {MIN_EXERCISES} exercises: "
              "the rule fails CI until every notebook from 01 on has its exercises)")


def cmd_lint(args) -> int:
    found, problems = lint([Path(p) for p in args.notebooks])
    total = sum(len(v) for v in found.values())
    if problems:
        print(f"Exercises: {total} in {len(found)} notebooks; the format has problems:")
        print_problems(problems)
        return 1
    print(f"Exercises: {total} in {len(found)} notebooks, all in the course's format.")
    return 0


def cmd_versions(args) -> int:
    """Write the student and planted versions of the notebooks that have exercises, and exercises.json."""
    out = Path(args.out)
    paths = [Path(p) for p in args.notebooks]
    found, problems = lint(paths)
    (out / "student").mkdir(parents=True, exist_ok=True)
    (out / "planted").mkdir(parents=True, exist_ok=True)
    made, errors = [], {}
    for path in paths:
        exercises = found.get(path.name) or []
        if not exercises:
            continue
        nb = read(path)
        write(planted_version(nb, exercises), out / "planted" / path.name)
        try:
            write(student_version(nb, path.stem), out / "student" / path.name)
            made.append(path.name)
        except Exception as e:  # e.g. nbgrader refuses a solution marker outside a solution cell
            errors.setdefault(path.name, []).append(f"nbgrader could not make the student version: "
                                                    f"{type(e).__name__}: {e}")
    for name, ps in errors.items():
        problems.setdefault(name, []).extend(ps)
    summary = {
        "notebooks": {p.name: [asdict(e) for e in found.get(p.name, [])] for p in paths},
        "versions": made,
        "problems": problems,
    }
    (out / "exercises.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    total = sum(len(v) for v in found.values())
    print(f"Exercises: {total} in {len(paths)} notebooks; student and planted versions of {len(made)} "
          f"({out}/student, {out}/planted)")
    if problems:
        print("The exercises' format has problems:")
        print_problems(problems)
    return 0


def load_results(path: str | None) -> dict[str, dict]:
    if not path or not Path(path).is_file():
        return {}
    return {r["notebook"]: r for r in json.loads(Path(path).read_text())}


def verify(source: Path, solution: Path, student: Path, planted: Path, runs: dict[str, dict[str, dict]],
           exercises_json: Path) -> dict:
    """Checks the three executed versions against the exercises found in ``exercises_json``."""
    data = json.loads(exercises_json.read_text())
    notebooks = {name: [Exercise(**e) for e in exs] for name, exs in data["notebooks"].items()}
    result = {"lint": data["problems"], "exercises": sum(len(v) for v in notebooks.values()),
              "per_notebook": {n: len(v) for n, v in notebooks.items()}}
    for version, folder, checker in (("solution", solution, check_solution), ("student", student, check_student),
                                     ("planted", planted, check_planted)):
        good = total = 0
        problems, notes, ran = [], [], 0
        names = [n for n, exs in notebooks.items() if exs] if version != "solution" else list(notebooks)
        for name in names:
            exs = notebooks[name]
            run = runs.get(version, {}).get(name)
            path = folder / name
            total += len(exs)
            if run is None or not path.is_file():
                if version == "student" and name not in data.get("versions", []):
                    problems.append(f"{name}: nbgrader could not make its student version (see the format problems)")
                elif exs or version != "solution":
                    problems.append(f"{name}: the {version} version was not executed")
                continue
            if version == "student":
                if not run["ok"]:
                    f = run["failures"][0]
                    problems.append(f"{name}: the student version failed at cell {f['cell']} ({f['kind']}): "
                                    f"{first_line(f['report'])}")
                elif run.get("stopped_at"):
                    problems.append(f"{name}: the student version did not run to its end")
                else:
                    ran += 1
            nb = read(path)
            n, more = checker(nb, exs)
            if version == "planted":
                notes += planted_notes(nb, exs)
            if version == "planted" and run.get("failures"):
                # a timeout or a dead kernel stops the run: the checks after it did not run
                for f in run["failures"]:
                    if f["kind"] in ("timeout", "dead kernel", "runner"):
                        more.append(f"{name}: the planted version stopped at cell {f['cell']}: {f['kind']}")
            good += n
            problems += more
        result[version] = {"notebooks": len(names), "ran": ran, "checks": total, "good": good, "problems": problems,
                           "notes": notes}
    return result


def cmd_verify(args) -> int:
    runs = {"solution": load_results(args.solution_results), "student": load_results(args.student_results),
            "planted": load_results(args.planted_results)}
    result = verify(Path(args.source), Path(args.solution), Path(args.student), Path(args.planted), runs,
                    Path(args.exercises))
    Path(args.results).parent.mkdir(parents=True, exist_ok=True)
    Path(args.results).write_text(json.dumps(result, indent=2, ensure_ascii=False))
    s, st, p = result["solution"], result["student"], result["planted"]
    print(f"Exercises, solution version: {s['good']} of {s['checks']} checks print ✓")
    print(f"Exercises, student version: {st['ran']} of {st['notebooks']} notebooks ran to the end, "
          f"{st['good']} of {st['checks']} checks print 'not solved yet'")
    print(f"Exercises, planted version: {p['good']} of {p['checks']} checks failed with their feedback")
    problems = s["problems"] + st["problems"] + p["problems"]
    for line in problems:
        print(f"  {line}")
    for line in p["notes"]:
        print(f"  note: {line}")
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("lint", help="check the exercises' format")
    a.add_argument("notebooks", nargs="+")
    a = sub.add_parser("versions", help="write the student and planted versions")
    a.add_argument("--out", required=True)
    a.add_argument("notebooks", nargs="+")
    a = sub.add_parser("verify", help="check the executed versions")
    a.add_argument("--source", required=True, help="the course's notebooks")
    a.add_argument("--exercises", required=True, help="exercises.json written by `versions`")
    a.add_argument("--solution", required=True, help="the executed solution notebooks")
    a.add_argument("--student", required=True, help="the executed student versions")
    a.add_argument("--planted", required=True, help="the executed planted versions")
    a.add_argument("--solution-results", help="the runner's results for the solution notebooks")
    a.add_argument("--student-results")
    a.add_argument("--planted-results")
    a.add_argument("--results", required=True, help="write the verdict here (JSON)")
    args = p.parse_args(argv)
    return {"lint": cmd_lint, "versions": cmd_versions, "verify": cmd_verify}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
