"""load_ledger never raises on bad data: every problem is a diagnostic with file and line."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from houqin.errors import InputError
from houqin.ledger.load import load_ledger
from houqin.models.records import Asset, Reimbursement
from tests.conftest import BUNDLED, GOOD_ASSET, GOOD_EXPENSE


def codes(root: Path) -> list[tuple[str, str, int]]:
    return [(d.code, d.file, d.line) for d in load_ledger(root).diagnostics]


def test_loads_records_with_sources(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/assets.yaml": GOOD_ASSET, "2026/expenses.yaml": GOOD_EXPENSE})
    result = load_ledger(root)
    assert result.diagnostics == ()
    (asset,) = result.ledger.records(Asset)
    assert isinstance(asset, Asset)
    assert asset.unit_price == Decimal("4999.00")
    assert asset.source == ("2026/assets.yaml", 1)
    (claim,) = result.ledger.records(Reimbursement)
    assert isinstance(claim, Reimbursement)
    assert [a.line for a in claim.approvals] == [10, 11, 12]
    assert claim.invoices[0].line == 8


def test_records_are_frozen(ledger_dir: Callable[..., Path]) -> None:
    (asset,) = load_ledger(ledger_dir({"2026/assets.yaml": GOOD_ASSET})).ledger.records(Asset)
    with pytest.raises(Exception, match="frozen"):
        asset.id = "ZC-2026-9999"  # type: ignore[misc]
    assert isinstance(asset.approvals, tuple)


def test_gb18030_file_is_named(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir()
    (root / "2026").mkdir(exist_ok=True)
    (root / "2026/assets.yaml").write_bytes("- id: ZC-2026-0001\n  name: 电脑\n".encode("gb18030"))
    (d,) = load_ledger(root).diagnostics
    assert (d.code, d.file, d.line) == ("YAML006", "2026/assets.yaml", 2)
    assert d.message("zh") == "文件不是 UTF-8 编码（疑似 GB18030）"
    assert "iconv -f GB18030 -t UTF-8" in d.hint("zh")


def test_utf8_bom_is_accepted(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir()
    (root / "2026").mkdir(exist_ok=True)
    (root / "2026/assets.yaml").write_bytes(b"\xef\xbb\xbf" + GOOD_ASSET.encode())
    assert load_ledger(root).diagnostics == ()


def test_huge_integer(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/assets.yaml": GOOD_ASSET + "  quantity: " + "9" * 5000 + "\n"})
    assert codes(root) == [("YAML007", "2026/assets.yaml", 9)]


def test_catalog_must_be_a_mapping(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"catalog.yaml": "- a\n- b\n"})
    assert codes(root) == [("YAML008", "catalog.yaml", 1)]


def test_nul_byte(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/assets.yaml": GOOD_ASSET.replace("台式电脑", "台式\0电脑")})
    assert codes(root) == [("YAML001", "2026/assets.yaml", 3)]


def test_bad_config_still_loads_the_rest(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir(
        {
            "houqin.yaml": "school: {name: 测试小学}\npolicy: {invoice_max_age_days: soon}\n",
            "2026/assets.yaml": GOOD_ASSET,
        }
    )
    result = load_ledger(root)
    assert [(d.code, d.file, d.line) for d in result.diagnostics] == [("SCH001", "houqin.yaml", 2)]
    assert len(result.ledger.records(Asset)) == 1


def test_not_a_ledger(tmp_path: Path) -> None:
    with pytest.raises(InputError) as err:
        load_ledger(tmp_path)
    assert err.value.key == "not_a_ledger"


def test_empty_record_file_is_fine(ledger_dir: Callable[..., Path]) -> None:
    assert codes(ledger_dir({"2026/assets.yaml": "# nothing yet\n"})) == []


def test_bundled_ledger_loads_clean() -> None:
    result = load_ledger(BUNDLED)
    assert result.diagnostics == ()
    assert len(result.ledger.people) >= 40
    assert len(result.ledger.places) == 30
    assert len(result.ledger.records(Asset)) >= 290
