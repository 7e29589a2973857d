"""Execute the course notebooks headless and report failures with the Java message.

Each notebook runs in a fresh ``java`` kernel whose working directory is the notebook's folder.
The executed notebook (outputs kept, up to the failure when a cell fails; not signed) goes to
``--executed``, its HTML export (nbconvert, the lab template without RequireJS) to ``--site``, and
after all notebooks ``--site/index.html`` lists them by title. A failing cell is reported with the
notebook, the cell number, the cell's source and the Java exception or compiler message; all
notebooks run before the failures are listed again at the end. A kernel that dies (``System.exit``, a
crash, the system killing the JVM) is reported with its exit status and the last lines of its stderr.

SIGINT, SIGTERM and SIGHUP shut the running kernel down (its whole process group), print one line
and exit with 128 + the signal's number (130, 143, 129), as shells do.

Run with the project's virtual environment (``./gd`` does this)::

    .gd/venv/bin/python src/tools/run_notebooks.py [options] notebooks/*.ipynb
    .gd/venv/bin/python src/tools/run_notebooks.py --self-test

Exit code: 0 when every notebook ran, 1 when one failed, 2 for a usage error (e.g. a cell timeout
that is not a positive number), 128 + N when stopped by signal N.
"""

from __future__ import annotations

import argparse
import copy
import html
import json
import math
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

# Run as a script, this module is __main__; the tools that import it (workspace.py, in the self-test) get this
# same module, with its record of the running kernel that a signal shuts down.
sys.modules.setdefault("run_notebooks", sys.modules[__name__])

TOOLS = Path(__file__).resolve().parent
KERNEL = "java"  # the notebooks' kernelspec; --kernel runs them on another (the IJava check)
FIXTURES = TOOLS / "fixtures"
FIXTURE = FIXTURES / "broken.ipynb"
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
# ... on the fixture whose kernel dies (System.exit(3) after a line on the JVM's own stderr).
SELF_TEST_DEAD_EXPECTED = [
    "dies.ipynb, cell 3 (code cell 2): dead kernel",
    "the Java kernel died while running this cell: it exited with status 3",
    "dies.ipynb: exiting with status 3 on purpose",
]
# A cell timeout: seconds, written as digits with an optional fraction (900, 2.5); must be above 0.
TIMEOUT_FORMAT = re.compile(r"[0-9]+(\.[0-9]+)?")
TIMEOUT_DEFAULT = "900"
# Longer than any run; keeps absurd values (10**400) from overflowing the kernel client's arithmetic.
TIMEOUT_CAP = 1e9
KERNEL_LOG_LINES = 20
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
    rich: int = 0  # plot outputs that carry both the plotly MIME type and text/html
    checks: list[str] = field(default_factory=list)  # the ✓ lines the notebook printed, in order
    unsolved: list[str] = field(default_factory=list)  # its "not solved yet: ..." lines (exercises)
    stopped_at: int | None = None  # with --stop-after-graded: the last cell run, when cells followed it
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


def count_rich(nb: nbformat.NotebookNode) -> int:
    """Outputs that carry a figure both as Plotly JSON (drawn without scripts) and as html (preview + script)."""
    return sum(1 for cell in nb.cells for out in cell.get("outputs", [])
               if "application/vnd.plotly.v1+json" in out.get("data", {}) and "text/html" in out.get("data", {}))


def check_lines(nb: nbformat.NotebookNode, mark: str = "✓") -> list[str]:
    """The lines starting with ``mark`` that the cells printed, in order: ✓ for the outcomes the notebook
    asserts, "not solved yet:" for the exercises a learner has not written yet."""
    lines = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.get("output_type") == "stream" and out.get("name") == "stdout":
                lines += [line for line in "".join(out.get("text", "")).splitlines() if line.startswith(mark)]
    return lines


def last_graded_cell(nb: nbformat.NotebookNode) -> int | None:
    """The index of the notebook's last graded cell (nbgrader metadata ``grade: true``), or None."""
    graded = [i for i, cell in enumerate(nb.cells) if (cell.get("metadata", {}).get("nbgrader") or {}).get("grade")]
    return graded[-1] if graded else None


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


def check_kernel(name: str = KERNEL) -> str | None:
    """An error message if the kernel ``name`` is missing or not the project's own."""
    try:
        spec = KernelSpecManager().get_kernel_spec(name)
    except NoSuchKernel:
        return f"no Jupyter kernel named '{name}' is installed in {sys.prefix}; run ./gd to set it up"
    if not Path(spec.resource_dir).resolve().is_relative_to(Path(sys.prefix).resolve()):
        return (f"the '{name}' kernel found is {spec.resource_dir}, not the project's own in "
                f"{sys.prefix}; run through ./gd (it sets JUPYTER_PATH)")
    return None


