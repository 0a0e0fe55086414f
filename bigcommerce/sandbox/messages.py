"""What the HTTP layer and the app hand each other: a parsed ``Request``, an ``Answer``.

The server (``server.py``) parses bytes into a ``Request`` and writes an ``Answer`` back;
the app (``app.py``), auth, GraphQL and faults only ever see these two. ``v2_error`` and
``v3_error`` build the refusals of each REST version.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Callable

from bigcommerce.sandbox.faults import error_body
from bigcommerce.sandbox.v3.errors import ERROR_TYPE

JSON_TYPE = "application/json"


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


ErrorAnswer = Callable[..., "Answer"]  # (status, message, headers=None) -> Answer


def v2_error(status: int, message: str, headers: dict[str, str] | None = None) -> Answer:
    """An answer with a v2 error body: ``[{"status": ..., "message": ...}]``."""
    return Answer(status, error_body(status, message), dict(headers or {}))


def v3_error(status: int, message: str, headers: dict[str, str] | None = None) -> Answer:
    """An answer with a v3 error body: ``{"status", "title", "type", "errors": {}}``."""
    payload = {"status": status, "title": message, "type": ERROR_TYPE, "errors": {}}
    return Answer(status, json.dumps(payload).encode(), dict(headers or {}))


def oauth_error(status: int, error: str, description: str | None = None) -> Answer:
    """An answer with an OAuth error body: ``{"error": ..., "error_description"?: ...}``."""
    payload = {"error": error}
    if description:
        payload["error_description"] = description
    return Answer(status, json.dumps(payload).encode())
