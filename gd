#!/usr/bin/env bash
# ./gd: the course launcher. `./gd help` lists the commands.
#
# Every command first runs the common setup, which is idempotent (a second run reuses everything):
# it checks Java, Python and Maven, rebuilds the library from src/ into target/lib/, keeps a
# project-local Python environment in .gd/venv (JupyterLab, nbclient, the JJava kernel) and installs
# the "Java" kernel into that environment only. Everything it installs lives in .gd/ (delete the
# folder to start over); everything it produces goes to target/.
set -euo pipefail
# (Written for bash 3.2 too, macOS's own: empty arrays are expanded as ${a[@]+"${a[@]}"}.)

# ---- Settings -----------------------------------------------------------------------------------
# JVM options of the notebook kernel, the JVM that runs the notebooks (and of ./gd bench's Java runs,
# so the benchmark measures what a learner gets). The 60 000 MNIST training images in doubles take
# 60000 × 784 × 8 B ≈ 376 MB per copy; a 3 GB heap leaves room for a few copies, the model and its
# gradients. Training allocates short-lived batches: a young generation capped at 256 MB keeps the
# process's memory (RSS) under 1 GB for an MNIST run and makes the first epoch faster (less fresh memory
# to touch); the parallel collector has the lowest overhead for this allocation pattern.
KERNEL_JVM_OPTIONS=(-Xmx3g -XX:+UseParallelGC -XX:MaxNewSize=256m)
# Seconds a single notebook cell may run in `./gd test` and `./gd run` (or set GD_CELL_TIMEOUT): a
# positive number; 0, a negative number, text or an empty value is refused before anything runs.
CELL_TIMEOUT="${GD_CELL_TIMEOUT-900}"
MIN_JAVA=17
MIN_PYTHON=3.9
MIN_NODE=20
# -------------------------------------------------------------------------------------------------

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
GD_DIR="$ROOT/.gd"
VENV="$GD_DIR/venv"
NODE_DIR="$GD_DIR/node"
TOOLS="$ROOT/src/tools"
TARGET="$ROOT/target"
CI="${CI:-false}"
# The kernel this project installs must win over any "java" kernel of the user's own.
export JUPYTER_PATH="$VENV/share/jupyter"

say() { printf 'gd: %s\n' "$*"; }
die() { printf 'gd: %s\n' "$*" >&2; exit 1; }
# A setting with a value it cannot have: one line, exit status 2 (a usage error), before anything runs.
refuse() { printf 'gd: %s must be %s, got "%s"\n' "$1" "$2" "$3" >&2; exit 2; }
is_ci() { [ "$CI" = true ] || [ "$CI" = 1 ]; }
# "a.b" >= "c.d" for dotted version numbers.
version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -t. -k1,1n -k2,2n -k3,3n | head -n1)" = "$2" ]; }

usage() {
  cat <<'EOF'
Usage: ./gd COMMAND

  lab [NOTEBOOK]  Set up, then open JupyterLab at notebooks/ (or at NOTEBOOK, e.g. ./gd lab 03).
  test            Set up, then run the unit tests and javadoc lint (mvn verify), execute every
                  notebook headless, check the plots in a browser and print a summary.
  run             Set up, then execute every notebook and write a static site to target/site/.
  site            Same as run.
  build           Rebuild the library (after editing src/); restart a notebook's kernel to use it.
  bench [ARGS]    Set up, then benchmark the library against numpy on MNIST (W1), the matrix
                  kernels (JMH) and the 98 % recipe; prints a table, writes target/bench/results.json.
                  ARGS go to src/tools/bench.py (e.g. --runs 5, --quick, --skip-recipe).
  help            Show this help.

Setup (every command) is idempotent: it checks Java 17+, Python 3.9+ and Maven (or uses ./mvnw),
rebuilds target/lib/ from src/, and keeps JupyterLab and the Java kernel in .gd/ (project-local).
Environment: GD_CELL_TIMEOUT (seconds per cell, a positive number; default 900), GD_PORT
(JupyterLab's port), GD_PYTHON (the Python to build .gd/venv with), GD_MAVEN=wrapper (use ./mvnw
even if mvn exists), GD_CHROMIUM (the browser for the plot check), CI=true (the browser check
becomes required).
Ctrl-C, SIGTERM or SIGHUP stop test and run: the running notebook's kernel is shut down, one line
says so, and the exit status is 130, 143 or 129.
EOF
}

