#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, then runs each for a bounded time (HT_FUZZ_SECONDS, default 60)
# on a corpus made from the shipped files. Fails on any crash, hang (10 s per input) or
# sanitizer report; a crashing input is kept in build/fuzz/artifacts/<target>/ - add it to
# tests/fuzz/regressions/<target>/ once fixed so ctest replays it for ever.
#   HT_FUZZ_SECONDS=600 ./tools/fuzz.sh   # longer runs
#   HT_FUZZ_RUNS=1000000 HT_FUZZ_SECONDS=0 HT_FUZZ_TARGETS=fuzz_convert ./tools/fuzz.sh
#                                         # a campaign: a million inputs, no time limit (docs/fuzzing.md)
set -euo pipefail
HT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/setup.sh
source "$HT_ROOT/tools/lib/setup.sh"

seconds="${HT_FUZZ_SECONDS:-60}"
# -1 (libFuzzer's default) means no limit on the count; a campaign sets one.
runs="${HT_FUZZ_RUNS:--1}"
targets="${HT_FUZZ_TARGETS:-fuzz_lesson fuzz_files fuzz_model fuzz_convert}"
ht_ensure_packages "${HT_RUNTIME_PACKAGES[@]}" clang libclang-rt-14-dev doctest-dev
# The same clang and sanitizer build the test suite uses (tools/test.sh), or its own.
build="${HT_FUZZ_BUILD:-$HT_ROOT/build/sanitize}"
HT_CC=clang HT_CXX=clang++ ht_build "$build" RelWithDebInfo -DHT_KEEP_ASSERTS=ON -DHT_SANITIZE=ON -DHT_FUZZ=ON >/dev/null

# Seed corpora: the checked-in seeds, every shipped lesson and data file, the generated model.
corpus="$build/corpus"
rm -rf "$corpus"
mkdir -p "$corpus"/{fuzz_lesson,fuzz_files,fuzz_model,fuzz_convert}
cp "$HT_ROOT"/tests/fuzz/seeds/lesson/* "$corpus/fuzz_lesson/"
# Shipped lessons get a prefix: a seed may share a lesson's name.
for lesson in "$HT_ROOT"/scenes/lessons/*.toml; do
  cp "$lesson" "$corpus/fuzz_lesson/shipped-$(basename "$lesson")"
done
cp "$HT_ROOT"/tests/fuzz/seeds/files/* "$corpus/fuzz_files/"
for pair in "0:$HT_ROOT/scenes/default.toml" "1:$HT_ROOT/scenes/poses.toml" "2:$HT_ROOT/assets/sources.toml"; do
  selector="${pair%%:*}"; file="${pair#*:}"
  { printf "\\x0$selector"; cat "$file"; } > "$corpus/fuzz_files/shipped-$selector-$(basename "$file")"
done
cp "$HT_ROOT"/tests/fuzz/seeds/model/* "$corpus/fuzz_model/"
# fuzz_convert decodes its own small scene description (tests/fuzz/fuzz_convert.cpp).
cp "$HT_ROOT"/tests/fuzz/seeds/convert/* "$corpus/fuzz_convert/"
# The import process's answer for the test scene, for the decoder (selector 4).
if [ -x "$build/tests/ht-make-test-scene" ]; then
  "$build/tests/ht-make-test-scene" --fuzz-wire "$corpus/fuzz_model/test_scene.wire"
fi
if [ -f "$build/assets/hamstring_trainer.glb" ]; then
  { printf '\x00'; cat "$build/assets/hamstring_trainer.glb"; } > "$corpus/fuzz_model/hamstring_trainer.glb"
fi

# A single allocation over 2 GB fails in ASan (a report in the model import's child process,
# which the import turns into an error) before libFuzzer's own limit of 4 GB would save it as
# an out-of-memory crash from inside that child.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1:max_allocation_size_mb=2048"
export LSAN_OPTIONS="suppressions=$HT_ROOT/tests/sanitizer/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
status=0
summary=""
for target in $targets; do
  artifacts="$build/artifacts/$target/"
  mkdir -p "$artifacts"
  ht_log "Fuzzing $target for $seconds s (0: no limit), at most $runs inputs (-1: no limit)"
  log="$build/$target.log"
  if "$build/tests/fuzz/$target" "$corpus/$target" -max_total_time="$seconds" -runs="$runs" -timeout=10 -rss_limit_mb=2560 -malloc_limit_mb=4096 \
       -artifact_prefix="$artifacts" -print_final_stats=1 >"$log" 2>&1; then
    result="ok"
  else
    result="FAILED (see $log; inputs in $artifacts)"
    status=1
    tail -n 40 "$log" >&2
  fi
  # The last count is the fuzzer's own (a child process of the model import may print one too).
  executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$' || echo "?")
  summary+="$target: $executions executions, cov $cov, $result"$'\n'
done
printf '%s' "$summary"
exit $status
