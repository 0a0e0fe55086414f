"""Errors raised by the client, one class per thing that can go wrong.

::

    BigcommerceError
    ├── HttpException                 a response arrived but is not a success
    │   ├── EmptyResponseWarning      204 where the low-level get/create/update wanted a body
    │   ├── ResponseDecodeError       2xx whose body is not JSON
    │   ├── RedirectionException      3xx (never followed: credentials stay on this host)
    │   ├── ClientRequestException    4xx
    │   │   ├── Unauthorised          401
    │   │   ├── AccessForbidden       403
    │   │   ├── ResourceNotFound      404
    │   │   ├── MethodNotAllowed      405
    │   │   ├── RateLimitingException 429 (and the cap on waiting for the quota)
    │   │   └── BatchItemFailed       a batch item a 207 (or a 200 with errors) did not save
    │   └── ServerException           5xx
    ├── TransportError                no response at all
    │   ├── ConnectionFailed          refused, reset or dropped connection
    │   └── RequestTimeout            connect or read timeout
    ├── InvalidSignedPayload          a signed_payload_jwt that does not verify
    └── UnsupportedOperation          an operation BigCommerce has sunset

Messages name the method, path, status, reason and the API's own error messages;
they never carry a header, a token or a password.
"""
from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from requests.structures import CaseInsensitiveDict

try:  # pyjwt is a dependency; without it (a bare interpreter running the repo's tools) the tree still imports
    from jwt import InvalidTokenError as _InvalidTokenError
except ImportError:  # pragma: no cover - pyjwt is always installed with the package
    class _InvalidTokenError(Exception):  # type: ignore[no-redef]
        """Stands in for ``jwt.InvalidTokenError`` where pyjwt is not installed."""

if TYPE_CHECKING:
    import requests

# How much of an unreadable body an error message quotes.
BODY_PREVIEW_BYTES = 200


class BigcommerceError(Exception):
    """Root of every error this package raises on purpose."""


class HttpException(BigcommerceError):
    """A response arrived and it is not what the caller asked for.

    Carries the whole response: ``status_code``, ``headers``, ``content`` and
    ``response`` (the ``requests.Response``).
    """

    def __init__(self, msg: str, response: requests.Response | None = None) -> None:
        super().__init__(msg)
        self.response = response

    @property
    def status_code(self) -> int | None:
        return None if self.response is None else self.response.status_code

    @property
    def headers(self) -> Any:
        return {} if self.response is None else self.response.headers

    @property
    def content(self) -> bytes:
        return b"" if self.response is None else self.response.content

    @property
    def errors(self) -> list[str]:
        """The API's own error messages, readable: ``"field: message"`` for a v3 field error."""
        return api_error_messages(self.content)

    @property
    def title(self) -> str | None:
        """A v3 error body's ``title`` (``"Input is invalid"``), when it has one."""
        return problem_field(self.content, "title")

    @property
    def type(self) -> str | None:
        """A v3 error body's ``type``: the documentation URL of the error kind."""
        return problem_field(self.content, "type")

    @property
    def detail(self) -> str | None:
        """A v3 error body's ``detail``, when it has one."""
        return problem_field(self.content, "detail")


class EmptyResponseWarning(HttpException):
    """204 No Content where the low-level ``get``/``create``/``update`` expected a body."""


class ResponseDecodeError(HttpException):
    """A successful status whose body is not valid JSON (a proxy page, a cut connection)."""


class RedirectionException(HttpException):
    """3xx. The client never follows redirects, so credentials never reach another host."""

    @property
    def location(self) -> str | None:
        location = self.headers.get("Location")
        return location if isinstance(location, str) else None


class ClientRequestException(HttpException):
    """4xx: the request was refused; sending it again unchanged will not help (except 429)."""


class Unauthorised(ClientRequestException):
    """401: missing or wrong credentials."""


class AccessForbidden(ClientRequestException):
    """403: a scope is missing or a platform limit is reached."""


class ResourceNotFound(ClientRequestException):
    """404: no such id or path on this store."""


class MethodNotAllowed(ClientRequestException):
    """405: the API does not offer this method on this path."""


