"""The v3 envelope and the words of v3 answers: ``{data, meta}`` bodies and error titles (§2.4, §2.9)."""
from __future__ import annotations

from typing import Any

from bigcommerce.sandbox.responses import StoreResponse, dumps
from bigcommerce.sandbox.v3.errors import V3Error
from bigcommerce.sandbox.v3.schema import Family
from bigcommerce.sandbox.v3.writes import ItemError

EMPTY_META = b"{}"


def data_response(data: Any, meta: Any = None, status: int = 200) -> StoreResponse:
    """``{"data": ..., "meta": {}}`` (single objects carry an empty meta)."""
    return StoreResponse(status, dumps({"data": data, "meta": {} if meta is None else meta}), {})


def list_response(items: list[bytes], meta: dict[str, Any], status: int = 200) -> StoreResponse:
    """A list envelope from already-serialized items."""
    return StoreResponse(status, b'{"data":[' + b",".join(items) + b'],"meta":' + dumps(meta) + b"}", {})


def plural(family: Family) -> str:
    return family.label + ("es" if family.label.endswith("s") else "s")


def item_error(family: Family, error: ItemError) -> V3Error:
    """One refused object of a single-object write, in the products spec's words."""
    if error.status == 409:
        title = f"The {family.label} was in conflict with another {family.label}."
    else:
        title = f"The {family.label} was not valid."
    return V3Error(error.status, title, error.errors)


def merged_status(errors: list[ItemError]) -> int:
    """409 when every refusal is a conflict, else 422."""
    return 409 if errors and all(error.status == 409 for error in errors) else 422
