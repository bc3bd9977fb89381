#!/usr/bin/env bash
# Builds the trainer and its tests, then runs everything CI runs. Installs missing Debian
# packages and the Khronos glTF validator (npm) first. Exits non-zero on any failure.
#  1. One test build: clang, optimised, asserts on, AddressSanitizer, UndefinedBehaviorSanitizer
#     (LeakSanitizer included), libFuzzer coverage in the modules the fuzzers reach; the whole
#     suite runs under them.
#  2. A 90-second soak of cramp and stretch cycles (HT_SOAK_SECONDS).
#  3. Each libFuzzer target for 30 s (HT_FUZZ_SECONDS), from a corpus of the shipped files: a
#     smoke run that keeps CI well under 20 minutes; campaigns run outside CI (docs/fuzzing.md).
#  4. The Debian package (./tools/package.sh, built while the fuzzers of step 3 run): installed
#     with apt-get, used from another folder,
#     its handout printed to PDF, upgraded and removed (tests/package/test_package.sh; needs root
#     or sudo, skipped with HT_SKIP_PACKAGE=1).
set -euo pipefail
HT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/setup.sh
source "$HT_ROOT/tools/lib/setup.sh"

start=$(date +%s)
ht_ensure_packages "${HT_RUNTIME_PACKAGES[@]}" "${HT_TEST_PACKAGES[@]}" "${HT_PACKAGE_PACKAGES[@]}"
ht_ensure_node

build="$HT_ROOT/build/sanitize"
# Line tables are all the debug information the sanitizers' reports need (file and line of
# each frame): the build takes a tenth less time than with full -g. The engine and tools compile
# in batches (HT_UNITY_BUILD), the tests file by file.
HT_CC=clang HT_CXX=clang++ ht_build "$build" RelWithDebInfo -DHT_KEEP_ASSERTS=ON -DHT_SANITIZE=ON -DHT_FUZZ=ON \
  -DHT_BUILD_TESTS=ON -DHT_UNITY_BUILD=ON -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only" \
  -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only"
built=$(date +%s)

ht_log "Running the tests (under ASan, UBSan and LSan)"
status=0
(cd "$build" && ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)" --timeout 900) || status=$?
tested=$(date +%s)

soak="${HT_SOAK_SECONDS:-90}"
ht_log "Soak: ${soak} s of cramp and stretch cycles"
# The sanitizers' own allocator must not hold freed memory back, or it would look like growth.
ASAN_OPTIONS="detect_leaks=0:quarantine_size_mb=0:allocator_release_to_os_interval_ms=500" \
HT_CONFIG_DIR="$(mktemp -d)" "$build/engine/app/hamstring-trainer" --headless --soak "$soak" --quality low || status=$?
soaked=$(date +%s)

# The package's Release build runs beside the fuzzers: they run for a fixed time whatever
# else the machine does, so the build's minutes overlap theirs instead of following them. (Not
# beside the soak, which compares frame times early and late in its run.)
package_log="$(mktemp)"
package_pid=""
if [ "${HT_SKIP_PACKAGE:-0}" != 1 ]; then
  ht_log "Package: building it in the background while the fuzzers run (log: $package_log)"
  "$HT_ROOT/tools/package.sh" > "$package_log" 2>&1 &
  package_pid=$!
fi
HT_FUZZ_SECONDS="${HT_FUZZ_SECONDS:-30}" HT_FUZZ_BUILD="$build" "$HT_ROOT/tools/fuzz.sh" || status=$?
fuzzed=$(date +%s)

if [ -n "$package_pid" ]; then
  if wait "$package_pid"; then
    ht_log "Package: install, use, upgrade and remove"
    "$HT_ROOT/tests/package/test_package.sh" "$(tail -n1 "$package_log")" || status=$?
  else
    cat "$package_log" >&2
    echo "test.sh: building the package failed" >&2
    status=1
  fi
fi
rm -f "$package_log"
finished=$(date +%s)
ht_log "Build $((built - start)) s, tests $((tested - built)) s, soak $((soaked - tested)) s, fuzzing (with the package build beside it) $((fuzzed - soaked)) s, package after that $((finished - fuzzed)) s"
exit $status
