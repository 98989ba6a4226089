"""Printable registers (HTML, xlsx) and QR labels: the keeper's sheet to sign, the labels to stick."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from typer.testing import CliRunner

from houqin.cli.app import app
from tests.conftest import BUNDLED

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--ledger", str(BUNDLED), *args])
    return result.exit_code, result.output


def test_place_register_as_html(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    code, text = run("asset", "list", "--place", "JX-101", "--format", "html", "--out", str(out), "--at", "2026-11-24")
    assert code == 0, text
    page = out.read_text(encoding="utf-8")
    assert "<h1>青禾县实验小学</h1>" in page
    assert "一年级(1)班（JX-101）资产登记表（截至 2026-11-24，保管人：陈晓东）" in page
    assert "<td>ZC-2016-0001</td><td>学生课桌椅（单人）</td>" in page
    assert '<td class="num">38 套</td>' in page  # 5 of the 45 were moved to JX-102, 2 written off as lost in July
    assert (
        "合计：43，原值（元） 38,460.00，净值 6,921.44" in page
    )  # desks 3,783.11 + lectern 373.33 + bookcases 898.33 + whiteboard 1,866.67 (15 and 6 years, from the month bought)
    assert "保管人签字" in page and "@page { size: A4 landscape" in page


def test_place_register_as_xlsx(tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    code, text = run(
        "--lang",
        "en",
        "asset",
        "list",
        "--place",
        "JX-101",
        "--format",
        "xlsx",
        "--out",
        str(out),
        "--at",
        "2026-11-24",
    )
    assert code == 0, text
    ws = load_workbook(out).active
    assert ws is not None
    assert ws["A1"].value == "青禾县实验小学"
    assert [c.value for c in ws[3]][:4] == ["ID", "Name", "Model", "Quantity"]
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert rows[0][0] == "ZC-2016-0001" and rows[0][3] == 38
    total = next(r for r in rows if r[0] == "Total")
    assert total[3] == 43 and total[7] == 38460.0 and total[9] == 6921.44
    assert ws.page_setup.orientation == "landscape"


def test_labels_carry_a_qr_code_of_the_id(tmp_path: Path) -> None:
    import segno

    out = tmp_path / "labels.html"
    code, text = run("asset", "label", "ZC-2022-0013", "houqin:zc-2022-0014", "--out", str(out))
    assert code == 0, text
    page = out.read_text(encoding="utf-8")
    assert page.count('<div class="label" style=') == 2
    assert segno.make("ZC-2022-0013", error="m").svg_inline(border=1, omitsize=True).split(">", 1)[1] in page
    assert "<div>学生计算机</div><div>计算机教室（SY-301）</div>" in page
    code, text = run("asset", "label", "--out", str(out))
    assert code == 2 and "--place" in text


def test_labels_for_a_place(tmp_path: Path) -> None:
    out = tmp_path / "labels.html"
    assert run("asset", "label", "--place", "SY-202", "--lot", "--out", str(out))[0] == 0
    assert out.read_text(encoding="utf-8").count('<div class="label" style=') == 6  # a label per lot
    assert run("asset", "label", "--place", "SY-202", "--out", str(out))[0] == 0
    page = out.read_text(encoding="utf-8")
    assert page.count('<div class="label" style=') > 6  # one per unit of each lot (ZC-…-01, -02 …)
    assert '<div class="id">ZC-' in page and "-01</div>" in page
