"""The layers of docs/architecture.md hold: import-linter checks the contracts in pyproject.toml, here as
in `make lint`, so CI fails on an upward import — and on a deliberate one, in a copy of the package."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.conftest import ROOT

LINT = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """`lint-imports` on the package and pyproject.toml found in `root`."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [sys.executable, "-c", LINT, "--no-cache", "--no-logo"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def copy_of_houqin(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "houqin", tmp_path / "houqin", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_layers_hold() -> None:
    done = lint_imports(ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 kept, 0 broken" in done.stdout


def test_an_upward_import_breaks_the_layers(tmp_path: Path) -> None:
    """The test above can fail: a model that imports a report, even inside a function, is refused."""
    root = copy_of_houqin(tmp_path)
    (root / "houqin" / "models" / "upward.py").write_text(
        "def month() -> object:\n    from houqin.reports.stock import monthly_movement\n\n    return monthly_movement\n",
        encoding="utf-8",
    )
    done = lint_imports(root)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "houqin.models is not allowed to import houqin.reports" in done.stdout
    assert "houqin.models.upward -> houqin.reports.stock (l.2)" in done.stdout


def test_siblings_that_never_import_each_other(tmp_path: Path) -> None:
    """`inputs | checks`: the readers of spreadsheets and the rules know nothing of each other."""
    root = copy_of_houqin(tmp_path)
    (root / "houqin" / "checks" / "sideways.py").write_text("import houqin.inputs.sheets\n", encoding="utf-8")
    done = lint_imports(root)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "houqin.checks.sideways -> houqin.inputs.sheets (l.1)" in done.stdout


def test_a_new_top_level_module_must_be_given_its_layer(tmp_path: Path) -> None:
    root = copy_of_houqin(tmp_path)
    (root / "houqin" / "stray.py").write_text('"""Nowhere yet."""\n', encoding="utf-8")
    done = lint_imports(root)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "The following modules are not listed as layers:\n\n- houqin.stray\n" in done.stdout


def test_every_layer_of_the_contract_is_in_the_architecture() -> None:
    """docs/architecture.md draws the same layers the linter checks."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = config["tool"]["importlinter"]["contracts"]
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    names = [name.strip() for line in contract["layers"] for name in line.replace(":", "|").split("|")]
    assert len(names) == 18
    missing = [name for name in names if f"`houqin/{name}" not in doc]
    assert not missing, f"layers the contract names but docs/architecture.md does not draw: {missing}"
