#!/usr/bin/env python3
"""Counts a Stryker.NET mutation-report.json per folder of the SDK, as docs/claims.md's "Mutation scores" states them.

Usage: python3 scripts/mutation-score.py [report] [--depth N] [--survivors]
  report       a mutation-report.json, or a run folder under artifacts/mutation (default: the newest run there)
  --depth N    group by the first N folders under the project root (default 1: Verification, Providers, ...)
  --survivors  also list every undetected non-string mutant (file:line, mutator, replacement), largest groups first

Scored = killed + timeout + survived + no coverage (compile errors and ignored mutants, which include the ones marked
"// Stryker disable once ...", are not scored). Score = (killed + timeout) / scored. The non-string score leaves out
every mutant of Stryker's string mutator ("String mutation": literals, interpolated strings, string.Empty), killed or
not; string *method* mutations (e.g. StartsWith -> EndsWith) change behaviour, not text, and stay in.
"""
import argparse
import collections
import json
import os
import sys

STRING_MUTATORS = {"String mutation"}
DETECTED = {"Killed", "Timeout"}
UNDETECTED = {"Survived", "NoCoverage"}


def find_report(path):
    if path is None:
        root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "artifacts", "mutation")
        runs = sorted(d for d in os.listdir(root) if os.path.isfile(os.path.join(root, d, "reports", "mutation-report.json")))
        if not runs:
            sys.exit(f"No finished run under {os.path.normpath(root)}.")
        return os.path.join(root, runs[-1], "reports", "mutation-report.json")
    if os.path.isdir(path):
        for candidate in (os.path.join(path, "reports", "mutation-report.json"), os.path.join(path, "mutation-report.json")):
            if os.path.isfile(candidate):
                return candidate
        sys.exit(f"No mutation-report.json in {path}.")
    return path


def percent(part, whole):
    return f"{100.0 * part / whole:.1f}%" if whole else "n/a"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", nargs="?")
    parser.add_argument("--depth", type=int, default=1)
    parser.add_argument("--survivors", action="store_true")
    args = parser.parse_args()

    report_path = find_report(args.report)
    with open(report_path, encoding="utf-8-sig") as f:
        report = json.load(f)
    project_root = report.get("projectRoot", "")

    counts = collections.defaultdict(collections.Counter)
    survivors = collections.defaultdict(list)
    for file_path, file_report in report["files"].items():
        relative = os.path.relpath(file_path, project_root) if project_root else file_path
        parts = relative.replace("\\", "/").split("/")
        folder = "/".join(parts[: min(args.depth, len(parts) - 1)]) or "."
        for mutant in file_report["mutants"]:
            status = mutant["status"]
            if status not in DETECTED | UNDETECTED:
                continue
            is_string = mutant["mutatorName"] in STRING_MUTATORS
            for group in (folder, "combined"):
                c = counts[group]
                c["scored"] += 1
                c[status] += 1
                c["detected"] += status in DETECTED
                if not is_string:
                    c["non-string scored"] += 1
                    c["non-string detected"] += status in DETECTED
            if status in UNDETECTED and not is_string:
                line = mutant["location"]["start"]["line"]
                replacement = " ".join(mutant.get("replacement", "").split())
                survivors[relative].append((line, mutant["mutatorName"], status, replacement))

    print(f"Report: {report_path}\n")
    print("| folder | scored | killed | timeout | survived | no coverage | score | non-string score |")
    print("|---|---|---|---|---|---|---|---|")
    groups = sorted(g for g in counts if g != "combined") + (["combined"] if len(counts) > 2 else [])
    for group in groups:
        c = counts[group]
        print(
            f"| {group} | {c['scored']} | {c['Killed']} | {c['Timeout']} | {c['Survived']} | {c['NoCoverage']} "
            f"| {percent(c['detected'], c['scored'])} "
            f"| {percent(c['non-string detected'], c['non-string scored'])} ({c['non-string detected']} / {c['non-string scored']}) |"
        )

    if args.survivors:
        print("\nUndetected non-string mutants, by file (most first):")
        for relative, items in sorted(survivors.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            print(f"\n{relative} ({len(items)})")
            for line, mutator, status, replacement in sorted(items):
                print(f"  {line:4}  {mutator} [{status}]  {replacement[:140]}")


if __name__ == "__main__":
    main()
