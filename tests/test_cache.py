"""The cache can never return a stale or wrong answer: edits, reverts, renames, corrupted entries,
concurrent runs and code changes all give exactly what a fresh read gives."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from pydantic import BaseModel

from houqin.checks.engine import run_checks
from houqin.errors import InputError
from houqin.layout import TOP_FILES
from houqin.ledger import cache as cache_mod
from houqin.ledger import load as load_mod
from houqin.ledger.cache import HEAD_SUFFIX, ROWS_SUFFIX, STAT_PREFIX
from houqin.ledger.codec import model_codec
from houqin.ledger.files import STAT_MEMO
from houqin.ledger.load import load_ledger
from houqin.models.ledger import Ledger
from houqin.models.records import Asset
from houqin.services.checking import check_ledger
from tests.conftest import BUNDLED, GOOD_ASSET, GOOD_EXPENSE


@pytest.fixture
def bundled_copy(tmp_path: Path) -> Path:
    root = tmp_path / "ledgers"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".houqin"))
    return root


def fresh(root: Path) -> tuple[list[object], list[str]]:
    result = load_ledger(root, use_cache=False)
    return list(result.ledger.all_records()), [d.code for d in run_checks(result)]


def cached(root: Path) -> tuple[list[object], list[str]]:
    result = load_ledger(root)
    return list(result.ledger.all_records()), [d.code for d in run_checks(result)]


def directory(ledger: Ledger) -> list[BaseModel]:
    """What the directory files give: the config, the people, the places, the catalog."""
    return [ledger.config, *ledger.people, *ledger.places, ledger.catalog]


def entries(root: Path) -> list[Path]:
    return sorted((root / ".houqin/cache").iterdir())


def test_codec_rebuilds_every_bundled_record_exactly() -> None:
    for record in load_ledger(BUNDLED, use_cache=False).ledger.all_records():
        encode, decode = model_codec(type(record))
        back = decode(encode(record))
        assert back == record and back.model_dump() == record.model_dump()
        assert type(back) is type(record) and back.source == record.source


def test_warm_load_equals_fresh_load(bundled_copy: Path) -> None:
    expected = fresh(bundled_copy)
    assert cached(bundled_copy) == expected  # cold: fills the cache
    # One entry per parsed file: the open year's (2016-2025 are closed, read for their digests alone)
    # and the people's and the places' files; beside each record file's its rows, and beside the year
    # opening's its head; and the stat memo of the files' hashes.
    memo = [e for e in entries(bundled_copy) if e.name.startswith(STAT_PREFIX)]
    files = [e for e in entries(bundled_copy) if not e.name.endswith((HEAD_SUFFIX, ROWS_SUFFIX)) and e not in memo]
    record_files = len(list(bundled_copy.glob("2026/*.yaml")))
    assert len(files) == record_files + 2 and len(memo) == 1
    assert len([e for e in entries(bundled_copy) if e.name.endswith(ROWS_SUFFIX)]) == record_files
    assert len(entries(bundled_copy)) == len(files) + record_files + 1 + 1
    assert cached(bundled_copy) == expected  # warm: from the cache
    warm, cold = load_ledger(bundled_copy).ledger, load_ledger(bundled_copy, use_cache=False).ledger
    assert directory(warm) == directory(cold)
    assert [d.model_dump() for d in directory(warm)] == [d.model_dump() for d in directory(cold)]


def test_a_files_rows_are_read_only_when_its_records_are(bundled_copy: Path) -> None:
    """A record file's rows are an entry of their own: loading reads its ids from the file's entry,
    and its rows only when a command decodes its records; rows gone or unsound parse the file again."""
    expected = fresh(bundled_copy)
    cached(bundled_copy)
    rows = [e for e in entries(bundled_copy) if e.name.endswith(ROWS_SUFFIX)]
    for entry in rows:
        entry.unlink()
    result = load_ledger(bundled_copy)  # the ids, lines and days are there: nothing is parsed yet
    assert result.ledger.id_set("assets") == {
        r.id for r in load_ledger(bundled_copy, use_cache=False).ledger.records(Asset)
    }
    assert not [e for e in entries(bundled_copy) if e.name.endswith(ROWS_SUFFIX)]
    assert (list(result.ledger.all_records()), [d.code for d in run_checks(result)]) == expected
    assert len([e for e in entries(bundled_copy) if e.name.endswith(ROWS_SUFFIX)]) == len(rows)  # put back
    for entry in entries(bundled_copy):
        if entry.name.endswith(ROWS_SUFFIX):
            entry.write_bytes(entry.read_bytes()[:-7])  # truncated: unsound, not trusted
    assert cached(bundled_copy) == expected


def test_a_file_changed_before_its_rows_are_read_is_refused(bundled_copy: Path) -> None:
    """Rows read again from the file must be the bytes the ids came from: a file changed meanwhile is
    refused (exit 2, naming it), never decoded against the old entry's ids and lines."""
    cached(bundled_copy)
    for entry in entries(bundled_copy):
        if entry.name.endswith(ROWS_SUFFIX):
            entry.unlink()
    ledger = load_ledger(bundled_copy).ledger
    path = bundled_copy / "2026/expenses.yaml"
    path.write_bytes(path.read_bytes().replace("by: 吴芳".encode(), "by: 赵丽".encode(), 1))
    with pytest.raises(InputError) as caught:
        ledger.file_records("expenses", "2026/expenses.yaml")
    assert caught.value.key == "changed_while_read" and caught.value.params["path"] == "2026/expenses.yaml"
    assert ledger.file_records("assets", "2026/assets.yaml")  # another file's rows: read again, unchanged


