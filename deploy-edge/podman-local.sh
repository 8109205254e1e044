#!/usr/bin/env bash
# podman with its storage and configuration inside one folder, so a build or test leaves nothing behind
# on the host: podman-local.sh STATE_DIR [podman args...]
#              podman-local.sh STATE_DIR --remove     (unmounts podman's storage and deletes the folder)
#
# containers.conf holds the three settings these machines need (measured, see deploy-edge/README.md):
# runc instead of crun (crun fails on the hybrid cgroup layout), cgroupfs, file events, and rlimits
# under the host's hard nofile limit (20000) and conmon's nproc ceiling.
set -euo pipefail
state=${1:?usage: podman-local.sh STATE_DIR [podman args...]}
shift
if [ "${1:-}" = "--remove" ]; then
  [ -d "$state" ] || exit 0
  state=$(cd "$state" && pwd -P)
  # The overlay driver leaves its folder (and any layer still mounted) mounted; unmount deepest first.
  awk -v s="$state/" 'index($2, s) == 1 {print $2}' /proc/mounts | sort -r | while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m"
  done
  rm -rf "$state"
  exit 0
fi
mkdir -p "$state/root" "$state/run" "$state/tmp"
conf="$state/containers.conf"
if [ ! -f "$conf" ]; then
  cat > "$conf" <<'CONF'
[containers]
default_ulimits = ["nofile=1024:20000", "nproc=4096:4096"]
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
CONF
fi
export CONTAINERS_CONF="$conf"
export TMPDIR="$state/tmp"
exec podman --root "$state/root" --runroot "$state/run" --storage-driver overlay "$@"
