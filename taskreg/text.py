"""Text normalisation: how user text is stored (NFC) and how it is compared (folded)."""

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
