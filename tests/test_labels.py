"""Labels per unit (issue #17, item 3): each unit of a lot has its own label id (ZC-2026-0001-03), taken
wherever the lot's id is; A4 sticker sheets (3x8, 2x7, 4x10 …, policy or --layout) with an offset for a
partly used sheet and copies; a scanning count counts units."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from houqin.cli.app import app
from houqin.ledger.load import load_ledger
from houqin.models.counting import CountRow
from houqin.models.labels import LAYOUTS, sheet_layout
from houqin.reports.inventory import reconcile
from houqin.services.lookup import resolve_unit, unit_label
from tests.conftest import GOOD_ASSET, write_ledger

runner = CliRunner()
LOT = GOOD_ASSET.replace("  unit_price:", "  quantity: 20\n  unit_price:")


def run(root: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--ledger", str(root), *args])
    return result.exit_code, result.output


def label_ids(page: str) -> list[str]:
    return re.findall(r'<div class="id">([^<]+)</div>', page)


def test_a_unit_label_names_its_lot() -> None:
    assert resolve_unit("ZC-2026-0001-03") == ("ZC-2026-0001", 3)
    assert resolve_unit("houqin:zc-2026-0001-03\n") == ("ZC-2026-0001", 3)
    assert resolve_unit("ZC-2026-0001") == ("ZC-2026-0001", None)
    assert resolve_unit("ZC-2026-0001-3")[1] is None  # not a unit label: two digits at least
    assert unit_label("ZC-2026-0001", 3, 20) == "ZC-2026-0001-03"
    assert unit_label("ZC-2026-0005", 7, 911) == "ZC-2026-0005-007"


def test_a_lot_of_20_gets_20_labels(tmp_path: Path) -> None:
    root = write_ledger(tmp_path / "l", {"2026/assets.yaml": LOT})
    out = tmp_path / "labels.html"
    code, text = run(root, "asset", "label", "ZC-2026-0001", "--out", str(out))
    assert code == 0, text
    assert label_ids(out.read_text(encoding="utf-8")) == [f"ZC-2026-0001-{n:02d}" for n in range(1, 21)]
    assert "20 个标签（1 张标签纸）" in text
    assert run(root, "asset", "label", "ZC-2026-0001", "--lot", "--out", str(out))[0] == 0
    assert label_ids(out.read_text(encoding="utf-8")) == ["ZC-2026-0001"]
    assert run(root, "asset", "label", "ZC-2026-0001-07", "--copies", "3", "--out", str(out))[0] == 0
    assert label_ids(out.read_text(encoding="utf-8")) == ["ZC-2026-0001-07"] * 3


def test_a_unit_label_is_taken_where_the_lots_id_is(tmp_path: Path) -> None:
    root = write_ledger(tmp_path / "l", {"2026/assets.yaml": LOT})
    code, out = run(root, "asset", "show", "ZC-2026-0001-03", "--format", "json", "--at", "2026-11-24")
    assert code == 0 and json.loads(out)["asset"]["id"] == "ZC-2026-0001"
    code, out = run(root, "asset", "show", "ZC-2026-0001-21")
    assert code == 2 and "只有 20 件" in out
    code, out = run(
        root,
        "asset",
        "move",
        "ZC-2026-0001-03",
        "-q",
        "2",
        "--to-place",
        "JX-101",
        "--to-keeper",
        "张老师",
        "--no-commit",
    )
    assert code == 2 and "-q 2" in out


def test_moving_lending_and_scrapping_one_unit(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/assets.yaml": LOT})
    code, out = run(
        root,
        "asset",
        "move",
        "ZC-2026-0001-03",
        "--to-place",
        "JX-101",
        "--to-keeper",
        "张老师",
        "--date",
        "2026-03-10",
    )
    assert code == 0, out
    moves = (root / "2026/moves.yaml").read_text(encoding="utf-8")
    assert "asset: ZC-2026-0001\n  quantity: 1\n" in moves
    code, out = run(
        root,
        "asset",
        "loan",
        "ZC-2026-0001-05",
        "--to",
        "张老师",
        "--due",
        "2026-03-20",
        "--approved-by",
        "李主任",
        "--date",
        "2026-03-11",
    )
    assert code == 0, out
    loans = (root / "2026/loans.yaml").read_text(encoding="utf-8")
    assert "asset: ZC-2026-0001\n" in loans and "quantity:" not in loans  # one, the default
    code, out = run(root, "asset", "scrap", "ZC-2026-0001-09", "--reason", "主板损坏", "--date", "2026-03-12")
    assert code == 0, out
    assert "asset: ZC-2026-0001\n  type: scrap\n  quantity: 1\n" in (root / "2026/disposals.yaml").read_text(
        encoding="utf-8"
    )


def test_a_scanning_count_counts_units(tmp_path: Path) -> None:
    root = write_ledger(tmp_path / "l", {"2026/assets.yaml": LOT})
    ledger = load_ledger(root).ledger
    scanned = [f"ZC-2026-0001-{n:02d}" for n in range(1, 20)] + [
        "ZC-2026-0001-04",
        "zc-2026-0001-04",
    ]  # 19 units, one thrice
    rows = [CountRow("scan.txt", n, "SY-301", text) for n, text in enumerate(scanned, 1)]
    result = reconcile(ledger, rows, dt.date(2026, 7, 8), ["SY-301"])
    (short,) = result.of_kind("short")
    assert short.id == "ZC-2026-0001" and short.book == 20 and short.counted == Decimal(19)
    rows.append(CountRow("scan.txt", 99, "SY-301", "ZC-2026-0001-20"))
    assert reconcile(ledger, rows, dt.date(2026, 7, 8), ["SY-301"]).differences == []


def test_sheet_layouts_fit_a4_and_place_each_label() -> None:
    assert all(layout.fits() for layout in LAYOUTS.values())
    assert {name: layout.per_sheet for name, layout in LAYOUTS.items()} == {"3x8": 24, "2x7": 14, "4x10": 40, "2x5": 10}
    three = LAYOUTS["3x8"]
    assert three.position(0) == (0.0, 0.5) and three.position(4) == (70.0, 37.5) and three.position(24) == (0.0, 0.5)
    grid = sheet_layout("5x12")
    assert grid is not None and grid.fits() and grid.per_sheet == 60
    too_small = sheet_layout("12x40")
    assert too_small is not None and not too_small.fits()
    assert sheet_layout("big") is None


def test_offset_layout_and_policy(tmp_path: Path) -> None:
    config = "schema: 1\nschool:\n  name: 测试小学\npolicy:\n  label_layout: 4x10\n"
    root = write_ledger(tmp_path / "l", {"2026/assets.yaml": LOT, "houqin.yaml": config})
    out = tmp_path / "labels.html"
    code, text = run(root, "asset", "label", "ZC-2026-0001", "--offset", "30", "--out", str(out))
    assert code == 0, text
    page = out.read_text(encoding="utf-8")
    assert page.count('<div class="page">') == 2  # 30 used + 20 > 40
    first = LAYOUTS["4x10"].position(30)
    assert f"left:{first[0]:.2f}mm;top:{first[1]:.2f}mm;width:48.5mm" in page
    assert "2 张标签纸" in text


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--layout", "12x40"), "放不进 A4"),
        (("--layout", "big"), "没有“big”这种标签纸"),
        (("--offset", "24"), "--offset 24"),
    ],
)
def test_bad_label_input_is_refused_and_nothing_written(tmp_path: Path, args: tuple[str, ...], said: str) -> None:
    root = write_ledger(tmp_path / "l", {"2026/assets.yaml": LOT})
    out = tmp_path / "labels.pdf"
    code, text = run(root, "asset", "label", "ZC-2026-0001", *args, "--out", str(out))
    assert code == 2 and said in text
    assert not out.exists()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (scripts/test-tools.sh)")
def test_a_label_sheet_as_pdf(tmp_path: Path) -> None:
    root = write_ledger(tmp_path / "l", {"2026/assets.yaml": LOT})
    out = tmp_path / "labels.pdf"
    assert run(root, "asset", "label", "ZC-2026-0001", "--layout", "2x7", "--out", str(out))[0] == 0
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "ZC-2026-0001-01" in text and "ZC-2026-0001-20" in text and "台式电脑" in text and "测试小学" in text
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+2\b", info)  # 20 labels, 14 a sheet
