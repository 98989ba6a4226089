"""The diagnostics: each stable code with its severity here, its message and hint in the message
catalogue (houqin/locale, msgctxt diagnostic and hint; docs/messages.md), rendered in zh or en.

Codes are stable once released; tests/errors/ holds one breaking ledger per code.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from houqin.diagnostics import Severity
from houqin.i18n import Words, message, t

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class Message:
    severity: Severity
    zh: str
    en: str
    hint_zh: str = ""
    hint_en: str = ""


# Every diagnostic code, in the order the docs list them, with its severity (its words: the catalogue).
SEVERITIES: Mapping[str, Severity] = {
    # --- reading files (check: schema)
    "YAML001": E,
    "YAML002": E,
    "YAML003": E,
    "YAML004": E,
    "YAML005": E,
    "YAML006": E,
    "YAML007": E,
    "YAML008": E,
    "YAML009": E,
    "SCH001": E,
    "YAML010": E,
    "YAML011": E,
    "YAML012": E,
    "GIT001": W,
    "SCH002": W,
    "SCH003": E,
    "SCH004": INFO,
    # --- ids
    "ID001": E,
    "ID002": E,
    "ID003": E,
    "ID004": E,
    "ID005": E,
    # --- refs
    "REF001": E,
    "REF012": E,
    "REF002": E,
    "REF003": E,
    "REF004": E,
    "REF005": E,
    "REF006": W,
    "REF007": E,
    "REF008": E,
    "REF009": E,
    "REF010": E,
    # --- approval chain
    "APR001": E,
    "APR002": E,
    "APR003": E,
    "APR004": E,
    "APR005": E,
    "APR006": E,
    "APR007": E,
    # --- signatures
    "SIG001": E,
    "SIG002": E,
    "SIG003": W,
    "SIG004": W,
    # --- keys (docs/signatures.md)
    "KEY001": E,
    "KEY002": E,
    "KEY003": E,
    "KEY004": E,
    "KEY005": E,
    "KEY006": E,
    "KEY007": E,
    "KEY008": E,
    "KEY009": W,
    "KEY011": E,
    "KEY010": INFO,
    # --- separation of duties
    "SOD001": E,
    "SOD002": E,
    "SOD003": E,
    "SOD004": E,
    "SOD005": E,
    "SOD006": E,
    "SOD007": E,
    # --- invoices
    "INV001": E,
    "INV002": E,
    "INV003": E,
    "INV004": E,
    "INV005": E,
    # --- assets
    "AST001": E,
    "AST002": E,
    "AST003": E,
    "AST004": E,
    "AST005": E,
    "AST006": E,
    "AST007": E,
    "AST008": W,
    "AST009": W,
    "DEP001": E,
    "LOAN001": W,
    "LOAN002": E,
    "LOAN003": E,
    # --- repairs
    "REP001": E,
    "REP002": W,
    "REP003": E,
    "REP004": E,
    # --- damage
    "DMG001": E,
    "DMG002": E,
    "DMG003": E,
    "DMG004": E,
    "DMG005": E,
    "DMG006": E,
    # --- stock
    "STK001": E,
    "STK002": E,
    "STK003": E,
    "STK004": W,
    "STK005": E,
    "STK006": E,
    "STK007": E,
    # --- purchases
    "PUR001": E,
    "PUR002": E,
    "PUR003": E,
    "PUR004": E,
    "PUR005": E,
    "PUR006": E,
    "PUR007": E,
    "PUR008": E,
    "PUR009": E,
    "PUR010": E,
    "PUR011": E,
    "PUR012": E,
    "PUR013": E,
    "PUR014": E,
    # --- finance
    "FIN001": E,
    "FIN002": E,
    "FIN003": E,
    "FIN004": E,
    "FIN005": E,
    "FIN006": E,
    "FIN007": E,
    "FIN008": W,
    "FIN009": W,
    "FIN010": E,
    "FIN011": E,
    "FIN015": E,
    "FIN016": E,
    "FIN017": E,
    "FIN018": E,
    "FIN019": W,
    # --- 代办费 (fees collected on behalf)
    "FEE001": W,
    "FEE002": E,
    "FEE003": E,
    "FEE004": E,
    "FIN020": E,
    "FEE005": W,
    "FEE006": E,
    "FEE007": W,
    "FEE008": W,
    "FEE009": E,
    "FEE010": E,
    # --- receipts (票据管理)
    "REC001": E,
    "REC002": E,
    "REC003": E,
    "REC004": E,
    "REC005": E,
    "REC006": E,
    "REC007": W,
    "REC008": E,
    "REC010": E,
    "REC011": W,
    "REC009": E,
    "FIN013": E,
    "FIN014": E,
    "FIN012": E,
    "BUD001": E,
    "DAT001": W,
    "REF011": E,
    "BUD003": E,
    "BUD004": E,
    "BUD002": E,
    "ADV001": W,
    "ADV002": E,
    "ADV003": E,
    "CLS001": E,
    "CLS002": E,
    "YRC001": E,
    "YRC002": E,
    "YRC003": E,
    "YRC004": E,
    "YRC005": E,
    "YRC006": E,
    "YRC007": E,
    "YRC008": E,
    "CLS003": E,
    "CLS004": E,
    "CLS005": E,
    "CLS006": W,
    "CLS007": E,
    "CLS008": E,
    # --- the rest of the office
    "MTR001": E,
    "MTR002": W,
    "MTR003": W,
    "MTR004": E,
    "PAT001": INFO,
    "PAT002": W,
    "PRT001": E,
    "SHP001": E,
    "SHP002": E,
    "SHP004": E,
    "SHP005": E,
    "SHP006": W,
    "SHP007": E,
    "SHP008": E,
    "SHP009": E,
    "SHP010": E,
    "SHP003": W,
    "MLK001": E,
    "MLK002": W,
    "MLK003": W,
    "MLK004": E,
    # --- stocktake
    "PD001": W,
    "PD002": W,
    "PD003": E,
    "PD004": E,
    "PD006": E,
    # --- imports
    "IMP001": E,
    "IMP002": W,
    "IMP003": W,
    # --- capitalisation
    "CAP001": W,
    # --- the rest of the office (issue #18): the school calendar
    "CAL001": W,
    "CAL002": W,
    # --- the audit group (稽核小组每学期稽核, R41)
    "AUD001": W,
    "AUD002": E,
    "AUD003": E,
    "AUD004": E,
    "AUD005": W,
    "AUD006": E,
    "AUD007": W,
    "AUD008": E,
    # --- the safety registers (R44)
    "SAF001": W,
    "SAF002": W,
    "SAF003": E,
    "SAF004": E,
    "SAF005": W,
    "SAF006": W,
    # --- keepers' responsibility (责任到人)
    "RSP001": W,
    "RSP002": E,
    # --- canteen food safety (食堂, R42)
    "FOOD001": E,
    "FOOD002": E,
    "FOOD003": E,
    "FOOD004": E,
    "FOOD005": W,
    "FOOD006": E,
    "FOOD007": W,
    # --- vehicles and receptions (公车、公务接待, R43)
    "VEH001": E,
    "VEH002": E,
    "VEH003": E,
    "VEH004": W,
    "VEH005": E,
    "VEH007": W,
    "VEH006": W,
    "RCP001": E,
    "RCP002": E,
    "RCP003": E,
    "RCP004": E,
    "RCP005": E,
    # --- the term-end report (书面上报校长室, R40)
    "PD007": W,
    "PD008": W,
    "PD009": E,
}


class _Diagnostics(Mapping[str, Message]):
    """The codes with their words from the catalogue: code → Message (zh, en, hint_zh, hint_en)."""

    def __getitem__(self, code: str) -> Message:
        return _message(code)

    def __iter__(self) -> Iterator[str]:
        return iter(SEVERITIES)

    def __len__(self) -> int:
        return len(SEVERITIES)


@functools.cache
def _message(code: str) -> Message:
    severity = SEVERITIES[code]
    words = [message(code, lang, context) for context in ("diagnostic", "hint") for lang in ("zh", "en")]
    return Message(severity, *words)


CATALOG: Mapping[str, Message] = _Diagnostics()
SCHEMA_REASONS: Mapping[str, tuple[str, str]] = Words("schema_reason")  # why a field is wrong (SCH001)
# Why a row of an imported sheet cannot be taken (IMP001's reason), by kind.
IMPORT_REASONS: Mapping[str, tuple[str, str]] = Words("import_reason")
# What libyaml says of a syntax error (YAML001's problem), in Chinese; the original follows in brackets
# so it can still be searched for. A problem not in the catalogue is shown as libyaml says it.
YAML_PROBLEMS: Mapping[str, tuple[str, str]] = Words("yaml_problem")


def default_severity(code: str) -> Severity:
    return SEVERITIES[code]


def _fill(template: str, params: Mapping[str, str]) -> str:
    return template.format_map(defaultdict(lambda: "?", params))


# The hint shown when a write is refused (exit 1, nothing written): the catalogue's hint speaks of a
# record already in the file (withdraw the signature, delete the line, have the payment reviewed); at a
# refused write there is nothing to undo, so these (msgctxt refused) say what to do now instead. A code
# without one reads the same either way (its hint is about what to type, or says "已写入的…" of a record written).
AT_REFUSAL: Mapping[str, tuple[str, str]] = Words("refused")


# The parameters that name a role or step (one, or a chain of them joined by → or /) or a field, by
# code: they are shown in the reader's language (houqin.i18n words), 经手人(handler) in Chinese.
STEP, CHAIN, ROLE_LIST, FIELD, FIELD_LIST = "step", "chain", "roles", "field", "fields"
WORD_PARAMS: Mapping[str, Mapping[str, str]] = {
    "AUD003": {"role": STEP},
    "AUD006": {"step": STEP},
    "APR001": {"step": STEP, "chain": CHAIN},
    "APR002": {"step": STEP, "previous": STEP, "chain": CHAIN},
    "APR003": {"step": STEP},
    "APR004": {"step": STEP, "chain": CHAIN},
    "APR005": {"step": STEP},
    "APR007": {"step": STEP, "chain": CHAIN},
    "SIG001": {"step": STEP, "roles": ROLE_LIST},
    "KEY001": {"step": STEP},
    "KEY002": {"step": STEP},
    "KEY003": {"step": STEP},
    "KEY004": {"step": STEP},
    "KEY005": {"step": STEP, "missing": STEP},
    "REC010": {"step": STEP},
    "REC011": {"step": STEP},
    "KEY009": {"step": STEP},
    "KEY011": {"step": STEP},
    "SOD001": {"step": STEP, "other": STEP},
    "SOD002": {"step": STEP},
    "SOD005": {"step": STEP},
    "SOD006": {"fields": FIELD_LIST},
    "AST005": {"step": STEP},
    "PUR001": {"step": STEP},
    "PUR002": {"step": STEP},
    "PUR011": {"step": STEP},
    "PD004": {"step": STEP},
    "FIN014": {"role": ROLE_LIST},
    "SCH001": {"field": FIELD},
    "REF001": {"field": FIELD},
    "REF002": {"field": FIELD},
    "REF012": {"field": FIELD},
    "IMP001": {"field": FIELD, "fields": FIELD_LIST},
    "IMP002": {"field": FIELD},
    "IMP003": {"field": FIELD},
}


def _in_words(code: str, lang: str, params: Mapping[str, str]) -> dict[str, str]:
    from houqin.i18n import FIELDS, ROLES, field_label, labelled, role_key, word

    shown = dict(params)
    for name, sort in WORD_PARAMS.get(code, {}).items():
        value = params.get(name)
        if value is None:
            continue
        if sort == STEP:
            shown[name] = labelled(value, lang)
            meant = role_key(value)
            if meant != value and meant in ROLES:  # the school's word typed into YAML where the key belongs
                shown[name] = t("write_key", lang, value=value, meant=meant)
            shown[f"{name}_key"] = value  # what --as takes, for a hint's command
        elif sort == CHAIN:
            shown[name] = " → ".join(word(k, lang) for k in value.split(" → "))
        elif sort == ROLE_LIST:
            shown[name] = "/".join(word(k, lang) for k in value.split("/"))
        elif sort == FIELD:
            shown[name] = field_label(value, lang)
        else:
            shown[name] = t("sep.list", lang).join(labelled(k, lang, FIELDS) for k in value.split(","))
    return shown


def render_message(code: str, lang: str, params: Mapping[str, str]) -> str:
    if code not in SEVERITIES:
        return f"{code} {dict(params)}"
    shown = _in_words(code, lang, params)
    if code == "YAML001" and lang != "en" and params.get("problem") in YAML_PROBLEMS:
        shown["problem"] = f"{YAML_PROBLEMS[params['problem']][0]}（{params['problem']}）"
    if code == "SCH001":
        kind = params.get("kind", "")
        reason = message(kind, lang, "schema_reason") if kind in SCHEMA_REASONS else params.get("detail", "")
        shown["reason"] = _fill(reason, shown)
    elif code == "IMP001" and params.get("kind") in IMPORT_REASONS:
        if params.get("schema") in SCHEMA_REASONS:
            shown["detail"] = _fill(message(params["schema"], lang, "schema_reason"), shown)
        shown["reason"] = _fill(message(params["kind"], lang, "import_reason"), shown)
    return _fill(message(code, lang, "diagnostic"), shown)


# The command that signs a record, by its id's prefix (the others: houqin sign {id}), and the one
# that pays it.
SIGN_COMMANDS: Mapping[str, tuple[str, str]] = Words("sign_command")
PAY_COMMANDS: Mapping[str, tuple[str, str]] = Words("pay_command")


class _Words(Sequence[str]):
    """One message as the pair (zh, en), read from the catalogue when first looked at."""

    def __init__(self, context: str, key: str) -> None:
        self.context, self.key = context, key

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        return message(self.key, ("zh", "en")[i], self.context)

    def __len__(self) -> int:
        return 2


ANY_SIGN = _Words("any_sign", "sign")


def sign_command(record: str, step: str, lang: str) -> str:
    """The command a hint names to add a signature to `record`: each kind's own (an advance is
    approved with houqin advance approve, a claim signed with houqin expense sign; a payment is the
    cashier's houqin expense pay or houqin advance pay)."""
    prefix = record.split("-", 1)[0]
    if step == "payment" and prefix in PAY_COMMANDS:
        return message(prefix, lang, "pay_command").format(id=record)
    command = message(prefix, lang, "sign_command") if prefix in SIGN_COMMANDS else message("sign", lang, "any_sign")
    return command.format(id=record or "ID", step=step or t("placeholder_step", lang))


def render_hint(code: str, lang: str, params: Mapping[str, str], record: str = "", refused: bool = False) -> str:
    """The hint of a diagnostic; with `refused`, as shown at a write refused (nothing written: AT_REFUSAL)."""
    if code not in SEVERITIES:
        return ""
    shown = _in_words(code, lang, params)
    rid = record or params.get("id", "")
    shown["sign"] = sign_command(rid, shown.get("step_key", ""), lang)
    shown["sign_missing"] = sign_command(rid, shown.get("missing_key", ""), lang)
    return _fill(message(code, lang, "refused" if refused and code in AT_REFUSAL else "hint"), shown)
