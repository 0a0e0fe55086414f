"""Write rules of store settings: one default currency, webhook bookkeeping."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.responses import ApiError
from bigcommerce.sandbox.state import State

SANDBOX_CLIENT_ID = "sandbox-client"  # hooks' client_id: the store never sees the header


def prepare_currency(state: State, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    """A new default replaces the old one; the default cannot be unset."""
    if fields.get("is_default"):
        for other in state.table("currencies").rows.values():
            other["is_default"] = False
    elif row is not None and row.get("is_default") and fields.get("is_default") is False:
        fields.pop("is_default")  # the default can only be replaced, not unset (S21)


def check_currency_delete(state: State, row: Mapping[str, Any]) -> None:
    """400: the default currency stays."""
    if row.get("is_default"):
        raise ApiError(400, "The default currency cannot be deleted.")


def prepare_hook(state: State, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    """Timestamps, the store hash and the app's client id, set by the store."""
    now = state.now()
    fields["updated_at"] = now
    if row is None:
        fields.setdefault("created_at", now)
        fields["store_hash"] = state.store_hash
        fields["client_id"] = SANDBOX_CLIENT_ID
    if "headers" in fields and fields["headers"] is None:
        fields["headers"] = {}
