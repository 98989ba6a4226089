"""Reading no more than a command needs (lazy closed years, the opening's head, per-file asset parts,
records picked by id): each answers as the eager code it replaced did (6448a27), found by review and
by comparing the two."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from houqin.ledger.load import load_ledger
from houqin.models.records import Asset
from houqin.services.checking import check_ledger
from tests.conftest import BUNDLED


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "ledger"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".houqin*", ".git"))
    return root


SECOND_PRINTER = """\
- id: ZC-2026-0001
  date: 2026-05-16
  name: 喷墨打印机
  category: A02020500
  model: Epson
  unit_price: "899.00"
  place: XZ-201
  keeper: 李明
  funding: 财政拨款
"""


def test_find_one_of_an_id_twice_in_one_file_is_finds_answer(tmp_path: Path) -> None:
    """An id written twice in one file (ID001): a command acted on the record find gives (the last of
    the kind, the one the replay's state is of); find_one took the first of the file instead, so
    `houqin asset show ZC-2026-0001` showed the other card than before, beside the later card's state."""
    root = _copy(tmp_path)
    with (root / "2026/assets.yaml").open("a", encoding="utf-8") as f:
        f.write(SECOND_PRINTER)
    ledger = load_ledger(root, use_cache=False).ledger
    found = ledger.find_one("ZC-2026-0001", Asset)
    assert found is not None
    assert found == ledger.record_by_id["ZC-2026-0001"] and found.name == "喷墨打印机"
    assert found.name == "喷墨打印机"


def test_find_one_in_a_file_view_finds_a_record_of_another_file(tmp_path: Path) -> None:
    """find_one looks the id up in the whole ledger (`lookup`) but took the file's records from the
    view's own file, and popped the file it had found, so the fallback to find never ran: None."""
    ledger = load_ledger(_copy(tmp_path), use_cache=False).ledger
    view = ledger.file_view("2026/assets.yaml", "assets", frozenset({"assets"}), frozenset({"assets"}), "check 'x'")
    assert view.find("ZC-2016-0001", Asset) is not None
    assert view.find_one("ZC-2016-0001", Asset) == view.find("ZC-2016-0001", Asset)
    assert view.find_one("ZC-2026-0001", Asset) == view.find("ZC-2026-0001", Asset)


def test_a_card_in_two_asset_files_gives_its_move_problem_once(tmp_path: Path) -> None:
    """ZC-2016-0001 in 2026/assets.carried.yaml and again in 2026/assets.yaml (ID001 says so): the
    move taking 500 of its 45 was one AST002 (the eager replay kept one state per id); each asset
    file's part replays its own copy with every move and finds the same AST002: said once."""
    root = _copy(tmp_path)
    carried = (root / "2026/assets.carried.yaml").read_text(encoding="utf-8")
    card = re.search(r"^- id: ZC-2016-0001\n(?:  .*\n)+", carried, re.M)
    assert card is not None
    with (root / "2026/assets.yaml").open("a", encoding="utf-8") as f:
        f.write(card.group(0))
    moves = root / "2026/moves.yaml"
    moves.write_text(moves.read_text(encoding="utf-8").replace("quantity: 5\n", "quantity: 500\n", 1), encoding="utf-8")
    found = [d for d in check_ledger(root, ["ids", "assets"], use_cache=False) if d.code in {"AST002", "ID001"}]
    assert [d.code for d in found if d.code == "ID001"] == ["ID001"]
    assert [d.record for d in found if d.code == "AST002"] == ["DB-2026-0001"]


def test_records_picked_by_id_are_those_of_the_whole_kind(tmp_path: Path) -> None:
    """Ledger.pick decodes only the rows of the ids asked for: the same records, in the kind's order,
    as filtering the kind built whole — from the cache, after a write's record is added, and read
    with every year."""
    from houqin.models.kinds import KINDS

    root = _copy(tmp_path)
    load_ledger(root)  # the cache filled
    for full in (False, True):
        lazy = load_ledger(root, full=full).ledger
        whole = load_ledger(root, full=full).ledger
        for kind in KINDS:
            ids = sorted(lazy.id_set(kind.name))
            wanted = set(ids[::3]) | {"ZC-2099-0001"}
            picked = lazy.pick(kind.model, wanted)
            assert picked == tuple(r for r in whole.records(kind.model) if r.id in wanted), kind.name
    ledger = load_ledger(root).ledger
    card = ledger.find_one("ZC-2026-0002", Asset)
    assert card is not None
    moved = card.model_copy(update={"place": "XZ-204"})
    added = ledger.with_record(moved)
    assert added.pick(Asset, {"ZC-2026-0002", "ZC-2026-0001"}) == tuple(
        r for r in added.records(Asset) if r.id in {"ZC-2026-0002", "ZC-2026-0001"}
    )
    assert added.find_one("ZC-2026-0002", Asset) == moved
