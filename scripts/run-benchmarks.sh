#!/usr/bin/env bash
# Installs what is missing, builds, and runs the benchmarks (bench/README.md), printing the
# machine and the table. The first run generates a 1,000,000-product store in build/bench-data/
# (a minute or two); later runs reuse it. Extra arguments go to counter-bench (for example
# --samples 500, or --products 100000). Then headoffice-bench measures head office (ingest from
# 50 terminals, first catalogue load of 1,000,000 products) on a throw-away PostgreSQL; its
# arguments come from HEADOFFICE_BENCH_ARGS (for example "--quick" or "--products 100000").
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
build/bench/counter-bench "$@"
echo
# shellcheck disable=SC2086  # the variable holds several arguments
build/bench/headoffice-bench ${HEADOFFICE_BENCH_ARGS:-}
