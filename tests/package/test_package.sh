#!/usr/bin/env bash
# Installs the Debian package the way a school's technician would, uses the installed app from
# another folder, upgrades it, removes it, and checks what is left. Needs root (or sudo).
#   tests/package/test_package.sh [FILE.deb]   (builds one with ./tools/package.sh when not given)
#  1. desktop-file-validate and appstreamcli validate pass on the installed entry and metainfo;
#     the man page formats without warnings.
#  2. From an empty folder: a headless screenshot (not one flat colour), --check-lessons,
#     --export-lesson, whose handout prints on A4 with nothing cut (check_handout_pdf.py), and
#     one second of --export-lesson-video (its encoder module is found where it is installed),
#     and a --model picture (the import process finds its assimp module there too).
#  3. Lesson progress in the settings survives an upgrade to a newer version of the package.
#  4. After removal no file the package installed is left.
set -euo pipefail
HT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=../../tools/lib/setup.sh
source "$HT_ROOT/tools/lib/setup.sh"

sudo=()
[ "$(id -u)" -ne 0 ] && sudo=(sudo)
fail() { echo "package test: $*" >&2; exit 1; }

deb="${1:-}"
if [ -z "$deb" ]; then deb="$("$HT_ROOT/tools/package.sh" | tail -n1)"; fi
[ -f "$deb" ] || fail "no package at '$deb'"
deb="$(realpath "$deb")"
ht_ensure_packages "${HT_PACKAGE_PACKAGES[@]}" xvfb xauth

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DEBIAN_FRONTEND=noninteractive
ht_log "Package $(basename "$deb"): $(du -k "$deb" | cut -f1) kB; depends: $(dpkg-deb -f "$deb" Depends)"
dpkg-query -W hamstring-trainer >/dev/null 2>&1 && "${sudo[@]}" apt-get remove -y -qq --purge hamstring-trainer >/dev/null

ht_log "Installing $deb"
cp "$deb" "$work/"
"${sudo[@]}" apt-get install -y -qq "$work/$(basename "$deb")" 2>&1 | grep -v "^debconf" | tail -n 3
dpkg-query -L hamstring-trainer > "$work/installed.txt"
app="$(command -v hamstring-trainer)" || fail "hamstring-trainer is not on PATH after installing"
[ "$app" = /usr/bin/hamstring-trainer ] || fail "installed at $app, expected /usr/bin/hamstring-trainer"

ht_log "Validating the desktop entry, metainfo and man page"
desktop-file-validate /usr/share/applications/org.hamstringtrainer.HamstringTrainer.desktop
appstreamcli validate --no-net /usr/share/metainfo/org.hamstringtrainer.HamstringTrainer.metainfo.xml
man_warnings="$(MANWIDTH=80 man --warnings -l /usr/share/man/man1/hamstring-trainer.1.gz 2>&1 >/dev/null || true)"
[ -z "$man_warnings" ] || fail "man page warnings: $man_warnings"
for size in 16 32 48 256; do
  [ -f "/usr/share/icons/hicolor/${size}x${size}/apps/hamstring-trainer.png" ] || fail "no ${size}px icon"
done

ht_log "Running the installed app from $work/elsewhere"
mkdir -p "$work/elsewhere" "$work/config"
cd "$work/elsewhere"
export SDL_VIDEODRIVER=offscreen XDG_CONFIG_HOME="$work/config"
unset HT_DATA_DIR HT_CONFIG_DIR
hamstring-trainer --headless --size 640x360 --frames 5 --screenshot shot.png
python3 - shot.png <<'PY'
import struct, sys, zlib
# Decodes the 8-bit RGB(A) PNG the app writes and counts distinct colours: a model on a backdrop
# has thousands, a failed render one or two.
data = open(sys.argv[1], "rb").read()
width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
chunks, i = b"", 8
while i < len(data):
    length, kind = struct.unpack(">I4s", data[i:i + 8])
    if kind == b"IDAT":
        chunks += data[i + 8:i + 8 + length]
    i += 12 + length
raw = zlib.decompress(chunks)
channels = {2: 3, 6: 4}[colour]
stride = width * channels
rows, previous = [], bytearray(stride)
for y in range(height):
    filter_type, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for x in range(stride):
        a = line[x - channels] if x >= channels else 0
        b, c = previous[x], previous[x - channels] if x >= channels else 0
        if filter_type == 1: line[x] = (line[x] + a) & 255
        elif filter_type == 2: line[x] = (line[x] + b) & 255
        elif filter_type == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif filter_type == 4:
            p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(bytes(line)); previous = line
