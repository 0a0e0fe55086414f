"""``GET /catalog/summary``: the read-only singleton the products spec declares, computed from the rows.

Inventory counts and value follow each product's tracking (a product tracked by variant counts
its SKUs' levels at their prices); variant prices are the SKUs' own or, when null, their
product's calculated price; the primary category is the one most products belong to (lowest
id on a tie). ``lowest_variant_price`` is a string, as the spec types it.
"""
from __future__ import annotations

from typing import Any

from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.codecs import number
from bigcommerce.sandbox.values import iso8601


def catalog_summary(state: State) -> dict[str, Any]:
    """The ``data`` of GET /catalog/summary."""
    products = state.tables["products"].rows
    skus = state.tables["product_skus"]
    inventory_count, inventory_value = 0, 0.0
    per_category: dict[int, int] = {}
    for product in products.values():
        price = float(product.get("calculated_price", product.get("price", "0")) or 0)
        own = skus.by_parent.get(product["id"], {})
        if product.get("inventory_tracking") == "sku" and own:
            for sku in own.values():
                level = int(sku.get("inventory_level", 0))
                inventory_count += level
                inventory_value += level * float(sku.get("price") or price)
        else:
            level = int(product.get("inventory_level", 0))
            inventory_count += level
            inventory_value += level * price
        for category in product.get("categories") or ():
            per_category[category] = per_category.get(category, 0) + 1
    prices, dates = [], []
    for sku in skus.rows.values():
        product = products.get(sku.get("product_id"), {})
        prices.append(float(sku.get("price") or product.get("calculated_price", "0") or 0))
        if product.get("date_created") is not None:
            dates.append(product["date_created"])
    primary = min(per_category, key=lambda c: (-per_category[c], c)) if per_category else 0
    category = state.tables["categories"].rows.get(primary, {})
    return {
        "inventory_count": inventory_count, "inventory_value": number(round(inventory_value, 4)),
        "primary_category_id": primary, "primary_category_name": category.get("name", ""),
        "variant_count": len(prices),
        "highest_variant_price": number(max(prices)) if prices else 0,
        "average_variant_price": number(round(sum(prices) / len(prices), 8)) if prices else 0,
        "lowest_variant_price": str(number(min(prices))) if prices else "0",
        "oldest_variant_date": iso8601(min(dates)) if dates else None,
        "newest_variant_date": iso8601(max(dates)) if dates else None,
    }
