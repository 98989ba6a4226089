"""A sheet of asset labels (reports/labels.py) as A4 pages, each label where the sticker sheet has it:
the school, the label's id, the name, the place and a QR code of the id. HTML or PDF (render/pdf.py)."""

from __future__ import annotations

import html
from pathlib import Path

from houqin.reports.labels import LabelSheet

SHEET_CSS = """
@page { size: A4; margin: 0; }
body { margin: 0; font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
.page { position: relative; width: 210mm; height: 297mm; page-break-after: always; overflow: hidden; }
.page:last-child { page-break-after: auto; }
.label { position: absolute; box-sizing: border-box; padding: 1.5mm; }
.label svg { position: absolute; left: 1.5mm; top: 1.5mm; }
.text { font-size: 7.5pt; line-height: 1.3; }
.school { font-weight: bold; font-size: 6.5pt; }
.id { font-weight: bold; font-size: 7.5pt; word-break: break-all; }
"""


def _qr(text: str, size: float) -> str:
    import segno

    svg: str = segno.make(text, error="m").svg_inline(border=1, omitsize=True)
    return svg.replace("<svg ", f'<svg style="width:{size:.1f}mm;height:{size:.1f}mm" ', 1)


def label_sheet_html(sheet: LabelSheet) -> str:
    e = html.escape
    layout = sheet.layout
    size = min(layout.height - 3.0, layout.width * 0.38)
    indent = size + 1.5  # the text beside the QR code (plain blocks: WeasyPrint lays out flex boxes slowly)
    cells = [""] * (sheet.offset + len(sheet.labels))
    for i, label in enumerate(sheet.labels, start=sheet.offset):
        left, top = layout.position(i)
        cells[i] = (
            f'<div class="label" style="left:{left:.2f}mm;top:{top:.2f}mm;width:{layout.width}mm;'
            f'height:{layout.height}mm">{_qr(label.id, size)}<div class="text" style="margin-left:{indent:.1f}mm">'
            f'<div class="school">'
            f'{e(sheet.school)}</div><div class="id">{e(label.id)}</div><div>{e(label.name)}</div>'
            f"<div>{e(label.place)}</div></div></div>"
        )
    pages = []
    for start in range(0, max(len(cells), 1), layout.per_sheet):
        pages.append(f'<div class="page">{"".join(cells[start : start + layout.per_sheet])}</div>')
    return (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>资产标签</title>'
        f"<style>{SHEET_CSS}</style></head><body>{''.join(pages)}</body></html>\n"
    )


def write_label_sheet(sheet: LabelSheet, path: Path) -> None:
    """PDF when `path` ends in .pdf, else HTML; nothing written when it cannot be."""
    from houqin.render.pdf import write_page

    write_page(label_sheet_html(sheet), path)
