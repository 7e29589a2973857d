"""Execute the course notebooks headless and report failures with the Java message.

Each notebook runs in a fresh ``java`` kernel whose working directory is the notebook's folder.
The executed notebook (outputs kept, up to the failure when a cell fails; not signed) goes to
``--executed``, its HTML export (nbconvert, the lab template without RequireJS) to ``--site``, and
after all notebooks ``--site/index.html`` lists them by title. A failing cell is reported with the
notebook, the cell number, the cell's source and the Java exception or compiler message; all
notebooks run before the failures are listed again at the end.

Run with the project's virtual environment (``./gd`` does this)::

    .gd/venv/bin/python src/tools/run_notebooks.py [options] notebooks/*.ipynb
    .gd/venv/bin/python src/tools/run_notebooks.py --self-test

Exit code: 0 when every notebook ran, 1 when one failed, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

TOOLS = Path(__file__).resolve().parent
KERNEL = "java"
FIXTURE = TOOLS / "fixtures" / "broken.ipynb"
TEMPLATES = TOOLS / "templates"
ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
JJAVA_CHATTER = re.compile(r"^\[[A-Z] [0-9-]+ [0-9:.]+ Loop-\S+\] Loop (started|stopped)\.$")
# What the self-test expects to find in the report on the fixture.
SELF_TEST_EXPECTED = [
    "broken.ipynb, cell 3 (code cell 2)",
    'throw new IllegalStateException("deliberately broken");',
    "java.lang.IllegalStateException: deliberately broken",
    "broken.ipynb, cell 4 (code cell 3)",
    "incompatible types: java.lang.String cannot be converted to int",
]
# The parts of MathJax 2 (npm package `mathjax`) that the exported pages use: TeX input, CommonHTML
# output with the TeX web fonts.
MATHJAX_PARTS = [
    "MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "extensions",
    "jax/input/TeX", "jax/element", "jax/output/CommonHTML", "fonts/HTML-CSS/TeX/woff",
    "localization/en", "LICENSE",
]
MATHJAX_URL = "mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"


@dataclass
class Failure:
    """Why a notebook failed, and where."""

    kind: str  # error | compile error | timeout | dead kernel | runner
    report: str  # the Java exception, javac's diagnostic or the reason
    cell: int | None = None  # 1-based over all cells, as the browser check counts them
    code_cell: int | None = None  # 1-based over code cells
    source: str = ""


@dataclass
class Result:
    """What happened to one notebook."""

    notebook: str
    title: str
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    plots: int = 0
    html: str | None = None
    executed: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def strip_ansi(text: str) -> str:
    return ANSI.sub("", text)


def title_of(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The notebook's first markdown heading, else ``fallback``."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            m = re.match(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
            if m and m.group(1):
                return re.sub(r"[*_`]", "", m.group(1)).strip()
    return fallback


def count_plots(nb: nbformat.NotebookNode) -> int:
    """Outputs that carry a Plotly figure (the plotly MIME type or a ``gd-plot`` container)."""
    n = 0
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            html_text = data.get("text/html", "")
            if isinstance(html_text, list):
                html_text = "".join(html_text)
            if "application/vnd.plotly.v1+json" in data or "gd-plot" in html_text:
                n += 1
    return n


def indent(text: str, prefix: str = "    ") -> str:
    return "\n".join(prefix + line for line in text.rstrip("\n").splitlines())


def describe_error(cell: nbformat.NotebookNode) -> tuple[str, str]:
    """(kind, message) from the cell's error output: the Java exception or javac's diagnostic."""
    for out in cell.get("outputs", []):
        if out.get("output_type") != "error":
            continue
        ename = out.get("ename", "")
        evalue = out.get("evalue", "")
        lines = [strip_ansi(line).rstrip().replace("\t", "    ") for line in out.get("traceback", [])]
        lines = [line for line in "\n".join(lines).splitlines() if line.strip()]
        if len(lines) > 40:
            lines = lines[:40] + [f"... ({len(lines) - 40} more lines)"]
        if ename == "CompilationException":
            return "compile error", "\n".join(lines) or evalue
        if lines:
            return "error", "\n".join(lines)
        # JJava sends a Java exception as ename=RuntimeException, evalue="<class>, <message>".
        cls, _, msg = evalue.partition(", ")
        return "error", f"{cls}: {msg}" if msg else f"{ename}: {evalue}"
    return "error", "(the kernel reported an error but sent no error output)"


def exporter():
    """nbconvert's HTML exporter with the course template (the lab template, no RequireJS)."""
    from nbconvert import HTMLExporter

    exp = HTMLExporter(extra_template_basedirs=[str(TEMPLATES)], template_name="gd")
    exp.mathjax_url = MATHJAX_URL
    return exp


