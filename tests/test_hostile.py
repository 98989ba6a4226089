"""Hostile and broken input: each gives a clear diagnostic in bounded time, never a traceback, and
never a changed ledger."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from houqin.cli.app import app
from houqin.ledger import yamlio
from houqin.ledger.load import load_ledger
from tests.conftest import GOOD_ASSET

runner = CliRunner()
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


@pytest.mark.parametrize(
    ("name", "text", "code"),
    [
        ("billion laughs", BOMB, "YAML004"),
        ("python object tag", "- !!python/object/apply:os.system [ls]\n", "YAML003"),
        ("huge integer", GOOD_ASSET + "  quantity: " + "9" * 4000 + "\n", "YAML007"),
        ("NaN money", GOOD_ASSET.replace('"4999.00"', ".nan"), "SCH001"),
        ("infinite money", GOOD_ASSET.replace('"4999.00"', "-.inf"), "SCH001"),
        ("float money", GOOD_ASSET.replace('"4999.00"', "4999.5"), "SCH001"),
        ("money with 3 decimals", GOOD_ASSET.replace('"4999.00"', '"4999.005"'), "SCH001"),
        ("date out of range", GOOD_ASSET.replace("2026-03-02", "99999-03-02"), "SCH001"),
        ("datetime for a date", GOOD_ASSET.replace("2026-03-02", "2026-03-02T10:00:00"), "SCH001"),
        ("deep nesting", "- a: " + "[" * 50000 + "]" * 50000 + "\n", "YAML001"),
        ("NUL byte", GOOD_ASSET.replace("台式电脑", "台式\0电脑"), "YAML001"),
        ("boolean as text", GOOD_ASSET.replace("name: 台式电脑", "name: true"), "SCH001"),
        ("list where a record should be", "- [1, 2]\n", "SCH003"),
    ],
)
def test_hostile_file_gives_a_diagnostic(ledger_dir: Callable[..., Path], name: str, text: str, code: str) -> None:
    root = ledger_dir({"2026/assets.yaml": text})
    start = time.perf_counter()
    result = runner.invoke(app, ["--ledger", str(root), "check"])
    assert time.perf_counter() - start < 30  # bounded (a generous bound: this is not a speed test)
    assert result.exit_code in (1, 2) and "Traceback" not in result.output
    assert f"error[{code}]" in result.output, result.output


def test_invalid_utf8_and_oversized_files(ledger_dir: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    root = ledger_dir()
    (root / "2026").mkdir(exist_ok=True)
    (root / "2026/assets.yaml").write_bytes(b"- id: \xff\xfe\xfa\n")
    assert [d.code for d in load_ledger(root).diagnostics] == ["YAML006"]
    monkeypatch.setattr(yamlio, "MAX_FILE_BYTES", 1000)
    (root / "2026/assets.yaml").write_bytes(GOOD_ASSET.encode() * 20)
    (d,) = load_ledger(root, use_cache=False).diagnostics
    assert (d.code, d.message("en")) == ("YAML009", "file too large (0 MB, limit 0 MB)")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_as_a_record_file_never_raises(text: str) -> None:
    value, _problem = yamlio.parse(text.encode("utf-8", "surrogatepass"))
    assert value is None or isinstance(value, (list, dict, str, int, float, bool))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=6))
def test_any_option_values_never_give_a_traceback(values: list[str]) -> None:
    """Whatever is typed into the options, the answer is a usage message (exit 2), never a traceback."""
    from tests.conftest import BUNDLED

    args = [
        "asset",
        "add",
        "--name",
        values[0],
        "--category",
        values[-1],
        "--price",
        values[len(values) // 2],
        "--place",
        "SY-301",
        "--keeper",
        "李明",
        "--date",
        values[0],
        "--no-commit",
    ]
    result = runner.invoke(app, ["--ledger", str(BUNDLED / "no-such-dir"), *args])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_a_link_out_of_the_ledger_is_never_followed(git_ledger: Callable[..., Path], tmp_path: Path) -> None:
    """A record file that is a symlink to somewhere else (here a valid ledger file outside) is reported
    and never read as records; a write into it is refused and the target is left alone."""
    from typer.testing import CliRunner

    from houqin.cli.app import app
    from tests.conftest import GOOD_ASSET
    from tests.test_cli import ASSET_ARGS

    outside = tmp_path / "elsewhere.yaml"
    outside.write_text(GOOD_ASSET, encoding="utf-8")
    root = git_ledger()
    (root / "2026" / "assets.yaml").symlink_to(outside)
    runner = CliRunner()
    result = runner.invoke(app, ["--ledger", str(root), "check"])
    assert result.exit_code == 2  # an unreadable file
    assert "2026/assets.yaml: error[YAML010] 此文件是指向账本目录之外的链接，houqin 不读取它" in result.output
    assert str(outside) not in result.output
    assert "ZC-2026-0001" not in result.output
    write = runner.invoke(app, ["--ledger", str(root), *ASSET_ARGS])
    assert write.exit_code == 2
    assert outside.read_text(encoding="utf-8") == GOOD_ASSET
