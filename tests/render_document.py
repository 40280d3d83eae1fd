"""Render the demo's Q1/2021 report document with LibreOffice and check what it looks like.

    .venv/bin/python tests/render_document.py [--out DIR]

Builds the demo register (`taskreg demo`), gives it a place, recipients and a signer,
publishes Q1/2021 as report 45/BC-UBND, writes the document in Vietnamese and in English
(`report --format docx`), converts each to PDF (`soffice --headless --convert-to pdf`) and
to PNG pages (`pdftoppm -r 60 -png`, to look at), and checks the PDF: A4 portrait pages
then landscape appendix pages; fonts Times New Roman or its metric twin Liberation Serif
and nothing else (no glyph fell back to another font); one chart image; every word inside
the page's text area (no table runs off the page); the Quốc hiệu on one line; and the key
lines found by pdftotext. Prints its figures; exits 1 on a failed check, 2 when soffice
or poppler is missing. Not part of pytest: it needs LibreOffice (README "report
--format docx").
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from render_xlsx import to_pdf  # run as a script: tests/ is on the path

MM = 72 / 25.4  # PDF points per millimetre
A4 = (210 * MM, 297 * MM)
#: README "The report as a document": margins top 20, bottom 20, left 30, right 15 mm.
MARGINS = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TOLERANCE = 2.5  # mm a table's cell padding or a glyph's overhang may pass the margin by
ENV = {
    "TASKREG_TODAY": "2021-04-05",
    "TASKREG_USER": "lan",
    "TASKREG_LANG": "",
    "TASKREG_DB": "",
    "NO_COLOR": "1",
    "COLUMNS": "100",
}
SETTINGS = {
    "org": "UBND tỉnh Quảng Nam",
    "place": "Quảng Nam",
    "recipients": "Như trên;Chủ tịch, các PCT UBND tỉnh;Các sở, ban, ngành;Lưu: VT, TH",
    "signer-title": "TM. Ủy ban nhân dân;KT. Chủ tịch;Phó Chủ tịch",
    "signer-name": "Nguyễn Văn A",
}
EXPECTED = {
    "vi": [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "ỦY BAN NHÂN DÂN",
        "TỈNH QUẢNG NAM",
        "Số: 45/BC-UBND",
        "Quảng Nam, ngày 05 tháng 4 năm 2021",
        "BÁO CÁO",
        "Tình hình thực hiện nhiệm vụ UBND tỉnh Quảng Nam giao quý I/2021",
        "1.738 nhiệm vụ",
        "Tỷ lệ hoàn thành: 93,88%",
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "Nguyễn Văn A",
        "Phụ lục",
        "Tổng cộng",
    ],
    "en": [
        "SOCIALIST REPUBLIC OF VIET NAM",
        "Independence - Freedom - Happiness",
        "No.: 45/BC-UBND",
        "Quảng Nam, 05 April 2021",
        "REPORT",
        "1,738 tasks",
        "Recipients:",
        "Appendix",
        "Total",
    ],
}
NATION = {"vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "en": "SOCIALIST REPUBLIC OF VIET NAM"}
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    r'|<page width="([\d.]+)" height="([\d.]+)">'
)


def taskreg(*args: str, env: dict) -> str:
    result = subprocess.run([sys.executable, "-m", "taskreg", *args], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"taskreg {' '.join(args)} failed ({result.returncode}):\n{result.stdout}{result.stderr}")
    return result.stdout


def pages_of(pdf: Path) -> list[dict]:
    """Each page's size and words (with their boxes, in points), from pdftotext -bbox."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages: list[dict] = []
    for m in WORD.finditer(html):
        if m.group(6):
            pages.append({"size": (float(m.group(6)), float(m.group(7))), "words": []})
        else:
            x0, y0, x1, y1 = map(float, m.group(1, 2, 3, 4))
            pages[-1]["words"].append((x0, y0, x1, y1, m.group(5)))
    return pages