# GD_CELL_TIMEOUT: digits with an optional fraction (900, 2.5), not zero. (nbclient takes 0 or less
# as "no limit"; the runner checks it too.)
check_settings() {
  case "$CELL_TIMEOUT" in
    ''|*[!0-9.]*|.*|*.|*.*.*) ;;   # not such a number
    *[1-9]*) return 0 ;;           # a number, not zero
  esac
  refuse GD_CELL_TIMEOUT "a positive number of seconds" "$CELL_TIMEOUT"
}

# ---- Interruption -------------------------------------------------------------------------------
# The long steps of `test` and `run` (mvn verify, the notebook runner, the browser check) run as their
# own process group, in the background while gd waits for them: a signal to gd (Ctrl-C, kill, a closed
# terminal, a cancelled CI job) interrupts the wait, and gd passes it on to the whole step, waits for it
# to stop and exits with 128 + the signal's number, as shells do. The notebook runner shuts its kernel
# down (the kernel runs in a session of its own, out of reach of such signals) and says so in one line.
STEP_PID=""
STEP_NAME=""

# step NAME COMMAND...: runs COMMAND as described above; returns its exit status.
step() {
  STEP_NAME="$1"; shift
  set -m   # job control on: the next background job gets a process group of its own
  "$@" < /dev/null &
  STEP_PID=$!
  set +m
  local status=0
  wait "$STEP_PID" || status=$?
  STEP_PID=""
  return "$status"
}

step_running() {
  case "$(ps -o stat= -p "$STEP_PID" 2>/dev/null || true)" in
    ''|*Z*) return 1 ;;
    *) return 0 ;;
  esac
}

on_signal() {
  local name="$1" code="$2" status=0 tries=0
  trap '' INT TERM HUP   # one shutdown, however many signals follow
  if [ -z "$STEP_PID" ]; then
    printf 'gd: interrupted (SIG%s)\n' "$name" >&2
    exit "$code"
  fi
  kill -"$name" -- "-$STEP_PID" 2>/dev/null || true
  # The runner needs a few seconds to shut its kernel down; a step that ignores the signal is killed.
  while step_running && [ "$tries" -lt 150 ]; do sleep 0.1; tries=$((tries + 1)); done
  if step_running; then kill -KILL -- "-$STEP_PID" 2>/dev/null || true; fi
  wait "$STEP_PID" 2>/dev/null || status=$?
  # The runner said what it shut down; for the other steps gd says it.
  if [ "$STEP_NAME" != runner ] || [ "$status" -ne "$code" ]; then
    printf 'gd: interrupted (SIG%s): stopped %s\n' "$name" "$STEP_NAME" >&2
  fi
  exit "$code"
}

catch_signals() {
  trap 'on_signal INT 130' INT
  trap 'on_signal TERM 143' TERM
  trap 'on_signal HUP 129' HUP
}

