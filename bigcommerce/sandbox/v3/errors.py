"""v3 error bodies (v3-resources.md §2.9): ``{status, title, type, errors}`` or ``{..., detail}``.

The v3 view raises ``V3Error``; ``ApiError``s raised by the shared rules (v2 words: 400 for an
invalid field) become v3 ones through ``from_api_error`` (422 naming the field).
"""
from __future__ import annotations

from collections.abc import Mapping

from bigcommerce.sandbox.responses import ApiError, StoreResponse, dumps

ERROR_TYPE = "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes"
# The relative form the specs' 413 examples print.
SHORT_ERROR_TYPE = "/api-docs/getting-started/api-status-codes"

NOT_FOUND = "The requested resource was not found."


class V3Error(Exception):
    """A refused v3 request: status, title, and either field ``errors`` or a ``detail``."""

    def __init__(self, status: int, title: str, errors: Mapping[str, str] | None = None, *,
                 detail: str | None = None, error_type: str = ERROR_TYPE, bodyless: bool = False,
                 in_data: bool = False) -> None:
        super().__init__(title)
        self.status = status
        self.title = title
        self.errors = dict(errors or {})
        self.detail = detail
        self.error_type = error_type
        self.bodyless = bodyless
        self.in_data = in_data  # the body is {"data": [error]} (a refund's 422)

    def payload(self) -> dict[str, object]:
        body: dict[str, object] = {"status": self.status, "title": self.title, "type": self.error_type}
        if self.detail is not None:
            body["detail"] = self.detail
        else:
            body["errors"] = self.errors
        return body

    def response(self) -> StoreResponse:
        if self.bodyless:
            return StoreResponse(self.status, b"", {})
        return StoreResponse(self.status, dumps({"data": [self.payload()]} if self.in_data else self.payload()), {})


def not_found(what: str = "") -> V3Error:
    return V3Error(404, f"The {what} was not found." if what else NOT_FOUND)


def invalid(errors: Mapping[str, str], title: str = "The request is not valid.") -> V3Error:
    return V3Error(422, title, errors)


def bad_input(detail: str) -> V3Error:
    """400 ``Input is invalid``, the body every metafield family declares."""
    return V3Error(400, "Input is invalid", detail=detail)


def from_api_error(error: ApiError) -> V3Error:
    """A shared rule's refusal in v3 words: 400 about a field becomes 422 naming it."""
    reason = str((error.details or {}).get("invalid_reason") or (error.details or {}).get("conflict_reason")
                 or error.message)
    if error.field is not None:
        return V3Error(422 if error.status == 400 else error.status, error.message, {error.field: reason})
    return V3Error(error.status, error.message, {} if reason == error.message else {"detail": reason})
