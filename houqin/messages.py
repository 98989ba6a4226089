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


CATALOG: Mapping[str, Message] = {
    # --- reading files (check: schema)
    "YAML001": Message(
        E,
        "YAML 语法错误：{problem}",
        "YAML syntax error: {problem}",
        "这是文件本身的语法问题，没有 houqin 命令可改：在编辑器中检查该行的缩进、冒号和引号，改好后运行 houqin check schema 复查。",
        "A syntax problem in the file itself, which no houqin command edits: check the line's indentation, colons and quotes in an editor, then run houqin check schema.",
    ),
    "YAML002": Message(
        E,
        "重复的键 {key}（第 {first} 行已出现）",
        "duplicate key {key} (first on line {first})",
        "同一记录中每个键只能写一次；houqin 不会写出重复的键，也没有 houqin 命令可删：在编辑器中删去其中一个，再运行 houqin check schema。",
        "Each key appears once per record; houqin never writes a key twice, so no houqin command removes one: delete it in an editor, then run houqin check schema.",
    ),
    "YAML003": Message(
        E,
        "不允许的 YAML 标签 {tag}",
        "YAML tag {tag} is not allowed",
        "账本只用普通的文字、数字、列表和映射；houqin 不会写出标签，也没有 houqin 命令可删：删去以 ! 开头的标签，再运行 houqin check schema。",
        "Ledgers hold plain text, numbers, lists and mappings; houqin never writes a tag, so no houqin command removes one: delete the `!` tag, then run houqin check schema.",
    ),
    "YAML004": Message(
        E,
        "不允许使用锚点/别名（& 和 *）或合并键（<<）",
        "anchors, aliases (& and *) and merge keys (<<) are not allowed",
        "每条记录独立完整；houqin 不会写出锚点或别名，也没有 houqin 命令可改：把内容直接写出来，再运行 houqin check schema。",
        "Each record stands on its own; houqin never writes anchors or aliases, so no houqin command undoes them: write the values out, then run houqin check schema.",
    ),
    "YAML005": Message(
        E,
        "此文件的顶层应当是记录列表（每条以 `- ` 开头）",
        "the top level of this file must be a list of records (each starting with `- `)",
        "houqin 命令写出的都是记录列表，没有 houqin 命令可修正改坏的结构：按 docs/ledger-format.md 的示例改写，再运行 houqin check schema。",
        "houqin's commands write lists of records, and no houqin command repairs a broken shape: rewrite it as docs/ledger-format.md shows, then run houqin check schema.",
    ),
    "YAML006": Message(
        E,
        "文件不是 UTF-8 编码（疑似 {encoding}）",
        "the file is not UTF-8 (looks like {encoding})",
        "没有 houqin 命令转换编码（houqin 只读 UTF-8，以免猜错字）：用 `iconv -f GB18030 -t UTF-8` 或编辑器另存为 UTF-8，再运行 houqin check。",
        "There is no houqin command to convert it (houqin reads only UTF-8, so it never guesses a character wrong): save it as UTF-8 (`iconv -f GB18030 -t UTF-8`, or an editor's Save as), then run houqin check.",
    ),
    "YAML007": Message(
        E,
        "数字过大",
        "number too large",
        "houqin 命令把金额和编号写成带引号的文字，没有 houqin 命令可改手写的数字：加上引号，再运行 houqin check schema。",
        "houqin's commands write amounts and numbers as quoted text, and no houqin command edits a number typed by hand: quote it, then run houqin check schema.",
    ),
    "YAML008": Message(
        E,
        "此文件的顶层应当是映射（键: 值）",
        "the top level of this file must be a mapping (key: value)",
        "houqin.yaml 和 catalog.yaml 由 houqin init 生成，没有 houqin 命令可修正改坏的结构：按 docs/ledger-format.md 的示例改写，再运行 houqin check schema。",
        "houqin.yaml and catalog.yaml are made by houqin init, and no houqin command repairs a broken shape: rewrite it as docs/ledger-format.md shows, then run houqin check schema.",
    ),
    "YAML009": Message(
        E,
        "文件过大（{size} MB，上限 {limit} MB）",
        "file too large ({size} MB, limit {limit} MB)",
        "没有 houqin 命令拆分文件：记录按 年份/种类 分文件存放，把这个文件按年份拆开，再运行 houqin check。",
        "No houqin command splits a file: records live by year and kind, so split this one by year, then run houqin check.",
    ),
    "SCH001": Message(
        E,
        "字段 {field} 无效：{reason}",
        "field {field} is invalid: {reason}",
        "houqin 的命令不会写出无效的字段，所以没有 houqin 命令可改手工写错的：按 docs/ledger-format.md 改正此字段，再运行 houqin check schema。",
        "houqin's commands never write an invalid field, so no houqin command fixes one typed by hand: correct it as docs/ledger-format.md describes, then run houqin check schema.",
    ),
    "YAML010": Message(
        E,
        "此文件是指向账本目录之外的链接，houqin 不读取它",
        "this file is a link leading outside the ledger; houqin does not read it",
        "houqin 不跟随指向账本之外的链接（以免读写别处的文件），没有 houqin 命令可改：用真实文件替换该链接，再运行 houqin check。",
        "houqin never follows a link out of the ledger (so it never reads or writes elsewhere), and no houqin command changes that: replace the link with the file itself, then run houqin check.",
    ),
    "YAML011": Message(
        E,
        "此文件不是普通文件（{kind}），houqin 不读取它",
        "this is not a regular file ({kind}); houqin does not read it",
        "账本的记录文件须是普通文件，没有 houqin 命令替换它：删除它（如 `rm` 命名管道）或换成真正的 YAML 文件，再运行 houqin check schema。",
        "A ledger's record files are regular files, and no houqin command replaces one: remove it (e.g. `rm` the "
        "FIFO) or put a real YAML file there, then run houqin check schema.",
    ),
    "YAML012": Message(
        E,
        "此文件是指向账本中另一个文件 {target} 的链接，houqin 不读取它（否则其中的记录会算两次）",
        "this file is a link to another file of the ledger, {target}; houqin does not read it (its records "
        "would count twice)",
        "每个文件只存放自己的记录，没有 houqin 命令替换链接：删除该链接或用真正的文件替换它，再运行 houqin check schema。",
        "Each file holds its own records, and no houqin command replaces a link: remove it or put a file of its "
        "own there, then run houqin check schema.",
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
        "houqin 只读 年份/种类.yaml（如 2025/assets.yaml）和四个目录文件，没有 houqin 命令处理别的文件：改名、移走或删除它，再运行 houqin check。",
        "houqin reads only YEAR/KIND.yaml (e.g. 2025/assets.yaml) and the four directory files, and no houqin command handles others: rename, move or delete it, then run houqin check.",
    ),
    "SCH003": Message(
        E,
        "列表项应当是一条记录（键: 值 的映射）",
        "a list item must be a record (a mapping of key: value)",
        "houqin 的命令不会写出这样的列表项，没有 houqin 命令可改：每条记录以 `- id: ...` 开头、字段缩进两格，改好后运行 houqin check schema。",
        "houqin's commands never write such an item, and no houqin command fixes it: start each record with `- id: ...` and indent its fields by two, then run houqin check schema.",
    ),
    "SCH004": Message(
        INFO,
        "另有 {count} 条由此引起的问题未列出：{files} 无法读取，依赖它的检查结果不可信",
        "{count} more problems that follow from it are not listed: {files} cannot be read, so what the checks "
        "found from it cannot be trusted",
        "没有 houqin 命令能绕过无法读取的文件：先修正上面的文件，再运行 houqin check 查看其余问题。",
        "No houqin command can read past an unreadable file: fix the file above first, then run houqin check for the rest.",
    ),
    # --- ids
    "ID001": Message(
        E,
        "编号 {id} 重复（另见 {other}）",
        "id {id} is used twice (also at {other})",
        "编号一经写入就被其他记录引用，没有 houqin 命令改编号：删去手工复制出的重复记录，用相应的 houqin 命令（如 houqin asset add）重新登记。",
        "Ids are referred to once written, so no houqin command renumbers a record: remove the copy made by hand and record it again with its command (e.g. houqin asset add).",
    ),
    "ID002": Message(
        E,
        "编号 {id} 格式不对，应为 {prefix}-年份-序号（如 {prefix}-2025-0001）",
        "id {id} is malformed: expected {prefix}-YEAR-NUMBER (e.g. {prefix}-2025-0001)",
        "用 houqin 命令新增记录（如 houqin asset add、houqin expense add），编号会自动分配；手工写错的编号没有 houqin 命令可改，删去该记录后重新登记。",
        "Add records with houqin's commands (e.g. houqin asset add, houqin expense add): ids are allocated for you; no houqin command renames an id typed by hand, so remove the record and add it again.",
    ),
    "ID003": Message(
        E,
        "编号 {id} 的年份与日期 {date} 不符",
        "id {id} does not match the year of its date {date}",
        "编号中的年份是记录日期的年份，没有 houqin 命令改编号：核对日期，或删去该记录后用 houqin 命令重新登记（如 houqin asset add --date 日期）。",
        "The year in the id is the year of the record's date, and no houqin command renumbers a record: check the date, or remove the record and add it again (e.g. houqin asset add --date DAY).",
    ),
    "ID004": Message(
        E,
        "记录 {id} 放错了文件：应在 {expected}",
        "record {id} is in the wrong file: it belongs in {expected}",
        "记录按日期所在年份存放，没有 houqin 命令移动记录：把它移到 {expected}，再运行 houqin check ids。",
        "Records live in the file of their year, and no houqin command moves one: move it to {expected}, then run houqin check ids.",
    ),
    "ID005": Message(
        E,
        "{what} {name} 重复登记",
        "{what} {name} is listed twice",
        "没有 houqin 命令编辑 people.yaml 和 places.yaml：同名人员加区分后缀（如 张伟2），其余编号改为唯一，再运行 houqin check ids。",
        "No houqin command edits people.yaml or places.yaml: give homonyms a suffix (张伟2) and make other keys unique, then run houqin check ids.",
    ),
    # --- refs
    "REF001": Message(
        E,
        "{field} 中的人员 {name} 不在 people.yaml 中",
        "{field}: person {name} is not in people.yaml",
        "登记此人：houqin people import 教职工名单.xlsx（姓名、部门、角色、入职日期），或在 people.yaml 加上此人；姓名写错的改正姓名，再运行 houqin check refs。",
        "Register the person: houqin people import STAFF.xlsx (name, department, roles, joined), or add them to people.yaml; if the name is misspelt, correct it, then run houqin check refs.",
    ),
    "REF012": Message(
        E,
        "{field} 中的人员 {name} 不在 people.yaml 中，但与其中的 {like} 看起来一样",
        "{field}: person {name} is not in people.yaml, but looks the same as {like}, who is",
        "多半是输入法选错了字或从别处复制了异体字：在文件中改成 people.yaml 的写法 {like}（没有 houqin 命令改已写的姓名），再运行 houqin check refs；若确是另一人，在 people.yaml 登记此人。",
        "Most likely a character picked wrong in the input method or pasted as a variant: write {like} as people.yaml has it, in the file (no houqin command renames a written name), then run houqin check refs; if it really is someone else, add them to people.yaml.",
    ),
    "REF002": Message(
        E,
        "{field} 中的人员 {name} 在 {date} 不在职",
        "{field}: {name} was not on the staff on {date}",
        "核对日期，或换一位当时在职的人员；入职、离校日期在 people.yaml 中，没有 houqin 命令编辑它，改好后运行 houqin check refs。",
        "Check the date, or name someone on the staff that day; joining and leaving dates are in people.yaml, which no houqin command edits; then run houqin check refs.",
    ),
    "REF003": Message(
        E,
        "地点 {place} 不在 places.yaml 中",
        "place {place} is not in places.yaml",
        "没有 houqin 命令登记地点：在 places.yaml 加上该地点及其保管人，或改正地点编号，再运行 houqin check refs。",
        "No houqin command adds a place: add it with its keeper to places.yaml, or correct the id, then run houqin check refs.",
    ),
    "REF004": Message(
        E,
        "地点 {place} 已停用",
        "place {place} is no longer in use",
        "把资产调到在用的地点：houqin asset move 资产编号 --to-place 地点。",
        "Move it to a place in use: houqin asset move ASSET --to-place PLACE.",
    ),
    "REF005": Message(
        E,
        "物品 {item} 不在 catalog.yaml 的物品目录中",
        "item {item} is not in the catalog (catalog.yaml items)",
        "没有 houqin 命令编辑物品目录：在 catalog.yaml 的 items 中登记此物品（编号、名称、单位、分类），再运行 houqin check refs。",
        "No houqin command edits the catalog: add the item to catalog.yaml items (id, name, unit, category), then run houqin check refs.",
    ),
    "REF006": Message(
        W,
        "资产分类 {code} 不在 catalog.yaml 中",
        "asset category {code} is not in catalog.yaml",
        "没有 houqin 命令编辑 catalog.yaml：在 asset_categories 中登记该分类及其折旧年限，再运行 houqin check refs。",
        "No houqin command edits catalog.yaml: add the class with its depreciation life to asset_categories, then run houqin check refs.",
    ),
    "REF007": Message(
        E,
        "资产分类 {code} 不是 GB/T 14885 代码",
        "asset category {code} is not a GB/T 14885 code",
        "分类代码以 A01–A07 开头，如 A02010105（台式计算机）：登记时 houqin asset add --category 代码；已写入的记录没有 houqin 命令可改，在文件中改正。",
        "Codes start with A01-A07, e.g. A02010105 (desktop computer): houqin asset add --category CODE; no houqin command edits a record already written, so correct it in the file.",
    ),
    "REF008": Message(
        E,
        "预算科目 {line} 在 {year} 年预算中不存在",
        "budget line {line} is not in the {year} budget",
        "没有 houqin 命令新增预算科目：在 catalog.yaml 的 budget_lines 中列出该年度的科目（金额之后可用 houqin budget adjust 调整），再运行 houqin check refs。",
        "No houqin command adds a budget line: list it for that year in catalog.yaml budget_lines (its amount can then change with houqin budget adjust), then run houqin check refs.",
    ),
    "REF009": Message(
        E,
        "引用的{what} {id} 不存在",
        "referenced {what} {id} does not exist",
        "核对编号（houqin asset show 资产编号 可查资产）；手工写错的引用没有 houqin 命令可改，在文件中改正后运行 houqin check refs。",
        "Check the id (houqin asset show ASSET finds an asset); no houqin command edits a reference typed by hand, so correct it in the file and run houqin check refs.",
    ),
    "REF010": Message(
        E,
        "经费来源 {funding} 不在 catalog.yaml 的经费来源(funding_sources)中",
        "funding source {funding} is not in catalog.yaml funding_sources",
        "使用 catalog.yaml 中已有的经费来源（houqin asset add --funding 来源）；新的来源没有 houqin 命令可加，在 catalog.yaml 的 funding_sources 中登记。",
        "Use a listed funding source (houqin asset add --funding SOURCE); no houqin command adds a new one: list it in catalog.yaml funding_sources.",
    ),
    # --- approval chain
    "APR001": Message(
        E,
        "{id} 已付款，但缺少 {step} 签批（需 {chain}）",
        "{id} was paid without the {step} step (needs {chain})",
        "已付款的单据不再接受签字（{sign} 会拒绝），所以没有 houqin 命令可补：请校长核查这笔付款；以后付款前签齐。",
        "A paid record takes no more signatures ({sign} refuses), so no houqin command can add this one: have the principal review the payment, and sign before paying.",
    ),
    "APR002": Message(
        E,
        "{step} 签于 {on}，早于前一环节 {previous}（{previous_on}）",
        "{step} signed on {on}, before the previous step {previous} ({previous_on})",
        "签批须按顺序进行：{chain}。签字没有 houqin 命令可改期（签字人可用 houqin unsign ID --as 环节 --by 签字人 --reason 理由 撤回后重签）：核对签字日期，在文件中改正后运行 houqin check approval-chain。",
        "Steps are signed in order: {chain}. No houqin command re-dates a signature (the signer may withdraw it with houqin unsign ID --as STEP --by SIGNER --reason WHY and sign again): check the dates, correct them in the file and run houqin check approval-chain.",
    ),
    "APR003": Message(
        E,
        "{step} 签于 {on}，早于单据日期 {date}",
        "{step} signed on {on}, before the record's date {date}",
        "签字日期不能早于单据日期：签字时写对日期（{sign} --on 日期）；签字没有 houqin 命令可改期，已写入的在文件中改正。",
        "A signature cannot predate the record: sign with the right day ({sign} --on DAY); no houqin command re-dates a signature, so correct it in the file.",
    ),
    "APR004": Message(
        E,
        "此类单据没有 {step} 这一签批环节（应为 {chain}）",
        "this kind of record has no {step} step (expected {chain})",
        "此类单据只签 {chain}（houqin sign 拒绝其他环节；环节在 houqin.yaml 的 policy.signatures.chains，没有 houqin 命令编辑它）：在文件中删去这条签字。",
        "This kind of record is signed {chain} only (houqin sign refuses other steps; they are set in houqin.yaml policy.signatures.chains, which no houqin command edits): delete this signature in the file.",
    ),
    "APR005": Message(
        E,
        "{step} 签了两次",
        "{step} signed twice",
        "houqin sign 不会重复签同一环节，也没有 houqin 命令可删签字：在文件中删去重复的一条，再运行 houqin check approval-chain。",
        "houqin sign never signs a step twice, and no houqin command removes a signature: delete the repeated one in the file, then run houqin check approval-chain.",
    ),
    "APR006": Message(
        E,
        "{id} 在 {paid} 付款，早于签批完成（{signed}）",
        "{id} was paid on {paid}, before its signatures were complete ({signed})",
        "没有校长批准，出纳员有权拒付：先签齐（{sign}）再付款（houqin expense pay）；已付款的单据没有 houqin 命令可改，请校长核查。",
        "Without the principal's approval the cashier refuses to pay: sign first ({sign}), then pay (houqin expense pay); no houqin command changes a payment made, so have the principal review it.",
    ),
    "APR007": Message(
        E,
        "{id} 缺少 {step} 签字（需 {chain}）",
        "{id} lacks the {step} signature (needs {chain})",
        "这类单据在发生时即由各方签字，补上签字：{sign}。",
        "This kind of record is signed by everyone when it happens: add the signature with {sign}.",
    ),
    # --- signatures
    "SIG001": Message(
        E,
        "{by} 在 {on} 不具备 {step} 签字资格（需要角色：{roles}）",
        "{by} could not sign as {step} on {on} (needs role: {roles})",
        "签字人可撤回这条签字（houqin unsign ID --as 环节 --by 签字人 --reason 理由），或在文件中删去它，再由具备该角色的人签（{sign}）；角色和任期在 people.yaml 中，没有 houqin 命令编辑它。",
        "The signer may withdraw it (houqin unsign ID --as STEP --by SIGNER --reason WHY), or delete it in the file, and have someone holding the role sign ({sign}); roles and their dates are in people.yaml, which no houqin command edits.",
    ),
    "SIG002": Message(
        E,
        "{by} 在 {on} 不在职，签字无效",
        "{by} was not on the staff on {on}; the signature is void",
        "离职或尚未入职人员不能签字；签字人可撤回这条签字（houqin unsign ID --as 环节 --by 签字人 --reason 理由），或在文件中删去它，再由在职人员签（{sign}）。",
        "People who have left (or not yet joined) cannot sign, and the signer may withdraw it (houqin unsign ID --as STEP --by SIGNER --reason WHY), or delete it in the file, and have someone on the staff sign ({sign}).",
    ),
    "SIG003": Message(
        W,
        "{person} 与 {other} 的姓名看起来一样（异体字、繁简或形近字母）：签字可能被记在错误的人名下",
        "{person} looks the same as {other} (a variant or traditional character, or a look-alike letter): a signature may be put under the wrong name",
        "没有 houqin 命令改 people.yaml 中的姓名：若是同一人，在 people.yaml 中只留一条并把记录中的签名改成它；若是两个人，给其中一人的姓名加区分（如 张伟2），再运行 houqin check signatures。",
        "No houqin command renames a person in people.yaml: if it is one person, keep one entry there and write that name in the records; if two, make one name distinct (e.g. 张伟2), then run houqin check signatures.",
    ),
    "SIG004": Message(
        W,
        "{person} 的姓名中有看不见的字符（{chars}）：看起来一样的名字会被当成另一个人",
        "{person}'s name holds characters that do not show ({chars}): a name that looks the same would be another person",
        "没有 houqin 命令改 people.yaml 中的姓名：在 people.yaml 中删去这些字符（多半是从网页或聊天软件复制带来的），再运行 houqin check signatures。",
        "No houqin command renames a person in people.yaml: delete these characters there (usually pasted in from a web page or a chat), then run houqin check signatures.",
    ),
    # --- keys (docs/signatures.md)
    "KEY001": Message(
        E,
        "{by} 的 {step} 签字须用密钥签（policy.signatures.require_keys），此处只有姓名",
        "{by}'s {step} signature must be made by key (policy.signatures.require_keys); this one is only a typed name",
        "由 {by} 本人用自己的密钥签：{sign} --key 私钥文件（尚未登记密钥的，先 houqin key add）；已写进文件的只有姓名的签字，签字人可先撤回（houqin unsign ID --as 环节 --by 签字人 --reason 理由）或在文件中删去，再用密钥签。",
        "Have {by} sign with their own key: {sign} --key KEYFILE (a key not yet registered: houqin key add first); a typed signature already in the file is first withdrawn by its signer (houqin unsign ID --as STEP --by SIGNER --reason WHY) or deleted there, then signed by key.",
    ),
    "KEY002": Message(
        E,
        "{by} 的 {step} 签名不是 houqin 的 SSH 签名（无法读取，或不属于 houqin 命名空间）",
        "{by}'s {step} signature is not a houqin SSH signature (unreadable, or of another namespace)",
        "没有 houqin 命令可修补签名：在文件中删去这条签字，再由 {by} 本人签：{sign} --key 私钥文件。",
        "No houqin command repairs a signature: delete this one in the file and have {by} sign again: {sign} --key KEYFILE.",
    ),
    "KEY003": Message(
        E,
        "{by} 的 {step} 签名所用密钥 {fp} 不是 {by} 在 {on} 有效的已登记密钥",
        "{by}'s {step} signature is made with key {fp}, which is not a registered key of {by} valid on {on}",
        "签名须用签字人本人当日有效的密钥：先登记密钥（houqin key add --person {by} --file 公钥文件），再删去这条签字，由本人重签：{sign} --key 私钥文件。",
        "A signature must be made with the signer's own key valid that day: register it (houqin key add --person {by} --file KEY.pub), delete this signature and have {by} sign again: {sign} --key KEYFILE.",
    ),
    "KEY004": Message(
        E,
        "{by} 的 {step} 签名与单据现状不符：签字后单据内容或此前的签字被改动",
        "{by}'s {step} signature does not match the record as it stands: the record or a signature before it changed after signing",
        "签字后不得改动单据，也没有 houqin 命令修改已签的单据：用 git log -p 查出改动并恢复原样；若改动是对的，删去此后的签字，由各人重签（{sign} --key 私钥文件）。",
        "A signed record must not change and no houqin command edits one: find the change with git log -p and undo it; if the change is right, delete the signatures after it and have each signer sign again ({sign} --key KEYFILE).",
    ),
    "KEY005": Message(
        E,
        "{by} 的 {step} 签字早于 {missing}：须按顺序签",
        "{by} signed {step} before {missing}: the steps are signed in order",
        "没有 houqin 命令调换签字顺序：在文件中删去这条签字，待 {missing} 签后再签：{sign} --key 私钥文件。",
        "No houqin command reorders signatures: delete this one in the file, and sign again once {missing} has signed: {sign} --key KEYFILE.",
    ),
    "KEY006": Message(
        E,
        "{person} 的密钥 {fp} 的登记或撤销未经校长密钥签署",
        "the registration or revocation of {person}'s key {fp} is not signed by the principal's key",
        "密钥只能由 houqin key add / houqin key revoke 在校长密钥签署下登记或撤销（people.yaml 没有 houqin 命令可手改）：删去这一条，再运行 houqin key add --person {person} --file 公钥文件 --key 校长私钥文件。",
        "Keys are registered and revoked only by houqin key add / houqin key revoke under the principal's key (no houqin command edits people.yaml by hand): delete this entry and run houqin key add --person {person} --file KEY.pub --key PRINCIPAL_KEYFILE.",
    ),
    "KEY007": Message(
        E,
        "{person} 的密钥行无法读取（应为 OpenSSH 公钥行：ssh-ed25519 AAAA… 备注）",
        "{person}'s key line cannot be read (an OpenSSH public key line is expected: ssh-ed25519 AAAA… comment)",
        "没有 houqin 命令手改 people.yaml：删去这一条，再用 houqin key add --person {person} --file 公钥文件 登记（公钥文件是 ssh-keygen 生成的 .pub）。",
        "No houqin command edits people.yaml by hand: delete this entry and register the key with houqin key add --person {person} --file KEY.pub (the .pub that ssh-keygen wrote).",
    ),
    "KEY008": Message(
        E,
        "{person} 的密钥类型 {type} 不受支持（只接受 ssh-ed25519 和 sk-ssh-ed25519@openssh.com）",
        "{person}'s key type {type} is not supported (only ssh-ed25519 and sk-ssh-ed25519@openssh.com)",
        "用 ssh-keygen -t ed25519（或硬件密钥 -t ed25519-sk）生成新密钥，删去这一条，再用 houqin key add --person {person} --file 公钥文件 登记。",
        "Make a new key with ssh-keygen -t ed25519 (or -t ed25519-sk for a hardware key), delete this entry and register it with houqin key add --person {person} --file KEY.pub.",
    ),
    "KEY009": Message(
        W,
        "{by} 的 {step} 签字只有姓名，未用密钥签",
        "{by}'s {step} signature is only a typed name, not made by key",
        "本校政策尚不要求此签字用密钥；要补上：在文件中删去这条签字，再由 {by} 本人签：{sign} --key 私钥文件。",
        "The school's policy does not yet require this signature by key; to make it one, delete it in the file and have {by} sign: {sign} --key KEYFILE.",
    ),
    "KEY011": Message(
        E,
        "{by} 在 {on} 撤回 {step} 签字，未用本人有效的密钥签署",
        "{by} withdrew the {step} signature on {on} without signing it with their own valid key",
        "撤回签字须由签字人本人用密钥签署：在文件中删去这条撤回记录并恢复原签字，再由本人撤回：houqin unsign {id} --as {step_key} --by {by} --reason 理由 --key 私钥文件。",
        "A signature is withdrawn by its signer, by key: delete this withdrawal in the file, put the signature back, and have the signer withdraw it: houqin unsign {id} --as {step_key} --by {by} --reason WHY --key KEYFILE.",
    ),
    "KEY010": Message(
        INFO,
        "本校尚未要求用密钥签字（policy.signatures.require_keys: false）；尚无密钥的负责人：{officers}；其他教职工 {others} 人",
        "this school does not yet require signatures by key (policy.signatures.require_keys: false); officers with no key yet: {officers}; {others} others on the staff",
        "先由校长登记第一把密钥（houqin key add --person 校长姓名 --file 公钥文件 --anchor），再为其他人登记（houqin key add --person 姓名 --file 公钥文件 --key 校长私钥）；houqin.yaml 的 require_keys 没有 houqin 命令可改，由学校决定后在文件中写明。",
        "Register the principal's first key (houqin key add --person NAME --file KEY.pub --anchor), then the others' (houqin key add --person NAME --file KEY.pub --key KEYFILE); no houqin command edits require_keys in houqin.yaml: the school decides and writes it there.",
    ),
    # --- separation of duties
    "SOD001": Message(
        E,
        "{by} 同时签了 {step} 和 {other}",
        "{by} signed both as {step} and as {other}",
        "同一单据的各环节由不同的人签字（报销单的经手人、证明人、审批人是三个人）；签字人可撤回这条签字（houqin unsign ID --as 环节 --by 签字人 --reason 理由），或在文件中删去它，再由另一人签（{sign}）。",
        "Each step of a record is signed by a different person (a claim's handler, witness and approver are three), and the signer may withdraw it (houqin unsign ID --as STEP --by SIGNER --reason WHY), or delete it in the file, and have another person sign ({sign}).",
    ),
    "SOD002": Message(
        E,
        "出纳 {by} 不能作为 {step} 签字",
        "the cashier {by} may not sign as {step}",
        "出纳只管付款，不作证明也不审批；签字人可撤回这条签字（houqin unsign ID --as 环节 --by 签字人 --reason 理由），或在文件中删去它，再由他人签（{sign}）。",
        "The cashier pays and neither witnesses nor approves, and the signer may withdraw it (houqin unsign ID --as STEP --by SIGNER --reason WHY), or delete it in the file, and have someone else sign ({sign}).",
    ),
    "SOD003": Message(
        E,
        "{by} 审批了自己的申请",
        "{by} approved their own request",
        "本人的申请须由他人审批；签字人可撤回这条签字（houqin unsign ID --as 环节 --by 签字人 --reason 理由），或在文件中删去它，再由他人签（{sign}）。校长本人的申请由副校长代签（policy.signatures.own_requests），并附领导班子会议记录或上级批复（houqin expense add --meeting-on 日期 --attendee 姓名 --decision 决定，或 --authority 文号）。",
        "Someone else must approve one's own request, and the signer may withdraw it (houqin unsign ID --as STEP --by SIGNER --reason WHY), or delete it in the file, and have someone else sign ({sign}). The principal's own request is signed for by the vice-principal (policy.signatures.own_requests), with the leadership meeting or the superior's approval on it (houqin expense add --meeting-on DAY --attendee NAME --decision TEXT, or --authority NUMBER).",
    ),
    "SOD004": Message(
        E,
        "{person} 同时担任会计和出纳：会计出纳须分设",
        "{person} holds both the accountant's and the cashier's role: they must be different people",
        "没有 houqin 命令编辑 people.yaml 的角色：在 people.yaml 中把其中一个角色交给另一人（或用 since/until 写明任期不重叠），再运行 houqin check separation-of-duties。",
        "No houqin command edits roles in people.yaml: give one of the roles to someone else there (or make their periods not overlap with since/until), then run houqin check separation-of-duties.",
    ),
    "SOD005": Message(
        E,
        "出纳 {by} 付了自己签过 {step} 的 {id}",
        "the cashier {by} paid {id}, which they signed as {step}",
        "出纳只付别人签批的单据；付款和已付单据的签字都没有 houqin 命令可撤销（houqin unsign 不撤已付单据的签字）：请校长核查这笔付款，以后由未在单据上签字的出纳付款。",
        "The cashier pays only what others signed; no houqin command withdraws a payment or a paid record's signature (houqin unsign refuses once paid): have the principal review the payment, and let a cashier who signed nothing pay in future.",
    ),
    "SOD006": Message(
        E,
        "{id} 是校长本人的申请，由 {by} 代签校长环节，但单据上 {fields} 都没有填写（policy.signatures.own_requests）",
        "{id} is the principal's own request, signed for the principal by {by}, but it carries no {fields} (policy.signatures.own_requests)",
        "校长本人的报销、借款、请购须经领导班子集体研究或上级批准：录入时用 houqin expense add（或 houqin advance request、houqin purchase request）的 --meeting-on 日期 --attendee 姓名 --decision 决定，或 --authority 批复文号 记下；已录入的单据在文件中补上 meeting: 或 authority:，代签人撤回后重签（houqin unsign ID --as principal --by 姓名 --reason 理由）。",
        "The principal's own claims, advances and purchases need the leadership's collective decision or the superior's approval: record it with --meeting-on DAY --attendee NAME --decision TEXT, or --authority NUMBER, of houqin expense add (or houqin advance request, houqin purchase request); for a record already entered, add meeting: or authority: in the file and have the signer withdraw and sign again (houqin unsign ID --as principal --by NAME --reason WHY).",
    ),
    "SOD007": Message(
        E,
        "{id} 的领导班子会议在 {on}，晚于代签校长环节的 {signed}：须先集体研究，后签字",
        "{id}'s leadership meeting was on {on}, after the principal's step was signed for on {signed}: the decision comes first",
        "代签人撤回签字（houqin unsign ID --as principal --by 姓名 --reason 理由），在会议之后再签（houqin expense sign ID --as principal --by 姓名 --key 私钥文件）；或补上上级批复文号（authority:）。",
        "Have the signer withdraw (houqin unsign ID --as principal --by NAME --reason WHY) and sign after the meeting (houqin expense sign ID --as principal --by NAME --key KEYFILE); or add the superior's approval number (authority:).",
    ),
    # --- invoices
    "INV001": Message(
        E,
        "发票号码 {number} 格式不对",
        "invoice number {number} is malformed",
        "数电票为 20 位数字，旧版为 10 或 12 位代码-8 位号码：登记时 houqin expense add --invoice 号码；已写入的发票号没有 houqin 命令可改，在文件中改正。",
        "A fully digital invoice has 20 digits, an older one CODE-NUMBER (10 or 12 digits, then 8): houqin expense add --invoice NUMBER; no houqin command edits a number already written, so correct it in the file.",
    ),
    "INV002": Message(
        E,
        "发票 {number} 已在 {other} 报销过",
        "invoice {number} was already claimed in {other}",
        "同一张发票不能报销两次：换一张未报销的发票登记（houqin expense add --invoice 号码）；已写入的单据没有 houqin 命令可改，在文件中删去或改正。",
        "An invoice can be claimed only once: claim with an unused invoice (houqin expense add --invoice NUMBER); no houqin command edits a claim already written, so remove or correct it in the file.",
    ),
    "INV003": Message(
        E,
        "发票日期 {invoice_date} 晚于报销日期 {date}",
        "invoice date {invoice_date} is after the claim date {date}",
        "发票应在报销之前开具：登记时核对 houqin expense add --invoice-date 和 --date；已写入的单据没有 houqin 命令可改，在文件中改正。",
        "The invoice is issued before the claim: check houqin expense add --invoice-date and --date; no houqin command edits a claim already written, so correct it in the file.",
    ),
    "INV004": Message(
        E,
        "发票日期 {invoice_date} 距报销日期已 {days} 天，超过 {limit} 天期限",
        "invoice of {invoice_date} is {days} days old at the claim, over the {limit}-day limit",
        "过期发票不得入账（期限为 houqin.yaml 的 policy.invoice_max_age_days，没有 houqin 命令编辑它）：换一张有效发票再报销（houqin expense add --invoice）。",
        "Expired invoices are not accepted (the limit is houqin.yaml policy.invoice_max_age_days, which no houqin command edits): claim with a valid invoice (houqin expense add --invoice).",
    ),
    "INV005": Message(
        E,
        "发票金额合计 {total} 与报销金额 {amount} 不符",
        "invoices total {total}, but the claim is for {amount}",
        "发票金额合计应等于报销金额：登记时核对 houqin expense add --amount 和发票；已写入的单据没有 houqin 命令可改，在文件中改正。",
        "The invoices add up to the claim: check houqin expense add --amount against them; no houqin command edits a claim already written, so correct it in the file.",
    ),
    # --- assets
    "AST001": Message(
        E,
        "{asset} 已全部报废/转让/报损，{id} 不能再对它登记",
        "{asset} has left the books; {id} cannot act on it",
        "报废、转让、报损之后的资产不再有任何变动（houqin asset show {asset} 可查其历史）；没有 houqin 命令撤销这条登记，在文件中删去。",
        "Nothing happens to an asset after it leaves the books (houqin asset show {asset} gives its history); no houqin command withdraws this record, so delete it in the file.",
    ),
    "AST002": Message(
        E,
        "{id} 要动用 {asset} 的 {wanted} 件，但{place}处只有 {have} 件可用",
        "{id} wants {wanted} of {asset}, but only {have} are available ({place})",
        "核对数量和地点（houqin asset show {asset}），再用 --quantity 和 --from-place 写明（如 houqin asset move {asset} --quantity 数量 --from-place 地点）。",
        "Check the quantity and place (houqin asset show {asset}), then give them (e.g. houqin asset move {asset} --quantity N --from-place PLACE).",
    ),
    "AST003": Message(
        E,
        "{asset} 分放在多个地点（{places}），{id} 须写明调出地点(from_place)",
        "{asset} is in several places ({places}); {id} must name from_place",
        "用 --from-place 指明从哪里调出，如 houqin asset move {asset} --from-place 地点。",
        "Say where it is taken from: e.g. houqin asset move {asset} --from-place PLACE.",
    ),
    "AST004": Message(
        E,
        "{asset} 有 {lent} 件借出未还，{id} 要动用 {wanted} 件，只有 {have} 件在库",
        "{asset} has {lent} out on loan; {id} wants {wanted} but only {have} are in",
        "借出的资产先归还销号（houqin asset return {asset}），再调拨、借出或处置。",
        "Lent items are returned first (houqin asset return {asset}), then moved, lent or disposed of.",
    ),
    "AST005": Message(
        E,
        "{id} 的 {step} 签字人是 {by}，应为 {expected}",
        "{id} is signed as {step} by {by}, but that is {expected}'s to sign",
        "调拨由移交的保管人和接收的保管人签字；签字人可撤回这条签字（houqin unsign ID --as 环节 --by 签字人 --reason 理由），或在文件中删去它，再由 {expected} 签：houqin sign {id} --as {step_key} --by {expected}。",
        "A move is signed by the keeper who gives and the keeper who receives, and the signer may withdraw it (houqin unsign ID --as STEP --by SIGNER --reason WHY), or delete it in the file; then houqin sign {id} --as {step_key} --by {expected}.",
    ),
    "AST006": Message(
        E,
        "{id} 处置价值 {value} 元，超过 {threshold} 元，须有主管部门批复文号(authority)",
        "{id} disposes of {value}, above {threshold}: it needs the authority's approval (authority)",
        "处置时写明上级主管部门或财政部门的批复文号：houqin asset scrap 或 houqin asset transfer 的 --authority 文号；已写入的处置记录没有 houqin 命令可改，在文件中补上 authority。",
        "Give the reference of the bureau's approval when disposing: --authority REF of houqin asset scrap or houqin asset transfer; no houqin command edits a disposal already written, so add authority in the file.",
    ),
    "AST007": Message(
        E,
        "地点 {place} 的保管人 {name} 已于 {left} 离校",
        "the keeper of {place}, {name}, left on {left}",
        "在 places.yaml 中指定新的保管人（没有 houqin 命令编辑它），并把资产交接给他：houqin asset move 资产编号 --to-keeper 姓名。",
        "Name a new keeper in places.yaml (no houqin command edits it) and hand the assets over: houqin asset move ASSET --to-keeper NAME.",
    ),
    "AST008": Message(
        W,
        "资产分类 {code} {name} 在 {edition} 中是一个大类，下面还有末级分类（如 {leaves}）：资产应登记到末级分类",
        "asset category {code} {name} is a class in {edition}, with finer classes under it (e.g. {leaves}): assets are registered under a leaf",
        "没有 houqin 命令修改 catalog.yaml 的资产分类：在 catalog.yaml 的 asset_categories 中把 {code} 改为末级代码，并把用它的资产卡片的 category 一并改（git grep {code} 找出它们），再运行 houqin check；所附代码表见 docs/assets.md。",
        "No houqin command edits catalog.yaml's categories: change {code} to a leaf code under asset_categories in catalog.yaml and the category of the asset cards that use it (git grep {code} finds them), then run houqin check; docs/assets.md lists the codes it knows.",
    ),
    "AST009": Message(
        W,
        "资产分类 {code} 写作 {name}，但 {edition} 中 {code} 是 {theirs}；{name} 在该版中的代码是 {new}",
        "asset category {code} is written as {name}, but in {edition} {code} is {theirs}; {name} is {new} in that edition",
        "没有 houqin 命令修改 catalog.yaml 的资产分类：在 catalog.yaml 中把 {name} 的代码由 {code} 改为 {new}，并把用它的资产卡片的 category 一并改（git grep {code}），再运行 houqin check。",
        "No houqin command edits catalog.yaml's categories: change {name}'s code from {code} to {new} in catalog.yaml and on the asset cards that use it (git grep {code}), then run houqin check.",
    ),
    "DEP001": Message(
        E,
        "{name} 于 {left} 离校，但仍保管或借用 {count} 项资产：{ids}",
        "{name} left on {left} still keeping or borrowing {count} assets: {ids}",
        "教师调离前须交结公物：houqin asset list --keeper {name} 列出，再调拨（houqin asset move 资产编号 --to-keeper 姓名）或归还（houqin asset return 借用编号）。",
        "Before leaving, hand everything over: houqin asset list --keeper {name} lists it; then move (houqin asset move ASSET --to-keeper NAME) or return it (houqin asset return LOAN).",
    ),
    "LOAN001": Message(
        W,
        "{id}：{borrower} 借用逾期 {days} 天（应于 {due} 归还；遇节假日顺延，节假日不计）",
        "{id}: {borrower} is {days} days late (due {due}; moved past days off, holidays not counted)",
        "催还，或登记归还：houqin asset return {id}。",
        "Ask for it back, or record the return: houqin asset return {id}.",
    ),
    "LOAN002": Message(
        E,
        "{id} 的归还日期 {on} 早于借出日期 {date}",
        "{id} was returned on {on}, before it was lent on {date}",
        "归还日期不能早于借出日期：登记时 houqin asset return {id} --on 日期；已写入的没有 houqin 命令可改，在文件中改正。",
        "A return cannot predate the loan: houqin asset return {id} --on DAY; no houqin command edits a return already written, so correct it in the file.",
    ),
    "LOAN003": Message(
        E,
        "{id} 的应还日期 {due} 早于借出日期 {date}",
        "{id} is due on {due}, before it was lent on {date}",
        "应还日期须晚于借出日期：登记时 houqin asset loan 资产编号 --due 日期；已写入的没有 houqin 命令可改，在文件中改正。",
        "The due day follows the loan: houqin asset loan ASSET --due DAY; no houqin command edits a loan already written, so correct it in the file.",
    ),
    # --- repairs
    "REP001": Message(
        E,
        "{id} 已维修完毕，但缺少报修人 {reporter} 的验收签字",
        "{id} is closed without the acceptance signature of its reporter {reporter}",
        "维修完毕由报修人验收签字：houqin sign {id} --as acceptor --by {reporter}。",
        "The reporter signs the repair off: houqin sign {id} --as acceptor --by {reporter}.",
    ),
    "REP002": Message(
        W,
        "{id} 报修已 {days} 天仍未修复（期限 {limit} 天，节假日不计）",
        "{id} has been open {days} days (limit {limit}, holidays not counted)",
        "督促维修，或登记完工：houqin repair close {id}。",
        "Chase the repair, or close it: houqin repair close {id}.",
    ),
    "REP003": Message(
        E,
        "{id} 没有写明报修的资产或地点",
        "{id} names neither an asset nor a place",
        "报修时写明资产或地点：houqin repair open --asset 资产编号 或 --place 地点；已写入的报修单没有 houqin 命令可改，在文件中补上 asset 或 place。",
        "A ticket names the asset or the place: houqin repair open --asset ASSET or --place PLACE; no houqin command edits a ticket already written, so add asset or place in the file.",
    ),
    "REP004": Message(
        E,
        "{id} 的完工日期 {on} 早于报修日期 {date}",
        "{id} was done on {on}, before it was reported on {date}",
        "完工日期不能早于报修日期：houqin repair close {id} --on 日期；已写入的没有 houqin 命令可改，在文件中改正。",
        "A repair is done after it is reported: houqin repair close {id} --on DAY; no houqin command edits a ticket already closed, so correct it in the file.",
    ),
    # --- damage
    "DMG001": Message(
        E,
        "{id} 核定赔偿 {amount} 元，超过资产账面净值 {value} 元，且未说明理由",
        "{id} assesses {amount}, above the asset's book value {value}, with no reason",
        "赔偿一般不超过账面净值；如需超过，核定时说明理由：houqin damage assess {id} --amount 金额 --reason 理由。",
        "Compensation stays within book value unless a reason is given: houqin damage assess {id} --amount AMOUNT --reason TEXT.",
    ),
    "DMG002": Message(
        E,
        "{id} 免于赔偿，但没有校长的批准签字",
        "{id} is waived without the principal's signature",
        "免赔须经校长批准：houqin sign {id} --as principal --by 校长姓名。",
        "A waiver needs the principal: houqin sign {id} --as principal --by NAME.",
    ),
    "DMG003": Message(
        E,
        "{id} 已赔付，但赔款没有记入收入：赔款须开收据并入账（不设账外账）",
        "{id} is paid, but the payment is booked as no income: compensation is receipted and booked",
        "先登记赔款收入（houqin income add compensation --damage {id} --amount 金额 --receipt 收据号），再结案时注明（houqin damage settle {id} --how paid --income 收入编号）；已结案的 houqin damage settle 不再接受，没有 houqin 命令可补：在文件的 settled 中补上 income。",
        "Book the payment first (houqin income add compensation --damage {id} --amount AMOUNT --receipt NUMBER) and name it when settling (houqin damage settle {id} --how paid --income ID); houqin damage settle refuses a case already settled, so no houqin command adds it: give settled its income in the file.",
    ),
    "DMG004": Message(
        E,
        "{id} 未经核定即已结案",
        "{id} is settled without an assessment",
        "已结案的不能再核定（houqin damage assess 会拒绝），没有 houqin 命令可补：在文件中补上 assessed；以后先 houqin damage assess {id} --amount 金额，再结案。",
        "A settled case cannot be assessed (houqin damage assess refuses), so no houqin command adds it: add assessed in the file; assess first with houqin damage assess {id} --amount AMOUNT, then settle.",
    ),
    "DMG005": Message(
        E,
        "{id} 的赔款记为收入 {income}，但该收入不存在、不是赔偿收入或没有注明本案",
        "{id} names {income} as its payment, which is no compensation income for this case",
        "赔偿收入须注明赔偿案（houqin income add compensation --damage {id}）；已写入的记录没有 houqin 命令可改，在文件中改正 settled.income。",
        "Compensation income names its case (houqin income add compensation --damage {id}); no houqin command edits a record already written, so correct settled.income in the file.",
    ),
    "DMG006": Message(
        E,
        "{id} 赔付 {amount} 元、收据 {receipt}，但收入 {income} 记的是 {booked} 元、收据 {booked_receipt}",
        "{id} was paid {amount} under receipt {receipt}, but income {income} books {booked} under receipt {booked_receipt}",
        "赔款全额入账、收据号一致：核对收据后更正（houqin income add compensation --damage {id} --amount 金额 --receipt 收据号 补记差额）；已写入的记录没有 houqin 命令可改，在文件中改正。",
        "Compensation is booked in full under its receipt: check the receipt (houqin income add compensation --damage {id} --amount AMOUNT --receipt NUMBER for a difference); no houqin command edits a record already written, so correct it in the file.",
    ),
    # --- stock
    "STK001": Message(
        E,
        "{id} 领用 {item} {quantity}，但 {date} 库存只有 {have}：库存不能为负",
        "{id} issues {quantity} of {item}, but only {have} were in stock on {date}: stock never goes below zero",
        "先登记入库（houqin stock in 物品 --quantity 数量），或核对领用数量和日期（houqin stock balance --at 日期）。",
        "Record the receipt first (houqin stock in ITEM --quantity N), or check the quantity and the day (houqin stock balance --at DAY).",
    ),
    "STK002": Message(
        E,
        "{id} 领用{category} {item} 未经主管领导审批",
        "{id} issues {item} ({category}) without the supervisor's approval",
        "复印和油印用品须主管审批：领用时 houqin stock out 物品 --approved-by 主管领导姓名；已写入的领用单没有 houqin 命令可补审批，在文件中补上。",
        "Printing supplies need the supervisor: houqin stock out ITEM --approved-by NAME; no houqin command adds an approval to an issue already written, so add it in the file.",
    ),
    "STK003": Message(
        E,
        "{id} 入库来源 {origin} 不清楚：应为请购单号（CG-…）、盘点单号（PD-…）或 {allowed}",
        "{id} comes from {origin}, which is not a clear source: a purchase (CG-…), a stocktake (PD-…) or {allowed}",
        "来源去向清楚：houqin stock in 物品 --origin 请购单号（CG-…）或 houqin.yaml policy.stock_origins 中的来源；已写入的记录没有 houqin 命令可改，在文件中改正。",
        "Name a clear source: houqin stock in ITEM --origin PURCHASE (CG-…) or a source listed in houqin.yaml policy.stock_origins; no houqin command edits a record already written, so correct it in the file.",
    ),
    "STK004": Message(
        W,
        "{department} 本学期（{term}）已领 {item} {issued}，超过定额 {quota}（{id}）",
        "{department} has drawn {issued} of {item} this term ({term}), above its quota of {quota} ({id})",
        "物品发放按需、定额：核实用途（houqin stock out --purpose）；定额在 houqin.yaml 的 policy.quotas 中，没有 houqin 命令编辑它。",
        "Issue by need: check the purpose (houqin stock out --purpose); quotas are in houqin.yaml policy.quotas, which no houqin command edits.",
    ),
    "STK005": Message(
        E,
        "入库单 {id} 只有验收人 {acceptor}，没有证明人签字：物品入库须验收人和证明人两人签字",
        "stock-in {id} has its acceptor {acceptor} but no witness: goods come into stock signed by an acceptor and a witness",
        "入库时请证明人到场签字：houqin stock in 物品 --acceptor 验收人 --witness 证明人；已写入的入库单由证明人补签：houqin sign {id} --as witness --by 证明人。",
        "Have a witness sign the receipt: houqin stock in ITEM --acceptor NAME --witness NAME; for one already written the witness signs it: houqin sign {id} --as witness --by NAME.",
    ),
    "STK006": Message(
        E,
        "入库单 {id} 的验收人和证明人是同一人 {by}",
        "stock-in {id} is accepted and witnessed by the same person, {by}",
        "证明人须是另一人：证明人撤回签字（houqin unsign {id} --as witness --by {by} --reason 原因），再由他人签：houqin sign {id} --as witness --by 证明人。",
        "The witness is someone else: the witness withdraws (houqin unsign {id} --as witness --by {by} --reason WHY) and another signs: houqin sign {id} --as witness --by NAME.",
    ),
    "STK007": Message(
        E,
        "入库单 {id} 由送货人 {by} 验收或证明：供货方的人不能为自己的货签收",
        "stock-in {id} is accepted or witnessed by {by}, who delivered it for the supplier",
        "由学校的人验收和证明（houqin stock in 物品 --acceptor 验收人 --witness 证明人）；已写入的记录没有 houqin 命令可改验收人，在文件中改正，证明人可撤回（houqin unsign {id} --as witness --by {by} --reason 原因）。",
        "The school's own people accept and witness (houqin stock in ITEM --acceptor NAME --witness NAME); no houqin command changes the acceptor of a record already written, so correct it in the file; a witness may withdraw (houqin unsign {id} --as witness --by {by} --reason WHY).",
    ),
    # --- purchases
    "PUR001": Message(
        E,
        "请购单 {id} 估价 {amount} 元，验收前缺少{step}审批",
        "purchase {id} ({amount} yuan) was accepted without the {step} approval",
        "已验收的请购单不再接受审批（houqin purchase approve 会拒绝），所以没有 houqin 命令可补：请校长核查这次采购；以后先审批（houqin purchase approve {id} --as {step_key}）再验收。",
        "An accepted purchase takes no more approvals (houqin purchase approve refuses), so no houqin command can add this one: have the principal review the purchase; approve (houqin purchase approve {id} --as {step_key}) before accepting.",
    ),
    "PUR002": Message(
        E,
        "请购单 {id} 的{step}审批日期 {on} 晚于验收日期 {accepted}",
        "purchase {id}: the {step} approval on {on} comes after the acceptance on {accepted}",
        "审批须在采购之前；已验收的请购单没有 houqin 命令可改审批，请校长核查：以后先 houqin purchase approve {id} --as {step_key}，再 houqin purchase accept。",
        "Approve before buying; no houqin command changes the approvals of an accepted purchase, so have the principal review it: houqin purchase approve {id} --as {step_key} comes before houqin purchase accept.",
    ),
    "PUR003": Message(
        E,
        "请购单 {id} 估价 {amount} 元，达到 {threshold} 元须三家报价（货比三家），校长审批前只有 {quotes} 家",
        "purchase {id} ({amount} yuan) needs three quotes above {threshold} yuan; it has {quotes} before the principal's approval",
        "校长审批前登记三家不同供应商的报价：houqin purchase quote {id} --supplier 供应商 --amount 金额 --on 日期。",
        "Record three quotes from different suppliers before the principal approves: houqin purchase quote {id} --supplier NAME --amount AMOUNT --on DAY.",
    ),
    "PUR004": Message(
        E,
        "请购单 {id} 估价 {amount} 元，达到 {threshold} 元须三重一大集体决策，缺少会议记录",
        "purchase {id} ({amount} yuan) is above {threshold} yuan and needs a collective decision (meeting record)",
        "登记集体决策会议：houqin purchase meeting {id} --on 日期 --attendee 姓名 --decision 决定。",
        "Record the collective decision: houqin purchase meeting {id} --on DAY --attendee NAME --decision TEXT.",
    ),
    "PUR005": Message(
        E,
        "请购单 {id} 的集体决策会议出席领导 {present} 人，不足应到 {leaders} 人的 {quorum}",
        "purchase {id}: {present} of {leaders} leaders attended the meeting, below the quorum of {quorum}",
        "三重一大须达到法定人数：补开会议并登记出席人员（houqin purchase meeting {id} --attendee 姓名），或核对出席名单。",
        "A collective decision needs a quorum: hold and record the meeting again (houqin purchase meeting {id} --attendee NAME), or check the attendance.",
    ),
    "PUR006": Message(
        E,
        "请购单 {id} 的集体决策会议（{on}）晚于校长审批（{approved}）",
        "purchase {id}: the meeting ({on}) comes after the principal's approval ({approved})",
        "先集体决策，后审批：会议（houqin purchase meeting {id} --on 日期）须早于校长审批（houqin purchase approve {id} --as principal）；已写入的日期没有 houqin 命令可改，在文件中改正。",
        "Decide collectively, then approve: the meeting (houqin purchase meeting {id} --on DAY) comes before the principal's approval (houqin purchase approve {id} --as principal); no houqin command edits dates already written.",
    ),
    "PUR007": Message(
        E,
        "请购单 {id} 的验收人和证明人是同一人 {by}",
        "purchase {id}: acceptor and witness are the same person, {by}",
        "验收须有验收人和另一名证明人：houqin purchase accept {id} --acceptor 姓名 --witness 另一人；已验收的请购单 houqin purchase accept 不再接受，没有 houqin 命令可改，请校长核查。",
        "Acceptance needs an acceptor and a different witness: houqin purchase accept {id} --acceptor NAME --witness OTHER; houqin purchase accept refuses a purchase already accepted, so no houqin command changes it: have the principal review it.",
    ),
    "PUR008": Message(
        E,
        "{id} 于 {date} 按请购单 {purchase} 入账，但该请购单此前没有验收",
        "{id} is booked on {date} against purchase {purchase}, which had not been accepted by then",
        "先验收（houqin purchase accept {purchase}），再入库或登记资产。",
        "Accept the goods first (houqin purchase accept {purchase}), then book them.",
    ),
    "PUR009": Message(
        E,
        "报销单 {id}（{date}）报销请购单 {purchase} 的物品，但物品此前没有验收",
        "claim {id} ({date}) pays for purchase {purchase}, whose goods had not been accepted by then",
        "物品验收入库后方可报销：先 houqin purchase accept {purchase}。",
        "Goods are paid for only after acceptance: houqin purchase accept {purchase} first.",
    ),
    "PUR010": Message(
        E,
        "{id} 按请购单 {purchase} 入库 {item}，但请购单中没有该物品",
        "{id} receives {item} against purchase {purchase}, which does not list it",
        "核对物品编号（houqin stock in 物品 --origin {purchase}），或另开请购单（houqin purchase request --item 物品）；已写入的记录没有 houqin 命令可改，在文件中改正。",
        "Check the item (houqin stock in ITEM --origin {purchase}), or raise another request (houqin purchase request --item ITEM); no houqin command edits a record already written, so correct it in the file.",
    ),
    "PUR011": Message(
        E,
        "{id} 的发票 {invoice} 开于 {date}，早于请购单 {purchase} 的{step}批准（{approved}）：开支须事先征得同意，不是事后补签",
        "{id}: invoice {invoice} is dated {date}, before {step} approved purchase {purchase} on {approved}: consent comes first, not after the fact",
        "先请购并批准（houqin purchase request、houqin purchase approve CG-… --as principal），再购买；已写入的记录没有 houqin 命令可改：按实际日期在文件中改正，或由校长说明情况后重新办理。",
        "Request and approve first (houqin purchase request, houqin purchase approve CG-… --as principal), then buy; no houqin command edits a record already written: correct the dates in the file to what happened, or have the principal explain and redo it.",
    ),
    "PUR012": Message(
        E,
        "报销单 {id}（科目 {line}，{amount} 元）是物品开支，却没有引用已验收的请购单：物品由后勤统一采购",
        "claim {id} (line {line}, {amount} yuan) pays for goods but names no accepted purchase: goods are bought through the office",
        "先请购、审批、验收（houqin purchase request、houqin purchase accept），报销时引用请购单（houqin expense add --purchase CG-…）；已写入的记录没有 houqin 命令可改，在文件中补上 purchase。",
        "Request, approve and accept the goods first (houqin purchase request, houqin purchase accept), then claim against it (houqin expense add --purchase CG-…); no houqin command edits a record already written, so add purchase in the file.",
    ),
    "PUR013": Message(
        E,
        "资产 {id} 单价 {price} 元，达到固定资产标准 {threshold} 元，却既无请购单，也不是政策列出的来源（{allowed}）",
        "asset {id} costs {price}, at or above the {threshold} threshold, with neither a purchase nor an origin the policy lists ({allowed})",
        "购置的资产经请购验收登记（houqin purchase accept CG-… --place 地点 --keeper 保管人）；受赠、调入等登记时写明来源和凭据（houqin asset add --origin 捐赠 --document 凭据号）；已写入的记录没有 houqin 命令可改，在文件中补上。",
        "Assets bought come through a purchase (houqin purchase accept CG-… --place PLACE --keeper NAME); a donation or transfer in is registered with its origin and document (houqin asset add --origin 捐赠 --document REF); no houqin command edits a record already written, so add it in the file.",
    ),
    "PUR014": Message(
        E,
        "资产 {id} 来源为 {origin}，但没有凭据（捐赠协议、调拨单、盘点单号或期初资产清册）",
        "asset {id} comes from {origin} but names no document (deed of gift, transfer order, count sheet or opening register)",
        "登记时写明凭据：houqin asset add --origin {origin} --document 凭据号；已写入的记录没有 houqin 命令可改，在文件中补上 document。",
        "Name the document when registering: houqin asset add --origin {origin} --document REF; no houqin command edits a record already written, so add document in the file.",
    ),
    # --- finance
    "FIN001": Message(
        E,
        "{account}余额在 {date} 为 {balance} 元：账户余额不能为负",
        "the {account} account stands at {balance} on {date}: no account goes below zero",
        "核对收付款日期和金额；现金不足时先提现（houqin finance transfer bank cash --amount 金额），再付款。",
        "Check the dates and amounts of receipts and payments; draw cash first when it runs short (houqin finance transfer bank cash --amount AMOUNT).",
    ),
    "FIN002": Message(
        E,
        "收入 {id} 中坐支 {amount} 元（{purpose}）：收支两条线，不得坐收坐支",
        "receipt {id} keeps back {amount} yuan for {purpose}: income is banked in full, never spent on the spot",
        "全额入账（houqin income add），支出另行报销（houqin expense add）；已写入的记录没有 houqin 命令可改，在文件中改正。",
        "Bank the whole receipt (houqin income add) and pay the expense through a claim (houqin expense add); no houqin command edits a record already written, so correct it in the file.",
    ),
    "FIN003": Message(
        E,
        "收费 {id} 的收费项目 {item} 在 {date} 前没有经校长批准并公示",
        "fee {id} collects item {item}, which was not approved and published before {date}",
        "先登记收费公示（houqin fee publish --term 学期 --item 项目）并由校长签批（houqin sign 公示编号 --as principal），再收费；任何班级、个人不得擅自收费。",
        "Publish the fee first (houqin fee publish --term TERM --item ITEM) and have the principal approve it (houqin sign NOTICE --as principal); nobody may collect fees on their own.",
    ),
    "FIN004": Message(
        E,
        "收费 {id}（{item}）须写明班级(class)和人数(students)",
        "fee {id} ({item}) must name the class and the number of students",
        "写明收费班级和人数，便于按班核对：houqin income add fee --class 班级 --students 人数；已写入的记录没有 houqin 命令可改，在文件中改正。",
        "Give class and students, so each class can be reconciled: houqin income add fee --class CLASS --students N; no houqin command edits a record already written, so correct it in the file.",
    ),
    "FIN005": Message(
        E,
        "收费 {id} 金额 {amount} 元，与公示标准不符：{students} 人 × {each} 元 = {expected} 元",
        "fee {id} of {amount} yuan does not match the published fee: {students} × {each} = {expected}",
        "按公示标准收费：houqin income add fee --fee-item 项目 --students 人数 --amount 金额；多收的退还，少收的补收；已写入的记录没有 houqin 命令可改，在文件中改正。",
        "Collect the published amount per student: houqin income add fee --fee-item ITEM --students N --amount AMOUNT; refund or collect the difference; no houqin command edits a record already written, so correct it in the file.",
    ),
    "FIN006": Message(
        E,
        "{id} 的现金由 {by} 经手（{date}），但现金只能由出纳员办理",
        "{id}: cash handled by {by} on {date}, but only the cashier handles cash",
        "现金均由出纳员负责办理：由出纳登记收付（houqin income add --by 出纳姓名、houqin expense pay --by 出纳姓名）；已写入的记录没有 houqin 命令可改，在文件中改正。",
        "Only the cashier takes in and pays out cash: record it under the cashier's name (houqin income add --by NAME, houqin expense pay --by NAME); no houqin command edits a record already written, so correct it in the file.",
    ),
    "FIN007": Message(
        E,
        "对账 {id}：{date} {account}实有 {asserted} 元，账面 {books} 元，相差 {difference} 元",
        "balance {id}: {account} on {date} holds {asserted} yuan, the books say {books} ({difference} apart)",
        "查明差额：漏记的收付款、日期或金额错误；现金复点无误的，登记短缺/溢余并报校长决定：houqin finance assert cash 金额 --on 日期 --by 出纳 --record-difference。",
        "Find the difference: a missing receipt or payment, a wrong date or amount; a cash count that stands is recorded with its difference for the principal to decide: houqin finance assert cash AMOUNT --on DAY --by CASHIER --record-difference.",
    ),
    "FIN008": Message(
        W,
        "学期 {term} 食堂收支结余 {result} 元，超过食堂收入 {income} 元的 {share}：食堂应零盈利",
        "term {term}: the canteen's result of {result} yuan is beyond {share} of its income ({income}): it should run at no profit",
        "核对伙食费标准和采购成本，调整伙食标准；食堂收支见 houqin finance report 月份。",
        "Review meal prices and purchase costs; the canteen's figures are in houqin finance report MONTH.",
    ),
    "FIN009": Message(
        W,
        "对账 {id}：{date} 现金{kind} {amount} 元（实点 {counted} 元，账面 {books} 元），尚待校长决定如何处理",
        "count {id}: on {date} the cash shows a {kind_en} of {amount} yuan (counted {counted}, books {books}), awaiting the principal's decision",
        "现金短缺或溢余须查明原因，报校长决定（由出纳赔偿、报批核销、转入其他收入…）：houqin finance decide {id} --by 校长 --decision …。",
        "Find the cause and have the principal decide: houqin finance decide {id} --by PRINCIPAL --decision ….",
    ),
    "FIN010": Message(
        E,
        "对账 {id} 的短缺/溢余由 {by} 决定（{date}），但只有校长能决定",
        "count {id}: the shortage or surplus was decided by {by} on {date}, but only the principal decides it",
        "由校长决定：houqin finance decide {id} --by 校长 --decision …。",
        "The principal decides: houqin finance decide {id} --by PRINCIPAL --decision ….",
    ),
    "FIN011": Message(
        E,
        "对账 {id} 与 {other} 重复：{date} {account}已清点为 {amount} 元",
        "count {id} repeats {other}: {account} was already counted at {amount} yuan on {date}",
        "同一天同一金额的清点只登记一次（houqin finance assert 不要重复运行）；复点结果不同的才另行登记。",
        "Record a count once a day (do not run houqin finance assert twice); record a recount only when it differs.",
    ),
    "FIN015": Message(
        E,
        "{id} 于 {date} 付现金 {amount} 元，备用金不足，其中 {takings} 元付自未送存的现金收入：坐支，收支两条线",
        "{id} pays {amount} in cash on {date}, beyond the float: {takings} of it comes out of takings not yet banked (坐支)",
        "现金收入全额送存银行（houqin finance transfer cash bank --amount 金额），付现金前先提取备用金（houqin finance transfer bank cash --amount 金额）；已写入的记录没有 houqin 命令可改，在文件中改正日期或账户。",
        "Bank the takings in full (houqin finance transfer cash bank --amount AMOUNT) and draw the float before paying cash (houqin finance transfer bank cash --amount AMOUNT); no houqin command edits a record already written, so correct it in the file.",
    ),
    "FIN016": Message(
        E,
        "{id}（{date}）收入的现金尚有 {amount} 元超过 {days} 天未送存银行：现金收入须及时全额送存",
        "{id} ({date}): {amount} of the cash taken in is not banked after {days} days: cash income is banked in full at once",
        "送存银行：houqin finance transfer cash bank --amount 金额 --by 出纳；期限在 houqin.yaml 的 policy.cash_deposit_days，没有 houqin 命令编辑它。",
        "Bank it: houqin finance transfer cash bank --amount AMOUNT --by CASHIER; the limit is houqin.yaml's policy.cash_deposit_days, which no houqin command edits.",
    ),
    "FIN017": Message(
        E,
        "{id} 从{account}付款，却记在公用经费科目 {line}：{account}资金专款专用，只记在本资金的科目（{own}）",
        "{id} is paid from the {account} but booked on the public budget line {line}: that fund is spent on its own lines only ({own})",
        "食堂资金（伙食费）是学生的钱：报销时记在本资金的科目（houqin expense add --budget-line 科目），公用经费的开支从银行存款付；资金的科目在 catalog.yaml 的 accounts.lines 中，没有 houqin 命令编辑它。",
        "The canteen's money is the students': claim it on the fund's own line (houqin expense add --budget-line LINE), public spending from the bank; a fund's lines are catalog.yaml's accounts.lines, which no houqin command edits.",
    ),
    "FIN018": Message(
        E,
        "{id} 从{account}支付“{purpose}”（{word}）：不得以食堂等资金发放福利、奖金或分配结余",
        '{id} pays "{purpose}" ({word}) out of the {account}: a fund never pays welfare, bonuses or its surplus to staff',
        "结余用于改善伙食或退还（houqin expense add 记本资金的科目）；已写入的记录没有 houqin 命令可改，在文件中改正，并由校长说明处理情况。",
        "A surplus goes back into meals or is refunded (houqin expense add on the fund's line); no houqin command edits a record already written, so correct it in the file, with the principal's account of it.",
    ),
    "FIN019": Message(
        W,
        "{month} 食堂收支结余 {result} 元，超过当月食堂收入 {income} 元的 {share}：食堂应零盈利（按月关注）",
        "{month}: the canteen's result of {result} yuan is beyond {share} of its income ({income}): it should run at no profit, month by month",
        "核对当月伙食费和食材成本，下月调整伙食标准；食堂收支见 houqin finance report 月份。",
        "Review the month's board and food costs and adjust next month's meals; the figures are in houqin finance report MONTH.",
    ),
    # --- 代办费 (fees collected on behalf)
    "FEE001": Message(
        W,
        "代办费 {item}（{term}）在学期结束 {days} 天后仍未结算：须多退少补并公示",
        "the fee {item} collected on behalf ({term}) is not settled {days} days after the term's end: refund or top up, and publish",
        "结算并公示：houqin fee settle --term {term} --item 项目 --by 会计 --where 公示地点。",
        "Settle and publish it: houqin fee settle --term {term} --item ITEM --by ACCOUNTANT --where PLACE.",
    ),
    "FEE002": Message(
        E,
        "代办费结算 {id} 记收取 {collected} 元、支出 {spent} 元，与账上的 {books_collected} 元、{books_spent} 元不符",
        "fee settlement {id} states {collected} collected and {spent} spent; the books hold {books_collected} and {books_spent}",
        "结算须与账相符：补记漏记的收费或支出后重新结算（houqin fee settle --term 学期 --item 项目 --by 会计 --where 地点）；已写入的结算没有 houqin 命令可改，在文件中删去后重新结算。",
        "A settlement states the books: book what is missing, then settle again (houqin fee settle --term TERM --item ITEM --by ACCOUNTANT --where PLACE); no houqin command edits a settlement already written, so delete it in the file and settle again.",
    ),
    "FEE003": Message(
        E,
        "代办费结算 {id} 中 {klass} 的多退少补与账不符：应退 {refund} 元、应补 {top_up} 元",
        "fee settlement {id}: {klass}'s refund or top-up disagrees with the books: refund {refund}, top up {top_up}",
        "按人数分摊支出、多退少补：在文件中删去该结算后重新结算（houqin fee settle --term 学期 --item 项目 --by 会计 --where 地点）。",
        "Spending is shared by head, refunded or topped up: delete the settlement in the file and settle again (houqin fee settle --term TERM --item ITEM --by ACCOUNTANT --where PLACE).",
    ),
    "FEE004": Message(
        E,
        "学期 {term} 公示的收费每生合计 {total} 元，超过一费制限额 {limit} 元",
        "term {term}: the fees published come to {total} per student, above the 一费制 limit of {limit}",
        "一费制：每生每学期收费不超过省定限额，减少项目后重新公示（houqin fee publish --term {term} --item 项目）；限额在 houqin.yaml 的 policy.fee_limit_per_term，没有 houqin 命令编辑它。",
        "一费制: a student's fees per term stay within the provincial limit; publish fewer items (houqin fee publish --term {term} --item ITEM); the limit is houqin.yaml's policy.fee_limit_per_term, which no houqin command edits.",
    ),
    "FIN020": Message(
        E,
        "{id} 记在{fund}的科目 {line}，却从{account}付款：专项资金的开支由本资金支付，不挤占公用经费",
        "{id} is booked on {line}, a line of the {fund}, but paid from the {account}: a fund's spending is paid out of the fund",
        "从本资金付款（houqin expense pay 报销单号 --account 资金账户）；已付款的记录没有 houqin 命令可改，在文件中改正付款账户。",
        "Pay it from the fund (houqin expense pay CLAIM --account FUND); no houqin command edits a payment already made, so correct its account in the file.",
    ),
    "FEE005": Message(
        W,
        "代办费结算 {id} 应退各班 {amount} 元，结算 {days} 天后仍未退还",
        "fee settlement {id} owes the classes {amount} in refunds, still unpaid {days} days later",
        "由出纳退还并登记：houqin fee refund {id} --by 出纳 --account 账户。",
        "The cashier pays the refunds and records it: houqin fee refund {id} --by CASHIER --account ACCOUNT.",
    ),
    "FEE006": Message(
        E,
        "代办费结算 {id} 日期 {date} 早于学期 {term} 的最后一天 {end}：学期结束时才结清（最早 {earliest}）",
        "fee settlement {id} is dated {date}, before the last day of term {term} ({end}): settle at the term's end (from {earliest})",
        "学期结束后再结算：houqin fee settle --term {term} --item 项目 --by 会计 --where 地点 --date 日期（不早于 {earliest}）；本地规定允许提前的天数写在 houqin.yaml 的 policy.fee_settle_early_days，没有 houqin 命令编辑它。",
        "Settle once the term has ended: houqin fee settle --term {term} --item ITEM --by ACCOUNTANT --where PLACE --date DAY (from {earliest}); days a local rule allows before the end go in houqin.yaml policy.fee_settle_early_days, which no houqin command edits.",
    ),
    "FEE007": Message(
        W,
        "已公示收费（{id}，{term}），但 houqin.yaml 未写一费制限额：无法核对每生每学期收费是否超限",
        "fees are published ({id}, {term}) but houqin.yaml states no 一费制 limit: a student's fees per term cannot be checked against it",
        '一费制限额由各省核定，houqin 没有全国统一的数：在 houqin.yaml 的 policy 中写上本省的每生每学期限额 fee_limit_per_term（如 "200.00"），没有 houqin 命令编辑 houqin.yaml；写好后运行 houqin check fees。',
        "Each province sets the 一费制 limit, so there is no national figure: write your province's limit per student and term in houqin.yaml's policy, fee_limit_per_term (e.g. \"200.00\"); no houqin command edits houqin.yaml. Then run houqin check fees.",
    ),
    "FEE008": Message(
        W,
        "代办费结算 {id}：{klass} 应补 {amount} 元，结算 {days} 天后仍未收取",
        "fee settlement {id}: {klass} still owes a top-up of {amount}, {days} days after it",
        "由出纳向该班收取并开收据：houqin fee collect {id} --class {klass} --amount 金额 --by 出纳 --receipt 收据号。",
        "The cashier collects it from the class, with a receipt: houqin fee collect {id} --class {klass} --amount AMOUNT --by CASHIER --receipt NUMBER.",
    ),
    "FEE009": Message(
        E,
        "{id} 记为代办费结算 {settlement} 的补收（{klass}，{amount} 元），但该结算没有这笔应补（应补 {owed} 元）",
        "{id} is recorded as a top-up against fee settlement {settlement} ({klass}, {amount}), which states no such top-up (owed: {owed})",
        "只补收结算列出的应补：houqin fee settle 的公示列出各班应补，houqin fee collect {settlement} --class 班级 --amount 金额 按此收取；多收的退还。已写入的记录没有 houqin 命令可改，在文件中改正。",
        "Collect only the top-ups a settlement states (its notice lists each class's): houqin fee collect {settlement} --class CLASS --amount AMOUNT; give back what was collected beyond. No houqin command edits a written record: correct it in the file.",
    ),
    "FEE010": Message(
        E,
        "{date} 的退款或补收（{id}）所依据的代办费结算 {settlement} 尚未经校长批准",
        "the refund or top-up of {date} ({id}) rests on fee settlement {settlement}, which the principal has not approved",
        "结算由会计编制、校长批准后才退款、补收：houqin sign {settlement} --as principal --by 校长姓名；已写入的退款或补收没有 houqin 命令可改，在文件中改正日期。",
        "A settlement is prepared by the accountant and approved by the principal before anything is refunded or collected: houqin sign {settlement} --as principal --by NAME; no houqin command edits a refund or collection already written, so correct its day in the file.",
    ),
    # --- receipts (票据管理)
    "REC001": Message(
        E,
        "收入 {id}（{kind}，{amount} 元）没有收据号：收款须及时开具收据",
        "income {id} ({kind}, {amount} yuan) carries no receipt number: every receipt is written at once",
        "收款时开收据并登记其号码（houqin income add --receipt 收据号）；已写入的记录没有 houqin 命令可改，在文件中改正，补上 receipt。",
        "Write the receipt when the money comes in and record its number (houqin income add --receipt NUMBER); no houqin command edits a record already written, so correct it in the file, adding receipt.",
    ),
    "REC002": Message(
        E,
        "{id} 的收据号 {number} 不在任何已领用的收据本中",
        "{id} uses receipt number {number}, which is in no receipt book issued",
        "先登记收据本的领用（houqin receipt book --first 起始号 --last 终止号 --holder 领用人 --by 发放人），再用其中的号码；已写入的记录没有 houqin 命令可改，在文件中改正。",
        "Register the receipt book first (houqin receipt book --first N --last N --holder NAME --by NAME), then use its numbers; no houqin command edits a record already written, so correct it in the file.",
    ),
    "REC003": Message(
        E,
        "{id} 用了收据 {number}，但该收据本 {book} 由 {holder} 领用，不是 {by}：收据只能由领用人开具",
        "{id} uses receipt {number} from book {book}, which {holder} holds, not {by}: only a book's holder writes its receipts",
        "用自己领用的收据本（houqin receipt list 查看），或另领一本（houqin receipt book --holder 姓名）；已写入的记录没有 houqin 命令可改，在文件中改正。",
        "Use a book you hold (houqin receipt list), or have one issued (houqin receipt book --holder NAME); no houqin command edits a record already written, so correct it in the file.",
    ),
    "REC004": Message(
        E,
        "收据 {number} 重复使用：{id} 与 {other}",
        "receipt {number} is used twice: {id} and {other}",
        "每个号码只用一次：换用下一个号码（houqin income add --receipt 收据号）；已写入的记录没有 houqin 命令可改，在文件中改正。",
        "Each number is used once: use the next number (houqin income add --receipt NUMBER); no houqin command edits a record already written, so correct it in the file.",
    ),
    "REC005": Message(
        E,
        "收据 {number}（{id}，{date}）顺序颠倒：此前 {other} 已用到 {higher} 号",
        "receipt {number} ({id}, {date}) is out of sequence: {other} had already used number {higher}",
        "收据按号码顺序开具：用本子里的下一个号码（houqin receipt list 查看下一个号码）；已写入的记录没有 houqin 命令可改，在文件中改正。",
        "Receipts are written in the order of their numbers: use the book's next number (houqin receipt list shows it); no houqin command edits a record already written, so correct it in the file.",
    ),
    "REC006": Message(
        E,
        "收据本 {id} 已用到 {higher} 号，其间 {count} 张既未使用也未作废：{numbers}",
        "receipt book {id} is used up to {higher}, and {count} numbers before it were neither used nor voided: {numbers}",
        "找到这些收据：开错的登记作废（houqin receipt void 号码 --by 领用人 --reason 原因），漏记的补记收入（houqin income add --receipt 号码）。",
        "Find those receipts: record the spoiled ones as void (houqin receipt void NUMBER --by HOLDER --reason WHY), and the income not booked (houqin income add --receipt NUMBER).",
    ),
    "REC007": Message(
        W,
        "收入 {id} 的收据开于 {receipted}，{date} 才入帐，晚了 {days} 天（限 {limit} 天）：及时入帐",
        "income {id} was receipted on {receipted} but booked on {date}, {days} days later (the limit is {limit})",
        "收款后及时登记（houqin income add --receipt-date 开票日期）；期限在 houqin.yaml 的 policy.receipts.book_within_days，没有 houqin 命令编辑它。",
        "Book income soon after its receipt (houqin income add --receipt-date DAY); the limit is houqin.yaml's policy.receipts.book_within_days, which no houqin command edits.",
    ),
    "REC008": Message(
        E,
        "作废收据 {number}（{id}）未保留全部联次",
        "voided receipt {number} ({id}) was not kept with all its copies",
        "作废的收据须各联齐全、加盖作废章留存在本中；没有 houqin 命令能补回丢失的联次：由领用人写出情况说明，经会计核实后在文件中记下（note）；以后作废时留下全部联次再登记（houqin receipt void 号码 --by 领用人 --reason 原因）。",
        "A voided receipt is kept in its book with every copy, stamped void; no houqin command can bring back a lost copy: the holder writes an explanation, which the accountant checks and notes in the file; void later ones with every copy kept (houqin receipt void NUMBER --by HOLDER --reason WHY).",
    ),
    "REC010": Message(
        E,
        "{id} 的 {step} 签字人是 {by}，应为 {expected}",
        "{id}: the {step} step is signed by {by}, not {expected}",
        "收据本由发放的会计和领用人本人签，作废由领用人本人签：签字人撤回（houqin unsign {id} --as {step_key} --by {by} --reason 原因），再由 {expected} 签：houqin sign {id} --as {step_key} --by {expected}。",
        "A receipt book is signed by the accountant who issues it and by its holder, a void by its holder: have the signer withdraw it (houqin unsign {id} --as {step_key} --by {by} --reason WHY), then houqin sign {id} --as {step_key} --by {expected}.",
    ),
    "REC011": Message(
        W,
        "{id} 登记 {days} 天后仍缺 {step} 签字",
        "{id} still lacks the {step} step {days} days after it was recorded",
        "收据本由领用人签收，作废由会计核实：{sign} --key 私钥文件（houqin pending --person 姓名 列出待签的）。",
        "A receipt book is signed for by its holder, a void approved by the accountant: {sign} --key KEYFILE (houqin pending --person NAME lists what awaits them).",
    ),
    "REC009": Message(
        E,
        "收据本 {id} 从 {first} 号起，与 {other}（到 {last} 号）重叠",
        "receipt book {id} starts at {first}, inside {other} (which runs to {last})",
        "每本收据的号码各不相同：按本子上实际印的号码登记（houqin receipt book --first 起始号 --last 终止号）；已写入的记录没有 houqin 命令可改，在文件中改正。",
        "Each book has its own numbers: register the numbers printed on it (houqin receipt book --first N --last N); no houqin command edits a record already written, so correct it in the file.",
    ),
    "FIN013": Message(
        E,
        "{id} 记在账户 {account} 上，但账本没有这个账户（有：{known}）",
        "{id} names the account {account}, which the books do not have (they have: {known})",
        "记到已有的账户（houqin income add --account 账户）；新账户先在 catalog.yaml 的 accounts 中登记 id、name 和 kind（cash、bank 或 fund）——没有 houqin 命令编辑 catalog.yaml，账户设置由学校写定。",
        "Name an account the books have (houqin income add --account ID); a new account is first listed in catalog.yaml's accounts with its id, name and kind (cash, bank or fund) — no houqin command edits catalog.yaml, since the accounts are the school's own setting.",
    ),
    "FIN014": Message(
        E,
        "{id} 的{account}由 {by} 经手（{date}），但{account}只能由{role}办理",
        "{id}: the {account} was handled by {by} on {date}, but only its keeper ({role}) handles it",
        "由保管该账户的人登记收付（houqin income add --by 姓名）；已写入的记录没有 houqin 命令可改，在文件中改正。",
        "Record it under the name of the account's keeper (houqin income add --by NAME); no houqin command edits a record already written, so correct it in the file.",
    ),
    "FIN012": Message(
        E,
        "对账 {id} 由 {by} 清点，但 {by} 在 {date} 不是出纳",
        "count {id} was made by {by}, who was not a cashier on {date}",
        "现金由出纳员清点并登记：houqin finance assert … --by 出纳。",
        "The cashier counts and records the balance: houqin finance assert … --by CASHIER.",
    ),
    "BUD001": Message(
        E,
        "报销单 {id} 使预算科目 {line} {year} 年支出达 {spent} 元，超过预算 {limit} 元",
        "claim {id} takes {line} to {spent} yuan in {year}, beyond its budget of {limit}",
        "计划经费限额使用：先由校长批准预算调整（houqin budget adjust {line_id} --amount 金额 --reason 理由 --approved-by 校长姓名 --key 私钥文件）。",
        "Spend within the budget: have the principal approve an adjustment first (houqin budget adjust {line_id} --amount AMOUNT --reason WHY --approved-by NAME --key KEYFILE).",
    ),
    "DAT001": Message(
        W,
        "{id} 的日期 {date} 晚于今天（{today}）",
        "{id} is dated {date}, after today ({today})",
        "日期写错了吗？没有 houqin 命令改已写入的日期：在账本文件中改正后用 houqin check dates 复查；"
        "如确是预先登记，到期前不要据此付款或入账。",
        "A typing slip? No houqin command changes a written date: correct it in the ledger file and re-run "
        "houqin check dates; a record made ahead of its day should not be paid or booked before it.",
    ),
    "REF011": Message(
        E,
        "{id} 的学期 {term} 不在 houqin.yaml 的 terms 中",
        "{id} names term {term}, which houqin.yaml's terms do not list",
        "学期在 houqin.yaml 的 terms 中，没有 houqin 命令编辑它：核对学期编号（如 2026-2027-1），"
        "或先登记新学期的起止日期，再运行 houqin check refs。",
        "Terms are in houqin.yaml, which no houqin command edits: check the term id (e.g. 2026-2027-1) or add "
        "the new term with its dates, then run houqin check refs.",
    ),
    "BUD003": Message(
        E,
        "预算调整 {id} 使预算科目 {line} {year} 年预算降为 {limit} 元：预算不能为负",
        "budget adjustment {id} takes {line} for {year} down to {limit} yuan: a budget is never below zero",
        "减少的金额不超过该科目现有预算：`houqin budget show` 查看后重新 `houqin budget adjust --amount`。",
        "Cut no more than the line holds: see `houqin budget show`, then `houqin budget adjust --amount` again.",
    ),
    "BUD004": Message(
        E,
        "预算调整 {id} 使预算科目 {line} {year} 年预算降为 {limit} 元，低于当日已支出的 {spent} 元",
        "budget adjustment {id} takes {line} for {year} down to {limit} yuan, below the {spent} already spent",
        "预算不能削减到已支出以下：`houqin budget show --at 日期` 查看已支出后调整 `houqin budget adjust --amount`。",
        "A budget is never cut below what it has spent: see `houqin budget show --at DAY`, then adjust the amount.",
    ),
    "BUD002": Message(
        E,
        "预算调整 {id}（{line}）没有校长批准，不计入预算",
        "budget adjustment {id} ({line}) has no approval by the principal and does not count",
        "由校长批准：houqin sign {id} --as principal --by 校长姓名。",
        "Have the principal approve it: houqin sign {id} --as principal --by NAME.",
    ),
    "ADV001": Message(
        W,
        "借款 {id}（{person}，{amount} 元）已 {days} 天未结清（节假日不计）",
        "advance {id} ({person}, {amount} yuan) has been open {days} days (holidays not counted)",
        "借款应及时报销冲账或退回现金：houqin advance settle {id} --claim 报销单号 或 --returned 金额。",
        "Settle it with receipts or return the cash: houqin advance settle {id} --claim CLAIM or --returned AMOUNT.",
    ),
    "ADV002": Message(
        E,
        "{person} 于 {left} 离校，借款 {id} 未在此前结清",
        "{person} left on {left} without settling advance {id}",
        "教师调离须先结清借款：houqin advance settle {id} --claim 报销单号 或 --returned 金额 --on 结清日期（离校之前）；离校后才结清的没有 houqin 命令可改，请校长核查。",
        "A person settles every advance before leaving: houqin advance settle {id} --claim CLAIM or --returned AMOUNT --on DAY (before leaving); no houqin command changes a settlement made after, so have the principal review it.",
    ),
    "ADV003": Message(
        E,
        "借款 {id} {amount} 元，结清时报销 {spent} 元、退回 {returned} 元，不相符",
        "advance {id} of {amount} yuan is settled with {spent} in claims and {returned} returned, which do not add up",
        "报销金额加退回现金应等于借款金额（超支部分由报销单另付）；已结清的借款 houqin advance settle 不再接受，没有 houqin 命令可改：在文件中改正 settlement 的报销单号和退回金额。",
        "Claims plus cash returned equal the advance (an overspend is paid by its claim); houqin advance settle refuses an advance already settled, so no houqin command corrects it: fix the settlement's claims and cash returned in the file.",
    ),
    "CLS001": Message(
        E,
        "{id} 属于已结账的 {month}（{close}），结账后被修改",
        "{id} belongs to {month}, closed by {close}, and was changed after the close",
        "已结账月份不得改动：在本月做更正记录，或经校长批准重新开账（houqin finance reopen {month} --approved-by 校长姓名 --reason 理由）。",
        "A closed month is not edited: correct it in the current month, or reopen it with the principal's approval (houqin finance reopen {month} --approved-by NAME --reason TEXT).",
    ),
    "CLS002": Message(
        E,
        "{id} 日期在已结账的 {month}（{close}），是结账后补入的",
        "{id} is dated in {month}, closed by {close}, and was added after the close",
        "记入当前未结账月份（--date 本月的日期），或经批准重新开账（houqin finance reopen {month} --approved-by 校长姓名 --reason 理由）。",
        "Date it in the open month (--date), or reopen the month with approval (houqin finance reopen {month} --approved-by NAME --reason TEXT).",
    ),
    "YRC001": Message(
        E,
        "年终结账记录 {id}（{year} 年）的摘要与所记内容或上一次结账不衔接，结账记录被改动过",
        "year-end close {id} ({year}): its digest does not match what it states or the close before it; it was altered",
        "年终结账记录由 houqin finance close-year 生成，不得手工修改：用 git 恢复原样（git checkout -- 文件）；须更正已结年度时由校长重新开账（houqin finance reopen-year {year} --by 校长姓名 --reason 理由），改正后再 houqin finance close-year {year}。",
        "Year-end closes are written by houqin finance close-year and never edited by hand: restore it with git (git checkout -- FILE); to correct a closed year the principal reopens it (houqin finance reopen-year {year} --by NAME --reason TEXT), then run houqin finance close-year {year} again.",
    ),
    "YRC002": Message(
        E,
        "{id} 是 {year} 年终结账（{opening}）结转的未结事项，已被改动（结转后只能添加新的步骤）",
        "{id} was carried forward by the year-end close of {year} ({opening}) and has been changed (only later steps may be added)",
        "结转的记录按年末原样保留：用 git 恢复它（git checkout -- 文件），之后的签字、付款、归还等用 houqin sign、houqin expense pay 等命令添加。",
        "A carried record stays as it stood at the year's end: restore it with git (git checkout -- FILE); add later steps with houqin sign, houqin expense pay and the like.",
    ),
    "YRC003": Message(
        E,
        "{id} 由年终结账 {opening} 结转到 {year} 年，但已不在 {year} 年的文件中",
        "{id} was carried into {year} by {opening}, and is no longer in {year}'s files",
        "结转的记录不得删除：用 git 恢复它（git checkout -- 文件），再运行 houqin check year；没有 houqin 命令删除记录。",
        "A carried record is never removed: restore it with git (git checkout -- FILE), then run houqin check year; no houqin command removes a record.",
    ),
    "YRC004": Message(
        E,
        "已结账年度的文件 {file} 与年终结账（{id}，{year} 年及以前）时不同：被改动、新增或删除",
        "{file}, a file of the years closed by {id} (up to {year}), was changed, added or removed after the close",
        "已结年度的记录不得改动，没有 houqin 命令改动它们：用 git 恢复原样（git checkout -- {file}）；houqin check --full 重读全部年度可找出改动的记录。",
        "Closed years are never changed, and no houqin command changes them: restore the file with git (git checkout -- {file}); houqin check --full reads every year again to find what changed.",
    ),
    "YRC005": Message(
        E,
        "{id} 的日期在已年终结账的 {year} 年（{opening}），不能再记入",
        "{id} is dated in {year}, which is closed ({opening}), and cannot be recorded now",
        "已结年度不能补记：删去这条记录，用今年的日期重新登记（如 houqin expense add --date 今年的日期 --note 原委），在备注中写明原委。",
        "A closed year takes no new records: remove it and record it again under a date of the open year (e.g. houqin expense add --date DAY --note WHY), saying why in its note.",
    ),
    "YRC006": Message(
        E,
        "年终结账 {id}（{year} 年）记载的 {what} 为 {stated}，按全部记录重算为 {found}",
        "year-end close {id} ({year}) states {what} as {stated}; every year's records give {found}",
        "已结年度的记录在结账后被改动，或结账记录被改动：用 git 找出并恢复改动（git log -p 已结年度目录），再运行 houqin check --full；没有 houqin 命令改动已结年度。",
        "The closed years' records, or the close itself, were changed after it: find and restore the change with git (git log -p on the closed years' folders), then run houqin check --full; no houqin command changes a closed year.",
    ),
    "YRC007": Message(
        E,
        "{year} 年已有年终结账记录 {first}，{id} 是同一年度的第二份",
        "{year} already has its year opening {first}; {id} is a second one for the same year",
        "每年只有一份年终结账记录：用 git 删去多出的这份（git checkout -- 文件），再运行 houqin check year；重开已结年度用 houqin finance reopen-year。",
        "A year has one year opening: remove the extra one with git (git checkout -- FILE), then run houqin check year; a closed year is reopened with houqin finance reopen-year.",
    ),
    "YRC008": Message(
        E,
        "{id} 重新开账 {year} 年，但它撤销的年终结账 {opening} 仍在账本中：{year} 年仍按已结账读取",
        "{id} reopens {year}, but the year-end close it undoes, {opening}, is still in the books: {year} still reads as closed",
        "重新开账由 houqin finance reopen-year {year} --by 校长姓名 --reason 理由 写入，它同时撤下年终结账、把结转的记录放回原处；手写的重新开账记录不起作用：用 git 删去它（git checkout -- 文件），再运行 houqin finance reopen-year。",
        "A year is reopened by houqin finance reopen-year {year} --by NAME --reason TEXT, which also takes the year-end close down and puts the carried records back; a reopening written by hand does nothing: remove it with git (git checkout -- FILE) and run houqin finance reopen-year.",
    ),
    "CLS003": Message(
        E,
        "{id} 在 {month} 结账（{close}）时存在，现已被删除",
        "{id} was in {month} when {close} closed it, and has been removed",
        "已结账月份的记录不得删除：用 git 恢复它（git checkout -- 文件），或经批准重新开账（houqin finance reopen {month} --approved-by 校长姓名 --reason 理由）。",
        "Records of a closed month are never removed: restore it with git (git checkout -- FILE), or reopen the month with approval (houqin finance reopen {month} --approved-by NAME --reason TEXT).",
    ),
    "CLS004": Message(
        E,
        "结账记录 {id}（{month}）的摘要与前后不衔接，结账记录被改动过",
        "close {id} ({month}): its digest does not chain with the closes around it; the close was altered",
        "结账记录由 houqin finance close 生成，不得手工修改：用 git 恢复原样；确需更正时 houqin finance reopen {month} --approved-by 校长姓名 后重新结账。",
        "Closes are written by houqin finance close and never edited by hand: restore it with git; to correct it, houqin finance reopen {month} --approved-by NAME and close again.",
    ),
    "CLS005": Message(
        E,
        "重新开账 {id}（{month}）没有校长批准",
        "reopening {id} ({month}) has no approval by the principal",
        "由校长批准：houqin sign {id} --as principal --by 校长姓名。",
        "Have the principal approve it: houqin sign {id} --as principal --by NAME.",
    ),
    "CLS006": Message(
        W,
        "{month} 已过结账期限（月末后 {days} 天）仍未结账",
        "{month} is still open, more than {days} days after its end",
        "每月按时清结并报告校长：houqin finance close {month}。",
        "Close each month on time: houqin finance close {month}.",
    ),
    "CLS007": Message(
        E,
        "重新开账 {id}（{month}）所指的结账 {close} 不是该月的结账，或日期在重新开账之后",
        "reopening {id} ({month}) names {close}, which is not a close of that month or is dated after it",
        "重新开账由 houqin finance reopen {month} --on 日期 --reason … --approved-by 校长 生成，close 写被撤销的结账编号。",
        "Reopen with houqin finance reopen {month} --on DAY --reason … --approved-by PRINCIPAL; close: names the close it undoes.",
    ),
    "CLS008": Message(
        E,
        "{id} 日期在未结账的 {month}，而其后的 {later} 已结账（{close}）",
        "{id} is dated in {month}, which is open, while the later {later} is closed ({close})",
        "已结账月份末日之前不得记账：记入当前未结账的月份；确需更正，先经校长批准重新开账（houqin finance reopen {later} --reason … --approved-by 校长）。",
        "Nothing is dated on or before a closed month's end: date it in the open month, or reopen {later} with the principal's approval (houqin finance reopen {later}).",
    ),
    # --- the rest of the office
    "MTR001": Message(
        E,
        "抄表 {id}：{meter} 读数 {reading} 低于上次（{date}）的 {previous}",
        "reading {id}: {meter} reads {reading}, below {previous} read on {date}",
        "表倒转须说明原因：换表用 houqin meter read {meter} 读数 --replaced，其他情况 --reason 理由；已写入的记录没有 houqin 命令可改，在文件中改正。",
        "A meter running backwards needs a reason: houqin meter read {meter} READING --replaced for a new meter, else --reason TEXT; no houqin command edits a record already written, so correct it in the file.",
    ),
    "MTR002": Message(
        W,
        "抄表 {id}：{meter} 本期日均用量 {per_day}，远高于以往的 {usual}（是否漏水、漏电？）",
        "reading {id}: {meter} used {per_day} a day, far above its usual {usual} (a leak?)",
        "现场检查管线和用电设备；查明的原因在下次抄表时写明：houqin meter read {meter} 读数 --reason 原因。",
        "Inspect the pipes and appliances; give what was found at the next reading: houqin meter read {meter} READING --reason TEXT.",
    ),
    "MTR003": Message(
        W,
        "{meter} 在学期 {term} 内没有抄表记录（水电表要每期一查）",
        "{meter} was not read during term {term}",
        "每学期至少抄表一次：houqin meter read {meter} 读数。",
        "Read every meter at least once a term: houqin meter read {meter} READING.",
    ),
    "MTR004": Message(
        E,
        "抄表 {id} 的表 {meter} 不在 catalog.yaml 的水电表(meters)中",
        "reading {id} is of meter {meter}, which is not in catalog.yaml meters",
        "没有 houqin 命令登记水电表：在 catalog.yaml 的 meters 中登记该表（houqin meter list 列出已登记的表），再运行 houqin check meters。",
        "No houqin command adds a meter: list it in catalog.yaml meters (houqin meter list shows those listed), then run houqin check meters.",
    ),
    "PAT001": Message(
        INFO,
        "学期 {term} 有 {days} 个上课日没有巡视记录（最早 {first}）",
        "term {term}: {days} school days without a round (the first {first})",
        "每日巡视并记录：houqin patrol log --place 地点。",
        "Walk and record a round every school day: houqin patrol log --place PLACE.",
    ),
    "PAT002": Message(
        W,
        "巡视 {id} 在 {place} 发现的问题（{text}）已 {days} 天未处理（节假日不计）",
        "round {id}: the problem found at {place} ({text}) is still open after {days} days (holidays not counted)",
        "及时处理并反馈：报修（houqin repair open --place {place}）或记下处理日期（houqin patrol resolve {id} --place {place}）。",
        "Deal with it: open a repair (houqin repair open --place {place}) or record when it was resolved (houqin patrol resolve {id} --place {place}).",
    ),
    "PRT001": Message(
        E,
        "文印 {id} 于 {done} 印制，此前未经主管领导审批",
        "print job {id} was done on {done} without the supervisor's approval before it",
        "主管审批复印和油印：先 houqin sign {id} --as supervisor --by 主管领导姓名，再 houqin print done {id}；已印制的没有 houqin 命令可改先后，请主管领导核查。",
        "The supervisor approves copying first: houqin sign {id} --as supervisor --by NAME, then houqin print done {id}; no houqin command changes what was printed, so have the supervisor review it.",
    ),
    "SHP001": Message(
        E,
        "销售 {id}：{goods}（批次 {batch}）已于 {expires} 过期，不得销售",
        "sale {id}: {goods} (batch {batch}) expired on {expires} and may not be sold",
        "严查产品生产日期：过期商品下架（houqin shop expiring 列出，houqin shop sell 批号 --removed 登记下架）。",
        "Take expired goods off the shelf (houqin shop expiring lists them; houqin shop sell BATCH --removed records it).",
    ),
    "SHP002": Message(
        E,
        "销售 {id}：{goods} 该批次只剩 {left}",
        "sale {id}: only {left} of {goods} were left in that batch",
        "核对批次和数量（houqin shop expiring 列出在架数量）。",
        "Check the batch and the quantity (houqin shop expiring shows what is on the shelf).",
    ),
    "SHP004": Message(
        E,
        "进货 {id}：{goods} 已于 {expires} 过期，不得入库",
        "batch {id}: {goods} expired on {expires}, before it was received",
        "过期商品拒收退回供应商；核对生产日期和保质期后重新 `houqin shop in --produced --shelf-life`。",
        "Refuse expired goods and return them; check the production date and shelf life, then "
        "`houqin shop in --produced --shelf-life` again.",
    ),
    "SHP005": Message(
        E,
        "进货 {id}：供应商 {supplier} 的证照号码 {number} 不是有效的统一社会信用代码或身份证号码",
        "batch {id}: {number} of supplier {supplier} is neither a valid unified social credit code nor an ID number",
        "实名进货：填写营业执照上的 18 位统一社会信用代码（或个人供应商的 18 位身份证号码），核对校验位后重新 "
        "`houqin shop in --supplier-id`。",
        "Real-name buying: give the 18-character code on the business licence (or an individual's 18-digit ID "
        "number), check its last character, then `houqin shop in --supplier-id` again.",
    ),
    "SHP006": Message(
        W,
        "进货 {id}：{goods} 已于 {expires} 过期，货架上还有 {left} {unit}",
        "batch {id}: {goods} expired on {expires} and {left} {unit} are still on the shelf",
        "立即下架：`houqin shop sell BATCH --quantity N --removed` 记录下架（不是销售）。",
        "Take them off the shelf now: `houqin shop sell BATCH --quantity N --removed` (not a sale).",
    ),
    "SHP007": Message(
        E,
        "商店进货 {id}（{goods}，{value} 元）的货款没有从账本的账户支付：商店的进货也在一套账内",
        "shop batch {id} ({goods}, {value} yuan) was paid from no account of the books: the shop is in the one set of books",
        "进货时由出纳从账户付款并登记（houqin shop in … --paid-by 出纳 --paid-from bank）；已写入的记录没有 houqin 命令可改，在文件中补上 paid。",
        "The cashier pays the batch from an account when it comes in (houqin shop in … --paid-by CASHIER --paid-from bank); no houqin command edits a record already written, so add paid in the file.",
    ),
    "SHP008": Message(
        E,
        "商店营业款解缴 {id} 为 {amount} 元，多于 {first}～{last} 的营业款 {takings} 元（多 {difference} 元）",
        "shop deposit {id} of {amount} is more than the takings of {first} to {last}, {takings} (by {difference})",
        "只解缴所记日子的营业款：核对销售记录（houqin shop sell）和解缴的日子（houqin income add shop --takings-from 日期 --takings-to 日期）；已写入的记录没有 houqin 命令可改，在文件中改正。",
        "Deposit exactly the takings of the days it names: check the sales (houqin shop sell) and the days (houqin income add shop --takings-from DAY --takings-to DAY); no houqin command edits a record already written, so correct it in the file.",
    ),
    "SHP009": Message(
        E,
        "商店营业款解缴 {id} 为 {amount} 元，少于 {first}～{last} 的营业款 {takings} 元（少 {difference} 元）：营业款须全额解缴（销售是否记在了已解缴的日子？）",
        "shop deposit {id} of {amount} is less than the takings of {first} to {last}, {takings} (by {difference}): takings are deposited in full (a sale recorded on a day already deposited?)",
        "补缴差额（houqin income add shop --amount 差额 --takings-from 日期 --takings-to 日期）；营业款不得留存或坐支。",
        "Deposit the difference (houqin income add shop --amount DIFFERENCE --takings-from DAY --takings-to DAY); takings are never kept back or spent.",
    ),
    "SHP010": Message(
        E,
        "商店 {date} 的营业款 {amount} 元超过 {days} 天仍未解缴入账：不设账外账、小金库",
        "the shop's takings of {date}, {amount} yuan, are not deposited after {days} days: no money outside the books",
        "解缴入账：houqin income add shop --amount 金额 --takings-from {date} --takings-to {date} --by 出纳。",
        "Deposit them: houqin income add shop --amount AMOUNT --takings-from {date} --takings-to {date} --by CASHIER.",
    ),
    "SHP003": Message(
        W,
        "进货 {id}：{goods} 售价 {price} 元不低于校外参考价 {reference} 元",
        "batch {id}: {goods} sells at {price} yuan, not below the outside price of {reference}",
        "校内商店售价应低于校外（进售双价）：进货时 houqin shop in 商品 --price 售价；已写入的记录没有 houqin 命令可改，在文件中改正。",
        "The school shop sells below the price outside: houqin shop in GOODS --price PRICE; no houqin command edits a record already written, so correct it in the file.",
    ),
    "MLK001": Message(
        E,
        "学生奶订购 {id} 的收费项目 {item} 没有经校长批准并公示",
        "milk order {id} names fee item {item}, which was not approved and published",
        "先登记并公示收费项目（houqin fee publish --term 学期 --item 项目）。",
        "Publish the fee item first (houqin fee publish --term TERM --item ITEM).",
    ),
    "MLK002": Message(
        W,
        "学生奶订购 {id}（{klass}）订 {ordered} 盒，实际配送 {delivered} 盒",
        "milk order {id} ({klass}): {ordered} cartons ordered, {delivered} delivered",
        "与供应商核对配送单，按实际配送登记：houqin milk deliver --class {klass} --cartons 盒数。",
        "Reconcile with the supplier's delivery notes and record what came: houqin milk deliver --class {klass} --cartons N.",
    ),
    "MLK003": Message(
        W,
        "学生奶订购 {id}（{klass}）应收 {expected} 元，实收 {paid} 元",
        "milk order {id} ({klass}): {expected} yuan due, {paid} received",
        "补收或退款，并记入收入：houqin income add fee --class {klass} --amount 金额。",
        "Collect or refund the difference and record it: houqin income add fee --class {klass} --amount AMOUNT.",
    ),
    "MLK004": Message(
        E,
        "学生奶配送 {id}：{klass} 在 {date} 所在学期没有订购记录",
        "milk delivery {id}: {klass} has no order for the term of {date}",
        "先登记该班订购：houqin milk order --class {klass} --cartons 盒数 --term 学期。",
        "Record the class's order first: houqin milk order --class {klass} --cartons N --term TERM.",
    ),
    # --- stocktake
    "PD001": Message(
        W,
        "学期 {term} 已于 {end} 结束，没有期末盘点记录",
        "term {term} ended on {end} without a term-end stocktake",
        "每学期结束须全面检查并书面上报：houqin inventory reconcile 盘点表 --record。",
        "Count at the end of every term and report: houqin inventory reconcile COUNTS --record.",
    ),
    "PD002": Message(
        W,
        "学期 {term} 已于 {start} 开始，没有期初清点记录",
        "term {term} began on {start} without a term-start count",
        "每期期初清点登记、责任到人：houqin inventory reconcile 盘点表 --at term-start --record。",
        "Count at the start of every term: houqin inventory reconcile COUNTS --at term-start --record.",
    ),
    "PD003": Message(
        E,
        "盘点 {id} 调整 {item} 账面数 {book}，但 {date} 账面为 {have}",
        "stocktake {id} adjusts {item} from a book quantity of {book}, but the books held {have} on {date}",
        "账面数以盘点日的账面为准：重新核对（houqin inventory reconcile 盘点表 --on {date} --record）。",
        "The book quantity is the ledger's on the count day: reconcile again (houqin inventory reconcile COUNTS --on {date} --record).",
    ),
    "PD004": Message(
        E,
        "盘点 {id} 调整账面 {value} 元，缺少{step}审批",
        "stocktake {id} adjusts the books by {value} yuan without the {step} approval",
        "盘盈盘亏按规定审批（{limit} 元以内总务主任，以上还须校长）：houqin sign {id} --as {step_key} --by 姓名。",
        "Count differences are approved (the director up to {limit} yuan, the principal above): houqin sign {id} --as {step_key} --by NAME.",
    ),
    "PD006": Message(
        E,
        "盘点 {id} 与 {other} 重复：学期 {term} 的{at}已清点过 {places}",
        "stocktake {id} repeats {other}: the {at_en} of term {term} already counted {places}",
        "每学期的期初清点、期末盘点每个地点只记一次：不要重复 houqin inventory reconcile --record；复盘的差异经总务主任核实后更正 {other}。",
        "Each place is counted once per term start and end: do not run houqin inventory reconcile --record again; correct {other} instead.",
    ),
    # --- imports
    "IMP001": Message(
        E,
        "第 {row} 行：{reason}",
        "row {row}: {reason}",
        "改正该行后重新导入（houqin asset import 或 houqin stock import），或用 --skip-bad 只导入正确的行。",
        "Fix the row and import again (houqin asset import or houqin stock import), or --skip-bad to take only the good rows.",
    ),
    "IMP002": Message(
        W,
        "第 {row} 行（{word}）：表中{field}为 {theirs}，导入的行合计 {ours}",
        "row {row} ({word}): the sheet's {field} is {theirs}, the imported rows add up to {ours}",
        "没有 houqin 命令能改正登记表：核对登记表中该{word}以上的行（漏行、重复行或算错的合计），改好后重新 houqin asset import --dry-run。",
        "No houqin command corrects the register: check the rows above this {word} (a row left out, repeated, or a wrong total), then houqin asset import --dry-run again.",
    ),
    "IMP003": Message(
        W,
        "第 {row} 行：表中{field}为 {theirs}，houqin 按折旧年限 {life} 年、已提 {months} 个月算得 {ours}",
        "row {row}: the sheet's {field} is {theirs}; houqin's, over a life of {life} years with {months} months charged, is {ours}",
        "没有 houqin 命令能改写折旧：折旧按 catalog.yaml 中该类的 life_years 计提；年限不同就改 life_years，登记表算错则以账本为准并请会计核对；改后重新 houqin asset import --dry-run。",
        "No houqin command rewrites depreciation: it is charged over the class's life_years in catalog.yaml; if the life differs, change life_years there; if the register is wrong, the ledger's figure stands (ask the accountant to check); then houqin asset import --dry-run again.",
    ),
    # --- capitalisation
    "CAP001": Message(
        W,
        "资产 {id} 单价 {price} 元低于固定资产标准 {threshold} 元，且未说明理由",
        "asset {id} costs {price}, below the {threshold} threshold, with no reason given",
        "作为低值易耗品入库（houqin stock in），或登记时说明理由（houqin asset add --reason 理由）。",
        "Record it as a consumable (houqin stock in), or give the reason when registering (houqin asset add --reason TEXT).",
    ),
    # --- the rest of the office (issue #18): the school calendar
    "CAL001": Message(
        W,
        "学期 {term} 已到 {year} 年，但校历(calendar)中没有国务院办公厅 {year} 年的放假安排（该年只按周末计算休息日，巡视、各项期限会把节假日算作上课日）",
        "term {term} runs into {year}, but the calendar has no State Council notice for {year} (that year counts weekends only: rounds and limits would count the holidays as working days)",
        "按国务院办公厅关于{year}年部分节假日安排的通知录入：houqin calendar notice --year {year} --number 文号 --published 发布日期 --holiday 名称:起:止 --workday 调休上班日，再用 houqin calendar show --term {term} 核对。",
        "Enter the State Council's notice for {year}: houqin calendar notice --year {year} --number NUMBER --published DAY --holiday NAME:FIRST:LAST --workday DAY, then check it with houqin calendar show --term {term}.",
    ),
    "CAL002": Message(
        W,
        "账本已用到 {year} 年（有该年的记录，或今天在该年），但校历(calendar)中没有国务院办公厅 {year} 年的放假安排（该年只按周末计算休息日）",
        "the books are in {year} (a record of that year, or today), but the calendar has no State Council notice for {year} (that year counts weekends only)",
        "按国务院办公厅关于{year}年部分节假日安排的通知录入：houqin calendar notice --year {year} --number 文号 --published 发布日期 --holiday 名称:起:止 --workday 调休上班日，再用 houqin calendar show 核对。",
        "Enter the State Council's notice for {year}: houqin calendar notice --year {year} --number NUMBER --published DAY --holiday NAME:FIRST:LAST --workday DAY, then check it with houqin calendar show.",
    ),
    # --- the audit group (稽核小组每学期稽核, R41)
    "AUD001": Message(
        W,
        "学期 {term} 已于 {end} 结束，没有稽核小组的稽核记录",
        "term {term} ended on {end} with no audit record of the audit group",
        "稽核小组稽核后登记：houqin audit record --term {term} --member 成员 --scope 范围 --finding 问题（成员再各自 houqin audit sign 签字）。",
        "Once the audit group has audited the term, record it: houqin audit record --term {term} --member NAME --scope TEXT --finding TEXT (then each member signs with houqin audit sign).",
    ),
    "AUD002": Message(
        E,
        "稽核记录 {id}：成员 {name} 在 {date} 不是稽核人员(auditor)",
        "audit {id}: member {name} does not hold the auditor role on {date}",
        "稽核小组成员须在 people.yaml 中有 auditor 角色；没有 houqin 命令编辑 people.yaml（人员与角色由学校任命）：在 people.yaml 中为其加上 auditor 角色，或在新的记录中换人（houqin audit record --member 姓名）。",
        "Members of the audit group hold the auditor role in people.yaml; no houqin command edits people.yaml (the school appoints them): add the role there, or record the audit with another member (houqin audit record --member NAME).",
    ),
    "AUD003": Message(
        E,
        "稽核记录 {id}：{name} 是{role}，不能参加稽核（不得稽核自己经手的账）",
        "audit {id}: {name} is the {role} and may not audit the books they keep",
        "会计、出纳的工作正是稽核的对象：换一位不管账、不管钱的成员重新登记（houqin audit record --member 姓名）；已写入的记录没有 houqin 命令可改，请在文件中删去这条记录。",
        "The accountant's and the cashier's work is what is audited: record the audit with another member (houqin audit record --member NAME); no houqin command edits a written record, so delete this one in the file.",
    ),
    "AUD004": Message(
        E,
        "稽核记录 {id} 只有 {count} 名成员，稽核小组至少须 {least} 人",
        "audit {id} has {count} members; the audit group needs at least {least}",
        "按规定人数组成稽核小组后登记：houqin audit record --member 成员（可重复）；人数由 houqin.yaml 的 policy.audit_min_members 规定，没有 houqin 命令编辑 houqin.yaml。",
        "Record the audit with the group's full number: houqin audit record --member NAME (repeat); the number is policy.audit_min_members in houqin.yaml, which no houqin command edits.",
    ),
    "AUD005": Message(
        W,
        "稽核记录 {id}：成员 {name} 尚未签字",
        "audit {id}: member {name} has not signed",
        "每位成员核对记录后签字：houqin audit sign {id} --by {name}（用本人密钥：加 --key）。",
        "Each member reads the record and signs it: houqin audit sign {id} --by {name} (by key: add --key).",
    ),
    "AUD006": Message(
        E,
        "稽核记录 {id}：{by} 以 {step} 签字，但只有稽核小组成员以稽核人员(auditor)签字",
        "audit {id}: {by} signed as {step}; only the audit group's members sign, as auditor",
        "签字人须是记录中的成员：由其本人撤回（houqin unsign {id} --as {step} --by {by} --reason 原因）或在文件中删去，成员用 houqin audit sign {id} --by 姓名 签字。",
        "Only the members listed sign: have the signer withdraw it (houqin unsign {id} --as {step} --by {by} --reason WHY) or delete it in the file; members sign with houqin audit sign {id} --by NAME.",
    ),
    "AUD007": Message(
        W,
        "稽核记录 {id} 的第 {number} 个问题（{text}）已 {days} 天没有答复（节假日不计）",
        "audit {id}: finding {number} ({text}) has had no answer for {days} days (holidays not counted)",
        "被稽核方答复并整改后登记：houqin audit answer {id} --finding {number} --by 答复人 --text 答复。",
        "The office answers and puts it right, then records it: houqin audit answer {id} --finding {number} --by NAME --text ANSWER.",
    ),
    "AUD008": Message(
        E,
        "稽核记录 {id}：答复第 {number} 个问题，但只有 {count} 个问题",
        "audit {id}: an answer to finding {number}, but there are only {count}",
        "答复须对应记录中的问题序号：houqin audit answer {id} --finding 序号 --by 答复人 --text 答复；已写入的答复没有 houqin 命令可改，请在文件中改正序号。",
        "An answer names a finding by its number: houqin audit answer {id} --finding N --by NAME --text ANSWER; no houqin command edits a written answer, so correct the number in the file.",
    ),
    # --- the safety registers (R44)
    "SAF001": Message(
        W,
        "消防设施 {id}（{place}）自 {since} 起已 {days} 天未检查（每 {limit} 天至少一次）",
        "fire equipment {id} ({place}) has not been inspected for {days} days since {since} (at least every {limit})",
        "检查后登记：houqin safety check --by 检查人 --item {id}（有问题的写 --item {id}:fault:情况）。",
        "Inspect it and record it: houqin safety check --by NAME --item {id} (a fault as --item {id}:fault:WHAT).",
    ),
    "SAF002": Message(
        W,
        "消防设施 {id}（{place}）已于 {expires} 过期，须更换",
        "fire equipment {id} ({place}) expired on {expires} and must be replaced",
        "更换或送检后，在 catalog.yaml 的 fire_equipment 中改写其 expires；没有 houqin 命令编辑 catalog.yaml（设施清单由学校维护），改后运行 houqin safety list 核对。",
        "Replace or recharge it, then change its expires under fire_equipment in catalog.yaml; no houqin command edits catalog.yaml (the school keeps the list), so check it afterwards with houqin safety list.",
    ),
    "SAF003": Message(
        E,
        "消防检查 {id}：设施 {equipment} 不在 catalog.yaml 的 fire_equipment 中",
        "fire inspection {id}: equipment {equipment} is not listed under fire_equipment in catalog.yaml",
        "没有 houqin 命令编辑 catalog.yaml：先在 fire_equipment 中登记该设施（编号、种类、地点、有效期），或改正检查记录中的编号，再运行 houqin safety list 核对。",
        "No houqin command edits catalog.yaml: list the equipment under fire_equipment there (id, kind, place, expiry), or correct the id in the inspection, then check with houqin safety list.",
    ),
    "SAF004": Message(
        E,
        "出库 {id}：{item}（{category}）须双人领发，只有发放人 {issued_by} 签字",
        "stock out {id}: {item} ({category}) is issued by two people, but only {issued_by} signed",
        "双人领发：发放时由第二人（不是发放人或领用人）同时签字：houqin stock out 物品 -q 数量 --to 领用人 --purpose 用途 --issued-by 保管人 --co-issuer 复核人；已写入的出库单没有 houqin 命令补签（它没有签批环节），请两人核对实物后在文件中补上 co_issuer 签字。",
        "Two people issue it: the second (neither the issuer nor the receiver) signs at the time: houqin stock out ITEM -q N --to WHO --purpose WHY --issued-by KEEPER --co-issuer NAME; no houqin command adds a signature to a written stock-out (it has no approval chain), so have the two check the goods and add the co_issuer signature in the file.",
    ),
    "SAF005": Message(
        W,
        "{kind_zh}（{kind}）没有指定专人负责（水、电、气、炉等有专人负责）",
        "no person is named responsible for the {kind_en} supply",
        "没有 houqin 命令编辑 catalog.yaml（负责人由学校指定）：在 catalog.yaml 的 utilities 中写明 {kind} 的 responsible，再运行 houqin safety utilities 核对。",
        "No houqin command edits catalog.yaml (the school names the person): write the responsible person for {kind} under utilities in catalog.yaml, then check with houqin safety utilities.",
    ),
    "SAF006": Message(
        W,
        "{kind_zh}（{kind}）的负责人 {name} 已不在本校（离校或不在 people.yaml 中）",
        "the person responsible for the {kind_en} supply, {name}, is no longer on the staff",
        "另行指定专人：没有 houqin 命令编辑 catalog.yaml，请在 utilities 中改写 {kind} 的 responsible，再运行 houqin safety utilities 核对。",
        "Name someone else: no houqin command edits catalog.yaml, so change the responsible person for {kind} under utilities there, then check with houqin safety utilities.",
    ),
    # --- keepers' responsibility (责任到人)
    "RSP001": Message(
        W,
        "{place}（{name}）的保管人 {keeper} 还没有签 {year} 学年的保管责任书（学期 {term} 已开始）",
        "{place} ({name}): its keeper {keeper} has not signed a responsibility record for {year} (term {term} has begun)",
        "总务主任签发、保管人签收：houqin place responsibility {place} --year {year} --director 总务主任姓名，再由保管人 houqin sign 责任书编号 --as responsible --by {keeper}。",
        "The director issues it and the keeper signs: houqin place responsibility {place} --year {year} --director NAME, then the keeper signs with houqin sign ID --as responsible --by {keeper}.",
    ),
    "RSP002": Message(
        E,
        "保管责任书 {id}：{by} 以责任人签字，但责任书的保管人是 {keeper}",
        "responsibility record {id}: {by} signed as the responsible keeper, but the keeper is {keeper}",
        "只有保管人本人签收：由签字人撤回（houqin unsign {id} --as responsible --by {by} --reason 原因），再由 {keeper} 签字（houqin sign {id} --as responsible --by {keeper}）。",
        "Only the keeper signs it: have the signer withdraw it (houqin unsign {id} --as responsible --by {by} --reason WHY), then {keeper} signs (houqin sign {id} --as responsible --by {keeper}).",
    ),
    # --- canteen food safety (食堂, R42)
    "FOOD001": Message(
        E,
        "食材验收 {id}：供货方 {supplier} 的许可证号 {licence} 缺失或无效（索证：食品经营许可证 JY+14 位数字，或营业执照统一社会信用代码）",
        "food receipt {id}: the licence of {supplier} ({licence}) is missing or malformed (a food business licence JY + 14 digits, or the business's unified social credit code)",
        "验收时向供货方索取证照并记下号码：houqin canteen receive --supplier {supplier} --licence 许可证号 …；已写入的记录没有 houqin 命令可改，请在文件中补上 licence。",
        "Ask the supplier for the licence at delivery and record its number: houqin canteen receive --supplier {supplier} --licence NUMBER …; no houqin command edits a written record, so add the licence in the file.",
    ),
    "FOOD002": Message(
        E,
        "食材验收 {id}：{name} 没有这批货的检验检疫合格证明（索票）",
        "food receipt {id}: {name} has no certificate for its batch",
        "每批食材都要索取合格证明并记下编号：houqin canteen receive … --item 名称:数量:单位:金额:合格证明编号；已写入的记录没有 houqin 命令可改，请在文件中补上 certificate。",
        "Every batch comes with its certificate; record its number: houqin canteen receive … --item NAME:QTY:UNIT:AMOUNT:CERTIFICATE; no houqin command edits a written record, so add the certificate in the file.",
    ),
    "FOOD003": Message(
        E,
        "餐次 {id}：{dish} 留样 {grams} 克，少于 {least} 克",
        "meal {id}: the sample of {dish} is {grams} g, less than {least} g",
        "每个品种留样不少于规定克数：houqin canteen meal … --sample {dish}:{least}；已写入的记录没有 houqin 命令可改，请食堂负责人核实后在文件中更正。",
        "Keep at least that much of each dish: houqin canteen meal … --sample {dish}:{least}; no houqin command edits a written record, so have the canteen's head check and correct it in the file.",
    ),
    "FOOD004": Message(
        E,
        "餐次 {id}：留样只保存了 {hours} 小时，不足 {least} 小时",
        "meal {id}: the samples were kept {hours} hours, less than {least}",
        "留样须冷藏保存满规定时间后再销毁：houqin canteen discard {id} --on 日期 --at 时间 --by 销毁人（不早于留样后 {least} 小时）；已写入的记录没有 houqin 命令可改。",
        "Samples are kept refrigerated for the full time before they are thrown away: houqin canteen discard {id} --on DAY --at HH:MM --by WHO (no sooner than {least} hours after sampling); no houqin command edits a written record.",
    ),
    "FOOD005": Message(
        W,
        "餐次 {id}（{date} {meal}）没有学校负责人陪餐记录",
        "meal {id} ({date} {meal_en}): no school leader ate with the students",
        "每餐有学校负责人与学生共同用餐并记录：houqin canteen meal … --accompanied-by 姓名（校长、副校长、总务主任等，见 policy.meal_companions）。",
        "A school leader eats with the students at every meal and it is recorded: houqin canteen meal … --accompanied-by NAME (the principal, a vice principal, the director…: policy.meal_companions).",
    ),
    "FOOD006": Message(
        E,
        "餐次 {id}：{person} 在 {date} 上岗，但没有当日有效的健康证",
        "meal {id}: {person} worked on {date} without a health certificate valid that day",
        "食品从业人员持有效健康证上岗：办证后登记 houqin canteen certificate --person {person} --number 证号 --until 有效期；证未办好之前不得安排上岗。",
        "Canteen staff work only with a valid health certificate: once they have one, record it with houqin canteen certificate --person {person} --number NUMBER --until DAY; until then they do not work.",
    ),
    "FOOD007": Message(
        W,
        "学期 {term} 有 {days} 个上课日没有{meal}记录（最早 {first}）",
        "term {term}: {days} school days without a {meal_en} on record (the first {first})",
        "每餐登记留样与陪餐：houqin canteen meal --meal lunch --served 人数 --sample 菜名:克数 --at 时间 --keeper 留样人 --accompanied-by 陪餐人。",
        "Record every meal with its samples and its leader: houqin canteen meal --meal lunch --served N --sample DISH:GRAMS --at HH:MM --keeper WHO --accompanied-by NAME.",
    ),
    # --- vehicles and receptions (公车、公务接待, R43)
    "VEH001": Message(
        E,
        "{id}：车辆 {vehicle} 不在 catalog.yaml 的 vehicles 中",
        "{id}: vehicle {vehicle} is not listed under vehicles in catalog.yaml",
        "没有 houqin 命令编辑 catalog.yaml（公车由学校登记）：在 vehicles 中登记该车（车牌、名称、责任人），或改正记录中的车牌，再运行 houqin vehicle log --vehicle 车牌 核对。",
        "No houqin command edits catalog.yaml (the school registers its vehicles): list it under vehicles there (plate, name, keeper), or correct the plate in the record, then check with houqin vehicle log --vehicle PLATE.",
    ),
    "VEH002": Message(
        E,
        "出车 {id}（{vehicle}，{date}）出车前没有主管领导批准",
        "trip {id} ({vehicle}, {date}) was not approved by the supervisor before it set out",
        "公车使用先审批后出车：出车当天或之前由主管领导签批 houqin sign {id} --as supervisor --by 主管领导（或登记时 houqin vehicle trip … --approved-by 主管领导 --approved-on 批准日期）；批准晚于出车日的不是事前审批，事后没有 houqin 命令能补，请主管领导核查。",
        "A school vehicle goes out only once approved: the supervisor signs on or before the day, houqin sign {id} --as supervisor --by NAME (or houqin vehicle trip … --approved-by NAME --approved-on DAY when logging it); an approval after the day is no approval beforehand and no houqin command can give one afterwards, so have the supervisor review it.",
    ),
    "VEH003": Message(
        E,
        "{id}：里程表读数 {end} 小于 {start}",
        "{id}: the odometer reads {end}, less than {start}",
        "里程表读数只增不减：核对车辆仪表后在文件中改正（已写入的记录没有 houqin 命令可改），再运行 houqin vehicle log 核对。",
        "An odometer only goes up: check the vehicle's dashboard and correct the record in the file (no houqin command edits a written record), then check with houqin vehicle log.",
    ),
    "VEH004": Message(
        W,
        "出车 {id}：{vehicle} 出车时里程 {start}，与上次出车 {other} 收车时的 {end} 不符（有未登记的行驶？）",
        "trip {id}: {vehicle} set out at {start} km, but trip {other} ended at {end} (driving not logged?)",
        "每次出车都要登记：补登漏记的出车 houqin vehicle trip --vehicle {vehicle} --start {end} --end {start} … ，并说明原因。",
        "Every trip is logged: record the missing one with houqin vehicle trip --vehicle {vehicle} --start {end} --end {start} …, with its reason.",
    ),
    "VEH005": Message(
        E,
        "{id} 所列报销单 {expense} 不存在，或金额与 {amount} 元不符",
        "{id} names claim {expense}, which does not exist or is not for {amount} yuan",
        "车辆费用和接待费都要对应一张报销单：先报销（houqin expense add），再按报销单号和金额登记；已写入的记录没有 houqin 命令可改，请在文件中改正单号或金额。",
        "Each vehicle cost and reception is paid by a claim: make the claim (houqin expense add), then record its id and amount; no houqin command edits a written record, so correct the id or amount in the file.",
    ),
    "VEH007": Message(
        W,
        "出车 {id}（{vehicle}，{date}）已过出车日期，还没有登记回车里程",
        "trip {id} ({vehicle}, {date}) is past its day with no odometer logged",
        "回车后登记里程：houqin vehicle return {id} --start 出车里程 --end 收车里程（没有成行的出车，请主管领导在出车记录上注明）。",
        "Log the odometer on return: houqin vehicle return {id} --start KM --end KM (a trip that never went ahead: have the supervisor note it on the record).",
    ),
    "VEH006": Message(
        W,
        "加油 {id}：{vehicle} 加油 {litres} 升，但自上次加油以来出车登记只有 {km} 公里（按每百公里 {limit} 升计不应超过）",
        "fuel {id}: {vehicle} took {litres} litres, but only {km} km were logged since the last fuel (at most {limit} l per 100 km)",
        "加油量与出车登记应相符：补登漏记的出车（houqin vehicle trip），或由总务主任核查这次加油；油耗标准是 houqin.yaml 的 policy.fuel_per_100km，没有 houqin 命令编辑 houqin.yaml。",
        "Fuel should match the trips logged: record any trip missing (houqin vehicle trip), or have the director look into this fill; the rate is policy.fuel_per_100km in houqin.yaml, which no houqin command edits.",
    ),
    "RCP001": Message(
        E,
        "公务接待 {id}：{unit} 没有公函（无公函不接待）",
        "reception {id}: {unit} sent no official letter",
        "凭派出单位公函接待：houqin reception add --unit {unit} --letter 公函文号 …；已写入的记录没有 houqin 命令可改，请在文件中补上 letter。",
        "Receive visitors only on their unit's official letter: houqin reception add --unit {unit} --letter REF …; no houqin command edits a written record, so add the letter in the file.",
    ),
    "RCP002": Message(
        E,
        "公务接待 {id} 没有接待对象名单",
        "reception {id} has no guest list",
        "接待清单须列明接待对象：houqin reception add … --guest 姓名（可重复）；已写入的记录没有 houqin 命令可改，请在文件中补上 guests。",
        "The reception lists its guests: houqin reception add … --guest NAME (repeat); no houqin command edits a written record, so add the guests in the file.",
    ),
    "RCP003": Message(
        E,
        "公务接待 {id}（{date}）事前没有校长批准",
        "reception {id} ({date}) was not approved by the principal beforehand",
        "接待须事前审批：接待当天或之前由校长签批 houqin sign {id} --as principal --by 校长姓名（或登记时 houqin reception add … --approved-by 校长姓名 --approved-on 批准日期）；批准晚于接待日的不是事前审批，事后没有 houqin 命令能补，请校长核查。",
        "A reception is approved beforehand: the principal signs on or before the day, houqin sign {id} --as principal --by NAME (or houqin reception add … --approved-by NAME --approved-on DAY); an approval after the day is no approval beforehand and no houqin command can give one afterwards, so have the principal review it.",
    ),
    "RCP004": Message(
        E,
        "公务接待 {id}：人均 {per} 元（{heads} 人），超过标准 {limit} 元",
        "reception {id}: {per} yuan a head ({heads} people), above the limit of {limit}",
        "按标准登记接待费用（houqin reception add … --amount 金额），超标部分不予报销，请校长核查；标准是 houqin.yaml 的 policy.reception_per_head，没有 houqin 命令编辑 houqin.yaml。",
        "Record the reception within the limit (houqin reception add … --amount AMOUNT); what is above it is not reimbursed, so have the principal review it; the limit is policy.reception_per_head in houqin.yaml, which no houqin command edits.",
    ),
    "RCP005": Message(
        E,
        "公务接待 {id}：接待对象 {guests} 人，陪同 {staff} 人，超过 {allowed} 人",
        "reception {id}: {staff} staff at table for {guests} guests, more than {allowed}",
        "接待对象10人以内的陪餐不超过3人，超过10人的不超过接待对象的三分之一：登记时减少陪同（houqin reception add … --staff 姓名）；已写入的记录没有 houqin 命令可改，请校长核查。",
        "Up to 10 guests, at most 3 staff at table; above 10, at most a third of the guests: record fewer staff (houqin reception add … --staff NAME); no houqin command edits a written record, so have the principal review it.",
    ),
    # --- the term-end report (书面上报校长室, R40)
    "PD007": Message(
        W,
        "盘点 {id}（学期 {term} 的{at}）已 {days} 天，校长尚未确认盘点报告（期限 {limit} 天，节假日不计；书面上报校长室）",
        "stocktake {id} (the {at_en} of term {term}) is {days} days old and the principal has not acknowledged its report (limit {limit}, holidays not counted)",
        "把盘点报告（houqin inventory findings --stocktake {id}）交校长审阅，校长确认后签字：houqin sign {id} --as principal --by 校长姓名。",
        "Take the report (houqin inventory findings --stocktake {id}) to the principal, who acknowledges it by signing: houqin sign {id} --as principal --by NAME.",
    ),
    "PD008": Message(
        W,
        "盘点 {id} 发现 {asset}（{place}）{kind_zh}，已 {days} 天仍未处理（期限 {limit} 天，节假日不计）",
        "stocktake {id} found {asset} ({place}) {kind_en}; still unresolved after {days} days (limit {limit}, holidays not counted)",
        "按情况处理：损坏的 houqin damage report {asset} --by 责任人 --description 情况；丢失的报损 houqin asset scrap {asset} --lost --reason 原因（经审批）；地点或保管人不符的 houqin asset move {asset} --to-place 地点 --to-keeper 保管人；找回或归位的 houqin inventory resolve {id} --asset {asset} --by 保管人 --detail 情况。",
        "Resolve it: a damaged one with houqin damage report {asset} --by WHO --description TEXT; a lost one written off with houqin asset scrap {asset} --lost --reason WHY (then approved); one in the wrong place or with another keeper with houqin asset move {asset} --to-place PLACE --to-keeper KEEPER; one found or put back with houqin inventory resolve {id} --asset {asset} --by KEEPER --detail TEXT.",
    ),
    "PD009": Message(
        E,
        "盘点问题处理 {id}：盘点 {stocktake} 没有关于 {asset} 的发现（或处理早于盘点）",
        "resolution {id}: stocktake {stocktake} has no finding about {asset} (or the resolution is dated before it)",
        "只处理盘点发现的问题：用 houqin inventory findings --stocktake {stocktake} 查看其发现，再 houqin inventory resolve {stocktake} --asset 资产编号 --by 保管人 --detail 情况；已写入的记录没有 houqin 命令可改，请在文件中删去这条错误记录。",
        "Resolve only what a count found: list its findings with houqin inventory findings --stocktake {stocktake}, then houqin inventory resolve {stocktake} --asset ASSET --by KEEPER --detail TEXT; no houqin command edits a written record, so delete this one in the file.",
    ),
}

