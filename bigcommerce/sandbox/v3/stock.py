"""Inventory items and what they hold at each location, over the v2 rows (v3-resources.md §3.15).

An inventory item is a product tracked by product (v2 ``inventory_tracking`` ``simple``) or a
variant (SKU row) of a product tracked by variant (``sku``); untracked products are not items.
**The rule of one state:** the v2 ``inventory_level`` of the product or SKU (which the v3
catalog prints too) is the item's total over every location. What it holds at a location other
than the default (id 1) is a ``location_inventory`` row; the default location holds the rest:
the total minus the other locations' quantities. So an adjustment at any location changes the
v2 level by the same amount, and a write of ``inventory_level`` through v2 or the v3 catalog
lands at the default location. ``warning_level`` and ``bin_picking_number`` at the default
location are the v2 ``inventory_warning_level`` and ``bin_picking_number``; ``safety_stock`` and
``is_in_stock`` (and every setting elsewhere) live in the location rows. ``available_to_sell`` is
the quantity on hand minus the safety stock (never below 0), and 0 when ``is_in_stock`` is false.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.render import COMPUTED

Row = dict[str, Any]
DEFAULT_LOCATION = 1
MAX_LEVEL = 2_147_483_647
SETTINGS = ("safety_stock", "is_in_stock", "warning_level", "bin_picking_number")


@dataclass(frozen=True)
class Item:
    """One inventory item: a product tracked by product, or one SKU of a product tracked by variant."""

    product: Row
    sku: Row | None

    @property
    def key(self) -> tuple[int, int | None]:
        return self.product["id"], None if self.sku is None else self.sku["id"]

    @property
    def row(self) -> Row:
        """The row whose ``inventory_level`` is the item's total."""
        return self.product if self.sku is None else self.sku

    @property
    def table(self) -> str:
        return "products" if self.sku is None else "product_skus"


def level(item: Item) -> int:
    return int(item.row.get("inventory_level", 0) or 0)


def held(state: State, item: Item) -> dict[int, Row]:
    """The item's location rows by location id (settings at the default, quantity and settings elsewhere)."""
    variant_id = item.key[1]
    return {row["location_id"]: row for row in state.tables["location_inventory"].children(item.key[0]).values()
            if row.get("variant_id") == variant_id}


def quantity(item: Item, location_id: int, rows: Mapping[int, Row]) -> int | None:
    """What the item holds at a location; None where it has never been (a location other than the default)."""
    if location_id == DEFAULT_LOCATION:
        return level(item) - sum(int(row.get("quantity", 0)) for loc, row in rows.items() if loc != DEFAULT_LOCATION)
    row = rows.get(location_id)
    return None if row is None else int(row.get("quantity", 0))


def settings(item: Item, location_id: int, rows: Mapping[int, Row]) -> dict[str, Any]:
    row = rows.get(location_id, {})
    out: dict[str, Any] = {"safety_stock": int(row.get("safety_stock", 0)),
                           "is_in_stock": bool(row.get("is_in_stock", True))}
    if location_id == DEFAULT_LOCATION:
        out["warning_level"] = int(item.row.get("inventory_warning_level", 0) or 0)
        out["bin_picking_number"] = str(item.row.get("bin_picking_number", "") or "")
    else:
        out["warning_level"] = int(row.get("warning_level", 0))
        out["bin_picking_number"] = str(row.get("bin_picking_number", ""))
    return out


def available(on_hand: int, shown: Mapping[str, Any]) -> int:
    return max(0, on_hand - int(shown["safety_stock"])) if shown["is_in_stock"] else 0


def identity(state: State, item: Item, *, with_sku_id: bool = False) -> dict[str, Any]:
    variant_id = item.key[1] if item.sku is not None else COMPUTED["base_variant_id"](state, item.product)
    out = {"sku": str(item.row.get("sku", "") or ""), "variant_id": variant_id, "product_id": item.key[0]}
    if with_sku_id:
        out["sku_id"] = item.key[1]
    return out


def tracked_items(state: State, product_ids: Iterable[int] | None = None) -> Iterator[Item]:
    """Every inventory item, by product id then SKU id (only those products when ``product_ids``)."""
    products = state.tables["products"].ordered()
    skus = state.tables["product_skus"]
    chosen = products.values() if product_ids is None else (
        products[pid] for pid in sorted(set(product_ids)) if pid in products)
    for product in chosen:
        tracking = product.get("inventory_tracking", "none")
        if tracking == "simple":
            yield Item(product, None)
        elif tracking == "sku":
            for sku in skus.children(product["id"]).values():
                yield Item(product, sku)


class Lookup:
    """Items by identity (``product_id``, ``variant_id`` or ``sku``) for one request; ValueError says why not."""

    def __init__(self, state: State) -> None:
        self.state = state
        self._skus: dict[str, Row] | None = None
        self._products: dict[str, Row] | None = None

    def item(self, named: object) -> Item:
        if not isinstance(named, Mapping):
            raise ValueError("The item must be an object naming sku, variant_id or product_id.")
        products, skus = self.state.tables["products"].rows, self.state.tables["product_skus"].rows
        if named.get("product_id") is not None:
            product = products.get(named["product_id"])
            if product is None:
                raise ValueError(f"The product {named['product_id']} does not exist.")
            return self._as_product(product, f"product_id {product['id']}")
        if named.get("variant_id") is not None:
            sku = skus.get(named["variant_id"])
            if sku is None:
                raise ValueError(f"The variant {named['variant_id']} does not exist.")
            return self._as_variant(sku, f"variant_id {sku['id']}")
        code = named.get("sku")
        if isinstance(code, str) and code:
            if self._skus is None:
                self._skus = {str(row.get("sku", "")).casefold(): row for row in skus.values()}
                self._products = {str(row.get("sku", "")).casefold(): row for row in products.values()
                                  if row.get("sku")}
            assert self._products is not None
            if code.casefold() in self._skus:
                return self._as_variant(self._skus[code.casefold()], f"sku {code}")
            if code.casefold() in self._products:
                return self._as_product(self._products[code.casefold()], f"sku {code}")
            raise ValueError(f"No product or variant has the SKU '{code}'.")
        raise ValueError("One of sku, variant_id or product_id is required.")

    def _as_product(self, product: Row, named: str) -> Item:
        tracking = product.get("inventory_tracking", "none")
        if tracking == "sku":
            raise ValueError(f"Item with {named} is tracked by variant, please update stock by variant id")
        if tracking != "simple":
            raise ValueError(f"Item with {named} does not track inventory")
        return Item(product, None)

    def _as_variant(self, sku: Row, named: str) -> Item:
        product = self.state.tables["products"].rows[sku["product_id"]]
        tracking = product.get("inventory_tracking", "none")
        if tracking == "simple":
            raise ValueError(f"Item with {named} is tracked by product, please update stock by product id")
        if tracking != "sku":
            raise ValueError(f"Item with {named} does not track inventory")
        return Item(product, sku)