# ---- Interruption ---------------------------------------------------------------------------------
# A signal may come anywhere, also inside nbclient's event loop, so the handler awaits nothing: it
# signals the kernel's process group, reaps the kernel itself and leaves with os._exit.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


@dataclass
class Running:
    """What a signal has to stop: the kernel of the notebook that runs now, and the runners the
    self-test started (each with the notebook it runs); and the scratch folders to remove (os._exit
    skips the cleanup of ``tempfile``)."""

    notebook: str | None = None
    client: NotebookClient | None = None
    children: list[tuple[str, subprocess.Popen]] = field(default_factory=list)
    scratch: list[str] = field(default_factory=list)


RUNNING = Running()


def reap(pid: int, seconds: float) -> bool:
    """Wait up to ``seconds`` for the child ``pid`` to end; True once it is gone (reaped here or before)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            return True
        if done:
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.02)


def signal_group(pgid: int, pid: int, signum: int) -> None:
    """Send ``signum`` to the process group (the kernel and whatever it started), else to ``pid``."""
    try:
        os.killpg(pgid, signum)
    except ProcessLookupError:
        pass
    except PermissionError:
        try:
            os.kill(pid, signum)
        except ProcessLookupError:
            pass


def stop_kernel(client: NotebookClient | None) -> bool:
    """Shut the kernel's process group down: SIGTERM, up to 2 s, then SIGKILL. False if none ran."""
    process, pgid = kernel_process(client)
    if process is None:
        return False
    signal_group(pgid, process.pid, signal.SIGTERM)
    gone = reap(process.pid, 2.0)
    signal_group(pgid, process.pid, signal.SIGKILL)  # whatever the group still holds
    if not gone:
        reap(process.pid, 2.0)
    connection_file = getattr(getattr(client, "km", None), "connection_file", "")
    if connection_file:
        try:
            os.remove(connection_file)
        except OSError:
            pass
    return True


def stop_child(child: subprocess.Popen, signum: int) -> None:
    """Pass the signal on to a runner the self-test started; it shuts its own kernel down."""
    if child.returncode is not None:
        return
    try:
        child.send_signal(signum)
    except ProcessLookupError:
        return
    if not reap(child.pid, 10.0):
        child.kill()
        reap(child.pid, 2.0)


def on_signal(signum: int, _frame) -> None:
    """Shut the running kernel down, say so in one line and exit with 128 + signum, as shells do."""
    for s in STOP_SIGNALS:
        signal.signal(s, signal.SIG_IGN)  # one shutdown, however many signals follow
    name = signal.Signals(signum).name
    done = []
    for notebook, child in RUNNING.children:
        if child.returncode is None:
            stop_child(child, signum)
            done.append(f"stopped the runner of {notebook} (it shuts its kernel down)")
    if stop_kernel(RUNNING.client):
        done.insert(0, f"shut the kernel of {RUNNING.notebook} down")
    for folder in RUNNING.scratch:
        shutil.rmtree(folder, ignore_errors=True)
    if done:
        line = f"gd: interrupted ({name}): " + "; ".join(done)
    else:
        line = f"gd: interrupted ({name}); no kernel was running"
    try:
        sys.stdout.flush()
    except Exception:  # the signal came in the middle of a print
        pass
    os.write(2, (line + "\n").encode())
    os._exit(128 + signum)


def catch_signals() -> None:
    for s in STOP_SIGNALS:
        signal.signal(s, on_signal)


def log_tail(log_path: Path | None, shown_path: Path | None = None) -> str:
    """The end of a kernel's own output (stderr and stdout), for a kernel that died or never started."""
    if log_path is None or not log_path.is_file():
        return ""
    lines = log_path.read_text(errors="replace").splitlines()
    # JJava's own start-up chatter says nothing about why it stopped.
    tail = [line for line in lines if line.strip() and not JJAVA_CHATTER.search(line)][-KERNEL_LOG_LINES:]
    where = f" (all of it: {display_path(shown_path)})" if shown_path else ""
    if not tail:
        return f"\nthe kernel wrote nothing to its stderr or stdout{where}"
    last = "the last line" if len(tail) == 1 else f"the last {len(tail)} lines"
    return f"\n{last} of the kernel's stderr and stdout{where}:\n" + indent("\n".join(tail))


