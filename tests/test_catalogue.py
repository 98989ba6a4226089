"""The message catalogue (houqin/locale, docs/messages.md): complete, used, compiled, plural-aware, and
a missing message fails loudly in the tests and quietly-but-visibly in production."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from houqin import i18n
from houqin.diagnostics import Diagnostic, Severity
from houqin.render.diagnostics_text import summary_line

ROOT = Path(__file__).resolve().parents[1]


def catalogue_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogue", ROOT / "scripts" / "catalogue.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalogue"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def cat() -> ModuleType:
    return catalogue_script()


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The package alone, in a folder of its own: enough for the catalogue's check."""
    shutil.copytree(ROOT / "houqin", tmp_path / "houqin", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def test_catalogue_is_complete_used_and_compiled(cat: ModuleType) -> None:
    assert cat.problems(ROOT) == [], "run: python scripts/catalogue.py"


def test_mo_files_are_a_fresh_compile_of_the_po_files(cat: ModuleType) -> None:
    for path, data in cat.compiled(ROOT).items():
        assert path.read_bytes() == data, f"{path} is stale: python scripts/catalogue.py compile"


def test_check_finds_a_missing_message(cat: ModuleType, copy: Path) -> None:
    module = copy / "houqin" / "render" / "due.py"
    module.write_text(module.read_text(encoding="utf-8") + '\n\nX = t("due.no_such_message", "zh")\n', encoding="utf-8")
    line = len(module.read_text(encoding="utf-8").splitlines())
    assert cat.problems(copy) == [
        f"missing in {lang}: due.no_such_message (used at houqin/render/due.py:{line})" for lang in ("zh", "en")
    ]


def test_check_finds_an_unused_message_and_prune_removes_it(cat: ModuleType, copy: Path) -> None:
    for lang in cat.LOCALES:
        catalog = cat.load(copy, lang)
        catalog.add("dead.key", "死键" if lang == "zh" else "a dead key")
        cat.po_path(copy, lang).write_bytes(cat.po_bytes(catalog))
    cat.compile_all(copy)
    assert cat.problems(copy) == ["unused: dead.key (no code names it: delete it from both .po files)"]
    cat.prune(copy)
    assert cat.problems(copy) == []


def test_check_finds_a_message_in_one_language_only(cat: ModuleType, copy: Path) -> None:
    catalog = cat.load(copy, "en")
    catalog.delete("due.title")
    cat.po_path(copy, "en").write_bytes(cat.po_bytes(catalog))
    cat.compile_all(copy)
    found = cat.problems(copy)
    assert any(p.startswith("missing in en: due.title (used at houqin/") for p in found), found


def test_check_finds_a_stale_mo(cat: ModuleType, copy: Path) -> None:
    po = cat.po_path(copy, "en")
    po.write_text(po.read_text(encoding="utf-8").replace("Due and overdue", "Due, overdue"), encoding="utf-8")
    assert cat.problems(copy) == [
        "stale: houqin/locale/en/LC_MESSAGES/houqin.mo (run: python scripts/catalogue.py compile)"
    ]


def test_plural_forms_in_english_one_form_in_chinese() -> None:
    assert i18n.nt("summary.errors", 1, "en") == "1 error"
    assert i18n.nt("summary.errors", 2, "en") == "2 errors"
    assert i18n.nt("summary.errors", 0, "en") == "0 errors"
    assert i18n.nt("summary.errors", 1, "zh") == "1 个错误"
    assert i18n.nt("summary.errors", 2, "zh") == "2 个错误"
    assert i18n.nt("due.late", 1, "en", days=1) == "1 day late"
    assert i18n.nt("due.late", 3, "en", days=3) == "3 days late"
    one = [Diagnostic("SOD002", "a.yaml", 1, severity=Severity.ERROR)]
    assert summary_line(one, "en") == "1 error, 0 warnings."
    assert summary_line(one * 2, "en") == "2 errors, 0 warnings."
    assert summary_line(one, "zh") == "1 个错误，0 个警告。"


@pytest.mark.parametrize(
    ("key", "params", "one", "two"),
    [
        ("import_done", {}, "Imported 1 asset.", "Imported 2 assets."),
        ("import_done_stock-in", {}, "Imported 1 stock receipt.", "Imported 2 stock receipts."),
        ("import_updated", {}, "Recorded 1 move from the register.", "Recorded 2 moves from the register."),
        ("people_done", {}, "Added 1 person.", "Added 2 people."),
        ("places_done", {}, "Added 1 place.", "Added 2 places."),
        ("exported", {"path": "x.journal"}, "Exported 1 transaction: x.journal", "Exported 2 transactions: x.journal"),
        ("vouchers.exported", {"path": "v.csv"}, "Exported 1 voucher: v.csv", "Exported 2 vouchers: v.csv"),
        ("sheet.written", {"path": "s.xlsx"}, "Wrote the count sheet for 1 place: s.xlsx",
         "Wrote count sheets for 2 places: s.xlsx"),
        ("labels_written", {"sheets": 1, "path": "l.pdf"}, "Wrote 1 label (1 sheets): l.pdf",
         "Wrote 2 labels (1 sheets): l.pdf"),
    ],
)  # fmt: skip
def test_the_counts_a_command_prints_take_the_plural_english_needs(
    key: str, params: dict[str, object], one: str, two: str
) -> None:
    assert i18n.nt(key, 1, "en", count=1, **params) == one
    assert i18n.nt(key, 2, "en", count=2, **params) == two
    assert i18n.nt(key, 1, "zh", count=1, **params) == i18n.nt(key, 2, "zh", count=1, **params)


def test_plural_headers(cat: ModuleType) -> None:
    assert cat.load(ROOT, "zh").plural_forms == "nplurals=1; plural=0;"
    assert cat.load(ROOT, "en").plural_forms == "nplurals=2; plural=(n != 1);"


def test_a_missing_message_fails_in_the_tests() -> None:
    with pytest.raises(i18n.MissingMessage, match=r"no message no\.such\.message in the zh catalogue"):
        i18n.t("no.such.message", "zh")
    with pytest.raises(i18n.MissingMessage, match=r"no message role\|nobody in the en catalogue"):
        i18n.message("nobody", "en", "role")
    # A step the school named in its own policy (policy.signatures.chains) is a word, shown as its key.
    assert i18n.t("step.treasurer", "zh") == "treasurer" and i18n.t("step.handler", "zh") == "经手人"


def test_a_missing_message_in_production_shows_a_fallback_and_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(i18n.STRICT)
    monkeypatch.setattr(i18n, "_WARNED", set())
    assert i18n.t("no.such.message", "en", x=1) == "no.such.message"
    assert i18n.t("no.such.message", "en") == "no.such.message"
    err = capsys.readouterr().err
    assert err.count("the message no.such.message is missing from the en catalogue") == 1
    # A message missing in one language shows the other's text.
    monkeypatch.setattr(i18n, "_lookup", _only_zh(i18n._lookup))
    assert i18n.t("due.title", "en", date="2026-11-24") == "到期待办（2026-11-24）"


def _only_zh(lookup):  # type: ignore[no-untyped-def]
    def found(key: str, lang: str, context: str | None, n: int | None) -> str:
        if lang == "en":
            raise i18n._NotFound
        return lookup(key, lang, context, n)  # type: ignore[no-any-return]

    return found


def test_the_header_is_no_message() -> None:
    """gettext keeps the catalogue's header under the msgid "": a blank cell is no message."""
    assert i18n.t("", "zh") == "" and i18n.t("", "en") == ""
    assert not i18n.known("")
    assert i18n.known("due.title") and i18n.known("step.handler") and not i18n.known("step.nobody")


def test_tables_read_from_the_catalogue() -> None:
    assert i18n.ROLES["handler"] == ("经手人", "handler")
    assert i18n.FIELDS["date"] == ("日期", "date")
    assert "nobody" not in i18n.ROLES and i18n.word("nobody", "zh") == "nobody"
    assert all(en == key for key, (_, en) in i18n.FIELDS.items())


def test_catalogues_ship_in_the_wheel() -> None:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    assert {"locale/*/LC_MESSAGES/*.mo", "locale/*/LC_MESSAGES/*.po", "locale/*.pot"} <= set(data["houqin"])
    dev = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"][
        "dev"
    ]
    assert any(d.startswith("Babel>=") for d in dev)