def test_edit_and_revert(bundled_copy: Path) -> None:
    path = bundled_copy / "2026/expenses.yaml"
    original = path.read_bytes()
    cached(bundled_copy)
    path.write_bytes(original.replace("by: 吴芳".encode(), "by: 赵丽".encode(), 1))  # the cashier witnesses
    assert cached(bundled_copy) == fresh(bundled_copy)
    # The month was closed (CLS001), the cashier may not witness (SOD002), the witness's signature is
    # 吴芳's key, not 赵丽's (KEY003), and the signatures made over it no longer verify (KEY004).
    assert sorted(set(cached(bundled_copy)[1])) == ["CLS001", "KEY003", "KEY004", "SOD002"]
    path.write_bytes(original)
    assert cached(bundled_copy) == fresh(bundled_copy)
    assert cached(bundled_copy)[1] == []


def test_same_bytes_in_another_file_is_another_entry(bundled_copy: Path) -> None:
    cached(bundled_copy)
    (bundled_copy / "2027").mkdir()
    (bundled_copy / "2026/loans.yaml").rename(bundled_copy / "2027/loans.yaml")
    records, codes = cached(bundled_copy)
    assert (records, codes) == fresh(bundled_copy)
    assert codes.count("ID004") == 6
    assert {r.source.file for r in records if r.id.startswith("JY-")} == {"2027/loans.yaml"}  # type: ignore[attr-defined]


