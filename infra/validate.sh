#!/usr/bin/env bash
# Builds and lints infra/main.bicep with the Bicep CLI restored from NuGet (infra/tools/bicep.csproj),
# so it needs no network beyond the package feed. Fails on any error and on any linter warning:
# a warning that is accepted must be turned off in infra/bicepconfig.json with its reason.
# Usage: infra/validate.sh [out-dir]   (writes <out-dir>/main.json, the compiled ARM template)
set -euo pipefail
cd "$(dirname "$0")"

version=0.49.2
dotnet restore tools/bicep.csproj --nologo --verbosity quiet
packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="$packages/azure.bicep.commandline.linux-x64/$version/tools/bicep"
[ -f "$bicep" ] || { echo "validate.sh: $bicep not found after restore"; exit 1; }
[ -x "$bicep" ] || chmod +x "$bicep"

out="${1:-$(mktemp -d)}"
mkdir -p "$out"
log="$out/bicep.log"
status=0
"$bicep" build main.bicep --outfile "$out/main.json" >"$log" 2>&1 || status=$?
"$bicep" lint main.bicep >>"$log" 2>&1 || status=$?
cat "$log"
if [ "$status" -ne 0 ] || grep -Eq ': (Warning|Error) ' "$log"; then
  echo "validate.sh: bicep build/lint reported problems (see above)"
  exit 1
fi
echo "validate.sh: infra/main.bicep builds and lints cleanly ($out/main.json)"
