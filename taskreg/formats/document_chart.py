"""The report document's chart (README "The report as a document"): the four states of each
lead agency as horizontal bars, labelled by the agencies' short names (SPEC §14), drawn by
matplotlib as a PNG the width of the text column. matplotlib is imported inside `_chart`
only: no other command pays for it at start-up.
"""

import io
import textwrap

from taskreg.domain.figures import Figures, Report
from taskreg.domain.states import FOUR, IN_PROGRESS, LATE, ON_TIME, OVERDUE
from taskreg.formats.docx_layout import FONT, _clean, _para, _t
from taskreg.present import i18n
from taskreg.present.prose import capital

#: The chart's colours, in FOUR's order; their lightness differs too, so a grey print
#: tells them apart (and overdue is hatched besides).
COLOURS = {ON_TIME: "#1a6b30", LATE: "#9fd18b", OVERDUE: "#c62828", IN_PROGRESS: "#7fa7d4"}


def chart_labels(rows: list[Figures], names: dict[str, str], short: dict[str, str]) -> list[str]:
    """The chart's label of each agency (SPEC §14): its short name (`agency add|edit
    --short`), else its full name (wrapped by the chart); never its code, unless it has no name."""
    return [
        _clean(short.get(f.agency or "") or f.agency_name or names.get(f.agency or "") or f.agency) or "?" for f in rows
    ]


def _chart_block(
    doc,
    lang: str,
    report: Report,
    rows: list[Figures],
    labels: list[str],
    width: float,
    room: float,
    title: bool = True,
) -> None:
    """The chart, at most `room` mm tall, with its title (in the body) and its note."""
    from docx.shared import Mm

    if title:
        _para(
            doc,
            _t(lang, "doc_chart_title", day=i18n.day(lang, report.as_of)),
            size=13,
            bold=True,
            align="center",
            before=6,
            after=3,
            keep=True,
        )
    picture = _para(doc, "", align="center", after=0, keep=True)
    png, height_mm = _chart(lang, rows, labels, width, room)
    picture.add_run().add_picture(io.BytesIO(png), width=Mm(width), height=Mm(height_mm))
    _para(doc, _t(lang, "doc_chart_note"), size=12, italic=True, align="center", before=3, after=6)