SCHEMA_REASONS: Mapping[str, tuple[str, str]] = {
    "missing": ("缺少必填字段", "required field is missing"),
    "extra_forbidden": ("未知字段（拼写错误？）", "unknown field (a typo?)"),
    "money_float": ('金额须写成带引号的文字，如 "1299.50"', 'money must be a quoted string such as "1299.50"'),
    "money_format": (
        '不是金额：{value}（账本中金额只写半角数字和小数点，如 "1200.00"，不带千分位、全角数字或 e/0x 写法）',
        'not an amount of money: {value} (in a ledger, money is ASCII digits and a point, such as "1200.00": '
        "no separators, full-width digits, exponents or hex)",
    ),
    "money_type": ('金额须写成带引号的文字，如 "1200.00"', 'money must be a quoted string such as "1200.00"'),
    "money_positive": ("金额必须大于零：{value}", "an amount must be above zero: {value}"),
    "money_negative": ("金额不能为负：{value}", "an amount cannot be negative: {value}"),
    "money_zero": ("金额为零，不改变任何数目", "an amount of zero changes nothing"),
    "quantity_type": ("数量须为整数或带引号的小数", "a quantity is a whole number or a quoted decimal"),
    "quantity_format": ("不是数量：{value}", "not a quantity: {value}"),
    "quantity_positive": ("数量必须大于零", "a quantity must be above zero"),
    "date_format": ("日期须写成 YYYY-MM-DD：{value}", "a date is written YYYY-MM-DD: {value}"),
    "no_such_date": ("没有这一天：{value}", "no such date: {value}"),
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
    "receipt_range": ("末号小于首号：{value}", "the last number is below the first: {value}"),
    "account_kind": (
        "账户 {value} 须写明种类 kind：cash（现金）、bank（银行存款）或 fund（账内专项资金）",
        "account {value} needs its kind: cash, bank or fund (money kept apart inside the books)",
    ),
    "unknown_role": ("不是 houqin 的角色：{value}", "not one of houqin's roles: {value}"),
}


