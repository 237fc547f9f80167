#!/usr/bin/python3
"""Writes the Word and Excel samples in sample_data/office/ and their text and CSV twins.

Python 3 standard library only (zipfile and hand-written XML): the same
script always writes the same bytes. Every document is described once below
and written twice, as the .docx/.xlsx a partner would send and as the text
form heard already reads, so a test can check both load to the same records.

    python3 tools/make_office_samples.py [OUT_DIR]   # default: sample_data/office

Everything here is synthetic and written for heard (see sample_data/README.md).
The Word files carry the shapes real ones have: runs split inside words,
smart quotes, a tracked deletion and insertion, a line break inside a
paragraph, empty paragraphs, bullets from numbering.xml and from a list
style, a numbered list, a legend table and a hyperlink. The workbook has a
title row above the header, shared and inline strings, a date column with a
date number format, a number, a boolean and empty (absent) cells.
"""

import csv
import io
import os
import sys
import zipfile
from xml.sax.saxutils import escape

STAMP = (2026, 3, 14, 9, 0, 0)

# ---- documents ---------------------------------------------------------------
# Blocks: ("title", text) ("heading", level, text) ("para", runs) ("bullet", runs)
# ("number", runs) ("style_bullet", runs) ("empty",) ("table", [[cell, ...], ...]).
# runs: a string, or a list of run pieces: str, ("del", str), ("ins", str),
# ("br",), ("tab",), ("link", str).

FOCUS_GROUP = [
    ("title", "Young Carers Focus Group \u2013 Sittingbourne"),
    ("para", ["Group: Young carers aged 12 to 17", ("br",), "Organisation: Example Young Carers Trust"]),
    ("para", "Date: 2026-02-11"),
    ("para", ["District: ", "Swa", "le"]),
    ("empty",),
    ("heading", 2, "Being a young carer at school"),
    ("para", ["P1: Teachers don\u2019t know I look after my mum, so I get a detention when I\u2019m late",
              ("del", " every single day"), "."]),
    ("para", ["P2: The school nurse was the first person who asked \u201chow are ", "you", "?\u201d"]),
    ("para", ["Facilitator: What would help?", ("br",), "P3: A quiet room at lunch where we can phone home."]),
    ("empty",),
    ("empty",),
    ("heading", 2, "Getting support"),
    ("bullet", ["Young carers assessments take months and nobody explains what happens next"]),
    ("bullet", ["Bus fares to the Sittingbourne group cost ", ("ins", "about "), "\u00a36 a week"]),
    ("style_bullet", ["Online sessions on ", ("link", "the carers hub"), " helped during exams"]),
    ("heading", 2, "What they want from the strategy"),
    ("number", "Respite breaks in the holidays, not just trips"),
    ("number", "Mental health support that does not stop at 18"),
    ("para", ["Summary:", ("tab",), "the group asked for the strategy to name young carers."]),
]

WORKSHOP = [
    ("title", "Swale and Medway Workshop \u2013 Health and Care Strategy"),
    ("para", "Date: 2026-02-26"),
    ("heading", 2, "Partners"),
    ("table", [["SW", "Swale"], ["MW", "Medway"], ["HCP", "Health and Care Partnership"]]),
    ("heading", 2, "Outcome 1"),
    ("bullet", ["Children on Sheppey wait over a year for speech and language therapy (SW)(HCP)"]),
    ("bullet", ["Youth clubs closed in Chatham; teenagers have nowhere to go (MW)"]),
    ("heading", 2, "Outcome 2"),
    ("bullet", ["Damp and mould in private rented flats in Sheerness ", "(SW)"]),
    ("bullet", ["Cost of living: families choosing between heating and food (SW)", "(MW)"]),
    ("empty",),
    ("heading", 2, "Outcome 5"),
    ("bullet", ["No urgent care on the island, so people travel to Medway Maritime (SW)(MW)"]),
    ("style_bullet", ["GP phone lines \u201cengaged from 8am\u201d (MW)", ("del", " (XX)")]),
    ("heading", 2, "General Points"),
    ("bullet", ["The strategy should say who is accountable for each outcome (HCP)"]),
]


def runs_of(block_runs):
    return [block_runs] if isinstance(block_runs, str) else block_runs


def plain_text(block_runs, br="\n"):
    out = ""
    for piece in runs_of(block_runs):
        if isinstance(piece, str):
            out += piece
        elif piece[0] == "ins" or piece[0] == "link":
            out += piece[1]
        elif piece[0] == "br":
            out += br
        elif piece[0] == "tab":
            out += "\t"
    return out


