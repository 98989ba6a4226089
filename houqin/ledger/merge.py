"""A record-aware git merge driver for record files.

Two clerks on two clones both append records to `2026/assets.yaml`: a line merge calls that a
conflict (or, worse, git's union driver interleaves two records into one). This driver merges record
by record, keyed by id: a record changed on one side only takes that change; records added on either
side are all kept (ours first); a record changed differently on both sides is kept twice, so
`houqin check` reports the duplicated id and a person decides. Comments before the first record come
from our side."""

from __future__ import annotations

from houqin.ledger.yamlio import LinedList, parse


def _split(data: bytes) -> tuple[str, list[tuple[str, str]]] | None:
    """The text before the first record, and each record's (id, text). None if not a record list."""
    value, problem = parse(data)
    text = data.decode("utf-8-sig")
    if problem is not None:
        return None
    if value is None:
        return text, []
    if not isinstance(value, LinedList):
        return None
    lines = text.splitlines(keepends=True)
    starts = [n - 1 for n in value.item_lines]
    records = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(lines)
        chunk = "".join(lines[start:end])
        if chunk and not chunk.endswith("\n"):
            chunk += "\n"
        item = value[i]
        rid = item.get("id") if isinstance(item, dict) else None
        records.append((str(rid) if rid is not None else f"\0{chunk}", chunk))
    return "".join(lines[: starts[0]]) if starts else text, records


def merge_record_files(base: bytes, ours: bytes, theirs: bytes) -> bytes | None:
    """The merged file, or None when a side is not a readable record list (git then reports a conflict)."""
    b, o, t = _split(base), _split(ours), _split(theirs)
    if o is None or t is None:
        return None
    base_by_id = dict(b[1]) if b is not None else {}
    ours_by_id, theirs_by_id = dict(o[1]), dict(t[1])
    out: list[str] = []
    for rid, mine in o[1]:
        other = theirs_by_id.get(rid)
        old = base_by_id.get(rid)
        if other is None:
            if old is not None and old == mine:
                continue  # they removed it and we did not touch it
            out.append(mine)
        elif other in (mine, old):
            out.append(mine)
        elif mine == old:
            out.append(other)
        else:
            out += [mine, other]  # changed on both sides: both stay, houqin check reports the duplicate id
    for rid, other in t[1]:
        if rid in ours_by_id:
            continue
        old = base_by_id.get(rid)
        if old is not None and old == other:
            continue  # we removed it and they did not touch it
        out.append(other)
    header = o[0]
    if header and not header.endswith("\n"):
        header += "\n"
    return (header + "".join(out)).encode("utf-8")