# Why a row of an imported sheet cannot be taken (IMP001's reason), by kind.
IMPORT_REASONS: Mapping[str, tuple[str, str]] = {
    "missing": ("缺少：{fields}", "missing: {fields}"),
    "no_such_day": ("{field} {value}：没有这一天", "{field} {value}: no such date"),
    "day_format": (
        "{field} {value} 不是日期（写成 2026-11-30、2026/11/30、2026.11.30 或 2026年11月30日）",
        "{field} {value} is not a date (write 2026-11-30, 2026/11/30, 2026.11.30 or 2026年11月30日)",
    ),
    "money_format": (
        "{field} {value} 不是金额（如 1299.50）",
        "{field} {value} is not an amount of money (like 1299.50)",
    ),
    "whole_quantity": ("{field} {value} 须为整数", "{field} {value} must be a whole number"),
    "below_threshold": (
        "单价 {price} 低于固定资产标准 {threshold}，须在备注中说明理由",
        "unit price {price} is below the {threshold} threshold: give the reason in 备注 (note)",
    ),
    "unknown_item": ("物品 {value} 不在 catalog.yaml 中", "item {value} is not in catalog.yaml"),
    "amount_mismatch": (
        "数量 {quantity} × 单价 {price} = {product}，与金额 {amount} 不符",
        "quantity {quantity} × unit price {price} = {product}, not the amount {amount}",
    ),
    "amount_not_cents": (
        "金额 {amount} ÷ 数量 {quantity} 不是整分的单价：加一列单价",
        "amount {amount} ÷ quantity {quantity} is no price in whole cents: add a 单价 column",
    ),
    "invalid_field": ("{field} 无效：{detail}", "{field} is invalid: {detail}"),
    "not_understood": ("无法识别：{detail}", "not understood: {detail}"),
    "duplicate_name": (
        "姓名 {value} 在表中出现两次（同名的人在 people.yaml 中加后缀区分，如 张伟2）",
        "the name {value} appears twice (homonyms get a suffix in people.yaml, such as 张伟2)",
    ),
    "unknown_role": (
        "职务 {value} 不是 houqin 的角色（校长、副校长、总务主任、部门负责人、会计、出纳、保管员、文员、教师、稽核、职工）",
        "role {value} is not one of houqin's (校长, 副校长, 总务主任, 部门负责人, 会计, 出纳, 保管员, 文员, 教师, 稽核, 职工)",
    ),
    "unknown_keeper": (
        "保管人 {value} 不在 people.yaml 中（先导入教职工名单：houqin people import）",
        "keeper {value} is not in people.yaml (import the staff list first: houqin people import)",
    ),
    "duplicate_place": ("地点 {value} 在表中出现两次", "the place {value} appears twice"),
    "unknown_kind": (
        "类型 {value} 不是地点类型（班级、办公室、功能室、体育器材室、库房、楼宇、室外、其他）",
        "kind {value} is not a kind of place (班级, 办公室, 功能室, 体育器材室, 库房, 楼宇, 室外, 其他)",
    ),
    "unknown_category": (
        "资产分类 {value} 既不是分类代码，也不是 catalog.yaml 中的分类名称",
        "category {value} is neither a code nor a category name in catalog.yaml",
    ),
}


