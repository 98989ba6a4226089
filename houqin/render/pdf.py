"""HTML to PDF, with the Chinese font embedded (docs/paper.md).

WeasyPrint lays the page out; every character is set in one CJK font, Noto Sans CJK SC (Debian's
fonts-noto-cjk, installed by scripts/test-tools.sh), embedded and subset in the PDF. A character that
font lacks is refused before anything is written — a form whose payee prints as an empty box is worse
than no form — and so is a missing font: a clear message, exit 2, no file.
"""

from __future__ import annotations

import html
import os
import re
from functools import cache
from pathlib import Path

from houqin.errors import UsageError
from houqin.ledger.save import atomic_write

FONT_FAMILY = "Noto Sans CJK SC"
FONT_FILES = ("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "NotoSansSC-Regular.otf")
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
# Every element in the one font: the HTML reports name fallbacks for browsers (Microsoft YaHei…),
# which a PDF must not silently pick from whatever the machine has.
PDF_CSS = f'* {{ font-family: "{FONT_FAMILY}" !important; }}'
_TAG = re.compile(r"<(script|style)\b.*?</\1>|<svg\b.*?</svg>|<[^>]+>", re.S | re.I)


def font_file() -> Path:
    """The CJK font's file: $HOUQIN_CJK_FONT, else the first of FONT_FILES under FONT_DIRS."""
    named = os.environ.get("HOUQIN_CJK_FONT")
    if named:
        path = Path(named).expanduser()
        if path.is_file():
            return path
        raise UsageError("font_missing", font=FONT_FAMILY, path=named)
    for folder in FONT_DIRS:
        root = Path(folder).expanduser()
        if not root.is_dir():
            continue
        for name in FONT_FILES:
            found = next(iter(sorted(root.rglob(name))), None)
            if found is not None:
                return found
    raise UsageError("font_missing", font=FONT_FAMILY, path=", ".join(FONT_DIRS))


@cache
def _covered(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    collection = path.suffix.lower() == ".ttc"
    for number in range(12 if collection else 1):
        font = TTFont(str(path), fontNumber=number, lazy=True) if collection else TTFont(str(path), lazy=True)
        if not collection or FONT_FAMILY in str(font["name"].getDebugName(1)):
            return frozenset(font.getBestCmap())
    raise UsageError("font_missing", font=FONT_FAMILY, path=str(path))


def missing_glyphs(text: str, path: Path) -> list[str]:
    """The characters of `text` the font cannot draw (white space aside), each once, in order."""
    covered = _covered(path)
    return list(dict.fromkeys(ch for ch in text if not ch.isspace() and ord(ch) not in covered))


def visible_text(page: str) -> str:
    """The text a page shows: its markup, styles and drawings (QR codes) left out."""
    return html.unescape(_TAG.sub(" ", page))


def pdf_bytes(page: str) -> bytes:
    """The PDF of an HTML page, every glyph from the embedded CJK font, or a UsageError naming the
    characters it lacks (exit 2)."""
    path = font_file()
    missing = missing_glyphs(visible_text(page), path)
    if missing:
        shown = " ".join(f"{ch}(U+{ord(ch):04X})" for ch in missing[:10])
        raise UsageError("glyph_missing", font=FONT_FAMILY, chars=shown)
    from weasyprint import CSS, HTML

    document = HTML(string=page, base_url=str(Path.cwd())).render(stylesheets=[CSS(string=PDF_CSS)])
    data: bytes = document.write_pdf()
    return data


def write_pdf(page: str, path: Path) -> None:
    """Render first, then write atomically: a refused page leaves no file at all."""
    atomic_write(path, pdf_bytes(page))


def write_html(page: str, path: Path) -> None:
    atomic_write(path, page.encode("utf-8"))


def write_page(page: str, path: Path) -> None:
    """A page as PDF or HTML, by the name it is written to (.pdf, else HTML)."""
    if path.suffix.lower() == ".pdf":
        write_pdf(page, path)
    else:
        write_html(page, path)
