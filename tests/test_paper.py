"""Paper (issue #17): a record's form as PDF with the Chinese font embedded, its signature boxes, its
QR code read back by verify-form, blank forms, and the refusals (no form, no font, a missing glyph)."""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from houqin.cli.app import app
from houqin.models.forms import read_form_code
from houqin.money import yuan_in_words
from tests.conftest import BUNDLED, GOOD_EXPENSE, write_ledger

runner = CliRunner()
POPPLER = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils (scripts/test-tools.sh)")


def run(ledger: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["--ledger", str(ledger), *args])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def claim_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One rendered PDF for the module (rendering is the slow part)."""
    out = tmp_path_factory.mktemp("paper") / "报销单.pdf"
    code, text = run(BUNDLED, "form", "BX-2026-0001", "--out", str(out))
    assert code == 0, text
    return out


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@POPPLER
def test_the_claim_form_holds_the_names_amounts_and_signatures(claim_pdf: Path) -> None:
    text = pdf_text(claim_pdf)
    for shown in (
        "青禾县实验小学",
        "报销单",
        "国网青禾县供电公司",
        "2月电费",
        "30206 电费",
        "9,768.00",
        "玖仟柒佰陆拾捌元整",
    ):
        assert shown in text
    assert "粘贴单（所附发票）" in text and "26443968260000000030" in text
    for label, name, day in (
        ("经手人", "李明", "2026-02-25"),
        ("证明人", "吴芳", "2026-02-25"),
        ("校长", "王建国", "2026-02-26"),
        ("出纳", "赵丽", "2026-02-27"),
    ):
        assert label in text and name in text and day in text
    assert "houqin-form:1:BX-2026-0001:" in text


@POPPLER
def test_the_chinese_font_is_embedded(claim_pdf: Path) -> None:
    fonts = subprocess.run(["pdffonts", str(claim_pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert rows and all("Noto-Sans-CJK-SC" in row[0] for row in rows)
    assert all(row[-5] == "yes" for row in rows)  # emb


@POPPLER
def test_a_page_renders_to_png(claim_pdf: Path, tmp_path: Path) -> None:
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(claim_pdf), str(tmp_path / "p")], check=True
    )
    page = next(tmp_path.glob("p*.png"))
    assert page.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and page.stat().st_size > 5000


@POPPLER
def test_the_qr_code_text_verifies_against_the_books(claim_pdf: Path) -> None:
    code = read_form_code(pdf_text(claim_pdf))
    assert code is not None and code.record == "BX-2026-0001"
    status, text = run(BUNDLED, "verify-form", f"houqin-form:1:{code.record}:{code.fingerprint}")
    assert status == 0, text
    assert "与账本一致" in text


UNSIGNED = GOOD_EXPENSE.replace("  - {role: principal, by: 王校长, on: 2026-03-06}\n", "").replace(
    "  payment: {on: 2026-03-07, by: 赵出纳, account: bank}\n", ""
)


def test_a_form_printed_before_a_signature_no_longer_matches(tmp_path: Path) -> None:
    root = write_ledger(tmp_path / "l", {"2026/expenses.yaml": UNSIGNED})
    out = tmp_path / "f.html"
    assert run(root, "form", "BX-2026-0001", "--out", str(out))[0] == 0
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page  # the QR code
    code = read_form_code(page)
    assert code is not None
    scanned = f"houqin-form:1:BX-2026-0001:{code.fingerprint}"
    assert run(root, "verify-form", scanned)[0] == 0
    (root / "2026/expenses.yaml").write_text(textwrap.dedent(GOOD_EXPENSE), encoding="utf-8")
    status, text = run(root, "--lang", "en", "verify-form", scanned)
    assert status == 1
    assert "does not match the books" in text and "houqin form BX-2026-0001" in text
    status, text = run(root, "verify-form", "--format", "json", scanned)
    assert status == 1 and '"matches": false' in text and '"schema": "houqin.verify-form/1"' in text


def test_the_unsigned_boxes_are_left_to_sign_by_hand(tmp_path: Path) -> None:
    root = write_ledger(tmp_path / "l", {"2026/expenses.yaml": UNSIGNED})
    out = tmp_path / "f.html"
    assert run(root, "form", "BX-2026-0001", "--out", str(out))[0] == 0
    page = out.read_text(encoding="utf-8")
    assert '<div class="step">经手人</div><div class="name">张老师</div>' in page
    assert '<div class="step">校长</div><div class="line"></div>' in page
    assert '<div class="step">出纳</div><div class="line"></div>' in page
    assert "壹仟贰佰玖拾玖元伍角整" in page


def test_a_signature_by_key_shows_the_key_fingerprint(tmp_path: Path) -> None:
    from houqin.models.records import Reimbursement
    from tests import keyring

    signed = keyring.sign_record_text(textwrap.dedent(GOOD_EXPENSE), Reimbursement, {"principal": "王校长"})
    root = write_ledger(tmp_path / "l", {"2026/expenses.yaml": signed, "people.yaml": keyring.people()})
    out = tmp_path / "f.html"
    assert run(root, "form", "BX-2026-0001", "--out", str(out))[0] == 0
    page = out.read_text(encoding="utf-8")
    assert f'<div class="key">密钥 {keyring.fingerprint("王校长")}</div>' in page
    assert page.count('<div class="key">') == 1  # the others signed by hand


def test_a_blank_form_to_fill_by_hand(tmp_path: Path) -> None:
    out = tmp_path / "blank.html"
    status, text = run(BUNDLED, "form", "--blank", "报销", "--out", str(out))
    assert status == 0, text
    page = out.read_text(encoding="utf-8")
    assert "<h1>报销单</h1>" in page and "空白表" in page and "<svg" not in page
    assert page.count('<tr class="blank">') == 8
    assert page.count('<div class="line"></div>') == 8  # handler, witness, principal, cashier: name and date
    assert run(BUNDLED, "form", "--blank", "JY", "--out", str(tmp_path / "b.html"))[0] == 0


@pytest.mark.parametrize(
    ("record", "title", "shown"),
    [
        ("RK-2026-0001", "入库单", "验收人"),
        ("CK-2026-0001", "领用单", "领用人"),
        ("JY-2026-0001", "借用单", "借用人"),
        ("JK-2026-0001", "借条", "借款人"),
        ("ZC-2022-0013", "固定资产卡片", "变动记录"),
        ("CZ-2026-0001", "申请表", "总务主任"),
        ("WX-2026-0001", "报修单", "报修人"),
        ("CG-2026-0006", "请购单", "询价（货比三家）"),
        ("DB-2026-0001", "资产调拨单", "移交人"),
        ("PC-2026-0001", "公物损坏赔偿单", "责任人"),
        ("PD-2026-0001", "盘点报告", "盘点人"),
        ("JZ-2026-0001", "月度清结报告", "会计"),
    ],
)
def test_every_kind_with_a_form(tmp_path: Path, record: str, title: str, shown: str) -> None:
    out = tmp_path / "f.html"
    status, text = run(BUNDLED, "form", record, "--out", str(out))
    assert status == 0, text
    page = out.read_text(encoding="utf-8")
    assert title in page and shown in page and f"houqin-form:1:{record}:" in page


def test_a_closes_form_is_the_months_report_to_sign(tmp_path: Path) -> None:
    out = tmp_path / "close.html"
    assert run(BUNDLED, "form", "JZ-2026-0009", "--out", str(out))[0] == 0
    page = out.read_text(encoding="utf-8")
    assert "<h1>月度清结报告</h1>" in page and "<h2>账户收支</h2>" in page and "<h2>预算执行</h2>" in page
    assert "<td>2026-10</td>" in page and '<td class="">611,185.56</td>' in page  # the bank at October's end
    assert '<div class="step">会计</div>' in page and '<div class="step">校长</div>' in page


def test_the_asset_card_shows_book_value_and_history(tmp_path: Path) -> None:
    out = tmp_path / "card.html"
    assert run(BUNDLED, "form", "ZC-2022-0013", "--at", "2026-11-24", "--out", str(out))[0] == 0
    page = out.read_text(encoding="utf-8")
    assert "累计折旧" in page and "净值" in page and "登记入账" in page


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("form", "XX-2026-0001"), "找不到"),
        (("form", "SR-2026-0001"), "没有纸质表单"),
        (("form", "--blank", "收入"), "没有纸质表单"),
        (("form", "BX-2026-0001", "--out", "f.txt"), ".pdf 或 .html"),
        (("verify-form", "hello"), "读不出表单码"),
        (("verify-form", "houqin-form:1:BX-2099-0001:00"), "找不到"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], said: str
) -> None:
    monkeypatch.chdir(tmp_path)
    status, text = run(BUNDLED, *args)
    assert status == 2 and said in text
    assert list(tmp_path.iterdir()) == []


def test_a_missing_font_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOUQIN_CJK_FONT", str(tmp_path / "none.ttc"))
    out = tmp_path / "f.pdf"
    status, text = run(BUNDLED, "form", "BX-2026-0001", "--out", str(out))
    assert status == 2 and "fonts-noto-cjk" in text
    assert not out.exists()


def test_a_character_the_font_lacks_is_refused_never_a_blank_box(tmp_path: Path) -> None:
    root = write_ledger(
        tmp_path / "l", {"2026/expenses.yaml": GOOD_EXPENSE.replace("payee: 文具店", "payee: 文具店\U0001f600")}
    )
    out = tmp_path / "f.pdf"
    status, text = run(root, "form", "BX-2026-0001", "--out", str(out))
    assert status == 2 and "U+1F600" in text
    assert not out.exists()
    assert run(root, "form", "BX-2026-0001", "--out", str(tmp_path / "f.html"))[0] == 0  # HTML: the browser's fonts


def test_a_form_is_never_written_onto_the_ledger(tmp_path: Path) -> None:
    root = write_ledger(tmp_path / "l", {"2026/expenses.yaml": GOOD_EXPENSE})
    before = (root / "2026/expenses.yaml").read_bytes()
    status, _ = run(root, "form", "BX-2026-0001", "--out", str(root / "2026/x.pdf"))
    assert status == 2 and not (root / "2026/x.pdf").exists()
    assert (root / "2026/expenses.yaml").read_bytes() == before


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("9768.00", "玖仟柒佰陆拾捌元整"),
        ("1000.05", "壹仟元零伍分"),
        ("1000.50", "壹仟元伍角整"),
        ("10001.00", "壹万零壹元整"),
        ("100000.00", "壹拾万元整"),
        ("120034.70", "壹拾贰万零叁拾肆元柒角整"),
        ("0.50", "伍角整"),
        ("100000000.00", "壹亿元整"),
    ],
)
def test_amount_in_words(amount: str, words: str) -> None:
    assert yuan_in_words(Decimal(amount)) == words


@POPPLER
@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (
            ("asset", "list", "--place", "SY-301", "--format", "pdf", "--at", "2026-11-24"),
            "计算机教室（SY-301）资产登记表",
        ),
        (("finance", "report", "2026-10", "--format", "pdf"), "2026-10 月度财务清结报告"),
        (("inventory", "sheet", "--term", "2026-2027-1", "--place", "SY-301", "--format", "pdf"), "财产盘点表"),
        (("asset", "label", "ZC-2022-0013"), "ZC-2022-0013"),
    ],
)
def test_every_printable_report_comes_as_pdf(tmp_path: Path, args: tuple[str, ...], shown: str) -> None:
    out = tmp_path / "r.pdf"
    status, text = run(BUNDLED, *args, "--out", str(out))
    assert status == 0, text
    assert shown in pdf_text(out)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "Noto-Sans-CJK-SC" in fonts


def test_a_pdf_report_needs_a_file(tmp_path: Path) -> None:
    status, text = run(BUNDLED, "finance", "report", "2026-10", "--format", "pdf")
    assert status == 2 and "--out" in text


def test_a_claims_form_names_the_account_the_cashiers_key_and_a_lone_invoices_amount(tmp_path: Path) -> None:
    """Found trying houqin as a new school: the 付款 line said `bank`, the cashier's box showed no key
    although the payment was signed by key, and a claim's one invoice entered without its amount made
    the 粘贴单's 合计 0.00 under a claim of 300.00."""
    out = tmp_path / "bx.html"
    assert run(BUNDLED, "form", "BX-2026-0003", "--out", str(out))[0] == 0
    page = out.read_text(encoding="utf-8")
    assert "2026-03-05 银行存款" in page and "2026-03-05 bank" not in page
    cashier = page.split('<div class="step">出纳</div>', 1)[1][:600]
    assert "SHA256:" in cashier
    no_amount = GOOD_EXPENSE.replace(', amount: "1299.50"}', "}")
    assert no_amount != GOOD_EXPENSE
    root = write_ledger(tmp_path / "l", {"2026/expenses.yaml": no_amount})
    assert run(root, "form", "BX-2026-0001", "--out", str(out))[0] == 0
    sheet = out.read_text(encoding="utf-8").split("粘贴单", 1)[1]
    assert sheet.count("1,299.50") == 2  # the invoice's line and the 合计