def display_path(path: Path) -> str:
    """``path`` relative to the current folder when it is inside it (target/gd/...), else absolute."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def kernel_process(client: NotebookClient | None):
    """The kernel's ``subprocess.Popen`` and its process group, or (None, None) before it started."""
    provisioner = getattr(getattr(client, "km", None), "provisioner", None)
    process = getattr(provisioner, "process", None)
    if process is None:
        return None, None
    return process, getattr(provisioner, "pgid", None) or process.pid


def how_it_died(client: NotebookClient) -> str:
    """``: it exited with status 3 (...)`` or ``: it was killed by SIGKILL (...)``, as far as known."""
    process, _ = kernel_process(client)
    status = process.poll() if process is not None else None
    if status is None:
        return " (System.exit, a crash or out of memory)"
    if status < 0:
        try:
            name = signal.Signals(-status).name
        except ValueError:
            name = f"signal {-status}"
        return f": it was killed by {name} (from outside, or by the system when memory ran out)"
    return f": it exited with status {status} (System.exit({status}), or the JVM stopped on a fatal error)"


def seconds(value: float) -> str:
    """900.0 -> "900", 2.5 -> "2.5"."""
    return str(int(value)) if float(value).is_integer() else str(value)


def run_one(path: Path, timeout: float, executed_dir: Path | None, site_dir: Path | None,
            logs_dir: Path | None, keep_going: bool = False, kernel: str = KERNEL, cwd: Path | None = None,
            stop_after_graded: bool = False) -> Result:
    """Execute one notebook in a fresh kernel and write its outputs; never raises for cell errors.

    Stops at the first failing cell, unless ``keep_going`` (every cell runs and every failure is
    reported: the self-test's mode, and the planted versions' of the exercises). The kernel's working
    directory is ``cwd``, else the notebook's folder. With ``stop_after_graded``, the cells after the
    notebook's last graded cell (nbgrader ``grade: true``) are not run.
    """
    nb = nbformat.read(path, as_version=4)
    res = Result(notebook=path.name, title=title_of(nb, path.stem))
    stop = last_graded_cell(nb) if stop_after_graded else None
    if stop is not None and stop == len(nb.cells) - 1:
        stop = None
    limit = min(timeout, TIMEOUT_CAP)
    # "immediate": the notebook is done, so the kernel is killed rather than asked (saves ~3 s).
    # timeout_func carries the exact limit (the timeout trait takes whole seconds only).
    client = NotebookClient(nb, kernel_name=kernel, timeout=math.ceil(limit),
                            timeout_func=lambda cell: limit, startup_timeout=180,
                            shutdown_kernel="immediate")
    # The kernel's stderr and stdout go to a log, kept in logs_dir or else only while the notebook runs
    # (to show its end if the kernel dies).
    scratch = None
    if logs_dir is not None:
        logs_dir.mkdir(parents=True, exist_ok=True)
        log_path = logs_dir / f"{path.stem}.log"
    else:
        scratch = tempfile.TemporaryDirectory(prefix="gd-kernel-log-")
        RUNNING.scratch.append(scratch.name)
        log_path = Path(scratch.name) / f"{path.stem}.log"
    shown_log = log_path if scratch is None else None
    start = time.monotonic()
    index = None
    group = None
    RUNNING.notebook, RUNNING.client = path.name, client
    try:
        with open(log_path, "wb") as log:
            try:
                client.reset_execution_trackers()
                workdir = (cwd or path.parent).resolve()
                with client.setup_kernel(cwd=str(workdir), stdout=log, stderr=log):
                    _, group = kernel_process(client)
                    reply = client.wait_for_reply(client.kc.kernel_info())
                    if reply and "language_info" in reply["content"]:
                        nb.metadata["language_info"] = reply["content"]["language_info"]
                    for index, cell in enumerate(nb.cells):
                        if stop is not None and index > stop:
                            res.stopped_at = stop + 1
                            break
                        try:
                            client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
                        except CellExecutionError:
                            res.failures.append(Failure(*describe_error(cell)))
                        except CellTimeoutError:
                            res.failures.append(Failure(
                                "timeout", f"the cell did not finish within {seconds(timeout)} s "
                                           "(GD_CELL_TIMEOUT sets the limit)"))
                        except DeadKernelError:
                            log.flush()
                            res.failures.append(Failure("dead kernel", (
                                "the Java kernel died while running this cell" + how_it_died(client)
                                + log_tail(log_path, shown_log))))
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
                                            + log_tail(log_path, shown_log),
                                            cell=None if index is None else index + 1))
    finally:
        RUNNING.notebook, RUNNING.client = None, None
        # nbclient kills the kernel's process group, unless the kernel died first: then whatever
        # the kernel started may still run.
        if group is not None:
            signal_group(group, group, signal.SIGKILL)
        if scratch is not None:
            RUNNING.scratch.remove(scratch.name)
            scratch.cleanup()
    res.seconds = time.monotonic() - start
    res.plots = count_plots(nb)
    res.rich = count_rich(nb)
    res.checks = check_lines(nb)
    res.unsolved = check_lines(nb, "not solved yet:")

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
    checks = f", {len(res.checks)} ✓" if res.checks else ""
    unsolved = f", {len(res.unsolved)} not solved yet" if res.unsolved else ""
    stopped = f", stopped after cell {res.stopped_at} (the last graded one)" if res.stopped_at else ""
    failures = f", {len(res.failures)} failing cells" if len(res.failures) > 1 else ""
    return f"  {status} {res.notebook:<40} {res.seconds:7.1f} s{plots}{checks}{unsolved}{stopped}{failures}"


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
          f"(fresh {'Java' if args.kernel == KERNEL else args.kernel} kernel each, cell timeout "
          f"{seconds(args.timeout)} s):", flush=True)
    for path in paths:
        try:
            results.append(run_one(path, args.timeout,
                                   Path(args.executed) if args.executed else None, site,
                                   Path(args.logs) if args.logs else None, keep_going=args.keep_going,
                                   kernel=args.kernel, cwd=Path(args.cwd) if args.cwd else None,
                                   stop_after_graded=args.stop_after_graded))
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


