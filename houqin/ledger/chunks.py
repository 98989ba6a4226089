"""A very large record file read a piece at a time: cut at its top-level items (a line that starts
with `- ` can only begin a new item of a block list), each piece parsed on its own, its lines moved
to where they stand in the file. Only a parse tree of one piece exists at once, and the pieces go to
every core. The whole file stays the reference: a piece that does not read as exactly its items
sends the file back to be read whole, so the answer is always the whole file's."""

from __future__ import annotations

import re
from typing import Any

from houqin.ledger.files import MAX_FILE_BYTES
from houqin.ledger.yamlio import LinedDict, LinedList

CHUNK_BYTES = 4 << 20
ITEM_START = re.compile(rb"^-(?: |$)", re.MULTILINE)
# Directives and document markers make the file something other than one block list: read it whole.
NOT_ONE_LIST = re.compile(rb"^(?:%|---|\.\.\.)", re.MULTILINE)


def item_chunks(data: bytes, size: int | None = None) -> list[tuple[int, bytes, int]] | None:
    """The file cut at item starts into pieces of about `size` bytes, as (lines before the piece, the
    piece, how many items begin in it); None when the file is small, above the size bound, or not
    certainly one block list."""
    size = size or CHUNK_BYTES
    if len(data) <= size or len(data) > MAX_FILE_BYTES or NOT_ONE_LIST.search(data):
        return None
    pieces = []
    begin = items = lines = 0
    for match in ITEM_START.finditer(data):
        at = match.start()
        if items and at - begin >= size:
            pieces.append((lines, data[begin:at], items))
            lines += data.count(b"\n", begin, at)
            begin, items = at, 0
        items += 1
    pieces.append((lines, data[begin:], items))
    return pieces if len(pieces) > 1 else None


def shift_lines(value: Any, by: int) -> None:
    """Move every line a parsed piece remembers down by `by` lines (in place)."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, LinedList):
            node.line += by
            node.item_lines = [n + by for n in node.item_lines]
            stack.extend(node)
        elif isinstance(node, LinedDict):
            node.line += by
            node.key_lines = {k: n + by for k, n in node.key_lines.items()}
            stack.extend(node.values())
