"""The checks' parts reuse their cached findings only while nothing they read has changed, so a
cached check is always exactly a fresh one: after random edits of record files and of the directory,
after writes through the commands, on another day, and with the part entries corrupted. A part that
reads a kind it does not declare fails instead of answering from part of the ledger."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import random
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from houqin import clock
from houqin.checks import registry
from houqin.checks.engine import OPENING_KINDS, Part, files_by_kind, run_checks
from houqin.diagnostics import Diagnostic
from houqin.ledger.load import load_ledger
from houqin.models.base import Record
from houqin.models.closing import UNSEALED
from houqin.models.config import Policy
from houqin.models.kinds import KIND_BY_MODEL, KINDS
from houqin.models.ledger import Ledger, UndeclaredRead
from houqin.models.records import Reimbursement, YearOpening
from houqin.services.checking import check_ledger, run_cached
from tests.conftest import BUNDLED
from tests.keyring import bundled_key

VALUE_LINE = re.compile(r"^(\s*(?:- )?)([a-z_]+): (.+)$")


@pytest.fixture
def bundled_copy(tmp_path: Path) -> Path:
    root = tmp_path / "ledgers"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".houqin"))
    return root


def fresh(root: Path) -> list[Diagnostic]:
    return run_checks(load_ledger(root, use_cache=False))


def key(found: list[Diagnostic]) -> list[tuple[str, str, int, str, str]]:
    return [(d.code, d.file, d.line, d.check, d.message("en")) for d in found]


def values_by_field(root: Path) -> dict[str, list[str]]:
    """Every value each field has somewhere in the ledger: edits swap in a value that occurs elsewhere
    (another person, day, place, id, amount), which is what makes cross-record rules fire."""
    out: dict[str, list[str]] = {}
    for path in sorted(root.glob("20*/*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            m = VALUE_LINE.match(line)
            if m and not m.group(3).startswith(("{", "[")):
                out.setdefault(m.group(2), []).append(m.group(3))
    return out


def edit(root: Path, rng: random.Random, values: dict[str, list[str]]) -> str:
    """One random edit of one record file: change a value, drop a record, or copy one. Returns what
    was done (for the assertion message)."""
    path = rng.choice(sorted(root.glob("20*/*.yaml")))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("- ")]
    what = rng.random()
    if starts and what < 0.15:  # drop a record
        i = rng.choice(starts)
        end = next((j for j in starts if j > i), len(lines))
        del lines[i:end]
        done = f"dropped the record at {path.name}:{i + 1}"
    elif starts and what < 0.3:  # copy a record to the end of its file (a duplicate id, a double claim)
        i = rng.choice(starts)
        end = next((j for j in starts if j > i), len(lines))
        lines.extend(lines[i:end])
        done = f"copied the record at {path.name}:{i + 1}"
    else:
        candidates = [i for i, line in enumerate(lines) if (m := VALUE_LINE.match(line)) and m.group(2) in values]
        if not candidates:
            return "nothing"
        i = rng.choice(candidates)
        m = VALUE_LINE.match(lines[i])
        assert m is not None
        new = rng.choice(values[m.group(2)])
        lines[i] = f"{m.group(1)}{m.group(2)}: {new}\n"
        done = f"{path.name}:{i + 1} {m.group(2)} → {new}"
    path.write_text("".join(lines), encoding="utf-8")
    return done


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_random_edits_cached_equals_fresh(bundled_copy: Path, seed: int) -> None:
    rng = random.Random(seed)
    values = values_by_field(bundled_copy)
    assert check_ledger(bundled_copy) == []
    history = []
    codes: set[str] = set()
    for _ in range(8):
        history.append(edit(bundled_copy, rng, values))
        found = check_ledger(bundled_copy)
        assert key(found) == key(fresh(bundled_copy)), history
        codes |= {d.code for d in found}
    assert len(codes) >= 2, (history, codes)  # the edits did break rules: the comparison is not of nothing


def test_edits_then_revert_come_back_to_the_clean_answer(bundled_copy: Path) -> None:
    originals = {p: p.read_bytes() for p in bundled_copy.glob("20*/*.yaml")}
    rng = random.Random(7)
    values = values_by_field(bundled_copy)
    changed = [edit(bundled_copy, rng, values) for _ in range(4)]
    found = check_ledger(bundled_copy)
    assert key(found) == key(fresh(bundled_copy)) and found, changed
    for path, data in originals.items():
        path.write_bytes(data)
    assert check_ledger(bundled_copy) == []


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("people.yaml", "吴芳", "吴芳芳"),  # a signer renamed: every part that reads people runs again
        ("houqin.yaml", "advance_settle_days: 30", "advance_settle_days: 3"),  # a policy tightened
        ("catalog.yaml", "A02010105", "A02010199"),  # an asset category changed
    ],
)
def test_directory_edits_reach_every_part(bundled_copy: Path, file: str, old: str, new: str) -> None:
    assert check_ledger(bundled_copy) == []
    path = bundled_copy / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"the bundled ledger drifted: {old!r} is no longer once in {file}; pick another edit"
    path.write_text(text.replace(old, new), encoding="utf-8")
    found = check_ledger(bundled_copy)
    assert found, f"editing {file} changed no finding: a stale answer would pass; pick an edit that matters"
    assert key(found) == key(fresh(bundled_copy))


def test_another_day_runs_the_dated_parts_again(bundled_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert check_ledger(bundled_copy) == []
    monkeypatch.setenv("HOUQIN_TODAY", "2027-09-30")  # loans overdue, advances unsettled, months unclosed
    later = check_ledger(bundled_copy)
    assert key(later) == key(fresh(bundled_copy))
    assert {"LOAN001", "CLS006"} <= {d.code for d in later}


def test_corrupted_part_entries_are_recomputed(bundled_copy: Path) -> None:
    path = bundled_copy / "2026/expenses.yaml"
    path.write_bytes(path.read_bytes().replace("by: 吴芳".encode(), "by: 赵丽".encode(), 1))
    expected = key(fresh(bundled_copy))
    result = load_ledger(bundled_copy)
    assert key(run_cached(bundled_copy, result)) == expected
    parts = [p for p in (bundled_copy / ".houqin/cache").iterdir() if p.name.startswith("part-")]
    assert parts
    for p in parts:
        p.write_bytes(p.read_bytes()[:-3] + b"xyz")
    assert key(run_cached(bundled_copy, result)) == expected
    assert key(run_cached(bundled_copy, result)) == expected


def test_one_changed_file_reruns_only_what_reads_it(bundled_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After an edit of the patrols file, the parts that do not read patrols are not run again."""
    assert check_ledger(bundled_copy) == []
    ran: list[str] = []

    def spied(name: str, part: Part) -> Part:
        @functools.wraps(part.run)
        def run(*args: Any) -> Any:
            ran.append(name)
            return part.run(*args)

        return dataclasses.replace(part, run=run)

    spies = tuple(dataclasses.replace(c, parts=tuple(spied(c.name, p) for p in c.parts)) for c in registry.CHECKS)
    monkeypatch.setattr(registry, "CHECKS", spies)
    path = bundled_copy / "2026/patrols.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# 补记\n", encoding="utf-8")
    assert check_ledger(bundled_copy) == []
    assert {"patrols", "refs", "signatures"} <= set(ran)  # they read patrols
    assert not {"stock", "invoice", "budget", "finance", "assets", "loans"} & set(ran)


