"""Real receivers on 127.0.0.1 for the notification tests, with failure injection.

* :class:`WebhookReceiver` — a threading HTTP server that verifies every request with the
  ``standardwebhooks`` library and answers from a script (status codes, headers, or a hang).
* :class:`SMTPServer` — an aiosmtpd server (plain, STARTTLS or implicit TLS, optional AUTH) whose
  handler parses each message with the ``email`` package and may refuse recipients.
* :func:`self_signed_certificate` — a certificate for 127.0.0.1 made with ``cryptography``.

Import the fixtures into a test module: ``from notify_support.servers import webhook_receiver``.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import json
import socket
import ssl
import sys
import threading
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import IPv4Address
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from .factories import SMTP_PASSWORD, WEBHOOK_SECRET

LOOPBACK = "127.0.0.1"


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (connections are refused)."""
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------------------------------------
# Webhooks


class QuietHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server that lets a client hang up without printing a traceback: the tests
    whose client gives up (a timeout, a refused redirect) close the connection before the answer is
    written. Any other error in a handler is reported as usual."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)):
            return
        super().handle_error(request, client_address)


@dataclass
class ReceivedRequest:
    """One POST as the receiver saw it."""

    path: str
    headers: dict[str, str]
    body: bytes
    #: the payload, when the signature verified
    payload: Any = None
    #: why verification failed, or None
    error: str | None = None

    @property
    def verified(self) -> bool:
        return self.error is None


class WebhookReceiver:
    """Answers POSTs from a script; by default with 204.

    Steps: a status, ``(status, headers)``, ``"hang"`` (no answer), or ``("trickle", seconds)``:
    a ``200`` status line and then one header every ``seconds``, never finishing (a slow-loris
    receiver that keeps every read timeout from firing).
    """

    def __init__(self, secret: str = WEBHOOK_SECRET):
        self.secret = secret
        self.requests: list[ReceivedRequest] = []
        self._script: deque[Any] = deque()
        self._release = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                headers = {key.lower(): value for key, value in self.headers.items()}
                request = ReceivedRequest(self.path, headers, body)
                try:
                    request.payload = Webhook(receiver.secret).verify(body, headers)
                except WebhookVerificationError as exc:
                    request.error = str(exc)
                receiver.requests.append(request)
                step = receiver._script.popleft() if receiver._script else 204
                if step == "hang":
                    receiver._release.wait(10)
                    return
                if isinstance(step, tuple) and step[0] == "trickle":
                    self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                    for number in range(600):
                        if receiver._release.wait(step[1]):
                            return
                        try:
                            self.wfile.write(f"x-trickle-{number}: .\r\n".encode())
                            self.wfile.flush()
                        except OSError:
                            return  # the client gave up
                    return
                status, extra = step if isinstance(step, tuple) else (step, {})
                self.send_response(status)
                for key, value in extra.items():
                    self.send_header(key, value)
                reply = b"" if status == 204 else json.dumps({"status": status}).encode()
                self.send_header("content-length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = QuietHTTPServer((LOOPBACK, 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.01,), daemon=True)

    def respond(self, *steps: Any) -> None:
        """Script the next answers, in order; afterwards the receiver answers 204 again."""
        self._script.extend(steps)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/hooks/statements"

    @property
    def ids(self) -> list[str]:
        """The ``webhook-id`` of every request, in order."""
        return [request.headers["webhook-id"] for request in self.requests]

    def start(self) -> WebhookReceiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def webhook_receiver() -> Iterator[WebhookReceiver]:
    """A running :class:`WebhookReceiver` that verifies with :data:`WEBHOOK_SECRET`."""
    receiver = WebhookReceiver().start()
    yield receiver
    receiver.stop()


# ---------------------------------------------------------------------------------------------
# TLS


@dataclass(frozen=True)
class Certificate:
    """A self-signed certificate for 127.0.0.1 and localhost, and its key, as PEM files."""

    cert_file: Path
    key_file: Path

    def server_context(self) -> ssl.SSLContext:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert_file, self.key_file)
        return context


