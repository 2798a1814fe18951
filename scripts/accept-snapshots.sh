#!/usr/bin/env bash
# Accepts snapshot changes: moves every tests/**/*.received.txt over its *.verified.txt.
# Review the diffs from the failing tests first; then run this and commit the .verified.txt files.
# Usage: scripts/accept-snapshots.sh        (from anywhere inside the repository)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

accepted=0
while IFS= read -r -d '' received; do
  verified="${received%.received.txt}.verified.txt"
  if [[ -e "$verified" ]]; then
    echo "accepted (changed): $verified"
  else
    echo "accepted (new):     $verified"
  fi
  mv -f -- "$received" "$verified"
  accepted=$((accepted + 1))
done < <(find tests -type f -name '*.received.txt' -not -path '*/bin/*' -not -path '*/obj/*' -print0 | sort -z)

if [[ "$accepted" -eq 0 ]]; then
  echo "No received snapshots under tests/: nothing to accept."
else
  echo "Accepted $accepted snapshot(s). Review with 'git diff' and commit the .verified.txt files."
fi
