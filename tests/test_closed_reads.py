"""Reading no more than a command needs (lazy closed years, the opening's head, per-file asset parts,
records picked by id): each answers as the eager code it replaced did (6448a27), found by review and
by comparing the two."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

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


def test_a_write_reads_only_the_files_it_changes_and_tells_the_hook_every_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write on the working tree reads no record file the stat memo knows but those it rewrites (the
    closed years, the opening and the carried register stay unread), and the object ids it leaves for
    the hook are every file's all the same: the hook is told the tree it checked."""
    from houqin.cli.app import app
    from houqin.ledger import files
    from tests.conftest import git

    root = _copy(tmp_path)
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    hook = root / ".git/hooks/pre-commit"
    hook.parent.mkdir(parents=True, exist_ok=True)
    hook.write_text(
        '#!/bin/sh\nprintf %s "${HOUQIN_CHECKED_TREE:-none}" > "$(git rev-parse --absolute-git-dir)/told"\n'
    )
    hook.chmod(0o755)
    monkeypatch.setattr(files, "RACY_SECONDS", 0.0)
    assert CliRunner().invoke(app, ["--ledger", str(root), "check"]).exit_code == 0  # hashed and remembered
    read: list[str] = []
    real = files._read_file

    def spy(top: Path, rel: str) -> tuple[bytes | None, os.stat_result | None]:
        read.append(rel)
        return real(top, rel)

    monkeypatch.setattr(files, "_read_file", spy)
    args = ["repair", "open", "--place", "JX-101", "--reporter", "陈晓东", "--fault", "门锁坏"]
    result = CliRunner().invoke(app, ["--ledger", str(root), *args])
    assert result.exit_code == 0, result.output
    records = sorted(rel for rel in read if rel[:4].isdigit())
    assert records == ["2026/repairs.yaml"], records
    assert (root / ".git/told").read_text() == git(root, "rev-parse", "HEAD^{tree}").strip()


def test_a_read_the_memo_cannot_answer_lets_go_of_every_record_files_bytes(tmp_path: Path) -> None:
    """With no stat memo (a cold check), each record file is hashed as it is read and its bytes let go:
    a closed year's file is taken by its hash alone (at 1M records 330 MB were held to the end), a file
    the loader parses is read again. The same hashes, records and findings as a read that keeps every
    file; and a file changed after it was hashed is read as it is then, under its own hash."""
    from houqin.ledger.files import MemorySource, WorktreeSource, digest_of, is_record_path

    root = _copy(tmp_path)
    lazy = MemorySource.read_all(WorktreeSource(root), lazy=True)
    kept = MemorySource.read_all(WorktreeSource(root), memo=False)
    assert lazy.files and not any(is_record_path(rel) for rel in lazy.files)  # the directory files alone
    assert any(is_record_path(rel) and rel.startswith("2025/") for rel in kept.files)
    assert lazy.digests() == kept.digests() == {rel: digest_of((root / rel).read_bytes()) for rel in kept.paths()}
    read, whole = load_ledger(root, lazy, use_cache=False), load_ledger(root, kept, use_cache=False)
    assert list(read.ledger.all_records()) == list(whole.ledger.all_records())
    assert read.diagnostics == whole.diagnostics and read.digests == whole.digests
    assert not any(rel.startswith("2025/") for rel in lazy.files)  # read again: the open year's alone
    again = MemorySource.read_all(WorktreeSource(root), lazy=True)
    changed = root / "2026" / "repairs.yaml"
    changed.write_bytes(changed.read_bytes() + b"\n")
    assert again.read("2026/repairs.yaml") == changed.read_bytes()
    assert again.digest("2026/repairs.yaml") == digest_of(changed.read_bytes()) != lazy.digest("2026/repairs.yaml")


def test_a_cold_read_parses_the_opening_beside_the_open_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With nothing cached, the opening is parsed in one pool with the open year's files (it was parsed
    alone first, one core idle), and nothing is parsed twice: the same records and findings."""
    import houqin.ledger.load as load

    root = _copy(tmp_path)
    fresh = load_ledger(root, use_cache=False)
    parsed: list[list[str]] = []
    real = load._parse_all

    def spy(todo: list[tuple[str, bytes, str]]) -> list[load.Payload]:
        if todo:
            parsed.append(sorted(rel for rel, _data, _kind in todo))
        return real(todo)

    monkeypatch.setattr(load, "_parse_all", spy)
    cold = load_ledger(root)
    assert parsed == [sorted(p.relative_to(root).as_posix() for p in root.glob("2026/*.yaml"))]
    assert cold.ledger.opened is not None and cold.ledger.opened == fresh.ledger.opened
    assert list(cold.ledger.all_records()) == list(fresh.ledger.all_records())
    assert cold.diagnostics == fresh.diagnostics and cold.digests == fresh.digests
    parsed.clear()
    load_ledger(root)
    assert parsed == []  # warm: every file from the cache


def test_the_openings_head_is_kept_beside_its_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A warm read takes the opening's head from the entry beside the file's (HEAD_SUFFIX), not from the
    rows with the register (made, and left, only when missing); a damaged head entry is made again;
    pruning keeps it while the file's entry stays and drops it with the file's."""
    from houqin.ledger.cache import HEAD_SUFFIX, Cache
    from houqin.ledger.files import STAT_MEMO

    root = _copy(tmp_path)
    fresh = load_ledger(root, use_cache=False).ledger.opened
    made: list[str] = []
    real_put = Cache.put

    def put(self: Cache, key: str, value: object) -> None:
        if key != STAT_MEMO:  # the files' hashes, remembered once the files are older than a tick
            made.append(key)
        real_put(self, key, value)

    monkeypatch.setattr(Cache, "put", put)
    assert load_ledger(root).ledger.opened == fresh
    cache = root / ".houqin/cache"
    heads = sorted(cache.glob(f"*{HEAD_SUFFIX}"))
    assert len(heads) == 1 and heads[0].name in made
    made.clear()
    assert load_ledger(root).ledger.opened == fresh
    assert made == []  # the head from its entry: nothing made again
    heads[0].write_bytes(b"not an entry")
    assert load_ledger(root).ledger.opened == fresh
    assert made == [heads[0].name]  # made again from the file's rows
    opening = root / "2026/openings.yaml"
    opening.write_text(opening.read_text("utf-8") + "# \u6539\n", "utf-8")
    load_ledger(root, prune=True)
    assert not heads[0].exists() and len(list(cache.glob(f"*{HEAD_SUFFIX}"))) == 1