# ---- Prerequisites ------------------------------------------------------------------------------
find_java() {
  local java origin
  if [ -n "${JAVA_HOME:-}" ]; then
    java="$JAVA_HOME/bin/java"; origin=" (from JAVA_HOME)"
    [ -x "$java" ] || die "Java $MIN_JAVA or newer is needed; JAVA_HOME is $JAVA_HOME but it has no bin/java."
  else
    java="$(command -v java || true)"; origin=""
    [ -n "$java" ] || die "Java $MIN_JAVA or newer is needed (a JDK); none found: install one, then put it on PATH or set JAVA_HOME."
  fi
  local props version
  props="$("$java" -XshowSettings:properties -version 2>&1 || true)"
  version="$(printf '%s\n' "$props" | sed -n 's/^ *java\.specification\.version = //p' | head -n1)"
  JDK_HOME="$(printf '%s\n' "$props" | sed -n 's/^ *java\.home = //p' | head -n1)"
  if [ -z "$version" ] || [ -z "$JDK_HOME" ]; then
    die "Java $MIN_JAVA or newer is needed; $java$origin does not run."
  fi
  version="${version#1.}"   # 1.8 -> 8
  [ "${version%%.*}" -ge "$MIN_JAVA" ] 2>/dev/null \
    || die "Java $MIN_JAVA or newer is needed; found $version at $java$origin."
  [ -x "$JDK_HOME/bin/javac" ] \
    || die "A full JDK $MIN_JAVA+ is needed (javac and jshell); found only a Java runtime at $JDK_HOME."
  JAVA_BIN="$JDK_HOME/bin/java"
  JAVA_VERSION="$version"
  # Maven and the kernel use this same JDK.
  export JAVA_HOME="$JDK_HOME"
}

find_python() {
  local py="${GD_PYTHON:-}" version
  if [ -z "$py" ]; then py="$(command -v python3 || command -v python || true)"; fi
  [ -n "$py" ] || die "Python $MIN_PYTHON or newer is needed; none found (python3 is not on PATH)."
  version="$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || true)"
  [ -n "$version" ] || die "Python $MIN_PYTHON or newer is needed; $py does not run."
  version_at_least "$version" "$MIN_PYTHON" || die "Python $MIN_PYTHON or newer is needed; found $version at $py."
  PYTHON="$py"
}

find_maven() {
  local mvn version
  mvn="$(command -v mvn || true)"
  if [ "${GD_MAVEN:-}" != wrapper ] && [ -n "$mvn" ]; then
    version="$("$mvn" -B -v 2>/dev/null | no_colors | sed -n 's/^Apache Maven \([0-9.]*\).*/\1/p' | head -n1)"
    if [ -n "$version" ] && version_at_least "$version" 3.6.3; then
      MVN=("$mvn"); MVN_NAME="Maven $version"; return
    fi
    say "ignoring $mvn (Maven ${version:-of unknown version}; 3.6.3 or newer is needed): using ./mvnw"
  fi
  [ -x "$ROOT/mvnw" ] || die "Maven is needed and the Maven wrapper ./mvnw is missing; install Maven 3.6.3 or newer."
  MVN=("$ROOT/mvnw"); MVN_NAME="the Maven wrapper (./mvnw)"
}

# Drops terminal colour codes (Debian's mvn prints some even in batch mode).
no_colors() { sed -e $'s/\x1b\\[[0-9;]*m//g'; }
# Maven in batch mode, in the repository, with the JDK found; output without colour codes.
maven() { (cd "$ROOT" && "${MVN[@]}" -B "$@") 2>&1 | no_colors; }

hash_files() { "$PYTHON" - "$@" <<'EOF'
import hashlib, sys
h = hashlib.sha256()
for name in sys.argv[1:]:
    with open(name, "rb") as f:
        h.update(f.read())
print(h.hexdigest())
EOF
}

# ---- Setup steps --------------------------------------------------------------------------------
build_library() {
  local first=""
  [ -d "$HOME/.m2/repository/tech/tablesaw" ] || first=" (the first build downloads Maven plugins and dependencies)"
  say "building the library with $MVN_NAME$first"
  # target/lib is rebuilt whole, so a jar dropped from the dependencies never lingers on the
  # notebooks' class path. Compilation stays incremental (target/classes is kept).
  rm -rf "${TARGET:?}/lib"
  maven -q -DskipTests package || die "The library does not build; Maven's messages above say why."
  [ -f "$TARGET/lib/gd.jar" ] || die "The build did not produce target/lib/gd.jar; check pom.xml."
}

