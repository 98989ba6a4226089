"""The catalogue of diagnostics: each stable code with its severity, message and hint in zh and en.

Codes are stable once released; tests/errors/ holds one breaking ledger per code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from houqin.diagnostics import Severity

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class Message:
    severity: Severity
    zh: str
    en: str
    hint_zh: str = ""
    hint_en: str = ""


# The approval steps as a diagnostic names them: the school's word, then the policy's key.
STEP_NAMES = {
    "department_head": "部门负责人",
    "supervisor": "主管领导",
    "principal": "校长",
    "director": "总务主任",
}


def step_label(step: str) -> str:
    """'主管领导(supervisor)' for a known step, the key itself otherwise."""
    zh = STEP_NAMES.get(step)
    return f"{zh}({step})" if zh else step


CATALOG: Mapping[str, Message] = {
    # --- reading files (check: schema)
    "YAML001": Message(
        E,
        "YAML 语法错误：{problem}",
        "YAML syntax error: {problem}",
        "检查缩进、冒号和引号；可用 `houqin check schema` 复查。",
        "Check indentation, colons and quotes; re-run `houqin check schema`.",
    ),
    "YAML002": Message(
        E,
        "重复的键 {key}（第 {first} 行已出现）",
        "duplicate key {key} (first on line {first})",
        "同一记录中每个键只能写一次，删去其中一个。",
        "Each key appears once per record: remove one.",
    ),
    "YAML003": Message(
        E,
        "不允许的 YAML 标签 {tag}",
        "YAML tag {tag} is not allowed",
        "账本只用普通的文字、数字、列表和映射，删去以 ! 开头的标签。",
        "Ledgers hold plain text, numbers, lists and mappings: remove the `!` tag.",
    ),
    "YAML004": Message(
        E,
        "不允许使用锚点/别名（& 和 *）或合并键（<<）",
        "anchors, aliases (& and *) and merge keys (<<) are not allowed",
        "把内容直接写出来，每条记录独立完整。",
        "Write the values out: each record stands on its own.",
    ),
    "YAML005": Message(
        E,
        "此文件的顶层应当是记录列表（每条以 `- ` 开头）",
        "the top level of this file must be a list of records (each starting with `- `)",
        "参见 docs/ledger-format.md 中的示例。",
        "See the example in docs/ledger-format.md.",
    ),
    "YAML006": Message(
        E,
        "文件不是 UTF-8 编码（疑似 {encoding}）",
        "the file is not UTF-8 (looks like {encoding})",
        "请用 UTF-8 保存，例如 `iconv -f GB18030 -t UTF-8`。",
        "Save it as UTF-8, e.g. `iconv -f GB18030 -t UTF-8`.",
    ),
    "YAML007": Message(
        E, "数字过大", "number too large", "金额和编号请写成带引号的文字。", "Write amounts and numbers as quoted text."
    ),
    "YAML008": Message(
        E,
        "此文件的顶层应当是映射（键: 值）",
        "the top level of this file must be a mapping (key: value)",
        "参见 docs/ledger-format.md 中的示例。",
        "See the example in docs/ledger-format.md.",
    ),
    "YAML009": Message(
        E,
        "文件过大（{size} MB，上限 {limit} MB）",
        "file too large ({size} MB, limit {limit} MB)",
        "记录按 年份/种类 分文件存放；把这个文件拆开。",
        "Records are split by year and kind: split this file.",
    ),
    "SCH001": Message(
        E,
        "字段 {field} 无效：{reason}",
        "field {field} is invalid: {reason}",
        "按 docs/ledger-format.md 修改此字段。",
        "Fix the field as docs/ledger-format.md describes.",
    ),
    "YAML010": Message(
        E,
        "此文件是指向账本目录之外的链接，houqin 不读取它",
        "this file is a link leading outside the ledger; houqin does not read it",
        "账本的文件须在账本目录之内：用真实文件替换该链接。",
        "A ledger's files live inside its directory: replace the link with the file itself.",
    ),
    "YAML011": Message(
        E,
        "此文件不是普通文件（{kind}），houqin 不读取它",
        "this is not a regular file ({kind}); houqin does not read it",
        "账本的记录文件须是普通文件：删除它（如 `rm` 命名管道），或换成真正的 YAML 文件。",
        "A ledger's record files are regular files: remove it (e.g. `rm` the FIFO) or put a real YAML file there.",
    ),
    "YAML012": Message(
        E,
        "此文件是指向账本中另一个文件 {target} 的链接，houqin 不读取它（否则其中的记录会算两次）",
        "this file is a link to another file of the ledger, {target}; houqin does not read it (its records "
        "would count twice)",
        "每个文件只存放自己的记录：删除该链接，或用真正的文件替换它。",
        "Each file holds its own records: remove the link, or replace it with a file of its own.",
    ),
    "GIT001": Message(
        W,
        "git 的索引锁 {lock} 已遗留 {minutes} 分钟，本机没有 git 在这个仓库中运行：写入命令在它删除前都会被拒绝",
        "git's index lock {lock} was left {minutes} minutes ago and no git on this machine works in this "
        "repository: every write is refused until it is removed",
        "确认没有其他电脑上的 git 在使用这个账本后，运行 `houqin repair-lock` 删除它。",
        "Once sure no git on another computer uses this ledger, remove it with `houqin repair-lock`.",
    ),
    "SCH002": Message(
        W,
        "账本中有无法识别的文件，houqin 不会读取它",
        "unknown file in the ledger; houqin does not read it",
        "记录文件按 年份/种类.yaml 存放（如 2025/assets.yaml）。",
        "Record files live at YEAR/KIND.yaml (e.g. 2025/assets.yaml).",
    ),
    "SCH003": Message(
        E,
        "列表项应当是一条记录（键: 值 的映射）",
        "a list item must be a record (a mapping of key: value)",
        "每条记录以 `- id: ...` 开头，后面的字段缩进两格。",
        "Start each record with `- id: ...` and indent its fields by two.",
    ),
    # --- ids
    "ID001": Message(
        E,
        "编号 {id} 重复（另见 {other}）",
        "id {id} is used twice (also at {other})",
        "给其中一条记录换一个新编号。",
        "Give one of the records a new id.",
    ),
    "ID002": Message(
        E,
        "编号 {id} 格式不对，应为 {prefix}-年份-序号（如 {prefix}-2025-0001）",
        "id {id} is malformed: expected {prefix}-YEAR-NUMBER (e.g. {prefix}-2025-0001)",
        "用 houqin 命令新增记录，编号会自动分配。",
        "Add records with houqin's commands: ids are allocated for you.",
    ),
    "ID003": Message(
        E,
        "编号 {id} 的年份与日期 {date} 不符",
        "id {id} does not match the year of its date {date}",
        "编号中的年份应当是记录日期的年份。",
        "The year in the id is the year of the record's date.",
    ),
    "ID004": Message(
        E,
        "记录 {id} 放错了文件：应在 {expected}",
        "record {id} is in the wrong file: it belongs in {expected}",
        "把这条记录移到对应年份的文件里。",
        "Move the record to the file of its year.",
    ),
    "ID005": Message(
        E,
        "{what} {name} 重复登记",
        "{what} {name} is listed twice",
        "同名人员请加区分后缀（如 张伟2），其余编号改为唯一。",
        "Distinguish homonyms with a suffix (张伟2); make other keys unique.",
    ),
    # --- refs
    "REF001": Message(
        E,
        "{field} 中的人员 {name} 不在 people.yaml 中",
        "{field}: person {name} is not in people.yaml",
        "先在 people.yaml 登记此人，或改正姓名。",
        "Add the person to people.yaml or correct the name.",
    ),
    "REF002": Message(
        E,
        "{field} 中的人员 {name} 在 {date} 不在职",
        "{field}: {name} was not on the staff on {date}",
        "核对日期，或换一位当时在职的人员。",
        "Check the date, or name someone on the staff that day.",
    ),
    "REF003": Message(
        E,
        "地点 {place} 不在 places.yaml 中",
        "place {place} is not in places.yaml",
        "先在 places.yaml 登记此地点。",
        "Add the place to places.yaml first.",
    ),
    "REF004": Message(
        E,
        "地点 {place} 已停用",
        "place {place} is no longer in use",
        "把资产登记到在用的地点。",
        "Register the asset at a place in use.",
    ),
    "REF005": Message(
        E,
        "物品 {item} 不在 catalog.yaml 的物品目录中",
        "item {item} is not in the catalog (catalog.yaml items)",
        "先在 catalog.yaml 的 items 中登记此物品。",
        "Add the item to catalog.yaml items first.",
    ),
    "REF006": Message(
        W,
        "资产分类 {code} 不在 catalog.yaml 中",
        "asset category {code} is not in catalog.yaml",
        "在 catalog.yaml 的 asset_categories 中登记该分类及其折旧年限。",
        "Add the class with its depreciation life to catalog.yaml asset_categories.",
    ),
    "REF007": Message(
        E,
        "资产分类 {code} 不是 GB/T 14885 代码",
        "asset category {code} is not a GB/T 14885 code",
        "分类代码以 A01–A07 开头，如 A02010105（台式计算机）。",
        "Codes start with A01-A07, e.g. A02010105 (desktop computer).",
    ),
    "REF008": Message(
        E,
        "预算科目 {line} 在 {year} 年预算中不存在",
        "budget line {line} is not in the {year} budget",
        "在 catalog.yaml 的 budget_lines 中列出该年度的科目。",
        "List the line for that year in catalog.yaml budget_lines.",
    ),
    "REF009": Message(
        E, "引用的{what} {id} 不存在", "referenced {what} {id} does not exist", "核对编号。", "Check the id."
    ),
    "REF010": Message(
        E,
        "经费来源 {funding} 不在 catalog.yaml 的 funding_sources 中",
        "funding source {funding} is not in catalog.yaml funding_sources",
        "使用已登记的经费来源，或先登记。",
        "Use a listed funding source, or add it first.",
    ),
    # --- approval chain
    "APR001": Message(
        E,
        "{id} 已付款，但缺少 {step} 签批（需 {chain}）",
        "{id} was paid without the {step} step (needs {chain})",
        "先补齐签批再付款：houqin expense sign。",
        "Complete the signatures before paying: houqin expense sign.",
    ),
    "APR002": Message(
        E,
        "{step} 签于 {on}，早于前一环节 {previous}（{previous_on}）",
        "{step} signed on {on}, before the previous step {previous} ({previous_on})",
        "签批须按顺序进行：{chain}。",
        "Steps are signed in order: {chain}.",
    ),
    "APR003": Message(
        E,
        "{step} 签于 {on}，早于单据日期 {date}",
        "{step} signed on {on}, before the record's date {date}",
        "签字日期不能早于单据日期。",
        "A signature cannot predate the record.",
    ),
    "APR004": Message(
        E,
        "此类单据没有 {step} 这一签批环节（应为 {chain}）",
        "this kind of record has no {step} step (expected {chain})",
        "签批环节见 houqin.yaml 的 policy.signatures.chains。",
        "The steps are set in houqin.yaml policy.signatures.chains.",
    ),
    "APR005": Message(
        E, "{step} 签了两次", "{step} signed twice", "删去重复的签字。", "Remove the repeated signature."
    ),
    "APR006": Message(
        E,
        "{id} 在 {paid} 付款，早于签批完成（{signed}）",
        "{id} was paid on {paid}, before its signatures were complete ({signed})",
        "没有校长批准，出纳员有权拒付。",
        "Without the principal's approval the cashier refuses to pay.",
    ),
    "APR007": Message(
        E,
        "{id} 缺少 {step} 签字（需 {chain}）",
        "{id} lacks the {step} signature (needs {chain})",
        "这类单据在发生时即由各方签字，补上签字。",
        "This kind of record is signed by everyone when it happens: add the signature.",
    ),
    # --- signatures
    "SIG001": Message(
        E,
        "{by} 在 {on} 不具备 {step} 签字资格（需要角色：{roles}）",
        "{by} could not sign as {step} on {on} (needs role: {roles})",
        "由具备该角色的人签字，或在 people.yaml 核对其角色和任期。",
        "Have someone holding the role sign, or check the roles and dates in people.yaml.",
    ),
    "SIG002": Message(
        E,
        "{by} 在 {on} 不在职，签字无效",
        "{by} was not on the staff on {on}; the signature is void",
        "离职或尚未入职人员不能签字。",
        "People who have left (or not yet joined) cannot sign.",
    ),
    # --- separation of duties
    "SOD001": Message(
        E,
        "{by} 同时签了 {step} 和 {other}",
        "{by} signed both as {step} and as {other}",
        "经手人、证明人、审批人必须是三个不同的人。",
        "Handler, witness and approver are three different people.",
    ),
    "SOD002": Message(
        E,
        "出纳 {by} 不能作为 {step} 签字",
        "the cashier {by} may not sign as {step}",
        "出纳只管付款，不作证明也不审批。",
        "The cashier pays; the cashier neither witnesses nor approves.",
    ),
    "SOD003": Message(
        E,
        "{by} 审批了自己的申请",
        "{by} approved their own request",
        "本人的申请须由他人审批。",
        "Someone else must approve one's own request.",
    ),
    # --- invoices
    "INV001": Message(
        E,
        "发票号码 {number} 格式不对",
        "invoice number {number} is malformed",
        "数电票为 20 位数字；旧版发票为 10 或 12 位发票代码加 8 位号码。",
        "A fully digital invoice has 20 digits; older ones a 10- or 12-digit code and an 8-digit number.",
    ),
    "INV002": Message(
        E,
        "发票 {number} 已在 {other} 报销过",
        "invoice {number} was already claimed in {other}",
        "同一张发票不能报销两次。",
        "An invoice can be claimed only once.",
    ),
    "INV003": Message(
        E,
        "发票日期 {invoice_date} 晚于报销日期 {date}",
        "invoice date {invoice_date} is after the claim date {date}",
        "发票应在报销之前开具。",
        "The invoice must be issued before the claim.",
    ),
    "INV004": Message(
        E,
        "发票日期 {invoice_date} 距报销日期已 {days} 天，超过 {limit} 天期限",
        "invoice of {invoice_date} is {days} days old at the claim, over the {limit}-day limit",
        "过期发票不得入账（期限见 policy.invoice_max_age_days）。",
        "Expired invoices are not accepted (policy.invoice_max_age_days).",
    ),
    "INV005": Message(
        E,
        "发票金额合计 {total} 与报销金额 {amount} 不符",
        "invoices total {total}, but the claim is for {amount}",
        "核对发票金额或报销金额。",
        "Check the invoice amounts or the claim amount.",
    ),
    # --- assets
    "AST001": Message(
        E,
        "{asset} 已全部报废/转让/报损，{id} 不能再对它登记",
        "{asset} has left the books; {id} cannot act on it",
        "报废、转让、报损之后的资产不再有任何变动。",
        "Nothing happens to an asset after it is scrapped, transferred or lost.",
    ),
    "AST002": Message(
        E,
        "{id} 要动用 {asset} 的 {wanted} 件，但{place}处只有 {have} 件可用",
        "{id} wants {wanted} of {asset}, but only {have} are available ({place})",
        "核对数量和地点（houqin asset show {asset}）。",
        "Check the quantity and place (houqin asset show {asset}).",
    ),
    "AST003": Message(
        E,
        "{asset} 分放在多个地点（{places}），{id} 须写明 from_place",
        "{asset} is in several places ({places}); {id} must name from_place",
        "用 --from-place 指明从哪里调出。",
        "Say where it is taken from (--from-place).",
    ),
    "AST004": Message(
        E,
        "{asset} 有 {lent} 件借出未还，{id} 要动用 {wanted} 件，只有 {have} 件在库",
        "{asset} has {lent} out on loan; {id} wants {wanted} but only {have} are in",
        "借出的资产先归还销号，再调拨、借出或处置。",
        "Lent items must be returned before they are moved, lent or disposed of.",
    ),
    "AST005": Message(
        E,
        "{id} 的 {step} 签字人是 {by}，应为 {expected}",
        "{id} is signed as {step} by {by}, but that is {expected}'s to sign",
        "调拨由移交的保管人和接收的保管人签字。",
        "A move is signed by the keeper who gives and the keeper who receives.",
    ),
    "AST006": Message(
        E,
        "{id} 处置价值 {value} 元，超过 {threshold} 元，须有主管部门批复（authority）",
        "{id} disposes of {value}, above {threshold}: it needs the authority's approval (authority)",
        "写明上级主管部门或财政部门的批复文号。",
        "Give the reference of the approval by the education or finance bureau.",
    ),
    "AST007": Message(
        E,
        "地点 {place} 的保管人 {name} 已于 {left} 离校",
        "the keeper of {place}, {name}, left on {left}",
        "在 places.yaml 中指定新的保管人，并办理资产移交。",
        "Name a new keeper in places.yaml and move the assets to them.",
    ),
    "DEP001": Message(
        E,
        "{name} 于 {left} 离校，但仍保管或借用 {count} 项资产：{ids}",
        "{name} left on {left} still keeping or borrowing {count} assets: {ids}",
        "教师调离前须交结公物：先调拨或归还（houqin asset list --keeper {name}）。",
        "Before leaving, hand everything over: move or return it (houqin asset list --keeper {name}).",
    ),
    "LOAN001": Message(
        W,
        "{id}：{borrower} 借用逾期 {days} 天（应于 {due} 归还）",
        "{id}: {borrower} is {days} days late (due {due})",
        "催还，或登记归还：houqin asset return {id}。",
        "Ask for it back, or record the return: houqin asset return {id}.",
    ),
    "LOAN002": Message(
        E,
        "{id} 的归还日期 {on} 早于借出日期 {date}",
        "{id} was returned on {on}, before it was lent on {date}",
        "核对日期。",
        "Check the dates.",
    ),
    "LOAN003": Message(
        E,
        "{id} 的应还日期 {due} 早于借出日期 {date}",
        "{id} is due on {due}, before it was lent on {date}",
        "核对日期。",
        "Check the dates.",
    ),
    # --- repairs
    "REP001": Message(
        E,
        "{id} 已维修完毕，但缺少报修人 {reporter} 的验收签字",
        "{id} is closed without the acceptance signature of its reporter {reporter}",
        "维修完毕由报修人验收签字：approvals 中加入 {{role: acceptor, by: {reporter}}}。",
        "The reporter signs the repair off: add {{role: acceptor, by: {reporter}}} to approvals.",
    ),
    "REP002": Message(
        W,
        "{id} 报修已 {days} 天仍未修复（期限 {limit} 天）",
        "{id} has been open {days} days (limit {limit})",
        "督促维修，或登记完工：houqin repair close {id}。",
        "Chase the repair, or close it: houqin repair close {id}.",
    ),
    "REP003": Message(
        E,
        "{id} 没有写明报修的资产或地点",
        "{id} names neither an asset nor a place",
        "写明 asset 或 place。",
        "Give the asset or the place.",
    ),
    "REP004": Message(
        E,
        "{id} 的完工日期 {on} 早于报修日期 {date}",
        "{id} was done on {on}, before it was reported on {date}",
        "核对日期。",
        "Check the dates.",
    ),
    # --- damage
    "DMG001": Message(
        E,
        "{id} 核定赔偿 {amount} 元，超过资产账面净值 {value} 元，且未说明理由",
        "{id} assesses {amount}, above the asset's book value {value}, with no reason",
        "赔偿一般不超过账面净值；如需超过，在 assessed.reason 说明。",
        "Compensation stays within book value unless assessed.reason says why.",
    ),
    "DMG002": Message(
        E,
        "{id} 免于赔偿，但没有校长的批准签字",
        "{id} is waived without the principal's signature",
        "免赔须经校长批准：houqin sign {id} --as principal --by 校长。",
        "A waiver needs the principal: houqin sign {id} --as principal.",
    ),
    "DMG003": Message(
        E,
        "{id} 已赔付，但没有收据或收入记录",
        "{id} is paid without a receipt or an income record",
        "写明收据号（receipt）或收入记录编号（income）。",
        "Give the receipt number (receipt) or the income record (income).",
    ),
    "DMG004": Message(
        E,
        "{id} 未经核定即已结案",
        "{id} is settled without an assessment",
        "先核定赔偿金额：houqin damage assess {id}。",
        "Assess it first: houqin damage assess {id}.",
    ),
    # --- stock
    "STK001": Message(
        E,
        "{id} 领用 {item} {quantity}，但 {date} 库存只有 {have}：库存不能为负",
        "{id} issues {quantity} of {item}, but only {have} were in stock on {date}: stock never goes below zero",
        "先登记入库（houqin stock in），或核对数量和日期。",
        "Record the receipt first, or check the quantity and the date.",
    ),
    "STK002": Message(
        E,
        "{id} 领用{category} {item} 未经主管领导审批",
        "{id} issues {item} ({category}) without the supervisor's approval",
        "复印和油印用品须主管审批：approvals 加 {{role: supervisor, by: …}}。",
        "Printing supplies need the supervisor: add {{role: supervisor, by: …}} to approvals.",
    ),
    "STK003": Message(
        E,
        "{id} 入库来源 {origin} 不清楚：应为请购单号（CG-…）、盘点单号（PD-…）或 {allowed}",
        "{id} comes from {origin}, which is not a clear source: a purchase (CG-…), a stocktake (PD-…) or {allowed}",
        "来源去向清楚：写明请购单号，或 houqin.yaml policy.stock_origins 中的来源。",
        "Name the purchase id, or a source listed in policy.stock_origins.",
    ),
    "STK004": Message(
        W,
        "{department} 本学期（{term}）已领 {item} {issued}，超过定额 {quota}（{id}）",
        "{department} has drawn {issued} of {item} this term ({term}), above its quota of {quota} ({id})",
        "物品发放按需、定额：核实用途，或在 policy.quotas 调整定额。",
        "Issue by need: check the purpose, or change the quota in policy.quotas.",
    ),
    # --- purchases
    "PUR001": Message(
        E,
        "请购单 {id} 估价 {amount} 元，验收前缺少{step}审批",
        "purchase {id} ({amount} yuan) was accepted without the {step} approval",
        "物资采购要批：部门申请 → 主管领导 → 校长（按金额分级，见 policy）。",
        "Purchases are approved before buying: department head → supervisor → principal, by amount.",
    ),
    "PUR002": Message(
        E,
        "请购单 {id} 的{step}审批日期 {on} 晚于验收日期 {accepted}",
        "purchase {id}: the {step} approval on {on} comes after the acceptance on {accepted}",
        "审批须在采购之前。",
        "Approve before buying.",
    ),
    "PUR003": Message(
        E,
        "请购单 {id} 估价 {amount} 元，达到 {threshold} 元须三家报价（货比三家），校长审批前只有 {quotes} 家",
        "purchase {id} ({amount} yuan) needs three quotes above {threshold} yuan; it has {quotes} before the principal's approval",
        "quotes 中登记三家不同供应商的报价，日期不晚于校长审批。",
        "Record three quotes from different suppliers, dated no later than the principal's approval.",
    ),
    "PUR004": Message(
        E,
        "请购单 {id} 估价 {amount} 元，达到 {threshold} 元须三重一大集体决策，缺少会议记录",
        "purchase {id} ({amount} yuan) is above {threshold} yuan and needs a collective decision (meeting record)",
        "meeting 中写明会议日期、出席人员和决定。",
        "Add meeting: date, attendees and the decision.",
    ),
    "PUR005": Message(
        E,
        "请购单 {id} 的集体决策会议出席领导 {present} 人，不足应到 {leaders} 人的 {quorum}",
        "purchase {id}: {present} of {leaders} leaders attended the meeting, below the quorum of {quorum}",
        "三重一大须达到法定人数；补开会议或核对出席名单。",
        "A collective decision needs a quorum of the leadership.",
    ),
    "PUR006": Message(
        E,
        "请购单 {id} 的集体决策会议（{on}）晚于校长审批（{approved}）",
        "purchase {id}: the meeting ({on}) comes after the principal's approval ({approved})",
        "先集体决策，后审批。",
        "Decide collectively first, then approve.",
    ),
    "PUR007": Message(
        E,
        "请购单 {id} 的验收人和证明人是同一人 {by}",
        "purchase {id}: acceptor and witness are the same person, {by}",
        "验收须有验收人和另一名证明人。",
        "Acceptance needs an acceptor and a different witness.",
    ),
    "PUR008": Message(
        E,
        "{id} 于 {date} 按请购单 {purchase} 入账，但该请购单此前没有验收",
        "{id} is booked on {date} against purchase {purchase}, which had not been accepted by then",
        "先验收（houqin purchase accept），再入库或登记资产。",
        "Accept the goods first (houqin purchase accept), then book them.",
    ),
    "PUR009": Message(
        E,
        "报销单 {id}（{date}）报销请购单 {purchase} 的物品，但物品此前没有验收",
        "claim {id} ({date}) pays for purchase {purchase}, whose goods had not been accepted by then",
        "物品验收入库后方可报销：先 houqin purchase accept。",
        "Goods are paid for only after acceptance: houqin purchase accept first.",
    ),
    "PUR010": Message(
        E,
        "{id} 按请购单 {purchase} 入库 {item}，但请购单中没有该物品",
        "{id} receives {item} against purchase {purchase}, which does not list it",
        "核对物品编号，或另开请购单。",
        "Check the item id, or raise another request.",
    ),
    # --- finance
    "FIN001": Message(
        E,
        "{account}余额在 {date} 为 {balance} 元：账户余额不能为负",
        "the {account} account stands at {balance} on {date}: no account goes below zero",
        "核对收付款日期和金额；现金不足时先提现或收款再付款。",
        "Check the dates and amounts of receipts and payments.",
    ),
    "FIN002": Message(
        E,
        "收入 {id} 中坐支 {amount} 元（{purpose}）：收支两条线，不得坐收坐支",
        "receipt {id} keeps back {amount} yuan for {purpose}: income is banked in full, never spent on the spot",
        "全额入账，支出另行报销（houqin expense add）。",
        "Bank the whole receipt; pay the expense through a claim.",
    ),
    "FIN003": Message(
        E,
        "收费 {id} 的收费项目 {item} 在 {date} 前没有经校长批准并公示",
        "fee {id} collects item {item}, which was not approved and published before {date}",
        "先登记收费公示（fee-notices，校长签批），再收费；任何班级、个人不得擅自收费。",
        "Record the approved, published fee notice first; nobody may collect fees on their own.",
    ),
    "FIN004": Message(
        E,
        "收费 {id}（{item}）须写明班级（class）和人数（students）",
        "fee {id} ({item}) must name the class and the number of students",
        "写明收费班级和人数，便于按班核对。",
        "Give class and students, so each class can be reconciled.",
    ),
    "FIN005": Message(
        E,
        "收费 {id} 金额 {amount} 元，与公示标准不符：{students} 人 × {each} 元 = {expected} 元",
        "fee {id} of {amount} yuan does not match the published fee: {students} × {each} = {expected}",
        "按公示标准收费；多收的退还，少收的补收或说明。",
        "Collect the published amount per student.",
    ),
    "FIN006": Message(
        E,
        "{id} 的现金由 {by} 经手（{date}），但现金只能由出纳员办理",
        "{id}: cash handled by {by} on {date}, but only the cashier handles cash",
        "现金均由出纳员负责办理，任何人员不得带存现金。",
        "Only the cashier takes in and pays out cash.",
    ),
    "FIN007": Message(
        E,
        "对账 {id}：{date} {account}实有 {asserted} 元，账面 {books} 元，相差 {difference} 元",
        "balance {id}: {account} on {date} holds {asserted} yuan, the books say {books} ({difference} apart)",
        "查明差额：漏记的收付款、日期或金额错误。",
        "Find the difference: a missing receipt or payment, a wrong date or amount.",
    ),
    "FIN008": Message(
        W,
        "学期 {term} 食堂收支结余 {result} 元，超过食堂收入 {income} 元的 {share}：食堂应零盈利",
        "term {term}: the canteen's result of {result} yuan is beyond {share} of its income ({income}): it should run at no profit",
        "核对伙食费标准和采购成本，调整伙食标准。",
        "Review meal prices and purchase costs.",
    ),
    "BUD001": Message(
        E,
        "报销单 {id} 使预算科目 {line} {year} 年支出达 {spent} 元，超过预算 {limit} 元",
        "claim {id} takes {line} to {spent} yuan in {year}, beyond its budget of {limit}",
        "计划经费限额使用：先由校长批准预算调整（budget-adjustments）。",
        "Spend within the budget: have the principal approve an adjustment first.",
    ),
    "BUD002": Message(
        E,
        "预算调整 {id}（{line}）没有校长批准，不计入预算",
        "budget adjustment {id} ({line}) has no approval by the principal and does not count",
        "approvals 加 {{role: principal, by: …}}。",
        "Add the principal's approval.",
    ),
    "ADV001": Message(
        W,
        "借款 {id}（{person}，{amount} 元）已 {days} 天未结清",
        "advance {id} ({person}, {amount} yuan) has been open {days} days",
        "借款应及时报销冲账或退回现金：houqin advance settle。",
        "Settle it with receipts or return the cash: houqin advance settle.",
    ),
    "ADV002": Message(
        E,
        "{person} 于 {left} 离校，借款 {id} 未在此前结清",
        "{person} left on {left} without settling advance {id}",
        "教师调离须先结清借款。",
        "A person settles every advance before leaving.",
    ),
    "ADV003": Message(
        E,
        "借款 {id} {amount} 元，结清时报销 {spent} 元、退回 {returned} 元，不相符",
        "advance {id} of {amount} yuan is settled with {spent} in claims and {returned} returned, which do not add up",
        "报销金额加退回现金应等于借款金额（超支部分由报销单另付）。",
        "Claims plus cash returned must equal the advance.",
    ),
    "CLS001": Message(
        E,
        "{id} 属于已结账的 {month}（{close}），结账后被修改",
        "{id} belongs to {month}, closed by {close}, and was changed after the close",
        "已结账月份不得改动；确需更正须经校长批准重新开账（reopens），或在本月做更正记录。",
        "A closed month is not edited: correct it in the current month, or reopen it with the principal's approval.",
    ),
    "CLS002": Message(
        E,
        "{id} 日期在已结账的 {month}（{close}），是结账后补入的",
        "{id} is dated in {month}, closed by {close}, and was added after the close",
        "记录应记入当前未结账月份，或经批准重新开账。",
        "Date it in the open month, or reopen the month with approval.",
    ),
    "CLS003": Message(
        E,
        "{id} 在 {month} 结账（{close}）时存在，现已被删除",
        "{id} was in {month} when {close} closed it, and has been removed",
        "已结账月份的记录不得删除。",
        "Records of a closed month are never removed.",
    ),
    "CLS004": Message(
        E,
        "结账记录 {id}（{month}）的摘要与前后不衔接，结账记录被改动过",
        "close {id} ({month}): its digest does not chain with the closes around it; the close was altered",
        "结账记录由 houqin finance close 生成，不得手工修改。",
        "Closes are written by houqin finance close and never edited by hand.",
    ),
    "CLS005": Message(
        E,
        "重新开账 {id}（{month}）没有校长批准",
        "reopening {id} ({month}) has no approval by the principal",
        "approvals 加 {{role: principal, by: …}}。",
        "Add the principal's approval.",
    ),
    "CLS006": Message(
        W,
        "{month} 已过结账期限（月末后 {days} 天）仍未结账",
        "{month} is still open, more than {days} days after its end",
        "每月按时清结并报告校长：houqin finance close {month}。",
        "Close each month on time: houqin finance close {month}.",
    ),
    # --- the rest of the office
    "MTR001": Message(
        E,
        "抄表 {id}：{meter} 读数 {reading} 低于上次（{date}）的 {previous}",
        "reading {id}: {meter} reads {reading}, below {previous} read on {date}",
        "表倒转须说明原因：换表写 replaced: true，其他情况写 reason。",
        "A meter running backwards needs a reason: replaced: true for a new meter, or a reason.",
    ),
    "MTR002": Message(
        W,
        "抄表 {id}：{meter} 本期日均用量 {per_day}，远高于以往的 {usual}（是否漏水、漏电？）",
        "reading {id}: {meter} used {per_day} a day, far above its usual {usual} (a leak?)",
        "现场检查管线和用电设备，结果写入备注。",
        "Inspect the pipes and appliances; note what was found.",
    ),
    "MTR003": Message(
        W,
        "{meter} 在学期 {term} 内没有抄表记录（水电表要每期一查）",
        "{meter} was not read during term {term}",
        "每学期至少抄表一次：houqin meter read。",
        "Read every meter at least once a term: houqin meter read.",
    ),
    "MTR004": Message(
        E,
        "抄表 {id} 的表 {meter} 不在 catalog.yaml 的 meters 中",
        "reading {id} is of meter {meter}, which is not in catalog.yaml meters",
        "先在 catalog.yaml 登记该表。",
        "List the meter in catalog.yaml first.",
    ),
    "PAT001": Message(
        INFO,
        "学期 {term} 有 {days} 个上课日没有巡视记录（最早 {first}）",
        "term {term}: {days} school days without a round (the first {first})",
        "每日巡视并记录：houqin patrol log。",
        "Walk and record a round every school day: houqin patrol log.",
    ),
    "PAT002": Message(
        W,
        "巡视 {id} 在 {place} 发现的问题（{text}）已 {days} 天未处理",
        "round {id}: the problem found at {place} ({text}) is still open after {days} days",
        "及时处理并反馈：报修（houqin repair open）或记下处理日期（resolved）。",
        "Deal with it: open a repair, or record when it was resolved.",
    ),
    "PRT001": Message(
        E,
        "文印 {id} 于 {done} 印制，此前未经主管领导审批",
        "print job {id} was done on {done} without the supervisor's approval before it",
        "主管审批复印和油印：先 houqin sign … --as supervisor，再印制。",
        "The supervisor approves copying and duplicating first.",
    ),
    "SHP001": Message(
        E,
        "销售 {id}：{goods}（批次 {batch}）已于 {expires} 过期，不得销售",
        "sale {id}: {goods} (batch {batch}) expired on {expires} and may not be sold",
        "严查产品生产日期：过期商品下架（houqin shop expiring）。",
        "Take expired goods off the shelf (houqin shop expiring).",
    ),
    "SHP002": Message(
        E,
        "销售 {id}：{goods} 该批次只剩 {left}",
        "sale {id}: only {left} of {goods} were left in that batch",
        "核对批次和数量。",
        "Check the batch and the quantity.",
    ),
    "SHP003": Message(
        W,
        "进货 {id}：{goods} 售价 {price} 元不低于校外参考价 {reference} 元",
        "batch {id}: {goods} sells at {price} yuan, not below the outside price of {reference}",
        "校内商店售价应低于校外（进售双价）。",
        "The school shop sells below the price outside.",
    ),
    "MLK001": Message(
        E,
        "学生奶订购 {id} 的收费项目 {item} 没有经校长批准并公示",
        "milk order {id} names fee item {item}, which was not approved and published",
        "先登记并公示收费项目（houqin fee publish）。",
        "Publish the fee item first (houqin fee publish).",
    ),
    "MLK002": Message(
        W,
        "学生奶订购 {id}（{klass}）订 {ordered} 盒，实际配送 {delivered} 盒",
        "milk order {id} ({klass}): {ordered} cartons ordered, {delivered} delivered",
        "与供应商核对配送单。",
        "Reconcile with the supplier's delivery notes.",
    ),
    "MLK003": Message(
        W,
        "学生奶订购 {id}（{klass}）应收 {expected} 元，实收 {paid} 元",
        "milk order {id} ({klass}): {expected} yuan due, {paid} received",
        "补收或退款，并记入收入（houqin income add fee …）。",
        "Collect or refund the difference and record it.",
    ),
    "MLK004": Message(
        E,
        "学生奶配送 {id}：{klass} 在 {date} 所在学期没有订购记录",
        "milk delivery {id}: {klass} has no order for the term of {date}",
        "先登记该班订购（milk-orders）。",
        "Record the class's order first.",
    ),
    # --- stocktake
    "PD001": Message(
        W,
        "学期 {term} 已于 {end} 结束，没有期末盘点记录",
        "term {term} ended on {end} without a term-end stocktake",
        "每学期结束须全面检查并书面上报：houqin inventory reconcile … --record。",
        "Count at the end of every term and report: houqin inventory reconcile … --record.",
    ),
    "PD002": Message(
        W,
        "学期 {term} 已于 {start} 开始，没有期初清点记录",
        "term {term} began on {start} without a term-start count",
        "每期期初清点登记、责任到人：houqin inventory reconcile … --at term-start --record。",
        "Count at the start of every term: houqin inventory reconcile … --at term-start --record.",
    ),
    "PD003": Message(
        E,
        "盘点 {id} 调整 {item} 账面数 {book}，但 {date} 账面为 {have}",
        "stocktake {id} adjusts {item} from a book quantity of {book}, but the books held {have} on {date}",
        "账面数以盘点日的账面为准；重新核对（houqin inventory reconcile）。",
        "The book quantity is the ledger's on the count day; reconcile again.",
    ),
    "PD004": Message(
        E,
        "盘点 {id} 调整账面 {value} 元，缺少{step}审批",
        "stocktake {id} adjusts the books by {value} yuan without the {step} approval",
        "盘盈盘亏按规定审批：{limit} 元以内总务主任，以上还须校长。",
        "Count differences are approved: the director up to {limit} yuan, the principal above.",
    ),
    "PD005": Message(
        E,
        "盘点 {id} 的学期 {term} 不在 houqin.yaml 的 terms 中",
        "stocktake {id} names term {term}, which is not in houqin.yaml terms",
        "在 houqin.yaml 的 terms 中登记学期，或改正学期编号。",
        "Add the term to houqin.yaml, or correct the id.",
    ),
    # --- imports
    "IMP001": Message(
        E,
        "第 {row} 行：{reason}",
        "row {row}: {reason}",
        "改正该行后重新导入，或用 --skip-bad 只导入正确的行。",
        "Fix the row and import again, or --skip-bad to take only the good rows.",
    ),
    # --- capitalisation
    "CAP001": Message(
        W,
        "资产 {id} 单价 {price} 元低于固定资产标准 {threshold} 元，且未说明理由",
        "asset {id} costs {price}, below the {threshold} threshold, with no reason given",
        "作为低值易耗品入库，或填写 below_threshold_reason。",
        "Record it as a consumable, or give below_threshold_reason.",
    ),
}

SCHEMA_REASONS: Mapping[str, tuple[str, str]] = {
    "missing": ("缺少必填字段", "required field is missing"),
    "extra_forbidden": ("未知字段（拼写错误？）", "unknown field (a typo?)"),
    "money_float": ('金额须写成带引号的文字，如 "1299.50"', 'money must be a quoted string such as "1299.50"'),
    "money_format": ("不是金额：{value}", "not an amount of money: {value}"),
    "money_type": ("金额须写成带引号的文字", "money must be a quoted string"),
    "quantity_type": ("数量须为整数或带引号的小数", "a quantity is a whole number or a quoted decimal"),
    "quantity_format": ("不是数量：{value}", "not a quantity: {value}"),
    "quantity_positive": ("数量必须大于零", "a quantity must be above zero"),
    "date_format": ("日期须写成 YYYY-MM-DD 且真实存在：{value}", "a date is a real day written YYYY-MM-DD: {value}"),
    "text_empty": ("不能为空", "must not be empty"),
    "text_type": ("须为文字；像数字或日期的内容请加引号", "must be text; quote values that look like numbers or dates"),
    "category_code": ("不是 GB/T 14885 分类代码：{value}", "not a GB/T 14885 code: {value}"),
    "int_type": ("须为整数", "must be a whole number"),
    "int_parsing": ("须为整数", "must be a whole number"),
    "bool_type": ("须为 true 或 false", "must be true or false"),
    "bool_parsing": ("须为 true 或 false", "must be true or false"),
    "literal_error": ("取值不在允许范围内：{value}", "not one of the allowed values: {value}"),
    "greater_than_equal": ("数值太小：{value}", "too small: {value}"),
    "less_than_equal": ("数值太大：{value}", "too large: {value}"),
    "too_short": ("至少需要一项", "needs at least one entry"),
    "tuple_type": ("须为列表", "must be a list"),
    "model_type": ("须为映射（键: 值）", "must be a mapping (key: value)"),
    "dict_type": ("须为映射（键: 值）", "must be a mapping (key: value)"),
    "reserved_key": ("保留字段，不能手写", "a reserved key that cannot be written by hand"),
}


def default_severity(code: str) -> Severity:
    return CATALOG[code].severity


def _fill(template: str, params: Mapping[str, str]) -> str:
    return template.format_map(defaultdict(lambda: "?", params))


def render_message(code: str, lang: str, params: Mapping[str, str]) -> str:
    msg = CATALOG.get(code)
    if msg is None:
        return f"{code} {dict(params)}"
    if code == "SCH001":
        zh, en = SCHEMA_REASONS.get(params.get("kind", ""), (params.get("detail", ""), params.get("detail", "")))
        params = {**params, "reason": _fill(en if lang == "en" else zh, params)}
    return _fill(msg.en if lang == "en" else msg.zh, params)


def render_hint(code: str, lang: str, params: Mapping[str, str]) -> str:
    msg = CATALOG.get(code)
    if msg is None:
        return ""
    return _fill(msg.hint_en if lang == "en" else msg.hint_zh, params)
