#!/usr/bin/env bash
# Builds the Footfall IoT Edge module image with podman, from local Debian bases made with mmdebstrap
# (no container registry is reachable on these machines), and saves it as an OCI archive.
#
#   deploy-edge/build-image.sh [--state DIR] [--tag REF] [--archive FILE|--no-archive]
#
# --state DIR   keep podman's storage in DIR (the caller runs and removes it, e.g. the image test);
#               default: a temporary folder removed on exit
# --tag REF     image reference (default localhost/footfall:VERSION)
# --archive F   where the OCI archive goes (default deploy-edge/target/footfall-VERSION.oci.tar)
#
# Environment: FOOTFALL_APP_MODULE (the Maven module whose target/ has footfall.jar and lib/; default
# agent), FOOTFALL_MODEL_MIRROR (folder laid out like ../shared/data/models; default that folder),
# M2_REPO (default ~/.m2). The two Debian bases are cached under .footfall/container-cache/, keyed by
# their package list and the apt sources, so the second build skips mmdebstrap.
set -euo pipefail
shopt -s inherit_errexit
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)

# The one place that names the shipped module (it becomes the Dockerfile's APP_MODULE).
app_module=${FOOTFALL_APP_MODULE:-app}
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$root/pom.xml" | head -1)
state=""
tag="localhost/footfall:$version"
archive="$here/target/footfall-$version.oci.tar"
while [ $# -gt 0 ]; do
  case "$1" in
    --state) state=$2; shift 2 ;;
    --tag) tag=$2; shift 2 ;;
    --archive) archive=$2; shift 2 ;;
    --no-archive) archive=""; shift ;;
    *) echo "build-image: unknown argument '$1' (expected --state DIR, --tag REF, --archive FILE or --no-archive)" >&2; exit 2 ;;
  esac
done

for tool in podman mmdebstrap; do
  if ! command -v "$tool" >/dev/null; then
    echo "build-image: $tool is not installed; run scripts/install-container-tools.sh (apt-get, as root)" >&2
    exit 1
  fi
done

mirror=${FOOTFALL_MODEL_MIRROR:-$root/../shared/data/models}
if [ ! -d "$mirror/person-detection-retail-0013" ]; then
  echo "build-image: no model mirror at $mirror (needs person-detection-retail-0013/); set FOOTFALL_MODEL_MIRROR" >&2
  exit 1
fi
m2=${M2_REPO:-$HOME/.m2}
if [ ! -d "$m2/repository" ]; then
  echo "build-image: no Maven repository at $m2/repository; run 'mvn -pl $app_module -am package' once online, or set M2_REPO" >&2
  exit 1
fi

if [ -z "$state" ]; then
  state=$(mktemp -d /tmp/footfall-podman.XXXXXX)
  trap '"$here/podman-local.sh" "$state" --remove' EXIT
fi
podman_local() { "$here/podman-local.sh" "$state" "$@"; }
log() { printf 'build-image: %s (%ss)\n' "$1" "$SECONDS" >&2; }

# --- the local Debian bases, cached by package list + apt sources ---
cache="$root/.footfall/container-cache"
mkdir -p "$cache"
# Only the Debian sources (the host may list others).
debian_sources="$cache/debian.sources"
awk 'BEGIN{RS=""; ORS="\n\n"} /debian/ && !/Enabled: *no/' /etc/apt/sources.list.d/debian.sources 2>/dev/null > "$debian_sources.new" || true
if [ ! -s "$debian_sources.new" ]; then
  grep -h '^deb .*debian' /etc/apt/sources.list 2>/dev/null > "$debian_sources.new" || true
fi
mv "$debian_sources.new" "$debian_sources"
if [ ! -s "$debian_sources" ]; then
  echo "build-image: no Debian apt sources in /etc/apt (mmdebstrap needs a Debian mirror)" >&2
  exit 1
fi

