#!/usr/bin/env bash
# Runs every test: unit, service, API, bUnit and the Playwright browser journeys.
# The browser tests drive Debian's chromium, installed here when missing.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the browser tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

# Product time zones (e.g. Asia/Shanghai) come from the system's tz database: slim images may lack it.
if [ ! -e /usr/share/zoneinfo/Asia/Shanghai ]; then
  echo "Installing Debian's tzdata for the time-zone tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq tzdata >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test DataProductDashboard.sln -c Release "$@" 2>&1 | tee "$log" || status=$?

# One plain closing line: "N passed, N failed" (from the runner's summary).
summary=$(grep -E "^(Passed|Failed)!" "$log" | tail -1 || true)
passed=$(sed -nE 's/.*Passed: *([0-9]+).*/\1/p' <<<"$summary")
failed=$(sed -nE 's/.*Failed: *([0-9]+),.*/\1/p' <<<"$summary")
echo "Tests: ${passed:-0} passed, ${failed:-0} failed"
exit $status