def check(lang: str, pdf: Path, failures: list[str]) -> dict:
    """The checks of one rendered document; what they measured."""
    pages = pages_of(pdf)
    portrait = [p for p in pages if p["size"][0] < p["size"][1]]
    landscape = [p for p in pages if p["size"][0] > p["size"][1]]

    def fail(text: str) -> None:
        failures.append(f"{lang}: {text}")

    for i, page in enumerate(pages, 1):
        w, h = page["size"]
        if sorted((round(w), round(h))) != sorted((round(A4[0]), round(A4[1]))):
            fail(f"page {i} is {w / MM:.0f} x {h / MM:.0f} mm, not A4")
    # Portrait pages, the landscape appendix (Phụ lục I), then the chart's portrait page
    # (Phụ lục II) when the chart is too tall for page 1 (docs/document.md "Pages").
    kinds = "".join("P" if p["size"][0] < p["size"][1] else "L" for p in pages)
    if not re.fullmatch(r"P+L+P?", kinds):
        fail(f"not portrait pages, the landscape appendix, then the chart's page ({kinds})")
    check_pages(lang, pdf, pages, fail)
    for i, page in enumerate(pages, 1):
        w, h = page["size"]
        left, right = MARGINS["left"] * MM, w - MARGINS["right"] * MM
        bottom = h - MARGINS["bottom"] * MM
        tol = TOLERANCE * MM
        for x0, y0, x1, y1, text in page["words"]:
            if x0 < left - tol or x1 > right + tol or y1 > bottom + tol or y0 < 5 * MM:
                fail(f"page {i}: {text!r} is outside the text area ({x0 / MM:.1f}-{x1 / MM:.1f} mm across)")
                break
    first = pages[0]["words"] if pages else []
    nation = NATION[lang].split()
    right = (MARGINS["left"] + 62) * MM  # the header's right column (the issuing body is left of it)
    tops = {round(y0) for x0, y0, x1, y1, text in first if text in nation and y0 < 45 * MM and x0 > right}
    if len(tops) != 1:
        fail(f"the Quốc hiệu is not on one line (line tops {sorted(tops)})")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for line in EXPECTED[lang]:
        if line not in flat:
            fail(f"pdftotext does not find {line!r}")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    names = [row.split()[0] for row in fonts.splitlines()[2:] if row.strip()]
    others = [n for n in names if not re.search(r"Times|LiberationSerif", n)]
    if others:
        fail(f"fonts other than Times New Roman / Liberation Serif: {others}")
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    charts = [row for row in images.splitlines()[2:] if row.split()[2:3] == ["image"]]
    if len(charts) != 1:
        fail(f"{len(charts)} images, not the one chart")
    return {"pages": len(pages), "portrait": len(portrait), "landscape": len(landscape), "fonts": names}


def lines_of_page(page: dict) -> list[tuple[float, str]]:
    """A page's lines, top to bottom: (top in points, text), words within 2 pt of a top together."""
    lines: list[tuple[float, list[str]]] = []
    for _x0, y0, _x1, _y1, text in sorted(page["words"], key=lambda w: (round(w[1]), w[0])):
        if lines and abs(lines[-1][0] - y0) < 2:
            lines[-1][1].append(text)
        else:
            lines.append((y0, [text]))
    return [(y, " ".join(words)) for y, words in lines]


