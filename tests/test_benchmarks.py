"""The benchmark generator writes what houqin itself would write: a clean ledger in the house style,
and the same transactions for hledger and beancount."""

from __future__ import annotations

import importlib.util
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from houqin.checks.engine import run_checks
from houqin.ledger.load import load_ledger
from houqin.ledger.roundtrip import yaml_rt
from houqin.models.records import Purchase, StockIn

ROOT = Path(__file__).resolve().parents[1]


def generate(n: int, out: Path) -> None:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.generate(n, out)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bench") / "ledger"
    generate(400, root)
    return root


def test_generated_ledger_is_clean(generated: Path) -> None:
    result = load_ledger(generated, use_cache=False)
    assert run_checks(result) == []
    purchases = len(result.ledger.records(Purchase))
    assert purchases == len(result.ledger.records(StockIn)) > 0  # every receipt has its accepted purchase
    assert sum(1 for _ in result.ledger.all_records()) == 400 + 12 + purchases


def test_generated_files_are_in_the_house_style(generated: Path) -> None:
    y = yaml_rt()
    for path in sorted(generated.glob("20*/*.yaml")):
        text = path.read_text(encoding="utf-8")
        buf = io.StringIO()
        y.dump(y.load(text), buf)
        assert buf.getvalue() == text, path


@pytest.mark.skipif(shutil.which("hledger") is None, reason="hledger is not installed")
def test_hledger_reads_the_equivalent_journal(generated: Path) -> None:
    journal = generated.parent / "ledger-peers" / "ledger.journal"
    proc = subprocess.run(["hledger", "-f", str(journal), "check"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
