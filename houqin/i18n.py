"""Words on the screen, in Chinese (default) and English. Diagnostics live in houqin.messages."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable

LANGS = ("zh", "en")

# The school's words, one table each, used wherever a role, step, field or status is shown (diagnostics,
# tables, --as). The key is what YAML and the options take; Chinese text shows the word with its key,
# 经手人(handler), so the clerk knows both what it is and what to type. English shows the key.
ROLES: dict[str, tuple[str, str]] = {
    # people's roles (people.yaml)
    "principal": ("校长", "principal"),
    "vice_principal": ("副校长", "vice principal"),
    "director": ("总务主任", "director"),
    "department_head": ("部门负责人", "department head"),
    "accountant": ("会计", "accountant"),
    "cashier": ("出纳", "cashier"),
    "keeper": ("保管人", "keeper"),
    "clerk": ("办事员", "clerk"),
    "teacher": ("教师", "teacher"),
    "auditor": ("稽核人员", "auditor"),
    "staff": ("职工", "staff"),
    # signature steps (policy.signatures.chains) that are not also roles
    "handler": ("经手人", "handler"),
    "witness": ("证明人", "witness"),
    "supervisor": ("主管领导", "supervisor"),
    "acceptor": ("验收人", "acceptor"),
    "giver": ("移交人", "giver"),
    "receiver": ("接收人", "receiver"),
    "payment": ("付款", "payment"),  # the cashier's payment, signed like a step (docs/signatures.md)
    "co_issuer": ("复核发放人", "second issuer"),  # 双人领发 (危险化学品)
    "responsible": ("责任人", "responsible keeper"),  # 保管责任书
    "holder": ("领用人", "receipt book holder"),  # 收据本的领用人: signs for the book, voids its receipts
}
# Other ways a person types a step after --as (the school's own words for the same signatures).
ROLE_SYNONYMS: dict[str, str] = {
    "保管员": "keeper",
    "主任": "director",
    "总务处主任": "director",
    "后勤主任": "director",
    "部门主任": "department_head",
    "分管领导": "supervisor",
    "分管校长": "supervisor",
    "报修人": "acceptor",
    "移交保管人": "giver",
    "接收保管人": "receiver",
}
# The fields of records and of the directory files, as the school calls them (the key is the YAML key).
_FIELD_WORDS: dict[str, str] = {
    "keys": "密钥",
    "withdrawn": "撤回的签字",
    "signed": "签字日期",
    "key": "公钥",
    "added": "登记日期",
    "revoked": "撤销日期",
    "anchor": "信任根",
    "sig": "密钥签名",
    "revoke_sig": "撤销签名",
    "require_keys": "须用密钥签字",
    "books": "账面数",
    "close": "所撤结账",
    "seal": "封存版本",
    "accepted": "验收",
    "acceptor": "验收人",
    "account": "账户",
    "accounts": "账户",
    "voucher_accounts": "凭证科目对照",
    "label_layout": "标签纸规格",
    "action": "处理",
    "active": "在用",
    "address": "地址",
    "accumulated": "累计折旧",
    "adjustments": "账面调整",
    "advance": "借款",
    "advance_settle_days": "借款结清期限",
    "amount": "金额",
    "net": "净值",
    "approvals": "签批",
    "approver_steps": "审批环节",
    "assessed": "定损",
    "asset": "资产",
    "asset_categories": "资产分类",
    "at": "盘点时点",
    "attendees": "出席人员",
    "authority": "主管部门批复",
    "basis": "依据",
    "batch": "批次",
    "below_threshold_reason": "低于标准的理由",
    "book": "账面数量",
    "borrower": "借用人",
    "budget_line": "预算科目",
    "budget_lines": "预算科目",
    "building": "楼宇",
    "by": "签字人",
    "canteen_margin": "食堂结余比例",
    "capitalisation": "固定资产标准",
    "depreciation": "折旧",
    "cartons": "盒数",
    "cash_returned": "退回现金",
    "cashier_may_not_sign": "出纳不得签的环节",
    "category": "分类",
    "chains": "签批流程",
    "class_": "班级",
    "class": "班级",
    "close_grace_days": "结账期限",
    "closed_by": "结账记录",
    "code": "代码",
    "collective_decision_threshold": "三重一大金额",
    "collective_quorum": "集体决策到会比例",
    "complete_when_recorded": "发生时即签齐的单据",
    "condition": "状况",
    "copies": "份数",
    "cost": "费用",
    "counted": "实盘数量",
    "counted_by": "盘点人",
    "currency": "币种",
    "damage": "损坏记录",
    "date": "日期",
    "decision": "决定",
    "requires": "须附",
    "deductions": "坐支",
    "department": "部门",
    "description": "情况",
    "detail": "明细",
    "digest": "摘要",
    "disposal_authority_threshold": "处置报批金额",
    "distinct_signers": "须不同人签字的单据",
    "done": "完工",
    "due": "应还日期",
    "end": "结束日期",
    "estimate": "估价",
    "expense": "报销单",
    "expenses": "报销单",
    "fault": "故障",
    "fee_item": "收费项目",
    "findings": "发现的问题",
    "fingerprints": "密钥指纹",
    "closed": "已结账年度",
    "balances": "期初余额",
    "stock": "期初库存",
    "assets": "资产",
    "carried": "结转事项",
    "last_ids": "已用编号",
    "files": "已结年度文件",
    "value": "金额",
    "holdings": "存放与保管",
    "fiscal_year_start": "会计年度起始",
    "from_account": "转出账户",
    "from_place": "调出地点",
    "funding": "经费来源",
    "funding_sources": "经费来源",
    "general": "通用",
    "goods": "商品",
    "guardian": "监护人",
    "id": "编号",
    "income": "收入记录",
    "inspector": "巡视人",
    "invoice": "发票",
    "invoice_max_age_days": "发票期限",
    "invoices": "发票",
    "issued_by": "发放人",
    "issuer": "开票方",
    "item": "物品",
    "items": "物品",
    "joined": "入职日期",
    "keeper": "保管人",
    "kind": "种类",
    "leadership_roles": "领导角色",
    "left": "离校日期",
    "life_years": "折旧年限",
    "line": "行",
    "lines": "明细行",
    "meeting": "会议记录",
    "own_requests": "校长本人的申请",
    "meter": "表",
    "meter_spike": "用量异常倍数",
    "meters": "水电表",
    "model": "规格型号",
    "month": "月份",
    "name": "名称",
    "note": "备注",
    "number": "号码",
    "office": "办公室",
    "on": "日期",
    "opened": "开户日期",
    "opening": "期初余额",
    "origin": "来源",
    "document": "凭据",
    "delivered_by": "送货人",
    "purchase_lines": "须请购的科目",
    "goods_lines": "物品开支科目",
    "claim_threshold": "须请购的报销金额",
    "asset_origins": "资产其他来源",
    "unwitnessed_origins": "无须证明人的入库来源",
    "pages": "页数",
    "paper": "用纸",
    "payee": "收款方",
    "payer": "付款方",
    "payment": "付款",
    "person": "人员",
    "phone": "电话",
    "place": "存放地点",
    "places": "地点",
    "policy": "制度参数",
    "previous": "上次读数",
    "price": "售价",
    "principal_threshold": "校长审批金额",
    "proceeds": "处置收入",
    "produced": "生产日期",
    "published": "公示日期",
    "purchase": "请购单",
    "purpose": "用途",
    "quantity": "数量",
    "quotas": "定额",
    "quote_threshold": "三家报价金额",
    "quotes": "报价",
    "reader": "抄表人",
    "reading": "读数",
    "reason": "理由",
    "receipt": "收据号",
    "receipt_date": "开票日期",
    "paid": "付款",
    "shop_deposit_days": "营业款解缴天数",
    "cash_deposit_days": "现金送存天数",
    "on_behalf": "代收代办",
    "refund": "退还",
    "refunded": "已退还",
    "classes": "各班",
    "top_up": "补收",
    "collected": "收取",
    "spent": "支出",
    "fee_settle_days": "代办费结算天数",
    "fee_settle_early_days": "代办费提前结算天数",
    "fee_limit_per_term": "一费制每生每学期限额",
    "canteen_month_margin": "食堂月度盈亏幅度",
    "welfare_words": "福利性支出用语",
    "takings_from": "营业款起始日",
    "takings_to": "营业款截止日",
    "receipts": "票据管理",
    "first": "起始号",
    "last": "终止号",
    "holder": "领用人",
    "series": "字轨",
    "copies_kept": "联次齐全",
    "kinds": "收入种类",
    "book_within_days": "入帐期限天数",
    "received_by": "接收人",
    "receiver": "接收人",
    "recipient": "接收单位",
    "records": "记录",
    "removed": "下架",
    "reorder_level": "补货线",
    "repair": "报修单",
    "repair_open_days": "维修期限",
    "repairer": "维修人",
    "replaced": "换表",
    "reporter": "报修人",
    "requester": "申请人",
    "require_signed_commits": "要求签名提交",
    "resolved": "处理日期",
    "responsible": "责任人",
    "returned": "归还",
    "role": "签批环节",
    "roles": "角色",
    "schema_": "格式版本",
    "school": "学校",
    "seller": "售货人",
    "serves": "服务对象",
    "settled": "结案",
    "settlement": "结清",
    "sheets_per_pack": "每包张数",
    "shelf_life_days": "保质期",
    "shop_references": "校外参考价",
    "signatures": "签批规则",
    "signers": "签字资格",
    "since": "起始日期",
    "source": "来源",
    "special": "专用设备",
    "start": "开始日期",
    "started": "开始",
    "stock_origins": "入库来源",
    "stock_place": "库房",
    "stocktake_director_limit": "总务主任审批限额",
    "stocktake_grace_days": "盘点期限",
    "students": "人数",
    "supervised_categories": "须主管审批的分类",
    "supplier": "供应商",
    "supplier_id": "供应商编号",
    "tariffs": "单价",
    "term": "学期",
    "terms": "学期",
    "text": "内容",
    "to_account": "转入账户",
    "to_keeper": "接收保管人",
    "to_place": "调入地点",
    "type": "类型",
    "unit": "单位",
    "unit_cost": "单位成本",
    "unit_price": "单价",
    "until": "截止日期",
    "where": "地点",
    "witness": "证明人",
    "work": "维修内容",
    "year": "年度",
    # the rest of the office (issue #18): the school calendar
    "calendar": "校历",
    "holidays": "法定节假日",
    "workdays": "调休上班日",
    "notices": "放假安排通知",
    "approved_beforehand": "事前审批的单据",
    "signed_by_members": "由各成员分别签字的单据",
    "title": "标题",
    # the term-end report and its findings
    "stocktake_report_days": "盘点报告确认期限",
    "finding_resolve_days": "盘点问题处理期限",
    "stocktake": "盘点单",
    # the audit group's record
    "members": "稽核小组成员",
    "scope": "稽核范围",
    "answers": "答复",
    "finding": "问题序号",
    "audit_grace_days": "稽核期限",
    "audit_min_members": "稽核小组最少人数",
    "audit_answer_days": "答复期限",
    # safety registers
    "fire_equipment": "消防设施",
    "utilities": "水电气炉专人",
    "expires": "有效期至",
    "equipment": "消防设施编号",
    "result": "检查结果",
    "fire_check_days": "消防检查周期",
    "dual_issue_categories": "双人领发的类别",
    # canteen food safety
    "licence": "食品经营许可证号",
    "certificate": "合格证明编号",
    "dish": "菜品",
    "samples": "留样",
    "staff": "上岗人员",
    "grams": "留样克数",
    "sampled_at": "留样时间",
    "sample_keeper": "留样人",
    "discarded": "留样销毁",
    "accompanied_by": "陪餐人",
    "served": "用餐人数",
    "meal": "餐次",
    "sample_grams": "留样克数下限",
    "sample_hours": "留样保存小时",
    "meal_companions": "陪餐人员角色",
    "canteen_meals": "每日餐次",
    # vehicles and receptions
    "vehicles": "公车",
    "vehicle": "车辆",
    "driver": "驾驶员",
    "destination": "目的地",
    "odometer_start": "出车里程",
    "odometer_end": "收车里程",
    "odometer": "里程表读数",
    "litres": "加油升数",
    "guest_unit": "来访单位",
    "letter": "公函",
    "guests": "接待对象",
    "fuel_per_100km": "百公里油耗上限",
    "reception_per_head": "接待人均标准",
}
FIELDS: dict[str, tuple[str, str]] = {key: (zh, key) for key, zh in _FIELD_WORDS.items()}
STATUSES: dict[str, tuple[str, str]] = {
    "in_use": ("在用", "in use"),
    "on_loan": ("借出", "on loan"),
    "disposed": ("已处置", "disposed"),
    "paid": ("已赔付", "paid"),
    "waived": ("已免赔", "waived"),
    "assessed": ("已定损", "assessed"),
    "unpaid": ("未付款", "unpaid"),
    "awaiting": ("待签", "awaiting"),
    "open": ("未结", "open"),
}

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
    "not_in_ledger": (
        "不在账本目录中（{path}）：写入命令只写入 --ledger 或 HOUQIN_LEDGER 指定的账本，或当前所在的账本目录；"
        "附带的示例账本只供查看，要写入它须用 --ledger 指明。账本未作任何改动。",
        "Not in a ledger directory ({path}): a write goes only to the ledger named by --ledger or "
        "HOUQIN_LEDGER, or to the ledger you are in; the bundled demo ledger is for reading unless named "
        "with --ledger. Nothing was written.",
    ),
    "out_in_git": (
        "不能把输出写到 {path}：它在 git 的目录或钩子中（.git），写进去会改动账本的历史或关掉提交检查。"
        "请用 --out 另选一个账本目录之外的文件。",
        "Will not write to {path}: it is inside git's own directory or hooks (.git), where it would change "
        "the ledger's history or switch off the commit check. Choose another file with --out, outside the ledger.",
    ),
    "out_is_ledger_file": (
        "不能把输出写到 {path}：它是账本的文件（{file}），覆盖它会破坏账本。请用 --out 另选一个账本目录之外的文件。",
        "Will not write to {path}: it is a file of the ledger ({file}), and overwriting it would break the "
        "ledger. Choose another file with --out, outside the ledger.",
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
    "audit.written": (
        "稽核资料已写入 {path}；资料摘要 SHA-256：{digest}",
        "Audit pack written to {path}; its SHA-256 digest: {digest}",
    ),
    "audit.signed": ("提交 {sha} 由 {signer} 签名（{status}）", "commit {sha} signed by {signer} ({status})"),
    "audit.progress": ("逐个提交核查", "Checking commits"),
    "audit.commit": ("提交 {sha}（{author}，{date}）：{subject}", "commit {sha} ({author}, {date}): {subject}"),
    "audit.unsigned": (
        "未经有效签名（git 签名状态 {status}）",
        "not signed by a good key (git signature status {status})",
    ),
    "audit.summary": (
        "自 {since} 以来 {commits} 个提交，{bad} 个有问题。",
        "{commits} commits since {since}, {bad} with problems.",
    ),
    "bad_revision": ("找不到提交 {rev}：{output}", "No revision {rev}: {output}"),
    "bad_desk": ("工位号 {desk} 无效：应为 0 到 {most} 的整数。", "Desk {desk} is not a number from 0 to {most}."),
    "desk_full": (
        "工位 {desk} 本年 {prefix} 编号已用完（9999 个）：换一个工位号（houqin desk N）。",
        "Desk {desk} has used all 9,999 ids of {prefix} this year: take another desk (houqin desk N).",
    ),
    "desk_is": ("本副本的工位号：{desk}（编号从 {first} 起）", "This clone's desk: {desk} (ids from {first})"),
    "index_locked": (
        "git 的索引被锁住（{path}，{minutes} 分钟前）：另一个 git 正在运行，或上次提交中途被打断。"
        "等它结束再试；确认没有 git 在运行后，可用 `houqin repair-lock` 删除它。账本未作任何改动。",
        "git's index is locked ({path}, {minutes} minutes old): another git is running, or a commit was "
        "interrupted. Try again once it has finished; when no git is running, `houqin repair-lock` removes it. "
        "The ledger was not changed.",
    ),
    "index_lock_stale": (
        "git 的索引锁 {path} 已遗留 {minutes} 分钟，本机没有 git 在这个仓库中运行：多半是被中断的 git 或 houqin 留下的。"
        "确认没有其他电脑上的 git 在使用这个账本后，运行 `houqin repair-lock` 删除它，再试。账本未作任何改动。",
        "git's index lock {path} was left {minutes} minutes ago and no git on this machine is working in this "
        "repository: an interrupted git or houqin left it. Once sure no git on another computer uses this "
        "ledger, run `houqin repair-lock` to remove it, and try again. The ledger was not changed.",
    ),
    "index_lock_held": (
        "git 的索引锁 {path} 正被使用：本机的 git 进程 {pids} 在这个仓库中运行。等它结束；不删除该锁。",
        "git's index lock {path} is in use: git process {pids} on this machine works in this repository. "
        "Wait for it to finish; the lock was not removed.",
    ),
    "index_lock_young": (
        "git 的索引锁 {path} 刚刚（{seconds} 秒前）写过：git 可能正在工作。{wait} 秒后仍在再运行 houqin repair-lock。",
        "git's index lock {path} was written {seconds} s ago: a git may be at work. Run houqin repair-lock "
        "again if it is still there in {wait} s.",
    ),
    "index_lock_unseen": (
        "无法确认没有 git 在运行（本系统看不到其他进程）：确认没有 git 在运行后，手工删除 {path}。",
        "Cannot tell whether a git is running (this system does not show other processes): once sure none "
        "is, delete {path} by hand.",
    ),
    "index_lock_removed": (
        "已删除遗留的 git 索引锁 {path}（{minutes} 分钟前留下，本机没有 git 在这个仓库中运行）。",
        "Removed the stale git index lock {path} (left {minutes} minutes ago; no git on this machine works "
        "in this repository).",
    ),
    "index_lock_none": ("没有遗留的 git 索引锁，无需修复。", "No git index lock is left behind: nothing to repair."),
    "commit_refused": (
        "提交被拒绝，账本已恢复原状：\n{output}",
        "The commit was refused; the ledger is back as it was:\n{output}",
    ),
    "staged_changes": (
        "账本中有已暂存（git add）但未提交的改动：{files}。houqin 只提交它自己写的记录，不把别的改动算在它名下。"
        "请先用 `git commit` 提交它们，或用 `git restore --staged {files}` 撤出暂存区，再试；账本未作任何改动。",
        "The ledger has changes staged (git add) but not committed: {files}. houqin commits only the record it "
        "writes, never other changes under its name. Commit them with `git commit`, or unstage them with "
        "`git restore --staged {files}`, and try again; the ledger was not changed.",
    ),
    "uncommitted_changes": (
        "{files} 有未提交的改动（手工编辑，或上次写入中途被打断）：这次写入要改动它，却不能把这些改动以本条记录的名义提交。"
        "用 `git diff -- {files}` 查看；要保留就 `git commit {files}`，不要就 `git restore {files}`，然后再试"
        "（或加 --no-commit 只写文件）。账本未作任何改动。",
        "{files} has changes not committed (an edit by hand, or a write cut short): this write would change it "
        "and must not commit those changes under this record's name. See them with `git diff -- {files}`; "
        "keep them with `git commit {files}` or drop them with `git restore {files}`, then try again (or write "
        "without committing with --no-commit). The ledger was not changed.",
    ),
    "disk_full": (
        "磁盘空间不足，写不下 {path}（{reason}）：记录没有写入，账本保持原样。"
        "请在账本所在的磁盘上至少腾出 {need}（删除不需要的文件，或把账本移到更大的磁盘）后再试。",
        "The disk has no room to write {path} ({reason}): nothing was written and the ledger is as it was. "
        "Free at least {need} on the ledger's disk (delete files you do not need, or move the ledger to a "
        "larger disk) and try again.",
    ),
    "disk_full_any": (
        "磁盘空间不足，写不下 {path}（{reason}）：账本没有被改动。请在该磁盘上腾出空间后再试。",
        "The disk has no room to write {path} ({reason}): the ledger was not changed. Free space on that disk "
        "and try again.",
    ),
    "disk_full_git": (
        "磁盘空间不足，git 无法提交：记录没有写入，账本保持原样。请在账本所在的磁盘上腾出空间后再试。\n{output}",
        "The disk has no room for git to commit: nothing was written and the ledger is as it was. Free space "
        "on the ledger's disk and try again.\n{output}",
    ),
    "index_behind": (
        "记录已提交，但 git 的索引未能跟上（{paths}）：{output}\n腾出空间后运行 `git reset -q -- {paths}`。",
        "The record was committed, but git's index could not follow ({paths}): {output}\nOnce there is room, "
        "run `git reset -q -- {paths}`.",
    ),
    "file_unreadable": (
        "{path} 无法读取，请先运行 houqin check 修正。",
        "{path} cannot be read; run houqin check and fix it first.",
    ),
    "needs_unreadable": (
        "{path} 无法读取（{problem}）。本命令要用到它，账本未作任何改动：先修正该文件，houqin check 会列出问题。",
        "{path} cannot be read ({problem}). This command needs it and changed nothing: fix the file first; "
        "houqin check lists the problems.",
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
    "amount_format": (
        "{option} {value}：金额写作 1299.50（半角数字和小数点，不带千分位、“元”或全角数字）。",
        "{option} {value}: an amount is written 1299.50 (ASCII digits and a point; no separators, 元 or full-width digits).",
    ),
    "amount_positive": ("{option} {value}：金额须大于零。", "{option} {value}: an amount must be above zero."),
    "amount_negative": ("{option} {value}：金额不能为负。", "{option} {value}: an amount cannot be negative."),
    "amount_zero": (
        "{option} {value}：金额为零，不改变任何数目。",
        "{option} {value}: an amount of zero changes nothing.",
    ),
    "quantity_format": (
        "{option} {value}：数量写作 10 或 2.5（半角数字，最多三位小数，不用 1E+2 这样的写法）。",
        "{option} {value}: a quantity is written 10 or 2.5 (ASCII digits, at most three places, never 1E+2).",
    ),
    "quantity_positive": ("{option} {value}：数量须大于零。", "{option} {value}: a quantity must be above zero."),
    "record_exists": (
        "账本中已有编号 {id} 的记录，不会再追加一条同号记录；账本未作任何改动。请运行 houqin check ids 查明原因。",
        "The ledger already holds a record {id}; a second one of that id is never appended, and nothing was "
        "written. Run houqin check ids to find out why.",
    ),
    "file_error": (
        "无法读写 {path}：{reason}。请检查路径（是否是目录、是否有权限、磁盘是否已满）后重试。",
        "Cannot read or write {path}: {reason}. Check the path (a directory? permissions? a full disk?) and try again.",
    ),
    "invalid_option": ("{option} 的值无效：{value}（{expected}）", "Invalid value for {option}: {value} ({expected})"),
    "day_no_such_day": (
        "{option} {value}：没有这一天，请核对年月日。",
        "{option} {value}: no such date; check the year, month and day.",
    ),
    "day_format": (
        "{option} {value}：不是日期，请写成 {forms}。",
        "{option} {value}: not a date; write it as 2026-11-30, 2026/11/30, 2026.11.30 or 2026年11月30日.",
    ),
    "unknown_record": ("找不到{kind} {id}。", "No {kind} {id}."),
    "unknown_step": (
        "没有签批环节 {step}；此类单据的环节为 {chain}（--as 可写中文或 {keys}）",
        "No signature step {step}; the steps of this record are {chain} (--as takes {keys})",
    ),
    "already_signed": ("{id} 的 {step} 已签字。", "{id} is already signed as {step}."),
    "unknown_person": ("people.yaml 中没有 {name}。", "{name} is not in people.yaml."),
    "unsign_not_signed": ("{id} 没有 {step} 签字可撤回。", "{id} has no {step} signature to withdraw."),
    "unsign_other": (
        "{id} 的 {step} 由 {signer} 签字：只有签字人本人可以撤回（--by {signer}）。",
        "{id}'s {step} was signed by {signer}: only the signer withdraws it (--by {signer}).",
    ),
    "unsign_later_first": (
        "{id} 在 {step} 之后还有 {later} 签字：先撤回后面的签字（它们签署了这一条）。",
        "{id} has a {later} signature after {step}: withdraw the later one first (it signed this one).",
    ),
    "unsign_needs_key": (
        "{id} 的这条签字是用密钥签的：撤回也须由 {by} 本人用密钥签署（--key 私钥文件）。",
        "This signature of {id} was made by key: {by} withdraws it by key too (--key KEYFILE).",
    ),
    "nothing_pending": ("没有等待 {person} 签字的单据。", "Nothing awaits {person}'s signature."),
    "pending_head": (
        "等待 {person} 签字：{count} 件，合计 {total} 元",
        "Awaiting {person}'s signature: {count}, {total} yuan in all",
    ),
    "pending_head_no_money": ("等待 {person} 签字：{count} 件", "Awaiting {person}'s signature: {count}"),
    "no_keys": (
        "尚未登记任何密钥（houqin key add --anchor 登记校长的第一把密钥）。",
        "No key registered yet (register the principal's first key with houqin key add --anchor).",
    ),
    "key_anchor": ("信任根", "anchor"),
    "key_revoked_on": ("{on} 起撤销", "revoked from {on}"),
    "key_untrusted": ("未经校长密钥签署", "not signed under the principal's key"),
    "key_added_on": ("{on} 登记", "added {on}"),
    "key_private_given": (
        "{path} 是私钥：--file 登记的是公钥（.pub），私钥不离开本人。",
        "{path} is a private key: --file registers the public key (.pub); the private key never leaves its holder.",
    ),
    "key_exists": ("密钥 {fp} 已登记在 {person} 名下。", "The key {fp} is already registered to {person}."),
    "anchor_exists": (
        "信任根已登记：其他密钥须由校长的密钥签署登记（houqin key add --key 校长私钥）。",
        "The anchor is registered already: other keys are registered under the principal's key (houqin key add --key KEYFILE).",
    ),
    "anchor_not_principal": (
        "{name} 在 {on} 不是校长：信任根是校长的第一把密钥。",
        "{name} is not the principal on {on}: the anchor is the principal's first key.",
    ),
    "anchor_self": (
        "信任根须由它自己签署：--key 应为 {fp} 的私钥（或 ssh-agent 中它的 .pub）。",
        "The anchor signs its own registration: --key must be the private key of {fp} (or its .pub in an ssh-agent).",
    ),
    "key_needs_principal": (
        "登记或撤销密钥须由校长的密钥签署：加 --key 校长私钥文件（或设 HOUQIN_SIGNING_KEY）。",
        "A key is registered or revoked under the principal's key: add --key KEYFILE (or set HOUQIN_SIGNING_KEY).",
    ),
    "key_not_principal": (
        "密钥 {fp} 不是 {on} 在任校长的有效密钥（houqin key list 查看）。",
        "The key {fp} is not a valid key of the principal in office on {on} (see houqin key list).",
    ),
    "unknown_key": (
        "{person} 没有指纹为 {fp} 的密钥（houqin key list 查看）。",
        "{person} holds no key {fp} (see houqin key list).",
    ),
    "key_revoked_already": ("密钥 {fp} 已于 {on} 撤销。", "The key {fp} was revoked on {on} already."),
    "key_revoke_early": (
        "密钥 {fp} 于 {added} 才登记，不能撤销在此之前。",
        "The key {fp} was registered on {added}; it cannot be revoked before that.",
    ),
    "key_missing": (
        "找不到密钥文件 {path}：用 --key 或 HOUQIN_SIGNING_KEY 指明本人的私钥（或 ssh-agent 中私钥的 .pub）。",
        "No key file {path}: name your private key (or the .pub of a key your ssh-agent holds) with --key or HOUQIN_SIGNING_KEY.",
    ),
    "key_unreadable": ("无法读取密钥文件 {path}：{detail}", "Cannot read the key file {path}: {detail}"),
    "key_not_ssh": (
        "{path} 不是 OpenSSH 密钥文件（应为 ssh-keygen 生成的私钥或 .pub 公钥）。",
        "{path} is not an OpenSSH key file (a private key or .pub that ssh-keygen wrote is expected).",
    ),
    "key_type": (
        "{path} 的密钥类型 {type} 不受支持：只接受 ssh-ed25519 和 sk-ssh-ed25519@openssh.com（ssh-keygen -t ed25519）。",
        "{path} is a {type} key, which houqin does not accept: only ssh-ed25519 and sk-ssh-ed25519@openssh.com (ssh-keygen -t ed25519).",
    ),
    "key_encrypted": (
        "{path} 有口令保护，而 ssh-agent 中没有它：先运行 ssh-add {path}，再签字（houqin 不询问口令）。",
        "{path} is protected by a passphrase and no ssh-agent holds it: run ssh-add {path} first, then sign (houqin never asks for a passphrase).",
    ),
    "discard_before_sample": (
        "{id} 的留样在 {sampled} 才留取，不能在此之前销毁：核对 --on 与 --at。",
        "{id}'s samples were taken at {sampled}: they cannot be discarded before that; check --on and --at.",
    ),
    "discard_in_future": (
        "{id} 的留样销毁日期 {on} 在今天（{today}）之后：销毁之后再登记。",
        "{id}: the discard day {on} is after today ({today}): record it once the samples are discarded.",
    ),
    "meeting_incomplete": (
        "领导班子会议须写全：--meeting-on 日期、--attendee 出席人员（可重复）和 --decision 决定。",
        "A leadership meeting needs all of --meeting-on DAY, --attendee NAME (repeat) and --decision TEXT.",
    ),
    "open_nothing": (
        "没有给出期初余额：用 --cash 金额、--bank 金额，或 --account 账户 金额（可重复）。",
        "No opening balance given: use --cash AMOUNT, --bank AMOUNT or --account ACCOUNT AMOUNT (repeatable).",
    ),
    "open_not_accountant": (
        "{name} 在 {on} 不是会计：期初余额由会计登记（--by 会计姓名，people.yaml 中角色 accountant）。",
        "{name} is not the accountant on {on}: the accountant records the opening balances (--by NAME, role accountant in people.yaml).",
    ),
    "open_unknown_account": (
        "账户 {account} 不在 catalog.yaml 中（有：{known}）：先在 catalog.yaml 的 accounts 中登记它和它的 kind，再登记期初余额。",
        "Account {account} is not in catalog.yaml (there are: {known}): list it with its kind under accounts in catalog.yaml first, then record its opening balance.",
    ),
    "open_needs_key": (
        "政策要求会计用密钥签字（houqin.yaml 的 policy.signatures.require_keys）：期初余额的提交须由 {name} 的密钥签名，加 --key 会计的密钥。",
        "Policy asks the accountant to sign by key (policy.signatures.require_keys in houqin.yaml): the openings' commit is signed by {name}'s key; add --key KEYFILE.",
    ),
    "open_unchanged": (
        "这些期初余额（{day}）已在 catalog.yaml 中，与给出的相同：没有要写的。",
        "These opening balances ({day}) are already in catalog.yaml as given: nothing to write.",
    ),
    "open_twice": (
        "账户 {account} 的期初余额给了两次：每个账户只给一个金额。",
        "Account {account} is given two opening balances: give one amount per account.",
    ),
    "open_after_close": (
        "{month} 已结账：结账封存了由原期初余额得出的余额，不能再改期初。须先由校长重新开账（houqin finance reopen，从最近的月份往前）。",
        "{month} is closed: the close sealed the balances that follow from the old openings, so they cannot change. The principal reopens the months first (houqin finance reopen, latest first).",
    ),
    "open_after_money": (
        "账户 {account} 在 {on} 已有收支（{record}），早于期初日 {day}：期初余额须早于账中的第一笔收支，改 --on 为更早的日期。",
        "Account {account} already has money recorded on {on} ({record}), before the opening day {day}: the opening comes before the first money in the books; give an earlier --on.",
    ),
    "key_signs_nothing": (
        "{path}（{fp}）不是这条记录上任何签字人的有效密钥（签字：{steps}）：用签字人本人的密钥，或不用 --key 先记下姓名。",
        "{path} ({fp}) is not a valid key of anyone signing this record (signatures: {steps}): use the signer's own key, or leave out --key to record the name only.",
    ),
    "key_permissions": (
        "{path} 的权限是 {mode}，别人也能读：ssh-keygen 不用这样的私钥。先运行 chmod 600 {path}，再签字。",
        "{path} has mode {mode}, readable by others: ssh-keygen refuses such a private key. Run chmod 600 {path} first, then sign.",
    ),
    "key_no_agent": (
        "{path} 是公钥：用它签字需要 ssh-agent（SSH_AUTH_SOCK）中有对应的私钥；或改用 --key 指明私钥文件。",
        "{path} is a public key: signing with it needs its private key in an ssh-agent (SSH_AUTH_SOCK); or name the private key file with --key.",
    ),
    "key_sign_failed": ("ssh-keygen 未能用 {path} 签名：{detail}", "ssh-keygen could not sign with {path}: {detail}"),
    "no_ssh_keygen": (
        "找不到 ssh-keygen：用密钥签字需要 OpenSSH（8.2 或以上）。",
        "ssh-keygen not found: signing by key needs OpenSSH (8.2 or later).",
    ),
    "key_not_signers": (
        "{path} 的密钥 {fp} 不是 {by} 在 {on} 有效的已登记密钥（houqin key list 查看；houqin key add 登记）。",
        "The key {fp} of {path} is not a registered key of {by} valid on {on} (see houqin key list; register with houqin key add).",
    ),
    "accepted_into": ("验收入账：{ids}", "Booked on acceptance: {ids}"),
    "purchase_accepted": ("{id} 已验收，不能再改动审批或验收。", "{id} is already accepted."),
    "quote_exists": ("{id} 已有 {supplier} 的报价。", "{id} already has a quote from {supplier}."),
    "purchase_line": (
        "{id} 没有第 {line} 行（共 {lines} 行）。",
        "{id} has no line {line} (it has {lines}).",
    ),
    "asset_needs_place": (
        "{id} 含固定资产 {name}：验收时须用 --place 和 --keeper 写明存放地点和保管人。",
        "{id} includes the asset {name}: give --place and --keeper at acceptance.",
    ),
    "asset_whole_quantity": ("{name} 是固定资产，数量须为整数。", "{name} is a fixed asset: a whole quantity."),
    "not_on_behalf": (
        "{item} 不是 {term} 经校长批准公示的代办费项目（公示时标明 on_behalf: true）。",
        "{item} is no fee collected on behalf approved and published for {term} (its notice marks it on_behalf: true).",
    ),
    "nothing_to_refund": ("{id} 没有应退的款项。", "{id} owes no refunds."),
    "already_settled": (
        "{item} 已于 {date} 结算（{id}）：每项代办费每学期结算一次；结算有误时在文件中删去 {id} 后重新结算。",
        "{item} was settled on {date} ({id}): an item is settled once a term; if that settlement is wrong, delete {id} in the file and settle again.",
    ),
    "no_top_up": (
        "{id} 没有 {klass} 的应补款项（应补的班级：{classes}）。",
        "{id} states no top-up for {klass} (classes owing one: {classes}).",
    ),
    "top_up_collected": (
        "{id} 中 {klass} 的应补 {owed} 元已收齐（{incomes}）。",
        "{id}: {klass}'s top-up of {owed} is already collected ({incomes}).",
    ),
    "nothing_collected": (
        "{item}（{term}）还没有收取任何款项，无可结算。",
        "nothing was collected for {item} ({term}): nothing to settle.",
    ),
    "title.fee_settlement": ("代办费结算公示：{item}（{term}）", "Fee settlement notice: {item} ({term})"),
    "fee.class": ("班级", "Class"),
    "fee.students": ("人数", "Students"),
    "fee.collected": ("收取", "Collected"),
    "fee.spent": ("支出分摊", "Share spent"),
    "fee.refund": ("应退", "Refund"),
    "fee.top_up": ("应补", "Top up"),
    "fee.per_student": ("每生退/补", "Per student"),
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
    "counts_no_id": (
        "{path}：找不到“编号”或“名称”列。",
        "{path}: no id (编号) or name (名称) column.",
    ),
    "counts_no_place": (
        "{path} 第 {row} 行没有地点：加“地点”列，或用 --place 指明。",
        "{path} row {row} has no place: add a 地点 column or give --place.",
    ),
    "counts_bad_number": (
        "{path} 第 {row} 行的实盘数量 {value} 不是有效数量（应为 0 或正数）。",
        "{path} row {row}: the counted quantity {value} is not a quantity (0 or more).",
    ),
    "counts_yaml": ("{path} 第 {line} 行：{problem}", "{path} line {line}: {problem}"),
    "counts_float": (
        "数量 {value} 请写成整数或带引号的小数。",
        "Write the quantity {value} as a whole number or quoted.",
    ),
    "unknown_place": ("places.yaml 中没有地点 {place}。", "No place {place} in places.yaml."),
    "report_format": ("{path}：报告可写成 .md、.html 或 .xlsx。", "{path}: a report is .md, .html or .xlsx."),
    "rec.progress": ("核对盘点", "Reconciling"),
    "unknown_term": ("houqin.yaml 中没有学期 {term}；有：{terms}", "No term {term} in houqin.yaml; there are {terms}"),
    "counters_needed": (
        "写盘点记录须用 --counter 写明盘点人。",
        "Recording a stocktake needs the counters (--counter).",
    ),
    "adjustments_pending": (
        "盘盈盘亏 {value} 元须{steps}审批，本次未调整账面，已作为待处理事项记入。",
        "Count differences of {value} yuan need the approval of {steps}: the books are not adjusted; they are recorded as findings.",
    ),
    "input_missing": ("找不到文件 {path}。", "No file {path}."),
    "input_format": (
        "{path}：只能导入 .xlsx、.xls、.ods 或 .csv（.txt）文件；请在 Excel/WPS 中另存为其中一种。",
        "{path}: houqin imports .xlsx, .xls, .ods or .csv (.txt) files; save it as one of them in Excel/WPS.",
    ),
    "input_unreadable": (
        "{path} 无法读取（{problem}）：是否真的是 Excel 文件？",
        "{path} cannot be read ({problem}): is it really an Excel file?",
    ),
    "input_encrypted": (
        "{path} 设有打开密码：请在 Excel/WPS 中去掉密码（文件→信息→保护工作簿）后另存，再导入。",
        "{path} is password-protected: remove the password in Excel/WPS (File → Info → Protect Workbook), save, and import again.",
    ),
    "input_no_sheet": ("{path} 中没有工作表 {sheet}；有：{sheets}", "{path} has no sheet {sheet}; it has {sheets}"),
    "input_too_big": ("{path} 超过 {rows} 行，请分批导入。", "{path} has more than {rows} rows: import it in parts."),
    "input_encoding": (
        "{path} 既不是 UTF-8、GB18030 也不是 UTF-16 编码：请在 Excel/WPS 中另存为 CSV UTF-8。",
        "{path} is neither UTF-8, GB18030 nor UTF-16: save it as CSV UTF-8 in Excel/WPS.",
    ),
    "input_no_headers": (
        "{path} 的前 20 行中找不到表头（如 {known}）。用 --map 指定列。",
        "{path}: no header row in the first 20 rows (like {known}). Map columns with --map.",
    ),
    "unknown_field": ("没有字段 {field}；可用：{fields}", "No field {field}; fields: {fields}"),
    "unknown_column": ("表中没有列 {column}；有：{columns}", "The sheet has no column {column}; it has {columns}"),
    "missing_columns": (
        "找不到必需的列：{fields}。用 --map 列名=字段 指定。",
        "Required columns not found: {fields}. Map them with --map COLUMN=field.",
    ),
    "two_columns": (
        "列 {first} 和 {second} 都对应字段 {field}：用 --map {second}=- 忽略其中一列（或 --map 指定别的字段）。",
        "Columns {first} and {second} both map to field {field}: ignore one with --map {second}=- (or map it elsewhere).",
    ),
    "import_lacking": (
        "登记表中有账本尚未登记的人员、地点或经费来源（共 {count} 个）：",
        "The register names people, places or funding sources the ledger lacks ({count}):",
    ),
    "import_lacking_row": ("  {sort} {name}：{rows} 行需要{extra}", "  {sort} {name}: needed by {rows} rows{extra}"),
    "import_lacking_place": ("（登记为 {id}，类型 other，保管人 {keeper}）", " (as {id}, kind other, keeper {keeper})"),
    "import_lacking_keeper": ("（登记表中的保管人 {keeper}）", " (keeper on the register: {keeper})"),
    "import_lacking_added": (
        "以上将与资产在同一次提交中登记（人员角色 staff，地点类型 other）：导入后请在 people.yaml、places.yaml 中核对并补全。",
        "These are registered in the same commit as the assets (people as staff, places of kind other): review and complete them in people.yaml and places.yaml afterwards.",
    ),
    "import_sort.person": ("人员", "person"),
    "import_sort.place": ("地点", "place"),
    "import_sort.funding": ("经费来源", "funding source"),
    "import_rows_hidden": (
        "共 {count} 行，未逐行列出（加 --show-rows 列出每一行）。",
        "{count} rows, not listed one by one (add --show-rows to list every row).",
    ),
    "import_lacking_refused": (
        "导入被拒绝：登记表中有账本尚未登记的名称（见上），未写入任何记录。",
        "Import refused: the register names what the ledger lacks (see above); nothing was written.",
    ),
    "import_updated": ("已按登记表记录 {count} 次调拨。", "Recorded {count} moves from the register."),
    "import_lacking_todo": (
        "未写入任何记录。核对上面的名单后加 --add-missing 一并登记（人员角色为 staff，地点类型为 other），或先改正登记表中的名称。",
        "Nothing was written. Review the list above, then add --add-missing to register them too (people as staff, places of kind other), or correct the names in the register.",
    ),
    "import_matched": (
        "{same} 行与账面一致（按原编号），{changed} 行与账面不同：",
        "{same} rows match the books (by old id), {changed} rows differ:",
    ),
    "import_matched_same": (
        "{same} 行已在账中（按原编号），与账面一致，不再导入。",
        "{same} rows are already in the books (by old id) and match them; not imported again.",
    ),
    "import_change": ("  第 {row} 行 {asset}（原编号 {old}）：{what}", "  row {row} {asset} (old id {old}): {what}"),
    "import_update_hint": (
        "用 --update 把地点、保管人的变化记为调拨（每项一条记录）；数量的变化须用 houqin asset add 或 houqin asset scrap 办理。",
        "--update records the place and keeper changes as moves (one record each); a quantity change needs houqin asset add or houqin asset scrap.",
    ),
    "import_book": (
        "按各类折旧年限，截至今日累计折旧 {accumulated} 元，净值 {net} 元。",
        "Over each class's life, accumulated depreciation to date {accumulated} yuan, net value {net} yuan.",
    ),
    "import_totals": (
        "{count} 行合计/小计未导入，已与导入的行核对。",
        "{count} totals rows not imported; checked against the imported rows.",
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
    "ov.next": ("下一步（搬入账本，见 docs/moving-in.md）：", "Next steps (moving in, see docs/moving-in.md):"),
    "ov.next.people": (
        "教职工名单：houqin people import 教职工名单.xlsx",
        "The staff list: houqin people import STAFF.xlsx",
    ),
    "ov.next.places": (
        "地点与保管人：houqin place import 地点表.xlsx（或由 houqin asset import 登记表 --add-missing 一并登记）",
        "Places and keepers: houqin place import PLACES.xlsx (or let houqin asset import REGISTER --add-missing add them)",
    ),
    "ov.next.assets": (
        "固定资产登记表：houqin asset import 固定资产登记表.xlsx --dry-run",
        "The asset register: houqin asset import REGISTER.xlsx --dry-run",
    ),
    "ov.next.stock": (
        "库房期初结存：houqin stock import 期初库存.xlsx",
        "The storeroom's opening stock: houqin stock import STOCK.xlsx",
    ),
    "ov.next.balances": (
        "现金、银行存款期初余额：houqin finance open --cash 金额 --bank 金额 --on 日期 --by 会计 --key 会计的密钥",
        "Opening cash and bank balances: houqin finance open --cash AMOUNT --bank AMOUNT --on DAY --by ACCOUNTANT --key KEY",
    ),
    "ov.next.budget": (
        "年度预算：在 catalog.yaml 的 budget_lines 中写各科目的 amount（预算为 0 的科目不能报销）",
        "The year's budget: each line's amount under budget_lines in catalog.yaml (a line at 0 takes no claim)",
    ),
    "ov.next.keys": (
        "校长的签字密钥（信任根，见 docs/signatures.md）：houqin key add --person 校长姓名 --file 公钥.pub --anchor",
        "The principal's signing key (the anchor, see docs/signatures.md): houqin key add --person NAME --file KEY.pub --anchor",
    ),
    "people_plan": (
        "{new} 人将加入 people.yaml，{known} 人已在其中，{bad} 行有问题。",
        "{new} people to add to people.yaml, {known} already there, {bad} rows with problems.",
    ),
    "people_done": ("已加入 {count} 人。", "Added {count} people."),
    "places_plan": (
        "{new} 个地点将加入 places.yaml，{known} 个已在其中，{bad} 行有问题。",
        "{new} places to add to places.yaml, {known} already there, {bad} rows with problems.",
    ),
    "places_done": ("已加入 {count} 个地点。", "Added {count} places."),
    "import_done": ("已导入 {count} 项资产。", "Imported {count} assets."),
    "import_done_stock-in": ("已导入 {count} 条入库记录。", "Imported {count} stock receipts."),
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
    "opened": (
        "{account} 期初余额 {amount} 元（{day} 结束时），会计 {by}，写入 {path}",
        "{account}: opening balance {amount} at the end of {day}, by the accountant {by}, in {path}",
    ),
    "opened_signed": ("提交已由会计的密钥签名。", "The commit is signed by the accountant's key."),
    "init_done": (
        "已新建账本 {path}（学校：{school}），并安装了 pre-commit 检查钩子。",
        "Created ledger {path} for {school}, with the pre-commit check hook.",
    ),
    "hook_installed": ("已安装 pre-commit 钩子：{path}", "Installed the pre-commit hook: {path}"),
    "attributes_committed": (
        "已在 {path} 中让记录文件使用 houqin 的合并驱动，并已提交：其他副本拉取后也按记录合并。",
        "Record files now merge with houqin's driver ({path}), committed: other clones merge the same way "
        "once they pull it.",
    ),
    "attributes_written": (
        "已在 {path} 中让记录文件使用 houqin 的合并驱动，但未能提交（该文件另有未提交的改动，或 git 此刻无法提交）："
        "请检查后用 `git commit {path}` 提交它。",
        "Record files now merge with houqin's driver ({path}), but it was not committed (the file holds other "
        "uncommitted edits, or git cannot commit now): look it over and commit it with `git commit {path}`.",
    ),
    "pending_signatures": ("待签：{steps}", "awaiting: {steps}"),
    "signed_complete": ("签字齐全", "fully signed"),
    "paid": ("已付 {on}", "paid {on}"),
    "unpaid": ("未付", "unpaid"),
    "col.id": ("编号", "ID"),
    "col.where": ("表格位置", "Sheet row"),
    "col.department": ("部门", "Department"),
    "shop.expiring": ("{days} 天内到期或已过期的商品", "Goods expiring within {days} days, or expired"),
    "shop.none_expiring": ("{days} 天内没有到期的商品。", "Nothing expires within {days} days."),
    "shop.goods": ("商品", "Goods"),
    "shop.batch": ("批号", "Batch"),
    "shop.left": ("在架数量", "On the shelf"),
    "shop.expires": ("到期日", "Expires"),
    "milk.title": ("{term} 学生奶对账", "Student milk, term {term}"),
    "milk.class": ("班级", "Class"),
    "milk.ordered": ("订购盒数", "Ordered"),
    "milk.delivered": ("配送盒数", "Delivered"),
    "milk.due": ("应收", "Due"),
    "milk.paid": ("实收", "Paid"),
    "title.meters": ("水电表", "Meters"),
    "title.meter_report": ("用水用电（按抄表期）", "Water and electricity by reading period"),
    "meter.electricity": ("电", "electricity"),
    "meter.water": ("水", "water"),
    "meter.last": ("最近读数", "Last reading"),
    "meter.period": ("抄表期", "Period"),
    "meter.used": ("用量", "Used"),
    "meter.cost": ("费用（元）", "Cost (yuan)"),
    "meter.per_head": ("人均", "Per head"),
    "meter.last_year": ("去年同期", "Last year"),
    "meter.change": ("同比", "Change"),
    "patrol.summary": (
        "学期 {term}：巡视 {rounds} 次，上课日 {days} 天，其中 {missed} 天无巡视；发现问题 {findings} 项。",
        "Term {term}: {rounds} rounds over {days} school days, {missed} days without one; {findings} findings.",
    ),
    "patrol.all_closed": ("所有问题均已处理。", "Every finding was dealt with."),
    "patrol.open": ("尚未处理的问题", "Findings still open"),
    "patrol.what": ("问题", "Finding"),
    "repairs_opened": ("已开报修单：{ids}", "Repair tickets opened: {ids}"),
    "title.paper": ("{month} 文印用纸（按部门）", "Paper printed per department, {month}"),
    "print.jobs": ("文印次数", "Jobs"),
    "print.sheets": ("印张", "Sheets"),
    "print.packs": ("折合包数", "Packs printed"),
    "print.issued": ("领用包数", "Packs issued"),
    "unknown_meter": ("没有表 {meter}；catalog.yaml 中有：{meters}", "No meter {meter}; catalog.yaml has {meters}"),
    "no_open_finding": ("{id} 在 {place} 没有未处理的问题。", "{id} has no open finding at {place}."),
    "fin.title": ("{school} {month} 月度财务清结报告", "{school}: financial report for {month}"),
    "fin.title_public": ("{school} {month} 财务公开", "{school}: public financial statement, {month}"),
    "fin.closed": ("已结账（{close}）", "closed ({close})"),
    "fin.open": ("未结账", "not yet closed"),
    "fin.accounts": ("账户收支", "Accounts"),
    "fin.account": ("账户", "Account"),
    "fin.in": ("收入", "In"),
    "fin.out": ("支出", "Out"),
    "fin.result": ("结余", "Result"),
    "fin.income": ("收入分类", "Income by kind"),
    "fin.fees": ("收费项目（公示）", "Fees by item"),
    "fin.fee_item": ("收费项目", "Fee item"),
    "fin.students": ("人数", "Students"),
    "fin.spending": ("支出分类（预算科目）", "Spending by budget line"),
    "fin.budget": ("预算执行", "Budget execution"),
    "fin.this_month": ("本月", "This month"),
    "fin.ytd": ("本年累计", "Year to date"),
    "fin.stock": ("库存物资分类审核", "Consumables by category"),
    "fin.assets": ("固定资产增减", "Assets added and disposed"),
    "fin.utilities": ("水电（本月抄表期）", "Water and electricity (periods ending this month)"),
    "fin.paper": ("文印用纸（按部门）", "Paper printed per department"),
    "fin.canteen": ("食堂收支", "Canteen"),
    "fin.food": ("食堂伙食成本", "Canteen food cost"),
    "fin.food_cost": ("食材成本", "Food received"),
    "fin.meals": ("餐次", "Meals"),
    "fin.student_meals": ("用餐人次", "Student-meals"),
    "fin.per_meal": ("每人次食材成本", "Food cost per student-meal"),
    "fin.shop": ("学校商店（营业款与库存）", "School shop (takings and stock)"),
    "fin.shop_takings": ("营业款", "Takings"),
    "fin.shop_deposited": ("已解缴", "Deposited"),
    "fin.shop_bought": ("进货付款", "Goods paid"),
    "fin.shop_stock": ("月末库存（进价）", "Stock at cost, month end"),
    "fin.open_advances": ("未结清借款", "Open advances"),
    "fin.open_claims": ("未签齐或未付款的报销单", "Claims unsigned or unpaid"),
    "fin.damages": ("损坏赔偿", "Damage compensation"),
    "fin.still_open": ("月末未办结事项", "Still open at the month's end"),
    "fin.person": ("人员", "Person"),
    "fin.none": ("无", "none"),
    "fin.chart_spending": ("支出分类", "Spending by budget line"),
    "fin.chart_budget": ("预算执行率", "Budget used"),
    "fin.signs": (
        "会计：________    出纳：________    总务主任：________    校长：________",
        "Accountant: ________    Cashier: ________    Director: ________    Principal: ________",
    ),
    "fin.written": ("报告已写出：{path}", "Report written: {path}"),
    "close_refused": ("{month} 不能结账：", "{month} cannot be closed:"),
    "close.not_over": ("本月到 {last} 才结束", "the month runs until {last}"),
    "close.errors": ("本月记录有 {count} 个错误（houqin check）", "its records have {count} errors (houqin check)"),
    "close.closed": ("已经结账（{close}）", "it is already closed ({close})"),
    "close.previous": ("上月 {month} 尚未结账", "the month before, {month}, is not closed"),
    "close.undecided": (
        "{id} 现金{kind} {amount} 元尚待校长决定：houqin finance decide {id} --by 校长 --decision …",
        "{id}: a cash {kind} of {amount} yuan awaits the principal's decision: houqin finance decide {id} --by PRINCIPAL --decision …",
    ),
    "close.earlier": (
        "之前的 {months} 尚未结账（按月依次结账）",
        "earlier months are not closed: {months} (close them in order)",
    ),
    "year.not_over": ("本年到 {last} 才结束", "the year runs until {last}"),
    "year.errors": ("账本有 {count} 个错误（houqin check）", "the books have {count} errors (houqin check)"),
    "year.closed": (
        "{year} 年及以前已经年终结账（{id}）",
        "the years up to {year} are closed already ({id})",
    ),
    "year.months": (
        "本年还有月份尚未结账：{months}（houqin finance close 月份）",
        "months of the year are not closed: {months} (houqin finance close MONTH)",
    ),
    "year.written": (
        "{year} 年已年终结账：{assets} 项资产、{carried} 条未结事项结转到 {opened} 年；请校长审核：houqin sign {id} --as principal",
        "{year} closed: {assets} assets and {carried} open records carried into {opened}; for the principal to approve: houqin sign {id} --as principal",
    ),
    "close.assertion": (
        "{account} 缺少 {date} 的对账余额：houqin finance assert {account} 金额 --on {date}",
        "{account} has no balance for {date}: houqin finance assert {account} AMOUNT --on {date}",
    ),
    "month_not_closed": ("{month} 没有结账，无需重新开账。", "{month} is not closed."),
    "difference_cash_only": (
        "只有现金清点可登记短缺或溢余；{account} 与账面不符须查明未达账项或漏记的收付款。",
        "only a cash count records a shortage or surplus; a difference in {account} is a missing entry to find.",
    ),
    "no_difference": (
        "{id} 与账面相符，没有短缺或溢余需要决定。",
        "{id} agrees with the books: there is nothing to decide.",
    ),
    "already_decided": ("{id} 已有校长的决定（{on}）。", "{id} was already decided on {on}."),
    "reopen_before_close": (
        "{month} 于 {closed} 结账（{close}），不能在此之前的 {day} 重新开账：--on 写结账当天或以后的日期。",
        "{month} was closed on {closed} ({close}); it cannot be reopened on {day}, before that: give --on that day or later.",
    ),
    "year_not_closed": (
        "{year} 年没有年终结账，无需重新开账。",
        "{year} is not closed (no year-end close), so there is nothing to reopen.",
    ),
    "reopen_year_later_first": (
        "{later} 年仍已年终结账（{id}）：先重新开账 {later}（houqin finance reopen-year {later}），再重新开账 {year}。",
        "{later} is still closed ({id}): reopen {later} first (houqin finance reopen-year {later}), then {year}.",
    ),
    "reopen_year_months_first": (
        "{month} 仍已结账：先从最后结账的月份起逐月重新开账（houqin finance reopen {month}），再重新开账 {year} 年。",
        "{month} is still closed: reopen the months from the latest back first (houqin finance reopen {month}), then {year}.",
    ),
    "reopen_year_before_close": (
        "{year} 年于 {closed} 年终结账（{id}），不能在此之前的 {day} 重新开账：--on 写结账当天或以后的日期。",
        "{year} was closed on {closed} ({id}); it cannot be reopened on {day}, before that: give --on that day or later.",
    ),
    "reopen_later_first": (
        "{later} 仍已结账（{close}）：先重新开账 {later}，再重新开账 {month}。",
        "{later} is still closed ({close}): reopen {later} first, then {month}.",
    ),
    "advance_unpaid": ("{id} 尚未付款，无从结清。", "{id} has not been paid out."),
    "advance_settled": ("{id} 已经结清。", "{id} is already settled."),
    "same_account": ("转出和转入是同一账户 {account}。", "From and to are the same account, {account}."),
    "exported": ("已导出 {count} 笔分录：{path}", "Exported {count} transactions: {path}"),
    "xlsx_needs_out": ("xlsx 报告须用 --out 指定文件。", "An xlsx report needs --out FILE."),
    "bad_month": ("{value}：月份格式为 YYYY-MM", "{value}: a month is YYYY-MM"),
    "col.value_diff": ("金额（元）", "Value (yuan)"),
    "col.action": ("处理", "Action"),
    "sheet.place": ("地点", "place"),
    "sheet.unit": ("单位", "Unit"),
    "sheet.book": ("账面数量", "Book"),
    "sheet.counted": ("实盘数量", "Counted"),
    "sheet.condition": ("状况", "Condition"),
    "sheet.actual_keeper": ("实际保管人", "Actual keeper"),
    "sheet.note": ("备注", "Note"),
    "sheet.title": ("{school} {term} 学期财产盘点表", "{school}: stocktake sheet, term {term}"),
    "sheet.meta": ("盘点地点：{place}　　盘点日期：{day}", "Place: {place}    Count day: {day}"),
    "sheet.lines": ("共 {count} 行", "{count} lines"),
    "sheet.signs": (
        "<span>盘点人：________</span><span>保管人（{keeper}）：________</span><span>监盘人：________</span>",
        "<span>Counted by: ________</span><span>Keeper ({keeper}): ________</span><span>Witness: ________</span>",
    ),
    "sheet.signs_plain": (
        "盘点人：________　　保管人（{keeper}）：________　　监盘人：________",
        "Counted by: ________    Keeper ({keeper}): ________    Witness: ________",
    ),
    "sheet.written": ("已写出 {count} 个地点的盘点表：{path}", "Wrote count sheets for {count} places: {path}"),
    "rec.what": ("项目", "Item"),
    "rec.places": ("盘点地点", "Places counted"),
    "rec.lines": ("盘点行数", "Lines counted"),
    "rec.expected": ("账面应有资产（项）", "Assets expected"),
    "rec.loss": ("盘亏合计", "Total loss"),
    "rec.gain": ("盘盈合计", "Total gain"),
    "rec.clean": ("账实相符，没有差异。", "The count agrees with the books."),
    "rec.uncounted": ("未填实盘数量的行", "Lines left uncounted"),
    "rec.uncounted_title": (
        "以下各行未填实盘数量（视为未盘点，不算作 0）",
        "These lines have no count (not counted, never taken as zero)",
    ),
    "rec.blank_sheet": (
        "警告：{sheet} 整张表都没有填实盘数量——是否交错了表？",
        "Warning: nothing was counted on {sheet} — was the wrong sheet handed in?",
    ),
    "rec.uncounted_refused": (
        "有 {count} 行未填实盘数量（{rows}），不能记录盘点：补填后重新核对，"
        "或确认这些物品确实没有找到时加 --uncounted-as-missing。",
        "{count} lines have no count ({rows}); the stocktake is not recorded: fill them in and reconcile "
        "again, or add --uncounted-as-missing if those things were truly not found.",
    ),
    "rec.differences": ("差异明细", "Differences"),
    "rec.title": ("{term} 盘点核对（{day}）", "Stocktake {term} ({day})"),
    "rec.report_written": ("盘点报告已写出：{path}", "Report written: {path}"),
    "diff.missing": ("未找到（盘亏）", "missing"),
    "diff.short": ("数量盘亏", "short"),
    "diff.wrong_place": ("存放地点不符", "wrong place"),
    "diff.wrong_keeper": ("保管人不符", "wrong keeper"),
    "diff.surplus": ("账外物品（盘盈）", "not on the books"),
    "diff.over": ("数量盘盈", "over"),
    "diff.condition": ("状况异常", "condition"),
    "action.find": ("查找", "find"),
    "action.scrap": ("报废处置", "scrap"),
    "action.move": ("补办调拨", "record the move"),
    "action.register": ("登记入账", "register"),
    "action.repair": ("报修", "repair"),
    "action.adjust": ("调整账面", "adjust"),
    "action.none": ("—", "—"),
    "report.title": ("{school} {term} 学期财产清查报告", "{school}: stocktake report, term {term}"),
    "report.intro": (
        "校长室：本学期财产清查于 {day} 进行，盘点地点 {places}，盘点人 {counters}。清查结果报告如下。",
        "To the principal: the stocktake was made on {day} at {places} by {counters}. The results follow.",
    ),
    "report.summary": ("清查结果汇总", "Summary"),
    "report.signs": (
        "盘点人：________    总务主任：________    校长：________",
        "Counted by: ________    Director: ________    Principal: ________",
    ),
    "col.requester": ("申请人", "Requester"),
    "col.opening": ("期初", "Opening"),
    "col.received": ("本月入库", "In"),
    "col.issued": ("本月领用", "Out"),
    "col.adjusted": ("盘盈盘亏", "Count diff."),
    "col.closing": ("期末", "Closing"),
    "col.movements": ("入/出笔数", "In/out"),
    "title.purchases": ("请购单", "Purchases"),
    "title.stock_month": ("{month} 库存物资分类审核表（元）", "Consumables by category, {month} (yuan)"),
    "no_purchases": ("没有请购单。", "No purchases."),
    "pending_approvals": ("待{steps}审批", "awaiting {steps}"),
    "quotes_short": ("报价 {quotes}/3", "{quotes}/3 quotes"),
    "accepted_on": ("{on} 已验收", "accepted {on}"),
    "not_accepted": ("未验收", "not accepted"),
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
    "col.step": ("环节", "Step"),
    "col.signer": ("签字人", "Signer"),
    "col.key": ("密钥指纹", "Key fingerprint"),
    "col.result": ("验证结果", "Result"),
    "title.signatures": ("{id} 的签字（{kind}，{file}）", "Signatures of {id} ({kind}, {file})"),
    "sig.verified": ("已验证：本人密钥签字，签后未改动", "verified: the signer's own key, nothing changed since"),
    "sig.typed": ("仅姓名（未用密钥，政策未要求）", "name only (not by key; policy does not require it)"),
    "sig.typed_required": ("仅姓名，但须用密钥签（KEY001）", "name only, but a key is required (KEY001)"),
    "sig.broken": (
        "不成立（{code}）：运行 houqin check keys 查看原因",
        "does not stand ({code}): run houqin check keys for why",
    ),
    "sig.none": ("{id} 还没有任何签字。", "{id} has no signature yet."),
    "sig.all_stand": ("每个签字都成立。", "Every signature stands."),
    "sig.some_fail": ("有签字不成立：见上表。", "Some signatures do not stand: see the table."),
    "col.borrower": ("借用人", "Borrower"),
    "col.due": ("应还日期", "Due"),
    "col.days": ("逾期天数", "Days late"),
    "register.written_off": ("{how} {id}（{day}）", "{how} {id} ({day})"),
    "lent": ("借出 {n}", "{n} lent"),
    "event.acquired": ("登记入账", "registered"),
    "event.moved": ("调拨", "moved"),
    "event.lent": ("借出", "lent"),
    "event.returned": ("归还", "returned"),
    "event.scrap": ("报废", "scrapped"),
    "event.transfer": ("转让/调出", "transferred"),
    "event.loss": ("报损", "lost"),
    "title.register": ("固定资产登记表（截至 {date}）", "Asset register as of {date}"),
    "title.written_off": ("报废资产清单 {where}（截至 {date}）", "Assets written off {where} (as of {date})"),
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
    # the rest of the office (issue #18)
    "no_such_finding": (
        "盘点 {stocktake} 没有关于 {asset} 的发现；它发现问题的资产：{assets}",
        "stocktake {stocktake} found nothing about {asset}; the assets it has findings for: {assets}",
    ),
    "calendar_notice_exists": (
        "校历中已有 {year} 年的放假安排通知；houqin 不改已录入的通知（houqin.yaml 的 calendar: 可由学校直接核改）",
        "the calendar already has the notice for {year}; houqin does not change a notice entered (the school may correct calendar: in houqin.yaml)",
    ),
    "calendar_holiday_needed": (
        "录入 {year} 年的通知须至少写一个假期：--holiday 名称:起:止",
        "a notice for {year} needs at least one holiday: --holiday NAME:FIRST:LAST",
    ),
    "calendar_holiday_form": (
        "--holiday {value}：应写成 名称:起:止（如 春节:2027-02-06:2027-02-12），一天的假期写 名称:日期",
        "--holiday {value}: write NAME:FIRST:LAST (e.g. 春节:2027-02-06:2027-02-12), or NAME:DAY for one day",
    ),
    "calendar_day_not_in_year": (
        "{option} {day} 不在 {year} 年：一年的通知只安排这一年的假期和调休",
        "{option} {day} is not in {year}: a year's notice arranges that year's days",
    ),
    "calendar_workday_weekday": (
        "--workday {day} 是工作日：调休上班日是通知安排上班的周六或周日",
        "--workday {day} is a weekday: a make-up day is a Saturday or Sunday the notice makes a working day",
    ),
    "calendar_workday_twice": ("--workday {day} 已在校历中", "--workday {day} is in the calendar already"),
    "trip_start_needed": (
        "请写出车里程 --start（收车里程 --end 须与它一起登记）",
        "give the odometer out, --start (the odometer back, --end, goes with it)",
    ),
    "trip_returned_already": ("出车 {id} 已登记回车里程 {end}", "trip {id} is logged back already ({end} km)"),
    "trip_not_yet": (
        "出车 {id} 的日期是 {date}，还没到，不能登记回车",
        "trip {id} is on {date}: it cannot be back before it",
    ),
    "reception_claimed_already": (
        "公务接待 {id} 已关联报销单 {expense}",
        "reception {id} is linked to claim {expense} already",
    ),
    "audit_members_needed": ("稽核记录须写明成员：--member 姓名（可重复）", "name the members: --member NAME (repeat)"),
    "audit_not_member": (
        "{by} 不是稽核记录 {id} 的成员（成员：{members}）",
        "{by} is not a member of audit {id} (members: {members})",
    ),
    "audit_signed_already": ("{by} 已在稽核记录 {id} 上签字", "{by} has already signed audit {id}"),
    "audit_no_finding": (
        "稽核记录 {id} 没有第 {number} 个问题（共 {count} 个）",
        "audit {id} has no finding {number} (it has {count})",
    ),
    "title.findings": ("盘点报告与问题处理", "Count reports and their findings"),
    "findings.report": (
        "{id}（{term} {at}，{date}）：校长确认 {ack}",
        "{id} ({term} {at}, {date}): principal's acknowledgement {ack}",
    ),
    "findings.not_ack": ("尚未确认", "not yet"),
    "findings.none": ("没有需要处理的资产问题。", "No asset findings to resolve."),
    "col.finding": ("发现", "Finding"),
    "col.resolution": ("处理", "Resolution"),
    "findings.open": ("未处理（{days} 天）", "open ({days} days)"),
    "title.calendar": ("校历", "School calendar"),
    "unknown_vehicle": (
        "catalog.yaml 中没有车辆 {vehicle}；有：{known}",
        "no vehicle {vehicle} in catalog.yaml; there is: {known}",
    ),
    "title.vehicle_log": ("{vehicle} 行车记录", "Log of {vehicle}"),
    "vehicle.odometer": ("里程", "Odometer"),
    "vehicle.km": ("公里", "km"),
    "vehicle.who": ("驾驶员/报销单", "Driver / claim"),
    "vehicle.detail": ("事由/费用", "Purpose / cost"),
    "vehicle.trip": ("出车", "trip"),
    "vehicle.fuel": ("加油", "fuel"),
    "vehicle.maintenance": ("维修保养", "maintenance"),
    "food_items_needed": ("请用 --item 写明验收的食材", "name the food received with --item"),
    "samples_needed": ("请用 --sample 写明每个菜品的留样", "name each dish's sample with --sample"),
    "already_discarded": ("餐次 {id} 的留样已于 {on} 销毁", "the samples of meal {id} were discarded on {on}"),
    "canteen.month": (
        "{month} 食堂：食材验收 {receipts} 次，共 {cost} 元；{meals} 餐，学生用餐 {served} 人次，每人次食材成本 {per} 元；学校负责人陪餐 {accompanied} 餐。",
        "{month} canteen: {receipts} food receipts, {cost} yuan; {meals} meals, {served} student-meals, food cost {per} yuan per student-meal; a leader at table at {accompanied} meals.",
    ),
    "no_fire_equipment_at": (
        "{place} 没有登记消防设施（catalog.yaml fire_equipment）",
        "no fire equipment is listed at {place} (catalog.yaml fire_equipment)",
    ),
    "unknown_fire_equipment": ("没有消防设施 {id}；有：{known}", "no fire equipment {id}; there is: {known}"),
    "fire_items_needed": (
        "请用 --item 或 --place 写明检查了哪些设施",
        "name what was inspected with --item or --place",
    ),
    "title.fire": ("消防设施台账", "Fire equipment"),
    "fire.last": ("上次检查", "Last inspected"),
    "fire.due": ("下次应检", "Next due"),
    "fire.expires": ("有效期至", "Expires"),
    "fire.ok": ("完好", "ok"),
    "fire.fault": ("有问题", "fault"),
    "place.kind.classroom": ("班级教室", "classroom"),
    "place.kind.office": ("办公室", "office"),
    "place.kind.function": ("功能室", "function room"),
    "place.kind.sports": ("体育器材室", "sports store"),
    "place.kind.storeroom": ("库房", "storeroom"),
    "place.kind.building": ("楼宇", "building"),
    "place.kind.outdoor": ("室外", "outdoor"),
    "place.kind.other": ("其他", "other"),
    "fire.kind.extinguisher": ("灭火器", "extinguisher"),
    "fire.kind.hydrant": ("消火栓", "hydrant"),
    "fire.kind.alarm": ("火灾报警器", "alarm"),
    "fire.kind.other": ("其他", "other"),
    "title.utilities": ("水、电、气、炉专人负责", "Utilities and their responsible persons"),
    "utility.responsible": ("负责人", "Responsible"),
    "utility.none": ("未指定", "none named"),
    "utility.where": ("位置", "Where"),
    "utility.gone": ("已离校", "left"),
    "calendar.source": ("节假日依据：{source}（{published} 发布）", "Holidays per: {source} (published {published})"),
    "col.term": ("学期", "Term"),
    "calendar.days": ("起止日期", "Dates"),
    "calendar.working": ("上课日", "Working days"),
    "calendar.holidays": ("法定节假日", "National holidays"),
    "calendar.workdays": ("调休上班", "Make-up days"),
    "no_receipt_books": (
        "还没有登记收据本：houqin receipt book --first 起始号 --last 终止号 --holder 领用人 --by 发放人",
        "No receipt book is registered yet: houqin receipt book --first N --last N --holder NAME --by NAME",
    ),
    "title.receipts": ("收据领用登记", "Receipt books"),
    "rec.series": ("字轨", "Series"),
    "rec.numbers": ("号码", "Numbers"),
    "rec.holder": ("领用人", "Holder"),
    "rec.issued_by": ("发放人", "Issued by"),
    "rec.used": ("已用", "Used"),
    "rec.voided": ("作废", "Voided"),
    "rec.next": ("下一号", "Next"),
    "rec.left": ("余", "Left"),
    "rec.used_up": ("已用完", "used up"),
}


# houqin export parquet and houqin county (docs/county.md).
TEXT.update(
    {
        "no_school_code": (
            "houqin.yaml 没有 school.code（学校标识码）：县局的数据集按它区分学校。没有 houqin 命令修改 houqin.yaml，"
            '请在 school: 下写上 code: "…" 并提交。',
            "houqin.yaml has no school.code (the school's national code): the county's dataset tells schools "
            'apart by it. No houqin command edits houqin.yaml: add code: "…" under school: and commit.',
        ),
        "bad_school_code": (
            "学校标识码 {code} 不能用作分区名（含 / 或 =，或以 . 开头）。",
            "The school code {code} cannot name a partition (it holds / or =, or starts with .).",
        ),
        "export_no_commit": (
            "{path} 还没有提交：导出的每一行都要注明所出自的提交。",
            "{path} has no commit yet: every exported row names the commit it came from.",
        ),
        "export_uncommitted": (
            "账本有 {count} 个文件未提交（{files}）：先提交，导出的数据才与所注明的提交一致。",
            "{count} ledger files are not committed ({files}): commit first, so the rows match the commit they name.",
        ),
        "dataset_not_dir": ("{path} 不是文件夹。", "{path} is not a folder."),
        "dataset_busy": (
            "{path} 正在被另一个 houqin 导出或汇总写入：等它完成后再运行。",
            "{path} is being written by another houqin export or build: run again when it has finished.",
        ),
        "dataset_foreign": (
            "{path} 已有别的内容，不是 houqin 的数据集：不会覆盖，请换一个空文件夹。",
            "{path} holds something other than a houqin dataset: it is not overwritten; choose an empty folder.",
        ),
        "dataset_broken": (
            "{path} 读不出（不是 houqin 的数据集清单）：请删除该数据集文件夹后重新导出或汇总。",
            "{path} does not read as a houqin dataset manifest: delete the dataset folder and export or build again.",
        ),
        "county_no_dataset": (
            "{path} 没有县局数据集：先运行 houqin county build 学校… --out {path}。",
            "{path} holds no county dataset: run houqin county build SCHOOL… --out {path} first.",
        ),
        "county_old_schema": (
            "{path} 的数据集是第 {found} 版格式，本版 houqin 读写第 {want} 版：请用 houqin county build … --out {path} "
            "从各校账本重建（旧数据集被整体替换）。",
            "{path} holds a dataset of schema version {found}; this houqin reads version {want}: rebuild it from the "
            "schools' ledgers with houqin county build … --out {path} (the old dataset is replaced whole).",
        ),
        "county_no_sources": (
            "请给出至少一所学校的账本（本地仓库或 git 地址）。",
            "Name at least one school's ledger (a local repository or a git URL).",
        ),
        "bad_threshold": ("{value}：金额写成 1000000.00 这样的数字", "{value}: an amount is written like 1000000.00"),
        "county_needs_out": ("{format} 报表须用 --out 指定文件。", "A {format} report needs --out FILE."),
        "county.exported": (
            "已导出学校 {school}（提交 {commit}）到 {path}：写入 {written} 个分区，{kept} 个未变未重写，删除 {removed} 个。",
            "Exported school {school} (commit {commit}) to {path}: {written} partitions written, {kept} unchanged "
            "and not rewritten, {removed} removed.",
        ),
        "county.title.build": ("县局汇总 {path}（{date}）", "County build {path} ({date})"),
        "county.built": (
            "接收 {accepted} 所学校，拒收 {refused} 所；写入 {written} 个分区，{kept} 个未变。",
            "{accepted} schools accepted, {refused} refused; {written} partitions written, {kept} unchanged.",
        ),
        "county.migrated": (
            "原数据集为第 {found} 版格式：已从各校账本整体重建。",
            "The old dataset was of schema version {found}: rebuilt whole from the schools' ledgers.",
        ),
        "county.status.exported": ("已接收", "exported"),
        "county.status.unchanged": ("未变（沿用）", "unchanged"),
        "county.status.refused": ("拒收", "refused"),
        "county.reason.no_such_path": ("没有这个文件夹：{path}", "no such folder: {path}"),
        "county.reason.not_git": ("{path} 不是有提交的 git 仓库", "{path} is not a git repository with a commit"),
        "county.reason.unreachable": ("无法获取 {source}：{output}", "cannot fetch {source}: {output}"),
        "county.reason.not_ledger": (
            "仓库根目录没有 houqin.yaml，不是 houqin 账本",
            "no houqin.yaml at the repository's root: not a houqin ledger",
        ),
        "county.reason.check_errors": (
            "账本检查有 {count} 个错误（{codes}）：学校运行 houqin check 改正后提交",
            "the ledger's check finds {count} errors ({codes}): the school runs houqin check, fixes and commits",
        ),
        "county.reason.unreadable": ("账本读不出：{error}", "the ledger does not read: {error}"),
        "county.reason.duplicate": (
            "学校标识码 {school} 同时出现在 {others}：无法判断哪个是该校的账本，两处都拒收",
            "school code {school} is claimed by {others} too: which is the school's cannot be told, both refused",
        ),
        "county.title.report": (
            "县局报表（截至 {date}，{count} 所学校）",
            "County report as of {date}, schools: {count}",
        ),
        "county.none": ("无", "none"),
        "county.section.assets": ("资产年报 {year}：按类别和学校", "Assets {year} by class and school"),
        "county.section.budget": ("预算执行 {year}", "Budget execution {year}"),
        "county.section.unclosed": ("未结账月份", "Months not closed"),
        "county.section.loans": ("逾期未还的借用（{date}）", "Overdue loans ({date})"),
        "county.section.advances": ("逾期未结清的借款（{date}）", "Overdue cash advances ({date})"),
        "county.section.stocktakes": ("缺少的盘点", "Stocktakes missing"),
        "county.section.invoices": ("同一发票在两所以上学校报销", "One invoice claimed at several schools"),
        "county.section.suppliers": (
            "同一供应商一年内由多所学校付款合计超过 {threshold} 元",
            "One supplier paid by several schools above {threshold} yuan in a year",
        ),
        "county.section.keepers": (
            "同一人在两所以上学校保管资产（{year}，同名者请核实）",
            "One person keeping assets at several schools ({year}; homonyms to be verified)",
        ),
        "county.sheet.assets": ("资产年报", "assets"),
        "county.sheet.budget": ("预算执行", "budget"),
        "county.sheet.unclosed": ("未结账", "unclosed"),
        "county.sheet.loans": ("逾期借用", "loans"),
        "county.sheet.advances": ("逾期借款", "advances"),
        "county.sheet.stocktakes": ("缺少盘点", "stocktakes"),
        "county.sheet.invoices": ("重复发票", "invoices"),
        "county.sheet.suppliers": ("跨校供应商", "suppliers"),
        "county.sheet.keepers": ("跨校保管人", "keepers"),
        "county.col.source": ("来源", "Source"),
        "county.col.school": ("学校", "School"),
        "county.col.name": ("校名", "Name"),
        "county.col.commit": ("提交", "Commit"),
        "county.col.status": ("结果", "Status"),
        "county.col.warnings": ("警告", "Warnings"),
        "county.col.reason": ("原因", "Reason"),
        "county.col.category": ("类别代码", "Class"),
        "county.col.category_name": ("类别", "Class name"),
        "county.col.quantity": ("数量", "Quantity"),
        "county.col.cost": ("原值", "Cost"),
        "county.col.accumulated": ("累计折旧", "Depreciation"),
        "county.col.net": ("净值", "Net"),
        "county.col.line": ("预算科目", "Line"),
        "county.col.line_name": ("科目名称", "Line name"),
        "county.col.limit": ("预算（含调整）", "Budget"),
        "county.col.spent": ("已支出", "Spent"),
        "county.col.remaining": ("结余", "Remaining"),
        "county.col.used": ("执行率%", "Used %"),
        "county.col.month": ("月份", "Month"),
        "county.col.id": ("单据", "Record"),
        "county.col.asset": ("资产", "Asset"),
        "county.col.borrower": ("借用人", "Borrower"),
        "county.col.due": ("应还日期", "Due"),
        "county.col.days": ("天数", "Days"),
        "county.col.person": ("人员", "Person"),
        "county.col.amount": ("金额", "Amount"),
        "county.col.paid": ("付款日", "Paid"),
        "county.col.term": ("学期", "Term"),
        "county.col.at": ("盘点", "Count"),
        "county.col.invoice": ("发票", "Invoice"),
        "county.col.schools": ("学校", "Schools"),
        "county.col.records": ("单据", "Records"),
        "county.col.payee": ("供应商", "Supplier"),
        "county.col.year": ("年度", "Year"),
        "county.col.school_count": ("学校数", "Schools"),
        "county.col.by_school": ("各校金额", "By school"),
    }
)
# Paper (issue #17, docs/paper.md): forms, their QR codes, PDF and its font.
_PAPER_TEXT: dict[str, tuple[str, str]] = {
    "form.title.expenses": ("报销单", "Expense claim (报销单)"),
    "form.title.stock-in": ("入库单", "Goods received note (入库单)"),
    "form.title.stock-out": ("领用单", "Issue slip (领用单)"),
    "form.title.loans": ("借用单", "Loan form (借用单)"),
    "form.title.advances": ("借条", "Cash advance note (借条)"),
    "form.title.assets": ("固定资产卡片", "Fixed asset card (固定资产卡片)"),
    "form.title.disposals": ("固定资产报废（报损）申请表", "Asset disposal request"),
    "form.title.disposals.scrap": ("固定资产报废申请表", "Asset scrapping request (报废申请表)"),
    "form.title.disposals.transfer": ("固定资产转让申请表", "Asset transfer request (转让申请表)"),
    "form.title.disposals.loss": ("固定资产报损申请表", "Asset loss report (报损申请表)"),
    "form.title.repairs": ("报修单", "Repair ticket (报修单)"),
    "form.title.purchases": ("请购单", "Purchase request (请购单)"),
    "form.title.moves": ("资产调拨单", "Asset move form (调拨单)"),
    "form.title.damages": ("公物损坏赔偿单", "Damage and compensation form"),
    "form.title.stocktakes": ("盘点报告", "Stocktake report (盘点报告)"),
    "form.title.closes": ("月度清结报告", "Month close report"),
    "form.no": ("序号", "No."),
    "form.invoice_number": ("发票号码", "Invoice number"),
    "form.invoice_code": ("发票代码", "Invoice code"),
    "form.invoice_date": ("开票日期", "Invoice date"),
    "form.issuer": ("开票单位", "Issued by"),
    "form.total": ("合计", "Total"),
    "form.grid.invoices": ("粘贴单（所附发票）", "Attached invoices (粘贴单)"),
    "form.in_words": ("金额大写", "Amount in words"),
    "form.attachments": ("附单据（张）", "Receipts attached"),
    "form.purchase": ("采购单号", "Purchase"),
    "form.advance": ("冲借款", "Settles advance"),
    "form.paid": ("付款", "Paid"),
    "form.origin": ("来源", "Origin"),
    "form.asset": ("资产", "Asset"),
    "form.lent_on": ("借出日期", "Lent on"),
    "form.returned_on": ("归还", "Returned"),
    "form.advance_person": ("借款人", "Borrower"),
    "form.settled": ("结清", "Settled"),
    "form.asset_id": ("资产编号", "Asset id"),
    "form.as_of": ("截至", "As of"),
    "form.grid.history": ("变动记录", "History"),
    "form.reason": ("原因", "Reason"),
    "form.recipient": ("接收单位", "Recipient"),
    "form.authority": ("批复文号", "Authority"),
    "form.proceeds": ("处置收入", "Proceeds"),
    "form.reporter": ("报修人", "Reported by"),
    "form.fault": ("故障情况", "Fault"),
    "form.done_on": ("修复日期", "Repaired on"),
    "form.work": ("维修内容", "Work done"),
    "form.repairer": ("维修人", "Repairer"),
    "form.cost": ("维修费用", "Cost"),
    "form.estimate": ("预算金额", "Estimate"),
    "form.unit_estimate": ("估计单价", "Unit estimate"),
    "form.meeting": ("三重一大会议", "Collective decision (三重一大)"),
    "form.accepted": ("验收", "Accepted"),
    "form.grid.lines": ("请购明细", "Lines"),
    "form.grid.quotes": ("询价（货比三家）", "Quotes (three quotes)"),
    "form.from_place": ("调出地点", "From"),
    "form.to_place": ("调入地点", "To"),
    "form.to_keeper": ("接收保管人", "New keeper"),
    "form.responsible": ("责任人", "Responsible"),
    "form.description": ("损坏情况", "Damage"),
    "form.assessed": ("定损", "Assessed"),
    "form.term": ("学期", "Term"),
    "form.places": ("盘点地点", "Places"),
    "form.counted_by": ("盘点人", "Counted by"),
    "form.adjusted_value": ("盘盈盘亏金额", "Adjusted value"),
    "form.grid.adjustments": ("易耗品盘盈盘亏", "Consumables adjusted"),
    "form.grid.findings": ("资产盘点发现", "Asset findings"),
    "form.book": ("账面", "Book"),
    "form.counted": ("实盘", "Counted"),
    "form.difference": ("差异", "Difference"),
    "form.finding": ("情况", "Finding"),
    "form.detail": ("说明", "Detail"),
    "form.month": ("月份", "Month"),
    "form.closed_by": ("清结人", "Closed by"),
    "form.records": ("记录数", "Records"),
    "form.digest": ("封存指纹", "Seal digest"),
    "form.previous": ("上月清结", "Previous close"),
    "form.sign.issued_by": ("发放人", "Issued by"),
    "form.sign.recipient": ("领用人", "Received by"),
    "form.sign.borrower": ("借用人", "Borrower"),
    "form.sign.returned_to": ("归还验收人", "Return received by"),
    "form.sign.advance_person": ("借款人", "Borrower"),
    "form.sign.reporter": ("报修人", "Reported by"),
    "form.sign.assessor": ("定损人", "Assessed by"),
    "form.sign.counter": ("盘点人", "Counted by"),
    "form.day": ("日期", "Date"),
    "form.key": ("密钥", "Key"),
    "form.meta": ("编号 {id}　　表单码 {code}", "No. {id}    form code {code}"),
    "form.blank_meta": (
        "编号：＿＿＿＿＿＿　　（空白表，手工填写）",
        "No.: ____________    (blank form, to fill by hand)",
    ),
    "form.verify_hint": (
        "稽核核对：扫描右上角二维码，或 houqin verify-form {code}",
        "Audit: scan the QR code at the top right, or houqin verify-form {code}",
    ),
    "form.verify.match": (
        "表单 {id} 与账本一致（指纹 {fp}）。",
        "Form {id} matches the books (fingerprint {fp}).",
    ),
    "form.verify.differs": (
        "表单 {id} 与账本不一致：纸面指纹 {paper}，账本现为 {books}。表单打印后记录有变动（如新的签字、付款），"
        "请以账本为准重新打印：houqin form {id}",
        "Form {id} does not match the books: the paper says {paper}, the books now {books}. The record "
        "changed after the form was printed (a signature, a payment); print it again: houqin form {id}",
    ),
    "finding.missing": ("缺失", "missing"),
    "finding.wrong_place": ("地点不符", "wrong place"),
    "finding.wrong_keeper": ("保管人不符", "wrong keeper"),
    "finding.surplus": ("盘盈", "surplus"),
    "finding.short": ("数量短少", "short"),
    "finding.over": ("数量多出", "over"),
    "finding.condition": ("状况", "condition"),
    "pdf_needs_out": ("PDF 报告须用 --out 指定文件。", "A PDF report needs --out FILE."),
    "due.title": ("到期待办（{date}）", "Due and overdue ({date})"),
    "due.none": ("截至 {date} 没有到期或逾期的事项。", "Nothing due or overdue as of {date}."),
    "due.col.what": ("事项", "What"),
    "due.col.person": ("经办人", "Who"),
    "due.col.due": ("到期日", "Due"),
    "due.col.late": ("状态", "State"),
    "due.col.about": ("内容", "About"),
    "due.col.command": ("办理命令", "Command"),
    "due.late": ("逾期 {days} 天", "{days} days late"),
    "due.left": ("还有 {days} 天", "due in {days} days"),
    "due.summary": ("逾期 {late} 项，即将到期 {soon} 项：", "{late} overdue, {soon} due soon: "),
    "due.part": ("{what} {n}（逾期 {late}）", "{what} {n} ({late} late)"),
    "due.what.loan": ("借用归还", "loan to return"),
    "due.what.advance": ("借款报账", "advance to settle"),
    "due.what.signature": ("待签字", "signature awaited"),
    "due.what.unpaid": ("已签未付", "claim signed, unpaid"),
    "due.what.month": ("月结", "month to close"),
    "due.what.count": ("盘点", "count to make"),
    "due.what.repair": ("维修", "repair open"),
    "due.what.damage": ("损坏赔偿", "damage case open"),
    "due.what.shop": ("临期商品", "shop goods expiring"),
    "due.what.unbooked": ("赔偿款未入账", "compensation not booked"),
    "due.what.fee": ("代办费多退少补", "fee on behalf to settle, refund or collect"),
    "ov.due": ("到期待办：{summary}（详见 houqin due）", "Due: {summary} (see houqin due)"),
    "find.title": ("“{text}”：{n} 条", "“{text}”: {n} found"),
    "find.none": ("没有记录含“{text}”。", "No record holds “{text}”."),
    "find.more": (
        "另有 {n} 条未列出（用 --limit 或 --kind 缩小范围）。",
        "{n} more not shown (use --limit or --kind).",
    ),
    "find.field": ("字段", "Field"),
    "find.text": ("内容", "Text"),
    "find_empty": ("请给出要找的文字。", "Give the text to find."),
    "find_kind": ("没有“{kind}”这种记录；可用：{kinds}。", "No kind {kind}; the kinds: {kinds}."),
    "vouchers.exported": ("已导出 {count} 张记账凭证：{path}", "Exported {count} vouchers: {path}"),
    "vouchers_month": ("导出凭证须用 --month YYYY-MM 指定月份。", "Vouchers need --month YYYY-MM."),
    "voucher_month": ("{value}：月份格式为 YYYY-MM。", "{value}: a month is YYYY-MM."),
    "voucher_role": (
        "catalog.yaml 的 voucher_accounts 中没有“{role}”这一项；可用：{roles}。没有 houqin 命令修改 catalog.yaml，请直接编辑该文件。",
        "catalog.yaml's voucher_accounts names no role {role}; the roles: {roles}. No houqin command edits "
        "catalog.yaml: edit the file.",
    ),
    "unit_unknown": (
        "{id}：资产 {lot} 只有 {quantity} 件，没有这一件的标签。",
        "{id}: the lot {lot} has {quantity} units; no such unit label.",
    ),
    "unit_quantity": (
        "{id} 是一件的标签，不能再用 -q {quantity}；整批操作请用批号（去掉最后一段）。",
        "{id} is one unit's label and cannot take -q {quantity}; use the lot's id for more.",
    ),
    "label_layout": (
        "没有“{layout}”这种标签纸；可用 {known}，或“列x行”（如 3x8）。",
        "No label sheet {layout}; the layouts: {known}, or COLSxROWS (such as 3x8).",
    ),
    "label_layout_fit": (
        "标签纸 {layout} 放不进 A4 或每张太小（{width}×{height} 毫米，至少 25×15 毫米才放得下二维码和编号）。未写出任何文件。",
        "The label sheet {layout} does not fit A4 or its labels are too small ({width}×{height} mm; a QR code "
        "and the id need 25×15 mm). Nothing was written.",
    ),
    "label_offset": (
        "--offset {offset}：一张只有 {per_sheet} 个标签，可跳过 0 到 {per_sheet} 减 1 个。",
        "--offset {offset}: a sheet holds {per_sheet} labels; skip 0 to one less than that.",
    ),
    "label_too_many": ("{count} 个标签超过一次 {limit} 个的上限。", "{count} labels: more than {limit} at once."),
    "labels_written": (
        "已写出 {count} 个标签（{sheets} 张标签纸）：{path}",
        "Wrote {count} labels ({sheets} sheets): {path}",
    ),
    "form_no_kind": (
        "{id} 没有纸质表单；有表单的种类：{kinds}。",
        "{id} has no paper form; the kinds with one: {kinds}.",
    ),
    "form_code_unreadable": (
        "读不出表单码：{text}（应为 houqin-form:1:编号:指纹，即表单二维码的内容）。",
        "Not a form code: {text} (expected houqin-form:1:ID:FINGERPRINT, what the form's QR code holds).",
    ),
    "form_out_suffix": (
        "{path}：表单写成 .pdf 或 .html。未写出任何文件。",
        "{path}: a form is written as .pdf or .html. Nothing was written.",
    ),
    "font_missing": (
        "缺少中文字体 {font}（在 {path} 中未找到），PDF 未写出。请安装 fonts-noto-cjk（scripts/test-tools.sh），"
        "或用环境变量 HOUQIN_CJK_FONT 指明字体文件。",
        "The Chinese font {font} is missing (not found in {path}); no PDF was written. Install fonts-noto-cjk "
        "(scripts/test-tools.sh) or name the font file in HOUQIN_CJK_FONT.",
    ),
    "glyph_missing": (
        "字体 {font} 中没有这些字：{chars}；PDF 未写出（不印空白方框）。请改用常用字，或另附说明。",
        "The font {font} has no glyph for: {chars}; no PDF was written (never a blank box).",
    ),
}
TEXT.update(_PAPER_TEXT)


TEXT.update({f"step.{key}": words for key, words in ROLES.items()})
TEXT.update({f"status.{key}": words for key, words in STATUSES.items()})


def word(key: str, lang: str, table: dict[str, tuple[str, str]] = ROLES) -> str:
    """The plain word: 经手人 / handler (the key itself when the table lacks it)."""
    found = table.get(key)
    if found is None:
        return key
    return found[1] if lang == "en" else found[0]


def labelled(key: str, lang: str, table: dict[str, tuple[str, str]] = ROLES) -> str:
    """The word with its key in Chinese, 经手人(handler); the key in English."""
    if lang == "en" or key not in table:
        return key
    return f"{table[key][0]}({key})"


def field_label(path: str, lang: str) -> str:
    """A field, or a path to one (invoices.0.date), as the reader knows it: 日期(invoices.0.date)."""
    if lang == "en":
        return path
    names = [p for p in path.split(".") if not p.isdigit()]
    found = FIELDS.get(names[-1]) if names else None
    return f"{found[0]}({path})" if found else path


def role_key(text: str) -> str:
    """The step or role a person typed, as its key: handler, 经手人, 'department head' all name a step
    by its key; a text that names none is returned as it is (the caller says it is unknown)."""
    wanted = text.strip()
    if wanted in ROLES:
        return wanted
    for key, (zh, en) in ROLES.items():
        if wanted in (zh, en) or wanted.lower() == en:
            return key
    return ROLE_SYNONYMS.get(wanted, wanted)


class Steps:
    """Steps (or roles) to be shown in the reader's language when a message is rendered: the
    services that raise errors do not know the language, t() does."""

    def __init__(self, keys: Iterable[str], sep: str = " → ") -> None:
        self.keys = tuple(keys)
        self.sep = sep

    def render(self, lang: str) -> str:
        return self.sep.join(word(k, lang) for k in self.keys) or "-"

    def __str__(self) -> str:
        return self.render("en")


class Pair:
    """A name written "中文/english" (a kind of record in an error) shown in the reader's language."""

    def __init__(self, text: str) -> None:
        zh, _, en = text.partition("/")
        self.zh, self.en = zh, en or zh

    def render(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def __str__(self) -> str:
        return f"{self.zh}/{self.en}"


def default_lang() -> str:
    lang = os.environ.get("HOUQIN_LANG", "zh")
    return lang if lang in LANGS else "zh"


def t(key: str, lang: str, **params: object) -> str:
    zh, en = TEXT.get(key, (key, key))
    template = en if lang == "en" else zh
    shown = {k: v.render(lang) if hasattr(v, "render") else str(v) for k, v in params.items()}
    return template.format_map(defaultdict(lambda: "?", shown))
