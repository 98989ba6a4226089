"""Realistic registers for the moving-in tests, written the ways schools keep them: a title and an
info row above the header, 存放地点 merged over the rows of one room, a 合计 row, prices typed with
full-width digits, 元, ￥ and separators, dates as Excel dates, serials and Chinese text; saved as
.xlsx (openpyxl), .xls (xlwt, BIFF8 as old Excel and WPS save it), .ods (written as its XML by hand),
GB18030 .csv and UTF-16 tab-separated .txt (Excel's "Unicode text")."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

TITLE = "青禾县测试小学固定资产登记表"
INFO = "填表单位：测试小学（盖章）    填表日期：2024年9月1日    单位：元"
HEADER = (
    "序号",
    "原编号",
    "资产名称",
    "资产分类",
    "规格型号",
    "计量单位",
    "数量",
    "单价（元）",
    "金额（元）",
    "取得日期",
    "存放地点",
    "保管人",
    "经费来源",
)
Cell = object
# The rows as the clerk typed them; None under 存放地点 is the merged cell's covered part.
ROWS: list[tuple[Cell, ...]] = [
    (
        1,
        "GD-001",
        "台式电脑",
        "台式计算机",
        "联想启天M430",
        "台",
        2,
        "４２９９．００",
        8598,
        dt.date(2019, 3, 5),
        "计算机教室",
        "李主任",
        "财政拨款",
    ),
    (2, "GD-002", "台式电脑", "A02010105", "联想", "台", 1, "5,699.00元", 5699, "2019.3.5", None, "李主任", "财政拨款"),
    (
        3,
        "GD-003",
        "数字显微镜",
        "教学仪器",
        "OLYMPUS",
        "台",
        1,
        "￥6,200.00",
        6200,
        "2019年3月",
        None,
        "李主任",
        "自筹资金",
    ),
    (
        4,
        "GD-004",
        "交互式一体机",
        "教学仪器",
        "",
        "台",
        1,
        "4，299.00",
        4299,
        43529,
        "一年级（1）班",
        "张老师",
        "财政拨款",
    ),
    (5, "GD-005", "钢琴", "教学仪器", "珠江", "台", 1, 12000, 12000, "2019/9/1", "三年级(2)班", "钱老师", "社会捐赠"),
    ("", "", "", "", "", "", "", "", "", "", "", "", ""),
    ("合计", "", "", "", "", "", 6, "", "36,796.00", "", "", "", ""),
]
MERGED = (0, 2)  # 存放地点 (column K) of data rows 1–3 is one merged cell
PLACE = HEADER.index("存放地点")


def rows(total: str = "36,796.00") -> list[tuple[Cell, ...]]:
    out = [list(r) for r in ROWS]
    out[-1][HEADER.index("金额（元）")] = total
    return [tuple(r) for r in out]


def filled(data: Sequence[tuple[Cell, ...]]) -> list[tuple[Cell, ...]]:
    """What a csv export of the merged sheet should hold for houqin to read it: the place on every row."""
    out, last = [], None
    for r in data:
        if r[PLACE] is not None:
            last = r[PLACE]
        out.append(tuple(last if i == PLACE and v is None else v for i, v in enumerate(r)))
    return out


def write_xlsx(path: Path, data: Sequence[tuple[Cell, ...]] | None = None) -> Path:
    from openpyxl import Workbook

    data = rows() if data is None else data
    book = Workbook()
    ws = book.active
    ws.title = "固定资产"
    ws.append([TITLE])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.append([INFO])
    ws.append(list(HEADER))
    for r in data:
        ws.append([None if v == "" else v for v in r])
        if isinstance(r[HEADER.index("取得日期")], dt.date):
            ws.cell(ws.max_row, HEADER.index("取得日期") + 1).number_format = "yyyy-mm-dd"
    top = 4 + MERGED[0]
    ws.merge_cells(start_row=top, start_column=PLACE + 1, end_row=4 + MERGED[1], end_column=PLACE + 1)
    book.save(path)
    return path


def write_xls(path: Path, data: Sequence[tuple[Cell, ...]] | None = None) -> Path:
    import xlwt

    data = rows() if data is None else data
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("固定资产")
    day = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    ws.write_merge(0, 0, 0, len(HEADER) - 1, TITLE)
    ws.write(1, 0, INFO)
    for c, h in enumerate(HEADER):
        ws.write(2, c, h)
    first, last = 3 + MERGED[0], 3 + MERGED[1]
    for i, r in enumerate(data):
        for c, v in enumerate(r):
            if c == PLACE and first <= 3 + i <= last:
                continue
            if isinstance(v, dt.date):
                ws.write(3 + i, c, v, day)
            elif v not in ("", None):
                ws.write(3 + i, c, v)
    ws.write_merge(first, last, PLACE, PLACE, data[MERGED[0]][PLACE])
    book.save(str(path))
    return path


def write_ods(path: Path, data: Sequence[tuple[Cell, ...]] | None = None) -> Path:
    """An OpenDocument spreadsheet as LibreOffice and WPS write one: the merged place spans three rows
    (table:number-rows-spanned) over covered cells."""
    data = rows() if data is None else data

    def cell(v: Cell, span: int = 1) -> str:
        extra = f' table:number-rows-spanned="{span}"' if span > 1 else ""
        if v is None:
            return "<table:covered-table-cell/>"
        if isinstance(v, dt.date):
            return (
                f'<table:table-cell office:value-type="date" office:date-value="{v.isoformat()}"{extra}>'
                f"<text:p>{v.isoformat()}</text:p></table:table-cell>"
            )
        if isinstance(v, (int, float)):
            return (
                f'<table:table-cell office:value-type="float" office:value="{v}"{extra}>'
                f"<text:p>{v}</text:p></table:table-cell>"
            )
        if v == "":
            return "<table:table-cell/>"
        return (
            f'<table:table-cell office:value-type="string"{extra}><text:p>{escape(str(v))}</text:p></table:table-cell>'
        )

    lines = [
        f"<table:table-row>{cell(TITLE)}</table:table-row>",
        f"<table:table-row>{cell(INFO)}</table:table-row>",
        "<table:table-row>" + "".join(cell(h) for h in HEADER) + "</table:table-row>",
    ]
    span = MERGED[1] - MERGED[0] + 1
    for i, r in enumerate(data):
        cells = [cell(v, span if (c == PLACE and i == MERGED[0]) else 1) for c, v in enumerate(r)]
        lines.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="固定资产">'
        + "".join(lines)
        + "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return path


def as_text(v: Cell) -> str:
    if isinstance(v, dt.date):
        return f"{v.year}-{v.month:02d}-{v.day:02d}"
    return "" if v is None else str(v)


def write_text(path: Path, encoding: str, sep: str, data: Sequence[tuple[Cell, ...]] | None = None) -> Path:
    """A csv (or Excel's tab-separated "Unicode text") export: the title rows come along, merged cells
    filled (see docs/moving-in.md: a csv has no merged cells, houqin does not guess)."""
    data = filled(rows() if data is None else data)
    lines = [TITLE, INFO, sep.join(HEADER), *(sep.join(_quoted(as_text(v), sep) for v in r) for r in data)]
    text = "\r\n".join(lines) + "\r\n"
    path.write_bytes(text.encode(encoding) if encoding != "utf-16" else b"\xff\xfe" + text.encode("utf-16-le"))
    return path


def _quoted(text: str, sep: str) -> str:
    return f'"{text}"' if sep in text or ("," in text and sep == ",") else text


STAFF_HEADER = ("序号", "姓名", "部门", "职务", "入职日期", "联系电话")
STAFF: list[tuple[Cell, ...]] = [
    (1, "王校长", "校长室", "校长", "2010年9月1日", ""),  # already in people.yaml
    (2, "钱 老师", "三年级组", "教师、班主任", dt.date(2012, 8, 28), "13800000000"),
    (3, "孙会计", "财务室", "会计", "2015.3.1", ""),
    (4, "吴保管", "总务处", "总务主任/保管员", "2016-08", ""),
    (5, "郑师傅", "后勤", "", "", ""),
]


def write_staff_xls(path: Path, data: Sequence[tuple[Cell, ...]] | None = None) -> Path:
    """教职工名单 as an old .xls with a title row (merged across) above the header."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("教职工")
    day = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    ws.write_merge(0, 0, 0, len(STAFF_HEADER) - 1, "青禾县测试小学教职工名单")
    for c, h in enumerate(STAFF_HEADER):
        ws.write(1, c, h)
    for i, r in enumerate(STAFF if data is None else data):
        for c, v in enumerate(r):
            if isinstance(v, dt.date):
                ws.write(2 + i, c, v, day)
            elif v not in ("", None):
                ws.write(2 + i, c, v)
    book.save(str(path))
    return path


# A whole school moving in, as the README's tour does it (tests/test_tour.py): the staff list, the
# rooms, the register, next term's register, the storeroom's opening stock — the files a clerk brings.
TOUR_STAFF: list[tuple[Cell, ...]] = [
    (1, "王建国", "校长室", "校长", "2008年9月1日", ""),
    (2, "刘 芳", "校长室", "副校长", dt.date(2010, 9, 1), ""),
    (3, "李主任", "总务处", "总务主任、保管员", "2012.8.28", "13800000001"),
    (4, "孙会计", "财务室", "会计", "2015-03", ""),
    (5, "赵出纳", "财务室", "出纳", "2016/9/1", ""),
    (6, "张老师", "一年级组", "教师/班主任", dt.date(2018, 8, 30), ""),
    (7, "钱老师", "三年级组", "教师", "2019年8月", ""),
]
TOUR_PLACES_HEADER = ("序号", "编号", "名称", "类型", "楼宇", "保管人")
TOUR_PLACES: list[tuple[Cell, ...]] = [
    (1, "JX-101", "一年级（1）班", "班级", "教学楼", "张老师"),
    (2, "JX-302", "三年级(2)班", "班级", "教学楼", "钱老师"),
    (3, "SY-301", "计算机教室", "功能室", "实验楼", "李主任"),
    (4, "", "总务库房", "库房", "综合楼", "李主任"),
    (5, "XZ-201", "财务室", "办公室", "综合楼", "孙会计"),
]
# The register: categories by name or by code (the template's), prices and dates typed every which
# way, 存放地点 merged over the computer room's rows, units left empty where the category says them.
TOUR_REGISTER: list[tuple[Cell, ...]] = [
    (1, "GD-001", "台式电脑", "台式计算机", "联想启天M430", "台", 20, "４２９９．００", 85980, dt.date(2019, 3, 5),
     "计算机教室", "李主任", "财政拨款"),
    (2, "GD-002", "笔记本电脑", "A02010108", "ThinkPad E14", "", 2, "5,699.00元", 11398, "2021.9.1", None,
     "李主任", "财政拨款"),
    (3, "GD-003", "空调", "空调机", "格力 3匹", "台", 1, "￥6,200.00", 6200, "2020年6月", None, "李主任", "自筹资金"),
    (4, "GD-004", "交互式电子白板", "电子白板", "希沃 86英寸", "", 1, "16，800.00", 16800, 44440, "一年级(1)班",
     "张老师", "财政拨款"),
    (5, "GD-005", "图书角书柜", "书柜", "钢制", "", 2, "1050", 2100, "2018/5/20", "三年级（2）班", "钱老师",
     "社会捐赠"),
    (6, "GD-006", "文件柜", "A05010502", "钢制 五节", "", 2, "1,100.00", 2200, "2017年8月1日", "财务室", "孙会计",
     "财政拨款"),
]  # fmt: skip
TOUR_STOCK_HEADER = ("序号", "物品名称", "计量单位", "数量", "单价（元）", "金额（元）", "日期", "备注")
TOUR_STOCK: list[tuple[Cell, ...]] = [
    (1, "A4复印纸", "包", 40, "23.50", "940.00", "2026-08-31", "期初结存"),
    (2, "硒鼓", "个", 3, "286.00", "858.00", "2026-08-31", ""),
    (3, "粉笔", "盒", 120, "3.20", "384.00", "2026年8月31日", ""),
]


def _tour_book(path: Path, title: str, header: Sequence[str], body: Sequence[tuple[Cell, ...]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(list(header))
    for r in body:
        ws.append([None if v == "" else v for v in r])
    book.save(path)
    return path


def write_school(directory: Path) -> list[Path]:
    """The five files of the README's tour, in `directory`: 教职工名单.xls, 地点表.xlsx,
    固定资产登记表.xls (with its 合计 row), 固定资产登记表-新学期.xlsx (GD-002 now in 一年级(1)班 with
    张老师) and 期初库存.xlsx."""
    import xlwt

    directory.mkdir(parents=True, exist_ok=True)
    out = [write_staff_xls(directory / "教职工名单.xls", TOUR_STAFF)]
    out.append(_tour_book(directory / "地点表.xlsx", "青禾县实验小学地点表", TOUR_PLACES_HEADER, TOUR_PLACES))
    total = sum(int(str(r[8])) for r in TOUR_REGISTER)
    body = [*TOUR_REGISTER, ("合计", "", "", "", "", "", 28, "", f"{total:,}.00", "", "", "", "")]
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("固定资产")
    day = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    ws.write_merge(0, 0, 0, len(HEADER) - 1, "青禾县实验小学固定资产登记表")
    ws.write(1, 0, "填表单位：青禾县实验小学（盖章）    单位：元")
    for c, h in enumerate(HEADER):
        ws.write(2, c, h)
    for i, r in enumerate(body):
        for c, v in enumerate(r):
            if c == PLACE and i < 3:
                continue
            if isinstance(v, dt.date):
                ws.write(3 + i, c, v, day)
            elif v not in ("", None):
                ws.write(3 + i, c, v)
    ws.write_merge(3, 5, PLACE, PLACE, "计算机教室")  # 存放地点 merged over the computer room's three rows
    path = directory / "固定资产登记表.xls"
    book.save(str(path))
    out.append(path)
    later = [tuple("一年级(1)班" if (r[1] == "GD-002" and i == PLACE) else ("张老师" if (r[1] == "GD-002" and
             i == PLACE + 1) else v) for i, v in enumerate(r)) for r in filled(TOUR_REGISTER)]  # fmt: skip
    out.append(_tour_book(directory / "固定资产登记表-新学期.xlsx", "固定资产登记表（2026年秋季）", HEADER, later))
    out.append(_tour_book(directory / "期初库存.xlsx", "库房期初结存", TOUR_STOCK_HEADER, TOUR_STOCK))
    return out
