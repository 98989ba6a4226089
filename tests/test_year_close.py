"""The year-end close (年终结账, issue #19 item 1): the bundled ledger's years up to 2025 closed by
`houqin finance close-year`, the open year read from its opening alone and agreeing with a reading of
every year, and each way of changing what the close sealed caught with its exact diagnostic."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import stat
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from houqin.models.ledger import Ledger
from houqin.models.records import Asset, Close, Loan, Reimbursement, YearOpening

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


def _repo(source: Path, root: Path) -> Path:
    shutil.copytree(source, root)
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "start")
    return root


def _copy(tmp_path: Path) -> Path:
    return _repo(ROOT / "ledgers", tmp_path / "ledger")


def test_the_bundled_ledger_is_closed_up_to_2025_and_its_open_year_reads_alone() -> None:
    from houqin.ledger.load import load_ledger

    ledger = load_ledger(ROOT / "ledgers", use_cache=False).ledger
    opening = ledger.opening
    assert opening is not None and (opening.id, opening.year, opening.closed) == ("NJ-2026-0001", 2026, 2025)
    assert [a.role for a in opening.approvals] == ["accountant", "principal"]
    assert all(a.sig for a in opening.approvals)  # by the demonstration keys
    assert len(opening.assets) == 292  # every asset acquired 2016-2025, none disposed by then
    assert {f.split(" ")[0] for f in opening.files} == {
        *(f"{y}/assets.yaml" for y in range(2016, 2026)),
        "2025/meter-readings.yaml",
    }
    # Nothing of the closed years is parsed: every record comes from an open year's file.
    assert {r.source.file[:4] for r in ledger.all_records()} == {"2026"}
    assert set(ledger.closed_files) == {f.split(" ")[0] for f in opening.files}
    # February's close, the first after it, chains to the opening.
    close = ledger.find("JZ-2026-0001", Close)
    assert close is not None and close.month == "2026-02" and close.previous == opening.digest


def test_the_carried_fingerprints_of_a_few_ids_are_those_of_the_whole_map(monkeypatch: pytest.MonkeyPatch) -> None:
    """A write checks again the record it touched: the fingerprints of its ids are looked for in the
    opening's lines (at 1M records mapping all 180,000 cost 60 ms of every write), the same as the map's."""
    from houqin.ledger.load import load_ledger
    from houqin.models import year_close

    opening = load_ledger(ROOT / "ledgers", use_cache=False).ledger.opened
    assert opening is not None
    whole = dict(year_close.carried_ids(opening))
    some = {*list(whole)[:3], "ZC-2026-0001", "ZC-2019", ""}  # carried, not carried, a prefix of ids, nothing
    assert len(opening.carried) > 2 * year_close._FEW  # two ids of the bundled opening are looked for
    for few in (year_close._FEW, 0, 10**9):  # as it is; never looked for; always looked for
        monkeypatch.setattr(year_close, "_FEW", few)
        for among in (some, {list(whole)[-1]}, set(), set(whole)):
            got = year_close.carried_ids(opening, among)
            assert {k: got[k] for k in among if k in got} == {k: whole[k] for k in among if k in whole}


def test_the_open_year_agrees_with_a_reading_of_every_year() -> None:
    from houqin.ledger.load import load_ledger
    from houqin.reports.assets import register
    from houqin.reports.finance import budget_use, month_report
    from houqin.reports.stock import stock_balance

    opened = load_ledger(ROOT / "ledgers", use_cache=False).ledger
    whole = load_ledger(ROOT / "ledgers", use_cache=False, full=True).ledger
    assert whole.opening is None and len(whole.records(Asset)) == len(opened.records(Asset))
    day = dt.date(2026, 11, 24)
    for month in ("2026-02", "2026-06", "2026-10"):
        assert month_report(opened, month) == month_report(whole, month)
    assert register(opened, day, status="all") == register(whole, day, status="all")
    assert stock_balance(opened, day) == stock_balance(whole, day)
    assert budget_use(opened, day) == budget_use(whole, day)


def test_check_and_check_full_agree_on_the_bundled_ledger(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    assert houqin(root, "check") == houqin(root, "check", "--full") == (0, "")


def test_the_close_is_refused_while_months_are_open_or_the_year_is_closed(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    code, out = houqin(root, "finance", "close-year", "2026", "--by", "孙慧")
    assert code == 1
    assert "2026 不能结账：" in out
    assert "本年到 2026-12-31 才结束" in out
    assert "本年还有月份尚未结账：2026-11、2026-12（houqin finance close 月份）" in out
    code, out = houqin(root, "--lang", "en", "finance", "close-year", "2025", "--by", "孙慧")
    assert code == 1
    assert "the years up to 2025 are closed already (NJ-2026-0001)" in out
    assert _git(root, "status", "--porcelain") == ""


def _balances(root: Path, month: str) -> list[str]:
    _code, out = houqin(root, "finance", "report", month, "--format", "json")
    return [row[4] for row in json.loads(out)["sections"]["accounts"]["rows"][:-1]]


@pytest.fixture(scope="module")
def year_2026(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled ledger in January 2027: November and December balanced and closed by the accountant,
    then `houqin finance close-year 2026`."""
    base = tmp_path_factory.mktemp("year2026")
    root = _repo(ROOT / "ledgers", base / "ledger")
    key = _key("accountant-sun-hui", base)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOUQIN_TODAY", "2027-01-10")
        for month, last in (("2026-11", "2026-11-30"), ("2026-12", "2026-12-31")):
            for account, amount in zip(("cash", "bank", "canteen"), _balances(root, month), strict=False):
                assert houqin(root, "finance", "assert", account, amount, "--on", last, "--by", "赵丽")[0] == 0
            code, out = houqin(root, "finance", "close", month, "--by", "孙慧", "--key", key)
            assert code == 0, out
        code, out = houqin(root, "finance", "close-year", "2026", "--by", "孙慧", "--key", key)
        assert code == 0, out
        assert "2026 年已年终结账：294 项资产" in out and "houqin sign NJ-2027-0001 --as principal" in out
    return root


