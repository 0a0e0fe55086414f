"""The sandbox's HTTP layer: a lean HTTP/1.1 server in front of the in-memory Store.

Why not ``http.server``: its header parsing goes through ``email.parser``,
which costs more than a whole in-memory API call and made the sandbox the
bottleneck of client benchmarks. This handler parses the request line and
headers itself, keeps connections alive, answers with one ``sendall`` (no
Nagle stalls) and can also misbehave on purpose (drop, hang, truncate).

Routes, all on one port:

* ``/stores/{store_hash}/v2/{path}``: REST v2, ``X-Auth-Token`` (OAuth)
* ``/api/v2/{path}``: REST v2, HTTP basic auth (legacy API accounts)
* ``/stores/{store_hash}/graphql``: a minimal GraphQL Admin endpoint
* ``/oauth2/token``: the app-install token exchange

Order of checks on an API request: route and store hash (404), credentials
(401), latency, faults, rate-limit window (429), body (415/400), the Store.
"""
from __future__ import annotations

import base64
import binascii
import hmac
import json
import logging
import re
import secrets
import socket
import socketserver
import threading
import time
import uuid
from dataclasses import dataclass, field
from email.utils import formatdate
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, BinaryIO, Callable, List, Mapping, Optional, Tuple, cast
from urllib.parse import parse_qsl, unquote

from bigcommerce.sandbox.faults import PROCESSING_KINDS, FaultInjector, FaultRule, error_body, normalize_path
from bigcommerce.sandbox.quota import QuotaState, RateWindow
from bigcommerce.sandbox.stats import NO_ANSWER, RequestStats

if TYPE_CHECKING:
    from bigcommerce.sandbox.store import Store

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
BASIC_REALM = "BigCommerce API"
OAUTH_SCOPE = (
    "store_v2_products store_v2_orders store_v2_customers store_v2_customers_login "
    "store_v2_content store_v2_marketing store_v2_information store_payments_methods_read"
)
BODY_METHODS = frozenset({"POST", "PUT", "DELETE"})
SUPPORTED_METHODS = frozenset({"GET", "POST", "PUT", "DELETE"})
JSON_TYPE = "application/json"


