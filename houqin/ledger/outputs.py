"""Where a report, export or sheet (`--out`) may be written: never over a file the ledger tracks or
reads, never into git's own directory or hooks. A report written over `2026/assets.yaml` would break
the ledger; one written over `.git/hooks/pre-commit` would switch the rules off."""

from __future__ import annotations

import os
from pathlib import Path

from houqin.errors import UsageError
from houqin.layout import TOP_FILES
from houqin.ledger.files import YEAR_DIR, find_root
from houqin.ledger.save import STATE_DIR, TMP_SUFFIX

# Files of a ledger that are not records but that git or houqin read.
LEDGER_FILES = (*TOP_FILES, ".gitignore", ".gitattributes")


def refuse_ledger_target(root: Path | None, out: Path) -> Path:
    """`out` as it will be written, or a UsageError (exit 2) naming why it may not be: inside a
    `.git` directory or the hooks git runs, or onto a file of the ledger (its directory files, a
    year's records, houqin's own state) or any file git tracks in the ledger's repository."""
    target = Path(os.path.abspath(out)).resolve()  # through every link: where the bytes would land
    ledgers = {r.resolve() for r in (root, find_root(target.parent)) if r is not None}
    if ".git" in target.parts:
        raise UsageError("out_in_git", path=str(out))
    for ledger in sorted(ledgers):
        _refuse_in(ledger, out, target)
    return target


def _refuse_in(ledger: Path, out: Path, target: Path) -> None:
    from houqin.ledger import git

    top = git.toplevel(ledger)
    if top is not None and any(target.is_relative_to(place) for place in git.own_dirs(ledger)):
        raise UsageError("out_in_git", path=str(out))
    if target.is_relative_to(ledger):
        parts = target.relative_to(ledger).parts
        read = (
            not parts  # the ledger directory itself
            or (len(parts) == 1 and parts[0] in LEDGER_FILES)
            or parts[0] == STATE_DIR
            or bool(YEAR_DIR.match(parts[0]))  # every file in a year directory is read (or reported)
            or target.name.endswith(TMP_SUFFIX)
        )
        if read:
            raise UsageError("out_is_ledger_file", path=str(out), file="/".join(parts) or ".")
    if top is not None and target.is_relative_to(top.resolve()) and git.is_tracked(top, target):
        raise UsageError("out_is_ledger_file", path=str(out), file=os.path.relpath(target, top))
