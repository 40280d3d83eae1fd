"""Text normalisation: how user text is stored (NFC) and how it is compared (folded)."""

import re
import unicodedata

_FOLD_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def nfc(text: str | None) -> str | None:
    """Store text as NFC with outer spaces trimmed, so NFD input compares equal to NFC."""
    if text is None:
        return None
    return unicodedata.normalize("NFC", text).strip()


def fold(text: str) -> str:
    """Fold case and Vietnamese diacritics: 'Sở Y tế' and 'so y te' fold alike.

    Unicode decomposition does not take the stroke off đ/Đ, so that is done explicitly.
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_EXTRA))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
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
