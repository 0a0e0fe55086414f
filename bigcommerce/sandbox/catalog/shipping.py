"""Shipping: legacy shipping methods, shipping zones and their methods (S21)."""
from __future__ import annotations

from bigcommerce.sandbox.catalog.schema import ZERO, Filter, Resource, ids, merge, op_set

SHIPPING_METHODS = Resource(
    name="shipping_methods",
    path="shipping/methods",
    ops=op_set("L G"),
    fields={"id": None, "name": "", "method_name": ""},
    filters=merge({"id": Filter("id", "eq", "int")}, ids()),
)

SHIPPING_ZONES = Resource(
    name="shipping_zones",
    path="shipping/zones",
    ops=op_set("L G C U D"),
    fields={
        "id": None, "name": "", "type": "country", "locations": [],
        "free_shipping": {
            "enabled": False, "minimum_sub_total": ZERO, "exclude_fixed_shipping_products": False,
        },
        "handling_fees": {"display_separately": True, "fixed_surcharge": ZERO},
        "enabled": True,
    },
    required=("name",),
    types={
        "name": "str", "type": "str", "locations": "list", "free_shipping": "dict",
        "handling_fees": "dict", "enabled": "bool",
    },
    enums={"type": ("zip", "country", "state", "global")},
)

SHIPPING_ZONE_METHODS = Resource(
    name="shipping_zone_methods",
    path="shipping/zones/{pid}/methods",
    ops=op_set("L G C U D"),
    fields={
        "id": None, "name": "", "type": "perorder", "settings": {}, "enabled": True,
        "handling_fees": {"fixed_surcharge": ZERO}, "is_fallback": False,
    },
    required=("type",),
    types={
        "name": "str", "type": "str", "settings": "dict", "enabled": "bool",
        "handling_fees": "dict", "is_fallback": "bool",
    },
    parent="shipping_zones",
    parent_key="zone_id",
    hidden=frozenset({"zone_id"}),
)
