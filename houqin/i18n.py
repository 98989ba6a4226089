"""Words on the screen, in Chinese (default) and English. Diagnostics live in houqin.messages."""

from __future__ import annotations

import os
from collections import defaultdict

LANGS = ("zh", "en")

TEXT: dict[str, tuple[str, str]] = {
    # errors (HouqinError keys)
    "not_a_ledger": (
        "{path} 不是 houqin 账本（没有 houqin.yaml）。用 --ledger 指定账本目录，或 `houqin init` 新建。",
        "{path} is not a houqin ledger (no houqin.yaml). Point --ledger at one, or create one with `houqin init`.",
    ),
    "no_ledger": (
        "找不到账本。用 --ledger 指定目录、设置 HOUQIN_LEDGER，或 `houqin init` 新建。",
        "No ledger found. Use --ledger, set HOUQIN_LEDGER, or create one with `houqin init`.",
    ),
    "unknown_check": ("没有名为 {name} 的检查。可用：{known}", "No check named {name}. Known: {known}"),
    "ledger_locked": (
        "账本 {path} 正被另一个 houqin 进程写入，已等待 {seconds} 秒。请稍后再试。",
        "Another houqin process is writing {path}; waited {seconds} s. Try again shortly.",
    ),
    "git_missing": ("找不到 git。请先安装 git。", "git is not installed."),
    "git_failed": ("git {command} 失败：{output}", "git {command} failed: {output}"),
    "not_a_repo": (
        "{path} 不在 git 仓库中。用 --no-commit 只写文件，或先 `git init`。",
        "{path} is not in a git repository. Use --no-commit to write without committing, or `git init` first.",
    ),
    "hook_exists": (
        "{path} 已有其他 pre-commit 钩子；请手工把 `houqin check --staged` 加进去。",
        "{path} already holds another pre-commit hook; add `houqin check --staged` to it by hand.",
    ),
    "commit_refused": (
        "提交被拒绝，账本已恢复原状：\n{output}",
        "The commit was refused; the ledger is back as it was:\n{output}",
    ),
    "file_unreadable": (
        "{path} 无法读取，请先运行 houqin check 修正。",
        "{path} cannot be read; run houqin check and fix it first.",
    ),
    "record_not_found": ("找不到记录 {id}。", "Record {id} not found."),
    "write_mismatch": (
        "内部错误：写入 {path} 的 {id} 读回不一致，已放弃写入。请报告此问题。",
        "Internal error: {id} written to {path} did not read back the same; nothing was written. Please report this.",
    ),
    "write_refused": (
        "拒绝写入 {id}：它会使账本出现以下错误。",
        "Refused to write {id}: it would put these errors in the ledger.",
    ),
    "asset_below_threshold": (
        "单价 {price} 元低于固定资产标准 {threshold} 元：请作为低值易耗品入库（houqin stock in），或用 --reason 说明为何登记为资产。",
        "Unit price {price} is below the {threshold} capitalisation threshold: record it as a consumable (houqin stock in), or give --reason to register it anyway.",
    ),
    "invalid_input": ("输入无效：{detail}", "Invalid input: {detail}"),
    "invalid_option": ("{option} 的值无效：{value}（{expected}）", "Invalid value for {option}: {value} ({expected})"),
    "unknown_record": ("找不到{kind} {id}。", "No {kind} {id}."),
    "unknown_step": ("没有签批环节 {step}；可用：{chain}", "No signature step {step}; the steps are {chain}"),
    "already_signed": ("{id} 的 {step} 已签字。", "{id} is already signed as {step}."),
    "already_paid": ("{id} 已付款，不能再签字。", "{id} is already paid; it takes no more signatures."),
    "which_place": (
        "{id} 现存放于 {places}：请用 --from-place 指明从哪里调出。",
        "{id} is at {places}: say which with --from-place.",
    ),
    "no_open_loan": ("{id} 没有未归还的借用。", "{id} has no open loan."),
    "several_open_loans": (
        "{id} 有多笔未还借用（{loans}），请给出借用编号。",
        "{id} has several open loans ({loans}): give the loan's id.",
    ),
    "transfer_needs_recipient": ("转让/调出须用 --to 写明接收单位。", "A transfer needs the receiving unit (--to)."),
    "repair_needs_target": ("报修须写明 --asset 或 --place。", "A repair ticket names --asset or --place."),
    "already_closed": ("{id} 已经结案。", "{id} is already closed."),
    "student_needs_class": (
        "学生损坏须写明 --class 和 --guardian（监护人）。",
        "For a student give --class and --guardian.",
    ),
    "input_missing": ("找不到文件 {path}。", "No file {path}."),
    "input_format": ("{path}：只能导入 .xlsx 或 .csv 文件。", "{path}: houqin imports .xlsx or .csv files."),
    "input_unreadable": (
        "{path} 无法读取（{problem}）：是否真的是 Excel 文件？",
        "{path} cannot be read ({problem}): is it really an Excel file?",
    ),
    "input_no_sheet": ("{path} 中没有工作表 {sheet}；有：{sheets}", "{path} has no sheet {sheet}; it has {sheets}"),
    "input_too_big": ("{path} 超过 {rows} 行，请分批导入。", "{path} has more than {rows} rows: import it in parts."),
    "input_encoding": ("{path} 既不是 UTF-8 也不是 GB18030 编码。", "{path} is neither UTF-8 nor GB18030."),
    "input_no_headers": (
        "{path} 的前 10 行中找不到表头（如 {known}）。用 --map 指定列。",
        "{path}: no header row in the first 10 rows (like {known}). Map columns with --map.",
    ),
    "unknown_field": ("没有字段 {field}；可用：{fields}", "No field {field}; fields: {fields}"),
    "unknown_column": ("表中没有列 {column}；有：{columns}", "The sheet has no column {column}; it has {columns}"),
    "missing_columns": (
        "找不到必需的列：{fields}。用 --map 列名=字段 指定。",
        "Required columns not found: {fields}. Map them with --map COLUMN=field.",
    ),
    "bad_map": (
        "--map 的写法是 列名=字段，例如 --map 设备名称=name。",
        "--map takes COLUMN=field, e.g. --map 设备名称=name.",
    ),
    "import_refused": (
        "导入 {file} 被拒绝：{bad} 行有问题，未写入任何记录。",
        "Import of {file} refused: {bad} rows have problems; nothing was written.",
    ),
    "import_mapping": (
        "列对应关系（用 --map 列名=字段 修改，字段 - 表示忽略）：",
        "Column mapping (change with --map COLUMN=field; - ignores a column):",
    ),
    "import_plan": (
        "{file}：{good} 行可导入（原值合计 {value} 元），{bad} 行有问题。",
        "{file}: {good} rows to import (cost {value} yuan), {bad} rows with problems.",
    ),
    "import_done": ("已导入 {count} 项资产。", "Imported {count} assets."),
    "report_written": ("已写出 {path}", "Wrote {path}"),
    "label_what": ("请给出资产编号，或用 --place 指定地点。", "Give asset ids, or a place with --place."),
    "dir_not_empty": ("{path} 不是空目录。", "{path} is not empty."),
    "school_required": ("请用 --school 给出学校名称。", "Give the school's name with --school."),
    "invoice_mismatch": ("--invoice 与 --invoice-date 的个数须相同。", "Give one --invoice-date per --invoice."),
    "internal_error": (
        "内部错误：{error}。加 --debug 查看详情，并请报告此问题。",
        "Internal error: {error}. Run with --debug for details, and please report it.",
    ),
    # words
    "error": ("错误", "error"),
    "warning": ("警告", "warning"),
    "info": ("提示", "info"),
    "hint": ("提示", "hint"),
    "summary_clean": (
        "检查通过：{records} 条记录，{checks} 项检查。",
        "All clear: {records} records, {checks} checks.",
    ),
    "summary_counts": ("{errors} 个错误，{warnings} 个警告。", "{errors} errors, {warnings} warnings."),
    "written": ("已写入 {id} → {path}", "Wrote {id} → {path}"),
    "committed": ("已提交：{message}", "Committed: {message}"),
    "not_committed": ("（未提交 git：--no-commit）", "(not committed: --no-commit)"),
    "init_done": (
        "已新建账本 {path}（学校：{school}），并安装了 pre-commit 检查钩子。",
        "Created ledger {path} for {school}, with the pre-commit check hook.",
    ),
    "hook_installed": ("已安装 pre-commit 钩子：{path}", "Installed the pre-commit hook: {path}"),
    "pending_signatures": ("待签：{steps}", "awaiting: {steps}"),
    "signed_complete": ("签字齐全", "fully signed"),
    "paid": ("已付 {on}", "paid {on}"),
    "unpaid": ("未付", "unpaid"),
    "step.handler": ("经手人", "handler"),
    "step.witness": ("证明人", "witness"),
    "step.principal": ("校长", "principal"),
    "step.supervisor": ("主管领导", "supervisor"),
    "step.department_head": ("部门负责人", "department head"),
    "col.id": ("编号", "ID"),
    "col.date": ("日期", "Date"),
    "col.payee": ("收款方", "Payee"),
    "col.amount": ("金额", "Amount"),
    "col.budget_line": ("预算科目", "Budget line"),
    "col.purpose": ("用途", "Purpose"),
    "col.status": ("状态", "Status"),
    "col.kind": ("种类", "Kind"),
    "col.count": ("条数", "Records"),
    "col.code": ("分类代码", "Code"),
    "col.name": ("名称", "Name"),
    "col.quantity": ("数量", "Quantity"),
    "col.value": ("原值（元）", "Cost (yuan)"),
    "col.budget": ("预算", "Budget"),
    "col.spent": ("已报销", "Spent"),
    "col.remaining": ("余额", "Remaining"),
    "col.used": ("执行率", "Used"),
    "title.overview": ("{school} 后勤账本概况（截至 {date}）", "{school}: ledger overview as of {date}"),
    "title.records": ("记录", "Records"),
    "title.assets": ("固定资产（按分类）", "Fixed assets by class"),
    "title.budget": ("{year} 年预算执行", "Budget execution {year}"),
    "title.claims": ("报销单", "Reimbursements"),
    "total": ("合计", "Total"),
    "ov.claims": (
        "报销单：{awaiting} 张待签字，{unpaid} 张已签待付",
        "Claims: {awaiting} awaiting signatures, {unpaid} signed but unpaid",
    ),
    "ov.loans": ("借用：{open} 件未归还，其中 {overdue} 件逾期", "Loans: {open} not returned, {overdue} overdue"),
    "ov.advances": ("借款：{open} 笔未结清，共 {amount} 元", "Cash advances: {open} open, {amount} yuan"),
    "col.model": ("规格型号", "Model"),
    "col.item": ("物品", "Item"),
    "title.stock": ("库存（截至 {date}，移动加权平均成本）", "Stock on hand as of {date} (moving average cost)"),
    "stock.low": ("低于补货线 {level}", "below reorder level {level}"),
    "col.row": ("行号", "Row"),
    "col.place": ("存放地点", "Place"),
    "col.keeper": ("保管人", "Keeper"),
    "col.accumulated": ("累计折旧", "Depreciation"),
    "col.net": ("净值", "Net value"),
    "col.category": ("分类", "Class"),
    "col.acquired": ("取得日期", "Acquired"),
    "col.unit_price": ("单价（元）", "Unit price"),
    "col.funding": ("经费来源", "Funding"),
    "col.supplier": ("供应商", "Supplier"),
    "col.event": ("变动", "Event"),
    "col.record": ("单据", "Record"),
    "col.borrower": ("借用人", "Borrower"),
    "col.due": ("应还日期", "Due"),
    "col.days": ("逾期天数", "Days late"),
    "status.in_use": ("在用", "in use"),
    "status.on_loan": ("借出", "on loan"),
    "status.disposed": ("已处置", "disposed"),
    "lent": ("借出 {n}", "{n} lent"),
    "event.acquired": ("登记入账", "registered"),
    "event.moved": ("调拨", "moved"),
    "event.lent": ("借出", "lent"),
    "event.returned": ("归还", "returned"),
    "event.scrap": ("报废", "scrapped"),
    "event.transfer": ("转让/调出", "transferred"),
    "event.loss": ("报损", "lost"),
    "title.register": ("固定资产登记表（截至 {date}）", "Asset register as of {date}"),
    "title.place_register": (
        "{name}（{place}）资产登记表（截至 {date}，保管人：{keeper}）",
        "Register of {name} ({place}) as of {date}, kept by {keeper}",
    ),
    "title.keeper_register": ("{keeper} 保管的资产（截至 {date}）", "Assets kept by {keeper} as of {date}"),
    "title.card": ("资产卡片 {id}", "Asset card {id}"),
    "title.history": ("变动记录", "History"),
    "title.overdue": ("逾期未还的借用", "Overdue loans"),
    "register.sign": (
        "保管人签字：____________    核对人签字：____________    日期：________",
        "Keeper's signature: ____________    Checked by: ____________    Date: ________",
    ),
    "no_overdue": ("没有逾期未还的借用。", "No overdue loans."),
    "no_claims": ("没有符合条件的报销单。", "No reimbursements match."),
}


def default_lang() -> str:
    lang = os.environ.get("HOUQIN_LANG", "zh")
    return lang if lang in LANGS else "zh"


def t(key: str, lang: str, **params: object) -> str:
    zh, en = TEXT.get(key, (key, key))
    template = en if lang == "en" else zh
    return template.format_map(defaultdict(lambda: "?", {k: str(v) for k, v in params.items()}))
