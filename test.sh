#!/usr/bin/env bash
# Installs what the tests need, builds and runs every test, and ends with one line
# "N passed, N failed, N skipped" computed from the TRX results.
set -euo pipefail
cd "$(dirname "$0")"

results="TestResults"
rm -rf "$results"

# The dashboard's build and the Deploy tests' build (the OpenAPI linter) run npm ci; the dashboard's browser tests drive
# Debian's chromium (Playwright downloads no browser).
missing=()
command -v npm > /dev/null || missing+=(nodejs npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "== installing ${missing[*]}"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } > /dev/null
fi

echo "== restoring and building (Release)"
dotnet build Feedback.sln -c Release --nologo -v quiet

echo "== running tests"
status=0
for project in tests/*/*.Tests.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" --blame-hang-timeout 5m || status=$?
done

sum() { { grep -ho "<Counters [^>]*" "$results"/*.trx 2>/dev/null || true; } | { grep -o " $1=\"[0-9]*\"" || true; } | { grep -o "[0-9]*" || true; } | awk '{s+=$1} END {print s+0}'; }
passed=$(sum passed)
failed=$(( $(sum failed) + $(sum error) + $(sum timeout) + $(sum aborted) ))
# Skipped tests appear as results with outcome="NotExecuted"; the summary counter for them stays 0.
skipped=$(cat "$results"/*.trx 2>/dev/null | { grep -o 'outcome="NotExecuted"' || true; } | wc -l)
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # dotnet test failed without a failed test in the TRX (crash, hang, missing TRX): count it as a failure.
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
