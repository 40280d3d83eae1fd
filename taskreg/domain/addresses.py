"""Mail addresses as the register keeps them: an agency's (`agency add|edit --email`) and the
sender's (setting `smtp-from`), for `taskreg remind --send` (docs/commands.md "remind").

Several addresses are one text separated by `;`. Each is a plain address (`vp@syt.gov.vn`, no
display name), as the standard library's own parser reads one (email.headerregistry, RFC
5322's addr-spec), in ASCII, so that any SMTP server takes it.
"""

from taskreg.domain.errors import BadInput


def parse_addresses(text: str | None) -> list[str]:
    """The addresses of a text as the register keeps it ('' or None: none)."""
    return [a for a in (text or "").split(";") if a]


def check_addresses(text: str | None, what: str = "--email") -> str | None:
    """`text`, typed or read from a file, as the register keeps it: its addresses checked,
    outer spaces trimmed and duplicates dropped, joined by `;`; None for a blank text (no
    address). Else bad input naming the first address that is not one."""
    found: list[str] = []
    for part in (text or "").split(";"):
        part = part.strip()
        if not part:
            continue
        address = check_address(part, what)
        if address.lower() not in (a.lower() for a in found):
            found.append(address)
    return ";".join(found) or None


def check_address(text: str, what: str) -> str:
    """One plain address, else bad input naming it."""
    # The email package is the standard library's, but not small: read when an address is.
    from email.errors import MessageError
    from email.headerregistry import Address

    try:
        address = Address(addr_spec=text)
        ok = bool(address.username and address.domain) and address.addr_spec == text
    except (ValueError, IndexError, TypeError, MessageError):
        ok = False
    if not ok or not text.isascii() or not text.isprintable():
        raise BadInput("bad_address", text=text, what=what)
    return text
