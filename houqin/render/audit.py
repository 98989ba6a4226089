"""The audit pack on disk: one workbook with a sheet per table, a printable HTML index holding every
table, and MANIFEST.sha256 — the digest of the pack is the SHA-256 of that manifest."""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

from houqin.ledger.save import atomic_write
from houqin.render.spreadsheet import neutral_row, save_workbook
from houqin.reports.audit import AuditPack, bilingual, chinese

CSS = """
@page { size: A4 landscape; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 9pt; }
h1 { text-align: center; font-size: 15pt; } h2 { font-size: 11pt; margin-top: 6mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #888; padding: 0.8mm 1.5mm; }
th { background: #eef; } td.n { text-align: right; } .digest { font-family: monospace; word-break: break-all; }
"""


def write_pack(pack: AuditPack, out: Path) -> str:
    """Write the pack into `out`; returns its digest."""
    from openpyxl.styles import Font

    from houqin.render.spreadsheet import empty_workbook

    out.mkdir(parents=True, exist_ok=True)
    name = chinese("workbook", term=pack.term.id)
    wb = empty_workbook()
    for table in pack.tables:
        ws = wb.create_sheet(table.key[:31])
        ws.append([table.title])
        ws.cell(1, 1).font = Font(bold=True, size=12)
        ws.append(list(table.columns))
        for row in table.rows:
            ws.append(neutral_row(row))
    workbook = out / f"{name}.xlsx"
    save_workbook(wb, workbook)
    files = [workbook]
    manifest_lines = [f"{_sha(p)}  {p.name}" for p in files]
    index = out / "index.html"
    atomic_write(index, _index(pack, name, manifest_lines).encode("utf-8"))
    manifest_lines.append(f"{_sha(index)}  {index.name}")
    manifest = out / "MANIFEST.sha256"
    atomic_write(manifest, ("\n".join(manifest_lines) + "\n").encode("utf-8"))
    return _sha(manifest)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _index(pack: AuditPack, name: str, manifest: list[str]) -> str:
    esc = html.escape
    parts = [
        f"<h1>{chinese('title', school=esc(pack.school), term=esc(pack.term.id))}</h1>",
        "<p>"
        + chinese(
            "intro",
            start=pack.term.start,
            end=pack.term.end,
            until=pack.until,
            findings=pack.findings,
            workbook=f"<a href='{esc(name)}.xlsx'>{esc(name)}.xlsx</a>",
        )
        + "</p>",
        f"<h2>{esc(bilingual('contents'))}</h2><ol>"
        + "".join(
            f"<li><a href='#{t.key}'>{esc(t.title)}</a>{chinese('rows', rows=len(t.rows))}</li>" for t in pack.tables
        )
        + "</ol>",
    ]
    for t in pack.tables:
        head = "".join(f"<th>{esc(c)}</th>" for c in t.columns)
        body = (
            "".join(
                "<tr>"
                + "".join(
                    f"<td class='n'>{c:,.2f}</td>"
                    if isinstance(c, float)
                    else f"<td>{esc('' if c is None else str(c))}</td>"
                    for c in row
                )
                + "</tr>"
                for row in t.rows
            )
            or f"<tr><td colspan='{len(t.columns)}'>{esc(bilingual('none'))}</td></tr>"
        )
        parts.append(
            f"<h2 id='{t.key}'>{esc(t.title)}</h2><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        )
    parts.append(f"<h2>{esc(bilingual('digests'))}</h2><pre class='digest'>" + esc("\n".join(manifest)) + "</pre>")
    parts.append(f"<p>{chinese('signatures')}</p>")
    return f"<!doctype html><html lang='zh'><head><meta charset='utf-8'><title>{esc(name)}</title><style>{CSS}</style></head><body>{''.join(parts)}</body></html>\n"
