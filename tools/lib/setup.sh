# Shared by run.sh and test.sh: install missing Debian packages, configure and build.
# Sourced, not run.

# Packages to build and run the trainer (espeak-ng: the spoken cues of guided practice; FFmpeg's
# libraries: lesson videos, whose runtime packages dpkg-shlibdeps finds from the binary).
HT_RUNTIME_PACKAGES=(
  cmake ninja-build g++ pkg-config
  libsdl2-dev python3-glad libimgui-dev libglm-dev libassimp-dev libstb-dev libpng-dev
  libtomlplusplus-dev nlohmann-json3-dev libcli11-dev libmeshoptimizer-dev
  libgl-dev libegl-dev libgl1-mesa-dri libegl-mesa0 fonts-dejavu-core help2man
  libespeak-ng-dev espeak-ng-data
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev
)
# Extra packages to build and check the Debian package: dpkg-shlibdeps, the desktop entry and
# AppStream validators, and headless Chromium with poppler to print the handout to PDF.
HT_PACKAGE_PACKAGES=(
  dpkg-dev desktop-file-utils appstream chromium poppler-utils man-db
)
# Extra packages for the test suite: doctest, offline shader checks, a headless X server
# with synthetic input, f3d as a second viewer, clang with its sanitizer and libFuzzer runtimes. Node and npm (for the Khronos glTF
# validator) are installed from Debian only when no node is there already: some machines
# carry NodeSource's nodejs, which bundles npm and conflicts with Debian's npm package.
HT_TEST_PACKAGES=(
  doctest-dev glslang-tools xvfb xauth xdotool f3d clang libclang-rt-14-dev assimp-testmodels
)

ht_ensure_node() {
  if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    return 0
  fi
  ht_ensure_packages nodejs npm
}

ht_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# ht_ensure_packages PKG...: installs the ones dpkg does not list as installed.
ht_ensure_packages() {
  local missing=()
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  ht_log "Installing Debian packages: ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo=(sudo)
    else
      echo "error: these packages are missing and there is no sudo to install them: ${missing[*]}" >&2
      echo "       install them as root: apt-get install ${missing[*]}" >&2
      return 1
    fi
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# ht_build DIR TYPE [CMAKE ARGS...]: configures (once) and builds with Ninja.
ht_build() {
  local dir="$1" type="$2"
  shift 2
  local jobs
  jobs="$(nproc 2>/dev/null || echo 2)"
  if [ ! -f "$dir/build.ninja" ]; then
    ht_log "Configuring ($type) in $dir"
    CC="${HT_CC:-${CC:-cc}}" CXX="${HT_CXX:-${CXX:-c++}}"       cmake -S "$HT_ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
  fi
  ht_log "Building in $dir"
  cmake --build "$dir" -j "$jobs"
}
