"""The generated references are current: a command or a rule added without its docs fails here."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_gen() -> object:
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_current() -> None:
    gen = load_gen()
    assert (ROOT / "docs/cli.md").read_text(encoding="utf-8") == gen.cli_md(), "run: python scripts/gen_docs.py"  # type: ignore[attr-defined]


def test_checks_reference_is_current() -> None:
    gen = load_gen()
    assert (ROOT / "docs/checks.md").read_text(encoding="utf-8") == gen.checks_md(), "run: python scripts/gen_docs.py"  # type: ignore[attr-defined]


def test_bundled_ledger_is_what_the_builder_makes(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build", ROOT / "scripts" / "build_demo_ledger.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    built = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    shipped = {
        p.relative_to(ROOT / "ledgers").as_posix(): p.read_bytes()
        for p in (ROOT / "ledgers").rglob("*")
        if p.is_file() and ".houqin" not in p.parts
    }
    assert built == shipped
