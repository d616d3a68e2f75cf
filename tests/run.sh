#!/usr/bin/env bash
# Runs every test of OversightBot on a fresh machine: installs what the tests need, then runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# Test peers from npm (Microsoft's and Slack's own SDKs, the date-recognizer anchors), installed once per checkout.
if [ -f tests/peers/package.json ] && [ ! -d tests/peers/node_modules ]; then
  (cd tests/peers && npm install --no-audit --no-fund --loglevel=error)
fi

dotnet test "$root/OversightBot.sln" --nologo -v minimal -- "$@"
