#!/usr/bin/python3
# Used by scripts/check-fresh: fails unless FILE is a real picture — a PNG that decodes, is at least
# MIN_WIDTH pixels wide and is not blank (many colours), or an SVG that parses as XML with an <svg>
# root, a size and text. Prints what it found.
#
# Usage: check-picture.py FILE [MIN_WIDTH]
import sys
import xml.etree.ElementTree as ET


def check_png(path, min_width):
    from PIL import Image  # python3-pil, a dependency of python3-matplotlib (scripts/setup)

    with Image.open(path) as image:
        image.load()
        if image.format != "PNG":
            sys.exit(f"{path}: not a PNG ({image.format})")
        width, height = image.size
        colours = image.convert("RGB").getcolors(maxcolors=1 << 24)
    if width < min_width or height < 100:
        sys.exit(f"{path}: {width}x{height}, smaller than expected (at least {min_width} wide)")
    if len(colours) < 16:
        sys.exit(f"{path}: only {len(colours)} colours: a blank picture")
    print(f"{path}: PNG {width}x{height}, {len(colours)} colours")


def check_svg(path):
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        sys.exit(f"{path}: not well-formed XML: {error}")
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        sys.exit(f"{path}: the root element is {root.tag}, not svg")
    texts = [t for t in root.iter("{http://www.w3.org/2000/svg}text") if "".join(t.itertext()).strip()]
    shapes = sum(1 for e in root.iter() if e.tag.split("}")[-1] in ("rect", "path", "line", "polyline"))
    if not root.get("width") or not root.get("height") or len(texts) < 3 or shapes < 3:
        sys.exit(f"{path}: an SVG without a size, text or shapes ({len(texts)} texts, {shapes} shapes)")
    print(f"{path}: SVG {root.get('width')}x{root.get('height')}, {len(texts)} texts, {shapes} shapes")


if len(sys.argv) not in (2, 3):
    sys.exit("usage: check-picture.py FILE [MIN_WIDTH]")
path = sys.argv[1]
with open(path, "rb") as f:
    head = f.read(8)
if head == b"\x89PNG\r\n\x1a\n":
    check_png(path, int(sys.argv[2]) if len(sys.argv) == 3 else 1)
elif path.endswith(".svg"):
    check_svg(path)
else:
    sys.exit(f"{path}: neither a PNG nor an SVG (starts with {head!r})")