def parse_timeout(text: str) -> float | None:
    """A cell timeout in seconds (900, 2.5), or None unless ``text`` is a positive number."""
    if not TIMEOUT_FORMAT.fullmatch(text):
        return None
    value = float(text)
    return value if 0 < value < math.inf else None


def timeout_problem(name: str, text: str) -> str:
    return f"gd: {name} must be a positive number of seconds, got {json.dumps(text, ensure_ascii=False)}"


# ---- Self-test ------------------------------------------------------------------------------------
def quiet_run(path: Path, timeout: float, executed: Path | None, logs: Path | None,
              **options) -> tuple[Result, str]:
    """``run_one`` on a fixture (by default with every cell run: keep_going); returns its result and its
    report."""
    from contextlib import redirect_stdout
    from io import StringIO

    buf = StringIO()
    options.setdefault("keep_going", True)
    with redirect_stdout(buf):
        res = run_one(path, timeout, executed, None, logs, **options)
    return res, buf.getvalue()


def check_broken(tmp: Path, timeout: float) -> tuple[str, list[str]]:
    """The broken fixture: a Java exception and a compile error, each reported with its cell."""
    work = tmp / FIXTURE.name
    shutil.copy(FIXTURE, work)
    res, report = quiet_run(work, timeout, tmp / "executed", tmp / "logs")
    executed = nbformat.read(tmp / "executed" / FIXTURE.name, as_version=4)
    problems = [f"the report lacks {s!r}" for s in SELF_TEST_EXPECTED if s not in report]
    kinds = [f.kind for f in res.failures]
    if kinds != ["error", "compile error"]:
        problems.append(f"expected an error, then a compile error; got {kinds}")
    if "x = 2" not in json.dumps(executed.cells[1].get("outputs", [])):
        problems.append("the executed notebook lost the outputs of the cells before the failure")
    return report, problems


def check_dead_kernel(tmp: Path, timeout: float) -> tuple[str, list[str]]:
    """The fixture whose cell calls System.exit(3): a dead kernel, its status and its stderr."""
    work = tmp / "dies" / "dies.ipynb"
    work.parent.mkdir()
    shutil.copy(FIXTURES / "dies.ipynb", work)
    # No logs folder: the runner keeps the kernel's output in a scratch file to show its end.
    res, report = quiet_run(work, timeout, None, None)
    problems = [f"the report lacks {s!r}" for s in SELF_TEST_DEAD_EXPECTED if s not in report]
    kinds = [f.kind for f in res.failures]
    if kinds != ["dead kernel"]:
        problems.append(f"expected a dead kernel; got {kinds}")
    return report, problems


