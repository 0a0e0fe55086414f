"""Fault injection: the failures a client's retry logic must survive, on demand.

Scripted rules (``FaultRule``) say exactly which request fails and how; random
faults (``fault_rate``, ``drop_rate``) use a seeded RNG so a flaky-network test
is still repeatable.

Matching rules, checked in the order the rules were added, first match wins:

* ``method``: None matches any method; otherwise compared case-insensitively.
* ``path``: None matches any path. A string is a *segment prefix* of the v2 path
  (leading ``/`` and a ``.json`` suffix ignored): ``"products"`` matches
  ``products``, ``products/5`` and ``products/5/images`` but not
  ``product_reviews``. A compiled ``re.Pattern`` is searched in the v2 path
  instead (``re.compile(r"^products/\\d+$")``). The GraphQL endpoint's path is
  ``"graphql"``; v3 paths are ``"v3/"`` and the path below ``/v3/`` (``"v3/catalog/products"``),
  so a v2 rule never hits a v3 request and ``"v3"`` hits every one.
* ``query``: every item must be present with the same value (as a string).
* ``skip``: the first ``skip`` matching requests go through untouched.
* ``times``: how many requests the rule then hits; None = every one, forever.

Faults are decided after authentication (a 401 still wins) and before the
rate-limit window: a faulted request is answered without using a unit of quota,
except ``drop_after`` and ``truncate``, which are processed by the store and so
count like any request.
"""
from __future__ import annotations

import json
import random
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Optional, Union, cast

# What each kind does; the store processes the request only for drop_after and truncate.
FAULT_KINDS = frozenset(
    {"status", "drop", "drop_after", "hang", "truncate", "invalid_json", "redirect"}
)
PROCESSING_KINDS = frozenset({"drop_after", "truncate"})
RANDOM_FAULT_STATUSES = (500, 502, 503, 504)
DEFAULT_FAULT_STATUS = 503
DEFAULT_REDIRECT_STATUS = 302
# A hung request is released (connection closed, no answer) after this, or at stop().
DEFAULT_HANG_S = 60.0
NOT_JSON_BODY = b"<html><body><h1>Temporarily unavailable</h1></body></html>"

PathMatcher = Optional[Union[str, "re.Pattern[str]"]]


def error_body(status: int, message: str | None = None) -> bytes:
    """A v2 error body: ``[{"status": 503, "message": "..."}]``."""
    if message is None:
        try:
            message = HTTPStatus(status).phrase
        except ValueError:
            message = "Error"
    return json.dumps([{"status": status, "message": message}]).encode()


def normalize_path(path: str) -> str:
    """The v2 path as the store sees it: no slashes around it, no ``.json`` suffix."""
    path = path.strip("/")
    if path.endswith(".json"):
        path = path[: -len(".json")]
    return path


@dataclass
class FaultRule:
    """One scripted failure; see the module docstring for how requests are matched.

    ``kind``: ``status`` (answer ``status`` with ``body``/``headers``),
    ``drop`` (close the connection, request not processed), ``drop_after``
    (process, then close without answering), ``hang`` (never answer; the
    connection is closed after ``hang_s`` or at stop), ``truncate`` (process,
    send the full Content-Length but half the body, close), ``invalid_json``
    (200 with a non-JSON body labelled ``application/json``), ``redirect``
    (``status``, default 302, to ``location``).

    ``bare=True`` leaves out the rate-limit headers, as a gateway or a
    platform-wide 429 would.
    """

    kind: str = "status"
    status: int | None = None
    method: str | None = None
    path: PathMatcher = None
    query: Mapping[str, object] | None = None
    times: int | None = 1
    skip: int = 0
    body: bytes | None = None
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    location: str | None = None
    hang_s: float = DEFAULT_HANG_S
    bare: bool = False
    fired: int = field(default=0, init=False)
    skipped: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault kind {self.kind!r}; one of {sorted(FAULT_KINDS)}")
        if self.kind == "redirect" and not self.location:
            raise ValueError("a redirect fault needs a location")
        if self.times is not None and self.times < 0:
            raise ValueError("times must be >= 0 or None")
        if self.skip < 0:
            raise ValueError("skip must be >= 0")
        if self.method is not None:
            self.method = self.method.upper()
        if isinstance(self.path, str):
            self.path = normalize_path(self.path)
        if self.status is None:
            if self.kind == "status":
                self.status = DEFAULT_FAULT_STATUS
            elif self.kind == "redirect":
                self.status = DEFAULT_REDIRECT_STATUS
            elif self.kind == "invalid_json":
                self.status = 200

    @property
    def exhausted(self) -> bool:
        """True once the rule has hit ``times`` requests."""
        return self.times is not None and self.fired >= self.times

    def fire(self) -> bool:
        """Count one request hit by the rule; True when that used the rule up."""
        self.fired += 1
        return self.exhausted

    def matches(self, method: str, path: str, query: Mapping[str, str]) -> bool:
        """Whether this request is one the rule is aimed at (ignores skip/times)."""
        if self.method is not None and self.method != method.upper():
            return False
        if not _path_matches(self.path, path):
            return False
        if self.query:
            for key, value in self.query.items():
                if query.get(key) != str(value):
                    return False
        return True

    def answer_body(self) -> bytes:
        """The body sent by ``status``/``invalid_json``/``redirect`` faults."""
        if self.body is not None:
            return self.body
        if self.kind == "invalid_json":
            return NOT_JSON_BODY
        if self.kind == "redirect":
            return b""
        return error_body(self.status or DEFAULT_FAULT_STATUS)


