#!/usr/bin/env bash
# Installs the local stand-ins for Azure that the cloud-sync tests start on 127.0.0.1:
#   @vercel/cosmosdb-server  Cosmos DB SQL API (HTTPS; the tests make its certificate)
#   azurite                  Blob storage
# into .footfall/node (gitignored, per checkout), from the committed lock file (scripts/cloud-test-servers): without
# it npm resolved the newest dependencies on each install, and one day a registry listed a version it did not serve
# (@babel/types 7.29.17) and a fresh clone could not install. Idempotent: does nothing when the locked set is already
# there. Data Factory needs no install: WireMock (a Maven test dependency) stands in for ARM.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
prefix="$root/.footfall/node"
locked="$root/scripts/cloud-test-servers"

if ! command -v npm >/dev/null; then
  echo "install-cloud-test-servers: npm not found; install Node.js 18+ (apt-get install nodejs npm)" >&2
  exit 1
fi
mkdir -p "$prefix"
# One installer at a time: .footfall may be shared between checkouts.
exec 9>"$prefix/.install.lock"
flock 9
if cmp -s "$locked/package-lock.json" "$prefix/package-lock.json" && [ -f "$prefix/node_modules/.package-lock.json" ] \
    && [ -f "$prefix/node_modules/azurite/package.json" ] && [ -f "$prefix/node_modules/@vercel/cosmosdb-server/package.json" ]; then
  exit 0
fi
echo "install-cloud-test-servers: npm ci into $prefix" >&2
cp "$locked/package.json" "$locked/package-lock.json" "$prefix/"
npm ci --prefix "$prefix" --no-audit --no-fund --loglevel=error >&2
