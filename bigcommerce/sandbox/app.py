"""``SandboxApp``: from a parsed request to an answer, with no sockets in sight.

Routes, all on one port:

* ``/stores/{store_hash}/v2/{path}``: REST v2, ``X-Auth-Token`` (OAuth)
* ``/stores/{store_hash}/v3/{path}``: REST v3, ``X-Auth-Token``, on the same store and quota
* ``/api/v2/{path}``: REST v2, HTTP basic auth (legacy API accounts)
* ``/stores/{store_hash}/graphql``: a minimal GraphQL Admin endpoint
* ``/oauth2/token``: the app-install token exchange

Order of checks on an API request: route and store hash (404), credentials
(401), latency, faults, rate-limit window (429), body (415/400), the Store. v2 and v3
requests take the same path through these checks (``Version`` holds what differs: the
error body and the Store entry point) and spend the same rate-limit window; v3 requests
are recorded (stats, fault matching) under ``v3/{path}``.
"""
from __future__ import annotations

import json
import logging
import threading
import time
from dataclasses import dataclass
from http import HTTPStatus
from typing import Callable
from urllib.parse import parse_qsl, unquote

from bigcommerce.sandbox.auth import AccessTokens, Credentials, check_basic, check_token, token_exchange
from bigcommerce.sandbox.faults import PROCESSING_KINDS, FaultInjector, FaultRule, normalize_path
from bigcommerce.sandbox.graphql import GraphQLExecutor, payload_problem
from bigcommerce.sandbox.messages import JSON_TYPE, Answer, ErrorAnswer, Request, v2_error, v3_error
from bigcommerce.sandbox.quota import QuotaState, RateWindow
from bigcommerce.sandbox.stats import RequestStats
from bigcommerce.sandbox.store import Store, StoreResponse

log = logging.getLogger("bigcommerce.sandbox")

BODY_METHODS = frozenset({"POST", "PUT", "DELETE"})
SUPPORTED_METHODS = frozenset({"GET", "POST", "PUT", "DELETE"})


@dataclass(frozen=True)
class Version:
    """What differs between the REST versions on their way through the app."""

    name: str  # "v2" | "v3"
    error: ErrorAnswer  # builds a refusal in this version's words
    route_prefix: str  # v2 paths are recorded bare ("products"), v3 ones as "v3/catalog/products"
    store_entry: str  # the Store method answering this version
    clean_path: Callable[[str], str]  # v2 drops a ".json" suffix, v3 keeps the path as sent
    empty_is_json: bool  # a non-204 answer without a body still says application/json (v2)


V2 = Version("v2", v2_error, "", "handle", normalize_path, True)
V3 = Version("v3", v3_error, "v3/", "handle_v3", lambda path: path.strip("/"), False)


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
        self.tokens = AccessTokens(credentials.access_token)

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
        return self.tokens.issue()

    def token_is_valid(self, token: str) -> bool:
        return token in self.tokens

    # -- routing -------------------------------------------------------------
    def _route(self, request: Request) -> Answer:
        path = unquote(request.path)
        segments = [s for s in path.split("/") if s]
        request.route = "/".join(segments)
        if segments == ["oauth2", "token"]:
            return token_exchange(request, self.credentials, self.tokens)
        if len(segments) >= 3 and segments[0] == "api" and segments[1] == "v2":
            return self._rest(request, "/".join(segments[2:]), V2, basic=True)
        if len(segments) >= 3 and segments[0] == "stores":
            version = V3 if segments[2] == "v3" else V2
            if segments[1] != self.credentials.store_hash:
                return version.error(404, "The requested store was not found.")
            if segments[2] in ("v2", "v3") and len(segments) > 3:
                return self._rest(request, "/".join(segments[3:]), version, basic=False)
            if segments[2] == "graphql" and len(segments) == 3:
                return self._graphql(request)
            if segments[2] == "v3":
                return v3_error(404, "The requested resource was not found.")
        return v2_error(404, "The requested resource was not found.")

    def _rest(self, request: Request, raw_path: str, version: Version, *, basic: bool) -> Answer:
        path = version.clean_path(raw_path)
        route = version.route_prefix + path
        request.route = route
        if not path:
            return version.error(404, "The requested resource was not found.")
        if basic:
            refusal = check_basic(request, self.credentials)
        else:
            refusal = check_token(request, self.credentials, self.tokens, error=version.error)
        if refusal is not None:
            return refusal
        if request.method not in SUPPORTED_METHODS:
            return version.error(501, f"The method {request.method} is not supported.")
        query = dict(parse_qsl(request.query_string, keep_blank_values=True))
        early, rule = self._before_quota(request, route, query, version)
        if early is not None:
            return early
        allowed, state = self.quota.take()
        if not allowed:
            return self._rate_limited(state, version)
        body, refusal = self._json_body(request, version)
        if refusal is not None:
            refusal.headers.update(state.headers())
            return refusal
        handle: Callable[..., StoreResponse] = getattr(self.store, version.store_entry)
        result = handle(request.method, path, query, body)
        answer = Answer(result.status, result.body, {**state.headers(), **(result.headers or {})})
        if result.status == 204 or not result.body:
            answer.content_type = JSON_TYPE if (result.status != 204 and version.empty_is_json) else None
        return self._apply_processing_fault(answer, rule)

    def _before_quota(
        self, request: Request, path: str, query: dict[str, str], version: Version = V2
    ) -> tuple[Answer | None, FaultRule | None]:
        """Stamp, delay and maybe fault an authenticated API request."""
        self.stats.api_request()
        if self.latency_ms > 0:
            self.stopping.wait(self.latency_ms / 1000)
        rule = self.faults.pick(request.method, path, query)
        if rule is None or rule.kind in PROCESSING_KINDS:
            return None, rule
        return self._fault_answer(rule, version), None

    # -- bodies --------------------------------------------------------------
    def _json_body(self, request: Request, version: Version = V2) -> tuple[object | None, Answer | None]:
        """The parsed JSON body, or an answer refusing it (415 or 400)."""
        if request.method not in BODY_METHODS or not request.body:
            return None, None
        content_type = request.headers.get("content-type", "")
        media = content_type.partition(";")[0].strip().lower()
        if media != JSON_TYPE and not media.endswith("+json"):
            shown = content_type or "none"
            if media == "multipart/form-data":  # image uploads: the sandbox stores image_url only
                return None, version.error(415, "The sandbox takes JSON bodies only: multipart/form-data uploads "
                                                "are not emulated; send an image's image_url as application/json.")
            return None, version.error(
                415, f"The Content-Type must be application/json (got {shown})."
            )
        try:
            return json.loads(request.body), None
        except (ValueError, UnicodeDecodeError) as exc:
            return None, version.error(400, f"The request body is not valid JSON: {exc}.")

    # -- quota and faults ----------------------------------------------------
    def _rate_limited(self, state: QuotaState, version: Version = V2) -> Answer:
        headers = {**state.headers(), "X-Retry-After": str(state.retry_after_s)}
        return version.error(429, "The request quota of this window has been used up.", headers)

    def _fault_answer(self, rule: FaultRule, version: Version = V2) -> Answer:
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
        if rule.kind == "status" and rule.body is None:
            body = version.error(status, _phrase(status)).body
        else:
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
        refusal = check_token(request, self.credentials, self.tokens)
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
        problem = payload_problem(payload)
        if problem:
            return Answer(400, json.dumps({"errors": [{"message": problem}]}).encode(), state.headers())
        assert isinstance(payload, dict)
        executor = GraphQLExecutor(clock=self.clock, store_info=self.store.store_info)
        result, complexity, operation = executor.run(payload["query"], payload.get("operationName"))
        headers = {
            **state.headers(),
            "x-bc-graphql-complexity": str(complexity),
            "x-bc-graphql-operation-type": operation,
        }
        return Answer(200, json.dumps(result).encode(), headers)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"
