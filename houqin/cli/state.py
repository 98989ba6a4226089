"""What the global options decide for every command: the ledger, the language, --debug."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from houqin.errors import UsageError

if TYPE_CHECKING:
    from houqin.models.ledger import Ledger

BUNDLED = Path(__file__).resolve().parents[2] / "ledgers"


@dataclass
class State:
    ledger: Path | None = None
    lang: str = "zh"
    debug: bool = False

    def root(self, *, write: bool = False) -> Path:
        """--ledger, else $HOUQIN_LEDGER, else the enclosing ledger, else the bundled ledgers/ — for
        reading only: a write outside any ledger is refused (exit 2), never sent to the demo ledger
        of the houqin checkout. The bundled ledger takes writes only when named like any other."""
        from houqin.ledger.files import find_root

        if self.ledger is not None:
            return self.ledger.resolve()
        env = os.environ.get("HOUQIN_LEDGER")
        if env:
            return Path(env).resolve()
        found = find_root(Path.cwd().resolve())
        if found is not None:
            return found
        if write:
            raise UsageError("not_in_ledger", path=str(Path.cwd()))
        if (BUNDLED / "houqin.yaml").is_file():
            return BUNDLED
        raise UsageError("no_ledger")

    def books(
        self, *, since: dt.date | None = None, record: str | None = None, full: bool = False, read: Ledger | None = None
    ) -> Ledger:
        """The ledger a read command answers from, read strictly (ledger/load.py: open_ledger, which
        says when closed years are read too): an unreadable file refuses the command when it asks for
        that file's kind, never a partial answer. `read`: as a write of this command left it."""
        from houqin.ledger.load import open_ledger

        return open_ledger(self.root(), since=since, record=record, full=full, read=read)

    def output(self, path: Path) -> Path:
        """Where `--out` may write: refused (exit 2) inside .git or onto a file of the ledger."""
        from houqin.ledger.outputs import refuse_ledger_target

        try:
            root: Path | None = self.root()
        except UsageError:
            root = None
        refuse_ledger_target(root, path)
        return path


def get_state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj
