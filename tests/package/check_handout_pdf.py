#!/usr/bin/env python3
"""Prints a lesson handout (handout.html from --export-lesson) to PDF on A4 with headless
Chromium, then checks the printed pages with poppler's tools, not with the code that wrote the
page: the pages are A4, every step's image is in the PDF at the size it was rendered, and no
image or step (its heading, image and last words) is cut across two pages.

    check_handout_pdf.py HANDOUT_DIR [PDF_OUT]
Exits 0 when all holds, 1 with one line per problem otherwise."""
import html.parser
import pathlib
import re
import struct
import subprocess
import sys
import tempfile


class Sections(html.parser.HTMLParser):
    """Each <section>: its heading text, its image file and all its text."""

    def __init__(self):
        super().__init__()
        self.sections, self.current, self.in_heading = [], None, False

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.current = {"heading": "", "image": None, "text": ""}
            self.sections.append(self.current)
        elif self.current is not None and tag == "h2":
            self.in_heading = True
        elif self.current is not None and tag == "img":
            self.current["image"] = dict(attrs).get("src")

    def handle_endtag(self, tag):
        if tag == "h2":
            self.in_heading = False
        elif tag == "section":
            self.current = None

    def handle_data(self, data):
        if self.current is None:
            return
        if self.in_heading:
            self.current["heading"] += data
        self.current["text"] += " " + data


def words(text):
    return re.findall(r"[A-Za-z0-9%]+", text)


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    return struct.unpack(">II", head[16:24])


def run(*command):
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def main():
    folder = pathlib.Path(sys.argv[1]).resolve()
    page = folder / "handout.html"
    pdf = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else pathlib.Path(tempfile.mkdtemp()) / "handout.pdf"
    parser = Sections()
    parser.feed(page.read_text(encoding="utf-8"))
    sections = parser.sections
    problems = []
    if not sections:
        problems.append(f"{page}: no steps (<section>) in the handout")

    profile = tempfile.mkdtemp()
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    f"--user-data-dir={profile}", "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
                    f"--print-to-pdf={pdf}", page.as_uri()],
                   check=True, capture_output=True, timeout=180)

    info = run("pdfinfo", str(pdf))
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    width_pt, height_pt = float(size.group(1)), float(size.group(2))
    if abs(width_pt - 595.28) > 2 or abs(height_pt - 841.89) > 2:
        problems.append(f"{pdf}: pages are {width_pt:.0f} x {height_pt:.0f} pt, not A4 (595 x 842)")

    # Where each image object is drawn: a cut image is drawn on two pages.
    image_pages = {}
    image_sizes = {}
    for line in run("pdfimages", "-list", str(pdf)).splitlines()[2:]:
        cells = line.split()
        if len(cells) < 12 or cells[2] == "smask":
            continue
        page_number, width, height, object_id = int(cells[0]), int(cells[3]), int(cells[4]), cells[10]
        image_pages.setdefault(object_id, set()).add(page_number)
        image_sizes[object_id] = (width, height)

    page_text = [" ".join(words(run("pdftotext", "-f", str(p), "-l", str(p), str(pdf), "-"))) for p in range(1, pages + 1)]

    def pages_holding(text):
        needle = " ".join(words(text))
        return [i + 1 for i, t in enumerate(page_text) if needle and needle in t]

    expected_images = []
    for number, section in enumerate(sections, start=1):
        heading = section["heading"].strip()
        heading_pages = pages_holding(heading)
        tail = " ".join(words(section["text"])[-5:])
        tail_pages = pages_holding(tail)
        if len(heading_pages) != 1:
            problems.append(f"step {number} '{heading}': heading found on pages {heading_pages or 'none'}")
            continue
        if heading_pages[0] not in tail_pages:
            problems.append(f"step {number} '{heading}': starts on page {heading_pages[0]} but its last words "
                            f"('{tail}') are on page(s) {tail_pages or 'none'}: the step is cut across pages")
        if section["image"]:
            picture = folder / section["image"]
            if not picture.is_file():
                problems.append(f"step {number}: image {picture} is missing")
            else:
                expected_images.append((number, heading_pages[0], png_size(picture)))

    drawn = sorted(image_pages.items(), key=lambda item: min(item[1]))
    for object_id, on_pages in drawn:
        if len(on_pages) > 1:
            problems.append(f"image object {object_id} is drawn on pages {sorted(on_pages)}: cut across pages")
    if len(drawn) != len(expected_images):
        problems.append(f"{len(expected_images)} step images in the handout but {len(drawn)} in the PDF "
                        "(an image that did not load is not printed)")
    else:
        for (number, page_number, size_px), (object_id, on_pages) in zip(expected_images, drawn):
            if image_sizes[object_id] != size_px:
                problems.append(f"step {number}: the printed image is {image_sizes[object_id]}, the file {size_px}")
            if min(on_pages) != page_number:
                problems.append(f"step {number}: image on page {min(on_pages)}, heading on page {page_number}")

    for problem in problems:
        print(f"handout: {problem}", file=sys.stderr)
    print(f"handout: {len(sections)} steps, {len(drawn)} images, {pages} A4 pages, {len(problems)} problems -> {pdf}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