def check_exercises(tmp: Path, timeout: float) -> tuple[str, list[str]]:
    """The exercise fixture (three exercises) in its three versions: the solution prints three ✓ lines;
    nbgrader's student version runs to its end with three 'not solved yet' lines; the planted version,
    run with --keep-going --stop-after-graded, fails each check cell with its feedback and skips the
    cells after the last check. The format rules catch an exercise without a planted wrong answer and a
    notebook with fewer than three exercises."""
    import exercises as ex

    root = TOOLS.parent.parent
    base = tmp / "exercises"
    (base / "notebooks").mkdir(parents=True)
    # The fixture loads ../target/lib like the notebooks: the versions run with notebooks/ as their folder.
    (base / "target").symlink_to(root / "target", target_is_directory=True)
    source = base / "notebooks" / "exercises.ipynb"
    shutil.copy(FIXTURES / "exercises.ipynb", source)
    nb = nbformat.read(source, as_version=4)
    found, problems = ex.find(nb, source.name)
    if problems or len(found) != 3:
        return "", [f"the exercise fixture: expected 3 exercises and no format problem, got {len(found)}: {problems}"]
    ex.write(ex.student_version(nb, source.stem), base / "student" / source.name)
    ex.write(ex.planted_version(nb, found), base / "planted" / source.name)
    student_src = nbformat.read(base / "student" / source.name, as_version=4)
    if any("BEGIN SOLUTION" in c.source or "HIDDEN TESTS" in c.source for c in student_src.cells):
        problems.append("nbgrader's student version still holds a solution region or hidden tests")
    if "throw gd.exercise.Exercise.notSolved();" not in "\n".join(c.source for c in student_src.cells):
        problems.append("nbgrader's student version lacks the Java code stub")
    runs = {}
    for version, path, options in (("solution", source, {}), ("student", base / "student" / source.name, {}),
                                   ("planted", base / "planted" / source.name,
                                    {"keep_going": True, "stop_after_graded": True})):
        res, _ = quiet_run(path, timeout, base / f"{version}-run", None, cwd=base / "notebooks", **options)
        runs[version] = (res, nbformat.read(base / f"{version}-run" / source.name, as_version=4))
    (res, executed) = runs["solution"]
    n, more = ex.check_solution(executed, found)
    problems += more + ([f"the solution version failed: {res.failures[0].report.splitlines()[0]}"] if not res.ok else [])
    said = [f"solution: {len(res.checks)} ✓ lines"]
    (res, executed) = runs["student"]
    n, more = ex.check_student(executed, found)
    problems += more
    if not res.ok:
        problems.append(f"the student version failed at cell {res.failures[0].cell}: "
                        f"{res.failures[0].report.splitlines()[0]}")
    if "fixture: the last cell ran" not in json.dumps(executed.cells[-1].get("outputs", [])):
        problems.append("the student version did not run to its last cell")
    said.append(f"student: {len(res.unsolved)} 'not solved yet' lines, ran to its end")
    (res, executed) = runs["planted"]
    n, more = ex.check_planted(executed, found)
    problems += more
    if res.stopped_at != found[-1].check_cell + 1 or executed.cells[-1].get("outputs"):
        problems.append(f"--stop-after-graded: expected the planted run to stop after cell {found[-1].check_cell + 1}, "
                        f"it stopped at {res.stopped_at}")
    said.append(f"planted: {n} of 3 checks failed with their feedback (e.g. "
                f"{ex.first_line(ex.error_text(executed.cells[found[0].check_cell]))!r}), stopped after cell "
                f"{res.stopped_at}")
    # The format rules, on broken copies of the fixture.
    broken = copy.deepcopy(nb)
    del broken.cells[found[0].solution_cell].metadata["gd"]
    _, lint = ex.find(broken, "01-broken.ipynb")
    if not any("no planted wrong answer" in p for p in lint):
        problems.append(f"the format check missed an exercise without gd.wrong: {lint}")
    fewer = copy.deepcopy(nb)
    del fewer.cells[found[2].solution_cell: found[2].check_cell + 1]
    _, lint2 = ex.find(fewer, "01-fewer.ipynb")
    _, lint3 = ex.find(fewer, "00-intro.ipynb")
    if not any("needs at least 3" in p for p in lint2) or lint3:
        problems.append(f"the rule of 3 exercises: expected a problem for 01-* and none for 00-*, got {lint2}, {lint3}")
    said.append("format: a missing gd.wrong and a notebook with 2 exercises are refused (00-* exempt)")
    return "exercise fixture: " + "; ".join(said), problems