# What libyaml says of a syntax error (YAML001's problem), in Chinese; the original follows in brackets
# so it can still be searched for. A problem not listed here is shown as libyaml says it.
YAML_PROBLEMS: Mapping[str, str] = {
    "mapping values are not allowed in this context": "此处不能再有“键: 值”（是否多了冒号，或值里的冒号没加引号？）",
    "did not find expected key": "找不到应有的键（缩进是否与上一行对齐？）",
    "did not find expected ',' or '}'": "花括号 { } 没有闭合（缺少逗号或右花括号？）",
    "did not find expected ',' or ']'": "方括号 [ ] 没有闭合（缺少逗号或右方括号？）",
    "could not find expected ':'": "缺少冒号（键后面应有“: ”）",
    "found character that cannot start any token": "出现了不能开头的字符（如 Tab、@ 或 `；请加引号或改用空格）",
    "found unexpected end of stream": "文件意外结束（引号或括号没有闭合？）",
    "did not find expected node content": "缺少内容（冒号或短横后面是空的？）",
    "did not find expected '-' indicator": "列表项应以“- ”开头，缩进对齐",
    "found a tab character that violates indentation": "缩进中有 Tab，请改用空格",
    "found unknown escape character": "双引号中有无法识别的转义（\\ 后的字符），改用单引号或去掉反斜杠",
    "block sequence entries are not allowed in this context": "此处不能开始列表（“- ”的缩进不对？）",
    "did not find expected comment or line break": "行尾有多余的内容（引号之后还有文字？）",
    "NUL": "文件中有 NUL 字符",
}


