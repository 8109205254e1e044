#!/usr/bin/env bash
# Installs Azurite (Blob storage), which the cloud-sync tests start on 127.0.0.1, into .footfall/node
# (gitignored). Idempotent and quick when the pinned version is there. The IoT Hub stand-in needs no install:
# it is an embedded MQTT broker (moquette, a Maven test dependency). Shares its folder and lock with
# install-cloud-test-servers.sh (which adds the Cosmos DB stand-in), so either may run first.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
prefix="$root/.footfall/node"
AZURITE_VERSION=3.37.0

installed() { # name version
  local pkg="$prefix/node_modules/$1/package.json"
  [ -f "$pkg" ] && node -e "process.exit(require('$pkg').version === '$2' ? 0 : 1)"
}

if ! command -v npm >/dev/null; then
  echo "install-test-servers: npm not found; install Node.js 18+ (apt-get install nodejs npm)" >&2
  exit 1
fi
mkdir -p "$prefix"
exec 9>"$prefix/.install.lock"
flock 9
if installed azurite "$AZURITE_VERSION"; then
  exit 0
fi
echo "install-test-servers: npm install azurite@$AZURITE_VERSION into $prefix" >&2
[ -f "$prefix/package.json" ] || echo '{"name":"footfall-cloud-test-servers","private":true}' > "$prefix/package.json"
npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "azurite@$AZURITE_VERSION" >&2
installed azurite "$AZURITE_VERSION"
