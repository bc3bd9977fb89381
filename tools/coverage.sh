#!/usr/bin/env bash
# How much of the 3D view the hamstrings fill, step by step (issue 12): for every step of every
# shipped lesson, the app draws the step's key moment (a cramp at its peak, a contraction at its
# strongest, otherwise halfway through the hold) with the overlay on, once as shown and once with
# the hamstring layer hidden, and counts the pixels that change inside the part of the window the
# panels leave free, over that free area. Prints a table with the median, the state contrast
# (mean 8-bit colour change over the hamstrings, relaxed against cramp, contraction and stretch
# of the same pose) and writes the CSV. Pixel counting only: it knows nothing of the framing.
#   ./tools/coverage.sh                      # 1280x720, CSV in build/coverage.csv
#   HT_COVERAGE_SIZE=640x360 ./tools/coverage.sh            # what test_coverage measures
#   ./tools/coverage.sh --lesson cramp_what_is_a_cramp      # one lesson
#   HT_COVERAGE_PICTURES=/tmp/cov ./tools/coverage.sh       # each step's picture, counted pixels green
#   HT_COVERAGE_BUILD=build/frame ./tools/coverage.sh       # an existing build instead of build/release
set -euo pipefail
HT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/setup.sh
source "$HT_ROOT/tools/lib/setup.sh"

size="${HT_COVERAGE_SIZE:-1280x720}"
if [ -n "${HT_COVERAGE_BUILD:-}" ]; then
  build="$HT_COVERAGE_BUILD"
else
  ht_ensure_packages "${HT_RUNTIME_PACKAGES[@]}"
  build="$HT_ROOT/build/release"
  ht_build "$build" Release -DHT_BUILD_TESTS=OFF >/dev/null
fi
csv="${HT_COVERAGE_CSV:-$HT_ROOT/build/coverage.csv}"
config="$(mktemp -d)"
trap 'rm -rf "$config"' EXIT
HT_CONFIG_DIR="$config" "$build/engine/app/hamstring-trainer" --size "$size" --coverage "$csv" \
  --coverage-floors "$HT_ROOT/tools/coverage_floors.txt" "$@"
echo "CSV: $csv"
