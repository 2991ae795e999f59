#!/usr/bin/env bash
# Runs every test: unit, service, API, bUnit and the Playwright browser journeys on SQLite, then the service and API
# classes marked Provider=Both a second time on PostgreSQL. The browser tests drive Debian's chromium and the
# PostgreSQL tests a throwaway cluster of Debian's postgresql server (made, used and removed by the test process
# itself, on a loopback port with a random password); both are installed here when missing.
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

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing Debian's postgresql server for the PostgreSQL tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test DataProductDashboard.sln -c Release "$@" 2>&1 | tee "$log" || status=$?
# A run narrowed by --filter (a developer's) is not followed by the PostgreSQL pass.
if [[ " $* " != *" --filter "* ]]; then
  echo "Running the Provider=Both service and API tests on PostgreSQL..."
  DPD_TEST_PROVIDER=PostgreSql dotnet test DataProductDashboard.sln -c Release --no-build --filter "Provider=Both" 2>&1 | tee -a "$log" || status=$?
fi

# One plain closing line: "N passed, N failed" (from the runners' summaries, both passes).
passed=0; failed=0
while read -r line; do
  p=$(sed -nE 's/.*Passed: *([0-9]+).*/\1/p' <<<"$line"); f=$(sed -nE 's/.*Failed: *([0-9]+),.*/\1/p' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done < <(grep -E "^(Passed|Failed)!" "$log" || true)
echo "Tests: ${passed} passed, ${failed} failed (SQLite, then PostgreSQL)"
exit $status
