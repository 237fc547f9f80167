#!/usr/bin/env bash
# The one entry point for a fresh Debian 12 machine:
#   bash scripts/dev.sh sample   install what is missing, build, run the sample round, write its report
#   bash scripts/dev.sh test     install what is missing, build, run the whole test suite
#   bash scripts/dev.sh build    install what is missing and build
#   bash scripts/dev.sh bench [--answers N] [--pandas-sample N]
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
  libxlsxwriter-dev
  catch2 unzip
)

# Only `test` needs these: headless Chromium checks the HTML report in a real browser
# (fonts-liberation, which Chromium only recommends, so its screenshot has real fonts).
test_packages=(
  chromium fonts-liberation
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

case "${1:-}" in
  sample)
    install_missing "${packages[@]}"
    build
    "$build/heard" run "$here/pipelines/sample_round.toml"
    "$build/heard" report --db "$here/out/sample_round.db" --out "$here/out/report"
    ;;
  test)
    install_missing "${packages[@]}" "${test_packages[@]}"
    build
    ctest --test-dir "$build" --output-on-failure -j "$jobs"
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
