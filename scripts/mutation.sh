#!/usr/bin/env bash
# Mutation testing of the core SDK with Stryker.NET (the local tool in dotnet-tools.json, config in
# stryker-config.json). Not run in CI: a folder takes minutes. Run it before resolving an issue that touches
# verification, parsing or idempotency, and keep the score stated in docs/claims.md.
# Usage: bash scripts/mutation.sh [--since[=<ref>]] [folder…]
#   folder     a folder of the SDK to mutate, e.g. src/LoanWebhooks.Sdk/Idempotency (several allowed)
#   --since    only the files changed since <ref> (default: main)
#   With neither, mutates the whole SDK (long: an hour or more on a shared 2-core machine).
# Reports land in artifacts/mutation/<timestamp>/reports (mutation-report.html, .json, .md).
# STRYKER_CONCURRENCY overrides the number of parallel test runners (default 1).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

sdk="src/LoanWebhooks.Sdk"
args=(--config-file "$PWD/stryker-config.json" --output "$PWD/artifacts/mutation/$(date -u +%Y%m%dT%H%M%SZ)")
mutate=()
for arg in "$@"; do
  case "$arg" in
    --since) args+=(--since:main) ;;
    --since=*) args+=("--since:${arg#--since=}") ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *)
      folder="${arg%/}"
      folder="${folder#./}"
      folder="${folder#"$sdk"/}"
      if [ ! -d "$sdk/$folder" ]; then
        echo "No folder $sdk/$folder to mutate." >&2
        exit 2
      fi
      mutate+=(--mutate "**/$folder/**/*.cs")
      ;;
  esac
done
if [ "${#mutate[@]}" -gt 0 ]; then
  # Only these files; generated code stays excluded.
  args+=("${mutate[@]}" --mutate '!**/obj/**/*.cs')
fi
if [ -n "${STRYKER_CONCURRENCY:-}" ]; then
  args+=(--concurrency "$STRYKER_CONCURRENCY")
fi

dotnet tool restore >/dev/null
cd "$sdk"
exec dotnet dotnet-stryker "${args[@]}"
