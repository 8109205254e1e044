#!/usr/bin/env bash
# Installs the Python peers' tools into .footfall/bench-venv (git-ignored): OpenVINO (with benchmark_app),
# supervision and OpenCV, pinned in scripts/requirements-bench.txt. A venv of its own so the peers never share
# packages with the agent's runtime venv. Idempotent and quick when done.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.footfall/bench-venv"
req="$root/scripts/requirements-bench.txt"
[ -f "$req" ] || { echo "setup-bench-venv: missing $req" >&2; exit 2; }

. "$root/scripts/venv-lib.sh"
stamp=$(venv_stamp "$venv" "$req")
if [ -f "$stamp" ]; then
  exit 0
fi
venv_install setup-bench-venv "$venv" "$req"
# A peer that silently ran a different OpenVINO than the agent would make the comparison meaningless.
want=$(sed -n 's/^openvino==//p' "$root/scripts/requirements-runtime.txt")
have=$("$venv/bin/python" -c 'import openvino; print(openvino.get_version())')
case "$have" in
  "$want"*) ;;
  *) echo "setup-bench-venv: bench venv has OpenVINO $have, the agent pins $want (scripts/requirements-runtime.txt)" >&2
     exit 1 ;;
esac
[ -x "$venv/bin/benchmark_app" ] || { echo "setup-bench-venv: the openvino wheel installed no benchmark_app" >&2; exit 1; }
touch "$stamp"
