#!/usr/bin/env bash
# The rendering benchmark of issue 8 in one table: median and p99 frame time, process start to
# first frame, and resident memory, at 1280x720 with the overlay, in the default scene and in
# the two heaviest lesson steps, with the quality chosen automatically from the measured frame time;
# then the time to a first image of the generated model, this app against f3d, both whole
# processes under Xvfb in one run. Uses the Release build of ./tools/run.sh.
#   ./tools/bench.sh            # 600 frames per scene
#   HT_BENCH_FRAMES=200 ./tools/bench.sh
#   HT_BENCH_BUILD=build ./tools/bench.sh   # an existing build instead of build/release
set -euo pipefail
HT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/setup.sh
source "$HT_ROOT/tools/lib/setup.sh"

frames="${HT_BENCH_FRAMES:-600}"
size="${HT_BENCH_SIZE:-1280x720}"
ht_ensure_packages "${HT_RUNTIME_PACKAGES[@]}" xvfb xauth f3d
# HT_BENCH_BUILD=DIR measures a build that already exists (it must hold the app and the model).
if [ -n "${HT_BENCH_BUILD:-}" ]; then
  build="$HT_BENCH_BUILD"
else
  build="$HT_ROOT/build/release"
  ht_build "$build" Release -DHT_BUILD_TESTS=OFF >/dev/null
fi
app="$build/engine/app/hamstring-trainer"
model="$build/assets/hamstring_trainer.glb"
config="$(mktemp -d)"
trap 'rm -rf "$config"' EXIT
export HT_CONFIG_DIR="$config"

value() { grep -m1 "^$1" | sed -e "s/^$1 *//"; }

run_case() {
  local name="$1"; shift
  local out
  out="$("$app" --headless --bench --size "$size" --frames "$frames" "$@" 2>/dev/null)"
  local renderer quality cpu first memory scene drawn
  renderer="$(printf '%s\n' "$out" | value 'renderer:')"
  quality="$(printf '%s\n' "$out" | value 'quality:')"
  cpu="$(printf '%s\n' "$out" | value 'cpu_frame_ms:')"
  # Frames that drew the scene, apart from those that showed its last picture again (nothing in
  # it had changed): what the scene costs while it moves.
  scene="$(printf '%s\n' "$out" | value 'scene_frames:' | sed -e 's/last picture shown again/shown again/')"
  drawn="$(printf '%s\n' "$out" | value 'drawn_frame_ms:' | sed -e 's/ p95 [0-9.]*//; s/ max .*//')"
  # Start-up varies by tens of milliseconds from one run to the next on a shared machine:
  # the median of five short runs of the same case.
  local starts=() i
  for i in 1 2 3 4 5; do
    starts+=("$("$app" --headless --bench --size "$size" --frames 2 "$@" 2>/dev/null | value 'start_to_first_frame_ms:')")
  done
  first="$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 3p)"
  memory="$(printf '%s\n' "$out" | value 'resident_memory_mb:')"
  printf '| %s | %s | %s | %s; %s | %s ms | %s MB |\n' "$name" "$quality" "$cpu" "$scene" "$drawn" "$first" "$memory"
  echo "$renderer" > "$config/renderer"
}

echo "## Frame times, $size, overlay on ($frames frames; the quality level is the one that ran most of them)"
echo
echo "| Scene | Quality | CPU frame ms (median, p95, p99, max) | Frames that drew the scene, ms | Start to first frame (median of 5) | Resident memory |"
echo "|---|---|---|---|---|---|"
run_case "default scene" --quality auto
heaviest="${HT_BENCH_LESSON:-relief_seated_floor_stretch}"
run_case "lesson $heaviest, step 3" --quality auto --lesson "$heaviest" --step 3
# The partner's step, whose body fills the view (the edge smoothing's box with it): the heaviest
# at low since the close-up's box and faded structures draw the coarsest meshes.
run_case "lesson relief_partner_stretch, step 2" --quality auto --lesson relief_partner_stretch --step 2
# What each level costs: the still scene drawn every frame, as if it moved.
for q in high medium low lowest; do HT_DRAW_EVERY_FRAME=1 run_case "default scene drawn every frame, $q" --quality "$q"; done
echo
echo "Renderer: $(cat "$config/renderer"); $(nproc) CPU cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo

# Time to a first image: whole processes under one X server, alternating, median of 5.
ht_log "Timing this app against f3d on the generated model"
# This app opens the model as it ships (its pack, made at build time: assets/model_pack.h);
# the same file given with --model goes through assimp in the import process, as any user's
# model does, and is timed too.
xvfb-run -a -s '-screen 0 1280x720x24' bash -c '
  app="$1"; model="$2"; out="$3"
  time_ms() { local start end; start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
  ours=(); imported=(); theirs=()
  for i in 1 2 3 4 5; do
    ours+=("$(time_ms "$app" --frames 1 --no-overlay --size 1280x720 --screenshot "$out/ours.png")")
    imported+=("$(time_ms "$app" --model "$model" --frames 1 --no-overlay --size 1280x720 --screenshot "$out/imported.png")")
    theirs+=("$(time_ms f3d --output "$out/f3d.png" --resolution 1280,720 "$model")")
  done
  median() { printf "%s\n" "$@" | sort -n | sed -n 3p; }
  a=$(median "${ours[@]}"); c=$(median "${imported[@]}"); b=$(median "${theirs[@]}")
  echo "## Time to a first image of the generated model (whole process, Xvfb, median of 5)"
  echo
  echo "| Viewer | ms |"
  echo "|---|---|"
  echo "| hamstring-trainer (the model as shipped, from its pack) | $a |"
  echo "| hamstring-trainer --model (the glTF through the import process) | $c |"
  echo "| f3d $(f3d --version 2>/dev/null | head -n1 | grep -o "[0-9.]*" | head -n1) | $b |"
  echo
  awk -v a="$a" -v b="$b" "BEGIN { printf \"Ratio (f3d / this app): %.2f\n\", b / a }"
' _ "$app" "$model" "$config"
