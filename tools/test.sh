#!/usr/bin/env bash
# Builds the trainer and its tests, then runs the whole suite with ctest. Installs missing
# Debian packages and the Khronos glTF validator (npm) first. Exits non-zero on any failure.
set -euo pipefail
HT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/setup.sh
source "$HT_ROOT/tools/lib/setup.sh"

start=$(date +%s)
ht_ensure_packages "${HT_RUNTIME_PACKAGES[@]}" "${HT_TEST_PACKAGES[@]}"
ht_ensure_node

build="$HT_ROOT/build/test"
# Tests build optimised but keep assert() on, and turn on GL debug output.
ht_build "$build" Release -DHT_KEEP_ASSERTS=ON -DHT_BUILD_TESTS=ON
built=$(date +%s)

ht_log "Running the tests"
cd "$build"
status=0
ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" --timeout 900 || status=$?
finished=$(date +%s)
ht_log "Build $((built - start)) s, tests $((finished - built)) s"
exit $status
