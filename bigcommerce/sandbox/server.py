"""The sandbox's HTTP layer: a lean HTTP/1.1 server in front of ``SandboxApp``.

Why not ``http.server``: its header parsing goes through ``email.parser``,
which costs more than a whole in-memory API call and made the sandbox the
bottleneck of client benchmarks. This handler parses the request line and
headers itself, keeps connections alive, answers with one ``sendall`` (no
Nagle stalls) and can also misbehave on purpose (drop, hang, truncate) when the
app's ``Answer`` says so. Routing, auth and faults live in ``app.py``.
"""
from __future__ import annotations

import logging
import socket
import socketserver
import threading
import time
from email.utils import formatdate
from http import HTTPStatus
from typing import Any, BinaryIO, Callable, cast

from bigcommerce.sandbox.app import SandboxApp
from bigcommerce.sandbox.auth import Credentials
from bigcommerce.sandbox.messages import JSON_TYPE, Answer, Request, oauth_error, v2_error
from bigcommerce.sandbox.stats import NO_ANSWER

log = logging.getLogger("bigcommerce.sandbox")

DEFAULT_HOST = "127.0.0.1"
LISTEN_BACKLOG = 128
# An idle keep-alive connection is closed after this; stop() closes them at once.
IDLE_TIMEOUT_S = 120.0
MAX_LINE_BYTES = 16_384
MAX_HEADERS = 100
MAX_BODY_BYTES = 16 * 1024 * 1024
READ_BUFFER_BYTES = 65_536
SERVE_POLL_S = 0.05
STOP_JOIN_TIMEOUT_S = 5.0


