"""Print the summary of ``./gd test`` and exit 0 only when every part passed.

Reads the Surefire reports (unit tests), the notebook runner's results and the browser check's
results; the last line is ``total: N passed, N failed, N skipped``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def unit_tests(reports: Path) -> tuple[int, int, int] | None:
    """(run, failed, skipped) over target/surefire-reports/TEST-*.xml, or None without reports."""
    files = sorted(reports.glob("TEST-*.xml"))
    if not files:
        return None
    # Count the <testcase> elements: when JUnit and jqwik both report tests of one class, the
    # suite's own counters are those of the last engine only.
    run = failed = skipped = 0
    for f in files:
        for case in ET.parse(f).getroot().iter("testcase"):
            run += 1
            if case.find("failure") is not None or case.find("error") is not None:
                failed += 1
            elif case.find("skipped") is not None:
                skipped += 1
    return run, failed, skipped


def load(path: str | None):
    if not path or not Path(path).is_file():
        return None
    return json.loads(Path(path).read_text())


def duration(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds >= 60 else f"{seconds} s"


# A check on a speed or a time measured while the notebook runs names "this machine" in its claim
# (CONTRIBUTING.md, "Notebooks"): its numbers differ from run to run, so the comparison of the ✓ lines of
# two kernels masks the numbers of those lines, and only of those; every other line must be identical.
MEASURED = re.compile(r"\bthis machine\b")
NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def comparable(checks: list[str]) -> list[str]:
    return [NUMBER.sub("#", line) if MEASURED.search(line.split(":", 1)[0]) else line for line in checks]


def first_difference(checks: list[str], others: list[str]) -> int | None:
    """The index of the first ✓ line that differs (a missing line counts as different), or None."""
    a, b = comparable(checks), comparable(others)
    if a == b:
        return None
    return next(i for i, (x, y) in enumerate(zip(a + [""], b + [""])) if x != y)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--root", required=True)
    p.add_argument("--verify", type=int, required=True, help="exit status of mvn verify")
    p.add_argument("--self-test", type=int, required=True, help="exit status of the runner's self-test")
    p.add_argument("--runner", type=int, default=0, help="exit status of the notebook runner")
    p.add_argument("--notebooks", help="the runner's results (JSON)")
    p.add_argument("--browser", choices=["passed", "failed", "skipped"], required=True)
    p.add_argument("--browser-reason", default="")
    p.add_argument("--browser-results", help="the browser check's results (JSON)")
    p.add_argument("--ijava", choices=["ran", "failed", "skipped"], default="skipped",
                   help="how the run of the notebooks on the original IJava kernel went")
    p.add_argument("--ijava-reason", default="", help="why the IJava check was skipped")
    p.add_argument("--ijava-results", help="the runner's results on IJava (JSON)")
    p.add_argument("--exercises", help="the verdict on the exercises' three versions (JSON)")
    p.add_argument("--nbgrader", help="the nbgrader round trip's scores (JSON)")
    p.add_argument("--workflows", choices=["passed", "failed", "skipped"], default="skipped")
    p.add_argument("--workflows-reason", default="")
    p.add_argument("--workflows-log", help="the workflow lint's output")
    p.add_argument("--offline", help="the offline check's results (JSON)")
    p.add_argument("--ci", default="false")
    p.add_argument("--seconds", type=float, required=True)
    a = p.parse_args()

    passed = failed = skipped = 0
    lines = []

    tests = unit_tests(Path(a.root) / "target" / "surefire-reports")
    verify = "passed" if a.verify == 0 else "FAILED"
    if tests is None:
        lines.append(f"unit tests       none ran (mvn verify {verify}; see target/gd/maven-verify.log)")
        failed += a.verify != 0
    else:
        run, bad, skip = tests
        lines.append(f"unit tests       {run} run, {bad} failed, {skip} skipped")
        passed += run - bad - skip
        failed += bad
        skipped += skip
        if a.verify != 0 and bad == 0:
            lines.append("                 mvn verify FAILED after the tests (javadoc lint?): "
                         "see target/gd/maven-verify.log")
            failed += 1
        else:
            lines.append(f"                 mvn verify {verify} (tests and javadoc lint)")

    lines.append(f"runner self-test {'passed' if a.self_test == 0 else 'FAILED'}")
    passed += a.self_test == 0
    failed += a.self_test != 0

    notebooks = load(a.notebooks)
    if notebooks is None:
        lines.append("notebooks        not executed (the runner wrote no results)")
        failed += 1
    else:
        bad = [n for n in notebooks if not n["ok"]]
        lines.append(f"notebooks        {len(notebooks)} executed, {len(bad)} failed")
        for n in notebooks:
            first = None if n["ok"] else n["failures"][0]
            status = "ok" if first is None else (f"FAILED at cell {first['cell']}" if first["cell"] else "FAILED")
            if first is not None:
                status += f" ({first['kind']})"  # error, compile error, timeout, dead kernel, runner
            plots = f", {n['plots']} plot{'s' if n['plots'] != 1 else ''}" if n["plots"] else ""
            lines.append(f"                 {n['notebook']:<40} {n['seconds']:7.1f} s  {status}{plots}")
        passed += len(notebooks) - len(bad)
        failed += len(bad)
        if a.runner != 0 and not bad:
            lines.append(f"                 the runner itself FAILED (exit status {a.runner}); see above")
            failed += 1

    # The exercises: their format, then the three versions (solution, nbgrader's student version, planted).
    ex = load(a.exercises)
    if ex is None:
        lines.append("exercises        not checked (no target/gd/exercises.json)")
        failed += 1
    else:
        lint = ex.get("lint") or {}
        few = {n: c for n, c in (ex.get("per_notebook") or {}).items() if any("needs at least" in p for p in lint.get(n, []))}
        other = sum(len([p for p in ps if "needs at least" not in p]) for ps in lint.values())
        if not lint:
            lines.append(f"exercises        format passed: {ex['exercises']} exercises in {len(ex.get('per_notebook', {}))} "
                         "notebooks, each with a planted wrong answer, at least 3 per notebook from 01 on")
            passed += 1
        else:
            parts = []
            if few:
                parts.append(f"{len(few)} notebook{'s' if len(few) != 1 else ''} with fewer than 3 exercises ("
                             + ", ".join(f"{n[:2]}: {c}" for n, c in few.items())
                             + "; every notebook from 01 on needs 3, CONTRIBUTING.md \"Exercises\")")
            if other:
                parts.append(f"{other} other problem{'s' if other != 1 else ''} (listed above)")
            lines.append(f"exercises        format FAILED: {'; '.join(parts)}")
            failed += 1
        s_, st, pl = ex["solution"], ex["student"], ex["planted"]
        ok_s, ok_st, ok_pl = not s_["problems"], not st["problems"], not pl["problems"]
        lines.append(f"                 solution: {s_['good']} of {s_['checks']} ✓{'' if ok_s else ' FAILED'}; "
                     f"student: {st['ran']} notebook{'s' if st['ran'] != 1 else ''} ran to the end, {st['good']} not solved "
                     f"yet{'' if ok_st else ' FAILED'}; planted: {pl['good']} of {pl['checks']} checks failed with their "
                     f"feedback{'' if ok_pl else ' FAILED'}")
        for problem in (s_["problems"] + st["problems"] + pl["problems"])[:12]:
            lines.append(f"                   {problem}")
        passed += ok_s + ok_st + ok_pl
        failed += (not ok_s) + (not ok_st) + (not ok_pl)

    rounds = load(a.nbgrader)
    if not rounds:
        lines.append("nbgrader         round trip FAILED: it wrote no results (target/gd/nbgrader.log)")
        failed += 1
    else:
        parts, good = [], True
        for r in rounds:
            label = "fixture" if r.get("fallback") else r["notebook"][:2]
            if "error" in r:
                parts.append(f"{label}: FAILED ({r['error'].splitlines()[0]})")
                good = False
                continue
            sol, stu = r["solution"], r["student"]
            ok = sol["max_score"] > 0 and sol["score"] == sol["max_score"] and stu["score"] == 0
            good &= ok
            parts.append(f"{label}: solution {sol['score']:g}/{sol['max_score']:g} points, student "
                         f"{stu['score']:g}/{stu['max_score']:g}{'' if ok else ' FAILED'}")
        note = " (notebooks 01 and 02 have no exercises yet)" if any(r.get("fallback") for r in rounds) else ""
        lines.append(f"nbgrader         round trip {'; '.join(parts)}{note}")
        passed += good
        failed += not good

    # The same notebooks on the original IJava kernel: each runs to the end, every figure is rich there
    # (Plotly JSON and html), with as many figures and the same ✓ lines as on JJava.
    if a.ijava == "skipped":
        lines.append(f"IJava check skipped: {a.ijava_reason}")
        skipped += 1
    else:
        ijava = load(a.ijava_results) or []
        jjava = {n["notebook"]: n for n in (notebooks or [])}
        problems = []
        for n in ijava:
            mine = jjava.get(n["notebook"])
            if not n["ok"]:
                first = n["failures"][0]
                problems.append(f"{n['notebook']}: FAILED at cell {first['cell']} ({first['kind']}): "
                                f"{first['report'].splitlines()[0] if first['report'] else ''}")
            elif n["rich"] != n["plots"]:
                problems.append(f"{n['notebook']}: {n['plots'] - n['rich']} of {n['plots']} figures without both "
                                "application/vnd.plotly.v1+json and text/html")
            elif mine is not None and mine["ok"] and n["plots"] != mine["plots"]:
                problems.append(f"{n['notebook']}: {n['plots']} figures on IJava, {mine['plots']} on JJava")
            elif mine is not None and mine["ok"] and (differ := first_difference(n["checks"], mine["checks"])) is not None:
                problems.append(f"{n['notebook']}: the ✓ lines differ from JJava's from line {differ + 1}")
        if not ijava:
            problems.append("the runner wrote no results")
        ok = not problems and a.ijava == "ran"
        per = ", ".join(f"{n['notebook'][:2]}: {n['rich']}" for n in ijava)
        lines.append(f"IJava check      {'passed' if ok else 'FAILED'}: {len(ijava)} notebooks on IJava 1.3.0, "
                     f"{sum(n['rich'] for n in ijava)} figures rich ({per}), "
                     f"{sum(len(n['checks']) for n in ijava)} ✓ lines as on JJava")
        lines.extend(f"                 {problem}" for problem in problems)
        passed += ok
        failed += not ok

    # A reason means the check could not run (e.g. no Chromium in CI): there are no results.
    browser = load(a.browser_results) if a.browser != "skipped" and not a.browser_reason else None
    if a.browser == "skipped":
        lines.append(f"browser check    skipped: {a.browser_reason.removeprefix('skipped: ')}")
        skipped += 1
    elif browser is None:
        lines.append(f"browser check    FAILED: {a.browser_reason or 'it wrote no results'}")
        failed += 1
    else:
        pages = browser.get("pages", [])
        lab = browser.get("lab")
        ijava_lab = browser.get("ijavaLab")
        exercise_lab = browser.get("exerciseLab")
        labs = [r for r in (lab, ijava_lab, exercise_lab) if r]
        where = f"{len(pages)} HTML exports offline" + (f" + JupyterLab ({lab['notebook']})" if lab else "") \
            + (f" + JupyterLab on IJava, run live ({ijava_lab['notebook']})" if ijava_lab else "")
        if exercise_lab:
            shown = "FAILED" if exercise_lab["problems"] else "shown live"
            which = f"exercise {exercise_lab['exercise'].split()[0]}'s" if exercise_lab.get("exercise") else "an exercise's"
            where += f"; {which} feedback {shown} ({exercise_lab['notebook']}, planted answer)"
        lines.append(f"browser check    {'passed' if browser['ok'] else 'FAILED'}: "
                     f"{browser.get('rendered', 0)} of {browser.get('plots', 0)} plots rendered ({where})")
        checks = len(pages) + len(labs)
        bad_checks = sum(1 for page in pages if page["problems"]) + sum(1 for r in labs if r["problems"])
        if not browser["ok"] and bad_checks == 0:
            bad_checks = 1  # e.g. no plot output at all
        passed += checks - min(bad_checks, checks)
        failed += bad_checks

    if a.workflows == "skipped":
        lines.append(f"workflow lint    skipped: {a.workflows_reason}")
        skipped += 1
    else:
        said = ""
        if a.workflows_log and Path(a.workflows_log).is_file():
            said = Path(a.workflows_log).read_text().strip().splitlines()[-1:] or [""]
            said = said[0]
        lines.append(f"workflow lint    {a.workflows}: {said or a.workflows_reason}")
        passed += a.workflows == "passed"
        failed += a.workflows != "passed"

    offline = load(a.offline)
    ci = a.ci in ("true", "1")
    if offline is None:
        lines.append("offline bundle   not checked (no target/gd/offline.json)")
        failed += 1
    elif offline["status"] == "skipped":
        required = ci and "sets up from the offline bundle" not in offline["reason"]
        lines.append(f"offline bundle   {'FAILED' if required else 'skipped'}: {offline['reason']}"
                     + (" (required when CI=true)" if required else ""))
        failed += required
        skipped += not required
    elif "reason" in offline:
        lines.append(f"offline bundle   FAILED: {offline['reason']}")
        failed += 1
    else:
        nbs = offline.get("notebooks") or []
        ran = ", ".join(f"{n['notebook']} {'ran' if n['ok'] else 'FAILED'} ({n['seconds']:.0f} s)" for n in nbs) or "no notebook ran"
        setup = f"set up from it in {duration(offline['setup_seconds'])}" if offline.get("setup_seconds") is not None \
            else "setup did not finish"
        lines.append(f"offline bundle   {offline['status']}: {offline['bundle_bytes'] / 1e6:.0f} MB, packed in "
                     f"{duration(offline['pack_seconds'])}; with the network off, {setup} (wheels, Maven through ./mvnw, "
                     f"npm), then {ran}; {duration(offline['run_seconds'])} in all")
        if offline["status"] != "passed":
            lines.extend(f"                   {line}" for line in offline.get("tail", [])[-8:])
        passed += offline["status"] == "passed"
        failed += offline["status"] != "passed"

    lines.append(f"total wall time  {duration(a.seconds)}")
    print("\n==== ./gd test summary ====")
    print("\n".join(lines))
    print(f"total: {passed} passed, {failed} failed, {skipped} skipped")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
