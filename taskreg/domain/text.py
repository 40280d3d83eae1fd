"""Text normalisation: how user text is stored (NFC) and how it is compared (folded)."""

import re
import unicodedata

_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def nfc(text: str | None) -> str | None:
    """Store text as NFC with outer spaces trimmed, so NFD input compares equal to NFC."""
    if text is None:
        return None
    return unicodedata.normalize("NFC", text).strip()


def text_problem(text: str) -> str | None:
    """Why a text from a file cannot be stored (a catalogue key), or None: NUL is bad input
    (SPEC §8), and a lone surrogate (JSON's "\\ud800") is no Unicode text at all."""
    if "\x00" in text:
        return "import_nul"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "import_bad_unicode"
    return None


class _Bare(dict):
    """str.translate's table that drops every combining mark (`unicodedata.combining` not
    0) and keeps every other character: each code point judged once, on first sight, so a
    million titles are translated in C rather than filtered character by character. It
    remembers at most `LIMIT` code points (a file of every character cannot grow it)."""

    LIMIT = 65_536

    def __missing__(self, point: int) -> int | None:
        kept = None if unicodedata.combining(chr(point)) else point
        if len(self) < self.LIMIT:
            self[point] = kept
        return kept


_BARE = _Bare()


def fold(text: str) -> str:
    """Fold case and Vietnamese diacritics: 'Sở Y tế' and 'so y te' fold alike.

    Unicode decomposition does not take the stroke off đ/Đ, so that is done explicitly.
    """
    bare = unicodedata.normalize("NFD", text.translate(_FOLD_EXTRA)).translate(_BARE)
    return " ".join(bare.casefold().split())


# -- document symbols (số, ký hiệu) ------------------------------------------------------------

# NUMBER[/YEAR]/TYPE-ISSUER (863/KH-UBND, 326/2021/NQ-HĐND, 5749/UBND-TH, 30c/NQ-CP)
# and the Party's NUMBER-TYPE/BODY (36-KL/TU).
_SYMBOL = re.compile(r"\d+[a-z]?(/\d{4})?/[^\W\d_]+(-[^\W_]+)+|\d+[a-z]?-[^\W\d_]+/[^\W_]+(-[^\W_]+)*")
# Types written without their đ, as keyboards and PDFs lose it: QD for QĐ.
_UNSTROKED = {"QD": "QĐ", "ND": "NĐ", "QYD": "QyĐ"}


def symbol_key(text: str) -> str:
    """A document symbol as compared: folded, without spaces or hyphens.

    '1961/QĐUBND', '1961/QD-UBND' and '1961 / QĐ-UBND' are one symbol.
    """
    return re.sub(r"[\s\-\u2010-\u2015]", "", fold(text))


def symbol_doubt(text: str) -> tuple[str, dict] | None:
    """Why a document symbol looks mistyped, as a message key and its values; None if it
    looks right. Only ever a warning: the symbol is kept as typed."""
    if not _SYMBOL.fullmatch(text):
        return "symbol_shape", {"symbol": text}
    kind = text.split("/")[-1].split("-")[0]
    if kind.upper() in _UNSTROKED:
        return "symbol_unstroked", {"symbol": text, "kind": kind, "right": _UNSTROKED[kind.upper()]}
    return None


def search_keys(term: str) -> list[str]:
    """What `list --search TERM` looks for in search_text: the term folded, and, if it
    could be a document symbol (a digit or a slash), its symbol key too."""
    keys = [fold(term)]
    if any(c.isdigit() or c == "/" for c in term):
        keys.append(symbol_key(term))
    return keys


def search_text(title: str, source: str | None) -> str:
    """What `list --search` looks in: the title and source folded, and the source's symbol key."""
    folded = fold(f"{title} {source or ''}")
    return f"{folded} {symbol_key(source)}" if source else folded


# -- text printed for people (SPEC §8) ------------------------------------------------------------

#: What printable() never prints raw: the C0 controls, DEL and the C1 controls; the format
#: characters (Unicode category Cf: the bidirectional controls U+061C, U+200E/U+200F,
#: U+202A–U+202E, U+2066–U+2069, and the invisible ones — zero-width spaces and joiners,
#: the byte-order mark U+FEFF, soft hyphen, tag characters — which let two different texts
#: look alike); the line and paragraph separators U+2028/U+2029; and lone surrogates (what
#: an undecodable byte becomes; printing one would fail). Combining marks (Vietnamese in NFD)
#: are not among them. The ranges are Cf, Zl and Zp as of Unicode 15; a test checks them
#: against the running Python's own table.
_HIDDEN = (
    r"\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    r"\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ud800-\udfff\ufeff\ufff9-\ufffb"
    r"\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    r"\U000e0001\U000e0020-\U000e007f"
)
_UNSAFE = re.compile(f"[{_HIDDEN}]")
_PIECE = re.compile(f"\r\n|[{_HIDDEN}]")
#: The mark a line break (LF, CR or CRLF) becomes in a one-line field.
NEWLINE_MARK = "⏎"


def _escape(char: str) -> str:
    """A character as Python writes it in a string literal: \\x1b, \\u202e, \\U000e0041."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(text: str, newlines: bool = False) -> str:
    """User text made safe to print for people: nothing in it can move the cursor, retitle
    or recolour a terminal, reorder what is shown or forge a line (SPEC §8).

    Every character in _HIDDEN is shown as its escape (ESC as \\x1b, U+202E as \\u202e).
    A line break — LF, CR or CRLF — is the mark ⏎ in a one-line field (a table cell, a
    history line, a value in a message); with `newlines=True` (a field of several lines) it
    is a newline and a tab stays a tab. Everything else, Vietnamese in NFC or NFD included,
    is kept exactly. The escapes and the mark are printable, so printable() of its own
    result changes nothing: text escaped by one layer is never escaped again by the next.
    A backslash is not doubled, so a title that holds the typed characters `\\x1b` looks
    like one that held ESC; the exact text is in JSON, CSV and XLSX.
    """
    if text.isprintable() or not _UNSAFE.search(text):  # the first is the fast, common answer
        return text
    return _PIECE.sub(lambda m: _shown(m.group(), newlines), text)


def _shown(piece: str, newlines: bool) -> str:
    if piece in ("\r\n", "\n", "\r"):
        return "\n" if newlines else NEWLINE_MARK
    if piece == "\t" and newlines:
        return piece
    return _escape(piece)
