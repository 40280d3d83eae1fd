"""Print the demo's Q1/2021 XLSX export with LibreOffice and check the pages an office gets.

    .venv/bin/python tests/render_xlsx.py [--out DIR] [--xlsx FILE]

Builds the demo register (`taskreg demo`), exports Q1/2021 in Vietnamese and in English
(`export --format xlsx --quarter I/2021`), converts each workbook to PDF as LibreOffice
Calc prints it (`soffice --headless --convert-to pdf`, under a vi_VN or en_US locale, so
that its numbers show as that locale shows them) and to PNG pages (`pdftoppm -r 60`, to
look at), and checks the PDF (README, `export`): every page A4 landscape, none blank; the
tasks sheet's pages each with its caption and its header row from the first column to the
last (one page wide, the header repeated), the UID column not printed, the last task on the
last of them; the report sheet one page wide on at most 2 pages, each with its caption and
header, its total row's count and rates in the locale's format (1.738 and 93,88%; 1,738 and
93.88%); and on no page a word drawn over another (a cut title, a wrapped text spilling
out of a row too low for it). Prints the page counts; exits 1 on a failed check, 2 when
soffice or poppler is missing. `--xlsx FILE` checks only the overlaps and page counts of
another workbook (the export before issue 14, say). Not part of pytest: it needs
LibreOffice, and takes a minute.

The sheets' font is Calibri; where it is not installed LibreOffice draws a substitute
(Carlito, of the same metrics, in the fonts-crosextra-carlito package; else a wider one,
which the row heights do not allow for). The font it used is printed.
"""

import argparse
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from html import unescape
from pathlib import Path

A4_LANDSCAPE = (841.9, 595.3)  # PDF points
ENV = {
    "TASKREG_TODAY": "2021-07-15",
    "TASKREG_USER": "lan",
    "TASKREG_LANG": "",
    "TASKREG_DB": "",
    "NO_COLOR": "1",
    "COLUMNS": "100",
}
LOCALES = {"vi": "vi_VN.UTF-8", "en": "en_US.UTF-8"}
EXPECTED = {
    "vi": {
        "tasks_caption": "Quý I/2021, đến ngày 31/3/2021",
        "report_caption": "Quý I/2021, đến ngày 31/3/2021",
        "first_header": "Số",
        "last_header": "Tình trạng",
        "report_first": "Đơn vị",
        "report_last": "Quá hạn lâu nhất",
        "total": ["Tổng cộng", "1.738", "93,88%", "80,45%"],
    },
    "en": {
        "tasks_caption": "Q1 2021, as of 2021-03-31",
        "report_caption": "Q1 2021, as of 2021-03-31",
        "first_header": "id",
        "last_header": "status",
        "report_first": "Agency",
        "report_last": "Oldest overdue",
        "total": ["All", "1,738", "93.88%", "80.45%"],
    },
}
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TOUCHING = re.compile(r"^\d+[^\W\d_]{2,}")
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def taskreg(*args: str, env: dict) -> str:
    exe = Path(sys.executable).parent / "taskreg"
    result = subprocess.run([str(exe), *args], capture_output=True, text=True, env=env, timeout=600)
    if result.returncode:
        raise SystemExit(f"taskreg {' '.join(args)}: exit {result.returncode}\n{result.stderr}")
    return result.stdout


def to_pdf(xlsx: Path, out: Path, locale: str) -> Path:
    """The workbook as LibreOffice Calc prints it, under `locale`, with a profile of its own."""
    profile = out / f"lo-profile-{locale.split('.')[0]}"
    env = {**os.environ, "LANG": locale, "LC_ALL": locale}
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(xlsx),
        ],
        capture_output=True,
        check=True,
        timeout=600,
        env=env,
    )
    return out / (xlsx.stem + ".pdf")


