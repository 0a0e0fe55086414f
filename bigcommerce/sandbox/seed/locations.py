"""Inventory locations: the default location every store has, and a warehouse a seeded store adds.

The warehouse holds part of a few seeded products' stock: a third of their v2
``inventory_level`` moves there, so every v2 level (the total over locations) stays what the
product seed gave it.
"""
from __future__ import annotations

from typing import Any

from bigcommerce.sandbox.state import State

REFERENCE_EPOCH_S = 1514764800  # 2018-01-01T00:00:00Z, as the other reference data
WAREHOUSE_ITEMS = 10  # seeded products (tracked by product) with stock at the warehouse
WEEK = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")


def _location(location_id: int, code: str, label: str, address: dict[str, Any], **fields: Any) -> dict[str, Any]:
    hours = {day: {"open": day not in ("saturday", "sunday"), "opening": "09:00", "closing": "17:00"} for day in WEEK}
    return {"id": location_id, "code": code, "label": label, "description": "", "managed_by_external_source": False,
            "type_id": "PHYSICAL", "enabled": True, "operating_hours": hours, "time_zone": "America/Chicago",
            "created_at": REFERENCE_EPOCH_S, "updated_at": REFERENCE_EPOCH_S, "address": address,
            "storefront_visibility": True, "special_hours": [], **fields}


def add_default_location(store: State) -> None:
    """Location 1: the default location and shipping origin of every store."""
    store.add_row("inventory_locations", _location(1, "BC-LOCATION-1", "Default location", {
        "address1": "11305 Four Points Dr", "address2": "Building 2", "city": "Austin", "state": "TX",
        "zip": "78726", "email": "store@example.com", "phone": "512-555-0100",
        "geo_coordinates": {"latitude": 30.4012, "longitude": -97.8535}, "country_code": "US",
    }, is_default=True))


def seed_warehouse(store: State) -> None:
    """A second location holding a third of the first seeded products' stock."""
    if 2 in store.table("inventory_locations").rows:
        return
    store.add_row("inventory_locations", _location(2, "BC-LOCATION-2", "Warehouse", {
        "address1": "500 Commerce St", "address2": "", "city": "Dallas", "state": "TX", "zip": "75202",
        "email": "warehouse@example.com", "phone": "214-555-0100",
        "geo_coordinates": {"latitude": 32.7767, "longitude": -96.797}, "country_code": "US",
    }))
    placed = 0
    for product in store.table("products").ordered().values():
        if placed >= WAREHOUSE_ITEMS:
            break
        level = int(product.get("inventory_level", 0) or 0)
        if product.get("inventory_tracking") == "simple" and level >= 3:
            store.add_row("location_inventory", {"location_id": 2, "product_id": product["id"], "variant_id": None,
                                                 "quantity": level // 3})
            placed += 1