def notes_text(blocks):
    """The text twin: what heard's Word reader turns the document into."""
    lines = []

    def blank():
        if lines and lines[-1] != "":
            lines.append("")

    for block in blocks:
        kind = block[0]
        if kind == "empty":
            blank()
        elif kind == "title":
            blank()
            lines.append("# " + block[1])
            blank()
        elif kind == "heading":
            blank()
            lines.append("#" * block[1] + " " + block[2])
            blank()
        elif kind in ("bullet", "style_bullet"):
            lines.append("- " + plain_text(block[1], " "))
        elif kind == "number":
            lines.append("1. " + plain_text(block[1], " "))
        elif kind == "para":
            blank()
            lines.extend(plain_text(block[1]).split("\n"))
            blank()
        elif kind == "table":
            for row in block[1]:
                blank()
                lines.append("\t".join(row))
                blank()
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines) + "\n"


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def t(text):
    return '<w:t xml:space="preserve">%s</w:t>' % escape(text)


def run_xml(block_runs):
    out = []
    for piece in runs_of(block_runs):
        if isinstance(piece, str):
            out.append("<w:r>%s</w:r>" % t(piece))
        elif piece[0] == "del":
            out.append('<w:del w:id="1" w:author="Editor" w:date="2026-03-01T10:00:00Z">'
                       '<w:r><w:delText xml:space="preserve">%s</w:delText></w:r></w:del>'
                       % escape(piece[1]))
        elif piece[0] == "ins":
            out.append('<w:ins w:id="2" w:author="Editor" w:date="2026-03-01T10:00:00Z">'
                       '<w:r>%s</w:r></w:ins>' % t(piece[1]))
        elif piece[0] == "link":
            out.append('<w:hyperlink r:id="rIdLink"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/>'
                       '</w:rPr>%s</w:r></w:hyperlink>' % t(piece[1]))
        elif piece[0] == "br":
            out.append("<w:r><w:br/></w:r>")
        elif piece[0] == "tab":
            out.append("<w:r><w:tab/></w:r>")
    return "".join(out)


def paragraph(block_runs, ppr=""):
    return "<w:p>%s%s</w:p>" % ("<w:pPr>%s</w:pPr>" % ppr if ppr else "", run_xml(block_runs))


def document_xml(blocks):
    body = []
    for block in blocks:
        kind = block[0]
        if kind == "empty":
            body.append("<w:p/>")
        elif kind == "title":
            body.append(paragraph(block[1], '<w:pStyle w:val="Title"/>'))
        elif kind == "heading":
            body.append(paragraph(block[2], '<w:pStyle w:val="Heading%d"/>' % block[1]))
        elif kind == "bullet":
            body.append(paragraph(block[1], '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'))
        elif kind == "number":
            body.append(paragraph(block[1], '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>'))
        elif kind == "style_bullet":
            body.append(paragraph(block[1], '<w:pStyle w:val="ListBullet"/>'))
        elif kind == "para":
            body.append(paragraph(block[1]))
        elif kind == "table":
            rows = "".join("<w:tr>%s</w:tr>" % "".join(
                "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>%s</w:tc>" % paragraph(cell)
                for cell in row) for row in block[1])
            body.append('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>'
                        '<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>%s</w:tbl>'
                        % rows)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s'
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
            % (W, "".join(body)))


STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles %s>'
          '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
          '<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>'
          '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
          '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/></w:style>'
          '</w:styles>' % W)

NUMBERING = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering %s>'
             '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
             '<w:lvlText w:val="\u2022"/></w:lvl></w:abstractNum>'
             '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/>'
             '<w:lvlText w:val="%%1."/></w:lvl></w:abstractNum>'
             '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
             '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>' % W)

DOCX_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '</Types>')

PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="%s"/>'
    '</Relationships>')

DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
    '<Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.org/carers-hub" TargetMode="External"/>'
    '</Relationships>')


