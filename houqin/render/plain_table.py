"""A long table drawn straight to the console, in Rich's default box (a heavy head, a footer), for
registers of thousands of rows: Rich measures and wraps every cell of every row (5,000 assets took
4–19 s); this measures each cell once and writes the lines in one go. Cells are never wrapped: a
terminal too narrow for the register wraps the lines itself, as a printed register would need."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console

LONG = 200  # rows above which a register is drawn by this module


def _line(left: str, fill: str, mid: str, right: str, widths: Sequence[int]) -> str:
    return left + mid.join(fill * (w + 2) for w in widths) + right


def _row(cells: Sequence[str], widths: Sequence[int], right: Sequence[bool], bar: str) -> str:
    parts = []
    for text, width, flush in zip(cells, widths, right, strict=True):
        pad = " " * (width - cell_len(text))
        parts.append(f" {pad}{text} " if flush else f" {text}{pad} ")
    return bar + bar.join(parts) + bar


def print_long_table(
    out: Console,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    footer: Sequence[str],
    right: Sequence[bool],
) -> None:
    widths = [max(cell_len(h), cell_len(f)) for h, f in zip(headers, footer, strict=True)]
    for cells in rows:
        for i, text in enumerate(cells):
            n = cell_len(text)
            if n > widths[i]:
                widths[i] = n
    lines = [
        title,
        _line("┏", "━", "┳", "┓", widths),
        _row(headers, widths, right, "┃"),
        _line("┡", "━", "╇", "┩", widths),
        *(_row(cells, widths, right, "│") for cells in rows),
        _line("├", "─", "┼", "┤", widths),
        _row(footer, widths, right, "│"),
        _line("└", "─", "┴", "┘", widths),
    ]
    out.file.write("\n".join(lines) + "\n")
    out.file.flush()
