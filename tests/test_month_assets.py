"""The month report's asset lines, now found from the ids and picked (941083d), answer as the code
they replaced did (8f8562a): only the cards dated in the month, and a disposal's card as find gives it."""

from __future__ import annotations

import shutil
from pathlib import Path

from houqin.ledger.load import load_ledger
from houqin.reports.finance import month_report
from tests.conftest import BUNDLED


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "ledger"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".houqin*", ".git"))
    return root


CARD = """\
- id: {rid}
  date: {day}
  name: {name}
  category: A04010000
  model: 各类
  unit: 册
  quantity: 3
  unit_price: "10.00"
  place: SY-103
  keeper: 曹芳
  funding: 财政拨款
"""


def test_a_copy_of_an_id_dated_in_another_month_is_not_acquired_in_this_one(tmp_path: Path) -> None:
    """ZC-2026-0005 is acquired 2026-10-12; a second card of that id (ID001) dated 2026-06-12 was
    listed among October's acquisitions too, the month found from one copy's day and every copy picked."""
    root = _copy(tmp_path)
    with (root / "2026/assets.yaml").open("a", encoding="utf-8") as f:
        f.write(CARD.format(rid="ZC-2026-0005", day="2026-06-12", name="复印的卡片"))
    ledger = load_ledger(root, use_cache=False).ledger
    added = month_report(ledger, "2026-10").assets_added
    assert [line for line in added if line.name == "复印的卡片"] == []
    assert [line.name for line in added if line.key == "ZC-2026-0005"] == ["图书（2026年采购）"]


def test_a_disposal_naming_a_card_by_another_kinds_prefix_names_no_card(tmp_path: Path) -> None:
    """find(JY-…, Asset) is None whatever the assets files hold (an asset written with a loan's id,
    ID002): the disposal of it was left out; picked by id, it was listed as a disposal."""
    root = _copy(tmp_path)
    with (root / "2026/assets.yaml").open("a", encoding="utf-8") as f:
        f.write(CARD.format(rid="JY-2026-0099", day="2026-06-12", name="前缀错的卡片"))
    text = (root / "2026/disposals.yaml").read_text(encoding="utf-8")
    block = text[text.index("- id: CZ-2026-0003") :]
    with (root / "2026/disposals.yaml").open("a", encoding="utf-8") as f:
        f.write(block.replace("CZ-2026-0003", "CZ-2026-0099").replace("ZC-2025-0001", "JY-2026-0099"))
    ledger = load_ledger(root, use_cache=False).ledger
    disposed = month_report(ledger, "2026-10").assets_disposed
    assert [line.key for line in disposed if line.key == "JY-2026-0099"] == []
    assert any(line.key == "ZC-2025-0001" for line in disposed)
