#!/usr/bin/env bash
# Installs the project's Python side into .footfall/venv (git-ignored): the pinned OpenVINO runtime,
# and with --dev the reference tools the tests compare against. Idempotent and quick when done.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.footfall/venv"
want_dev=0
[ "${1:-}" = "--dev" ] && want_dev=1

. "$root/scripts/venv-lib.sh"
files=("$root/scripts/requirements-runtime.txt")
[ $want_dev = 1 ] && files+=("$root/scripts/requirements-dev.txt")
stamp=$(venv_stamp "$venv" "${files[@]}")
if [ -f "$stamp" ]; then
  exit 0
fi
venv_install setup "$venv" "${files[@]}"
lib=$(ls "$venv"/lib/python3*/site-packages/openvino/libs/libopenvino_c.so* 2>/dev/null | head -1)
if [ -z "$lib" ]; then
  echo "setup: the openvino wheel installed but has no libopenvino_c.so under openvino/libs/" >&2
  exit 1
fi
touch "$stamp"
