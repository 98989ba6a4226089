"""Edits of houqin.yaml that houqin makes itself: a year's holiday notice entered in the calendar
(houqin calendar notice).

Only `calendar:` changes, through ruamel's round trip, so comments and every other key stay as they
are. A houqin.yaml without `calendar:` has been using the shipped default: it is written out first, so
that adding a year never drops the years the school was already counting by.
"""

from __future__ import annotations

import datetime as dt
import io
import re

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from houqin.errors import InputError
from houqin.layout import CONFIG_FILE
from houqin.ledger.roundtrip import _flow_map, to_yaml, yaml_rt
from houqin.models.calendar import DEFAULT_CALENDAR, Holiday, Notice


def add_notice(text: str, notice: Notice, holidays: tuple[Holiday, ...], workdays: tuple[dt.date, ...]) -> str:
    """houqin.yaml with the notice, its holidays and its make-up days added to `calendar:`."""
    y = yaml_rt()
    if re.search(r"^  - ", text, re.MULTILINE):  # the template's style: lists indented under their key
        y.indent(mapping=2, sequence=4, offset=2)
    doc = y.load(text)
    if not isinstance(doc, CommentedMap):
        raise InputError("file_unreadable", path=CONFIG_FILE)
    cal = doc.get("calendar")
    if not isinstance(cal, CommentedMap):
        cal = to_yaml(DEFAULT_CALENDAR.model_dump(mode="python", exclude_defaults=True))
        doc["calendar"] = cal
    for key, items in (("notices", [notice]), ("holidays", list(holidays))):
        seq = cal.get(key)
        if not isinstance(seq, CommentedSeq):
            seq = CommentedSeq()
            cal[key] = seq
        seq.extend(_flow_map(item.model_dump(mode="python", exclude_none=True)) for item in items)
    if workdays:
        days = cal.get("workdays")
        if not isinstance(days, CommentedSeq):
            days = CommentedSeq()
            days.fa.set_flow_style()
            cal["workdays"] = days
        days.extend(workdays)
    buf = io.StringIO()
    y.dump(doc, buf)
    return buf.getvalue()