colours = {row[x:x + 3] for row in rows[::4] for x in range(0, stride, channels * 4)}
print(f"screenshot {width}x{height}, {len(colours)} distinct colours in a sample")
sys.exit(0 if len(colours) > 200 else 1)
PY
hamstring-trainer --check-lessons > check.txt || fail "--check-lessons failed: $(cat check.txt)"
hamstring-trainer --export-lesson relief_seated_floor_stretch handout >/dev/null
python3 "$HT_ROOT/tests/package/check_handout_pdf.py" handout "$work/handout.pdf"
# A second of a lesson video: the installed app finds its encoder module and FFmpeg's libraries.
hamstring-trainer --export-lesson-video relief_seated_floor_stretch clip.mp4 --video-seconds 1 --size 320x180 \
  --quality low >/dev/null 2>video.txt || fail "--export-lesson-video failed: $(cat video.txt)"
[ -s clip.mp4 ] && [ -s clip.vtt ] || fail "--export-lesson-video left no clip.mp4 and clip.vtt"
# A model of the user's own: the import process finds the installed assimp module (an
# installed program never loads one from a build folder) and assimp, which the package depends on.
grep -qx /usr/lib/hamstring-trainer/ht_assets_assimp.so "$work/installed.txt" \
  || fail "the package does not install /usr/lib/hamstring-trainer/ht_assets_assimp.so"
dpkg-deb -f "$deb" Depends | grep -q libassimp || fail "the package does not depend on libassimp"
cp /usr/share/hamstring-trainer/assets/hamstring_trainer.glb own.glb
hamstring-trainer --headless --model own.glb --no-overlay --size 320x180 --screenshot own.png >/dev/null 2>own.txt \
  || fail "--model failed: $(cat own.txt)"
[ -s own.png ] || fail "--model left no own.png"

ht_log "Upgrading: progress in the settings must survive"
# A windowed run (under Xvfb) saves settings at exit, as a user's session does.
SDL_VIDEODRIVER=x11 xvfb-run -a -s "-screen 0 1280x720x24" \
  hamstring-trainer --frames 3 --lesson relief_seated_floor_stretch --step 2 >/dev/null 2>&1
settings="$XDG_CONFIG_HOME/hamstring-trainer/settings.toml"
[ -f "$settings" ] || fail "the app wrote no settings at $settings"
grep -q "^\[lessons.'relief_seated_floor_stretch'\]" "$settings" || fail "no lesson progress in $settings"
cp "$settings" "$work/settings.before"
version="$(dpkg-deb -f "$deb" Version)"
dpkg-deb -R "$deb" "$work/unpacked"
sed -i "s/^Version: .*/Version: ${version}+upgrade1/" "$work/unpacked/DEBIAN/control"
dpkg-deb --build --root-owner-group "$work/unpacked" "$work/newer.deb" >/dev/null
"${sudo[@]}" apt-get install -y -qq "$work/newer.deb" 2>&1 | grep -v "^debconf" | tail -n 2
[ "$(dpkg-query -W -f='${Version}' hamstring-trainer)" = "${version}+upgrade1" ] || fail "the upgrade did not install"
cmp -s "$settings" "$work/settings.before" || fail "the upgrade changed $settings"
# The upgraded app resumes the lesson at the step where it was left (0-based 1: the second).
SDL_VIDEODRIVER=x11 xvfb-run -a -s "-screen 0 1280x720x24" \
  hamstring-trainer --frames 3 --lesson relief_seated_floor_stretch --report "$work/report.json" >/dev/null 2>&1
python3 - "$work/report.json" <<'PY'
import json, sys
lesson = json.load(open(sys.argv[1]))["lesson"]
assert lesson["id"] == "relief_seated_floor_stretch" and lesson["step"] == 1, f"progress not resumed: {lesson}"
PY
grep -q "^last_step = 1" "$settings" || fail "lesson progress lost from $settings after the upgrade"

ht_log "Removing the package"
cd "$work"
"${sudo[@]}" apt-get remove -y -qq --purge hamstring-trainer 2>&1 | tail -n 1
left=0
while IFS= read -r path; do
  if [ -f "$path" ] || [ -L "$path" ]; then echo "left after removal: $path" >&2; left=1; fi
done < "$work/installed.txt"
[ ! -e /usr/share/hamstring-trainer ] || { echo "left after removal: /usr/share/hamstring-trainer" >&2; left=1; }
[ "$left" -eq 0 ] || fail "files were left after removal"
[ -f "$settings" ] || fail "removing the package removed the user's settings"
ht_log "Package test passed: $(wc -l < "$work/installed.txt") paths installed and removed"