def check_pages(lang: str, pdf: Path, pages: list[dict], fail) -> None:
    """Which text is on which page (SPEC §14): "Số" level with the date line; the chart on
    page 1 under the text that names it, or on the page of Phụ lục II; no page half empty
    before another page of its part; the total row and the closing lines never alone."""
    vi = lang == "vi"
    texts = [" ".join(w[4] for w in sorted(p["words"], key=lambda w: (round(w[1]), w[0]))) for p in pages]
    first = pages[0]["words"]
    number = [w for w in first if w[4] in ("Số:", "No.:")]
    date_line = [w for w in first if w[4] == ("ngày" if vi else "April")]
    if not number or not date_line or abs(number[0][3] - date_line[0][3]) > 2.5:
        fail("the number is not level with the place and date line")
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    chart_pages = [int(row.split()[0]) for row in images.splitlines()[2:] if row.split()[2:3] == ["image"]]
    appendix_two = "Phụ lục II" if vi else "Appendix II"
    for page in chart_pages:
        if page != 1 and not texts[page - 1].startswith(appendix_two):
            fail(f"the chart is on page {page}, neither page 1 nor the page of {appendix_two}")
    if chart_pages and chart_pages[0] != 1 and appendix_two not in texts[0]:
        fail(f"page 1 does not say the chart is in {appendix_two}")
    # No page half empty before the next page of its part: a page followed by one of the same
    # orientation that starts no appendix is filled to 70% of its text area at least.
    for i, page in enumerate(pages[:-1]):
        following = pages[i + 1]
        starts_part = re.match(r"(Phụ lục|Appendix)\b", texts[i + 1])
        if following["size"] != page["size"] or starts_part:
            continue
        w, h = page["size"]
        low = max((y1 for x0, y0, x1, y1, text in page["words"]), default=0)
        if (low - MARGINS["top"] * MM) < 0.7 * (h - (MARGINS["top"] + MARGINS["bottom"]) * MM):
            fail(f"page {i + 1} is half empty before page {i + 2}")
    total_word = "Tổng" if vi else "Total"
    for i, page in enumerate(pages):
        rows = lines_of_page(page)
        totals = [y for y, line in rows if line.startswith(total_word + (" cộng" if vi else ""))]
        if totals and page["size"][0] > page["size"][1]:
            numbered = [line for y, line in rows if y < totals[0] and re.match(r"\d+ \S", line)]
            if not numbered:
                fail(f"page {i + 1} holds the total row without a row of the table")
        closing = [y for y, line in rows if line.startswith("Trên đây là" if vi else "This is the report")]
        if closing:
            above = [line for y, line in rows if MARGINS["top"] * MM < y < closing[0] and not line.isdigit()]
            if not above:
                fail(f"page {i + 1} holds only the closing lines")
    recipients = "Nơi nhận:" if vi else "Recipients:"
    where = [i for i, t in enumerate(texts) if recipients in t]
    closing_page = [i for i, t in enumerate(texts) if ("Trên đây là" if vi else "This is the report") in t]
    if where != closing_page[-1:]:
        fail(f"the closing line and {recipients!r} are not on one page")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out", type=Path, help="Keep the documents, PDFs and PNG pages here (default: a temporary folder, removed)."
    )
    args = parser.parse_args()
    missing = [tool for tool in ("soffice", "pdftoppm", "pdftotext", "pdffonts", "pdfimages") if not shutil.which(tool)]
    if missing:
        print(f"render_document: missing {', '.join(missing)} (apt-get install libreoffice-writer-nogui poppler-utils)")
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="taskreg-render-"))
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **ENV}
    db = out / "demo.db"
    if db.exists():
        db.unlink()
    started = time.monotonic()
    taskreg("--db", str(db), "demo", env=env)
    for key, value in SETTINGS.items():
        taskreg("--db", str(db), "config", "set", key, value, env=env)
    taskreg("--db", str(db), "publish", "--quarter", "I/2021", "--symbol", "45/BC-UBND", "--date", "5/4/2021", env=env)
    failures: list[str] = []
    timings = {"register": time.monotonic() - started}
    for lang in ("vi", "en"):
        docx = out / f"q1-2021-{lang}.docx"
        t0 = time.monotonic()
        taskreg(
            *("--db", str(db), "report", "--quarter", "I/2021", "--symbol", "45/BC-UBND", "--date", "5/4/2021"),
            *("--format", "docx", "-o", str(docx), "--lang", lang),
            env=env,
        )
        t1 = time.monotonic()
        pdf = to_pdf(docx, out, "C.UTF-8")  # the one conversion, shared with render_xlsx.py
        t2 = time.monotonic()
        for old in out.glob(f"q1-2021-{lang}-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(out / f"q1-2021-{lang}")], check=True)
        t3 = time.monotonic()
        found = check(lang, pdf, failures)
        timings.update({f"{lang} docx": t1 - t0, f"{lang} pdf": t2 - t1, f"{lang} png": t3 - t2})
        print(
            f"{lang}: {docx.stat().st_size // 1024} KiB docx, {found['pages']} pages "
            f"({found['portrait']} portrait, {found['landscape']} landscape), fonts {', '.join(found['fonts'])}"
        )
    print("seconds: " + ", ".join(f"{k} {v:.1f}" for k, v in timings.items()))
    for failure in failures:
        print("FAIL", failure)
    if args.out is None and not failures:
        shutil.rmtree(out)  # a temporary folder, kept only to look at what failed
        print(f"total {time.monotonic() - started:.1f} s")
    else:
        print(f"total {time.monotonic() - started:.1f} s; files in {out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