def copy_mathjax(source: Path | None, site: Path) -> str | None:
    """Copy the MathJax files the pages need into ``site/mathjax``; returns a warning if it can't."""
    target = site / "mathjax"
    if source is None or not (source / "MathJax.js").is_file():
        return ("MathJax (npm) is not installed, so formulas in target/site need the network "
                "(run ./gd with Node.js 20+ installed to get it)")
    if (target / "MathJax.js").is_file():
        return None
    for part in MATHJAX_PARTS:
        src, dst = source / part, target / part
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        elif src.is_file():
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
    return None


def check_kernel() -> str | None:
    """An error message if the ``java`` kernel is missing or not the project's own."""
    try:
        spec = KernelSpecManager().get_kernel_spec(KERNEL)
    except NoSuchKernel:
        return f"no Jupyter kernel named '{KERNEL}' is installed in {sys.prefix}; run ./gd to set it up"
    if not Path(spec.resource_dir).resolve().is_relative_to(Path(sys.prefix).resolve()):
        return (f"the '{KERNEL}' kernel found is {spec.resource_dir}, not the project's own in "
                f"{sys.prefix}; run through ./gd (it sets JUPYTER_PATH)")
    return None


def log_tail(log_path: Path | None) -> str:
    """The end of a kernel's own output (stdout and stderr), for a kernel that died or never started."""
    if log_path is None or not log_path.is_file():
        return ""
    lines = log_path.read_text(errors="replace").splitlines()
    # JJava's own start-up chatter says nothing about why it stopped.
    tail = [line for line in lines if line.strip() and not JJAVA_CHATTER.search(line)][-15:]
    return "\nlast lines of the kernel's log:\n" + indent("\n".join(tail)) if tail else ""


def run_one(path: Path, timeout: int, executed_dir: Path | None, site_dir: Path | None,
            logs_dir: Path | None, keep_going: bool = False) -> Result:
    """Execute one notebook in a fresh kernel and write its outputs; never raises for cell errors.

    Stops at the first failing cell, unless ``keep_going`` (the self-test's mode).
    """
    nb = nbformat.read(path, as_version=4)
    res = Result(notebook=path.name, title=title_of(nb, path.stem))
    # "immediate": the notebook is done, so the kernel is killed rather than asked (saves ~3 s).
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=timeout, startup_timeout=180,
                            shutdown_kernel="immediate")
    log_path = None
    if logs_dir is not None:
        logs_dir.mkdir(parents=True, exist_ok=True)
        log_path = logs_dir / f"{path.stem}.log"
    start = time.monotonic()
    index = None
    with open(log_path or os.devnull, "wb") as log:
        try:
            client.reset_execution_trackers()
            with client.setup_kernel(cwd=str(path.parent.resolve()), stdout=log, stderr=log):
                reply = client.wait_for_reply(client.kc.kernel_info())
                if reply and "language_info" in reply["content"]:
                    nb.metadata["language_info"] = reply["content"]["language_info"]
                for index, cell in enumerate(nb.cells):
                    try:
                        client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
                    except CellExecutionError:
                        res.failures.append(Failure(*describe_error(cell)))
                    except CellTimeoutError:
                        res.failures.append(Failure(
                            "timeout", f"the cell did not finish within {timeout} s "
                                       "(GD_CELL_TIMEOUT sets the limit)"))
                    except DeadKernelError:
                        log.flush()
                        res.failures.append(Failure("dead kernel", (
                            "the Java kernel died while running this cell "
                            "(System.exit, a crash or out of memory)") + log_tail(log_path)))
                    else:
                        continue
                    failure = res.failures[-1]
                    failure.cell = index + 1
                    failure.code_cell = sum(1 for c in nb.cells[: index + 1] if c.cell_type == "code")
                    failure.source = cell.source
                    if not keep_going or failure.kind in ("timeout", "dead kernel"):
                        break
        except Exception as e:  # the kernel would not start, ...
            log.flush()
            res.failures.append(Failure("runner", f"{type(e).__name__}: {strip_ansi(str(e))}"
                                        + log_tail(log_path), cell=None if index is None else index + 1))
    res.seconds = time.monotonic() - start
    res.plots = count_plots(nb)

    if executed_dir is not None:
        executed_dir.mkdir(parents=True, exist_ok=True)
        out = executed_dir / path.name
        nbformat.write(nb, out)
        res.executed = str(out)
    if site_dir is not None:
        site_dir.mkdir(parents=True, exist_ok=True)
        try:
            body, _ = exporter().from_notebook_node(nb, resources={"metadata": {"name": res.title}})
            out = site_dir / f"{path.stem}.html"
            out.write_text(body, encoding="utf-8")
            res.html = str(out)
        except Exception as e:
            res.warnings.append(f"HTML export failed: {type(e).__name__}: {e}")
            print(f"  warning: {path.name}: {res.warnings[-1]}")
    print(format_line(res), flush=True)
    for failure in res.failures:
        print(format_failure(path, failure), flush=True)
    return res