def test_a_year_of_money_closed_and_carried(year_2026: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from houqin.ledger.load import load_ledger

    monkeypatch.setenv("HOUQIN_TODAY", "2027-01-10")
    root = year_2026
    assert _git(root, "log", "-1", "--format=%s").strip() == "finance close-year 2026 NJ-2027-0001"
    ledger = load_ledger(root).ledger
    opening = ledger.opening
    assert opening is not None and opening.previous == ledger.find("JZ-2027-0002", Close).digest  # type: ignore[union-attr]
    december = _balances(root, "2026-12")
    assert [str(b.amount) for b in opening.balances][:3] == december[:3]
    # January starts from December's end, read from the opening alone.
    _code, out = houqin(root, "finance", "report", "2027-01", "--format", "json")
    rows = json.loads(out)["sections"]["accounts"]["rows"]
    assert [r[1] for r in rows[:3]] == december[:3]
    # What was open at the year's end lives on in 2027's files: a loan still out, a claim unpaid.
    carried = {c.split(" ")[0] for c in opening.carried}
    open_loans = [r for r in ledger.records(Loan) if r.id in carried]
    assert open_loans and all(r.source.file == "2027/loans.yaml" for r in open_loans)
    assert {r.source.file[:4] for r in ledger.all_records()} == {"2027"}
    # And the open year's check is the check of every year.
    _c, opened = houqin(root, "check", "--format", "json")
    _c, whole = houqin(root, "check", "--full", "--format", "json")
    assert json.loads(opened) == json.loads(whole)


def test_writes_after_the_close_use_the_opening(
    year_2026: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOUQIN_TODAY", "2027-01-10")
    root = tmp_path / "ledger"
    shutil.copytree(year_2026, root)
    # The principal approves the year-end close by key; the opening's digest does not cover its steps.
    key = _key("principal-wang-jianguo", tmp_path)
    code, out = houqin(root, "sign", "NJ-2027-0001", "--as", "principal", "--by", "王建国", "--key", key)
    assert code == 0, out
    assert houqin(root, "check", "year") == (0, "")
    # Stock carried at cost is issued in the new year.
    _code, out = houqin(root, "stock", "balance", "--format", "json")
    chalk = next(r for r in json.loads(out)["rows"] if r["item"] == "chalk-white")
    code, out = houqin(
        root, "stock", "out", "chalk-white", "--quantity", "2", "--to", "陈晓东", "--purpose", "期末复习",
        "--issued-by", "周强",
    )  # fmt: skip
    assert code == 0, out
    assert "2027/stock-out.yaml" in out
    _code, out = houqin(root, "stock", "balance", "--format", "json")
    after = next(r for r in json.loads(out)["rows"] if r["item"] == "chalk-white")
    assert Decimal(after["quantity"]) == Decimal(chalk["quantity"]) - 2
    # An invoice claimed in 2026 is never claimed again, though 2026 is no longer read.
    claims = load_full(root).records(Reimbursement)
    number = next(
        inv for c in claims if c.date.year == 2026 and c.payment for inv in c.invoices  # type: ignore[attr-defined]
        if inv.date and inv.date >= dt.date(2026, 10, 1)
    )  # fmt: skip
    code, out = houqin(
        root, "expense", "add", "--payee", "文具店", "--amount", "120.00", "--budget-line", "30201",
        "--purpose", "办公用品", "--invoice", number.key, "--invoice-date", "2026-12-20", "--date", "2027-01-10",
    )  # fmt: skip
    assert code == 1
    assert f"error[INV002] 发票 {number.key} 已在 2026 (NJ-2027-0001) 报销过" in out


def load_full(root: Path) -> Ledger:
    from houqin.ledger.load import load_ledger

    return load_ledger(root, full=True).ledger


def _edit(path: Path, old: str, new: str, after: str = "") -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index(after) if after else 0
    at = text.index(old, start)
    path.write_text(text[:at] + new + text[at + len(old) :], encoding="utf-8")


def _codes(root: Path, *args: str) -> list[str]:
    _code, out = houqin(root, "check", *args)
    return re.findall(r"^(\S+: error\[YRC\d+\] .*)$", out.replace(f"{root}/", ""), re.M)


def test_a_closed_years_file_changed_is_caught_without_reading_it(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _edit(root / "2019/assets.yaml", 'unit_price: "4200.00"', 'unit_price: "4100.00"')
    expected = [
        "2026/openings.yaml:2: error[YRC004] 已结账年度的文件 2019/assets.yaml 与年终结账（NJ-2026-0001，2025 年及以前）时不同：被改动、新增或删除"
    ]
    assert _codes(root) == expected
    assert _codes(root, "--full") == expected
    (root / "2024/repairs.yaml").write_text("[]\n", encoding="utf-8")
    assert "2024/repairs.yaml" in " ".join(_codes(root))


def test_a_carried_record_changed_or_removed(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    assets = root / "2026/assets.carried.yaml"  # the register carried into the open year
    _edit(assets, 'unit_price: "4200.00"', 'unit_price: "4100.00"', after="- id: ZC-2019-0001")
    at = assets.read_text(encoding="utf-8").splitlines().index("- id: ZC-2019-0001") + 1
    (line,) = _codes(root)
    assert line == (
        f"2026/assets.carried.yaml:{at}: error[YRC002] ZC-2019-0001 是 2025 年终结账（NJ-2026-0001）结转的未结事项，"
        "已被改动（结转后只能添加新的步骤）"
    )
    assert line in _codes(root, "--full")  # read whole, the register's figures differ too (YRC006)
    text = assets.read_text(encoding="utf-8")
    start = text.index("- id: ZC-2019-0001")
    end = text.index("\n- id:", start) + 1
    assets.write_text(text[:start] + text[end:], encoding="utf-8")
    assert _codes(root) == [
        "2026/openings.yaml:2: error[YRC003] ZC-2019-0001 由年终结账 NJ-2026-0001 结转到 2026 年，但已不在 2026 年的文件中"
    ]


def test_nothing_new_is_dated_in_a_closed_year(tmp_path: Path) -> None:
    root = _copy(tmp_path)
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


def test_an_altered_opening_is_caught_and_its_figures_checked_against_every_year(tmp_path: Path) -> None:
    from houqin.ledger.load import load_ledger
    from houqin.ledger.roundtrip import render_records
    from houqin.models.year_close import opening_digest

    root = _copy(tmp_path)
    path = root / "2026/openings.yaml"
    original = path.read_text(encoding="utf-8")
    _edit(path, "quantity: 1", "quantity: 2", after="asset: ZC-2016-0001")
    altered = "2026/openings.yaml:2: error[YRC001] 年终结账记录 NJ-2026-0001（2025 年）的摘要与所记内容或上一次结账不衔接，结账记录被改动过"
    assert _codes(root) == [altered]
    assert [c for c in _codes(root, "--full") if "YRC001" in c] == [altered]  # read whole too
    closes = root / "2025/closes.yaml"  # a December close of 2025 added by hand: it no longer chains either
    closes.write_text(
        "- id: JZ-2025-0001\n  date: 2026-01-05\n  month: 2025-12\n  closed_by: 孙慧\n  seal: 2\n  records: 0\n"
        f"  fingerprints: []\n  digest: {'ab' * 32}\n  approvals:\n  - {{role: accountant, by: 孙慧, on: 2026-01-05}}\n",
        encoding="utf-8",
    )
    assert [c for c in _codes(root, "--full") if "YRC001" in c] == [altered]
    path.write_text(original, encoding="utf-8")  # its own digest right: the chain alone is found
    assert [c for c in _codes(root, "--full") if "YRC001" in c] == [altered]
    closes.unlink()
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


def test_a_second_opening_of_the_year_or_a_deleted_one_is_caught(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    path = root / "2026/openings.yaml"
    text = path.read_text(encoding="utf-8")
    body = text[text.index("- id: NJ-2026-0001") :]
    path.write_text(text + body.replace("- id: NJ-2026-0001", "- id: NJ-2026-0002", 1), encoding="utf-8")
    lines = _codes(root)
    second = f"2026/openings.yaml:{text.count(chr(10)) + 1}: error[YRC007] 2026 年已有年终结账记录 NJ-2026-0001，NJ-2026-0002 是同一年度的第二份"
    assert second in lines
    assert [c for c in _codes(root, "--full") if "YRC007" in c] == [second]  # read whole: said once
    # A third in the same file and a fourth in another year's file: read whole, each is said once, after
    # the first of the year across the files (not once more after the first of its own file).
    path.write_text(path.read_text(encoding="utf-8") + body.replace("- id: NJ-2026-0001", "- id: NJ-2026-0003", 1))
    (root / "2025/openings.yaml").write_text(
        body.replace("- id: NJ-2026-0001", "- id: NJ-2025-0001", 1), encoding="utf-8"
    )
    said = [re.search(r"，(NJ-\d{4}-\d{4}) 是同一年度", c) for c in _codes(root, "--full") if "YRC007" in c]
    assert sorted(m.group(1) for m in said if m) == ["NJ-2026-0001", "NJ-2026-0002", "NJ-2026-0003"]
    (root / "2025/openings.yaml").unlink()
    # The opening deleted: February's close chains to a digest no record has any more.
    path.write_text(text, encoding="utf-8")
    path.unlink()
    _code, out = houqin(root, "check", "close")
    assert re.search(
        r"2026/closes.yaml:\d+: error\[CLS004\] 结账记录 JZ-2026-0001（2026-02）", out.replace(f"{root}/", "")
    )


def test_a_card_a_closed_year_gave_out_cannot_come_back(year_2026: Path, tmp_path: Path) -> None:
    """ZC-2020-0001 was disposed of in 2026 (CZ-2026-0001), so 2027 did not carry it: its card written
    again in 2027 is a record of a closed year, while a card numbered above the closed years' is brought in."""
    root = tmp_path / "ledger"
    shutil.copytree(year_2026, root)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOUQIN_TODAY", "2027-01-10")
        full = load_full(root)
        card = full.record_by_id["ZC-2020-0001"]
        source = (root / card.source.file).read_text(encoding="utf-8")
        start = source.index("- id: ZC-2020-0001")
        end = source.find("\n- id:", start)
        block = source[start : end + 1 if end > 0 else len(source)]
        # Written in the open year's own file or in its carried register alike.
        for target in (root / "2027/assets.yaml", root / "2027/assets.carried.yaml"):
            before = target.read_text(encoding="utf-8") if target.exists() else ""
            target.write_text(before + block, encoding="utf-8")
            at = (before + block).splitlines().index("- id: ZC-2020-0001") + 1
            expected = f"{target.relative_to(root)}:{at}: error[YRC005] ZC-2020-0001 的日期在已年终结账的 2026 年（NJ-2027-0001）"
            assert any(c.startswith(expected) for c in _codes(root)), _codes(root)
            # The same card numbered above what 2020 gave out is a register brought in after the close.
            target.write_text(before + block.replace("ZC-2020-0001", "ZC-2020-0900"), encoding="utf-8")
            assert _codes(root) == []
            if before:
                target.write_text(before, encoding="utf-8")
            else:
                target.unlink()


def test_the_new_years_first_report_starts_from_the_opening(year_2026: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOUQIN_TODAY", "2027-02-01")
    _code, december = houqin(year_2026, "finance", "report", "2026-12", "--format", "json")
    _code, january = houqin(year_2026, "finance", "report", "2027-01", "--format", "json")
    stock_dec = {r[0]: r for r in json.loads(december)["sections"]["stock"]["rows"]}
    stock_jan = {r[0]: r for r in json.loads(january)["sections"]["stock"]["rows"]}
    for category, row in stock_jan.items():  # 期初 of January is December's 期末; nothing counted twice
        if category in stock_dec:
            assert row[1] == stock_dec[category][-1], category
    # A month later the open year and a reading of every year still find the same (the running term's
    # milk deliveries and fees were carried with its orders).
    _c, opened = houqin(year_2026, "check", "--format", "json")
    _c, whole = houqin(year_2026, "check", "--full", "--format", "json")
    assert json.loads(opened) == json.loads(whole)


def test_errors_in_the_books_stand_in_the_years_way() -> None:
    from houqin.diagnostics import diag
    from houqin.i18n import t
    from houqin.ledger.load import load_ledger
    from houqin.services.year_close import year_obstacles

    ledger = load_ledger(ROOT / "ledgers", use_cache=False).ledger
    broken = [diag("REF001", "2026/expenses.yaml", 3, record="BX-2026-0001", field="handler", name="某人")]
    found = year_obstacles(ledger, 2026, broken, dt.date(2027, 1, 10))
    assert found[0].key == "year.errors" and dict(found[0].params) == {"count": "1"}
    assert t("year.errors", "zh", count=1) == "账本有 1 个错误（houqin check）"


def _reopen_months(root: Path, key: str) -> None:
    """February to October of 2026 reopened by the principal, from the latest back (what stands in the
    way of reopening 2025)."""
    for month in range(10, 1, -1):
        code, out = houqin(
            root, "finance", "reopen", f"2026-{month:02d}", "--reason", "更正", "--approved-by", "王建国", "--key", key
        )
        assert code == 0, out


def test_a_year_is_reopened_only_the_latest_first_and_nothing_later_closed(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    key = _key("principal-wang-jianguo", tmp_path)
    reopen = ("finance", "reopen-year", "2025", "--by", "王建国", "--reason", "补记漏登的资产", "--key", key)
    assert houqin(root, *reopen) == (
        2,
        "houqin: 2026-10 仍已结账：先从最后结账的月份起逐月重新开账（houqin finance reopen 2026-10），再重新开账 2025 年。\n",
    )
    code, out = houqin(root, "finance", "reopen-year", "2024", "--by", "王建国", "--reason", "补记", "--key", key)
    assert (code, out) == (
        2,
        "houqin: 2025 年仍已年终结账（NJ-2026-0001）：先重新开账 2025（houqin finance reopen-year 2025），再重新开账 2024。\n",
    )
    code, out = houqin(root, "--lang", "en", "finance", "reopen-year", "2026", "--by", "王建国", "--reason", "x")
    assert (code, out) == (2, "houqin: 2026 is not closed (no year-end close), so there is nothing to reopen.\n")
    _reopen_months(root, key)
    head = _git(root, "rev-parse", "HEAD")
    code, out = houqin(root, *reopen, "--on", "2026-02-19")
    assert (code, out) == (
        2,
        "houqin: 2025 年于 2026-02-20 年终结账（NJ-2026-0001），不能在此之前的 2026-02-19 重新开账：--on 写结账当天或以后的日期。\n",
    )
    code, out = houqin(root, "finance", "reopen-year", "2025", "--by", "周强", "--reason", "补记")
    assert code == 1 and "拒绝写入 KZ-2026-0010" in out  # only the principal reopens a year
    assert _git(root, "rev-parse", "HEAD") == head and _git(root, "status", "--porcelain") == ""


def test_a_reopened_year_takes_changes_and_closes_again_chained_to_the_reopening(tmp_path: Path) -> None:
    from houqin.checks.year_close import expected_previous
    from houqin.ledger.load import load_ledger
    from houqin.models.closing import chain_digest
    from houqin.models.records import Asset, Reopen

    root = _copy(tmp_path)
    key = _key("principal-wang-jianguo", tmp_path)
    _reopen_months(root, key)
    before = load_ledger(root).ledger
    carried = before.find("ZC-2019-0001", Asset)
    assert carried is not None and carried.source.file == "2026/assets.carried.yaml"
    code, out = houqin(
        root, "finance", "reopen-year", "2025", "--by", "王建国", "--reason", "补记漏登的资产", "--key", key
    )
    assert code == 0, out
    assert out.replace(f"{root}/", "") == (
        "已写入 KZ-2026-0010 → 2026/reopens.yaml\n已提交：finance reopen-year 2025 KZ-2026-0010\n"
    )
    # The opening is taken down and each record it carried is back in its year, as the copy stood.
    assert not (root / "2026/openings.yaml").exists()
    ledger = load_ledger(root).ledger
    assert ledger.opening is None and ledger.closed_files == {}
    back = ledger.find("ZC-2019-0001", Asset)
    assert back is not None and back.source.file == "2019/assets.yaml"
    assert back.model_dump() == carried.model_dump()
    assert not any(r.source.file.startswith("2026/") and r.id[3:7] < "2026" for r in ledger.records(Asset))
    assert not (root / "2026/assets.carried.yaml").exists()  # the carried register, emptied, is gone
    reopening = ledger.find("KZ-2026-0010", Reopen)
    assert reopening is not None and (reopening.month, reopening.close) == ("2025", "NJ-2026-0001")
    assert [a.role for a in reopening.approvals] == ["principal"] and reopening.approvals[0].sig
    assert houqin(root, "check", "year") == (0, "")
    # The reopened year takes changes: a 2025 file edited, a card of 2025 written into 2025.
    _edit(root / "2019/assets.yaml", 'unit_price: "4200.00"', 'unit_price: "4100.00"')
    assert _codes(root) == []
    _git(root, "checkout", "--", "2019/assets.yaml")
    code, out = houqin(
        root, "asset", "add", "--name", "投影仪", "--category", "A02020500", "--price", "4200", "--place", "JX-101",
        "--keeper", "陈晓东", "--date", "2025-06-01", "--origin", "捐赠", "--document", "捐赠协议2025-01",
    )  # fmt: skip
    assert code == 0, out
    assert out.replace(f"{root}/", "").startswith("已写入 ZC-2025-0102 → 2025/assets.yaml\n")
    # Closed again: a new opening (never the id of the one taken down), chained to the reopening.
    accountant = _key("accountant-sun-hui", tmp_path)
    code, out = houqin(root, "finance", "close-year", "2025", "--by", "孙慧", "--key", accountant)
    assert code == 0, out
    assert "已写入 NJ-2026-0002 → 2026/openings.yaml" in out.replace(f"{root}/", "")
    whole = load_full(root)
    opening = load_ledger(root).ledger.opening
    assert opening is not None and opening.id == "NJ-2026-0002"
    # 2025 had no month closed and no opening before it: the chain is the reopening's alone.
    assert (
        opening.previous
        == expected_previous(whole, 2025)
        == chain_digest(None, ["reopen KZ-2026-0010 NJ-2026-0001 2026-11-24"])
    )
    assert _codes(root) == _codes(root, "--full") == []
    # The reopening removed afterwards: the new opening no longer chains (read whole).
    reopens = root / "2026/reopens.yaml"
    text = reopens.read_text(encoding="utf-8")
    reopens.write_text(text[: text.index("- id: KZ-2026-0010")], encoding="utf-8")
    assert _codes(root, "--full") == [
        "2026/openings.yaml:2: error[YRC001] 年终结账记录 NJ-2026-0002（2025 年）的摘要与所记内容或上一次结账不衔接，结账记录被改动过"
    ]


def test_a_year_reopening_written_by_hand_undoes_nothing(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    reopens = root / "2026/reopens.yaml"
    text = reopens.read_text(encoding="utf-8") if reopens.exists() else "# reopens\n"
    reopens.write_text(
        text + '- id: KZ-2026-0099\n  date: 2026-11-20\n  month: "2025"\n  close: NJ-2026-0001\n  reason: 补记\n'
        "  approvals:\n  - {role: principal, by: 王建国, on: 2026-11-20}\n",
        encoding="utf-8",
    )
    assert _codes(root) == [
        f"2026/reopens.yaml:{text.count(chr(10)) + 1}: error[YRC008] KZ-2026-0099 重新开账 2025 年，但它撤销的年终结账 NJ-2026-0001 仍在账本中：2025 年仍按已结账读取"
    ]
    assert load_full(root).find("NJ-2026-0001", YearOpening) is not None


def _ids(path: Path) -> list[str]:
    return re.findall(r"^- id: (\S+)$", path.read_text(encoding="utf-8"), re.M)


def test_the_close_keeps_the_carried_register_in_a_file_of_its_own(year_2026: Path, tmp_path: Path) -> None:
    """close-year 2026 writes every asset card still on the books into 2027/assets.carried.yaml (and no
    2027/assets.yaml: 2027 has no cards of its own yet); the other open items stay in their kind's file
    (a loan in 2027/loans.yaml). A card of the year is added to 2027/assets.yaml, beside the register."""
    from houqin.ledger.load import load_ledger

    for ledger_root, year in ((ROOT / "ledgers", 2026), (year_2026, 2027)):
        ledger = load_ledger(ledger_root, use_cache=False).ledger
        assert ledger.opening is not None and ledger.opening.year == year
        carried_cards = sorted(c.split(" ")[0] for c in ledger.opening.carried if c.startswith("ZC-"))
        register = ledger_root / f"{year}/assets.carried.yaml"
        assert sorted(_ids(register)) == carried_cards and carried_cards
        assert register.read_text(encoding="utf-8").startswith(
            f"# {year} 年固定资产记录：以前年度结转 (assets carried forward into {year})"
        )
        own = ledger_root / f"{year}/assets.yaml"
        assert all(rid.startswith(f"ZC-{year}-") for rid in (_ids(own) if own.exists() else []))
        assert {r.source.file for r in ledger.records(Asset) if r.id[3:7] < str(year)} == {
            f"{year}/assets.carried.yaml"
        }
    assert len(_ids(ROOT / "ledgers/2026/assets.carried.yaml")) == 292
    assert not (year_2026 / "2027/assets.yaml").exists()
    root = tmp_path / "ledger"
    shutil.copytree(year_2026, root)
    register = (root / "2027/assets.carried.yaml").read_bytes()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOUQIN_TODAY", "2027-01-10")
        code, out = houqin(
            root, "asset", "add", "--name", "投影仪", "--category", "A02020500", "--price", "4200", "--place",
            "JX-101", "--keeper", "陈晓东", "--date", "2027-01-10", "--origin", "捐赠", "--document", "捐赠协议2027-01",
        )  # fmt: skip
        assert code == 0, out
        assert out.replace(f"{root}/", "").startswith("已写入 ZC-2027-0001 → 2027/assets.yaml\n")
        assert (root / "2027/assets.carried.yaml").read_bytes() == register  # the register untouched
        assert _ids(root / "2027/assets.yaml") == ["ZC-2027-0001"]
        assert (
            (root / "2027/assets.yaml").read_text(encoding="utf-8").startswith("# 2027 年固定资产记录 (assets, 2027)")
        )
        _c, opened = houqin(root, "check", "--format", "json")
        _c, whole = houqin(root, "check", "--full", "--format", "json")
        assert json.loads(opened) == json.loads(whole)


def _signed_again(root: Path, rid: str) -> Path:
    """A carried card given a new step after the close, through a write session (as every write edits
    a record): returns the file the session rewrote."""
    from houqin.ledger.store import write_session
    from houqin.models.base import Approval

    with write_session(root) as session:
        card = session.ledger.find(rid, Asset)
        assert card is not None
        step = Approval(role="keeper", by="陈晓东", on=dt.date(2026, 11, 20))
        path, placed = session.replace(card.model_copy(update={"approvals": (*card.approvals, step)}))
        last = placed.approvals[-1]
        assert (last.role, last.by, last.on) == (step.role, step.by, step.on)
        session.flush(f"asset card {rid} signed", commit=True)
    return path


def test_a_carried_card_changed_after_the_close_is_edited_in_the_carried_register(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    own = (root / "2026/assets.yaml").read_bytes()
    register = (root / "2026/assets.carried.yaml").read_text(encoding="utf-8")
    path = _signed_again(root, "ZC-2019-0001")
    assert path == root / "2026/assets.carried.yaml"
    assert (root / "2026/assets.yaml").read_bytes() == own
    diff = _git(root, "show", "--format=", "--stat", "HEAD")
    assert "2026/assets.carried.yaml" in diff and "2026/assets.yaml " not in diff
    after = path.read_text(encoding="utf-8")
    assert len(after.splitlines()) == len(register.splitlines()) + 2  # the step's own lines, nothing else
    assert _ids(path) == re.findall(r"^- id: (\S+)$", register, re.M)
    # A step added is no change of what the close sealed: the check stays clean, read either way.
    assert _codes(root) == [] and _codes(root, "--full") == []
    assert houqin(root, "check") == houqin(root, "check", "--full")


def _old_layout(root: Path) -> None:
    """The bundled ledger as a close made before the carried register had its own file wrote it: the
    carried cards after the year's own in 2026/assets.yaml (what build_demo_ledger.py wrote then)."""
    carried = root / "2026/assets.carried.yaml"
    cards = carried.read_text(encoding="utf-8").split("\n", 1)[1]
    own = root / "2026/assets.yaml"
    own.write_text(own.read_text(encoding="utf-8") + cards, encoding="utf-8")
    carried.unlink()
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "old layout")


def test_a_ledger_closed_with_the_carried_cards_in_the_years_file_still_reads_and_checks(tmp_path: Path) -> None:
    from houqin.ledger.load import load_ledger

    root = _copy(tmp_path)
    new = load_ledger(root, use_cache=False).ledger
    _old_layout(root)
    old = load_ledger(root, use_cache=False).ledger
    assert [r.model_dump() for r in old.records(Asset)] == [r.model_dump() for r in new.records(Asset)]
    assert {r.source.file for r in old.records(Asset)} == {"2026/assets.yaml"}
    assert houqin(root, "check") == houqin(root, "check", "--full")
    assert _codes(root) == []
    # A carried card is edited where it is; a tampered one is caught there.
    assert _signed_again(root, "ZC-2019-0001") == root / "2026/assets.yaml"
    assert not (root / "2026/assets.carried.yaml").exists()
    assert _codes(root) == []
    assets = root / "2026/assets.yaml"
    _edit(assets, 'unit_price: "6200.00"', 'unit_price: "6100.00"', after="- id: ZC-2019-0002")
    at = assets.read_text(encoding="utf-8").splitlines().index("- id: ZC-2019-0002") + 1
    assert _codes(root) == [
        f"2026/assets.yaml:{at}: error[YRC002] ZC-2019-0002 是 2025 年终结账（NJ-2026-0001）结转的未结事项，"
        "已被改动（结转后只能添加新的步骤）"
    ]


def _behind_the_back(path: Path, old: str, new: str, after: str = "") -> None:
    """An edit of the same size whose modification time is put back (os.utime): only the ctime moves."""
    assert len(old.encode()) == len(new.encode())
    before = path.stat()
    _edit(path, old, new, after)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def _memo(root: Path) -> dict[str, object]:
    from houqin.ledger.cache import Cache
    from houqin.ledger.files import STAT_MEMO

    found = Cache(root).get(STAT_MEMO)
    return found if isinstance(found, dict) else {}


def test_the_stat_memo_is_used_and_never_answers_for_a_changed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The one cache key that is not content (docs/architecture.md): a record file is known by its hash
    remembered under its status; a change behind houqin's back, of the same size and with the
    modification time put back, moves the ctime, and is seen, by check and by the hook's ledger alike."""
    from houqin.ledger import files

    root = _copy(tmp_path)
    assert _codes(root) == [] and _memo(root) == {}  # the files were just written: too recent to remember
    monkeypatch.setattr(files, "RACY_SECONDS", 0.0)
    assert _codes(root) == []
    memo = _memo(root)
    assert "2019/assets.yaml" in memo and "2026/assets.carried.yaml" in memo  # every record file
    # The memo is what answers: a hash planted under the file's very status is believed ...
    _status, digest, object_id = memo["2019/assets.yaml"]  # type: ignore[misc]
    assert object_id == _git(root, "hash-object", "2019/assets.yaml").strip()  # the hook's key: git's id
    planted = files.memo_digests(root, {"2026/openings.yaml": b"", "2019/assets.yaml": b"x"}, {
        "2019/assets.yaml": (root / "2019/assets.yaml").stat()})  # fmt: skip
    assert planted == {"2019/assets.yaml": digest}
    # ... and a change of the bytes, same size and mtime, is caught all the same.
    _behind_the_back(root / "2019/assets.yaml", 'unit_price: "4200.00"', 'unit_price: "4100.00"')
    expected = [
        "2026/openings.yaml:2: error[YRC004] 已结账年度的文件 2019/assets.yaml 与年终结账（NJ-2026-0001，2025 年及以前）时不同：被改动、新增或删除"
    ]
    assert _codes(root) == expected
    assert _codes(root, "--full") == expected
    assert _memo(root)["2019/assets.yaml"][1] != digest  # type: ignore[index]
    _behind_the_back(root / "2019/assets.yaml", 'unit_price: "4100.00"', 'unit_price: "4200.00"')
    assert _codes(root) == []  # put back as it was: clean again
    # An open year's file (the carried register) changed the same way is seen too, by a check and a write.
    carried = root / "2026/assets.carried.yaml"
    _behind_the_back(carried, 'unit_price: "6200.00"', 'unit_price: "6100.00"', after="- id: ZC-2019-0002")
    at = carried.read_text(encoding="utf-8").splitlines().index("- id: ZC-2019-0002") + 1
    changed = [
        f"2026/assets.carried.yaml:{at}: error[YRC002] ZC-2019-0002 是 2025 年终结账（NJ-2026-0001）结转的未结事项，"
        "已被改动（结转后只能添加新的步骤）"
    ]
    assert _codes(root) == changed
    code, _out = houqin(
        root, "repair", "open", "--place", "JX-101", "--reporter", "陈晓东", "--fault", "门锁坏", "--no-commit"
    )
    assert code == 0 and _codes(root) == changed  # the write's own check saw it as already there


def test_a_check_leaves_the_closed_years_unread_when_the_memo_knows_them_and_sees_every_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warm check reads no closed year's file the memo answers for (their hashes alone are compared
    with the opening); a file deleted from, added to, linked into or changed in a closed year is seen."""
    from houqin.ledger import files

    root = _copy(tmp_path)
    monkeypatch.setattr(files, "RACY_SECONDS", 0.0)
    assert _codes(root) == []  # hashed and remembered
    read: list[str] = []
    real = files._read_file

    def spy(top: Path, rel: str) -> tuple[bytes | None, os.stat_result | None]:
        read.append(rel)
        return real(top, rel)

    monkeypatch.setattr(files, "_read_file", spy)
    source = files.MemorySource.read_all(files.WorktreeSource(root), lazy=True)
    closed = [rel for rel in source.paths() if rel[:4] < "2026" and rel[4] == "/"]
    assert closed and "2019/assets.yaml" in closed and not any(rel in read for rel in closed)
    assert set(closed) <= set(source.unread)
    eager = files.MemorySource.read_all(files.WorktreeSource(root))
    assert source.digests() == eager.digests() and source.paths() == eager.paths()  # the same, unread
    assert source.read("2019/assets.yaml") == (root / "2019/assets.yaml").read_bytes()  # read when asked
    monkeypatch.setattr(files, "_read_file", real)
    assert _codes(root) == []
    gone = "2026/openings.yaml:2: error[YRC004] 已结账年度的文件 {} 与年终结账（NJ-2026-0001，2025 年及以前）时不同：被改动、新增或删除"
    saved = (root / "2019/assets.yaml").read_bytes()
    (root / "2019/assets.yaml").unlink()
    assert _codes(root) == [gone.format("2019/assets.yaml")]
    (root / "2019/assets.yaml").write_bytes(saved)
    assert _codes(root) == []
    (root / "2019/assets.yaml").unlink()
    (root / "2019/assets.yaml").symlink_to(root / "2020/assets.yaml")  # a link in place of the file
    assert _codes(root) == [gone.format("2019/assets.yaml")]  # not followed: its hash is the link's
    (root / "2019/assets.yaml").unlink()
    (root / "2019/assets.yaml").write_bytes(saved)
    (root / "2019/loans.yaml").write_text("[]\n", encoding="utf-8")
    assert _codes(root) == [gone.format("2019/loans.yaml")]  # a file added to a closed year


def test_a_carried_file_changed_behind_houqins_back_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from houqin.ledger import files

    root = _copy(tmp_path)
    monkeypatch.setattr(files, "RACY_SECONDS", 0.0)
    assert _codes(root) == []
    assets = root / "2026/assets.carried.yaml"
    _behind_the_back(assets, 'unit_price: "4200.00"', 'unit_price: "4100.00"', after="- id: ZC-2019-0001")
    at = assets.read_text(encoding="utf-8").splitlines().index("- id: ZC-2019-0001") + 1
    assert _codes(root) == [
        f"2026/assets.carried.yaml:{at}: error[YRC002] ZC-2019-0001 是 2025 年终结账（NJ-2026-0001）结转的未结事项，"
        "已被改动（结转后只能添加新的步骤）"
    ]


def test_an_asset_write_builds_neither_the_register_nor_the_carried_cards(tmp_path: Path) -> None:
    """An `asset add` over closed years checks the year's own cards (the asset replay and the damage
    re-valuation are per file of cards): the opening's register is not built, nor the carried cards, nor
    the kind whole — and the check after it finds what a fresh check finds."""
    from houqin.ledger.load import LazyRecords
    from houqin.ledger.store import write_session
    from houqin.models.base import NOWHERE
    from houqin.models.ledger import Overlay
    from houqin.services.guard import refuse_if_broken

    root = _copy(tmp_path)
    people = root / "people.yaml"  # nobody leaving: the handover (a replay of every card) has nothing to ask
    people.write_text(people.read_text(encoding="utf-8").replace(", left: 2026-01-31", ""), encoding="utf-8")
    _git(root, "commit", "-qam", "nobody leaves")
    assert houqin(root, "check")[0] == 0
    with write_session(root) as session:
        card = session.ledger.find_one("ZC-2026-0001", Asset)
        assert card is not None and card.source.file == "2026/assets.yaml"
        new = card.model_copy(update={"id": "ZC-2026-0999", "source": NOWHERE, "date": dt.date(2026, 11, 20)})
        _path, placed = session.add(new)
        warnings = refuse_if_broken(session, placed.id)
        after = session.loaded_after.ledger
        held = after.held
        assert isinstance(held, Overlay) and isinstance(held.base, LazyRecords)
        assert "assets" not in held.base._decoded and "assets" not in held._merged  # the kind never built whole
        assert ("assets", "2026/assets.carried.yaml") not in held.base._files  # nor the carried cards
        assert after.standing is not None and "record" not in after.standing.__dict__  # nor the register
        assert any(r.id == "ZC-2026-0999" for r in after.records(Asset))  # asked for whole, it is there
        session.flush("add", True)
    fresh = houqin(root, "check", "--no-cache")[1]
    assert [str(w.code) for w in warnings] == re.findall(r"warning\[(\w+)\]", fresh)
