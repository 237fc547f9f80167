#!/usr/bin/env bash
# The benchmark in one command (README "Benchmark"):
#   bash scripts/bench.sh [--answers N] [--pandas-sample N] [--ripgrep-sample N] [--seed S]
# Installs what is missing (Debian: python3-pandas, ripgrep, time), builds heard and
# heard_bench, generates the synthetic round once per size and seed, and prints heard on
# 1 and 2 threads against pandas and ripgrep, with the ratios and the targets.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec bash "$here/scripts/dev.sh" bench "$@"