def pages_of(pdf: Path) -> list[dict]:
    """Each page's size, text and words (with their boxes), as poppler reads them."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", str(pdf)], capture_output=True, text=True, check=True)
    sizes = [tuple(map(float, m)) for m in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info.stdout)]
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for size, body in zip(sizes, html.split("<page ")[1:]):
        words = [(*map(float, m.groups()[:4]), unescape(m.group(5))) for m in WORD.finditer(body)]
        pages.append({"size": size, "words": words, "text": " ".join(w[4] for w in words)})
    return pages


def overlaps(words: list[tuple]) -> list[tuple[str, str]]:
    """Pairs of words drawn one over the other: by more than a third of a line's height and
    more than a point across."""
    found = []
    ordered = sorted(words, key=lambda w: w[1])
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b[1] >= a[3]:
                break
            high = min(a[3], b[3]) - max(a[1], b[1])
            wide = min(a[2], b[2]) - max(a[0], b[0])
            if high > (a[3] - a[1]) / 3 and wide > 1:
                found.append((a[4], b[4]))
    return found


def fonts(pdf: Path) -> list[str]:
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return sorted({line.split()[0].split("+")[-1] for line in listing.splitlines()[2:] if line.strip()})


def check(lang: str, pdf: Path, tasks: int, failures: list[str], codes: list[str]) -> dict:
    want = EXPECTED[lang]
    pages = pages_of(pdf)

    def fail(message: str) -> None:
        failures.append(f"{lang}: {message}")

    blank = [n for n, p in enumerate(pages, 1) if not p["words"]]
    if blank:
        fail(f"blank pages {blank}")
    odd = [
        n
        for n, p in enumerate(pages, 1)
        if abs(p["size"][0] - A4_LANDSCAPE[0]) > 1 or abs(p["size"][1] - A4_LANDSCAPE[1]) > 1
    ]
    if odd:
        fail(f"pages not A4 landscape: {odd[:10]}")
    # Both sheets are captioned alike (as of one day, README `export`): the report's pages are
    # those without the tasks sheet's last header (the state), which every page of it repeats.
    report_pages = [
        n
        for n, p in enumerate(pages, 1)
        if want["report_caption"] in p["text"] and want["last_header"].split()[0] not in [w[4] for w in p["words"]]
    ]
    task_pages = [n for n, p in enumerate(pages, 1) if want["tasks_caption"] in p["text"] and n not in report_pages]
    if not task_pages or task_pages != list(range(1, len(task_pages) + 1)):
        fail(f"the tasks sheet's caption is not on pages 1 to {len(task_pages)}: {task_pages[:5]}…")
    if report_pages != list(range(len(task_pages) + 1, len(pages) + 1)):
        fail(f"the report sheet's caption is not on every page after the tasks: {report_pages}")
    for n in task_pages:
        words = [w[4] for w in pages[n - 1]["words"]]
        text = pages[n - 1]["text"]
        if want["first_header"] not in words or want["last_header"].split()[0] not in words:
            fail(f"page {n}: the header row is not there from its first column to its last")
        if UUID.search(text):
            fail(f"page {n}: the UID column is printed")
    if task_pages and str(tasks) not in [w[4] for w in pages[task_pages[-1] - 1]["words"]]:
        fail(f"the last task, {tasks}, is not on the tasks sheet's last page")
    if len(report_pages) > 2:
        fail(f"the report sheet takes {len(report_pages)} pages")
    for n in report_pages:
        text = pages[n - 1]["text"]
        if want["report_first"] not in text or want["report_last"].split()[0] not in text:
            fail(f"page {n}: the report's header is not there from its first column to its last")
    last = pages[report_pages[-1] - 1]["text"] if report_pages else ""
    total = last[last.find(want["total"][0]) :]
    if not all(v in total.split() for v in want["total"][1:]):
        fail(f"the total row does not read {want['total']}: {total[:120]!r}")
    # a number drawn against a word (pdftotext reads "1Tổng" as one word), and a code broken
    # across lines ("SNNPTN" then "T", "UBND-" then "TXHL")
    touching = [(n, w[4]) for n, p in enumerate(pages, 1) for w in p["words"] if TOUCHING.match(w[4])]
    if touching:
        fail(f"numbers touching text on {len({n for n, _ in touching})} pages, first {touching[:3]}")
    broken = []
    for n, p in enumerate(pages, 1):
        words = {w[4].strip(";,") for w in p["words"]}
        for word in words - set(codes):
            for code in codes:
                if len(word) >= 2 and code.startswith(word) and (word.endswith("-") or code[len(word) :] in words):
                    broken.append((n, code))
    if broken:
        fail(f"codes broken across lines on {len({n for n, _ in broken})} pages, first {broken[:3]}")
    spilled = {n: overlaps(p["words"]) for n, p in enumerate(pages, 1)}
    spilled = {n: pairs for n, pairs in spilled.items() if pairs}
    if spilled:
        first = next(iter(spilled))
        fail(f"words drawn over others on {len(spilled)} pages, first on page {first}: {spilled[first][:3]}")
    return {"pages": len(pages), "tasks": len(task_pages), "report": len(report_pages), "blank": len(blank)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, help="Keep the workbooks, PDFs and PNG pages here (default: removed).")
    parser.add_argument("--xlsx", type=Path, help="Only count the pages of this workbook and its overlapping words.")
    args = parser.parse_args()
    missing = [tool for tool in ("soffice", "pdftoppm", "pdftotext", "pdfinfo", "pdffonts") if not shutil.which(tool)]
    if missing:
        print(f"render_xlsx: missing {', '.join(missing)} (apt-get install libreoffice-calc-nogui poppler-utils)")
        return 2
    out = args.out or Path(tempfile.mkdtemp(prefix="taskreg-render-xlsx-"))
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    if args.xlsx:
        pdf = to_pdf(args.xlsx, out, LOCALES["vi"])
        pages = pages_of(pdf)
        spilled = sum(1 for p in pages if overlaps(p["words"]))
        blank = sum(1 for p in pages if not p["words"])
        print(f"{args.xlsx}: {len(pages)} pages, {blank} blank, {spilled} with words drawn over others")
        return 0
    env = {**os.environ, **ENV}
    db = out / "demo.db"
    if db.exists():
        db.unlink()
    taskreg("--db", str(db), "demo", env=env)
    tasks = len(re.findall(r"^\d+,", taskreg("--db", str(db), "export", "--quarter", "I/2021", env=env), re.M))
    failures: list[str] = []
    with sqlite3.connect(db) as conn:
        codes = [code for (code,) in conn.execute("SELECT code FROM agencies")]
    for lang in ("vi", "en"):
        xlsx = out / f"q1-2021-{lang}.xlsx"
        taskreg(
            "--db",
            str(db),
            "export",
            "--format",
            "xlsx",
            "-o",
            str(xlsx),
            "--quarter",
            "I/2021",
            "--lang",
            lang,
            env=env,
        )
        t0 = time.monotonic()
        pdf = to_pdf(xlsx, out, LOCALES[lang])
        seconds = time.monotonic() - t0
        for old in out.glob(f"q1-2021-{lang}-*.png"):
            old.unlink()
        subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(out / f"q1-2021-{lang}")], check=True)
        found = check(lang, pdf, tasks, failures, codes)
        print(
            f"{lang}: {tasks} tasks, {found['pages']} pages: the tasks sheet {found['tasks']}, the report sheet "
            f"{found['report']}, {found['blank']} blank; fonts {', '.join(fonts(pdf))}; soffice {seconds:.0f} s"
        )
    for failure in failures:
        print("FAIL", failure)
    if args.out is None and not failures:
        shutil.rmtree(out)
        print(f"total {time.monotonic() - started:.0f} s")
    else:
        print(f"total {time.monotonic() - started:.0f} s; files in {out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
