"""Data for the sandbox store: fixed reference data, a seeded generator, JSON seed files.

* ``load_reference`` (``seed.reference``) fills what every store has before anyone adds a
  product: the 15 order statuses, a few real countries with their states, currencies
  (USD default), tax classes, payment methods, legacy shipping methods and a United
  States shipping zone.
* ``populate`` adds a realistic catalog (brands, a category tree, options, option sets),
  N products with images, custom fields and, for small catalogs, SKUs, reviews, videos and
  bulk-pricing rules (``seed.products``); M customers with addresses and groups
  (``seed.customers``); K orders placed by those customers for those products
  (``seed.orders``). The same ``seed`` gives the same data: dates start at
  ``SEED_EPOCH_S``, never at the clock. Above ``LARGE_SEED_PRODUCTS`` products get one
  image and no other subresources, so 100,000 products stay fast and small.
* ``dump_data``/``load_data`` (``seed.files``): the JSON seed-file format.
"""
from __future__ import annotations

import random

from bigcommerce.sandbox.seed.common import (
    CUSTOMER_SPACING_S,
    LARGE_SEED_PRODUCTS,
    ORDER_SPACING_S,
    PRODUCT_SPACING_S,
    SEED_EPOCH_S,
    SEED_PASSWORD,
)
from bigcommerce.sandbox.seed.customers import seed_customers
from bigcommerce.sandbox.seed.files import COMPUTED_FIELDS, DUMP_FORMAT, dump_data, load_data
from bigcommerce.sandbox.seed.locations import seed_warehouse
from bigcommerce.sandbox.seed.orders import seed_orders
from bigcommerce.sandbox.seed.pricelists import assign_wholesale, seed_price_list
from bigcommerce.sandbox.seed.products import seed_products
from bigcommerce.sandbox.seed.reference import REFERENCE_EPOCH_S, load_reference
from bigcommerce.sandbox.state import State


def populate(store: State, *, products: int = 0, customers: int = 0, orders: int = 0, seed: int = 0) -> None:
    """Add generated products, customers and orders; same arguments and store, same data."""
    rng = random.Random(seed)
    if products:
        seed_products(store, rng, products, light=products > LARGE_SEED_PRODUCTS)
        seed_warehouse(store)
        seed_price_list(store)
    if customers:
        seed_customers(store, rng, customers)
        assign_wholesale(store)
    if orders:
        seed_orders(store, rng, orders)


__all__ = [
    "COMPUTED_FIELDS", "CUSTOMER_SPACING_S", "DUMP_FORMAT", "LARGE_SEED_PRODUCTS", "ORDER_SPACING_S",
    "PRODUCT_SPACING_S", "REFERENCE_EPOCH_S", "SEED_EPOCH_S", "SEED_PASSWORD", "dump_data", "load_data",
    "load_reference", "populate",
]