def default_severity(code: str) -> Severity:
    return CATALOG[code].severity


def _fill(template: str, params: Mapping[str, str]) -> str:
    return template.format_map(defaultdict(lambda: "?", params))


# The hint shown when a write is refused (exit 1, nothing written): the catalogue's hint speaks of a
# record already in the file (withdraw the signature, delete the line, have the payment reviewed); at a
# refused write there is nothing to undo, so these say what to do now instead. A code without one here
# reads the same either way (its hint is about what to type, or says "已写入的…" of a record written).
AT_REFUSAL: Mapping[str, tuple[str, str]] = {
    "APR001": (
        "没有写入付款。先签齐 {chain}：{sign}，再付款。",
        "Nothing was paid. Have {chain} signed first: {sign}, then pay.",
    ),
    "APR002": (
        "没有写入这条签字。签批须按顺序进行：{chain}；核对日期后重签：{sign} --on 日期（不早于 {previous} 的签字日）。",
        "Nothing was written. Steps are signed in order: {chain}; sign again with the right day: {sign} --on DAY (not before {previous} signed).",
    ),
    "APR003": (
        "没有写入这条签字。签字日期不能早于单据日期：{sign} --on 日期。",
        "Nothing was written. A signature cannot predate the record: {sign} --on DAY.",
    ),
    "APR004": (
        "没有写入。此类单据只签 {chain}（环节在 houqin.yaml 的 policy.signatures.chains，没有 houqin 命令编辑它）：用其中的环节签，houqin sign ID --as 环节 --by 姓名。",
        "Nothing was written. This kind of record is signed {chain} only (houqin.yaml policy.signatures.chains, which no houqin command edits): sign one of those steps, houqin sign ID --as STEP --by NAME.",
    ),
    "APR005": (
        "没有写入：{step} 已经签过，不必再签；houqin pending --person 姓名 查看还待谁签。",
        "Nothing was written: {step} is already signed; houqin pending --person NAME shows who is still to sign.",
    ),
    "KEY001": (
        "没有写入。{by} 的签字须用本人的密钥：{sign} --key 私钥文件（登记新记录时，由 {by} 在登记命令后加上 --key 私钥文件；尚未登记密钥的，先 houqin key add --person {by} --file 公钥文件 --key 校长私钥文件）。",
        "Nothing was written. {by} signs with their own key: {sign} --key KEYFILE (recording a new record: {by} adds --key KEYFILE to that command; a key not yet registered: houqin key add --person {by} --file KEY.pub --key PRINCIPAL_KEYFILE first).",
    ),
    "KEY002": (
        "没有写入这条签字。用 ssh-keygen 生成的私钥文件重签：{sign} --key 私钥文件。",
        "Nothing was written. Sign again with a private key file made by ssh-keygen: {sign} --key KEYFILE.",
    ),
    "KEY003": (
        "没有写入这条签字。签名须用 {by} 本人当日有效的密钥：先登记（houqin key add --person {by} --file 公钥文件），再签：{sign} --key 私钥文件。",
        "Nothing was written. Sign with {by}'s own key valid that day: register it (houqin key add --person {by} --file KEY.pub), then sign: {sign} --key KEYFILE.",
    ),
    "KEY005": (
        "没有写入这条签字。须按顺序签：先由 {missing} 签（{sign_missing}），再签 {step}：{sign} --key 私钥文件。",
        "Nothing was written. Steps are signed in order: {missing} first ({sign_missing}), then {step}: {sign} --key KEYFILE.",
    ),
    "SIG001": (
        "没有写入这条签字。由具备该角色（{roles}）的人签：{sign}；角色和任期在 people.yaml 中，没有 houqin 命令编辑它。",
        "Nothing was written. Have someone holding the role ({roles}) sign: {sign}; roles and their dates are in people.yaml, which no houqin command edits.",
    ),
    "SIG002": (
        "没有写入这条签字。离职或尚未入职人员不能签字：由在职人员签（{sign}）。",
        "Nothing was written. People who have left (or not yet joined) cannot sign: have someone on the staff sign ({sign}).",
    ),
    "SOD001": (
        "没有写入这条签字。同一单据的各环节由不同的人签字：由另一人签（{sign}）。",
        "Nothing was written. Each step of a record is signed by a different person: have another person sign ({sign}).",
    ),
    "SOD002": (
        "没有写入这条签字。出纳只管付款，不作证明也不审批：由他人签（{sign}）。",
        "Nothing was written. The cashier pays and neither witnesses nor approves: have someone else sign ({sign}).",
    ),
    "SOD003": (
        "没有写入这条签字。本人的申请须由他人审批：由他人签（{sign}）；校长本人的申请由副校长代签（policy.signatures.own_requests），并附领导班子会议记录或上级批复（houqin expense add --meeting-on 日期 --attendee 姓名 --decision 决定，或 --authority 文号）。",
        "Nothing was written. Someone else must approve one's own request: have someone else sign ({sign}); the principal's own request is signed for by the vice-principal (policy.signatures.own_requests), with the leadership meeting or the superior's approval on it (houqin expense add --meeting-on DAY --attendee NAME --decision TEXT, or --authority NUMBER).",
    ),
    "SOD005": (
        "没有写入付款。出纳只付别人签批的单据：由未在单据上签字的出纳付款（houqin expense pay ID --by 出纳姓名）。",
        "Nothing was paid. The cashier pays only what others signed: have a cashier who signed nothing on it pay (houqin expense pay ID --by NAME).",
    ),
    "AST005": (
        "没有写入这条签字。调拨由移交的保管人和接收的保管人签字：houqin sign {id} --as {step_key} --by {expected}。",
        "Nothing was written. A move is signed by the keeper who gives and the keeper who receives: houqin sign {id} --as {step_key} --by {expected}.",
    ),
    "RSP002": (
        "没有写入这条签字。只有保管人本人签收：houqin sign {id} --as responsible --by {keeper}。",
        "Nothing was written. Only the keeper signs it: houqin sign {id} --as responsible --by {keeper}.",
    ),
    "STK006": (
        "没有写入。证明人须是验收人以外的另一人：houqin stock in 物品 --acceptor 验收人 --witness 证明人。",
        "Nothing was written. The witness is someone other than the acceptor: houqin stock in ITEM --acceptor NAME --witness NAME.",
    ),
    "AUD006": (
        "没有写入这条签字。只有记录中的成员签字：houqin audit sign {id} --by 成员姓名。",
        "Nothing was written. Only the members listed sign: houqin audit sign {id} --by NAME.",
    ),
    "AUD003": (
        "没有写入。会计、出纳的工作正是稽核的对象：换一位不管账、不管钱的成员登记（houqin audit record --member 姓名）。",
        "Nothing was written. The accountant's and the cashier's work is what is audited: record the audit with another member (houqin audit record --member NAME).",
    ),
    "AST001": (
        "没有写入。报废、转让、报损之后的资产不再有任何变动：houqin asset show {asset} 查其历史，核对资产编号。",
        "Nothing was written. Nothing happens to an asset after it leaves the books: houqin asset show {asset} gives its history; check the asset's id.",
    ),
    "PD009": (
        "没有写入。只处理盘点发现的问题：houqin inventory findings --stocktake {stocktake} 查看其发现，再 houqin inventory resolve {stocktake} --asset 资产编号 --by 保管人 --detail 情况。",
        "Nothing was written. Resolve only what a count found: houqin inventory findings --stocktake {stocktake} lists them, then houqin inventory resolve {stocktake} --asset ASSET --by KEEPER --detail TEXT.",
    ),
    "REC010": (
        "没有写入这条签字。由 {expected} 本人签：houqin sign {id} --as {step_key} --by {expected}。",
        "Nothing was written. {expected} signs it: houqin sign {id} --as {step_key} --by {expected}.",
    ),
    "FEE010": (
        "没有写入。先由校长批准结算：houqin sign {settlement} --as principal --by 校长姓名，再退款或补收。",
        "Nothing was written. Have the principal approve the settlement first: houqin sign {settlement} --as principal --by NAME, then refund or collect.",
    ),
    "FEE009": (
        "没有写入。只补收结算列出的应补：houqin fee collect {settlement} --class 班级 --amount 金额（结算公示列出各班应补 {owed} 元等）。",
        "Nothing was written. Collect only the top-ups the settlement states: houqin fee collect {settlement} --class CLASS --amount AMOUNT (its notice lists each class's; owed here: {owed}).",
    ),
    "INV002": (
        "没有写入。同一张发票不能报销两次：换一张未报销的发票登记（houqin expense add --invoice 号码）。",
        "Nothing was written. An invoice can be claimed only once: claim with an unused invoice (houqin expense add --invoice NUMBER).",
    ),
}


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
                shown[name] = f"{value} (write {meant})" if lang == "en" else f"{value}（YAML 中应写 {meant}）"
            shown[f"{name}_key"] = value  # what --as takes, for a hint's command
        elif sort == CHAIN:
            shown[name] = " → ".join(word(k, lang) for k in value.split(" → "))
        elif sort == ROLE_LIST:
            shown[name] = "/".join(word(k, lang) for k in value.split("/"))
        elif sort == FIELD:
            shown[name] = field_label(value, lang)
        else:
            sep = "、" if lang == "zh" else ", "
            shown[name] = sep.join(labelled(k, lang, FIELDS) for k in value.split(","))
    return shown


