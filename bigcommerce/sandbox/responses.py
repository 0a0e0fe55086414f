"""What the store hands the HTTP layer: ``StoreResponse``, and ``ApiError`` for refusals.

Every layer below the HTTP server raises ``ApiError(status, message, details)`` to refuse
a request (a missing row, an invalid field, a conflict); the view that answers turns it
into its own error body. ``ApiError.response`` is the v2 form, a one-item array.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

NOT_FOUND = "The requested resource was not found."
METHOD_NOT_ALLOWED = "The requested method is not supported by this resource."
LIMIT_EXCEEDED = "The specified limit exceeds the maximum allowed."
NOT_AN_OBJECT = "The request body must be a JSON object."


@dataclass
class StoreResponse:
    """What the HTTP layer sends back: status, serialized JSON, extra headers."""

    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def dumps(payload: object) -> bytes:
    """Compact ASCII JSON, the way the store serializes every body."""
    return json.dumps(payload, separators=(",", ":")).encode("ascii")


def ok(payload: object, status: int = 200, headers: dict[str, str] | None = None) -> StoreResponse:
    """A JSON answer (200 unless told)."""
    return StoreResponse(status, dumps(payload), headers or {})


NO_CONTENT = StoreResponse(204, b"", {})


class ApiError(Exception):
    """A refused request: status, message and optional details (v2: ``[{"status", "message", "details"?}]``)."""

    def __init__(self, status: int, message: str, details: Mapping[str, Any] | None = None, *,
                 field: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = details
        self.field = field  # the body field at fault, when there is one (v3 names it in ``errors``)

    def response(self) -> StoreResponse:
        """The v2 error answer."""
        error: dict[str, Any] = {"status": self.status, "message": self.message}
        if self.details is not None:
            error["details"] = dict(self.details)
        return StoreResponse(self.status, dumps([error]), {})


def required(name: str) -> ApiError:
    """400: a field a new object must carry is missing."""
    text = f"The required field '{name}' was not supplied."
    return ApiError(400, text, {"invalid_reason": text}, field=name)


def invalid(name: str, reason: str) -> ApiError:
    """400: a field's value cannot be accepted, and why."""
    return ApiError(400, f"The field '{name}' is invalid.", {"invalid_reason": reason}, field=name)
