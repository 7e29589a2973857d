#!/usr/bin/env bash
# The inside of ./gd test's offline check, run in a network namespace of its own (unshare): only a
# loopback interface, which JupyterLab's kernels need, is brought up. It shows that the network is off,
# then runs `./gd run 01` in the copy of the repository given as $1, which sets up from the bundle
# named by GD_OFFLINE_BUNDLE (a fresh HOME: no Maven, pip or npm cache to lean on).
set -euo pipefail
repo="$1"
ip link set lo up
python="${GD_PYTHON:-python3}"
"$python" - <<'EOF'
import socket
try:
    socket.create_connection(("pypi.org", 443), timeout=5).close()
except OSError as e:
    print(f"network: off (connecting to pypi.org:443 fails: {e})")
else:
    print("network: ON (pypi.org answered), so this check proves nothing")
    raise SystemExit(1)
EOF
cd "$repo"
exec ./gd run 01