def check_workspace(tmp: Path, timeout: float) -> tuple[str, list[str]]:
    """The learner's workspace (workspace.py, behind ./gd lab, reset and check) on a course of two notebooks:
    created from the student versions; a learner's edit survives the next sync, which adds a new notebook,
    brings an untouched one up to date and names, in one line, the changed course notebook the learner has
    started; the check prints 2 / 3 with the feedback of the wrong one; reset keeps a backup."""
    import exercises as ex
    import workspace as ws

    base = tmp / "workspace"
    course, work = base / "notebooks", base / "work"
    course.mkdir(parents=True)
    (base / "target").symlink_to(TOOLS.parent.parent / "target", target_is_directory=True)
    shutil.copy(FIXTURES / "exercises.ipynb", course / "01-fixture.ipynb")
    shutil.copy(FIXTURES / "broken.ipynb", course / "02-other.ipynb")
    problems, said = [], []
    first = ws.sync(course, work)
    if len(first) != 1 or "created" not in first[0] or sorted(p.name for p in work.glob("*.ipynb")) != \
            ["01-fixture.ipynb", "02-other.ipynb"]:
        problems.append(f"the first sync: expected work/ with 2 notebooks and one line, got {first}")
    mine = work / "01-fixture.ipynb"
    nb = nbformat.read(mine, as_version=4)
    answers = {"ex1-1-solution": "return 2 * (x - 3);", "ex1-2-solution": 'return "C";',
               "ex1-3-solution": "return 0.8 * 0.8;"}  # the last one wrong: 0.64, not 0.512
    for cell in nb.cells:
        answer = answers.get(ex.nbgrader_meta(cell).get("grade_id"))
        if answer:
            cell.source = cell.source.replace("throw gd.exercise.Exercise.notSolved();", answer)
    nbformat.write(nb, mine)
    edited = mine.read_bytes()
    for name in ("01-fixture.ipynb", "02-other.ipynb"):  # the course changes both notebooks
        changed = nbformat.read(course / name, as_version=4)
        changed.cells[0].source += "\n\n(Revised.)"
        nbformat.write(changed, course / name)
    shutil.copy(FIXTURES / "dies.ipynb", course / "03-new.ipynb")
    second = ws.sync(course, work)
    if mine.read_bytes() != edited:
        problems.append("the second sync changed the learner's edited notebook")
    if "(Revised.)" not in (work / "02-other.ipynb").read_text():
        problems.append("the second sync did not bring the untouched notebook up to date")
    expect = ["added 03-new.ipynb", "brought 02-other.ipynb up to date",
              "01-fixture.ipynb: the course's version has changed since your copy was made; yours is kept"]
    if len(second) != 3 or any(not any(e in line for line in second) for e in expect):
        problems.append(f"the second sync said {second}; expected one line each for {expect}")
    said.append("sync: " + " | ".join(second))
    from contextlib import redirect_stdout
    from io import StringIO

    buf = StringIO()
    with redirect_stdout(buf):
        ws.check(["01"], course, work, timeout)
    table = buf.getvalue()
    for want in ("01-fixture", " 2 / 3", "✗ 1.3 three steps from x = 1: your value is 0.64, expected 0.512",
                 "total"):
        if want not in table:
            problems.append(f"the check's table lacks {want!r}:\n{table}")
    said.append("check:\n" + indent(table.rstrip(), "    "))
    line = ws.reset("01", course, work)
    backups = list((work / ".backup").glob("01-fixture.*.ipynb"))
    if len(backups) != 1 or backups[0].read_bytes() != edited or "notSolved" not in mine.read_text():
        problems.append(f"reset: expected the learner's version in work/.backup and the course's in work/; said {line!r}")
    said.append("reset: the learner's version kept in work/.backup/")
    return "workspace: " + "\n  ".join(said), problems


