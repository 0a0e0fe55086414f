"""The store's state: one ``Table`` of rows per catalog resource, ids, and what outlives a row.

Rows are sparse dicts holding only fields that differ from the catalog defaults, dates as
unix seconds; every view (v2 and v3) renders them. Besides the catalog's resources, the state
holds rows no v2 resource shows (``STATE_ONLY``: metafields, keyed by owner type and id; order
refunds, payment transactions and order settings; category trees; channels, their listings,
sites and site routes; price lists, their records and assignments; inventory locations and the
stock held at them), which ``DEPENDENTS`` drops with the row they name; and the v3 content
tables of ``content_tables`` (scripts, widgets, promotions, the store log...), the customer
extras and tax tables of ``customer_tables`` (attributes, subscribers, tax zones and rates...)
and ``cart_tables`` (carts and their line items, wishlists and their items).
Rows keep ascending-id order, so an unfiltered page is a list slice, not a scan. Ids are
integers per table, never reused (product videos are keyed by their YouTube id within their
product, and carry an integer ``serial`` besides, the id v3 shows). Nothing here knows an API
version: the views turn requests into calls on ``State`` and rows into bodies.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Callable

from bigcommerce.sandbox.cart_tables import CART_TABLES
from bigcommerce.sandbox.catalog import CHILDREN, RESOURCES, Resource
from bigcommerce.sandbox.content_tables import CONTENT_TABLES
from bigcommerce.sandbox.customer_tables import CUSTOMER_TABLES
from bigcommerce.sandbox.responses import NOT_FOUND, ApiError

# Metafields of every owner in one table: ``resource_type`` names the owner kind,
# ``resource_id`` its id (the per-parent index), ids are store-wide.
METAFIELDS = Resource(
    name="metafields", path="metafields", ops=frozenset(),
    fields={"id": None, "resource_type": "", "resource_id": None, "namespace": "", "key": "", "value": "",
            "permission_set": "read", "description": "", "date_created": None, "date_modified": None},
    dates=("date_created", "date_modified"), created="date_created", modified="date_modified",
    parent_key="resource_id",
)
# v3 order refunds (``orders/{order_id}/payment_actions/refunds``): what each refund took back;
# the order's ``refunded_amount``, status and line quantities change with it (v3.refunds).
ORDER_REFUNDS = Resource(
    name="order_refunds", path="order_refunds", ops=frozenset(),
    fields={"id": None, "order_id": None, "user_id": 0, "created": None, "reason": "", "total_amount": "0.00",
            "total_tax": "0.00", "uses_merchant_override_values": False, "payments": [], "items": [],
            "transaction_ids": []},
    dates=("created",), created="created", parent_key="order_id",
)
# Payment events of an order after it was placed (authorization or purchase, capture, void, refund):
# the opening one is written the first time the v3 view needs it, from the order's payment method.
ORDER_TRANSACTIONS = Resource(
    name="order_transactions", path="order_transactions", ops=frozenset(),
    fields={"id": None, "order_id": None, "event": "purchase", "provider": "custom", "payment_method": "",
            "amount": "0.00", "currency": "USD", "status": "ok", "reference_transaction_id": None,
            "date_created": None},
    dates=("date_created",), created="date_created", parent_key="order_id",
)
# Order notification settings: id 0 is the store's, any other id a channel's (v3 orders/settings).
ORDER_SETTINGS = Resource(
    name="order_settings", path="order_settings", ops=frozenset(),
    fields={"id": None, "order_placed": None, "forward_invoice": None},
)
# Price lists (v3 only): lists, their records keyed by (price list, variant, currency) with an
# internal row id, and assignments to customer groups and channels.
PRICE_LISTS = Resource(
    name="price_lists", path="pricelists", ops=frozenset(),
    fields={"id": None, "name": "", "active": True, "date_created": None, "date_modified": None},
    dates=("date_created", "date_modified"), created="date_created", modified="date_modified",
)
PRICE_LIST_RECORDS = Resource(
    name="price_list_records", path="pricelists/{price_list_id}/records", ops=frozenset(),
    fields={"id": None, "price_list_id": None, "variant_id": None, "product_id": None, "currency": "",
            "price": None, "sale_price": None, "retail_price": None, "map_price": None, "calculated_price": None,
            "bulk_pricing_tiers": [], "date_created": None, "date_modified": None},
    dates=("date_created", "date_modified"), created="date_created", modified="date_modified",
    parent_key="price_list_id",
)
PRICE_LIST_ASSIGNMENTS = Resource(
    name="price_list_assignments", path="pricelists/assignments", ops=frozenset(),
    fields={"id": None, "price_list_id": None, "customer_group_id": None, "channel_id": None},
    parent_key="price_list_id",
)
# Inventory locations (location 1 is the default, in every store) and what an item holds at a
# location other than the default: its quantity and settings. Location 1's quantity is not
# stored here: it is the v2 inventory_level minus the other locations' (``v3.inventory``).
INVENTORY_LOCATIONS = Resource(
    name="inventory_locations", path="inventory/locations", ops=frozenset(),
    fields={"id": None, "code": "", "label": "", "description": "", "managed_by_external_source": False,
            "type_id": "PHYSICAL", "enabled": True, "operating_hours": None, "time_zone": "Etc/UTC",
            "created_at": None, "updated_at": None, "address": None, "storefront_visibility": True,
            "special_hours": [], "is_default": False},
    dates=("created_at", "updated_at"), created="created_at", modified="updated_at",
)
LOCATION_INVENTORY = Resource(
    name="location_inventory", path="inventory/locations/{location_id}/items", ops=frozenset(),
    fields={"id": None, "location_id": None, "product_id": None, "variant_id": None, "quantity": 0,
            "safety_stock": 0, "is_in_stock": True, "warning_level": 0, "bin_picking_number": ""},
    parent_key="product_id",
)
# v3 category trees: one per channel; a category's ``tree_id`` names its tree. The default
# tree (id 1, channel 1) is reference data: it holds every category v2 creates.
CATEGORY_TREES = Resource(
    name="category_trees", path="category_trees", ops=frozenset(),
    fields={"id": None, "name": "", "channels": []},
)
# Sales channels (v3 only; no v2 resource shows them). Id 1 is the store's own storefront,
# present in every store (``seed.reference``). ``enabled_currencies``/``default_currency``:
# the channel's currency assignment, None while it inherits the store's currencies.
CHANNELS = Resource(
    name="channels", path="channels", ops=frozenset(),
    fields={"id": None, "name": "", "type": "", "platform": "", "status": "", "external_id": "",
            "is_listable_from_ui": True, "is_visible": True, "enabled_currencies": None, "default_currency": None,
            "date_created": None, "date_modified": None},
    dates=("date_created", "date_modified"), created="date_created", modified="date_modified",
)
# Product listings of a channel: ``variants`` holds the listed variants (dicts with their own dates).
CHANNEL_LISTINGS = Resource(
    name="channel_listings", path="channels/{pid}/listings", ops=frozenset(),
    fields={"id": None, "channel_id": None, "external_id": "", "product_id": None, "state": "", "name": "",
            "description": "", "variants": [], "date_created": None, "date_modified": None},
    dates=("date_created", "date_modified"), created="date_created", modified="date_modified",
    parent="channels", parent_key="channel_id",
)
# A channel's site (at most one per channel) and its routes. ``checkout_url`` "" = not customized.
SITES = Resource(
    name="sites", path="sites", ops=frozenset(),
    fields={"id": None, "url": "", "channel_id": None, "ssl_status": "shared", "checkout_url": "",
            "created_at": None, "updated_at": None},
    dates=("created_at", "updated_at"), created="created_at", modified="updated_at",
)
SITE_ROUTES = Resource(
    name="site_routes", path="sites/{pid}/routes", ops=frozenset(),
    fields={"id": None, "site_id": None, "type": "", "matching": "", "route": ""},
    parent="sites", parent_key="site_id",
)
# The webhook notification emails (``/hooks/admin``): one row, id 1, once they are set.
HOOK_ADMIN = Resource(name="hook_admin", path="hooks/admin", ops=frozenset(), fields={"id": None, "emails": []})

STATE_ONLY: tuple[Resource, ...] = (
    METAFIELDS, ORDER_REFUNDS, ORDER_TRANSACTIONS, ORDER_SETTINGS, CATEGORY_TREES,
    CHANNELS, CHANNEL_LISTINGS, SITES, SITE_ROUTES, HOOK_ADMIN,
    PRICE_LISTS, PRICE_LIST_RECORDS, PRICE_LIST_ASSIGNMENTS, INVENTORY_LOCATIONS, LOCATION_INVENTORY,
    *CONTENT_TABLES, *CUSTOMER_TABLES, *CART_TABLES,
)

# Owner table -> the state-only rows naming it, as (table, column): dropping the owner drops them.
DEPENDENTS: Mapping[str, tuple[tuple[str, str], ...]] = {
    "price_lists": (("price_list_records", "price_list_id"), ("price_list_assignments", "price_list_id")),
    "customer_groups": (("price_list_assignments", "customer_group_id"),),
    "product_skus": (("price_list_records", "variant_id"), ("location_inventory", "variant_id"),
                     ("cart_items", "variant_id"), ("wishlist_items", "variant_id")),
    "products": (("location_inventory", "product_id"), ("channel_listings", "product_id"),
                 ("product_tax_properties", "product_id"), ("cart_items", "product_id"),
                 ("wishlist_items", "product_id")),
    "channels": (("channel_listings", "channel_id"),),
    "sites": (("site_routes", "site_id"),),
    "inventory_locations": (("location_inventory", "location_id"),),
    "customers": (("customer_attribute_values", "customer_id"), ("customer_tax_properties", "customer_id")),
    "customer_attributes": (("customer_attribute_values", "attribute_id"),),
    "tax_zones": (("tax_rates", "tax_zone_id"),),
    "carts": (("cart_items", "cart_id"),),
    "wishlists": (("wishlist_items", "wishlist_id"),),
}

# The integer id of a row whose table keys it by a string (a video's YouTube id): unique in
# the table, never reused, kept across updates that change the string id.
SERIAL = "serial"

# Owner table -> its metafields' ``resource_type``: dropping an owner drops its metafields.
METAFIELD_OWNERS: Mapping[str, str] = {
    "products": "product", "product_skus": "variant", "categories": "category", "brands": "brand",
    "customers": "customer", "orders": "order", "channels": "channel", "carts": "cart",
    "inventory_locations": "location",
}


class Table:
    """Rows of one resource in ascending-id order, with a per-parent index for subresources."""

    def __init__(self, resource: Resource) -> None:
        self.resource = resource
        self.rows: dict[Any, dict[str, Any]] = {}
        self.by_parent: dict[int, dict[Any, dict[str, Any]]] = {}
        self.next_id = 1
        self._keys: list[Any] | None = []
        self._unsorted = False

    def key(self, parent_id: int | None, item_id: Any) -> Any:
        return (parent_id, item_id) if self.resource.id_kind == "str" else item_id

    def key_of(self, row: Mapping[str, Any]) -> Any:
        parent_key = self.resource.parent_key
        return self.key(row.get(parent_key) if parent_key else None, row["id"])

    def add(self, row: dict[str, Any]) -> None:
        key = self.key_of(row)
        if key in self.rows:
            self.remove(key)
        if self.resource.id_kind != "str":
            if self.rows and key < next(reversed(self.rows)):
                self._unsorted = True
            self.next_id = max(self.next_id, key + 1)
        elif row.get(SERIAL) is None:  # string ids: an integer one too, for views that need it (v3 videos)
            row[SERIAL] = self.allocate_id()
        else:
            self.next_id = max(self.next_id, row[SERIAL] + 1)
        self.rows[key] = row
        if self._keys is not None and not self._unsorted:
            self._keys.append(key)
        else:
            self._keys = None
        if self.resource.parent_key:
            self.by_parent.setdefault(row[self.resource.parent_key], {})[key] = row

    def remove(self, key: Any) -> dict[str, Any]:
        row = self.rows.pop(key)
        self._keys = None
        if self.resource.parent_key:
            siblings = self.by_parent.get(row[self.resource.parent_key])
            if siblings is not None:
                siblings.pop(key, None)
                if not siblings:
                    del self.by_parent[row[self.resource.parent_key]]
        return row

    def ordered(self) -> dict[Any, dict[str, Any]]:
        """All rows, ascending id (re-sorting once after out-of-order inserts)."""
        if self._unsorted:
            self.rows = dict(sorted(self.rows.items()))
            for parent_id, siblings in self.by_parent.items():
                self.by_parent[parent_id] = dict(sorted(siblings.items()))
            self._unsorted = False
            self._keys = None
        return self.rows

    def children(self, parent_id: int) -> dict[Any, dict[str, Any]]:
        self.ordered()
        return self.by_parent.get(parent_id, {})

    def page_of_all(self, offset: int, limit: int) -> list[dict[str, Any]]:
        """One page over every row without looking at the others."""
        rows = self.ordered()
        if self._keys is None:
            self._keys = list(rows)
        return [rows[key] for key in self._keys[offset:offset + limit]]

    def allocate_id(self) -> int:
        new_id = self.next_id
        self.next_id += 1
        return new_id


class State:
    """Every row of one store, its clock, and the store-wide facts that are not rows.

    Not thread-safe by itself: ``Store`` holds one lock around every call.
    ``archived_orders`` lists orders a DELETE archived (so unfiltered order lists stay a
    slice when it is empty); ``carrier_connections`` is the shipping carrier setup.
    """

    def __init__(self, *, store_hash: str, base_url: str, clock: Callable[[], float]) -> None:
        self.store_hash = store_hash
        self.base_url = base_url
        self._clock = clock
        self.tables: dict[str, Table] = {res.name: Table(res) for res in (*RESOURCES, *STATE_ONLY)}
        self.archived_orders: set[int] = set()
        self.carrier_connections: dict[str, dict[str, Any]] = {}

    def now(self) -> int:
        return int(self._clock())

    def table(self, name: str) -> Table:
        return self.tables[name]

    def add_row(self, name: str, row: dict[str, Any]) -> dict[str, Any]:
        """Store an already-normalized row (seed and load); assigns an id if missing."""
        table = self.tables[name]
        if row.get("id") is None and table.resource.id_kind != "str":
            row["id"] = table.allocate_id()
        table.add(row)
        if name == "orders":
            self.track_archive(row)
        return row

    # -- finding rows ---------------------------------------------------------------
    def require(self, name: str, item_id: int) -> dict[str, Any]:
        """The row with this id in a top-level table; ApiError 404 when there is none."""
        row = self.tables[name].rows.get(item_id)
        if row is None:
            raise ApiError(404, NOT_FOUND)
        return row

    def find(self, res: Resource, parent_id: int | None, item_id: Any) -> dict[str, Any]:
        """The row ``item_id`` of ``res`` under ``parent_id``; ApiError 404 when there is none."""
        table = self.tables[res.name]
        row = table.rows.get(table.key(parent_id, item_id))
        if row is None or (res.parent_key and row.get(res.parent_key) != parent_id):
            raise ApiError(404, NOT_FOUND)
        return row

    # -- removing rows --------------------------------------------------------------
    def drop(self, res: Resource, row: dict[str, Any]) -> None:
        """Remove a row and, recursively, everything under it."""
        table = self.tables[res.name]
        table.remove(table.key_of(row))
        for child_name in CHILDREN.get(res.name, ()):
            child_table = self.tables[child_name]
            for child in list(child_table.by_parent.get(row["id"], {}).values()):
                self.drop(child_table.resource, child)
        if res.name == "products":
            self.log("general", "catalog", 4, "Product deleted",
                     f"The product '{row.get('name', '')}' (id {row['id']}) was deleted.")
        owner_type = METAFIELD_OWNERS.get(res.name)
        if owner_type is not None:
            metafields = self.tables["metafields"]
            for key, metafield in list(metafields.by_parent.get(row["id"], {}).items()):
                if metafield.get("resource_type") == owner_type:
                    metafields.remove(key)
        for table_name, column in DEPENDENTS.get(res.name, ()):
            dependents = self.tables[table_name]
            if not dependents.rows:
                continue
            indexed = dependents.resource.parent_key == column
            candidates = dependents.by_parent.get(row["id"], {}) if indexed else dependents.rows
            for key in [key for key, other in candidates.items() if other.get(column) == row["id"]]:
                dependents.remove(key)

    def log(self, kind: str, module: str, severity: int, summary: str, message: str) -> None:
        """One row of the store's system log (v3 ``store/systemlogs``), dated now."""
        self.add_row("store_logs", {"type": kind, "module": module, "severity": severity, "summary": summary,
                                    "message": message, "date_created": self.now()})

    def archive(self, row: dict[str, Any]) -> None:
        """Archive an order instead of deleting it (``is_deleted: true``)."""
        row["is_deleted"] = True
        row["date_modified"] = self.now()
        self.archived_orders.add(row["id"])

    def track_archive(self, row: Mapping[str, Any]) -> None:
        """Keep ``archived_orders`` in step with an order row just stored or changed."""
        if row.get("is_deleted"):
            self.archived_orders.add(row["id"])
        else:
            self.archived_orders.discard(row["id"])
