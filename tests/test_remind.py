"""remind (docs/commands.md "remind"): each lead agency's reminder, printed in the weekly's
style, and mailed with --send through a real SMTP server on 127.0.0.1 (aiosmtpd), whose
received messages the tests read: recipients, subject, body, charset, STARTTLS, AUTH."""

import email
import email.policy
import json
import socket
import ssl
from contextlib import contextmanager

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult
from conftest import LIAISON

SENDER = "vanphong@ubnd.quangnam.gov.vn"
SYT = ["vp@syt.quangnam.gov.vn", "kehoach@syt.quangnam.gov.vn"]


@pytest.fixture
def reminded(reg):
    """SYT with two overdue tasks and one due in 5 days, STC due in 7 and 1 days, SGDDT due
    in 3 days, a done task and one due in 10 days (as of 31/3/2021, the tests' today)."""
    for title, agency, due in [
        ("Rà soát thủ tục hành chính", "SYT", "1/3/2021"),
        ("Tham mưu phương án phòng, chống dịch", "SYT", "15/3/2021"),
        ("Báo cáo giải ngân vốn đầu tư công", "STC", "7/4/2021"),
        ("Tổng kết năm học", "SGDDT", "3/4/2021"),
        ("Hoàn thiện hồ sơ đề án", "STC", "1/4/2021"),
        ("Xây dựng kế hoạch năm", "SYT", "5/4/2021"),
        ("Việc đã xong", "SYT", "1/3/2021"),
        ("Việc còn xa", "SYT", "10/4/2021"),
    ]:
        reg("add", title, "--agency", agency, "--assigned", "4/1/2021", "--due", due)
    reg("done", "7", "--on", "28/2/2021")
    reg("agency", "edit", "SYT", "--email", ";".join(SYT))
    reg("agency", "edit", "STC", "--email", "tc@stc.quangnam.gov.vn")
    return reg


SYT_VI = """\
UBND tỉnh Quảng Nam: đôn đốc Sở Y tế thực hiện nhiệm vụ, ngày 31/3/2021

Nhiệm vụ chưa hoàn thành đã quá hạn: 2
  #1 Rà soát thủ tục hành chính — hạn 01/3/2021, quá hạn 30 ngày
  #2 Tham mưu phương án phòng, chống dịch — hạn 15/3/2021, quá hạn 16 ngày

Nhiệm vụ sắp đến hạn: 0
  Không có.

Đề nghị Sở Y tế khẩn trương thực hiện và báo cáo kết quả các nhiệm vụ trên.
"""


def test_each_agency_gets_its_message_in_the_weeklys_style(reminded):
    out = reminded("remind", "--lang", "vi").stdout
    messages = out.split("\n" + "-" * 99 + "\n\n")
    assert [m.splitlines()[0] for m in messages] == [
        "UBND tỉnh Quảng Nam: đôn đốc Sở Giáo dục và Đào tạo thực hiện nhiệm vụ, ngày 31/3/2021",
        "UBND tỉnh Quảng Nam: đôn đốc Sở Tài chính thực hiện nhiệm vụ, ngày 31/3/2021",
        "UBND tỉnh Quảng Nam: đôn đốc Sở Y tế thực hiện nhiệm vụ, ngày 31/3/2021",
    ]
    assert messages[2] == SYT_VI
    # due soon: 7, 3 and 1 days left (remind-days), soonest first; not 5 days left, not 10
    assert "Nhiệm vụ sắp đến hạn: 2\n  #5 Hoàn thiện hồ sơ đề án — hạn 01/4/2021, còn 1 ngày\n" in messages[1]
    assert "  #3 Báo cáo giải ngân vốn đầu tư công — hạn 07/4/2021, còn 7 ngày\n" in messages[1]
    assert "#4 Tổng kết năm học — hạn 03/4/2021, còn 3 ngày" in messages[0]
    assert all(len(line) < 100 for line in out.splitlines()) and "\x1b" not in out
    assert out == reminded("remind", "--lang", "vi", env={"TTY_COMPATIBLE": "1"}).stdout  # identical


