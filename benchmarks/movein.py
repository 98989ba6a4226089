"""Moving in at scale (#15 item 8): a 50,000-row asset register imported into a copy of the bundled
ledger (dry run, then the real import with its commit and hook), and `houqin asset list` of a ledger
holding 5,000 imported assets. Each command a separate process, its wall time and peak memory.

    python benchmarks/movein.py [--rows 50000] [--list 5000]

Run it with PYTHONPATH pointing at the code to measure (a worktree of main for "before")."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADER = [
    "序号",
    "原编号",
    "资产名称",
    "分类代码",
    "规格型号",
    "单价",
    "数量",
    "取得日期",
    "存放地点",
    "保管人",
    "经费来源",
]
PLACES = [("JX-101", "陈晓东"), ("JX-102", "杨丽华"), ("JX-201", "黄海燕"), ("JX-202", "张敏")]


def register(path: Path, rows: int) -> Path:
    """A register as big as a county's: ids and codes, so that the code before #15 reads it too."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    ws = book.create_sheet("固定资产")
    ws.append(["青禾县实验小学固定资产登记表"])
    ws.append(HEADER)
    for i in range(rows):
        place, keeper = PLACES[i % len(PLACES)]
        day = dt.date(2016 + i % 9, 1 + i % 12, 1 + i % 28)
        ws.append(
            [
                i + 1,
                f"OLD-{i:06d}",
                "学生课桌椅",
                "A05010203",
                "KZY-2",
                1200 + i % 50,
                1,
                day,
                place,
                keeper,
                "财政拨款",
            ]
        )
    book.save(path)
    return path


def ledger(tmp: Path) -> Path:
    root = tmp / "ledger"
    shutil.copytree(ROOT / "ledgers", root, ignore=shutil.ignore_patterns(".houqin"))
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "b",
        "GIT_AUTHOR_EMAIL": "b@x",
        "GIT_COMMITTER_NAME": "b",
        "GIT_COMMITTER_EMAIL": "b@x",
    }
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "start"], cwd=root, check=True, env=env)
    subprocess.run(
        [sys.executable, "-m", "houqin", "--ledger", str(root), "hook", "install"], check=True, capture_output=True
    )
    return root


def timed(args: list[str], root: Path) -> tuple[float, float, int]:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "b",
        "GIT_AUTHOR_EMAIL": "b@x",
        "GIT_COMMITTER_NAME": "b",
        "GIT_COMMITTER_EMAIL": "b@x",
    }
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "houqin", "--ledger", str(root), *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=root)
    _pid, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - start
    return took, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--list", type=int, default=5_000)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        big = register(tmp / "register.xlsx", opts.rows)
        root = ledger(tmp)
        for label, args in (("dry run", ["--dry-run"]), ("import (+ git commit)", [])):
            took, mb, code = timed(["asset", "import", str(big), *args], root)
            print(f"| asset import, {opts.rows:,} rows, {label} | {took:.2f} s, {mb:.0f} MB | exit {code} |")
        small = register(tmp / "small.xlsx", opts.list)
        root2 = ledger(tmp / "2")
        timed(["asset", "import", str(small)], root2)
        timed(["check"], root2)
        took, mb, code = timed(["asset", "list"], root2)
        print(f"| asset list, {opts.list:,} assets | {took:.2f} s, {mb:.0f} MB | exit {code} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
