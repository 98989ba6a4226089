"""A4 sticker sheets for asset labels (docs/paper.md): the common layouts by columns × rows, with their
label size, margins and gaps in millimetres, and a plain grid for any other COLSxROWS. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass

A4 = (210.0, 297.0)
MIN_LABEL = (25.0, 15.0)  # narrower or lower, the QR code and the id no longer fit (a scanner needs ~12 mm)
GRID = re.compile(r"^([1-9][0-9]?)[x×*]([1-9][0-9]?)$")


@dataclass(frozen=True)
class SheetLayout:
    name: str
    columns: int
    rows: int
    width: float  # one label, mm
    height: float
    left: float  # the sheet's margins, mm
    top: float
    gap_x: float = 0.0
    gap_y: float = 0.0

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    def fits(self) -> bool:
        """On A4, and each label big enough for a QR code and its id."""
        right = self.left + self.columns * self.width + (self.columns - 1) * self.gap_x
        bottom = self.top + self.rows * self.height + (self.rows - 1) * self.gap_y
        big = self.width >= MIN_LABEL[0] and self.height >= MIN_LABEL[1]
        return big and right <= A4[0] + 0.01 and bottom <= A4[1] + 0.01

    def position(self, index: int) -> tuple[float, float]:
        """The top-left corner (mm) of the label at `index` on its sheet, row by row."""
        row, column = divmod(index % self.per_sheet, self.columns)
        return self.left + column * (self.width + self.gap_x), self.top + row * (self.height + self.gap_y)


# The sheets sold for A4 printers in China and elsewhere (as their makers give them).
LAYOUTS: dict[str, SheetLayout] = {
    "3x8": SheetLayout("3x8", 3, 8, 70.0, 37.0, 0.0, 0.5),  # 24 per sheet, 70 × 37 mm, edge to edge
    "2x7": SheetLayout("2x7", 2, 7, 99.1, 38.1, 4.65, 15.15, gap_x=2.5),  # 14 per sheet, 99.1 × 38.1 mm
    "4x10": SheetLayout("4x10", 4, 10, 48.5, 25.4, 8.0, 21.5),  # 40 per sheet, 48.5 × 25.4 mm
    "2x5": SheetLayout("2x5", 2, 5, 99.1, 57.0, 4.65, 5.0, gap_x=2.5),  # 10 per sheet, large labels
}
MARGIN = 8.0  # a plain grid's margins, mm


def sheet_layout(name: str) -> SheetLayout | None:
    """A named layout, or a plain grid of COLSxROWS within 8 mm margins; None when `name` is neither."""
    known = LAYOUTS.get(name.strip().lower())
    if known is not None:
        return known
    found = GRID.match(name.strip().lower())
    if found is None:
        return None
    columns, rows = int(found.group(1)), int(found.group(2))
    width = (A4[0] - 2 * MARGIN) / columns
    height = (A4[1] - 2 * MARGIN) / rows
    return SheetLayout(f"{columns}x{rows}", columns, rows, round(width, 2), round(height, 2), MARGIN, MARGIN)
