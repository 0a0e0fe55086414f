"""Which categories and which channels list each product: ``catalog/products/category-assignments``
and ``catalog/products/channel-assignments`` (v3-resources.md §3.1), one mechanism for both.

An assignment is a (product, other) pair kept in a list on the product row: the v2 ``categories``
column for categories (v2 prints it), the v3-only ``channels`` for channels (a product not yet
assigned is listed in channel 1, the storefront, as the store's products are). GET pages the
pairs by product id; PUT adds pairs (both sides must exist, 422 naming the item) and answers
204; DELETE needs ``product_id:in`` or the other side's ``…:in`` (422 without) and answers 204.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bigcommerce.sandbox.responses import NO_CONTENT, StoreResponse
from bigcommerce.sandbox.rows import EXTRA, merge_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.errors import bad_input, invalid
from bigcommerce.sandbox.v3.lists import items_page
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import Action, Call, Family, Route, col

DEFAULT_CHANNEL = 1


@dataclass(frozen=True)
class Membership:
    """Products in ``table`` rows: the pair's ``key`` field, the product row's list of them."""

    name: str  # "category" | "channel"
    table: str  # the other side's rows
    key: str  # "category_id"
    column: str  # the product's list: a v2 column, or a key of its ``_v3`` dict when ``extra``
    extra: bool = False
    default: tuple[int, ...] = ()  # the list of a product never assigned

    def members(self, product: Mapping[str, Any]) -> list[int]:
        if self.extra:
            stored = (product.get(EXTRA) or {}).get(self.column)
            return list(self.default if stored is None else stored)
        return list(product.get(self.column) or ())

    def store(self, state: State, product: dict[str, Any], listed: list[int]) -> None:
        change = {EXTRA: {self.column: listed}} if self.extra else {self.column: listed}
        merge_row(state, state.tables["products"].resource, product, change)


CATEGORIES = Membership("category", "categories", "category_id", "categories")
CHANNELS = Membership("channel", "channels", "channel_id", "channels", extra=True, default=(DEFAULT_CHANNEL,))


def family(kind: Membership) -> Family:
    """The family an assignment route names: its paging rules; actions answer its requests."""
    return Family(name=f"{kind.name}_assignments", table="products", label=f"{kind.name} assignment",
                  fields=(col("product_id", codec="int"), col(kind.key, codec="int")))


def _ids(query: Mapping[str, str], name: str) -> set[int] | None:
    raw = query.get(name)
    if not raw:
        return None
    try:
        return {int(part) for part in raw.split(",") if part.strip()}
    except ValueError:
        raise invalid({name: f"'{raw}' is not a list of integers."}, f"The filter '{name}' is invalid.") from None


def _pairs(state: State, kind: Membership, query: Mapping[str, str]) -> list[tuple[dict[str, Any], int]]:
    products, others = _ids(query, "product_id:in"), _ids(query, f"{kind.key}:in")
    return [(row, other) for row in state.tables["products"].ordered().values()
            if products is None or row["id"] in products
            for other in kind.members(row) if others is None or other in others]


def _whole(value: Any, low: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= low


def lister(kind: Membership) -> Action:
    def list_assignments(state: State, renderer: Renderer, call: Call) -> StoreResponse:
        return items_page(call, [{"product_id": row["id"], kind.key: other}
                                 for row, other in _pairs(state, kind, call.query)])
    return list_assignments


def assigner(kind: Membership) -> Action:
    def assign(state: State, renderer: Renderer, call: Call) -> StoreResponse:
        items = call.body
        if not isinstance(items, list):
            raise bad_input("The request body must be a JSON array.")
        products, others = state.tables["products"].rows, state.tables[kind.table].rows
        errors: dict[str, str] = {}
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                errors[str(index)] = "Each item must be a JSON object."
                continue
            for key, rows, label in (("product_id", products, "product"), (kind.key, others, kind.name)):
                if not _whole(item.get(key), 1):
                    errors[f"{index}.{key}"] = f"The field '{key}' must be an integer from 1."
                elif item[key] not in rows:
                    errors[f"{index}.{key}"] = f"The {label} {item[key]} does not exist."
        if errors:
            raise invalid(errors, f"The {kind.name} assignments were not valid.")
        added: dict[int, list[int]] = {}
        for item in items:
            current = added.setdefault(item["product_id"], kind.members(products[item["product_id"]]))
            if item[kind.key] not in current:
                current.append(item[kind.key])
        for product_id, listed in added.items():
            if listed != kind.members(products[product_id]):
                kind.store(state, products[product_id], listed)
        return NO_CONTENT
    return assign


def unassigner(kind: Membership) -> Action:
    def unassign(state: State, renderer: Renderer, call: Call) -> StoreResponse:
        if not call.query.get("product_id:in") and not call.query.get(f"{kind.key}:in"):
            raise invalid({"filter": f"Give at least one of: product_id:in, {kind.key}:in."},
                          f"A filter is required to delete {kind.name} assignments.")
        removed: dict[int, set[int]] = {}
        for row, other in _pairs(state, kind, call.query):
            removed.setdefault(row["id"], set()).add(other)
        products = state.tables["products"].rows
        for product_id, gone in removed.items():
            kind.store(state, products[product_id], [one for one in kind.members(products[product_id])
                                                     if one not in gone])
        return NO_CONTENT
    return unassign


FAMILIES: Mapping[str, Family] = {family(kind).name: family(kind) for kind in (CATEGORIES, CHANNELS)}

ROUTES: tuple[Route, ...] = tuple(
    Route(f"catalog/products/{kind.name}-assignments", f"{kind.name}_assignments",
          {"GET": f"list_{kind.name}_assignments", "PUT": f"assign_{kind.name}", "DELETE": f"unassign_{kind.name}"})
    for kind in (CATEGORIES, CHANNELS)
)

ACTIONS: Mapping[str, Action] = {
    name: action for kind in (CATEGORIES, CHANNELS) for name, action in (
        (f"list_{kind.name}_assignments", lister(kind)), (f"assign_{kind.name}", assigner(kind)),
        (f"unassign_{kind.name}", unassigner(kind)))
}