def format_line(res: Result) -> str:
    status = "ok    " if res.ok else "FAILED"
    plots = f", {res.plots} plot{'s' if res.plots != 1 else ''}" if res.plots else ""
    return f"  {status} {res.notebook:<40} {res.seconds:7.1f} s{plots}"


def where(name: str, failure: Failure) -> str:
    text = name
    if failure.cell is not None:
        text += f", cell {failure.cell}"
        if failure.code_cell:
            text += f" (code cell {failure.code_cell})"
    return text


def format_failure(path: Path, failure: Failure) -> str:
    lines = [f"FAILED {where(path.name, failure)}: {failure.kind}"]
    if failure.cell is not None and failure.kind != "runner":
        lines.append("  cell source:")
        lines.append(indent(failure.source or "(empty)", "  | "))
    label = {"compile error": "javac says:", "error": "Java exception:"}.get(failure.kind, "reason:")
    lines.append("  " + label)
    lines.append(indent(failure.report, "    "))
    return "\n".join(lines)


def write_index(site: Path, results: list[Result]) -> Path:
    """``site/index.html``: every chapter by title, linked to its HTML export."""
    rows = []
    for r in results:
        name = Path(r.notebook).stem
        link = f'<a href="{html.escape(name)}.html">{html.escape(r.title)}</a>' if r.html else html.escape(r.title)
        cell = None if r.ok else r.failures[0].cell
        status = "" if r.ok else f' <span class="failed">failed{f" at cell {cell}" if cell else ""}</span>'
        rows.append(f'<li>{link} <span class="file">{html.escape(r.notebook)}</span>{status}</li>')
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gradient descent from first principles</title>
<style>
  body {{ font-family: system-ui, -apple-system, "Segoe UI", sans-serif; max-width: 46rem;
         margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #222; }}
  h1 {{ font-size: 1.6rem; }}
  li {{ margin: .4rem 0; }}
  .file {{ color: #777; font-size: .85em; margin-left: .5em; }}
  .failed {{ color: #b00; font-weight: bold; margin-left: .5em; }}
  footer {{ color: #777; font-size: .85em; margin-top: 2rem; }}
</style>
</head>
<body>
<h1>Gradient descent from first principles</h1>
<p>The course notebooks, executed headless by <code>./gd</code>. Every page works offline.</p>
<ol>
{chr(10).join(rows)}
</ol>
<footer>Generated {time.strftime("%Y-%m-%d %H:%M")}.</footer>
</body>
</html>
"""
    site.mkdir(parents=True, exist_ok=True)
    out = site / "index.html"
    out.write_text(page, encoding="utf-8")
    return out


def run_all(paths: list[Path], args) -> list[Result]:
    site = Path(args.site) if args.site else None
    if site is not None:
        warning = copy_mathjax(Path(args.mathjax) if args.mathjax else None, site)
        if warning:
            print(f"note: {warning}")
    results = []
    print(f"Executing {len(paths)} notebook{'s' if len(paths) != 1 else ''} "
          f"(fresh Java kernel each, cell timeout {args.timeout} s):", flush=True)
    for path in paths:
        try:
            results.append(run_one(path, args.timeout,
                                   Path(args.executed) if args.executed else None, site,
                                   Path(args.logs) if args.logs else None))
        except Exception as e:  # e.g. a notebook file that is not valid JSON
            failure = Failure("runner", f"{type(e).__name__}: {e}")
            results.append(Result(notebook=path.name, title=path.stem, failures=[failure]))
            print(format_line(results[-1]))
            print(format_failure(path, failure), flush=True)
    if site is not None:
        write_index(site, results)
    failed = [r for r in results if not r.ok]
    if failed:
        print(f"\n{len(failed)} of {len(results)} notebooks failed:")
        for r in failed:
            f = r.failures[0]
            first = f.report.splitlines()[0] if f.report else ""
            print(f"  {where(r.notebook, f)}: {f.kind}: {first}")
    if args.results:
        Path(args.results).parent.mkdir(parents=True, exist_ok=True)
        Path(args.results).write_text(json.dumps(
            [dict(asdict(r), ok=r.ok) for r in results], indent=2))
    return results


def self_test(timeout: int) -> bool:
    """Run the broken fixture and check that the report names the cells and the Java messages."""
    from contextlib import redirect_stdout
    from io import StringIO

    print("Runner self-test: executing the deliberately broken fixture "
          f"{FIXTURE.relative_to(TOOLS.parent.parent)} ...", flush=True)
    with tempfile.TemporaryDirectory(prefix="gd-selftest-") as tmp:
        work = Path(tmp) / FIXTURE.name
        shutil.copy(FIXTURE, work)
        buf = StringIO()
        with redirect_stdout(buf):
            res = run_one(work, timeout, Path(tmp) / "executed", None, Path(tmp) / "logs",
                          keep_going=True)
        report = buf.getvalue()
        executed = nbformat.read(Path(tmp) / "executed" / FIXTURE.name, as_version=4)
    problems = [f"the report lacks {s!r}" for s in SELF_TEST_EXPECTED if s not in report]
    kinds = [f.kind for f in res.failures]
    if kinds != ["error", "compile error"]:
        problems.append(f"expected an error, then a compile error; got {kinds}")
    if "x = 2" not in json.dumps(executed.cells[1].get("outputs", [])):
        problems.append("the executed notebook lost the outputs of the cells before the failure")
    if problems:
        print(report)
        print("Runner self-test FAILED: " + "; ".join(problems))
        return False
    print(indent(report.strip(), "  > "))
    print("Runner self-test passed: the report names the cells and carries the Java messages.")
    return True


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("notebooks", nargs="*", help="notebooks to execute, in this order")
    p.add_argument("--timeout", type=int, default=900, help="seconds per cell (default 900)")
    p.add_argument("--executed", help="folder for the executed notebooks")
    p.add_argument("--site", help="folder for the HTML exports and index.html")
    p.add_argument("--mathjax", help="the npm package mathjax@2 to copy into the site")
    p.add_argument("--logs", help="folder for the kernels' own output (one log per notebook)")
    p.add_argument("--results", help="write a JSON summary here")
    p.add_argument("--self-test", action="store_true", help="check the runner on its broken fixture")
    args = p.parse_args(argv)

    problem = check_kernel()
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    if args.self_test:
        return 0 if self_test(args.timeout) else 1
    paths = [Path(n) for n in args.notebooks]
    missing = [str(n) for n in paths if not n.is_file()]
    if missing:
        print(f"error: no such notebook: {', '.join(missing)}", file=sys.stderr)
        return 2
    results = run_all(paths, args)
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