def _chart(lang: str, rows: list[Figures], names: list[str], width: float, room: float) -> tuple[bytes, float]:
    """The four states of each agency's tasks as horizontal stacked bars, worst first (at
    the top): a PNG at 200 dpi, drawn at the size it is printed (text at its point size),
    and its height in mm. Agg straight onto a Figure: no pyplot, no global backend."""
    import warnings

    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    pitch = min(6.0, (room - 28) / len(rows))  # mm per agency: the whole chart fits its room
    height_mm = 28 + pitch * len(rows)
    label_pt = min(8.0, pitch / 25.4 * 72 * 0.8)  # many agencies: smaller labels, never overlapping
    # A name is wrapped within a third of the chart's width, on as many lines as its bar's
    # pitch holds (lines 1.1 of the size apart), and cut with "…" only beyond them.
    # A name too long for one line is set smaller (down to 6 pt) on two lines if its pitch
    # holds them.
    labels, sizes = [], []
    for name in names:
        size = label_pt
        room_chars = int(width * 0.4 / (size * 0.55 * 25.4 / 72))
        if len(name) > room_chars and label_pt > 6:
            size = max(6.0, min(label_pt, pitch / (2 * 1.05 * 25.4 / 72)))
            room_chars = int(width * 0.4 / (size * 0.55 * 25.4 / 72))
        lines = max(1, int(pitch / (size * 1.05 * 25.4 / 72)))
        labels.append(_wrap(name, room_chars, lines))
        sizes.append(size)
    settings = {
        "font.family": "serif",
        "font.serif": [_serif(), "DejaVu Serif"],
        "font.size": 8,
        "text.parse_math": False,  # an agency code is text, even with a $ in it
    }
    with matplotlib.rc_context(settings), warnings.catch_warnings():  # type: ignore[arg-type]
        warnings.simplefilter("ignore")  # a glyph no font has is drawn as a box, not a warning
        fig = Figure(figsize=(width / 25.4, height_mm / 25.4), dpi=200)
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
        positions = list(range(len(rows)))
        left = [0] * len(rows)
        for key in FOUR:
            values = [getattr(f, key) for f in rows]
            ax.barh(
                positions,
                values,
                left=left,
                height=0.72,
                color=COLOURS[key],
                edgecolor="black",
                linewidth=0.3,
                hatch="////" if key == OVERDUE else None,
                label=capital(i18n.state(lang, key)),
            )
            left = [a + b for a, b in zip(left, values)]
        for y, f in enumerate(rows):
            ax.text(f.total, y, " " + i18n.num(lang, f.total), va="center", ha="left", fontsize=min(7.0, label_pt))
        ax.set_yticks(positions, labels, fontsize=label_pt, linespacing=1.0)
        for tick, size in zip(ax.get_yticklabels(), sizes):
            tick.set_fontsize(size)
        ax.set_ylim(len(rows) - 0.4, -0.6)  # worst first, at the top
        ax.set_xlim(0, max(f.total for f in rows) * 1.08)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: i18n.num(lang, int(v))))
        ax.set_xlabel(_t(lang, "doc_chart_axis"))
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="x", linewidth=0.3, color="#999999")
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        # Laid out by hand (a layout engine draws the figure twice), by the measured size of
        # the text in the face used: the legend on one row if it fits the width, else two;
        # room on the left for the longest label, 12 mm at the bottom for the axis.
        renderer = FigureCanvasAgg(fig).get_renderer()
        legend_mm = 8.0
        for ncol in (4, 2):
            legend = fig.legend(
                loc="upper center",
                bbox_to_anchor=(0.5, 1),
                ncol=ncol,
                frameon=False,
                fontsize=7.5,
                handlelength=1.4,
                columnspacing=1.0,
            )
            if legend.get_window_extent(renderer).width <= fig.bbox.width * 0.98 or ncol == 2:
                legend_mm = legend.get_window_extent(renderer).height / fig.dpi * 25.4 + 2
                break
            legend.remove()
        widest = max(tick.get_window_extent(renderer).width for tick in ax.get_yticklabels())
        label_mm = min(widest / fig.dpi * 25.4 + 3, width * 0.45)
        fig.subplots_adjust(
            left=label_mm / width, right=1 - 6 / width, top=1 - legend_mm / height_mm, bottom=12 / height_mm
        )
        out = io.BytesIO()
        fig.savefig(out, format="png", dpi=200, metadata={"Software": None})
    return out.getvalue(), height_mm


def _serif() -> str:
    """The chart's face: Times New Roman, else Liberation Serif, if the file matplotlib finds
    for it has the stacked Vietnamese letters (Liberation Serif 1 has not: its "Ộ" would be
    a box); else DejaVu Serif, which matplotlib ships (docs/document.md "The chart")."""
    from matplotlib import font_manager, ft2font

    for family in (FONT, "Liberation Serif"):
        try:
            path = font_manager.findfont(font_manager.FontProperties(family=family), fallback_to_default=False)
        except ValueError:
            continue
        font = ft2font.FT2Font(path)
        if all(font.get_char_index(ord(char)) for char in "ỘỮẬỚ"):
            return family
    return "DejaVu Serif"


def _wrap(text: str, room: int, lines: int) -> str:
    """`text` on at most `lines` lines of `room` characters, the last cut with "…" if need be."""
    wrapped = textwrap.wrap(text, max(room, 8)) or [text]
    if len(wrapped) > lines:
        wrapped = wrapped[: lines - 1] + [_cut(" ".join(wrapped[lines - 1 :]), max(room, 8))]
    return "\n".join(wrapped)


def _cut(text: str, room: int) -> str:
    return text if len(text) <= room else text[: room - 1] + "…"


# -- layout helpers ---------------------------------------------------------------------------
