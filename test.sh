#!/usr/bin/env bash
# Runs every test of the solution against real services on this machine:
#   1. installs Azurite (pinned in tools/azurite/package-lock.json) if it is not installed yet, and
#      Debian's chromium (for the browser test of the run page) if there is none,
#   2. starts its blob and queue services, each on a free loopback port, with a throw-away data folder,
#   3. builds and lints infra/main.bicep (infra/validate.sh) and hands the compiled template to the tests,
#   4. runs `dotnet test` on the solution (extra arguments are passed on, e.g. --filter),
#   5. stops Azurite, prints one summary line, and exits non-zero if anything failed.
set -euo pipefail
cd "$(dirname "$0")"

azurite_dir=tools/azurite
if [ ! -x "$azurite_dir/node_modules/.bin/azurite-blob" ]; then
  echo "test.sh: installing Azurite from $azurite_dir/package-lock.json"
  (cd "$azurite_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi

# Headless Chromium for the run page's browser test (tests/AiEnergyPipeline.IntegrationTests/Dashboard/):
# Debian's chromium package, driven by Playwright through AIENERGY_CHROMIUM. That test never skips:
# without Chromium it fails and says so.
if ! command -v chromium >/dev/null 2>&1; then
  echo "test.sh: installing chromium (apt-get install -y chromium)"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null 2>&1 ||
    { "${sudo_cmd[@]}" apt-get update >/dev/null 2>&1 && "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium >/dev/null 2>&1; } ||
    echo "test.sh: could not install chromium: the browser test will fail"
fi
AIENERGY_CHROMIUM="$(command -v chromium || true)"
export AIENERGY_CHROMIUM

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close();})'; }
port="${AZURITE_BLOB_PORT:-$(free_port)}"
queue_port="${AZURITE_QUEUE_PORT:-$(free_port)}"
while [ "$queue_port" = "$port" ]; do queue_port="$(free_port)"; done
data="$(mktemp -d)"
log="$data/azurite.log"
queue_log="$data/azurite-queue.log"
"$azurite_dir/node_modules/.bin/azurite-blob" --blobHost 127.0.0.1 --blobPort "$port" --location "$data" \
  --skipApiVersionCheck --disableTelemetry --silent >"$log" 2>&1 &
azurite_pid=$!
"$azurite_dir/node_modules/.bin/azurite-queue" --queueHost 127.0.0.1 --queuePort "$queue_port" --location "$data" \
  --skipApiVersionCheck --disableTelemetry --silent >"$queue_log" 2>&1 &
azurite_queue_pid=$!
stop_azurite() {
  kill "$azurite_pid" "$azurite_queue_pid" 2>/dev/null || true
  wait "$azurite_pid" 2>/dev/null || true
  wait "$azurite_queue_pid" 2>/dev/null || true
  rm -rf "$data"
}
trap stop_azurite EXIT

wait_for() { # port pid log name
  for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then echo "test.sh: Azurite $4 did not start:"; cat "$3"; exit 1; fi
    sleep 0.2
  done
  echo "test.sh: Azurite $4 did not listen on 127.0.0.1:$1"; exit 1
}
wait_for "$port" "$azurite_pid" "$log" blob
wait_for "$queue_port" "$azurite_queue_pid" "$queue_log" queue
echo "test.sh: Azurite blob service on 127.0.0.1:$port, queue service on 127.0.0.1:$queue_port"

# The well-known development account of Azurite: not a secret.
export AIENERGY_TEST_BLOB_CONNECTION="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$port/devstoreaccount1;"
export AIENERGY_TEST_QUEUE_CONNECTION="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;QueueEndpoint=http://127.0.0.1:$queue_port/devstoreaccount1;"
export AIENERGY_TEST_REQUIRE_AZURITE=1

# The Bicep templates: build and lint must be clean; the tests then check the compiled ARM JSON.
infra/validate.sh "$data/infra"
export AIENERGY_INFRA_TEMPLATE="$data/infra/main.json"

results="$data/results.txt"
status=0
dotnet test AiEnergyPipeline.sln --nologo "$@" 2>&1 | tee "$results" || status=$?

# One closing line over all test projects: "tests: N passed, N failed, N skipped".
read -r passed failed skipped < <(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$results" |
  awk -F'[:,]' '{f+=$2; p+=$4; s+=$6} END {print p+0, f+0, s+0}')
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then echo "test.sh: no test ran"; status=1; fi
exit "$status"