class RateLimitingException(ClientRequestException):
    """429, or the client's own cap on waiting for the quota to refill.

    ``retry_after`` is in seconds (a float), read from ``X-Rate-Limit-Time-Reset-Ms``
    or the older ``X-Retry-After``; None when the store sent neither.
    """

    def __init__(
        self,
        msg: str,
        response: requests.Response | None = None,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(msg, response)
        self._retry_after = retry_after

    @property
    def retry_after(self) -> float | None:
        if self._retry_after is not None:
            return self._retry_after
        return retry_after_seconds(self.headers)


class BatchItemFailed(ClientRequestException):
    """An item of a batch the API answered with a success (207, or 200 with ``errors``) but did not save."""


class ServerException(HttpException):
    """5xx: the store or a proxy in front of it failed."""


class TransportError(BigcommerceError):
    """No response arrived. ``method`` and ``path`` say which request."""

    def __init__(self, msg: str, method: str = "", path: str = "") -> None:
        super().__init__(msg)
        self.method = method
        self.path = path


class ConnectionFailed(TransportError):
    """The connection was refused, reset or dropped before a complete response."""


class RequestTimeout(TransportError):
    """The connect or read timeout expired."""


class InvalidSignedPayload(_InvalidTokenError, BigcommerceError):
    """A ``signed_payload_jwt`` failed verification (signature, audience, expiry or form).

    A subclass of ``jwt.InvalidTokenError`` too, so code written for the old
    client, which let PyJWT's errors through, keeps catching it.
    """


class UnsupportedOperation(BigcommerceError, NotImplementedError):
    """BigCommerce has removed this operation; the message names the replacement."""


_BY_STATUS: dict[int, type[HttpException]] = {
    401: Unauthorised,
    403: AccessForbidden,
    404: ResourceNotFound,
    405: MethodNotAllowed,
    429: RateLimitingException,
}
_BY_FAMILY: dict[int, type[HttpException]] = {
    3: RedirectionException,
    4: ClientRequestException,
    5: ServerException,
}


def exception_for(status: int) -> type[HttpException]:
    """The most specific exception class for an HTTP status."""
    return _BY_STATUS.get(status) or _BY_FAMILY.get(status // 100, HttpException)


def _parsed(content: bytes) -> Any:
    try:
        return json.loads(content)
    except (ValueError, TypeError):
        return None


def _text(value: Any) -> str:
    """A message the API sent, as one readable line (lists joined, objects as JSON)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "; ".join(_text(item) for item in value)
    return json.dumps(value, sort_keys=True, default=str)


def _field_errors(errors: Any, prefix: str = "") -> list[str]:
    """``{"field": "message"}`` as ``["field: message"]``; an array of entries, each readable."""
    if isinstance(errors, dict):
        return [f"{prefix}{field}: {_text(message)}" for field, message in errors.items()]
    if isinstance(errors, list):
        found: list[str] = []
        for entry in errors:
            found.extend(_entry_messages(entry, prefix))
        return found
    if isinstance(errors, str) and errors:
        return [prefix + errors]
    return []


def _entry_messages(entry: Any, prefix: str = "") -> list[str]:
    """One element of an error array: its own nested field errors, else its title or detail."""
    if not isinstance(entry, dict):
        return [prefix + _text(entry)] if entry not in (None, "", [], {}) else []
    nested = _field_errors(entry.get("errors")) + _field_errors(entry.get("field_errors"))
    if nested:
        return [prefix + message for message in nested]
    for key in ("message", "detail", "title", "error"):
        if isinstance(entry.get(key), str) and entry[key]:
            return [prefix + entry[key]]
    return []


def api_error_messages(content: bytes) -> list[str]:
    """The API's own error messages, from any error body shape v2 or v3 uses.

    v2: a list of ``{status, message}``. v3: an object whose ``errors`` is a
    ``{field: message}`` map (each ``"field: message"``) or an array of
    entries, or ``batch_errors`` / ``field_errors``; without any of those, its
    ``message``, ``title``, ``error`` or ``detail``. Plain text or no body: [].
    """
    body = _parsed(content)
    if isinstance(body, list):
        messages: list[str] = []
        for entry in body:
            if isinstance(entry, dict):
                message = entry.get("message") or entry.get("title") or entry.get("error")
                if isinstance(message, str):
                    messages.append(message)
        return messages
    if not isinstance(body, dict):
        return []
    messages = _field_errors(body.get("errors")) + _field_errors(body.get("field_errors"))
    for index, entry in enumerate(body.get("batch_errors") or ()):
        messages.extend(_entry_messages(entry, f"item {index}: "))
    if messages:
        return messages
    for key in ("message", "title", "error", "detail"):
        if isinstance(body.get(key), str) and body[key]:
            return [body[key]]
    return []


def problem_field(content: bytes, name: str) -> str | None:
    """A top-level string field of a v3 error body (``title``, ``type``, ``detail``), else None."""
    body = _parsed(content)
    value = body.get(name) if isinstance(body, dict) else None
    return value if isinstance(value, str) else None


def describe_error_body(content: bytes) -> str:
    """What an exception message quotes of an error body: title, detail and field errors, once each."""
    messages = api_error_messages(content)
    parts = [part for part in (problem_field(content, "title"), problem_field(content, "detail")) if part]
    parts += [m for m in messages if m not in parts]
    if parts:
        return "; ".join(parts)
    return body_preview(content) if content else ""


def retry_after_seconds(headers: Any) -> float | None:
    """Seconds a 429 asks us to wait: ``X-Rate-Limit-Time-Reset-Ms``, else ``X-Retry-After``."""
    if headers is None:
        return None
    if not isinstance(headers, CaseInsensitiveDict):
        headers = CaseInsensitiveDict(headers)
    for name, scale in (("X-Rate-Limit-Time-Reset-Ms", 1000.0), ("X-Retry-After", 1.0)):
        raw = headers.get(name)
        if raw is None:
            continue
        try:
            return max(0.0, float(raw) / scale)
        except ValueError:
            continue
    return None


def body_preview(content: bytes) -> str:
    """The first bytes of a body, printable, for messages about unreadable responses."""
    preview = content[:BODY_PREVIEW_BYTES].decode("utf-8", "replace")
    return preview + ("..." if len(content) > BODY_PREVIEW_BYTES else "")
