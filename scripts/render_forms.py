"""Write docs/img/form-*.png: three of the bundled ledger's paper forms (报销单, 请购单, 固定资产卡片) as
their PDFs print, page one rendered by poppler's pdftoppm. Run after changing a form's look:
python scripts/render_forms.py"""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
from pathlib import Path

from houqin.ledger.load import load_ledger
from houqin.render.forms import form_html
from houqin.render.pdf import write_pdf
from houqin.reports.forms import form_of

ROOT = Path(__file__).resolve().parents[1]
FORMS = {"BX-2026-0002": "form-expense", "CG-2026-0006": "form-purchase", "ZC-2022-0013": "form-asset-card"}


def main() -> None:
    ledger = load_ledger(ROOT / "ledgers", use_cache=False).ledger
    with tempfile.TemporaryDirectory() as tmp:
        for record, name in FORMS.items():
            pdf = Path(tmp) / f"{name}.pdf"
            write_pdf(form_html(form_of(ledger, record, dt.date(2026, 11, 24)), "zh"), pdf)
            stem = ROOT / "docs" / "img" / name
            subprocess.run(
                ["pdftoppm", "-r", "70", "-png", "-singlefile", "-f", "1", "-l", "1", str(pdf), str(stem)], check=True
            )
            print(f"{stem}.png")


if __name__ == "__main__":
    main()