def test_within_reminds_of_every_deadline_in_the_window(reminded):
    out = reminded("remind", "--within", "5", "--agency", "SYT").stdout
    assert out == (
        "UBND tỉnh Quảng Nam: reminder to Sở Y tế of its tasks, 2021-03-31\n\n"
        "Open past their deadline: 2\n"
        "  #1 Rà soát thủ tục hành chính — due 2021-03-01, 30 days overdue\n"
        "  #2 Tham mưu phương án phòng, chống dịch — due 2021-03-15, 16 days overdue\n\n"
        "Due soon: 1\n"
        "  #6 Xây dựng kế hoạch năm — due 2021-04-05, 5 days left\n\n"
        "Sở Y tế is asked to complete these tasks and report the results.\n"
    )
    reminded("config", "set", "remind-within", "10")
    assert "#8 Việc còn xa — due 2021-04-10, 10 days left" in reminded("remind", "--agency", "SYT").stdout
    reminded("config", "set", "remind-days", "10;5")  # the window still rules while it is set
    assert "Due soon: 2\n" in reminded("remind", "--agency", "SYT").stdout


def test_cadence_follows_remind_days_as_the_days_go_by(reminded):
    reminded("config", "set", "remind-days", "5;2")
    out = reminded("remind", "--agency", "SYT", "--agency", "SGDDT").stdout
    assert "#6 Xây dựng kế hoạch năm — due 2021-04-05, 5 days left" in out
    assert "Tổng kết năm học" not in out and "Sở Giáo dục" not in out  # 3 days left: not a reminder day
    assert "#4 Tổng kết năm học" in reminded("remind", "--as-of", "1/4/2021", "--agency", "SGDDT").stdout
    assert reminded("remind", "--as-of", "1/1/2021").stdout == "Nothing to remind as of 2021-01-01.\n"


@pytest.mark.parametrize(
    "args, said",
    [
        (["agency", "edit", "SYT", "--email", "vp@syt;không-phải-thư"], "'không-phải-thư' is not a mail address"),
        (["agency", "add", "SX", "Sở X", "--email", "a b@c.vn"], "'a b@c.vn' is not a mail address"),
        (["config", "set", "smtp-from", "Văn phòng <vp@x.vn>"], "is not a mail address (smtp-from)"),
        (["config", "set", "remind-days", "7;ba"], "is not a valid remind-days"),
        (["config", "set", "smtp-port", "70000"], "is not a valid smtp-port"),
        (["remind", "--within", "-1"], "is not a valid --within"),
    ],
)
def test_bad_addresses_and_settings_are_one_sentence(reminded, args, said):
    before = reminded.tables()
    result = reminded(*args, code=2)
    assert said in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert reminded.tables() == before


def test_addresses_are_listed_audited_and_carried_by_the_json_export(reminded, tmp_path):
    listed = {a["code"]: a["email"] for a in json.loads(reminded("agency", "list", "--format", "json").stdout)}
    assert listed == {"SGDDT": None, "STC": "tc@stc.quangnam.gov.vn", "SYT": ";".join(SYT)}
    assert "vp@syt.quangnam.gov.vn, kehoach@syt.quangnam.gov.vn" in reminded("agency", "list").stdout
    history = reminded("history", "--lang", "vi").stdout
    assert "sửa thông tin đơn vị; Thư điện tử: — → tc@stc.quangnam.gov.vn" in history
    reminded("export", "--format", "json", "-o", tmp_path / "all.json")
    target = reminded.__class__(tmp_path / "copy.db", {**reminded.env, "TASKREG_DB": str(tmp_path / "copy.db")})
    target("import", tmp_path / "all.json", "--create-agencies")
    assert {a["code"]: a["email"] for a in json.loads(target("agency", "list", "--format", "json").stdout)} == listed


# -- --send, through a real SMTP server --------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Mailbox:
    """What the server received: each message with its envelope, and whether it came over
    TLS and under which login."""

    def __init__(self, refuse=()):
        self.refuse = set(refuse)
        self.received: list[dict] = []
        self.logins: list[str] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append(
            {
                "from": envelope.mail_from,
                "to": list(envelope.rcpt_tos),
                "raw": envelope.original_content or envelope.content,
                "message": email.message_from_bytes(envelope.content, policy=email.policy.default),
                "tls": session.ssl is not None,
                "login": session.auth_data if session.authenticated else None,
            }
        )
        return "250 Message accepted for delivery"

    def authenticate(self, server, session, envelope, mechanism, auth_data):
        self.logins.append(auth_data.login.decode())
        return AuthResult(success=auth_data.password == b"mat-khau", auth_data=auth_data.login.decode())


@contextmanager
def smtp_server(mailbox, tls=None, auth=False):
    kwargs = {"tls_context": tls} if tls else {}
    if auth:
        kwargs.update(authenticator=mailbox.authenticate, auth_require_tls=tls is not None)
    controller = Controller(mailbox, hostname="127.0.0.1", port=_free_port(), **kwargs)
    controller.start()
    try:
        yield controller.port
    finally:
        controller.stop()