@pytest.mark.parametrize("damage", ["garbage", "truncate", "flip", "empty"])
def test_corrupted_entries_are_rebuilt_not_trusted(bundled_copy: Path, damage: str) -> None:
    expected = fresh(bundled_copy)
    cached(bundled_copy)
    for entry in entries(bundled_copy):
        blob = entry.read_bytes()
        if damage == "garbage":
            entry.write_bytes(b"\x00not a cache entry" * 10)
        elif damage == "truncate":
            entry.write_bytes(blob[: len(blob) // 2])
        elif damage == "flip":
            entry.write_bytes(blob[:-5] + bytes([blob[-5] ^ 0x40]) + blob[-4:])
        else:
            entry.write_bytes(b"")
    assert cached(bundled_copy) == expected
    assert cached(bundled_copy) == expected


def test_entries_of_another_houqin_are_not_used(bundled_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cached(bundled_copy)
    before = set(entries(bundled_copy))
    monkeypatch.setattr(cache_mod, "fingerprint", lambda: b"a different houqin")
    assert cached(bundled_copy) == fresh(bundled_copy)
    # Rebuilt under new keys, old ones pruned; the stat memo (the files' content hashes, nothing houqin
    # shaped) stands.
    assert {e.name for e in before & set(entries(bundled_copy))} == {STAT_MEMO}


def test_result_cache_follows_the_content(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/expenses.yaml": GOOD_EXPENSE, "2026/assets.yaml": GOOD_ASSET})
    assert check_ledger(root) == []
    assert check_ledger(root) == []  # from the result cache
    path = root / "2026/expenses.yaml"
    path.write_text(GOOD_EXPENSE.replace("witness, by: 李主任", "witness, by: 赵出纳"))
    assert [d.code for d in check_ledger(root)] == ["SOD002"]
    assert [d.code for d in check_ledger(root, ["invoice"])] == []
    path.write_text(GOOD_EXPENSE)
    assert check_ledger(root) == []


def test_parallel_parse_gives_the_same_answer(bundled_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = fresh(bundled_copy)
    monkeypatch.setattr(load_mod, "PARALLEL_MIN_BYTES", 0)
    assert cached(bundled_copy) == expected


def test_concurrent_runs_agree_and_leave_a_sound_cache(bundled_copy: Path) -> None:
    (bundled_copy / "2026/expenses.yaml").write_bytes(
        (bundled_copy / "2026/expenses.yaml").read_bytes().replace("by: 吴芳".encode(), "by: 赵丽".encode(), 1)
    )
    cmd = [sys.executable, "-m", "houqin", "--ledger", str(bundled_copy), "check", "--format", "json"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(6)]
    outputs = {p.communicate()[0] for p in procs}
    assert len(outputs) == 1 and '"code": "SOD002"' in outputs.pop()
    assert cached(bundled_copy) == fresh(bundled_copy)
    assert not [p for p in (bundled_copy / ".houqin/cache").iterdir() if p.name.endswith(".tmp")]


def test_cache_is_ignored_by_git_and_safe_to_delete(bundled_copy: Path) -> None:
    cached(bundled_copy)
    assert (bundled_copy / ".houqin/.gitignore").read_text().splitlines()[-1] == "*"
    shutil.rmtree(bundled_copy / ".houqin")
    assert cached(bundled_copy) == fresh(bundled_copy)


def test_results_remembered_by_a_write_are_exact(git_ledger: Callable[..., Path]) -> None:
    """A write leaves its check result for the hook; it must be exactly what a fresh check gives, the
    lines of records that the write moved included."""
    from typer.testing import CliRunner

    from houqin.cli.app import app
    from tests.test_cli import ASSET_ARGS

    warned = GOOD_ASSET.replace('"4999.00"', '"800.00"')  # CAP001 warning on line 1
    unsigned = GOOD_EXPENSE.split("  approvals:")[0]
    broken = GOOD_EXPENSE.replace("BX-2026-0001", "BX-2026-0002").replace("witness, by: 李主任", "witness, by: 赵出纳")
    broken = broken.replace("26442000000012345678", "26442000000012345679")
    root = git_ledger({"2026/assets.yaml": warned, "2026/expenses.yaml": unsigned + "# 下一张\n" + broken})
    runner = CliRunner()

    def fresh_codes() -> list[tuple[str, str, int]]:
        return [(d.code, d.file, d.line) for d in run_checks(load_ledger(root, use_cache=False))]

    def cached_codes() -> list[tuple[str, str, int]]:
        return [(d.code, d.file, d.line) for d in check_ledger(root)]

    add = ["--ledger", str(root), *ASSET_ARGS, "--no-commit"]
    assert runner.invoke(app, add).exit_code == 0
    assert cached_codes() == fresh_codes()
    assert ("CAP001", "2026/assets.yaml", 1) in fresh_codes()
    sign = [
        "--ledger",
        str(root),
        "expense",
        "sign",
        "BX-2026-0001",
        "--as",
        "handler",
        "--by",
        "张老师",
        "--on",
        "2026-03-05",
        "--no-commit",
    ]
    before = [c for c in fresh_codes() if c[0] == "SOD002"]
    assert runner.invoke(app, sign).exit_code == 0
    after = [c for c in fresh_codes() if c[0] == "SOD002"]
    assert after[0][2] == before[0][2] + 2  # the signature added two lines above the broken claim
    assert cached_codes() == fresh_codes()


def test_a_change_to_any_module_that_shapes_records_gives_a_fresh_parse(tmp_path: Path) -> None:
    """#13 item 12: editing the money pattern in houqin/money.py (outside models/, checks/, ledger/)
    must not let the cache serve records validated by the old code."""
    from tests.conftest import GOOD_ASSET, ROOT, write_ledger

    package = tmp_path / "pkg"
    shutil.copytree(ROOT / "houqin", package / "houqin", ignore=shutil.ignore_patterns("__pycache__"))
    root = write_ledger(tmp_path / "ledger", {"2026/assets.yaml": GOOD_ASSET})
    env = {**os.environ, "PYTHONPATH": str(package), "HOUQIN_TODAY": "2026-11-24"}

    def check() -> str:
        cmd = [sys.executable, "-m", "houqin", "--ledger", str(root), "check", "--format", "json"]
        return subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path, check=False).stdout

    assert '"SCH001"' not in check()
    assert '"SCH001"' not in check()  # now answered from the cache
    assert (root / ".houqin" / "cache").is_dir()
    money = package / "houqin" / "money.py"
    text = money.read_text(encoding="utf-8")
    stricter = text.replace('r"-?[0-9]{1,13}(?:', 'r"-?[0-9]{1,3}(?:')  # at most 999.99
    assert stricter != text
    money.write_text(stricter, encoding="utf-8")
    assert '"SCH001"' in check()  # 4999.00 read by the new code, not served from the cache


def test_the_fingerprint_covers_the_libraries_that_validate() -> None:
    from houqin.ledger.cache import library_versions

    names = {v.split("-")[0].lower() for v in library_versions()}
    assert {"pydantic", "pydantic_core", "pyyaml", "ruamel_yaml"} <= names


def test_the_code_is_known_by_its_stat_and_a_rewrite_to_the_same_size_and_time_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The code's identity (ledger/cache.fingerprint) comes from each module's stat, not its bytes: a
    module rewritten to the same size with its modification time put back still changes it (its change
    time moved, which no tool sets back); a module untouched leaves it as it was."""
    import time

    from houqin.ledger.cache import code_identity

    monkeypatch.setattr(cache_mod, "SETTLED_SECONDS", 0.0)  # the stat alone, however recent the change
    (tmp_path / "sub").mkdir()
    (tmp_path / "__pycache__").mkdir()
    module = tmp_path / "sub" / "money.py"
    module.write_text("LIMIT = 13\n", encoding="utf-8")
    (tmp_path / "__pycache__" / "money.cpython-311.pyc").write_bytes(b"not code")
    first = code_identity(tmp_path)
    assert code_identity(tmp_path) == first
    (tmp_path / "__pycache__" / "money.cpython-311.pyc").write_bytes(b"other bytes")  # not a module
    assert code_identity(tmp_path) == first
    stat = module.stat()
    time.sleep(0.05)  # past the clock's tick
    module.write_text("LIMIT = 03\n", encoding="utf-8")
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert module.stat().st_size == stat.st_size and module.stat().st_mtime_ns == stat.st_mtime_ns
    assert code_identity(tmp_path) != first


def test_a_module_changed_within_the_settling_time_is_known_by_its_bytes_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two changes of the same size within one tick of the clock leave a module's stat as it was: a
    module changed in the last SETTLED_SECONDS is known by its bytes as well (here its stat held still)."""
    from houqin.ledger.cache import code_identity

    module = tmp_path / "money.py"
    module.write_text("LIMIT = 13\n", encoding="utf-8")
    still = module.stat()
    real = cache_mod._modules
    monkeypatch.setattr(cache_mod, "_modules", lambda folder, rel: ((r, p, still) for r, p, _st in real(folder, rel)))
    first = code_identity(tmp_path)
    module.write_text("LIMIT = 03\n", encoding="utf-8")
    assert code_identity(tmp_path) != first  # changed just now: its bytes count
    monkeypatch.setattr(cache_mod, "SETTLED_SECONDS", 0.0)
    again = code_identity(tmp_path)
    module.write_text("LIMIT = 13\n", encoding="utf-8")
    assert code_identity(tmp_path) == again  # settled: the stat alone (which here could not move)


def test_unchanged_directory_files_are_neither_parsed_nor_validated_again(
    ledger_dir: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The people and the places are kept in the cache under their files' content hash, as a record
    file's records are: unchanged, they come back equal (findings too) without the YAML reader or
    pydantic; a file changed is read afresh; the prune keeps their entries. (houqin.yaml and the
    catalog are read every time: their models' codecs would cost as much as validating them.)"""
    people = """\
        - {name: 王校长, roles: [principal], department: 校长室, joined: 2010-09-01}
        - {name: 李主任, roles: [director, keeper], department: 总务处, joined: 2010-09-01}
        - {name: 张老师, roles: [teacher], department: 语文组, joined: 2010-09-01}
        - {name: 无名氏, roles: [janitor], joined: 2010-09-01}
        """  # an unknown role: a finding of the file, which its entry keeps
    root = ledger_dir({"people.yaml": people, "2026/assets.yaml": GOOD_ASSET})
    cold = load_ledger(root)
    assert any(d.file == "people.yaml" for d in cold.diagnostics)

    def refuse(*_args: object, **_kw: object) -> None:
        raise AssertionError("read again")

    with monkeypatch.context() as m:
        m.setattr(load_mod, "load_list", refuse)
        warm = load_ledger(root)
    assert directory(warm.ledger) == directory(cold.ledger)
    assert [d for d in warm.diagnostics if d.file in TOP_FILES] == [d for d in cold.diagnostics if d.file in TOP_FILES]
    kept = set(os.listdir(root / ".houqin" / "cache"))
    assert len(kept) == 2 * len(list(root.glob("2026/*.yaml"))) + 2 + 1  # each record file's and its rows, the memo
    places = root / "places.yaml"
    places.write_text(
        places.read_text("utf-8") + "- {id: JX-102, name: 一年级(2)班, kind: classroom, keeper: 张老师}\n", "utf-8"
    )
    after = load_ledger(root)
    assert [p.id for p in after.ledger.places][-1] == "JX-102"
    assert after.ledger.places == load_ledger(root, use_cache=False).ledger.places
    now = set(os.listdir(root / ".houqin" / "cache"))
    assert len(now) == len(kept) and len(now - kept) == 1  # the old places entry pruned, the new one kept
