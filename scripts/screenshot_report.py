"""Write docs/img/finance-report-2026-10.png: the bundled ledger's October report to the principal as
headless Chromium prints it on screen. Run after changing the report's look:
python scripts/screenshot_report.py"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from houqin.ledger.load import load_ledger
from houqin.render.finance import report_html
from houqin.reports.finance import month_report

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ledger = load_ledger(ROOT / "ledgers", use_cache=False).ledger
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(report_html(month_report(ledger, "2026-10"), "zh"), encoding="utf-8")
        out = ROOT / "docs" / "img" / "finance-report-2026-10.png"
        subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp}/profile", "--hide-scrollbars", "--window-size=900,2400",
             f"--screenshot={out}", page.as_uri()],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        print(out)


if __name__ == "__main__":
    main()