def render_message(code: str, lang: str, params: Mapping[str, str]) -> str:
    msg = CATALOG.get(code)
    if msg is None:
        return f"{code} {dict(params)}"
    shown = _in_words(code, lang, params)
    if code == "YAML001" and lang != "en" and params.get("problem") in YAML_PROBLEMS:
        shown["problem"] = f"{YAML_PROBLEMS[params['problem']]}（{params['problem']}）"
    if code == "SCH001":
        zh, en = SCHEMA_REASONS.get(params.get("kind", ""), (params.get("detail", ""), params.get("detail", "")))
        shown["reason"] = _fill(en if lang == "en" else zh, shown)
    elif code == "IMP001" and params.get("kind") in IMPORT_REASONS:
        if params.get("schema") in SCHEMA_REASONS:
            zh, en = SCHEMA_REASONS[params["schema"]]
            shown["detail"] = _fill(en if lang == "en" else zh, shown)
        zh, en = IMPORT_REASONS[params["kind"]]
        shown["reason"] = _fill(en if lang == "en" else zh, shown)
    return _fill(msg.en if lang == "en" else msg.zh, shown)


# The command that signs a record, by its id's prefix (the others: houqin sign).
SIGN_COMMANDS: Mapping[str, tuple[str, str]] = {
    "BX": ("houqin expense sign {id} --as {step} --by 姓名", "houqin expense sign {id} --as {step} --by NAME"),
    "CG": ("houqin purchase approve {id} --as {step} --by 姓名", "houqin purchase approve {id} --as {step} --by NAME"),
    "JK": ("houqin advance approve {id} --by 校长姓名", "houqin advance approve {id} --by NAME"),
}
ANY_SIGN = ("houqin sign {id} --as {step} --by 姓名", "houqin sign {id} --as {step} --by NAME")


