#!/usr/bin/env bash
# Runs every test of OversightBot on a fresh machine: installs what the tests need, then runs them.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Teams").
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# Test peers from npm (Microsoft's Teams manifest schemas, the Agents Playground, the JS Bot Framework SDK, Ajv, Slack's
# @slack/web-api, @slack/socket-mode and @slack/bolt),
# installed exactly as locked, and again whenever the lock file changes.
peers="$root/tests/peers"
if [ -f "$peers/package-lock.json" ]; then
  stamp="$peers/node_modules/.installed-lock.sha256"
  want=$(sha256sum "$peers/package-lock.json" | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    (cd "$peers" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" > "$stamp"
  fi
fi

# The browser tests drive Debian's Chromium (never a browser downloaded by a test tool).
if ! command -v chromium >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium
fi

# The PostgreSQL store's tests start a throwaway cluster from Debian's PostgreSQL binaries (initdb, pg_ctl).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test "$root/OversightBot.sln" --nologo "$@" 2>&1 | tee "$log" || status=$?

# One closing line over every test project: "N passed, N failed, N skipped".
sum() { grep -oE "$1: +[0-9]+" "$log" | awk '{ n += $2 } END { print n + 0 }'; }
echo "Tests: $(sum Passed) passed, $(sum Failed) failed, $(sum Skipped) skipped"
exit "$status"