def check_timeout_refusals() -> tuple[str, list[str]]:
    """A cell timeout of 0, -1, abc or nothing is refused in one line with status 2: by the runner
    (--timeout, GD_CELL_TIMEOUT) and by ./gd before it does anything."""
    from contextlib import redirect_stderr
    from io import StringIO

    problems, said = [], ""

    def expect(what: str, status: int | None, output: str, name: str, value: str) -> None:
        nonlocal said
        want = timeout_problem(name, value)
        if status != 2 or output.strip() != want:
            problems.append(f"{what}: expected status 2 and {want!r}; got {status} and {output.strip()!r}")
        said = output.strip()

    values = ["0", "-1", "abc", ""]
    saved = os.environ.pop("GD_CELL_TIMEOUT", None)
    try:
        for value in values:
            err = StringIO()
            with redirect_stderr(err):
                status = main(["--timeout", value])
            expect(f"run_notebooks.py --timeout {value!r}", status, err.getvalue(), "--timeout", value)
        os.environ["GD_CELL_TIMEOUT"] = "0"
        err = StringIO()
        with redirect_stderr(err):
            status = main([])
        expect("GD_CELL_TIMEOUT=0 run_notebooks.py", status, err.getvalue(), "GD_CELL_TIMEOUT", "0")
    finally:
        os.environ.pop("GD_CELL_TIMEOUT", None)
        if saved is not None:
            os.environ["GD_CELL_TIMEOUT"] = saved
    launcher = TOOLS.parent.parent / "gd"
    if launcher.is_file():
        for value in values:
            # `run` does nothing before checking its settings; were the check missing, the guard
            # below would stop it within seconds (own process group, SIGKILL).
            proc = subprocess.Popen([str(launcher), "run"], env=dict(os.environ, GD_CELL_TIMEOUT=value),
                                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True, start_new_session=True)
            try:
                output, _ = proc.communicate(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                output, _ = proc.communicate()
            expect(f"GD_CELL_TIMEOUT={value!r} ./gd run", proc.returncode, output, "GD_CELL_TIMEOUT", value)
    tried = "|".join(v or "''" for v in values)
    gd = f", GD_CELL_TIMEOUT={tried} ./gd run" if launcher.is_file() else ""
    return (f"cell timeouts refused with status 2 and one line: run_notebooks.py --timeout {tried}, "
            f"GD_CELL_TIMEOUT=0 run_notebooks.py{gd}; the last one said:\n  {said}"), problems


def process_gone(pid: int) -> bool:
    """True when ``pid`` no longer runs (a zombie waiting for its new parent to reap it counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    state = subprocess.run(["ps", "-o", "stat=", "-p", str(pid)], capture_output=True, text=True).stdout
    return not state.strip() or state.strip().startswith("Z")


class SignalRun:
    """A runner executing the sleeping fixture in its own process, to be sent SIGTERM."""

    def __init__(self, tmp: Path):
        work = tmp / "sleeps"
        work.mkdir()
        self.notebook = work / "sleeps.ipynb"
        shutil.copy(FIXTURES / "sleeps.ipynb", self.notebook)
        self.pids = work / "kernel.pids"
        self.output = work / "runner.out"
        # Its own temporary folder, to check that it leaves nothing there (no --logs: the kernel's
        # output goes to a scratch folder).
        self.tmp = work / "tmp"
        self.tmp.mkdir()
        with open(self.output, "wb") as out:
            self.child = subprocess.Popen(
                [sys.executable, str(Path(__file__).resolve()), "--timeout", "120",
                 str(self.notebook)], stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                env=dict(os.environ, TMPDIR=str(self.tmp)))
        RUNNING.children.append((self.notebook.name, self.child))

    def check(self) -> tuple[str, list[str]]:
        """Once the cell sleeps, SIGTERM; then: status 143 within 5 s, one line, no kernel left."""
        try:
            return self._check()
        finally:
            if self.child.poll() is None:
                stop_child(self.child, signal.SIGTERM)
            RUNNING.children.remove((self.notebook.name, self.child))

    def _check(self) -> tuple[str, list[str]]:
        deadline = time.monotonic() + 180
        while not self.pids.is_file():
            if self.child.poll() is not None:
                return "", [f"the runner of sleeps.ipynb ended (status {self.child.returncode}) before "
                            f"its cell ran: {self.output.read_text(errors='replace').strip()!r}"]
            if time.monotonic() > deadline:
                return "", ["the cell of sleeps.ipynb did not start within 180 s"]
            time.sleep(0.05)
        jvm, sleeper = (int(n) for n in self.pids.read_text().split())
        sent = time.monotonic()
        self.child.send_signal(signal.SIGTERM)
        try:
            status = self.child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            status = None
        took = time.monotonic() - sent
        output = self.output.read_text(errors="replace")
        want = "gd: interrupted (SIGTERM): shut the kernel of sleeps.ipynb down"
        said = [line for line in output.splitlines() if line.strip() and not line.startswith("Executing ")]
        problems = []
        if status != 143:
            problems.append(f"SIGTERM: expected exit status 143, got {status} after {took:.1f} s")
        elif took > 5:
            problems.append(f"SIGTERM: the runner took {took:.1f} s to stop (at most 5 s expected)")
        if said != [want]:
            problems.append(f"SIGTERM: expected the one line {want!r}; the runner said {said!r}")
        left = [f"{what} {pid}" for what, pid in (("the kernel's JVM", jvm), ("its child sleep", sleeper))
                if not process_gone(pid)]
        if any(self.tmp.iterdir()):
            problems.append(f"SIGTERM left {', '.join(f.name for f in self.tmp.iterdir())} in the "
                            "runner's temporary folder")
        if left:
            problems.append("SIGTERM left " + " and ".join(left) + " running")
            for pid in (jvm, sleeper):  # not to leave them behind after the test
                try:
                    os.kill(pid, signal.SIGKILL)
                except OSError:
                    pass
        gone = "left running" if left else "gone"
        summary = (f"SIGTERM while sleeps.ipynb's cell sleeps: status {status} after {took:.1f} s, "
                   f"JVM {jvm} and its child {sleeper} {gone}, the runner said:\n  " + "\n  ".join(said))
        return summary, problems


def self_test(timeout: float) -> bool:
    """Run the fixtures (broken on purpose) and check what the runner reports and how it stops."""
    started = time.monotonic()
    print(f"Runner self-test: the fixtures in {FIXTURES.relative_to(TOOLS.parent.parent)}, "
          "broken on purpose ...", flush=True)
    reports, problems = [], []
    with tempfile.TemporaryDirectory(prefix="gd-selftest-") as name:
        RUNNING.scratch.append(name)
        tmp = Path(name)
        # The runner that gets SIGTERM starts first: its kernel starts while the others run here.
        signal_run = SignalRun(tmp)
        try:
            for check in (lambda: check_broken(tmp, timeout), lambda: check_dead_kernel(tmp, timeout),
                          lambda: check_exercises(tmp, timeout), lambda: check_workspace(tmp, timeout),
                          check_timeout_refusals):
                report, more = check()
                reports.append(report)
                problems += more
        finally:
            report, more = signal_run.check()
        reports.append(report)
        problems += more
    RUNNING.scratch.remove(name)
    report = "\n".join(r.strip() for r in reports if r.strip())
    if problems:
        print(report)
        print("Runner self-test FAILED:\n" + indent("\n".join(problems), "  - "))
        return False
    print(indent(report, "  > "))
    print(f"Runner self-test passed in {time.monotonic() - started:.1f} s: failing cells are reported "
          "with the Java messages, a dead kernel with its exit status and stderr; SIGTERM shuts the "
          "kernel down; a cell timeout that is not a positive number is refused; the exercise fixture "
          "passes as the solution, runs as nbgrader's student version and fails with its feedback when planted; "
          "the workspace keeps the learner's edits and says when the course changed.")
    return True


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("notebooks", nargs="*", help="notebooks to execute, in this order")
    p.add_argument("--timeout", metavar="SECONDS",
                   help="seconds one cell may run, a positive number (default: GD_CELL_TIMEOUT, else 900)")
    p.add_argument("--executed", help="folder for the executed notebooks")
    p.add_argument("--site", help="folder for the HTML exports and index.html")
    p.add_argument("--mathjax", help="the npm package mathjax@2 to copy into the site")
    p.add_argument("--logs", help="folder for the kernels' own output (one log per notebook)")
    p.add_argument("--results", help="write a JSON summary here")
    p.add_argument("--self-test", action="store_true", help="check the runner on its broken fixtures")
    p.add_argument("--kernel", default=KERNEL, help=f"the kernelspec to run the notebooks on (default {KERNEL})")
    p.add_argument("--keep-going", action="store_true",
                   help="run every cell of a notebook even after one fails, and report each failure")
    p.add_argument("--stop-after-graded", action="store_true",
                   help="skip the cells after a notebook's last graded cell (nbgrader grade: true)")
    p.add_argument("--cwd", help="the kernels' working directory (default: each notebook's folder), e.g. "
                                 "notebooks/ for generated versions that load ../target/lib")
    args = p.parse_args(argv)

    # A timeout of 0 or less would switch nbclient's limit off: refuse it before anything runs.
    if args.timeout is not None:
        name, text = "--timeout", args.timeout
    else:
        name, text = "GD_CELL_TIMEOUT", os.environ.get("GD_CELL_TIMEOUT", TIMEOUT_DEFAULT)
    args.timeout = parse_timeout(text)
    if args.timeout is None:
        print(timeout_problem(name, text), file=sys.stderr)
        return 2

    catch_signals()
    problem = check_kernel(args.kernel)
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
