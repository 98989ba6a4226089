"""Small ledgers written as text inside the tests (like beancount's @load_doc)."""

from __future__ import annotations

import os
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

# The suite is deterministic: hypothesis draws the same examples on every run (and keeps no database),
# so CI never fails on a draw nobody saw. `HYPOTHESIS_PROFILE=explore` searches afresh, as a developer
# should before a release; what it finds becomes an explicit test.
settings.register_profile("deterministic", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "ledgers"

BASE: dict[str, str] = {
    "houqin.yaml": """\
        schema: 1
        school:
          name: 测试小学
        terms:
          - {id: 2025-2026-2, start: 2026-02-20, end: 2026-07-10}
        """,
    "people.yaml": """\
        - {name: 王校长, roles: [principal], department: 校长室, joined: 2010-09-01}
        - {name: 刘副校长, roles: [vice_principal], department: 校长室, joined: 2010-09-01}
        - {name: 李主任, roles: [director, keeper], department: 总务处, joined: 2010-09-01}
        - {name: 赵出纳, roles: [cashier], department: 财务室, joined: 2010-09-01}
        - {name: 张老师, roles: [teacher], department: 语文组, joined: 2010-09-01}
        - {name: 陈老师, roles: [teacher], department: 数学组, joined: 2010-09-01, left: 2026-03-01}
        - name: 孙老师
          roles:
            - {role: teacher}
            - {role: accountant}
            - {role: principal, since: 2026-06-01}
          joined: 2010-09-01
        - {name: 周保管, roles: [keeper], department: 总务处, joined: 2010-09-01}
        """,
    "places.yaml": """\
        - {id: JX-101, name: 一年级(1)班, kind: classroom, keeper: 张老师}
        - {id: SY-301, name: 计算机教室, kind: function, keeper: 李主任}
        - {id: OLD-1, name: 旧仓库, kind: storeroom, keeper: 李主任, active: false}
        """,
    # 教学仪器's code is one houqin's code table (asset_codes.yaml) neither knows nor judges.
    "catalog.yaml": """\
        items:
          - {id: paper-a4, name: A4复印纸, unit: 包, category: 印刷耗材}
        asset_categories:
          - {code: A02010105, name: 台式计算机, life_years: 6}
          - {code: A02109900, name: 教学仪器, life_years: 5, special: true}
        budget_lines:
          - {id: "30201", name: 办公费, year: 2026, amount: "50000.00"}
        funding_sources: [财政拨款, 自筹资金]
        accounts:
          - {id: cash, name: 现金, opening: "5000.00", opened: 2026-01-01}
          - {id: bank, name: 银行存款, opening: "200000.00", opened: 2026-01-01}
        """,
    # The term's two counts (期初清点、期末盘点), each report acknowledged by the principal (书面上报校长室),
    # so that a test ledger warns of nothing it does not test.
    "2026/stocktakes.yaml": """\
        - id: PD-2026-0001
          date: 2026-02-21
          term: 2025-2026-2
          at: term-start
          places: [SY-301]
          counted_by: [李主任]
          approvals:
          - {role: principal, by: 王校长, on: 2026-02-23}
        - id: PD-2026-0002
          date: 2026-07-08
          term: 2025-2026-2
          places: [SY-301]
          counted_by: [李主任]
          approvals:
          - {role: principal, by: 王校长, on: 2026-07-09}
        """,
}

GOOD_EXPENSE = textwrap.dedent("""\
    - id: BX-2026-0001
      date: 2026-03-05
      payee: 文具店
      amount: "1299.50"
      budget_line: "30201"
      purpose: 办公用品
      invoices:
      - {number: "26442000000012345678", date: 2026-03-03, amount: "1299.50"}
      approvals:
      - {role: handler, by: 张老师, on: 2026-03-05}
      - {role: witness, by: 李主任, on: 2026-03-05}
      - {role: principal, by: 王校长, on: 2026-03-06}
      payment: {on: 2026-03-07, by: 赵出纳, account: bank}
    """)

GOOD_ASSET = textwrap.dedent("""\
    - id: ZC-2026-0001
      date: 2026-03-02
      name: 台式电脑
      category: A02010105
      unit_price: "4999.00"
      place: SY-301
      keeper: 李主任
      funding: 财政拨款
    """)


def write_ledger(root: Path, files: dict[str, str] | None = None) -> Path:
    """Write the base ledger plus `files` (path → YAML text, dedented; None deletes a base file)."""
    merged: dict[str, str | None] = {**BASE, **(files or {})}
    root.mkdir(parents=True, exist_ok=True)
    for rel, text in merged.items():
        if text is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def ledger_dir(tmp_path: Path) -> Callable[..., Path]:
    def make(files: dict[str, str] | None = None, name: str = "ledger") -> Path:
        return write_ledger(tmp_path / name, files)

    return make


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@x",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@x",
    }
    proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {proc.stdout}{proc.stderr}")
    return proc.stdout


@pytest.fixture
def git_ledger(tmp_path: Path) -> Callable[..., Path]:
    """A ledger in its own git repository, committed, with houqin's hook installed."""

    def make(files: dict[str, str] | None = None) -> Path:
        from houqin.ledger.git import init_repo, install_hook

        root = write_ledger(tmp_path / "repo", files)
        init_repo(root)
        git(root, "config", "user.name", "测试")
        git(root, "config", "user.email", "t@example.org")
        install_hook(root)
        git(root, "add", "-A")
        git(root, "commit", "-q", "--no-verify", "-m", "start")
        return root

    return make


@pytest.fixture(autouse=True)
def _isolate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HOUQIN_LEDGER", raising=False)
    monkeypatch.delenv("HOUQIN_LANG", raising=False)
    # Checks of open loans and repair tickets depend on the day: pin it so the suite never ages.
    monkeypatch.setenv("HOUQIN_TODAY", "2026-11-24")
    monkeypatch.setenv("COLUMNS", "200")
    # A message missing from a catalogue fails the test instead of printing its key (houqin.i18n.STRICT).
    monkeypatch.setenv("HOUQIN_STRICT_MESSAGES", "1")