ensure_venv() {
  local requirements="$TOOLS/requirements.txt" stamp="$VENV/.gd-requirements.sha256" want
  want="$(hash_files "$requirements")"
  if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c '' 2>/dev/null \
     && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    return
  fi
  "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null \
    || die "Python's venv module is incomplete at $PYTHON; on Debian or Ubuntu install python3-venv."
  say "installing JupyterLab, nbclient and the Java kernel into .gd/venv (once; about a minute)"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV" || die "Could not create a virtual environment in $VENV with $PYTHON."
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r "$requirements" \
    || die "pip could not install $requirements into .gd/venv; its messages above say why."
  printf '%s\n' "$want" > "$stamp"
}

# The "Java" kernel, installed into .gd/venv only. Its argv starts the JDK found above directly
# (no launcher JVM in between), so notebooks always run on that JDK with KERNEL_JVM_OPTIONS.
ensure_kernel() {
  local dir="$VENV/share/jupyter/kernels/java" spec
  spec="$("$VENV/bin/python" - "$JAVA_BIN" ${KERNEL_JVM_OPTIONS[@]+"${KERNEL_JVM_OPTIONS[@]}"} <<'EOF'
import json, sys
java, options = sys.argv[1], sys.argv[2:]
print(json.dumps({
    "argv": [java, *options, "--add-opens", "jdk.jshell/jdk.jshell=ALL-UNNAMED",
             "-jar", "{resource_dir}/jjava.jar", "{connection_file}"],
    "display_name": "Java",
    "language": "java",
    "interrupt_mode": "message",
    "env": {},
    "metadata": {"installed_by": "./gd"},
}, indent=2))
EOF
)"
  if [ -f "$dir/jjava.jar" ] && [ "$(cat "$dir/kernel.json" 2>/dev/null)" = "$spec" ]; then
    return
  fi
  [ -f "$dir/jjava.jar" ] || die "The jjava package left no jjava.jar in $dir; delete .gd/venv and run ./gd again."
  local stage
  stage="$(mktemp -d)"
  cp "$dir/jjava.jar" "$stage/"
  printf '%s\n' "$spec" > "$stage/kernel.json"
  "$VENV/bin/jupyter" kernelspec install --sys-prefix --name java "$stage" >/dev/null 2>&1 \
    || { rm -rf "$stage"; die "Could not install the Java kernel into .gd/venv."; }
  rm -rf "$stage"
  say "installed the Java kernel (Java $JAVA_VERSION at $JAVA_BIN, ${KERNEL_JVM_OPTIONS[*]:-no JVM options})"
}

setup() {
  local t0=$SECONDS
  find_java
  find_python
  find_maven
  build_library
  ensure_venv
  ensure_kernel
  say "ready in $((SECONDS - t0)) s"
}

# Node.js with playwright-core (the browser check) and MathJax (formulas in target/site offline),
# project-local in .gd/node. Sets NODE_OK=true or NODE_PROBLEM to one sentence.
ensure_node() {
  NODE_OK=false; NODE_PROBLEM=""
  local node npm version stamp="$NODE_DIR/.gd-package-lock.sha256" want
  node="$(command -v node || true)"; npm="$(command -v npm || true)"
  if [ -z "$node" ] || [ -z "$npm" ]; then
    NODE_PROBLEM="Node.js $MIN_NODE+ with npm is needed and was not found"; return
  fi
  version="$("$node" -p 'process.versions.node' 2>/dev/null || true)"
  if [ -z "$version" ] || ! version_at_least "$version" "$MIN_NODE"; then
    NODE_PROBLEM="Node.js $MIN_NODE+ is needed; found ${version:-a node that does not run} at $node"; return
  fi
  want="$(hash_files "$TOOLS/package.json" "$TOOLS/package-lock.json")"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || [ ! -d "$NODE_DIR/node_modules/playwright-core" ]; then
    say "installing playwright-core and MathJax into .gd/node (once)"
    rm -rf "$NODE_DIR"
    mkdir -p "$NODE_DIR"
    cp "$TOOLS/package.json" "$TOOLS/package-lock.json" "$NODE_DIR/"
    if ! (cd "$NODE_DIR" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 "$npm" ci --no-audit --no-fund --loglevel=error >/dev/null); then
      NODE_PROBLEM="npm could not install src/tools/package-lock.json into .gd/node"; return
    fi
    printf '%s\n' "$want" > "$stamp"
  fi
  NODE_BIN="$node"; NODE_OK=true
}

