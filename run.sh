#!/usr/bin/env bash
# Starts the dashboard with the demo on http://localhost:5000 (settings: ./appsettings.json).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run -c Release --project DataProductDashboard "$@"
