"""Writes touch only the record they mean to: comments, order and quoting elsewhere stay."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from houqin.ledger.load import load_ledger
from houqin.ledger.roundtrip import render_records, yaml_rt
from houqin.ledger.save import atomic_write
from houqin.ledger.store import write_session
from houqin.models.base import Approval
from houqin.models.records import Asset, Close, Reimbursement
from tests.conftest import GOOD_ASSET, GOOD_EXPENSE, git

COMMENTED = (
    "# 2026 年固定资产 — kept by hand and by houqin\n"
    + GOOD_ASSET.replace("  name: 台式电脑\n", "  name: 台式电脑   # 信息中心统一采购\n")
    + "# 下一批待验收\n\n"
)


def new_asset(n: int) -> Asset:
    return Asset(
        id=f"ZC-2026-{n:04d}",
        date=dt.date(2026, 3, 9),
        name="投影仪",
        category="A02010105",
        unit_price=Decimal("4200"),
        place="SY-301",
        keeper="李主任",
        funding="财政拨款",
        model="CB-X50",
    )


def test_append_keeps_everything_else_byte_for_byte(ledger_dir: Callable[..., Path]) -> None:
    root = ledger_dir({"2026/assets.yaml": COMMENTED})
    with write_session(root) as session:
        session.add(new_asset(2))
        session.flush("add", commit=False)
    text = (root / "2026/assets.yaml").read_text()
    assert text.startswith(COMMENTED)
    assert text[len(COMMENTED) :] == (
        "- id: ZC-2026-0002\n  date: 2026-03-09\n  name: 投影仪\n  category: A02010105\n  model: CB-X50\n"
        '  unit_price: "4200.00"\n  place: SY-301\n  keeper: 李主任\n  funding: 财政拨款\n'
    )
    # ...and it is exactly what a full ruamel load + dump would have written.
    y = yaml_rt()
    buf = io.StringIO()
    y.dump(y.load(text), buf)
    assert buf.getvalue() == text


def test_adding_one_record_shows_in_git_diff_as_exactly_its_lines(git_ledger: Callable[..., Path]) -> None:
    root = git_ledger({"2026/assets.yaml": COMMENTED})
    with write_session(root) as session:
        session.add(new_asset(2))
        session.flush("add", commit=False)
    diff = git(root, "diff", "--unified=0", "--", "2026/assets.yaml")
    added = [line[1:] for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")]
    removed = [line for line in diff.splitlines() if line.startswith("-") and not line.startswith("---")]
    assert removed == []
    assert added == [
        "- id: ZC-2026-0002",
        "  date: 2026-03-09",
        "  name: 投影仪",
        "  category: A02010105",
        "  model: CB-X50",
        '  unit_price: "4200.00"',
        "  place: SY-301",
        "  keeper: 李主任",
        "  funding: 财政拨款",
    ]


def test_signing_adds_one_line_and_keeps_comments(ledger_dir: Callable[..., Path]) -> None:
    unsigned = GOOD_EXPENSE.split("  approvals:")[0].replace("  payee: 文具店\n", "  payee: 文具店  # 城关店\n")
    other = GOOD_ASSET  # unrelated file, must not change
    text = (
        "# 报销\n"
        + unsigned
        + "# 以下为下月\n"
        + unsigned.replace("BX-2026-0001", "BX-2026-0002").replace("26442000000012345678", "26442000000012345679")
    )
    root = ledger_dir({"2026/expenses.yaml": text, "2026/assets.yaml": other})
    with write_session(root) as session:
        claim = session.ledger.record_by_id["BX-2026-0001"]
        assert isinstance(claim, Reimbursement)
        signed = claim.model_copy(
            update={"approvals": (Approval(role="handler", by="张老师", on=dt.date(2026, 3, 5)),)}
        )
        session.replace(signed)
        session.flush("sign", commit=False)
    after = (root / "2026/expenses.yaml").read_text()
    before_lines, after_lines = text.splitlines(), after.splitlines()
    assert len(after_lines) == len(before_lines) + 2
    added = [line for line in after_lines if line not in before_lines]
    assert added == ["  approvals:", "  - {role: handler, by: 张老师, on: 2026-03-05}"]
    assert "  payee: 文具店  # 城关店" in after_lines and "# 以下为下月" in after_lines
    # a second signature adds exactly one more line
    with write_session(root) as session:
        claim = session.ledger.record_by_id["BX-2026-0001"]
        assert isinstance(claim, Reimbursement)
        more = (*claim.approvals, Approval(role="witness", by="李主任", on=dt.date(2026, 3, 5)))
        session.replace(claim.model_copy(update={"approvals": more}))
        session.flush("sign", commit=False)
    again = (root / "2026/expenses.yaml").read_text().splitlines()
    assert [line for line in again if line not in after_lines] == ["  - {role: witness, by: 李主任, on: 2026-03-05}"]
    assert load_ledger(root).diagnostics == ()


def test_atomic_write_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    atomic_write(target, b"one\n")
    atomic_write(target, b"two\n")
    assert target.read_bytes() == b"two\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


def test_a_refused_commit_restores_the_old_bytes(git_ledger: Callable[..., Path]) -> None:
    import pytest

    from houqin.errors import GitError
    from houqin.ledger.git import hook_path

    root = git_ledger({"2026/assets.yaml": COMMENTED})
    hook_path(root).write_text("#!/bin/sh\necho 'refused by policy' >&2\nexit 1\n")
    with write_session(root) as session:
        session.add(new_asset(2))
        session.add(new_asset(3))
        with pytest.raises(GitError) as err:
            session.flush("add", commit=True)
    assert "refused by policy" in str(err.value.params["output"])
    assert (root / "2026/assets.yaml").read_text() == COMMENTED
    assert git(root, "status", "--porcelain") == ""


def test_lock_is_exclusive(ledger_dir: Callable[..., Path]) -> None:
    import pytest

    from houqin.errors import InputError
    from houqin.ledger.save import ledger_lock

    root = ledger_dir()
    script = (
        "import sys, time; from pathlib import Path; from houqin.ledger.save import ledger_lock\n"
        "with ledger_lock(Path(sys.argv[1])):\n    print('held', flush=True); time.sleep(3)\n"
    )
    holder = subprocess.Popen(["python", "-c", script, str(root)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(InputError) as err, ledger_lock(root, timeout=0.3):
            pass
        assert err.value.key == "ledger_locked"
    finally:
        holder.kill()
        holder.wait()
    with ledger_lock(root, timeout=1):  # the kernel dropped the dead holder's lock
        pass


def _ruamel_text(records: list[Any]) -> str:
    from ruamel.yaml.comments import CommentedSeq

    from houqin.ledger.roundtrip import to_yaml

    buf = io.StringIO()
    yaml_rt().dump(CommentedSeq(to_yaml(r) for r in records), buf)
    return buf.getvalue()


def test_the_direct_writer_writes_every_bundled_record_as_ruamel_does() -> None:
    """house_text, the writer that spares ruamel (a close's fingerprints), gives ruamel's very text
    for each record of the bundled ledger, of every kind, or leaves the record to ruamel."""
    from houqin.ledger.roundtrip import house_text
    from houqin.models.kinds import KINDS
    from tests.conftest import BUNDLED

    ledger = load_ledger(BUNDLED, use_cache=False, full=True).ledger
    written = 0
    for kind in KINDS:
        for record in ledger.records(kind.model):
            text = house_text([record])
            if text is not None:
                assert text == _ruamel_text([record]), record.id
                written += 1
    assert written > 1000  # nearly every record is written directly
    closes = list(ledger.records(Close))
    assert house_text(closes) == _ruamel_text(closes)  # several at once, fingerprints and all


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs", "Cc"]), min_size=0, max_size=12
    ),
    st.sampled_from(["payee", "purpose", "note"]),
)
@example("0b1", "note")  # numbers ruamel's resolver knows and _scalar does not (found by a review)
@example("1.0_0", "payee")
@example("0x1_F", "purpose")
def test_the_direct_writer_writes_any_string_as_ruamel_does(text: str, field: str) -> None:
    """A string anywhere — a field, a list of fingerprints, a flow map — is written as ruamel writes it,
    or left to ruamel; and what is written reads back as the same record."""
    from houqin.ledger.roundtrip import house_text
    from houqin.ledger.yamlio import parse

    claim = Reimbursement.model_validate(
        {
            "id": "BX-2026-0001", "date": dt.date(2026, 3, 5), "payee": "文具店", "amount": "1299.50",
            "budget_line": "30201", "purpose": "办公用品",
            "invoices": [{"number": "26442000000012345678", "date": dt.date(2026, 3, 3), "amount": "1299.50"}],
            "approvals": [{"role": "handler", "by": "张老师", "on": dt.date(2026, 3, 5)}],
        }
    )  # fmt: skip
    if not text.strip() and field != "note":
        return  # a required name left blank is refused by the model
    try:
        claim = claim.model_copy(update={field: text})
        close = Close.model_validate(
            {
                "id": "JZ-2026-0001", "date": dt.date(2026, 4, 2), "month": "2026-03", "closed_by": "孙慧",
                "seal": 2, "records": 2, "fingerprints": [f"BX-2026-0001 {text}", text], "digest": "ab" * 32,
                "approvals": [{"role": "accountant", "by": text or "孙慧", "on": dt.date(2026, 4, 2)}],
            }
        )  # fmt: skip
    except ValueError:
        return
    for records in ([claim], [close]):
        direct = house_text(records)
        if direct is not None:
            assert direct == _ruamel_text(records)
            value, problem = parse(direct.encode("utf-8"))
            assert problem is None and value is not None


def test_the_direct_writer_leaves_a_flow_list_past_ruamels_width_to_ruamel() -> None:
    """A stocktake of 700 places: ruamel breaks the flow list past its width, so the direct writer
    leaves it to ruamel; 20 places are written directly, as ruamel writes them."""
    from houqin.ledger.roundtrip import house_text
    from houqin.models.kinds import KINDS
    from tests.conftest import BUNDLED

    ledger = load_ledger(BUNDLED, use_cache=False).ledger
    found = next(
        r for kind in KINDS for r in ledger.records(kind.model) if isinstance(getattr(r, "places", None), tuple)
    )
    for count, direct in ((20, True), (700, False)):
        many = found.model_copy(update={"places": tuple(f"JX-{n}" for n in range(count))})
        text = house_text([many])
        assert (text is not None) is direct, count
        assert render_records([many]) == _ruamel_text([many])