def test_a_part_reading_an_undeclared_kind_fails(bundled_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def reads_expenses(ledger: Ledger, policy: Policy) -> list[Diagnostic]:
        ledger.records(Reimbursement)
        return []

    narrow = registry.Check("loans", (Part(reads_expenses, frozenset({"loans"})),))
    monkeypatch.setattr(registry, "CHECKS", (narrow,))
    with pytest.raises(UndeclaredRead, match="expenses"):
        run_checks(load_ledger(bundled_copy), ["loans"])
    file_part = registry.Check("loans", (Part(reads_expenses, frozenset({"loans"}), per_file=True),))
    monkeypatch.setattr(registry, "CHECKS", (file_part,))
    with pytest.raises(UndeclaredRead, match="expenses"):
        run_checks(load_ledger(bundled_copy), ["loans"])


def test_every_check_runs_on_exactly_its_declared_kinds() -> None:
    """The bundled ledger exercises every part through its views without an undeclared read."""
    result = load_ledger(BUNDLED, use_cache=False)
    assert run_checks(result) == []
    assert all(check.parts or check.name == "schema" for check in registry.CHECKS)


@pytest.mark.parametrize(
    ("file", "old", "new", "code", "where"),
    [
        # the asset a loan names leaves the books: the loans file is unchanged, its finding is new
        # the asset's card lives on in 2026's carried register (carried by the year-end close of 2025)
        ("2026/assets.carried.yaml", "- id: ZC-2024-0001\n", "- id: ZC-2024-0901\n", "REF009", "2026/loans.yaml"),
        # a purchase accepted after its goods were booked in: found in the stock-in file, which did not change
        (
            "2026/purchases.yaml",
            "accepted: {on: 2026-03-02",
            "accepted: {on: 2026-12-02",
            "PUR008",
            "2026/stock-in.yaml",
        ),
    ],
)
def test_a_change_seen_from_another_file(
    bundled_copy: Path, file: str, old: str, new: str, code: str, where: str
) -> None:
    """A per-file part's findings also depend on the kinds it looks up: changing those re-runs it."""
    assert check_ledger(bundled_copy) == []
    path = bundled_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = check_ledger(bundled_copy)
    assert key(found) == key(fresh(bundled_copy))
    assert any(d.code == code and d.file == where for d in found)


def test_a_signature_leaves_the_file_as_a_fresh_read_gives_it(bundled_copy: Path, tmp_path: Path) -> None:
    """`expense sign` re-reads only the records after the signed one; what it leaves in the cache for
    the file (every record, at its moved line) is what parsing the file afresh gives."""
    from typer.testing import CliRunner

    from houqin.cli.app import app

    claims = load_ledger(bundled_copy, use_cache=False).ledger.records(Reimbursement)
    open_claim = next(c for c in claims if c.approval("principal") is None)  # type: ignore[attr-defined]
    assert check_ledger(bundled_copy) == []
    args = ["--ledger", str(bundled_copy), "expense", "sign", open_claim.id, "--as", "principal", "--by", "王建国"]
    principal_key = bundled_key(tmp_path / "keys", "principal-wang-jianguo")
    result = CliRunner().invoke(app, [*args, "--on", "2026-11-24", "--no-commit", "--key", str(principal_key)])
    assert result.exit_code == 0, result.output
    warm = load_ledger(bundled_copy).ledger.records(Reimbursement)
    cold = load_ledger(bundled_copy, use_cache=False).ledger.records(Reimbursement)
    assert [(r, r.source) for r in warm] == [(r, r.source) for r in cold]
    assert key(check_ledger(bundled_copy)) == key(fresh(bundled_copy))


def test_a_part_seeing_ids_checks_again_only_the_records_naming_an_id_added(bundled_copy: Path) -> None:
    """refs sees the ids of the kinds records link to (sees_ids): after an `asset add`, the loans,
    moves and repairs are not checked again whole; only a loan whose finding named the new card's
    id (REF009, a card not yet entered) is, and its finding goes. Every result equals a fresh check's,
    and a signature (a rewrite in a seen file: no id added) checks none of them again."""
    from typer.testing import CliRunner

    from houqin.cli.app import app
    from houqin.ledger.store import next_id
    from houqin.models.kinds import KIND_BY_NAME

    ledger = load_ledger(bundled_copy, use_cache=False).ledger
    card = next_id(ledger, KIND_BY_NAME["assets"], 2026)
    loans = bundled_copy / "2026/loans.yaml"
    loans.write_text(
        loans.read_text("utf-8")
        + f"- id: JY-2026-0099\n  date: 2026-11-20\n  asset: {card}\n  borrower: 曾红霞\n  purpose: 公开课准备\n"
        + "  due: 2026-11-30\n",
        "utf-8",
    )
    before = check_ledger(bundled_copy)
    assert [(d.code, d.record) for d in before if d.check == "refs"] == [("REF009", "JY-2026-0099")]
    whole: list[str] = []
    rechecked: list[tuple[str, ...]] = []
    real_file, real_records = Ledger.file_view, Ledger.records_view

    def file_view(self: Ledger, file: str, kind: str, *args: Any, **kw: Any) -> Ledger:
        if "'refs'" in args[-1]:
            whole.append(file)
        return real_file(self, file, kind, *args, **kw)

    def records_view(self: Ledger, kind: str, records: Any, *args: Any, **kw: Any) -> Ledger:
        if "'refs'" in args[-1]:
            rechecked.append(tuple(r.id for r in records))
        return real_records(self, kind, records, *args, **kw)

    add = ["--ledger", str(bundled_copy), "asset", "add", "--name", "投影仪", "--category", "A02010105"]
    add += ["--price", "4200", "--place", "XZ-201", "--keeper", "李明", "--date", "2026-11-24", "--no-commit"]
    add += ["--origin", "捐赠", "--document", "ZS-2026-11"]
    with pytest.MonkeyPatch.context() as m:
        m.setattr(Ledger, "file_view", file_view)
        m.setattr(Ledger, "records_view", records_view)
        result = CliRunner().invoke(app, add)
    assert result.exit_code == 0 and card in result.output, result.output
    after = check_ledger(bundled_copy)
    assert key(after) == key(check_ledger(bundled_copy, use_cache=False))
    assert not [d for d in after if d.check == "refs"]  # the card the loan names is there now
    linking = {"2026/loans.yaml", "2026/moves.yaml", "2026/repairs.yaml", "2026/disposals.yaml"}
    assert not linking & set(whole), whole  # checked again whole: none of the files that link to cards
    assert ("JY-2026-0099",) in rechecked  # the one loan whose finding named the new card


def test_an_append_leaves_in_the_cache_what_a_fresh_parse_would(bundled_copy: Path) -> None:
    """An appended file's cache entry is its old entry with the new record after it (remember_appended:
    the file's other records neither decoded nor encoded again): after two cards added, and one more
    into a file with no entry (the whole file encoded then), the entry is, row for row, with its ids,
    days, tops and diagnostics, what parsing the file gives."""
    import marshal

    from typer.testing import CliRunner

    from houqin.cli.app import app
    from houqin.ledger import load as load_mod
    from houqin.ledger.cache import Cache, file_key
    from houqin.ledger.files import digest_of
    from houqin.ledger.load import cached_rows, payload_of
    from houqin.models.kinds import KIND_BY_FILE

    rel = "2026/assets.yaml"
    kind = KIND_BY_FILE["assets.yaml"]
    assert check_ledger(bundled_copy) == []
    spliced = []
    real = load_mod.remember_appended

    def counted(root: Path, rel: str, was: str, data: bytes, added: list[Record]) -> bool:
        if len(spliced) == 2:  # the old entry gone by now: the whole file is encoded
            (root / ".houqin/cache" / file_key(rel, was)).unlink()
        spliced.append(real(root, rel, was, data, added))
        return spliced[-1]

    for date in ("2026-11-24", "2026-11-25", "2026-11-26"):
        add = ["--ledger", str(bundled_copy), "asset", "add", "--name", "投影仪", "--category", "A02010105"]
        add += ["--price", "4200", "--place", "XZ-201", "--keeper", "李明", "--date", date, "--no-commit"]
        add += ["--origin", "捐赠", "--document", "ZS-2026-11"]
        with pytest.MonkeyPatch.context() as m:
            m.setattr("houqin.ledger.store.remember_appended", counted)
            result = CliRunner().invoke(app, add)
        assert result.exit_code == 0, result.output
        data = (bundled_copy / rel).read_bytes()
        entry = Cache(bundled_copy).get(file_key(rel, digest_of(data)))
        rows = cached_rows(Cache(bundled_copy), file_key(rel, digest_of(data)))
        fresh_read = load_ledger(bundled_copy, use_cache=False)
        parsed = fresh_read.ledger.file_records(kind.name, rel)
        diags = [d for d in fresh_read.diagnostics if d.file == rel]
        expected = payload_of(kind, sorted(parsed, key=lambda r: r.source.line), diags)
        assert entry is not None and rows is not None, date
        assert entry[:2] == expected[:2] and entry[2] == b"" and entry[3:] == expected[3:], date
        assert marshal.loads(rows) == marshal.loads(expected[2]), date
    assert spliced == [True, True, False]
    assert check_ledger(bundled_copy) == check_ledger(bundled_copy, use_cache=False)


def test_a_signature_leaves_in_the_cache_what_a_fresh_parse_would(bundled_copy: Path, tmp_path: Path) -> None:
    """The signed file's cache entry keeps the rows before the signed record from the entry it had
    and encodes the rest (remember_rewritten): after a signature in the middle of the file and one
    after it, the entry is, row for row and with its latest step, what parsing the file gives."""
    import marshal

    from typer.testing import CliRunner

    from houqin.cli.app import app
    from houqin.ledger.cache import Cache, file_key
    from houqin.ledger.files import digest_of
    from houqin.ledger.load import cached_rows, payload_of
    from houqin.models.kinds import KIND_BY_FILE

    rel = "2026/expenses.yaml"
    claims = load_ledger(bundled_copy, use_cache=False).ledger.records(Reimbursement)
    open_claims = [c for c in claims if c.approval("principal") is None]  # type: ignore[attr-defined]
    assert len(open_claims) == 2 and open_claims[0].source.line < max(c.source.line for c in claims)
    assert check_ledger(bundled_copy) == []
    kind = KIND_BY_FILE["expenses.yaml"]
    mid, last = (c.id for c in open_claims)
    steps = [
        (mid, "principal", "王建国", "principal-wang-jianguo", "2026-11-24"),
        (last, "witness", "吴芳", "clerk-wu-fang", "2026-11-24"),
        (last, "principal", "王建国", "principal-wang-jianguo", "2026-11-25"),
    ]
    for claim, role, by, stem, on in steps:
        args = ["--ledger", str(bundled_copy), "expense", "sign", claim, "--as", role, "--by", by, "--on", on]
        signer = bundled_key(tmp_path / "keys", stem)
        result = CliRunner().invoke(app, [*args, "--no-commit", "--key", str(signer)])
        assert result.exit_code == 0, result.output
        data = (bundled_copy / rel).read_bytes()
        entry = Cache(bundled_copy).get(file_key(rel, digest_of(data)))
        rows = cached_rows(Cache(bundled_copy), file_key(rel, digest_of(data)))
        parsed = load_ledger(bundled_copy, use_cache=False).ledger.file_records(kind.name, rel)
        expected = payload_of(kind, sorted(parsed, key=lambda r: r.source.line), ())
        assert entry is not None and rows is not None, (claim, role)
        assert entry[:2] == expected[:2] and entry[2] == b"" and entry[3:] == expected[3:], (claim, role)
        assert marshal.loads(rows) == marshal.loads(expected[2]), (claim, role)


BY_RECORD = [(c.name, p) for c in registry.CHECKS for p in c.parts if p.by_record]


def by_record_findings(root: Path, why: object) -> Counter[str]:
    """Hold every part declared by record to it on the ledger at `root`: what the part finds in a file
    is exactly what it finds in each record of the file alone, and each finding is about that record.
    Returns how many findings each part had (a comparison of nothing proves nothing)."""
    result = load_ledger(root, use_cache=False)
    ledger, today = result.ledger, clock.today()
    policy = ledger.config.policy
    compared: Counter[str] = Counter()
    for name, part in BY_RECORD:
        for kind in KINDS:
            sees = part.sees_for(kind.name)
            if kind.name not in part.reads or kind.name in sees:
                continue
            for rel in files_by_kind(result).get(kind.name, ()):
                found = part.call(ledger.file_view(rel, kind.name, part.reads, sees, name), policy, today)
                alone: list[Diagnostic] = []
                for r in ledger.file_records(kind.name, rel):
                    mine = part.call(ledger.records_view(kind.name, [r], part.reads, sees, name), policy, today)
                    assert all(d.record == r.id for d in mine), (name, r.id, mine, why)
                    alone += mine
                assert Counter(found) == Counter(alone), (name, rel, why)
                compared[name] += len(found)
    return compared


def test_a_by_record_part_finds_each_record_alone(tmp_path: Path) -> None:
    """On the ledger of every rule table's case (each breaks one rule): every part declared by record
    is held to it, and every one of them finds something in some case."""
    from tests.conftest import write_ledger
    from tests.test_rules import breaking_cases

    compared: Counter[str] = Counter()
    for n, (name, files, _expected) in enumerate(breaking_cases()):
        compared += by_record_findings(write_ledger(tmp_path / f"case-{n}", files), name)
    # The closes' and the year-end close's rules need closed months and years (the next test has them).
    assert set(compared) == {name for name, _part in BY_RECORD} - {"close", "year"}, compared


def test_a_by_record_part_finds_each_record_alone_in_a_big_broken_ledger(bundled_copy: Path) -> None:
    """The same on the bundled ledger broken by random edits: many records, many findings, in files
    of every kind (the rule tables' ledgers hold a record or two)."""
    rng = random.Random(11)
    values = values_by_field(bundled_copy)
    history = [edit(bundled_copy, rng, values) for _ in range(30)]
    compared = by_record_findings(bundled_copy, history)
    assert sum(compared.values()) >= 100 and {"close", "year"} <= set(+compared), (compared, history)


def test_a_write_checks_again_only_the_records_it_touched(
    bundled_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`expense sign` of a claim in the middle of the file: the by-record parts run on that claim
    alone, and the file's other findings — one after it, at the line the signature moved it to — are
    taken from before. The write's result is exactly a fresh check's."""
    from typer.testing import CliRunner

    from houqin.cli.app import app

    path = bundled_copy / "2026/expenses.yaml"
    claims = load_ledger(bundled_copy, use_cache=False).ledger.records(Reimbursement)
    unsigned = [c for c in claims if c.approval("principal") is None and c.source.file == "2026/expenses.yaml"]
    target = min(unsigned, key=lambda c: c.source.line)
    later = max((c for c in claims if c.source.file == target.source.file), key=lambda c: c.source.line)
    assert later.source.line > target.source.line and later.approvals
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    step = later.approvals[-1]
    lines[step.line - 1] = lines[step.line - 1].replace(f"by: {step.by}", "by: 无名氏", 1)
    path.write_text("".join(lines), encoding="utf-8")
    before = check_ledger(bundled_copy)
    stale = [d for d in before if d.record == later.id and d.code == "REF001"]
    assert stale, before
    seen: list[int] = []
    call = Part.call

    def counted(self: Part, ledger: Ledger, policy: Policy, today: Any) -> list[Diagnostic]:
        if self.by_record:
            seen.append(len(ledger.held.get("expenses", ())))
        return call(self, ledger, policy, today)

    monkeypatch.setattr(Part, "call", counted)
    args = ["--ledger", str(bundled_copy), "expense", "sign", target.id, "--as", "principal", "--by", "王建国"]
    principal_key = bundled_key(tmp_path / "keys", "principal-wang-jianguo")
    result = CliRunner().invoke(app, [*args, "--on", "2026-11-24", "--no-commit", "--key", str(principal_key)])
    assert result.exit_code == 0, result.output
    assert seen and max(seen) == 1, seen  # the signed claim alone, never the file
    monkeypatch.setattr(Part, "call", call)
    after = check_ledger(bundled_copy)  # the result the write left
    assert key(after) == key(fresh(bundled_copy))
    moved = [d for d in after if d.record == later.id and d.code == "REF001"]
    assert [d.line for d in moved] != [d.line for d in stale]  # the signature moved it: a stale line would fail


BY_IDS = [(c.name, p) for c in registry.CHECKS for p in c.parts if p.by_ids]


def by_ids_findings(root: Path) -> dict[str, list[Diagnostic]]:
    result = load_ledger(root, use_cache=False)
    ledger, today = result.ledger, clock.today()
    views = {name: ledger.ids_view(part.reads, OPENING_KINDS, name) for name, part in BY_IDS}  # a record read raises
    return {name: part.call(views[name], ledger.config.policy, today) for name, part in BY_IDS}


def ids_and_files(root: Path) -> set[tuple[str, str]]:
    ledger = load_ledger(root, use_cache=False).ledger
    return {(rid, file) for kind in KINDS for rid, file, _line, _day in ledger.id_sources(kind.name)}


def carried_card_ids(root: Path) -> list[str]:
    text = (root / "2026/assets.carried.yaml").read_text(encoding="utf-8")
    return [line.split("id:", 1)[1].strip() for line in text.splitlines() if line.startswith("- ")]


def drop_a_carried_card(root: Path) -> str:
    """The first card of the carried register taken out: the opening carried it, the open year lacks it."""
    path = root / "2026/assets.carried.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("- ")]
    gone = lines[starts[0]].split("id:", 1)[1].strip()
    path.write_text("".join(lines[: starts[0]] + lines[starts[1] :]), encoding="utf-8")
    return gone


def test_a_by_ids_part_reads_nothing_but_ids_and_openings(bundled_copy: Path) -> None:
    """Every part declared by ids is held to it: on the bundled ledger with a carried card taken out
    (so it finds something), random changes of what records say — every change that leaves each id in
    its file, none in the openings — leave its findings as they were."""
    gone = drop_a_carried_card(bundled_copy)
    was = by_ids_findings(bundled_copy)
    assert BY_IDS and any(d.record == gone and d.code == "YRC003" for found in was.values() for d in found), was
    places = ids_and_files(bundled_copy)
    rng = random.Random(5)
    values = {f: v for f, v in values_by_field(bundled_copy).items() if f != "id"}
    kept = 0
    for _ in range(40):
        snapshot = {p: p.read_bytes() for p in bundled_copy.glob("20*/*.yaml")}
        done = edit(bundled_copy, rng, values)
        changed = [p for p, data in snapshot.items() if p.read_bytes() != data]
        if (
            done.startswith(("dropped", "copied"))
            or any(p.name == "openings.yaml" for p in changed)
            or (ids_and_files(bundled_copy) != places)
        ):
            for p in changed:
                p.write_bytes(snapshot[p])
            continue
        kept += 1
        assert by_ids_findings(bundled_copy) == was, done
    assert kept >= 20, kept


def test_a_write_that_only_rewrites_keeps_the_by_ids_findings(
    bundled_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`expense sign` rewrites a claim and `asset add` appends a new card: the parts by ids are not run
    again, their findings (a carried card missing) taken from before; a write that puts the missing card
    back appends a record of an id they are about: they run again. Each write's result is exactly a
    fresh check's."""
    from typer.testing import CliRunner

    from houqin.cli.app import app

    card = load_ledger(bundled_copy, use_cache=False).ledger.record_by_id[carried_card_ids(bundled_copy)[0]]
    gone = drop_a_carried_card(bundled_copy)
    assert gone == card.id
    assert any(d.code == "YRC003" and d.record == gone for d in check_ledger(bundled_copy))
    runs: list[str] = []
    call = Part.call

    def counted(self: Part, ledger: Ledger, policy: Policy, today: Any) -> list[Diagnostic]:
        if self.by_ids:
            runs.append(self.run.__name__)
        return call(self, ledger, policy, today)

    monkeypatch.setattr(Part, "call", counted)
    claims = load_ledger(bundled_copy, use_cache=False).ledger.records(Reimbursement)
    target = min((c for c in claims if c.approval("principal") is None), key=lambda c: c.source.line)
    principal_key = bundled_key(tmp_path / "keys", "principal-wang-jianguo")
    sign = ["--ledger", str(bundled_copy), "expense", "sign", target.id, "--as", "principal", "--by", "王建国"]
    result = CliRunner().invoke(app, [*sign, "--on", "2026-11-24", "--no-commit", "--key", str(principal_key)])
    assert result.exit_code == 0, result.output
    assert runs == []
    after = check_ledger(bundled_copy)  # the result the write left
    assert any(d.code == "YRC003" and d.record == gone for d in after)
    assert key(after) == key(fresh(bundled_copy))
    add = ["--ledger", str(bundled_copy), "asset", "add", "--name", "投影仪", "--category", "A02010105"]
    add += ["--price", "4200", "--place", "XZ-201", "--keeper", "李明", "--date", "2026-11-24", "--no-commit"]
    add += ["--origin", "捐赠", "--document", "ZS-2026-11"]
    runs.clear()  # the fresh check ran them
    result = CliRunner().invoke(app, add)
    assert result.exit_code == 0, result.output
    assert runs == []  # a new id: it was missing nowhere
    after = check_ledger(bundled_copy)
    assert any(d.code == "YRC003" and d.record == gone for d in after)
    assert key(after) == key(fresh(bundled_copy))
    from houqin.ledger.store import write_session

    runs.clear()
    with write_session(bundled_copy) as session:
        path, _placed = session.add(card)  # the card put back where the close carried it
        assert path == bundled_copy / "2026/assets.carried.yaml"
        found = run_cached(bundled_copy, session.loaded_after)
        session.flush("the card put back", commit=False)
    assert runs and set(runs) == {"check_carried_present"}  # an id they were about added: they run again
    assert not any(d.code == "YRC003" for d in found)
    assert key(found) == key(fresh(bundled_copy)) == key(check_ledger(bundled_copy))


def close_books_write(root: Path, rng: random.Random) -> tuple[str, list[Diagnostic]]:
    """One write that changes the closes and their months: a closed month reopened, or an open month
    given a close whose fingerprints match none of its records nor the two of other months it names
    (CLS001 and CLS002 for them, and CLS008 for the open months before it). Written without a commit; what it did, and the check of its result
    from the part store (as a write checks itself before it writes)."""
    from houqin.ledger.store import write_session
    from houqin.models.base import Approval
    from houqin.models.closing import SEAL, standing_closes
    from houqin.models.records import Close, Reopen
    from houqin.services.inputs import validated

    with write_session(root) as session:
        ledger = session.ledger
        standing = standing_closes(ledger)
        if rng.random() < 0.5 and standing:
            month = rng.choice(sorted(standing))
            record = validated(
                Reopen,
                id=f"KZ-2026-{80 + rng.randrange(9):04d}",
                date=dt.date(2026, 11, 25),
                month=month,
                close=standing[month].id,
                reason="补记",
                approvals=(Approval(role="principal", by="王建国", on=dt.date(2026, 11, 25)),),
            )  # fmt: skip (a month before the latest closed: not what `finance reopen` allows, a write still)
            what = f"reopened {month}"
        else:
            month = rng.choice([m for m in (f"2026-{n:02d}" for n in range(1, 12)) if m not in standing])
            ids = sorted(r.id for r in ledger.records(Reimbursement) if r.date.strftime("%Y-%m") == month)
            other = sorted(r.id for r in ledger.records(Reimbursement) if r.date.strftime("%Y-%m") < month)
            named = [*ids[:3], *rng.sample(other, min(2, len(other)))]  # and claims of other months
            prints = tuple(f"{rid} 000000000000" for rid in named)
            record = validated(
                Close, id=f"JZ-2026-{90 + rng.randrange(9):04d}", date=dt.date(2026, 11, 25), month=month,
                closed_by="孙慧", seal=SEAL, records=len(prints), fingerprints=prints, previous="0" * 64,
                digest="0" * 64, approvals=(Approval(role="accountant", by="孙慧", on=dt.date(2026, 11, 25)),),
            )  # fmt: skip
            what = f"closed {month} wrongly"
        session.add(record)
        found = run_cached(root, session.loaded_after)
        session.flush(what, commit=False)
    return what, found


@pytest.mark.parametrize(("seed", "first_close"), [(1, False), (2, False), (3, False), (4, True)])
def test_a_write_to_the_closes_checks_again_only_the_months_it_changed(
    bundled_copy: Path, monkeypatch: pytest.MonkeyPatch, seed: int, first_close: bool
) -> None:
    """The parts by month (signatures by key, sealed records) after writes that reopen a month or close
    one wrongly: the check of each write's result, from the part store, is exactly a fresh check's —
    the findings about the months changed among them — and those parts ran on the records of the
    months changed, not on every record of the year (also when the write creates the closes' file);
    the opening's digest, over its whole register, is not taken again."""
    rng = random.Random(seed)
    if first_close:  # the year's first close: the write creates closes.yaml
        (bundled_copy / "2026/closes.yaml").unlink()
    check_ledger(bundled_copy)
    sizes: list[int] = []
    call = Part.call

    openings = KIND_BY_MODEL[YearOpening].name
    reread: list[str] = []

    def counted(self: Part, ledger: Ledger, policy: Policy, today: Any) -> list[Diagnostic]:
        if self.by_month:
            sizes.append(sum(len(ledger.held.get(k.name, ())) for k in KINDS if k.name not in UNSEALED))
        if self.per_file and openings in self.reads and ledger.held.get(openings, ()):
            reread.append(self.run.__name__)
        return call(self, ledger, policy, today)

    from houqin.checks import year_close

    digests: list[str] = []
    digest = year_close.opening_digest

    def taken(opening: Any) -> str:
        digests.append(opening.id)
        return digest(opening)

    from houqin.ledger import load

    built: list[str] = []
    codec = load.model_codec

    def counting_codec(model: Any) -> Any:
        encode, decode = codec(model)
        if model is not YearOpening:
            return encode, decode

        def decoded(row: Any) -> Any:
            built.append(row[0])
            return decode(row)

        return encode, decoded

    history = []
    codes: set[str] = set()
    for _ in range(4):
        monkeypatch.setattr(Part, "call", counted)
        monkeypatch.setattr(year_close, "opening_digest", taken)
        monkeypatch.setattr(load, "model_codec", counting_codec)
        sizes.clear()
        what, got = close_books_write(bundled_copy, rng)
        history.append(what)
        monkeypatch.setattr(Part, "call", call)
        monkeypatch.setattr(year_close, "opening_digest", digest)
        monkeypatch.setattr(load, "model_codec", codec)
        assert digests == [] and reread == [], (history, reread)  # the opening's file is not checked again
        assert built == [], history  # nor the opening decoded, with its register
        assert key(got) == key(fresh(bundled_copy)), history
        assert sizes and max(sizes) < 150, (history, sorted(sizes)[-5:])
        codes.update(d.code for d in got)
    assert {"CLS001", "CLS008"} <= codes, (history, codes)  # what the writes changed was found