class ProtocolError(Exception):
    """The bytes on the wire are not an HTTP request we can serve; close after answering."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# (second, formatted): swapped as one tuple, so a reader never sees a half-updated pair.
_date_cache: tuple[int, str] = (0, "")


def http_date() -> str:
    """The ``Date`` header value, recomputed once a second."""
    global _date_cache
    now = int(time.time())
    cached = _date_cache
    if cached[0] != now:
        cached = _date_cache = (now, formatdate(now, usegmt=True))
    return cached[1]


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def read_request(rfile: BinaryIO, send_continue: Callable[[], None]) -> Request | None:
    """Parse one request from the connection; None at a clean end of stream."""
    line = rfile.readline(MAX_LINE_BYTES + 1)
    blank_lines = 0
    while line in (b"\r\n", b"\n") and blank_lines < 8:
        blank_lines += 1
        line = rfile.readline(MAX_LINE_BYTES + 1)
    if not line:
        return None
    if len(line) > MAX_LINE_BYTES:
        raise ProtocolError(414, "The request line is too long.")
    parts = line.split()
    if len(parts) != 3:
        raise ProtocolError(400, "Malformed request line.")
    method, target, version = (p.decode("latin-1") for p in parts)
    if not version.startswith("HTTP/1."):
        raise ProtocolError(505, "Only HTTP/1.x is supported.")
    headers: dict[str, str] = {}
    for _ in range(MAX_HEADERS + 1):
        raw = rfile.readline(MAX_LINE_BYTES + 1)
        if raw in (b"\r\n", b"\n"):
            break
        if not raw:
            return None
        if len(raw) > MAX_LINE_BYTES:
            raise ProtocolError(431, "A header line is too long.")
        name, sep, value = raw.partition(b":")
        if not sep or not name.strip():
            raise ProtocolError(400, "Malformed header line.")
        key = name.strip().lower().decode("latin-1")
        text = value.strip().decode("latin-1")
        headers[key] = f"{headers[key]}, {text}" if key in headers else text
    else:
        raise ProtocolError(431, "Too many headers.")
    if target.startswith(("http://", "https://")):
        target = "/" + target.split("/", 3)[3] if target.count("/") >= 3 else "/"
    tokens = {t.strip().lower() for t in headers.get("connection", "").split(",")}
    keep_alive = "close" not in tokens if version == "HTTP/1.1" else "keep-alive" in tokens
    if version == "HTTP/1.1" and headers.get("expect", "").lower() == "100-continue":
        send_continue()
    body = _read_body(rfile, headers)
    if body is None:
        return None
    return Request(method.upper(), target, version, headers, body, keep_alive)


def _read_body(rfile: BinaryIO, headers: dict[str, str]) -> bytes | None:
    encoding = headers.get("transfer-encoding", "").lower()
    if encoding:
        if encoding != "chunked":
            raise ProtocolError(501, f"Transfer-Encoding {encoding} is not supported.")
        return _read_chunked(rfile)
    length_text = headers.get("content-length")
    if not length_text:
        return b""
    try:
        length = int(length_text)
    except ValueError:
        raise ProtocolError(400, "Content-Length is not a number.") from None
    if length < 0:
        raise ProtocolError(400, "Content-Length is negative.")
    if length > MAX_BODY_BYTES:
        raise ProtocolError(413, "The request body is too large.")
    body = rfile.read(length) if length else b""
    return body if len(body) == length else None


def _read_chunked(rfile: BinaryIO) -> bytes | None:
    chunks: list[bytes] = []
    total = 0
    while True:
        size_line = rfile.readline(MAX_LINE_BYTES + 1)
        if not size_line:
            return None
        try:
            size = int(size_line.split(b";")[0].strip(), 16)
        except ValueError:
            raise ProtocolError(400, "Malformed chunk size.") from None
        if size == 0:
            while rfile.readline(MAX_LINE_BYTES + 1) not in (b"\r\n", b"\n", b""):
                pass  # trailers are ignored
            return b"".join(chunks)
        total += size
        if total > MAX_BODY_BYTES:
            raise ProtocolError(413, "The request body is too large.")
        chunk = rfile.read(size)
        rfile.readline(MAX_LINE_BYTES + 1)
        if len(chunk) != size:
            return None
        chunks.append(chunk)


def render_head(answer: Answer, keep_alive: bool, content_length: int) -> bytes:
    """Status line and headers of an answer, ready to send."""
    lines = [f"HTTP/1.1 {answer.status} {_reason(answer.status)}", f"Date: {http_date()}"]
    if answer.content_type and answer.status != 204:
        lines.append(f"Content-Type: {answer.content_type}")
    if answer.status != 204 and answer.status >= 200:
        lines.append(f"Content-Length: {content_length}")
    lines.append("Connection: keep-alive" if keep_alive else "Connection: close")
    for name, value in answer.headers.items():
        lines.append(f"{name}: {value}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


class ConnectionHandler:
    """Serves the requests of one TCP connection, in its own thread, until it closes."""

    def __init__(self, sock: socket.socket, server: SandboxHTTPServer) -> None:
        self.sock = sock
        self.server = server
        self.app = server.app

    def serve(self) -> None:
        sock = self.sock
        self.app.stats.connection_opened()
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            pass
        sock.settimeout(IDLE_TIMEOUT_S)
        rfile = cast(BinaryIO, sock.makefile("rb", buffering=READ_BUFFER_BYTES))
        try:
            while not self.app.stopping.is_set():
                try:
                    request = read_request(rfile, self._send_continue)
                except ProtocolError as exc:
                    self._refuse(exc)
                    return
                if request is None or not self._exchange(request):
                    return
        except (OSError, ValueError):
            return  # the peer went away, timed out, or stop() shut the socket
        finally:
            rfile.close()

    def _send_continue(self) -> None:
        self.sock.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")

    def _refuse(self, exc: ProtocolError) -> None:
        answer = self.app.finish(v2_error(exc.status, exc.message))
        stats = self.app.stats
        stats.request_started()
        stats.request_finished("?", "?", exc.status)
        self.sock.sendall(render_head(answer, False, len(answer.body)) + answer.body)

    def _exchange(self, request: Request) -> bool:
        """Answer one request; False when the connection must close afterwards."""
        stats = self.app.stats
        started = time.perf_counter()
        stats.request_started()
        answer = self.app.respond(request)
        status = answer.status if answer.action != "drop" else NO_ANSWER
        # Counted before the bytes go out, so a test reading stats after its response sees them.
        stats.request_finished(request.method, request.route, status)
        if self.app.log_request is not None:
            elapsed_ms = (time.perf_counter() - started) * 1000
            shown = status if status else "no answer"
            self.app.log_request(f"{request.method} {request.target} -> {shown} ({elapsed_ms:.1f} ms)")
        if answer.action == "drop":
            return False
        keep_alive = request.keep_alive and answer.action == "send" and not self.app.stopping.is_set()
        if answer.action == "truncate":
            half = answer.body[: len(answer.body) // 2]
            self.sock.sendall(render_head(answer, False, len(answer.body)) + half)
            return False
        self.sock.sendall(render_head(answer, keep_alive, len(answer.body)) + answer.body)
        return keep_alive


class SandboxHTTPServer(socketserver.TCPServer):
    """A thread per connection; ``close_all`` ends open keep-alive connections at once."""

    allow_reuse_address = True
    request_queue_size = LISTEN_BACKLOG

    def __init__(self, address: tuple[str, int], app: SandboxApp) -> None:
        self.app = app
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self._lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._threads: set[threading.Thread] = set()
        super().__init__(address, ConnectionHandler)  # type: ignore[arg-type]

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def process_request(self, request: socket.socket, client_address: Any) -> None:  # type: ignore[override]
        thread = threading.Thread(
            target=self._serve_connection,
            args=(request,),
            name=f"sandbox-conn-{client_address[1]}",
            daemon=True,
        )
        with self._lock:
            self._connections.add(request)
            self._threads.add(thread)
        thread.start()

    def _serve_connection(self, sock: socket.socket) -> None:
        try:
            ConnectionHandler(sock, self).serve()
        except Exception:
            log.exception("sandbox: connection handler failed")
        finally:
            with self._lock:
                self._connections.discard(sock)
                self._threads.discard(threading.current_thread())
            self.shutdown_request(sock)

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("sandbox: error on a connection from %s", client_address, exc_info=True)

    def close_all(self, timeout_s: float = STOP_JOIN_TIMEOUT_S) -> None:
        """Shut every open connection and wait (bounded) for their threads."""
        with self._lock:
            connections = list(self._connections)
            threads = list(self._threads)
        for sock in connections:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        deadline = time.monotonic() + timeout_s
        for thread in threads:
            thread.join(max(0.0, deadline - time.monotonic()))


__all__ = [
    "DEFAULT_HOST", "JSON_TYPE", "SERVE_POLL_S", "STOP_JOIN_TIMEOUT_S", "Answer", "ConnectionHandler", "Credentials",
    "ProtocolError", "Request", "SandboxApp", "SandboxHTTPServer", "http_date", "oauth_error", "read_request",
    "render_head", "v2_error",
]
