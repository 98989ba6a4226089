"""A read command's answer, given as its `--format` and `--out` ask, in one place for every command.

`text` prints for a person (Rich, on stdout); `json` prints the report's JSON document
(render/json_out.py, docs/json.md); a page (Markdown, HTML, a report's own JSON) goes to stdout, or to
`--out` when given; a file format (xlsx, pdf, or an html the command always writes to a file) goes to
`--out` (or the name the command gives by default) and is refused without one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

TEXT = "text"
JSON = "json"


def show(
    fmt: str,
    command: str,
    report: object,
    text: Callable[[Console], None],
    *,
    fields: Mapping[str, object] | None = None,
    pages: Mapping[str, Callable[[], str]] | None = None,
    files: Mapping[str, Callable[[Path], None]] | None = None,
    out: Path | None = None,
    written: str | None = None,
    lang: str = "zh",
) -> None:
    """Give `report` as `fmt`: text by `text`; json by print_json(`command`, report, **fields) unless
    `pages` has its own; a page of `pages` on stdout or into `out`; a file of `files` into `out`
    (UsageError `<fmt>_needs_out` without one). A file written is then said by the message `written`
    (an i18n key taking its `path`), in `lang`."""
    from houqin.render.console import console

    if fmt == TEXT:
        text(console())
        return
    if pages is not None and fmt in pages:
        page = pages[fmt]()
        if out is None:
            import typer

            typer.echo(page, nl=False)
            return
        from houqin.ledger.save import atomic_write

        atomic_write(out, page.encode("utf-8"))
    elif fmt == JSON:
        from houqin.render.json_out import print_json

        print_json(command, report, **(fields or {}))
        return
    elif files is not None and fmt in files:
        if out is None:
            from houqin.errors import UsageError

            raise UsageError(f"{fmt}_needs_out")
        files[fmt](out)
    else:
        raise ValueError(f"{command}: no output as {fmt}")
    if written is not None:
        from houqin.i18n import t

        console().print(t(written, lang, path=out))
