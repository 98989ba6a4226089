"""The year-end close (年终结账, issue #19 item 1): the bundled ledger's years up to 2025 closed by
`houqin finance close-year`, the open year read from its opening alone and agreeing with a reading of
every year, and each way of changing what the close sealed caught with its exact diagnostic."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
KEYS = ROOT / "examples" / "keys"


def _key(name: str, tmp: Path) -> str:
    """A copy of a demonstration key that only its owner may read (ssh-keygen's rule)."""
    target = tmp / name
    if not target.exists():
        shutil.copy(KEYS / name, target)
        target.chmod(stat.S_IRUSR | stat.S_IWUSR)
    return str(target)


def houqin(root: Path, *args: str) -> tuple[int, str]:
    from houqin.cli.app import app

    result = CliRunner().invoke(app, ["--ledger", str(root), *args])
    return result.exit_code, result.output


def _git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@x", "GIT_COMMITTER_NAME": "t"}
    env["GIT_COMMITTER_EMAIL"] = "t@x"
    return subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def closed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The bundled ledger in a git repository, with what its reports say before the close, and then
    its years up to 2025 closed by key."""
    base = tmp_path_factory.mktemp("year")
    root = base / "ledger"
    shutil.copytree(ROOT / "ledgers", root)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "start")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOUQIN_TODAY", "2026-11-24")  # the module's fixture runs before conftest pins the day
        before = {args: houqin(root, *args.split())[1] for args in READINGS}
        key = _key("accountant-sun-hui", base)
        code, out = houqin(root, "finance", "close-year", "2025", "--by", "孙慧", "--key", key)
    assert code == 0, out
    return root, before


READINGS = (
    "check",
    "finance report 2026-10 --format json",
    "finance report 2026-03 --format json",
    "asset list --format json",
    "stock balance --format json",
    "budget show --format json",
)


def _copy(closed: tuple[Path, dict[str, str]], tmp_path: Path) -> Path:
    root = tmp_path / "ledger"
    shutil.copytree(closed[0], root)
    return root


def test_close_year_carries_the_register_and_the_open_year_reads_alone(closed: tuple[Path, dict[str, str]]) -> None:
    from houqin.ledger.load import load_ledger

    root, _before = closed
    opening_text = (root / "2026/openings.yaml").read_text(encoding="utf-8")
    assert "id: NJ-2026-0001" in opening_text and "closed: 2025" in opening_text
    assert _git(root, "log", "-1", "--format=%s").strip() == "finance close-year 2025 NJ-2026-0001"
    ledger = load_ledger(root).ledger
    assert ledger.opening is not None and ledger.opening.closed == 2025
    assert len(ledger.opening.assets) == 292  # every asset acquired 2016-2025, none disposed by then
    assert {f.split(" ")[0] for f in ledger.opening.files} == {
        *(f"{y}/assets.yaml" for y in range(2016, 2026)),
        "2025/meter-readings.yaml",
    }
    # Nothing of the closed years is parsed: every record comes from an open year's file.
    assert {r.source.file[:4] for r in ledger.all_records()} == {"2026"}
    assert set(ledger.closed_files) == {f.split(" ")[0] for f in ledger.opening.files}
    assert ledger.config.started is not None and ledger.config.started.isoformat() == "2026-02-20"


def test_reports_and_checks_agree_before_and_after_and_with_every_year(
    closed: tuple[Path, dict[str, str]],
) -> None:
    root, before = closed
    for args in READINGS:
        assert houqin(root, *args.split())[1] == before[args], args
    assert houqin(root, "check", "--full") == (0, before["check"])


def test_the_close_is_refused_while_months_are_open_or_the_year_is_closed(
    closed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root = _copy(closed, tmp_path)
    code, out = houqin(root, "finance", "close-year", "2026", "--by", "孙慧")
    assert code == 1
    assert "2026 不能结账：" in out
    assert "本年到 2026-12-31 才结束" in out
    assert "本年还有月份尚未结账：2026-11、2026-12（houqin finance close 月份）" in out
    code, out = houqin(root, "--lang", "en", "finance", "close-year", "2025", "--by", "孙慧")
    assert code == 1
    assert "the years up to 2025 are closed already (NJ-2026-0001)" in out
    assert _git(root, "status", "--porcelain") == ""


def test_the_principal_approves_the_opening_by_key_and_a_carried_asset_moves(
    closed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root = _copy(closed, tmp_path)
    key = _key("principal-wang-jianguo", tmp_path)
    code, out = houqin(root, "sign", "NJ-2026-0001", "--as", "principal", "--by", "王建国", "--key", key)
    assert code == 0, out
    assert "sig:" in (root / "2026/openings.yaml").read_text(encoding="utf-8").split("principal", 1)[1]
    assert houqin(root, "check") == (0, "")
    assert houqin(root, "check", "--full") == (0, "")
    assert (root / "2019/assets.yaml").read_text(encoding="utf-8") == _git(root, "show", "HEAD:2019/assets.yaml")


def _edit(path: Path, old: str, new: str, after: str = "") -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index(after) if after else 0
    at = text.index(old, start)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")


def _codes(root: Path, *args: str) -> list[str]:
    _code, out = houqin(root, "check", *args)
    return re.findall(r"^(\S+: error\[YRC\d+\] .*)$", out.replace(f"{root}/", ""), re.M)


def test_a_closed_years_file_changed_is_caught_without_reading_it(
    closed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root = _copy(closed, tmp_path)
    _edit(root / "2019/assets.yaml", 'unit_price: "4200.00"', 'unit_price: "4100.00"')
    expected = [
        "2026/openings.yaml:2: error[YRC004] 已结账年度的文件 2019/assets.yaml 与年终结账（NJ-2026-0001，2025 年及以前）时不同：被改动、新增或删除"
    ]
    assert _codes(root) == expected
    assert _codes(root, "--full") == expected
    (root / "2024/repairs.yaml").write_text("[]\n", encoding="utf-8")
    assert "2024/repairs.yaml" in " ".join(_codes(root))


def test_a_carried_record_changed_or_removed(closed: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    root = _copy(closed, tmp_path)
    assets = root / "2026/assets.yaml"
    _edit(assets, 'unit_price: "4200.00"', 'unit_price: "4100.00"', after="- id: ZC-2019-0001")
    (line,) = _codes(root)
    assert line.endswith(
        "error[YRC002] ZC-2019-0001 是 2025 年终结账（NJ-2026-0001）结转的未结事项，已被改动（结转后只能添加新的步骤）"
    )
    assert line.startswith("2026/assets.yaml:")
    text = assets.read_text(encoding="utf-8")
    start = text.index("- id: ZC-2019-0001")
    end = text.index("\n- id:", start) + 1
    assets.write_text(text[:start] + text[end:], encoding="utf-8")
    assert _codes(root) == [
        "2026/openings.yaml:2: error[YRC003] ZC-2019-0001 由年终结账 NJ-2026-0001 结转到 2026 年，但已不在 2026 年的文件中"
    ]


def test_nothing_new_is_dated_in_a_closed_year(closed: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    root = _copy(closed, tmp_path)
    readings = root / "2026/meter-readings.yaml"
    text = readings.read_text(encoding="utf-8")
    readings.write_text(
        text + "- id: CB-2025-0099\n  date: 2025-12-30\n  meter: water-main\n  reading: 1\n  reader: 周强\n",
        encoding="utf-8",
    )
    found = [c for c in _codes(root) if "YRC005" in c]
    assert found == [
        f"2026/meter-readings.yaml:{text.count(chr(10)) + 1}: error[YRC005] CB-2025-0099 的日期在已年终结账的 2025 年（NJ-2026-0001），不能再记入"
    ]


def test_an_altered_opening_is_caught_and_its_figures_checked_against_every_year(
    closed: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    from houqin.ledger.load import load_ledger
    from houqin.ledger.roundtrip import render_records
    from houqin.models.year_close import opening_digest

    root = _copy(closed, tmp_path)
    path = root / "2026/openings.yaml"
    original = path.read_text(encoding="utf-8")
    _edit(path, "quantity: 1", "quantity: 2", after="asset: ZC-2016-0001")
    assert _codes(root) == [
        "2026/openings.yaml:2: error[YRC001] 年终结账记录 NJ-2026-0001（2025 年）的摘要与所记内容或上一次结账不衔接，结账记录被改动过"
    ]
    # Re-sealed by hand with a fresh digest: the open year cannot tell, a reading of every year can.
    path.write_text(original, encoding="utf-8")
    opening = load_ledger(root).ledger.opening
    assert opening is not None
    first = opening.assets[0]
    moved = first.model_copy(update={"holdings": (first.holdings[0].model_copy(update={"keeper": "王建国"}),)})
    forged = opening.model_copy(update={"assets": (moved, *opening.assets[1:])})
    forged = forged.model_copy(update={"digest": opening_digest(forged)})
    header = original.split("- id:", 1)[0]
    path.write_text(header + render_records([forged]), encoding="utf-8")
    assert _codes(root) == []
    (line,) = _codes(root, "--full")
    assert line.startswith(
        "2026/openings.yaml:2: error[YRC006] 年终结账 NJ-2026-0001（2025 年）记载的 asset ZC-2016-0001 为 "
    )
    assert line.endswith("为 JX-101,王建国,45，按全部记录重算为 JX-101,陈晓东,45")
