"""What every seed generator shares: the fixed epoch and spacings, and ``ensure``.

Generated dates start at ``SEED_EPOCH_S``, never at the clock, so the same ``seed`` gives
the same data. Above ``LARGE_SEED_PRODUCTS`` products get one image and no other
subresources, so 100,000 products stay fast and small.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.state import State

SEED_EPOCH_S = 1672531200  # 2023-01-01T00:00:00Z: first seeded product
PRODUCT_SPACING_S = 37  # seconds between two seeded products' date_created
CUSTOMER_SPACING_S = 1301
ORDER_SPACING_S = 2711
LARGE_SEED_PRODUCTS = 5000  # above this: one image per product and no other subresources
SEED_PASSWORD = "SandboxPass1!"  # every seeded customer's password (POST .../validate)


def ensure(store: State, name: str, match: Mapping[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    """An existing row with these field values, or a new one (so seeding twice reuses it)."""
    for row in store.table(name).rows.values():
        if all(row.get(key) == value for key, value in match.items()):
            return row
    return store.add_row(name, {**match, **extra})
