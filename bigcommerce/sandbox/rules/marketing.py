"""Write rules of marketing: gift certificate codes and balances, banner dates."""
from __future__ import annotations

from typing import Any

from bigcommerce.sandbox.catalog import ZERO
from bigcommerce.sandbox.state import State


def prepare_gift_certificate(state: State, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    """A new certificate gets a code (``XXX-XXX-XXX-XXX``) and its amount as balance."""
    if row is None:
        if not fields.get("code"):
            serial = state.table("gift_certificates").next_id
            digits = f"{(serial * 7919 + 104729) % 10**12:012d}"
            fields["code"] = "-".join(digits[i:i + 3] for i in range(0, 12, 3))
        fields.setdefault("balance", fields.get("amount", ZERO))


def prepare_banner(state: State, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    """Banners print their creation date as a string of unix seconds."""
    if row is None and fields.get("date_created") in (None, "0"):
        fields["date_created"] = str(state.now())
