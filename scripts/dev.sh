#!/usr/bin/env bash
# The one entry point for a fresh Debian 12 machine:
#   bash scripts/dev.sh sample   install what is missing, build, run the sample round, write its report
#   bash scripts/dev.sh test     install what is missing, build, run the whole test suite
#   bash scripts/dev.sh build    install what is missing and build
#   bash scripts/dev.sh bench [--answers N] [--pandas-sample N] [--ripgrep-sample N]
#                                install what is missing, build, run the benchmark (README "Benchmark")
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${HEARD_BUILD_DIR:-$here/build}"
jobs="$(nproc 2>/dev/null || echo 2)"

# Debian 12 packages heard builds with (README.md says why each is there).
packages=(
  cmake g++ make pkg-config
  libicu-dev libre2-dev libsqlitecpp-dev libsqlite3-dev libtbb-dev
  libtomlplusplus-dev libcli11-dev libfmt-dev nlohmann-json3-dev libssl-dev
  libxlsxwriter-dev libzip-dev libpugixml-dev libmimalloc-dev
  catch2 unzip
)

# Only `test` needs these: headless Chromium checks the HTML report in a real browser
# (fonts-liberation, which Chromium only recommends, so its screenshot has real fonts).
# clang-14 and libclang-rt-14-dev build and run the libFuzzer targets in fuzz/.
test_packages=(
  chromium fonts-liberation
  clang-14 libclang-rt-14-dev
)

# Only `bench` needs these: Debian's Python with pandas for the analyst's baseline,
# ripgrep for the raw pattern-matching limit, GNU time for peak RSS.
bench_packages=(
  python3-pandas ripgrep time
)

# install_missing PACKAGE...: installs those not installed yet.
install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]} == 0)); then return; fi
  echo "heard: installing ${missing[*]}" >&2
  local sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

build() {
  cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build" -j "$jobs"
}

# The sanitizer build of the whole suite (build-asan): AddressSanitizer (with LeakSanitizer) and
# UndefinedBehaviorSanitizer; the first report stops the process, so its test fails.
sanitize_tests() {
  local dir="${HEARD_ASAN_BUILD_DIR:-$here/build-asan}"
  # -O1 and line tables only (-g1): the usual sanitizer set-up, and it compiles much faster.
  cmake -S "$here" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" -DHEARD_SANITIZE=ON >/dev/null
  cmake --build "$dir" -j "$jobs"
  ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1" \
  LSAN_OPTIONS="suppressions=$here/scripts/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    ctest --test-dir "$dir" --output-on-failure -j "$jobs"
}

# The fuzz build (build-fuzz, clang) and a bounded run of every target: first the saved
# crash inputs of fuzz/regressions/<target>/ once each, then HEARD_FUZZ_SECONDS (default 20) of
# fuzzing from the seed corpora. New corpus entries and any crash input go under build-fuzz/,
# never into the repository.
fuzz_targets=(fuzz_csv fuzz_focus_group fuzz_workshop fuzz_lexicon fuzz_pipeline fuzz_office)
fuzz_seeds() {
  case "$1" in
    fuzz_csv) echo "$here/fuzz/corpus/csv" ;;
    fuzz_focus_group) echo "$here/fuzz/corpus/notes $here/sample_data/focus_groups" ;;
    fuzz_workshop) echo "$here/fuzz/corpus/notes $here/sample_data/workshops" ;;
    fuzz_lexicon) echo "$here/fuzz/corpus/lexicon" ;;
    fuzz_pipeline) echo "$here/fuzz/corpus/pipeline $here/pipelines" ;;
    fuzz_office) echo "$here/fuzz/corpus/office" ;;
  esac
}
fuzz_run() {
  local dir="${HEARD_FUZZ_BUILD_DIR:-$here/build-fuzz}" seconds="${HEARD_FUZZ_SECONDS:-20}"
  local cxx
  cxx="$(command -v clang++-14 || command -v clang++)"
  cmake -S "$here" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1" \
    -DHEARD_FUZZ=ON -DHEARD_BUILD_TESTS=OFF >/dev/null
  cmake --build "$dir" -j "$jobs" --target heard_fuzzers
  export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1"
  export LSAN_OPTIONS="suppressions=$here/scripts/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  local t seeds regressions
  for t in "${fuzz_targets[@]}"; do
    regressions=("$here"/fuzz/regressions/"$t"/*)
    if [[ -e "${regressions[0]}" ]]; then
      echo "heard: $t: ${#regressions[@]} regression inputs" >&2
      "$dir/fuzz/$t" -rss_limit_mb=2048 "${regressions[@]}" >"$dir/$t.regressions.log" 2>&1 ||
        { cat "$dir/$t.regressions.log" >&2; echo "heard: $t failed a regression input" >&2; return 1; }
    fi
    mkdir -p "$dir/corpus/$t" "$dir/artifacts/$t"
    read -r -a seeds <<<"$(fuzz_seeds "$t")"
    echo "heard: fuzzing $t for ${seconds}s" >&2
    (cd "$dir" && "$dir/fuzz/$t" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 \
       -print_final_stats=1 -artifact_prefix="$dir/artifacts/$t/" \
       "$dir/corpus/$t" "${seeds[@]}" >"$dir/$t.log" 2>&1) ||
      { tail -n 60 "$dir/$t.log" >&2; echo "heard: $t found a crash; input in $dir/artifacts/$t/" >&2; return 1; }
    grep -E "^stat::number_of_executed_units|^stat::peak_rss_mb" "$dir/$t.log" | tr '\n' ' ' >&2 || true
    echo >&2
  done
}

case "${1:-}" in
  sample)
    install_missing "${packages[@]}"
    build
    # The earlier (2025) round first, so the 2026 round is the latest and the report's
    # "Since the last round" section compares the two.
    "$build/heard" run "$here/pipelines/sample_round_2025.toml"
    "$build/heard" run "$here/pipelines/sample_round.toml"
    "$build/heard" report --db "$here/out/sample_round.db" --out "$here/out/report"
    ;;
  test)
    install_missing "${packages[@]}" "${test_packages[@]}"
    build
    ctest --test-dir "$build" --output-on-failure -j "$jobs"
    sanitize_tests
    fuzz_run
    ;;
  build)
    install_missing "${packages[@]}"
    build
    ;;
  bench)
    shift
    install_missing "${packages[@]}" "${bench_packages[@]}"
    cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
    cmake --build "$build" -j "$jobs" --target heard heard_bench
    /usr/bin/python3 "$here/bench/run_bench.py" --heard "$build/heard" \
      --heard-bench "$build/heard_bench" --dir "$build/bench_data" "$@"
    ;;
  *)
    echo "usage: bash scripts/dev.sh sample|test|build|bench [bench options]" >&2
    exit 2
    ;;
esac
