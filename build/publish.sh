#!/usr/bin/env bash
# Restores and publishes Feedback.Api exactly as the Dockerfile does, so the tests can run
# the same commands without a Docker daemon.
#   build/publish.sh --restore-only [runtime-id]   restore only (the Dockerfile's cached layer)
#   build/publish.sh <output-dir> [runtime-id]      restore (a no-op when done) and publish
# Framework-dependent: the aspnet runtime image already carries the shared framework. A runtime
# id only picks the apphost's platform; without one it is the SDK's own.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 (--restore-only | <output-dir>) [runtime-id]" >&2
  exit 2
fi

target=$1
rid_args=()
if [[ $# -eq 2 ]]; then
  rid_args=(--runtime "$2")
fi

if [[ $target != --restore-only ]]; then
  # Resolve before cd so a relative output dir means the caller's directory.
  target=$(realpath -m -- "$target")
fi
cd "$(dirname -- "${BASH_SOURCE[0]}")/.."

project=src/Feedback.Api/Feedback.Api.csproj
# SelfContained=false here too, or a runtime id makes restore fetch runtime packs it never uses.
dotnet restore "$project" -p:SelfContained=false "${rid_args[@]}"
if [[ $target == --restore-only ]]; then
  exit 0
fi
dotnet publish "$project" -c Release --no-restore --self-contained false \
  -o "$target" "${rid_args[@]}"