def _path_matches(matcher: PathMatcher, path: str) -> bool:
    if matcher is None:
        return True
    if isinstance(matcher, str):
        return matcher == "" or path == matcher or path.startswith(matcher + "/")
    return matcher.search(path) is not None


class FaultInjector:
    """The sandbox's fault plan: scripted rules first, then the random rates.

    Thread-safe: each matching request consumes a rule exactly once, even when
    many handler threads ask at the same time.
    """

    def __init__(self, *, fault_rate: float = 0.0, drop_rate: float = 0.0, seed: int = 0) -> None:
        self._lock = threading.Lock()
        self._rules: list[FaultRule] = []
        self.fault_rate = 0.0
        self.drop_rate = 0.0
        self._rng = random.Random(seed)
        self.set_random(fault_rate=fault_rate, drop_rate=drop_rate)

    def add(self, rule: FaultRule) -> FaultRule:
        """Script a fault; returns the rule so a test can read ``rule.fired`` later."""
        if not isinstance(cast(object, rule), FaultRule):  # untyped callers may pass anything
            raise TypeError("add() takes a FaultRule")
        with self._lock:
            self._rules.append(rule)
        return rule

    def clear(self) -> None:
        """Drop every scripted rule and switch the random faults off."""
        with self._lock:
            self._rules.clear()
            self.fault_rate = 0.0
            self.drop_rate = 0.0

    @property
    def rules(self) -> list[FaultRule]:
        """Scripted rules not yet used up, in matching order (a copy)."""
        with self._lock:
            return list(self._rules)

    def set_random(
        self,
        *,
        fault_rate: float | None = None,
        drop_rate: float | None = None,
        seed: int | None = None,
    ) -> None:
        """Change the random rates (shares of requests, 0..1) and/or reseed the RNG."""
        for name, rate in (("fault_rate", fault_rate), ("drop_rate", drop_rate)):
            if rate is not None and not 0.0 <= rate <= 1.0:
                raise ValueError(f"{name} must be within 0..1")
        with self._lock:
            if fault_rate is not None:
                self.fault_rate = fault_rate
            if drop_rate is not None:
                self.drop_rate = drop_rate
            if seed is not None:
                self._rng.seed(seed)

    def pick(self, method: str, path: str, query: Mapping[str, str]) -> FaultRule | None:
        """The fault for this request, consuming it, or None to serve it normally."""
        with self._lock:
            for rule in self._rules:
                if rule.exhausted or not rule.matches(method, path, query):
                    continue
                if rule.skipped < rule.skip:
                    rule.skipped += 1
                    continue
                if rule.fire():
                    self._rules.remove(rule)
                return rule
            return self._roll()

    def _roll(self) -> FaultRule | None:
        if not self.fault_rate and not self.drop_rate:
            return None
        roll = self._rng.random()
        if roll < self.drop_rate:
            return FaultRule(kind="drop")
        if roll < self.drop_rate + self.fault_rate:
            return FaultRule(kind="status", status=self._rng.choice(RANDOM_FAULT_STATUSES))
        return None

    def __repr__(self) -> str:
        return (
            f"<FaultInjector rules={len(self._rules)} fault_rate={self.fault_rate} "
            f"drop_rate={self.drop_rate}>"
        )
