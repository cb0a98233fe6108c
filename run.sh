#!/usr/bin/env bash
# ThreatCrowd.Batch: ./run.sh <command> [options]. See README.md.
#   ./run.sh demo      the whole pipeline offline, against a local stand-in of the service
#   ./run.sh test      restore, build and run every test
#   ./run.sh bench [--quick]   the benchmarks (docs/benchmarks.md); never part of test or CI
#   ./run.sh run|resume|status|export|import ...   the program itself (built only when the sources changed)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

program=artifacts/bin/ThreatCrowd.Batch/release/threatcrowd-batch.dll
stamp=artifacts/.program-built

need_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "error: the .NET 10 SDK is needed (dotnet was not found on PATH); install it, then run this again." >&2
    exit 2
  fi
}

# Builds when anything the program is made of is newer than the last successful build; otherwise costs nothing.
build_if_changed() {
  if [[ -f $stamp && -f $program ]] &&
     [[ -z $(find src schema.sql config samples Directory.Build.props Directory.Packages.props NuGet.config global.json \
              -newer "$stamp" -type f -print -quit 2>/dev/null) ]]; then
    return
  fi
  need_dotnet
  echo "building (sources changed)..." >&2
  mkdir -p artifacts
  if ! dotnet build src/ThreatCrowd.Batch/ThreatCrowd.Batch.csproj -c Release --nologo >artifacts/build.log 2>&1; then
    grep -E 'error|Error' artifacts/build.log >&2 || cat artifacts/build.log >&2
    echo "error: the build failed; the whole log is in artifacts/build.log" >&2
    exit 1
  fi
  touch "$stamp"
}

run_tests() {
  need_dotnet
  local log
  log=$(mktemp)
  set +e
  dotnet test ThreatCrowd.Batch.sln --nologo -v quiet "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  set -e
  # One closing line in the plain "N passed, N failed" form, whatever the runner printed.
  awk '/(Passed|Failed)! +- Failed:/ { gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
       END { if (p + f > 0) printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
  rm -f "$log"
  return "$status"
}

case "${1:-help}" in
  test)
    shift
    run_tests "$@"
    ;;
  bench)
    shift
    need_dotnet
    # The baselines are the sqlite3 shell's; Debian packages it.
    if ! command -v sqlite3 >/dev/null 2>&1; then
      if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
        echo "installing sqlite3 (the baseline the figures are compared with)..." >&2
        apt-get install -y sqlite3 >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y sqlite3 >/dev/null; }
      else
        echo "warning: sqlite3 is missing, so the ratios to it are left out; install it with: sudo apt-get install -y sqlite3" >&2
      fi
    fi
    # Release builds of the program (the very one ./run.sh runs) and of the bench harness.
    mkdir -p artifacts
    if ! dotnet build bench/ThreatCrowd.Batch.Bench/ThreatCrowd.Batch.Bench.csproj -c Release --nologo >artifacts/bench-build.log 2>&1; then
      grep -E 'error|Error' artifacts/bench-build.log >&2 || cat artifacts/bench-build.log >&2
      echo "error: the build failed; the whole log is in artifacts/bench-build.log" >&2
      exit 1
    fi
    touch "$stamp"
    exec dotnet artifacts/bin/ThreatCrowd.Batch.Bench/release/ThreatCrowd.Batch.Bench.dll "$@"
    ;;
  *)
    build_if_changed
    exec dotnet "$program" "$@"
    ;;
esac
