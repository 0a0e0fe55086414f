"""Marketing: coupons, banners and gift certificates (S21)."""
from __future__ import annotations

from bigcommerce.sandbox.catalog.schema import ALL_OPS, COLLECTION_COUNT, ZERO, Filter, Resource, eq, ids, merge, op_set

COUPON_TYPES = (
    "per_item_discount", "per_total_discount", "shipping_discount", "free_shipping",
    "percentage_discount", "promotion",
)

COUPONS = Resource(
    name="coupons",
    path="coupons",
    ops=ALL_OPS,  # G documented in D16 only
    fields={
        "id": None, "name": "", "type": "", "amount": ZERO, "min_purchase": ZERO,
        "expires": "", "enabled": True, "code": "", "applies_to": {}, "num_uses": 0,
        "max_uses": 0, "max_uses_per_customer": 0, "restricted_to": {}, "shipping_methods": [],
        "date_created": None,
    },
    required=("name", "type", "amount", "code", "applies_to"),
    types={
        "name": "str", "type": "str", "amount": "decimal", "min_purchase": "decimal",
        "expires": "str", "enabled": "bool", "code": "str", "applies_to": "dict",
        "max_uses": "int", "max_uses_per_customer": "int", "restricted_to": "dict",
        "shipping_methods": "list",
    },
    enums={"type": COUPON_TYPES},
    read_only=frozenset({"num_uses", "date_created"}),
    dates=("date_created",),
    created="date_created",
    filters=merge(
        {"id": Filter("id", "eq", "int")}, eq("code"), eq("name"), eq("type"), ids(),
        {"exclude_type": Filter("type", "ne", "str")},
    ),
    counts=COLLECTION_COUNT,
)

BANNERS = Resource(
    name="banners",
    path="banners",
    ops=ALL_OPS,
    fields={
        "id": None, "name": "", "content": "", "page": "home_page", "location": "top",
        "date_type": "always", "date_from": "0", "date_to": "0", "visible": "1",
        "date_created": "0", "item_id": "0",
    },
    required=("name", "content", "page", "location", "date_type"),
    types={
        "name": "str", "content": "str", "page": "str", "location": "str", "date_type": "str",
        "date_from": "str", "date_to": "str", "visible": "str", "item_id": "str",
    },
    enums={
        "page": ("home_page", "category_page", "brand_page", "search_page"),
        "location": ("top", "bottom"),
        "date_type": ("always", "custom"),
    },
    read_only=frozenset({"date_created"}),
    filters=ids(),
    counts=COLLECTION_COUNT,
)

GIFT_CERTIFICATES = Resource(
    name="gift_certificates",
    path="gift_certificates",
    ops=op_set("L G C U D DA"),
    fields={
        "id": None, "customer_id": 0, "order_id": 0, "code": "", "to_name": "", "to_email": "",
        "from_name": "", "from_email": "", "amount": ZERO, "balance": ZERO, "status": "active",
        "template": "Celebration", "message": "", "purchase_date": None, "expiry_date": "",
        "currency_code": "USD",
    },
    required=("to_name", "to_email", "from_name", "from_email", "amount"),
    types={
        "customer_id": "int", "order_id": "int", "code": "str", "to_name": "str",
        "to_email": "str", "from_name": "str", "from_email": "str", "amount": "decimal",
        "balance": "decimal", "status": "str", "template": "str", "message": "str",
        "expiry_date": "str", "purchase_date": "date",
    },
    enums={"status": ("active", "pending", "disabled", "expired")},
    dates=("purchase_date",),
    created="purchase_date",
    filters=merge(
        ids(), eq("code"), eq("order_id", "int"), eq("to_name"), eq("to_email"),
        eq("from_name"), eq("from_email"),
    ),
)