def write_zip(path, parts):
    """A zip with fixed timestamps and order, so the bytes never change."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))
    with open(path, "wb") as f:
        f.write(buffer.getvalue())


def write_docx(path, blocks):
    write_zip(path, [
        ("[Content_Types].xml", DOCX_CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS % "word/document.xml"),
        ("word/document.xml", document_xml(blocks)),
        ("word/styles.xml", STYLES),
        ("word/numbering.xml", NUMBERING),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
    ])


# ---- the survey workbook -------------------------------------------------------
# Row 1 is a title, row 2 the header, row 3 on the responses. None: an absent cell.
# ("date", serial, iso): a number with a date format; numbers and booleans as Python values.

SURVEY_TITLE = "Kent and Medway strategy refresh: online survey export (Sheet: Responses)"
SURVEY_HEADER = ["Respondent ID", "Submitted", "District", "Age", "Carer",
                 "Q1. What would help children and young people?",
                 "Q2. How could health and care services be improved?"]
SURVEY_ROWS = [
    ["X001", ("date", 46093, "2026-03-12"), "Swale", 34, True,
     "More youth clubs on Sheppey, the nearest one is a bus ride away.",
     "Let people book GP appointments online instead of phoning at 8am."],
    ["X002", ("date", 46093, "2026-03-12"), "Medway", 71, False,
     None,
     "The \u201cdischarge to assess\u201d beds at Medway Maritime are always full."],
    ["X003", ("date", 46094, "2026-03-13"), None, 45, False,
     "Speech and language therapy waits of over a year \u2013 it\u2019s too long.",
     "n/a"],
    None,  # a row the sheet leaves out altogether
    ["X004", ("date", 46095, "2026-03-14"), "Tunbridge Wells", None, True,
     "Free swimming for under 16s in the holidays; \u00a33 a session adds up.",
     None],
    ["X005", ("date", 46095, "2026-03-14"), "Dover", 29, False,
     "Health visitors who come back after the first month.",
     "Mental health crisis support that answers the phone out of hours."],
]
# Written as inline strings rather than shared ones (as some exporters do).
INLINE_COLUMNS = {6}


def column_name(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def cell_text(value):
    if value is None:
        return ""
    if isinstance(value, tuple):
        return value[2]
    if value is True:
        return "TRUE"
    if value is False:
        return "FALSE"
    return str(value)


def write_survey_csv(path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow([SURVEY_TITLE] + [""] * (len(SURVEY_HEADER) - 1))
        w.writerow(SURVEY_HEADER)
        for row in SURVEY_ROWS:
            w.writerow([""] * len(SURVEY_HEADER) if row is None else [cell_text(v) for v in row])


def write_survey_xlsx(path):
    shared = []

    def sst(text):
        if text not in shared:
            shared.append(text)
        return shared.index(text)

    def cell(ref, value, column):
        if value is None:
            return ""  # sparse: the cell is not written at all
        if isinstance(value, tuple):
            return '<c r="%s" s="1"><v>%d</v></c>' % (ref, value[1])
        if isinstance(value, bool):
            return '<c r="%s" t="b"><v>%d</v></c>' % (ref, 1 if value else 0)
        if isinstance(value, int):
            return '<c r="%s"><v>%d</v></c>' % (ref, value)
        if column in INLINE_COLUMNS:
            return '<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, escape(value))
        return '<c r="%s" t="s"><v>%d</v></c>' % (ref, sst(value))

    rows = ['<row r="1"><c r="A1" t="s"><v>%d</v></c></row>' % sst(SURVEY_TITLE)]
    rows.append('<row r="2">%s</row>' % "".join(
        cell("%s2" % column_name(i), h, i) for i, h in enumerate(SURVEY_HEADER)))
    for n, row in enumerate(SURVEY_ROWS, start=3):
        if row is None:
            continue
        rows.append('<row r="%d">%s</row>' % (n, "".join(
            cell("%s%d" % (column_name(i), n), v, i) for i, v in enumerate(row))))
    last = "%s%d" % (column_name(len(SURVEY_HEADER) - 1), len(SURVEY_ROWS) + 2)
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<dimension ref="A1:%s"/><sheetData>%s</sheetData></worksheet>' % (last, "".join(rows)))
    # The title is written as rich text: two runs in one shared string.
    items = []
    for text in shared:
        if text == SURVEY_TITLE:
            head, tail = text.split(":", 1)
            items.append('<si><r><rPr><b/></rPr><t>%s:</t></r><r><t xml:space="preserve">%s</t></r></si>'
                         % (escape(head), escape(tail)))
        else:
            items.append('<si><t xml:space="preserve">%s</t></si>' % escape(text))
    strings = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" '
               'uniqueCount="%d">%s</sst>' % (len(shared), len(shared), "".join(items)))
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>'
              '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>'
              '</styleSheet>')
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<sheets><sheet name="Responses" sheetId="1" r:id="rId1"/>'
                '<sheet name="Notes" sheetId="2" r:id="rId2"/></sheets></workbook>')
    notes_sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                   '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                   '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Exported by the survey '
                   'platform</t></is></c></row></sheetData></worksheet>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '</Relationships>')
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
             '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
             '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
             '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
             '</Types>')
    write_zip(path, [
        ("[Content_Types].xml", types),
        ("_rels/.rels", PACKAGE_RELS % "xl/workbook.xml"),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", rels),
        ("xl/worksheets/sheet1.xml", sheet),
        ("xl/worksheets/sheet2.xml", notes_sheet),
        ("xl/sharedStrings.xml", strings),
        ("xl/styles.xml", styles),
    ])


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "sample_data", "office")
    os.makedirs(out, exist_ok=True)
    for name, blocks in (("young_carers_sittingbourne", FOCUS_GROUP),
                         ("swale_and_medway_workshop", WORKSHOP)):
        write_docx(os.path.join(out, name + ".docx"), blocks)
        with open(os.path.join(out, name + ".md"), "w", encoding="utf-8", newline="\n") as f:
            f.write(notes_text(blocks))
    write_survey_xlsx(os.path.join(out, "survey_export.xlsx"))
    write_survey_csv(os.path.join(out, "survey_export.csv"))


if __name__ == "__main__":
    main()