# The mmdebstrap options are part of the cache key. Docs are left out except copyright notices; man
# pages stay because openjdk's postinst links into /usr/share/man/man1.
mmdebstrap_opts=(--quiet --variant=minbase --mode=root --format=tar --aptopt='Apt::Install-Recommends "false"'
  --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-include=/usr/share/doc/*/copyright'
  --dpkgopt='path-exclude=/usr/share/locale/*')
base_key() { (printf '%s\n' "$@" "${mmdebstrap_opts[@]}"; cat "$debian_sources") | sha256sum | cut -c1-16; }
rootfs_of() { local name=$1; shift; echo "$cache/$name-$(base_key "$@").tar"; }
make_rootfs() { # name packages...
  local name=$1; shift
  local tar
  tar=$(rootfs_of "$name" "$@")
  [ -s "$tar" ] && return 0
  log "mmdebstrap $name base: $*"
  rm -f "$cache/$name"-*.tar "$tar.part"
  mmdebstrap "${mmdebstrap_opts[@]}" --include="$(IFS=,; echo "$*")" bookworm "$tar.part" "$debian_sources" >&2
  mv "$tar.part" "$tar"
}
import_base() { # name packages... ; the reference is left in $base_ref
  local name=$1; shift
  base_ref="localhost/footfall-$name-base:$(base_key "$@")"
  if ! podman_local image exists "$base_ref"; then
    log "podman import $name base"
    podman_local import --quiet --change 'CMD ["/bin/bash"]' "$(rootfs_of "$name" "$@")" "$base_ref" >/dev/null
  fi
}
runtime_packages=(openjdk-17-jre-headless libstdc++6 ca-certificates)
build_packages=(openjdk-17-jdk-headless maven)
# Both bases at once: mmdebstrap mostly waits on the mirror.
make_rootfs runtime "${runtime_packages[@]}" & runtime_job=$!
make_rootfs build "${build_packages[@]}" & build_job=$!
wait "$runtime_job" || { echo "build-image: mmdebstrap of the runtime base failed" >&2; exit 1; }
wait "$build_job" || { echo "build-image: mmdebstrap of the build base failed" >&2; exit 1; }
import_base runtime "${runtime_packages[@]}"; runtime_base=$base_ref
import_base build "${build_packages[@]}"; build_base=$base_ref

# --- the pinned OpenVINO wheel (pin and checksum live in the Dockerfile) ---
wheel=$(sed -n 's/^ARG OPENVINO_WHEEL=//p' "$here/Dockerfile")
wheel_sha=$(sed -n 's/^ARG OPENVINO_WHEEL_SHA256=//p' "$here/Dockerfile")
wheels="$cache/wheels"
mkdir -p "$wheels"
if ! echo "$wheel_sha  $wheels/$wheel" | sha256sum -c --status - 2>/dev/null; then
  log "pip download $wheel"
  ov_version=$(echo "$wheel" | cut -d- -f2)
  printf 'openvino==%s --hash=sha256:%s\n' "$ov_version" "$wheel_sha" > "$wheels/requirements.txt"
  python3 -m pip download --quiet --disable-pip-version-check --no-deps --only-binary=:all: --require-hashes \
    --implementation cp --python-version 3.11 --abi cp311 --platform manylinux_2_28_x86_64 \
    -r "$wheels/requirements.txt" -d "$wheels" >&2
fi

# --- the image ---
revision=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
source_url=$(git -C "$root" remote get-url origin 2>/dev/null || echo unknown)
log "podman build $tag (app module $app_module)"
podman_local build --pull=never --network=none --layers=false --format docker \
  --file "$here/Dockerfile" --ignorefile "$here/Dockerfile.dockerignore" \
  --build-arg BUILD_BASE="$build_base" --build-arg BASE="$runtime_base" \
  --build-arg APP_MODULE="$app_module" --build-arg VERSION="$version" \
  --build-arg REVISION="$revision" --build-arg SOURCE="$source_url" \
  --build-context m2="$m2" --build-context wheels="$wheels" --build-context models="$mirror" \
  --tag "$tag" "$root" >&2

if [ -n "$archive" ]; then
  mkdir -p "$(dirname "$archive")"
  rm -f "$archive"
  log "podman save $archive"
  podman_local save --quiet --format oci-archive --output "$archive" "$tag"
fi
size=$(podman_local image inspect --format '{{.Size}}' "$tag")
log "built $tag, $((size / 1024 / 1024)) MB${archive:+, archive $archive}"