PAY_COMMANDS: Mapping[str, tuple[str, str]] = {
    "BX": ("houqin expense pay {id} --by 出纳姓名", "houqin expense pay {id} --by NAME"),
    "JK": ("houqin advance pay {id} --by 出纳姓名", "houqin advance pay {id} --by NAME"),
    "JS": ("houqin fee refund {id} --by 出纳姓名", "houqin fee refund {id} --by NAME"),
}


def sign_command(record: str, step: str, lang: str) -> str:
    """The command a hint names to add a signature to `record`: each kind's own (an advance is
    approved with houqin advance approve, a claim signed with houqin expense sign; a payment is the
    cashier's houqin expense pay or houqin advance pay)."""
    prefix = record.split("-", 1)[0]
    if step == "payment" and prefix in PAY_COMMANDS:
        zh, en = PAY_COMMANDS[prefix]
        return (en if lang == "en" else zh).format(id=record)
    zh, en = SIGN_COMMANDS.get(record.split("-", 1)[0], ANY_SIGN)
    return (en if lang == "en" else zh).format(id=record or "ID", step=step or ("STEP" if lang == "en" else "环节"))


def render_hint(code: str, lang: str, params: Mapping[str, str], record: str = "", refused: bool = False) -> str:
    """The hint of a diagnostic; with `refused`, as shown at a write refused (nothing written: AT_REFUSAL)."""
    msg = CATALOG.get(code)
    if msg is None:
        return ""
    shown = _in_words(code, lang, params)
    rid = record or params.get("id", "")
    shown["sign"] = sign_command(rid, shown.get("step_key", ""), lang)
    shown["sign_missing"] = sign_command(rid, shown.get("missing_key", ""), lang)
    zh, en = AT_REFUSAL[code] if refused and code in AT_REFUSAL else (msg.hint_zh, msg.hint_en)
    return _fill(en if lang == "en" else zh, shown)