@pytest.fixture
def ca(tmp_path):
    """A throwaway CA (trustme), its certificate where SSL_CERT_FILE points, and a server
    context for 127.0.0.1."""
    import trustme

    authority = trustme.CA()
    authority.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    authority.issue_cert("127.0.0.1").configure_cert(context)
    return context, str(tmp_path / "ca.pem")


def _send(tr, port, *args, code=0, home, env=None):
    tr("config", "set", "smtp-host", "127.0.0.1")
    tr("config", "set", "smtp-port", str(port))
    tr("config", "set", "smtp-from", SENDER)
    # HOME: a ~/.netrc of the test's own, never the developer's
    return tr("remind", "--send", *args, code=code, env={"HOME": str(home), **(env or {})})


def _reminds(tr) -> list:
    return tr.rows("SELECT task_id, claimed_on, after FROM events WHERE action = 'remind' ORDER BY id")


def test_send_mails_one_plain_utf8_message_per_agency_and_records_it(reminded, tmp_path):
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        result = _send(reminded, port, "--lang", "vi", home=tmp_path, code=1)
    # SGDDT has no address: skipped and named (so the run exits 1); the others sent
    assert result.stderr.startswith("SGDDT (Sở Giáo dục và Đào tạo) chưa có địa chỉ thư điện tử")
    assert [m["to"] for m in mailbox.received] == [["tc@stc.quangnam.gov.vn"], SYT]
    syt = mailbox.received[1]
    message = syt["message"]
    assert syt["from"] == SENDER and not syt["tls"] and syt["login"] is None
    assert message["Subject"] == "Đôn đốc thực hiện nhiệm vụ – Sở Y tế – 31/3/2021"
    assert message["To"] == ", ".join(SYT)
    assert message.get_content_type() == "text/plain" and message.get_content_charset() == "utf-8"
    assert message.get_content().replace("\r\n", "\n") == SYT_VI  # SMTP's line ends on the wire
    assert b"=?utf-8?" in syt["raw"] and "Đôn".encode() not in syt["raw"]  # headers and body 7-bit on the wire
    assert "Đã gửi thư đôn đốc SYT (Sở Y tế) về 2 nhiệm vụ đến vp@syt.quangnam.gov.vn" in result.stdout
    assert _reminds(reminded)[:2] == [
        (5, "2021-03-31", '{"to": "tc@stc.quangnam.gov.vn"}'),
        (3, "2021-03-31", '{"to": "tc@stc.quangnam.gov.vn"}'),
    ]
    assert [r[0] for r in _reminds(reminded)[2:]] == [1, 2]
    assert "đã đôn đốc ngày 31/3/2021" in reminded("show", "1", "--lang", "vi").stdout
    assert "reminded on 2021-03-31" in reminded("show", "3").stdout


def test_an_agency_without_address_is_named_and_the_run_exits_1(reminded, tmp_path):
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        result = _send(reminded, port, "--agency", "SGDDT", "--agency", "STC", home=tmp_path, code=1)
    assert result.stderr == (
        "SGDDT (Sở Giáo dục và Đào tạo) has no mail address, so its reminder was not sent:"
        " add one with `taskreg agency edit SGDDT --email ADDRESS`.\n"
    )
    assert [m["to"] for m in mailbox.received] == [["tc@stc.quangnam.gov.vn"]]
    assert [r[0] for r in _reminds(reminded)] == [5, 3]


def test_starttls_and_the_netrc_login_only_over_tls(reminded, tmp_path, ca):
    context, ca_file = ca
    netrc = tmp_path / ".netrc"
    netrc.write_text("machine 127.0.0.1 login vanphong password mat-khau\n")
    netrc.chmod(0o600)
    mailbox = Mailbox()
    with smtp_server(mailbox, tls=context, auth=True) as port:
        _send(reminded, port, "--agency", "SYT", home=tmp_path, env={"SSL_CERT_FILE": ca_file})
    assert [(m["tls"], m["login"]) for m in mailbox.received] == [(True, "vanphong")]
    # a server whose certificate no trusted CA signed: nothing sent, nothing recorded
    events = _reminds(reminded)
    with smtp_server(Mailbox(), tls=context, auth=True) as port:
        result = _send(reminded, port, "--agency", "SYT", home=tmp_path, code=1)
    assert "certificate verify failed" in result.stderr and _reminds(reminded) == events
    # no STARTTLS offered: the password is never sent, the message not either
    plain = Mailbox()
    with smtp_server(plain, auth=True) as port:
        result = _send(reminded, port, "--agency", "SYT", home=tmp_path, code=1)
    assert result.stderr == (
        "The reminder to SYT (Sở Y tế) was not sent, and nothing was recorded: the server offers no"
        " STARTTLS, and the login of ~/.netrc is never sent without TLS.\n"
    )
    assert plain.logins == [] and plain.received == [] and _reminds(reminded) == events