find_chromium() {
  local candidate
  CHROMIUM=""
  if [ -n "${GD_CHROMIUM:-}" ]; then
    [ -x "$GD_CHROMIUM" ] && CHROMIUM="$GD_CHROMIUM"
  else
    for candidate in /usr/bin/chromium "$(command -v chromium || true)" "$(command -v chromium-browser || true)"; do
      if [ -n "$candidate" ] && [ -x "$candidate" ]; then CHROMIUM="$candidate"; break; fi
    done
  fi
  [ -n "$CHROMIUM" ]
}

# ---- Commands -----------------------------------------------------------------------------------
notebook_list() {
  NOTEBOOKS=()
  local f
  shopt -s nullglob
  for f in "$ROOT"/notebooks/*.ipynb; do NOTEBOOKS+=("$f"); done
  shopt -u nullglob
}

# Executes every notebook into target/notebooks and target/site; returns the runner's status.
run_notebooks() {
  notebook_list
  rm -rf "$TARGET/notebooks" "$TARGET/site"
  local mathjax=()
  if [ "${NODE_OK:-false}" = true ]; then mathjax=(--mathjax "$NODE_DIR/node_modules/mathjax"); fi
  step runner "$VENV/bin/python" "$TOOLS/run_notebooks.py" --timeout "$CELL_TIMEOUT" \
    --executed "$TARGET/notebooks" --site "$TARGET/site" --logs "$TARGET/gd/kernel-logs" \
    --results "$TARGET/gd/notebooks.json" ${mathjax[@]+"${mathjax[@]}"} ${NOTEBOOKS[@]+"${NOTEBOOKS[@]}"}
}

# The original IJava kernel (1.3.0), for the check that the course renders the same on it: its jar comes
# from GD_IJAVA_JAR or ../shared/kernels/ijava-1.3.0/ beside the repository (it is on neither Maven
# Central nor PyPI). Returns 1 when there is none.
find_ijava() {
  IJAVA_JAR=""
  local candidate
  for candidate in "${GD_IJAVA_JAR:-}" "$ROOT/../shared/kernels/ijava-1.3.0/ijava-1.3.0.jar"; do
    if [ -n "$candidate" ] && [ -f "$candidate" ]; then
      IJAVA_JAR="$(cd "$(dirname "$candidate")" && pwd -P)/$(basename "$candidate")"
      return 0
    fi
  done
  return 1
}

# Two kernelspecs that start IJava with the notebooks' JVM options: gd-ijava in .gd/venv (the runner's
# --kernel) and java in .gd/ijava (JUPYTER_PATH of the browser check's live JupyterLab, where the
# notebooks' own kernel name then means IJava).
install_ijava() {
  local dir
  for dir in "$VENV/share/jupyter/kernels/gd-ijava" "$GD_DIR/ijava/kernels/java"; do
    mkdir -p "$dir"
    "$VENV/bin/python" - "$dir/kernel.json" "$JAVA_BIN" "$IJAVA_JAR" "${KERNEL_JVM_OPTIONS[@]}" <<'EOF'
import json, sys
path, java, jar, *options = sys.argv[1:]
spec = {"argv": [java, *options, "-jar", jar, "{connection_file}"], "display_name": "Java (IJava 1.3.0)",
        "language": "java", "interrupt_mode": "message", "env": {}}
with open(path, "w") as f:
    json.dump(spec, f, indent=1)
EOF
  done
}

cmd_lab() {
  local path="notebooks" arg="${1:-}"
  if [ -n "$arg" ]; then path="$(resolve_notebook "$arg")"; elif [ ! -d "$ROOT/notebooks" ]; then path=""; fi
  setup
  local port token url args=()
  port="$("$VENV/bin/python" - "${GD_PORT:-8888}" <<'EOF'
import socket, sys
start = int(sys.argv[1])
for port in range(start, start + 100):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            continue
        print(port)
        break
EOF
)"
  [ -n "$port" ] || die "No free port from ${GD_PORT:-8888} on; set GD_PORT to another one."
  token="$("$VENV/bin/python" -c 'import secrets; print(secrets.token_hex(24))')"
  # The token reaches JupyterLab in a file only the user can read (JUPYTER_TOKEN_FILE), not on its
  # command line, which every user of the machine can see (ps). One file per port: two labs may start.
  local token_file="$GD_DIR/lab/token-$port"
  mkdir -p "$GD_DIR/lab"
  chmod 700 "$GD_DIR/lab"
  rm -f "$token_file"
  (umask 077 && printf '%s' "$token" > "$token_file")
  path="$("$VENV/bin/python" -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$path")"
  args=(--ip=127.0.0.1 --port="$port" --ServerApp.port_retries=0 --ServerApp.root_dir="$ROOT"
        --LabApp.default_url="/lab/tree/$path" --MappingKernelManager.default_kernel_name=java)
  if [ "$(id -u)" = 0 ]; then args+=(--allow-root); fi
  if [ "$(uname -s)" != Darwin ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    args+=(--no-browser)
  fi
  url="http://127.0.0.1:$port/lab/tree/$path?token=$token"
  say "JupyterLab: $url"
  say "(Ctrl-C stops it; after editing src/, run ./gd build and restart the notebook's kernel)"
  cd "$ROOT"
  unset JUPYTER_TOKEN   # it would win over the file
  export JUPYTER_TOKEN_FILE="$token_file"
  exec "$VENV/bin/jupyter" lab "${args[@]}"
}

# A notebook given as a path, a name in notebooks/ or a unique prefix (./gd lab 03) -> its path
# relative to the repository.
resolve_notebook() {
  local arg="$1" candidate abs matches=()
  for candidate in "$arg" "$ROOT/$arg" "$ROOT/notebooks/$arg" "$ROOT/notebooks/$arg.ipynb"; do
    if [ -f "$candidate" ]; then
      abs="$(cd "$(dirname "$candidate")" && pwd -P)/$(basename "$candidate")"
      case "$abs" in
        "$ROOT"/*) printf '%s\n' "${abs#"$ROOT"/}"; return ;;
        *) die "$arg is outside this repository; JupyterLab serves $ROOT." ;;
      esac
    fi
  done
  shopt -s nullglob
  matches=("$ROOT"/notebooks/"$arg"*.ipynb)
  shopt -u nullglob
  [ "${#matches[@]}" -eq 1 ] && { printf '%s\n' "${matches[0]#"$ROOT"/}"; return; }
  [ "${#matches[@]}" -gt 1 ] && die "$arg matches several notebooks: $(cd "$ROOT" && echo notebooks/"$arg"*.ipynb)."
  die "No notebook $arg (looked in the current folder, the repository and notebooks/)."
}

cmd_build() {
  local t0=$SECONDS
  find_java
  find_maven
  build_library
  say "built target/lib/ in $((SECONDS - t0)) s; restart a running notebook's kernel to load it"
}

cmd_run() {
  local t0=$SECONDS status=0
  catch_signals
  setup
  ensure_node
  [ "$NODE_OK" = true ] || say "note: $NODE_PROBLEM; formulas in target/site will need the network"
  run_notebooks || status=$?
  say "site: $TARGET/site/index.html (${#NOTEBOOKS[@]} notebooks, $((SECONDS - t0)) s)"
  [ "$status" -eq 0 ] || die "some notebooks failed (listed above); their pages show the outputs up to the failure."
}

cmd_bench() {
  setup
  say "building the benchmarks (src/bench)"
  maven -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$TARGET/test.classpath" || die "The benchmarks do not build; Maven's messages above say why."
  GD_JAVA="$JAVA_BIN" "$VENV/bin/python" "$TOOLS/bench.py" --jvm "${KERNEL_JVM_OPTIONS[*]}" "$@"
}

cmd_test() {
  local t0=$SECONDS verify_status=0 selftest_status=0 notebooks_status=0 browser="skipped" reason=""
  catch_signals
  setup
  rm -rf "$TARGET/browser" "$TARGET/gd"
  mkdir -p "$TARGET/gd"

  say "unit tests and javadoc lint (mvn verify)"
  rm -rf "$TARGET/surefire-reports"
  if step "mvn verify" maven -ntp verify > "$TARGET/gd/maven-verify.log"; then
    say "mvn verify passed (log: target/gd/maven-verify.log)"
  else
    verify_status=1
    grep -E '\[ERROR\]|: (warning|error):|Tests run:.*(Failures: [1-9]|Errors: [1-9])' \
      "$TARGET/gd/maven-verify.log" | head -n 80 || true
    say "mvn verify FAILED (full log: target/gd/maven-verify.log)"
  fi

  step runner "$VENV/bin/python" "$TOOLS/run_notebooks.py" --self-test --timeout 300 \
    || selftest_status=$?

  ensure_node
  run_notebooks || notebooks_status=$?

  local ijava="skipped" ijava_reason="" ijava_args=()
  if find_ijava; then
    install_ijava
    say "the notebooks again, on the original IJava kernel ($IJAVA_JAR)"
    if step runner "$VENV/bin/python" "$TOOLS/run_notebooks.py" --kernel gd-ijava --timeout "$CELL_TIMEOUT" \
        --executed "$TARGET/ijava/notebooks" --logs "$TARGET/gd/ijava-kernel-logs" \
        --results "$TARGET/gd/ijava.json" ${NOTEBOOKS[@]+"${NOTEBOOKS[@]}"}; then
      ijava="ran"
    else
      ijava="failed"
    fi
    ijava_args=(--ijava-kernels "$GD_DIR/ijava" --ijava-notebook "$ROOT/notebooks/01-gradient-descent.ipynb"
                --ijava-target "$TARGET")
  else
    ijava_reason="no IJava 1.3.0 jar (set GD_IJAVA_JAR, or put ../shared/kernels/ijava-1.3.0/ beside the repository)"
    say "IJava check skipped: $ijava_reason"
  fi

  if [ "$NODE_OK" != true ]; then
    reason="$NODE_PROBLEM"
  elif ! find_chromium; then
    reason="Chromium was not found (${GD_CHROMIUM:-/usr/bin/chromium or chromium on PATH}; GD_CHROMIUM sets it)"
  fi
  if [ -n "$reason" ]; then
    if is_ci; then browser="failed"; say "browser check FAILED: $reason (required when CI=true)"
    else say "browser check skipped: $reason"; reason="skipped: $reason"; fi
  else
    local browser_status=0
    step "the browser check" "$NODE_BIN" "$TOOLS/browser_check.mjs" --site "$TARGET/site" \
      --notebooks "$TARGET/notebooks" --out "$TARGET/browser" --chromium "$CHROMIUM" \
      --jupyter "$VENV/bin/jupyter" --node-modules "$NODE_DIR/node_modules" ${ijava_args[@]+"${ijava_args[@]}"} \
      || browser_status=$?
    if [ "$browser_status" -eq 0 ]; then browser="passed"; else browser="failed"; fi
  fi

  "$VENV/bin/python" "$TOOLS/test_summary.py" --root "$ROOT" \
    --verify "$verify_status" --self-test "$selftest_status" --runner "$notebooks_status" \
    --notebooks "$TARGET/gd/notebooks.json" --browser "$browser" --browser-reason "$reason" \
    --browser-results "$TARGET/browser/results.json" --ijava "$ijava" --ijava-reason "$ijava_reason" \
    --ijava-results "$TARGET/gd/ijava.json" --seconds "$((SECONDS - t0))"
}

main() {
  local command="${1:-help}"
  [ $# -gt 0 ] && shift
  case "$command" in
    lab) cmd_lab "$@" ;;
    test) check_settings; cmd_test "$@" ;;
    run|site) check_settings; cmd_run "$@" ;;
    build) cmd_build "$@" ;;
    bench) cmd_bench "$@" ;;
    help|-h|--help) usage ;;
    *) usage >&2; die "unknown command: $command" ;;
  esac
}

main "$@"
