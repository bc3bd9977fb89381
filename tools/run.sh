#!/usr/bin/env bash
# Builds the trainer (Release) and opens it on the default scene. Arguments go to the app,
# e.g. ./tools/run.sh --view lateral. Installs missing Debian packages first.
set -euo pipefail
HT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/setup.sh
source "$HT_ROOT/tools/lib/setup.sh"

ht_ensure_packages "${HT_RUNTIME_PACKAGES[@]}"
build="$HT_ROOT/build/release"
ht_build "$build" Release -DHT_BUILD_TESTS=OFF
app="$build/engine/app/hamstring-trainer"

headless=0
for arg in "$@"; do
  case "$arg" in --headless|--help|-h|--version|--muscle-table|--export-lesson) headless=1 ;; esac
done
if [ $headless -eq 0 ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  shot="$build/hamstring-trainer.png"
  ht_log "No display found (DISPLAY is not set): rendering the default scene headless instead"
  "$app" --headless --frames 3 --screenshot "$shot" "$@"
  echo "Rendered the default scene to $shot"
  exit 0
fi
exec "$app" "$@"
