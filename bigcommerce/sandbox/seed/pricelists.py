"""A seeded store's price list: "Wholesale", 10% off the first variants, assigned to the
Wholesale customer group (when customers are seeded) on the default channel.

Prices are decimal strings as the state keeps every price; the record's currency is the
store's default (``usd``), lower case as the price-list view stores it.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from bigcommerce.sandbox.state import State

REFERENCE_EPOCH_S = 1514764800  # 2018-01-01T00:00:00Z, as the other reference data
WHOLESALE_RECORDS = 25  # seeded variants with a wholesale price
DISCOUNT = Decimal("0.90")


def seed_price_list(store: State) -> None:
    """Price list 1 with records for the first seeded variants (once per store)."""
    if store.table("price_lists").rows:
        return
    skus = list(store.table("product_skus").ordered().values())[:WHOLESALE_RECORDS]
    if not skus:
        return
    store.add_row("price_lists", {"id": 1, "name": "Wholesale", "active": True,
                                  "date_created": REFERENCE_EPOCH_S, "date_modified": REFERENCE_EPOCH_S})
    products = store.table("products").rows
    for sku in skus:
        base = sku.get("price") or products.get(sku["product_id"], {}).get("price") or "0"
        price = (Decimal(str(base)) * DISCOUNT).quantize(Decimal("0.0001"), ROUND_HALF_UP)
        store.add_row("price_list_records", {
            "price_list_id": 1, "variant_id": sku["id"], "product_id": sku["product_id"], "currency": "usd",
            "price": str(price), "calculated_price": str(price), "sale_price": None, "retail_price": None,
            "map_price": None,
            "date_created": REFERENCE_EPOCH_S, "date_modified": REFERENCE_EPOCH_S,
        })


def assign_wholesale(store: State) -> None:
    """Price list 1 for the Wholesale customer group on channel 1, when both exist."""
    if not store.table("price_lists").rows or store.table("price_list_assignments").rows:
        return
    group = next((row for row in store.table("customer_groups").ordered().values()
                  if row.get("name") == "Wholesale"), None)
    if group is not None:
        store.add_row("price_list_assignments", {"price_list_id": 1, "customer_group_id": group["id"],
                                                 "channel_id": 1})