def test_a_refused_recipient_is_named_and_the_rest_still_get_it(reminded, tmp_path):
    mailbox = Mailbox(refuse={"kehoach@syt.quangnam.gov.vn", "tc@stc.quangnam.gov.vn"})
    with smtp_server(mailbox) as port:
        result = _send(reminded, port, "--agency", "SYT", "--agency", "STC", home=tmp_path, code=1)
    assert result.stderr == (
        "The mail server refused tc@stc.quangnam.gov.vn, an address of STC (Sở Tài chính): 550 5.1.1 No such mailbox.\n"
        "The reminder to STC (Sở Tài chính) was not sent, and nothing was recorded: the mail server refused"
        " every address.\n"
        "The mail server refused kehoach@syt.quangnam.gov.vn, an address of SYT (Sở Y tế): 550 5.1.1 No such mailbox.\n"
    )
    assert [m["to"] for m in mailbox.received] == [["vp@syt.quangnam.gov.vn"]]
    assert [r[0] for r in _reminds(reminded)] == [1, 2]  # SYT's message was accepted; STC's not


def test_a_server_that_is_down_is_one_sentence_per_agency(reminded, tmp_path):
    result = _send(reminded, _free_port(), home=tmp_path, code=1)
    assert result.stderr.splitlines() == [
        "SGDDT (Sở Giáo dục và Đào tạo) has no mail address, so its reminder was not sent:"
        " add one with `taskreg agency edit SGDDT --email ADDRESS`.",
        "The reminder to STC (Sở Tài chính) was not sent, and nothing was recorded: Connection refused.",
        "The reminder to SYT (Sở Y tế) was not sent, and nothing was recorded: Connection refused.",
    ]
    assert "Traceback" not in result.stdout + result.stderr and _reminds(reminded) == []


def test_send_needs_today_and_a_sender(reminded, tmp_path):
    result = reminded("remind", "--send", "--as-of", "30/3/2021", code=2)
    assert result.stderr == "--send mails what is true today (2021-03-31), not as of 2021-03-30: leave out --as-of.\n"
    result = reminded("remind", "--send", code=2, env={"HOME": str(tmp_path)})
    assert result.stderr.startswith("Reminders cannot be sent without a sender")
    assert _reminds(reminded) == []


@pytest.mark.postgresql_only
def test_on_postgresql_sending_reminders_is_the_offices(reminded, tmp_path):
    import psycopg

    reminded("--db", reminded.url("postgres"), "admin", "grant", LIAISON, "--role", "liaison", "--agency", "SYT")
    result = reminded("--db", reminded.url(LIAISON), "remind", "--send", code=1, env={"HOME": str(tmp_path)})
    assert result.stderr == (
        f"Refused: only the office may send reminders; the login {LIAISON} may not. Nothing was sent.\n"
    )
    with psycopg.connect(reminded.url(LIAISON)) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("SELECT taskreg_event(100, 'remind', 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)")
    assert _reminds(reminded) == []


@pytest.mark.postgresql_only
def test_on_postgresql_the_database_audits_an_agencys_addresses(reminded):
    events = reminded.rows("SELECT action, before, after, written_by FROM events WHERE action = 'agency_edit'")
    assert events[0][3] == "database" and '"email": "tc@stc.quangnam.gov.vn"' in events[1][2]
    import psycopg

    with psycopg.connect(reminded.url()) as conn:  # the office, by plain SQL: no event of its own
        conn.execute("UPDATE agencies SET email = 'x@y.vn' WHERE code = 'SGDDT'")
    last = reminded.rows("SELECT action, before, after, written_by FROM events ORDER BY id DESC LIMIT 1")[0]
    assert last == ("agency_change", '{"email": null}', '{"email": "x@y.vn"}', "database")


def test_remind_events_survive_an_export_and_import(reminded, tmp_path):
    mailbox = Mailbox()
    with smtp_server(mailbox) as port:
        _send(reminded, port, "--agency", "STC", home=tmp_path)
    reminded("export", "--format", "json", "-o", tmp_path / "all.json")
    target = reminded.__class__(tmp_path / "copy.db", {**reminded.env, "TASKREG_DB": str(tmp_path / "copy.db")})
    target("import", tmp_path / "all.json", "--create-agencies")
    assert "reminded on 2021-03-31" in target("show", "5").stdout
