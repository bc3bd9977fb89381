#!/usr/bin/env bash
# Builds the Debian package of the trainer: a Release build in build/package (the app, its
# generated model, the man page and the app's own screenshots), then CPack, whose dpkg-shlibdeps
# step computes the dependencies from the binary. Prints the path of the .deb on its last line.
#   ./tools/package.sh
#   sudo apt-get install ./build/package/hamstring-trainer_*.deb
set -euo pipefail
HT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib/setup.sh
source "$HT_ROOT/tools/lib/setup.sh"

ht_ensure_packages "${HT_RUNTIME_PACKAGES[@]}" "${HT_PACKAGE_PACKAGES[@]}"
build="${HT_PACKAGE_BUILD:-$HT_ROOT/build/package}"
ht_build "$build" Release -DHT_BUILD_TESTS=OFF -DHT_SCREENSHOTS=ON -DHT_UNITY_BUILD=ON
ht_log "Packaging with CPack"
rm -f "$build"/hamstring-trainer_*.deb
(cd "$build" && cpack -G DEB >/dev/null)
deb="$(ls "$build"/hamstring-trainer_*.deb)"
ht_log "Package: $deb ($(du -k "$deb" | cut -f1) kB)"
echo "$deb"
