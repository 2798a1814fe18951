#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need that dotnet restore cannot
# (Debian's redis-server, for the Redis idempotency tests, which fail rather than skip without it), then
# runs dotnet test in Release (src/ treats every warning as an error). .ci/run calls this script, so local
# runs and CI cannot drift apart.
# Usage: bash scripts/test.sh [dotnet test arguments…]
#        e.g. bash scripts/test.sh --filter FullyQualifiedName~LoanWebhooks.Sdk.Redis.Tests
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v redis-server >/dev/null 2>&1; then
  echo "redis-server is not on PATH; installing Debian's redis-server package." >&2
  sudo_if_needed=()
  if [ "$(id -u)" -ne 0 ]; then sudo_if_needed=(sudo); fi
  "${sudo_if_needed[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
  # --reinstall also repairs a package whose binary has gone missing; on a fresh machine it is a plain install.
  "${sudo_if_needed[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends --reinstall redis-server
fi
redis-server --version

dotnet test LoanWebhooks.Sdk.sln -c Release "$@"
