"""A small SMTP server on loopback for the tests: speaks enough of RFC 5321 for Django's SMTP
backend (smtplib) and keeps every message it receives, so a test reads the e-mail as delivered.
Addresses in `refuse` are answered "550 mailbox unavailable", as a real server refuses them."""

from __future__ import annotations

import email
import email.policy
import socketserver
import threading
from email.message import EmailMessage


class _Session(socketserver.StreamRequestHandler):
    def _reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self) -> None:
        self._reply("220 localhost test SMTP")
        sender, recipients = "", []
        while line := self.rfile.readline():
            command = line.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb == "EHLO":
                self._reply("250-localhost")
                self._reply("250 8BITMIME")
            elif verb == "HELO":
                self._reply("250 localhost")
            elif verb == "MAIL":
                sender, recipients = command.split(":", 1)[1].strip(" <>"), []
                self._reply("250 OK")
            elif verb == "RCPT":
                recipient = command.split(":", 1)[1].strip(" <>")
                if recipient.lower() in self.server.refuse:
                    self._reply("550 5.1.1 Mailbox unavailable")
                    continue
                recipients.append(recipient)
                self._reply("250 OK")
            elif verb == "DATA":
                self._reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (raw := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(raw[1:] if raw.startswith(b"..") else raw)  # dot-unstuffing
                message = email.message_from_bytes(b"".join(lines), policy=email.policy.default)
                self.server.received.append((sender, recipients, message))
                self._reply("250 OK queued")
            elif verb == "QUIT":
                self._reply("221 Bye")
                return
            else:  # RSET, NOOP and the rest
                self._reply("250 OK")


class SMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Session)
        self.received: list[tuple[str, list[str], EmailMessage]] = []
        self.refuse: set[str] = set()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def to(self, address: str) -> list[EmailMessage]:
        """The messages received for `address`, in order."""
        return [message for _sender, recipients, message in self.received if address in recipients]

    @property
    def port(self) -> int:
        return self.server_address[1]

    def __enter__(self) -> SMTPServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()