# --------------------------------------------------------------------------- credentials
@dataclass(frozen=True)
class Credentials:
    """Everything a client needs to authenticate; ``repr`` shows no secret."""

    store_hash: str
    client_id: str
    client_secret: str = field(repr=False)
    access_token: str = field(repr=False)
    username: str
    api_token: str = field(repr=False)
    auth_code: str = field(repr=False)
    redirect_uri: str | None = None

    @classmethod
    def generate(cls, **fixed: str | None) -> Credentials:
        """Random credentials (``secrets.token_hex``); pass any field to fix it."""
        values: dict[str, str | None] = {
            "store_hash": secrets.token_hex(5),
            "client_id": secrets.token_hex(16),
            "client_secret": secrets.token_hex(24),
            "access_token": secrets.token_hex(20),
            "username": "sandbox-" + secrets.token_hex(3),
            "api_token": secrets.token_hex(20),
            "auth_code": secrets.token_hex(12),
            "redirect_uri": None,
        }
        values.update({k: v for k, v in fixed.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    @property
    def context(self) -> str:
        """The OAuth ``context`` of this store: ``stores/{store_hash}``."""
        return f"stores/{self.store_hash}"


# --------------------------------------------------------------------------- messages
@dataclass
class Request:
    """One parsed HTTP request; ``route`` is filled in by the app for the stats."""

    method: str
    target: str
    version: str
    headers: dict[str, str]
    body: bytes
    keep_alive: bool
    route: str = ""

    @property
    def path(self) -> str:
        return self.target.partition("?")[0]

    @property
    def query_string(self) -> str:
        return self.target.partition("?")[2]


@dataclass
class Answer:
    """What to do with a request: send a response, or misbehave.

    ``action``: ``send``, ``drop`` (close, nothing sent) or ``truncate`` (full
    Content-Length, half the body, close).
    """

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    content_type: str | None = JSON_TYPE
    action: str = "send"
    rate_headers: bool = True


def v2_error(status: int, message: str, headers: dict[str, str] | None = None) -> Answer:
    return Answer(status, error_body(status, message), dict(headers or {}))


def oauth_error(status: int, error: str, description: str | None = None) -> Answer:
    payload = {"error": error}
    if description:
        payload["error_description"] = description
    return Answer(status, json.dumps(payload).encode())


class ProtocolError(Exception):
    """The bytes on the wire are not an HTTP request we can serve; close after answering."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# --------------------------------------------------------------------------- the app
class SandboxApp:
    """Routing, auth, faults, quota and latency around a Store; no sockets here."""

    def __init__(
        self,
        store: Store,
        credentials: Credentials,
        *,
        quota: RateWindow | None = None,
        faults: FaultInjector | None = None,
        stats: RequestStats | None = None,
        latency_ms: float = 0.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.credentials = credentials
        self.quota = quota or RateWindow()
        self.faults = faults or FaultInjector()
        self.stats = stats or RequestStats()
        self.latency_ms = latency_ms
        self.clock = clock
        self.stopping = threading.Event()
        self.log_request: Callable[[str], None] | None = None
        self._tokens_lock = threading.Lock()
        self._tokens = {credentials.access_token}

    # -- entry point ---------------------------------------------------------
    def respond(self, request: Request) -> Answer:
        """Answer one request; never raises (a bug in the store becomes a 500)."""
        try:
            answer = self._route(request)
        except Exception:  # the store or a resolver failed: the client sees a 500
            log.exception("sandbox: %s %s failed", request.method, request.target)
            answer = v2_error(500, "Internal sandbox error.")
        return self.finish(answer)

    def finish(self, answer: Answer) -> Answer:
        """Add the rate-limit headers every answer carries, unless it was spent already."""
        if answer.rate_headers and "X-Rate-Limit-Requests-Left" not in answer.headers:
            answer.headers = {**self.quota.peek().headers(), **answer.headers}
        return answer

    def issue_token(self) -> str:
        """A new access token that the API then accepts (OAuth token exchange)."""
        token = secrets.token_hex(20)
        with self._tokens_lock:
            self._tokens.add(token)
        return token

    def token_is_valid(self, token: str) -> bool:
        with self._tokens_lock:
            return token in self._tokens

    # -- routing -------------------------------------------------------------
    def _route(self, request: Request) -> Answer:
        path = unquote(request.path)
        segments = [s for s in path.split("/") if s]
        request.route = "/".join(segments)
        if segments == ["oauth2", "token"]:
            return self._oauth_token(request)
        if len(segments) >= 3 and segments[0] == "api" and segments[1] == "v2":
            return self._v2(request, "/".join(segments[2:]), basic=True)
        if len(segments) >= 3 and segments[0] == "stores":
            if segments[1] != self.credentials.store_hash:
                return v2_error(404, "The requested store was not found.")
            if segments[2] == "v2" and len(segments) > 3:
                return self._v2(request, "/".join(segments[3:]), basic=False)
            if segments[2] == "graphql" and len(segments) == 3:
                return self._graphql(request)
        return v2_error(404, "The requested resource was not found.")

    def _v2(self, request: Request, raw_path: str, *, basic: bool) -> Answer:
        path = normalize_path(raw_path)
        request.route = path
        if not path:
            return v2_error(404, "The requested resource was not found.")
        refusal = self._check_basic(request) if basic else self._check_token(request)
        if refusal is not None:
            return refusal
        if request.method not in SUPPORTED_METHODS:
            return v2_error(501, f"The method {request.method} is not supported.")
        query = dict(parse_qsl(request.query_string, keep_blank_values=True))
        early, rule = self._before_quota(request, path, query)
        if early is not None:
            return early
        allowed, state = self.quota.take()
        if not allowed:
            return self._rate_limited(state)
        body, refusal = self._json_body(request)
        if refusal is not None:
            refusal.headers.update(state.headers())
            return refusal
        result = self.store.handle(request.method, path, query, body)
        answer = Answer(result.status, result.body, {**state.headers(), **(result.headers or {})})
        if result.status == 204 or not result.body:
            answer.content_type = None if result.status == 204 else JSON_TYPE
        return self._apply_processing_fault(answer, rule)

    def _before_quota(
        self, request: Request, path: str, query: dict[str, str]
    ) -> tuple[Answer | None, FaultRule | None]:
        """Stamp, delay and maybe fault an authenticated API request."""
        self.stats.api_request()
        if self.latency_ms > 0:
            self.stopping.wait(self.latency_ms / 1000)
        rule = self.faults.pick(request.method, path, query)
        if rule is None or rule.kind in PROCESSING_KINDS:
            return None, rule
        return self._fault_answer(rule), None

    # -- auth ----------------------------------------------------------------
    def _check_token(self, request: Request) -> Answer | None:
        token = request.headers.get("x-auth-token", "")
        client = request.headers.get("x-auth-client")
        if not token:
            return v2_error(401, "No access token was supplied (X-Auth-Token header).")
        if not self.token_is_valid(token):
            return v2_error(401, "The access token is invalid or has been revoked.")
        if client is not None and not hmac.compare_digest(client, self.credentials.client_id):
            return v2_error(401, "The X-Auth-Client header does not match the token's client id.")
        return None

    def _check_basic(self, request: Request) -> Answer | None:
        challenge = {"WWW-Authenticate": f'Basic realm="{BASIC_REALM}"'}
        header = request.headers.get("authorization", "")
        scheme, _, encoded = header.partition(" ")
        if scheme.lower() != "basic" or not encoded.strip():
            return v2_error(401, "HTTP basic authentication is required.", challenge)
        try:
            decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return v2_error(401, "The basic authentication header is malformed.", challenge)
        username, _, password = decoded.partition(":")
        creds = self.credentials
        good_user = hmac.compare_digest(username.encode(), creds.username.encode())
        good_token = hmac.compare_digest(password.encode(), creds.api_token.encode())
        if not (good_user and good_token):
            return v2_error(401, "The username or API token is wrong.", challenge)
        return None

    # -- bodies --------------------------------------------------------------
    def _json_body(self, request: Request) -> tuple[object | None, Answer | None]:
        """The parsed JSON body, or an answer refusing it (415 or 400)."""
        if request.method not in BODY_METHODS or not request.body:
            return None, None
        content_type = request.headers.get("content-type", "")
        media = content_type.partition(";")[0].strip().lower()
        if media != JSON_TYPE and not media.endswith("+json"):
            shown = content_type or "none"
            return None, v2_error(
                415, f"The Content-Type must be application/json (got {shown})."
            )
        try:
            return json.loads(request.body), None
        except (ValueError, UnicodeDecodeError) as exc:
            return None, v2_error(400, f"The request body is not valid JSON: {exc}.")

    # -- quota and faults ----------------------------------------------------
    def _rate_limited(self, state: QuotaState) -> Answer:
        headers = {**state.headers(), "X-Retry-After": str(state.retry_after_s)}
        return v2_error(429, "The request quota of this window has been used up.", headers)

    def _fault_answer(self, rule: FaultRule) -> Answer:
        if rule.kind == "drop":
            return Answer(0, action="drop", rate_headers=False)
        if rule.kind == "hang":
            self.stopping.wait(rule.hang_s)
            return Answer(0, action="drop", rate_headers=False)
        status = rule.status or 503
        headers: dict[str, str] = {}
        if not rule.bare:
            headers.update(self.quota.peek().headers())
        if rule.kind == "redirect":
            headers["Location"] = rule.location or "/"
        headers.update(rule.headers)
        if status == 429 and not rule.bare and "X-Retry-After" not in headers:
            reset_ms = int(headers.get("X-Rate-Limit-Time-Reset-Ms", "1000"))
            headers["X-Retry-After"] = str(max(1, -(-reset_ms // 1000)))
        body = rule.answer_body()
        content_type = rule.content_type if (body or rule.kind != "redirect") else None
        return Answer(status, body, headers, content_type, rate_headers=not rule.bare)

    def _apply_processing_fault(self, answer: Answer, rule: FaultRule | None) -> Answer:
        if rule is None:
            return answer
        if rule.kind == "drop_after":
            return Answer(0, action="drop", rate_headers=False)
        # truncate: a body is needed to cut in half, so an empty answer becomes a small 200.
        if len(answer.body) < 2:
            answer.status = 200
            answer.body = json.dumps({"status": 200, "message": "Truncated on purpose."}).encode()
            answer.content_type = JSON_TYPE
        answer.action = "truncate"
        return answer

    # -- GraphQL -------------------------------------------------------------
    def _graphql(self, request: Request) -> Answer:
        request.route = "graphql"
        refusal = self._check_token(request)
        if refusal is not None:
            return refusal
        if request.method != "POST":
            return v2_error(405, "The GraphQL endpoint only accepts POST.", {"Allow": "POST"})
        early, _ = self._before_quota(request, "graphql", {})
        if early is not None:
            return early
        allowed, state = self.quota.take()
        if not allowed:
            return self._rate_limited(state)
        if not request.body:
            return v2_error(400, "A GraphQL request needs a JSON body.", state.headers())
        payload, refusal = self._json_body(request)
        if refusal is not None:
            refusal.headers.update(state.headers())
            return refusal
        problem = _graphql_payload_problem(payload)
        if problem:
            return Answer(400, json.dumps({"errors": [{"message": problem}]}).encode(), state.headers())
        assert isinstance(payload, dict)
        result, complexity, operation = GraphQLExecutor(self).run(
            payload["query"], payload.get("operationName")
        )
        headers = {
            **state.headers(),
            "x-bc-graphql-complexity": str(complexity),
            "x-bc-graphql-operation-type": operation,
        }
        return Answer(200, json.dumps(result).encode(), headers)

    # -- OAuth ---------------------------------------------------------------
    def _oauth_token(self, request: Request) -> Answer:
        """POST /oauth2/token: exchange the install ``code`` for an access token."""
        if request.method != "POST":
            return oauth_error(405, "Method not allowed.")
        fields, refusal = _oauth_fields(request)
        if refusal is not None:
            return refusal
        creds = self.credentials
        if not _same(fields.get("client_id"), creds.client_id):
            return oauth_error(400, "Invalid client id.")
        if not _same(fields.get("client_secret"), creds.client_secret):
            return oauth_error(400, "invalid_client", "The client_secret does not match.")
        if fields.get("grant_type") != "authorization_code":
            return oauth_error(400, "unsupported_grant_type", "Use authorization_code.")
        if not _same(fields.get("code"), creds.auth_code):
            return oauth_error(400, "Invalid code.")
        if creds.redirect_uri is not None and fields.get("redirect_uri") != creds.redirect_uri:
            return oauth_error(400, "redirect_uri_mismatch", "The redirect_uri is not the registered one.")
        if fields.get("context") != creds.context:
            return oauth_error(403, "The context does not name a store this app may be installed on.")
        user = {"id": 1001, "username": creds.username, "email": f"{creds.username}@example.com"}
        payload = {
            "access_token": self.issue_token(),
            "scope": fields.get("scope") or OAUTH_SCOPE,
            "user": user,
            "owner": dict(user),
            "context": creds.context,
            "account_uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, creds.context)),
        }
        return Answer(200, json.dumps(payload).encode())


def _same(given: str | None, expected: str) -> bool:
    return given is not None and hmac.compare_digest(given.encode(), expected.encode())


def _oauth_fields(request: Request) -> tuple[dict[str, str], Answer | None]:
    """The token request's fields, form-encoded (the old client) or JSON (current docs)."""
    media = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if not request.body:
        return {}, None
    if media == "application/x-www-form-urlencoded":
        text = request.body.decode("utf-8", "replace")
        return dict(parse_qsl(text, keep_blank_values=True)), None
    if media == JSON_TYPE:
        try:
            data = json.loads(request.body or b"{}")
        except ValueError:
            return {}, oauth_error(400, "invalid_request", "The body is not valid JSON.")
        if not isinstance(data, dict):
            return {}, oauth_error(400, "invalid_request", "The body must be a JSON object.")
        return {k: str(v) for k, v in data.items() if v is not None}, None
    return {}, oauth_error(415, "Invalid format.", "Send form-urlencoded or JSON fields.")


# --------------------------------------------------------------------------- GraphQL
def _graphql_payload_problem(payload: object) -> str | None:
    if not isinstance(payload, dict):
        return "The body must be a JSON object with a query."
    if not isinstance(payload.get("query"), str) or not payload["query"].strip():
        return "The body has no query string."
    if "variables" in payload and not isinstance(payload["variables"], dict):
        return "variables must be an object (send {} when there are none)."
    return None


_GQL_TOKEN = re.compile(
    r"""
    (?P<skip>[\s,\ufeff]+|\#[^\n]*)
  | (?P<name>[_A-Za-z][_0-9A-Za-z]*)
  | (?P<punct>\.\.\.|[{}()\[\]:!$=@|&])
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
    """,
    re.VERBOSE,
)


class GraphQLError(Exception):
    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


@dataclass
class _Token:
    kind: str
    text: str
    line: int
    column: int


@dataclass
class _Field:
    name: str
    alias: str
    line: int
    column: int
    selections: list[_Field] | None = None


# (operation type, operation name, selections)
Operation = Tuple[str, Optional[str], List[_Field]]


def _tokenize(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos, line, line_start = 0, 1, 0
    while pos < len(source):
        match = _GQL_TOKEN.match(source, pos)
        if match is None:
            raise GraphQLError(f"Syntax error: unexpected character {source[pos]!r}.", line, pos - line_start + 1)
        kind = match.lastgroup or "skip"
        text = match.group()
        if kind != "skip":
            tokens.append(_Token(kind, text, line, pos - line_start + 1))
        newlines = text.count("\n")
        if newlines:
            line += newlines
            line_start = pos + text.rindex("\n") + 1
        pos = match.end()
    return tokens


class _Parser:
    """Just enough of the GraphQL grammar: operations, fields, aliases; arguments are skipped."""

    def __init__(self, source: str) -> None:
        self.tokens = _tokenize(source)
        self.pos = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def at(self, text: str) -> bool:
        token = self.peek()
        return token is not None and token.text == text

    def at_kind(self, kind: str) -> bool:
        token = self.peek()
        return token is not None and token.kind == kind

    def next(self) -> _Token:
        token = self.peek()
        if token is None:
            last = self.tokens[-1] if self.tokens else _Token("", "", 1, 1)
            raise GraphQLError("Syntax error: unexpected end of document.", last.line, last.column)
        self.pos += 1
        return token

    def expect(self, text: str) -> _Token:
        token = self.next()
        if token.text != text:
            raise GraphQLError(f"Syntax error: expected {text!r}, found {token.text!r}.", token.line, token.column)
        return token

    def operations(self) -> list[Operation]:
        found: list[Operation] = []
        while self.peek() is not None:
            token = self.peek()
            assert token is not None
            if token.text == "{":
                found.append(("query", None, self.selection_set()))
                continue
            if token.kind == "name" and token.text in ("query", "mutation", "subscription"):
                self.next()
                name = self.next().text if self.at_kind("name") else None
                if self.at("("):
                    self.skip_balanced("(", ")")
                found.append((token.text, name, self.selection_set()))
                continue
            if token.text == "fragment":
                raise GraphQLError("Fragments are not supported by the sandbox.", token.line, token.column)
            raise GraphQLError(f"Syntax error: unexpected {token.text!r}.", token.line, token.column)
        if not found:
            raise GraphQLError("The document has no operation.")
        return found

    def selection_set(self) -> list[_Field]:
        self.expect("{")
        fields: list[_Field] = []
        while True:
            token = self.next()
            if token.text == "}":
                break
            if token.text == "...":
                raise GraphQLError("Fragments are not supported by the sandbox.", token.line, token.column)
            if token.kind != "name":
                raise GraphQLError(f"Syntax error: unexpected {token.text!r}.", token.line, token.column)
            alias = name = token.text
            following = self.peek()
            if following is not None and following.text == ":":
                self.next()
                name = self.next().text
            following = self.peek()
            if following is not None and following.text == "(":
                self.skip_balanced("(", ")")
            while self.at("@"):  # directives are read and ignored
                self.next()
                self.next()
                if self.at("("):
                    self.skip_balanced("(", ")")
            selections = None
            following = self.peek()
            if following is not None and following.text == "{":
                selections = self.selection_set()
            fields.append(_Field(name, alias, token.line, token.column, selections))
        if not fields:
            raise GraphQLError("Syntax error: empty selection set.")
        return fields

    def skip_balanced(self, opening: str, closing: str) -> None:
        depth = 0
        while True:
            token = self.next()
            if token.text == opening:
                depth += 1
            elif token.text == closing:
                depth -= 1
                if depth == 0:
                    return


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


class GraphQLExecutor:
    """Resolves ``system { time }`` and ``store { <any GET /store field> }``."""

    def __init__(self, app: SandboxApp) -> None:
        self.app = app
        self.complexity = 0

    def run(self, query: str, operation_name: str | None) -> tuple[dict[str, object], int, str]:
        """(response body, complexity, operation type) for one request."""
        try:
            operations = _Parser(query).operations()
            kind, _, selections = self._choose(operations, operation_name)
            if kind != "query":
                raise GraphQLError(f"The sandbox does not support {kind} operations.")
            data = self._object("Query", selections, self._root(), [])
        except GraphQLError as exc:
            error = {"message": str(exc), "locations": [{"line": exc.line, "column": exc.column}]}
            return {"errors": [error]}, self.complexity, "query"
        return {"data": data}, self.complexity, kind

    @staticmethod
    def _choose(operations: list[Operation], operation_name: str | None) -> Operation:
        if operation_name:
            for operation in operations:
                if operation[1] == operation_name:
                    return operation
            raise GraphQLError(f"Unknown operation named {operation_name!r}.")
        if len(operations) > 1:
            raise GraphQLError("Several operations were sent: name one with operationName.")
        return operations[0]

    def _root(self) -> dict[str, Callable[[], object]]:
        return {
            "system": lambda: {"time": int(self.app.clock())},
            "store": self.app.store.store_info,
        }

    def _object(
        self, type_name: str, selections: list[_Field], source: Mapping[str, Any], path: list[str]
    ) -> dict[str, object]:
        result: dict[str, object] = {}
        for selected in selections:
            self.complexity += 1
            where = path + [selected.alias]
            if selected.name == "__typename":
                result[selected.alias] = type_name
                continue
            value = self._lookup(source, selected, type_name)
            if isinstance(value, dict):
                if selected.selections is None:
                    raise GraphQLError(
                        f"Field '{selected.name}' of type '{selected.name.title()}' must have a selection of subfields.",
                        selected.line,
                        selected.column,
                    )
                result[selected.alias] = self._object(selected.name.title(), selected.selections, value, where)
            elif selected.selections is not None:
                raise GraphQLError(
                    f"Field '{selected.name}' is a scalar and cannot have a selection.",
                    selected.line,
                    selected.column,
                )
            else:
                result[selected.alias] = value
        return result

    @staticmethod
    def _lookup(source: Mapping[str, Any], selected: _Field, type_name: str) -> object:
        for key in (selected.name, _snake(selected.name)):
            if key in source:
                value = source[key]
                return value() if callable(value) else value
        raise GraphQLError(
            f"Field '{selected.name}' doesn't exist on type '{type_name}'.", selected.line, selected.column
        )


# --------------------------------------------------------------------------- HTTP
_DATE_CACHE: list = [0, ""]


def http_date() -> str:
    """The ``Date`` header value, recomputed once a second."""
    now = int(time.time())
    if _DATE_CACHE[0] != now:
        _DATE_CACHE[1] = formatdate(now, usegmt=True)
        _DATE_CACHE[0] = now
    return _DATE_CACHE[1]


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
