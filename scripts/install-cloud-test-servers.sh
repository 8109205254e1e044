#!/usr/bin/env bash
# Installs the local stand-ins for Azure that the cloud-sync tests start on 127.0.0.1:
#   @vercel/cosmosdb-server  Cosmos DB SQL API (HTTPS; the tests make its certificate)
#   azurite                  Blob storage
# into .footfall/node (gitignored, per checkout). Idempotent: does nothing when the pinned versions are
# already there. Data Factory needs no install: WireMock (a Maven test dependency) stands in for ARM.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
prefix="$root/.footfall/node"
COSMOS_SERVER_VERSION=1.0.1
AZURITE_VERSION=3.37.0

installed() { # name version
  local pkg="$prefix/node_modules/$1/package.json"
  [ -f "$pkg" ] && node -e "process.exit(require('$pkg').version === '$2' ? 0 : 1)"
}

if ! command -v npm >/dev/null; then
  echo "install-cloud-test-servers: npm not found; install Node.js 18+ (apt-get install nodejs npm)" >&2
  exit 1
fi
mkdir -p "$prefix"
# One installer at a time: .footfall may be shared between checkouts.
exec 9>"$prefix/.install.lock"
flock 9
if installed @vercel/cosmosdb-server "$COSMOS_SERVER_VERSION" && installed azurite "$AZURITE_VERSION"; then
  exit 0
fi
echo "install-cloud-test-servers: npm install into $prefix" >&2
[ -f "$prefix/package.json" ] || echo '{"name":"footfall-cloud-test-servers","private":true}' > "$prefix/package.json"
npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error \
  "@vercel/cosmosdb-server@$COSMOS_SERVER_VERSION" "azurite@$AZURITE_VERSION" >&2
installed @vercel/cosmosdb-server "$COSMOS_SERVER_VERSION" && installed azurite "$AZURITE_VERSION"
