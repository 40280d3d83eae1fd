"""Mail out (docs/commands.md "remind"): a reminder as a plain-text message, sent through
an SMTP server.

The message is `text/plain; charset=utf-8` (quoted-printable, so that a server without
8BITMIME takes it), its subject encoded as RFC 2047 says. The connection is STARTTLS
whenever the server offers it, the server's certificate checked against the system's
certificates (ssl.create_default_context; OpenSSL reads SSL_CERT_FILE). A login and
password come only from ~/.netrc for the server's host, and are never sent without TLS.
smtplib, ssl, netrc and the email package are imported here alone, when a message is sent.
"""

import os
from dataclasses import dataclass, field
from typing import Any

from taskreg.domain.errors import Ref

#: Seconds to wait for the server at each step.
TIMEOUT_S = 60


@dataclass
class Outcome:
    """What the server did with one message: the recipients it accepted, those it refused
    (with its reason), or why it took none (`error`, its reason or a catalogue Ref)."""

    accepted: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)
    error: object = None


def reason(error: Exception) -> str:
    """A failure as the server (or the system) said it, on one line."""
    code, text = getattr(error, "smtp_code", None), getattr(error, "smtp_error", None)
    if code is not None:
        said = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text or "")
        return " ".join(f"{code} {said}".split())
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return " ".join(str(error).split()) or type(error).__name__


def _netrc_login(host: str) -> tuple[str, str] | None:
    """The login and password ~/.netrc gives for `host` (or its default entry), or None."""
    import netrc

    if not os.path.exists(os.path.join(os.path.expanduser("~"), ".netrc")):
        return None
    found = netrc.netrc().authenticators(host)  # the default file: its permissions checked too
    if not found or not found[0]:
        return None
    return found[0], found[2] or ""


class Mailer:
    """One SMTP connection for every message of a run, opened with the first. A server that
    cannot be reached (or refuses the login) fails every message with the same reason; one
    that hangs up is called again for the next message."""

    def __init__(self, host: str, port: int, sender: str):
        self.host, self.port, self.sender = host, port, sender
        self.smtp: Any = None  # smtplib.SMTP, once connected
        self.failed: object = None  # why the server could not be used at all

    def _connect(self):
        import netrc
        import smtplib
        import ssl

        smtp = smtplib.SMTP(self.host, self.port, timeout=TIMEOUT_S)
        try:
            smtp.ehlo_or_helo_if_needed()
            tls = smtp.has_extn("starttls")
            if tls:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            try:
                login = _netrc_login(self.host)
            except (netrc.NetrcParseError, OSError) as e:
                raise _Unusable(Ref("mail_netrc_bad"), reason(e)) from None
            if login is not None:
                if not tls:  # a password never goes over a connection anyone on the way can read
                    raise _Unusable(Ref("mail_no_tls_login"))
                smtp.login(*login)
        except BaseException:
            smtp.close()
            raise
        return smtp

    def send(self, to: list[str], subject: str, body: str) -> Outcome:
        """One message to every address in `to`, in To."""
        import smtplib

        if self.failed is not None:
            return Outcome(error=self.failed)
        if self.smtp is None:
            try:
                self.smtp = self._connect()
            except _Unusable as e:
                self.failed = e.values
                return Outcome(error=self.failed)
            except OSError as e:  # smtplib's errors, ssl's and the socket's are all OSErrors
                self.failed = reason(e)
                return Outcome(error=self.failed)
        try:
            refused = self.smtp.send_message(message(self.sender, to, subject, body))
        except smtplib.SMTPRecipientsRefused as e:
            return Outcome(refused={a: reason(_Said(*r)) for a, r in e.recipients.items()})
        except smtplib.SMTPServerDisconnected as e:
            self.smtp = None
            return Outcome(error=reason(e))
        except OSError as e:
            return Outcome(error=reason(e))
        said = {a: reason(_Said(*r)) for a, r in refused.items()}
        return Outcome(accepted=[a for a in to if a not in said], refused=said)

    def close(self) -> None:
        import smtplib

        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                self.smtp.close()
            self.smtp = None


def message(sender: str, to: list[str], subject: str, body: str):
    """The message itself (email.message.EmailMessage)."""
    from email.message import EmailMessage
    from email.utils import formatdate, make_msgid

    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = ", ".join(to)
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2])
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation auto-reply to a robot
    msg.set_content(body, charset="utf-8", cte="quoted-printable")
    return msg


class _Unusable(Exception):
    """The server can be reached but not used (a login that may not be sent): why, as a catalogue value."""

    def __init__(self, key: Ref, said: str | None = None):
        super().__init__(key)
        self.values = (key, {"reason": said}) if said is not None else key


class _Said(Exception):
    """A server's refusal of one recipient: (code, text), as reason() reads an SMTP error."""

    def __init__(self, code, text):
        super().__init__(code, text)
        self.smtp_code, self.smtp_error = code, text