def self_signed_certificate(folder: Path) -> Certificate:
    """Make a fresh self-signed certificate in ``folder``."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "statements test relay")])
    now = dt.datetime.now(dt.timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(IPv4Address(LOOPBACK)), x509.DNSName("localhost")]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_file, key_file = folder / "relay.pem", folder / "relay.key"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return Certificate(cert_file, key_file)


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> Certificate:
    """A self-signed certificate for the SMTP tests."""
    return self_signed_certificate(tmp_path_factory.mktemp("tls"))


# ---------------------------------------------------------------------------------------------
# SMTP


@dataclass
class ReceivedMail:
    """One message as the SMTP server accepted it."""

    mail_from: str
    rcpt_tos: list[str]
    message: EmailMessage
    #: the connection was encrypted (STARTTLS or implicit TLS) when DATA arrived
    encrypted: bool
    #: the user name the client authenticated with, if any
    login: str | None
    #: the message exactly as the client sent it
    raw: bytes = b""


@dataclass
class _Handler:
    refuse: set[str]
    #: addresses answered with a temporary failure (451)
    defer: set[str] = field(default_factory=set)
    messages: list[ReceivedMail] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 - aiosmtpd hook
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        if address in self.defer:
            return "451 4.3.0 mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd hook
        raw = envelope.original_content or b""
        message = email.message_from_bytes(raw, policy=email.policy.default)
        encrypted = server.transport.get_extra_info("ssl_object") is not None
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None
        self.messages.append(ReceivedMail(envelope.mail_from, list(envelope.rcpt_tos), message, encrypted, login, raw))
        return "250 2.0.0 Message accepted for delivery"


class _LoopbackController(Controller):
    """An aiosmtpd controller that may listen on port 0 (the OS picks a free port)."""

    def _trigger_server(self) -> None:
        assert self.server is not None
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class SMTPServer:
    """A real SMTP server on 127.0.0.1.

    ``security``: ``none`` (plain), ``starttls`` (offers and requires STARTTLS) or ``tls``
    (implicit TLS). ``login``: the user name that AUTH accepts, with :data:`SMTP_PASSWORD`.
    ``refuse`` are answered 550 (permanent), ``defer`` 451 (temporary); both sets may change while
    the server runs. ``eight_bit=False`` makes a server that does not offer 8BITMIME.
    """

    def __init__(
        self,
        *,
        security: str = "none",
        certificate: Certificate | None = None,
        refuse: tuple[str, ...] = (),
        defer: tuple[str, ...] = (),
        login: str | None = None,
        eight_bit: bool = True,
    ):
        self.handler = _Handler(set(refuse), set(defer))
        self.security = security
        # aiosmtpd offers 8BITMIME unless it decodes the data itself.
        kwargs: dict[str, Any] = {} if eight_bit else {"decode_data": True}
        if security == "starttls":
            kwargs.update(tls_context=certificate.server_context(), require_starttls=True)  # type: ignore[union-attr]
        elif security == "tls":
            kwargs.update(ssl_context=certificate.server_context())  # type: ignore[union-attr]
        if login is not None:
            # aiosmtpd counts only STARTTLS as TLS for auth_require_tls; implicit TLS is TLS throughout.
            kwargs.update(authenticator=self._authenticate, auth_require_tls=security == "starttls", auth_required=True)
        self.login = login
        self.controller = _LoopbackController(self.handler, hostname=LOOPBACK, port=0, **kwargs)

    def _authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == self.login
            and auth_data.password.decode() == SMTP_PASSWORD
        )
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    @property
    def port(self) -> int:
        return self.controller.port

    @property
    def messages(self) -> list[ReceivedMail]:
        return self.handler.messages

    def start(self) -> SMTPServer:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()


@pytest.fixture
def smtp_server() -> Iterator[Any]:
    """A factory: ``smtp_server(security=..., certificate=..., refuse=(...), login=...)`` starts one."""
    started: list[SMTPServer] = []

    def start(**kwargs: Any) -> SMTPServer:
        server = SMTPServer(**kwargs).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
