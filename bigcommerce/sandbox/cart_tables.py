"""State-only tables of the v3 carts, checkouts and wishlists: rows no v2 resource shows.

A cart is addressed by the ``uuid`` the v3 view gives it (the checkout has the same id); its
integer ``id`` is the table's internal key, which its line items name in ``cart_id``. Line items
are addressed by their own ``uuid``. ``version`` counts the cart's changes (optimistic
concurrency, v3-resources.md §3.21). The checkout's billing address lives on the cart row.
Wishlists and their items have integer ids. Columns hold stored values (dates as unix seconds,
lists and objects as JSON values), so ``dump()``/``load()`` write and read them as they are.
"""
from __future__ import annotations

from bigcommerce.sandbox.catalog.schema import Resource

CARTS = Resource(
    name="carts", path="carts", ops=frozenset(),
    fields={"id": None, "uuid": "", "customer_id": 0, "channel_id": 1, "email": "", "currency": "USD",
            "locale": "en-US", "version": 1, "billing_address": None, "customer_message": "", "redirects": 0,
            "consignments": [], "consignment_serial": 0, "order_id": None,
            "date_created": None, "date_modified": None},
    dates=("date_created", "date_modified"), created="date_created", modified="date_modified",
)

# ``list_price`` None: the catalog's price; ``name`` "": the product's name.
CART_ITEMS = Resource(
    name="cart_items", path="cart_items", ops=frozenset(),
    fields={"id": None, "cart_id": None, "uuid": "", "product_id": None, "variant_id": None, "quantity": 1,
            "list_price": None, "name": "", "option_selections": [], "date_created": None},
    dates=("date_created",), created="date_created", parent_key="cart_id",
)

WISHLISTS = Resource(
    name="wishlists", path="wishlists", ops=frozenset(),
    fields={"id": None, "customer_id": None, "name": "", "is_public": False, "token": ""},
)

WISHLIST_ITEMS = Resource(
    name="wishlist_items", path="wishlist_items", ops=frozenset(),
    fields={"id": None, "wishlist_id": None, "product_id": None, "variant_id": None},
    parent_key="wishlist_id",
)

# Cart settings: id 0 is the store's (``allow_purchasing`` true until set), any other id a channel's
# override (None: the channel follows the store).
CART_SETTINGS = Resource(
    name="cart_settings", path="cart_settings", ops=frozenset(), fields={"id": None, "allow_purchasing": None},
)

CART_TABLES: tuple[Resource, ...] = (CARTS, CART_ITEMS, WISHLISTS, WISHLIST_ITEMS, CART_SETTINGS)
