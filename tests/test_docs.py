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


def test_every_command_has_help_an_example_and_its_section() -> None:
    """Walked from the real Typer tree, not from a list kept by hand: a command added to houqin is seen."""
    from houqin.cli.app import app

    gen = load_gen()
    reference = (ROOT / "docs/cli.md").read_text(encoding="utf-8")
    assert gen.problems(app, reference) == []  # type: ignore[attr-defined]
    shown = gen.documented(app)  # type: ignore[attr-defined]
    assert {(), ("export",), ("hook", "install"), ("milk", "report")} <= set(shown)  # export was missed by hand
    assert ("merge-driver",) not in shown and ("asset",) not in shown  # hidden (git runs it); a group


def test_a_command_without_help_an_example_or_a_section_fails() -> None:
    """The test above can fail, for a command at the top and one inside a group alike."""
    import typer

    from houqin.cli.app import build

    gen = load_gen()
    reference = (ROOT / "docs/cli.md").read_text(encoding="utf-8")
    tree = build()  # a fresh tree: the one the CLI runs stays untouched

    def bare() -> None:
        pass

    def helped() -> None:
        """Frobnicate the books."""

    def exemplified() -> None:
        """Spin the gadget.

        Example: houqin --lang en gadget spin
        """

    gadget = typer.Typer()
    gadget.command("spin")(exemplified)
    gadget.command("stop")(helped)
    tree.command("frobnicate")(bare)
    tree.add_typer(gadget, name="gadget", help="Gadgets.")
    found = gen.problems(tree, reference)  # type: ignore[attr-defined]
    assert found == [
        "houqin frobnicate: no help",
        "houqin frobnicate: no `Example: houqin frobnicate …` in its help",
        "houqin frobnicate: no section in docs/cli.md",
        "houqin gadget spin: no section in docs/cli.md",
        "houqin gadget stop: no `Example: houqin gadget stop …` in its help",
        "houqin gadget stop: no section in docs/cli.md",
    ]
    assert gen.problems(tree, reference + "\n## houqin frobnicate\n\n## houqin gadget spin\n")[-1] == (  # type: ignore[attr-defined]
        "houqin gadget stop: no section in docs/cli.md"
    )


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
