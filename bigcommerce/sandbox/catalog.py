"""Declarative table of every v2 resource the sandbox store serves.

One ``Resource`` per v2 resource or subresource: where it lives, which operations the
BigCommerce documentation lists for it, what a new object must carry, what every field
defaults to (in the order the API prints them), which filters it honours and where its
count paths are. ``store.py`` interprets the table; nothing here runs logic.

Sources: the v2 OpenAPI files (2021) for orders, customers, marketing, content, geography,
currencies, tax classes, payments and shipping; the 2016 v2 docs (mhagstrand/slate
``_api_CRUD_*.md``) for the catalog, whose fields and required properties have no spec.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

# Operation codes, as in v2-resources.md.
LIST, GET, CREATE, UPDATE, DELETE, DELETE_ALL, COUNT = "L", "G", "C", "U", "D", "DA", "N"

DEFAULT_PAGE_LIMIT = 50
MAX_PAGE_LIMIT = 250

# Link objects and some paths use un-underscored aliases (v2-resources.md, disagreement 9);
# the router accepts both spellings, bodies print the alias like the real API.
PATH_ALIASES: Mapping[str, str] = {
    "discountrules": "discount_rules",
    "configurablefields": "configurable_fields",
    "customfields": "custom_fields",
    "optionsets": "option_sets",
    "taxclasses": "tax_classes",
    "shippingaddresses": "shipping_addresses",
    "shippingquotes": "shipping_quotes",
}


@dataclass(frozen=True)
class Filter:
    """One query parameter: compare row[field] with the parsed value using op."""

    field: str
    op: str  # eq | min | max | like | has | keyword
    kind: str  # int | str | bool | decimal | date


def _eq(name: str, kind: str = "str") -> dict[str, Filter]:
    return {name: Filter(name, "eq", kind)}


def _range(name: str, kind: str, row_field: str | None = None) -> dict[str, Filter]:
    target = row_field or name
    return {f"min_{name}": Filter(target, "min", kind), f"max_{name}": Filter(target, "max", kind)}


def _ids() -> dict[str, Filter]:
    return _range("id", "int")


def _dates(*names: str) -> dict[str, Filter]:
    out: dict[str, Filter] = {}
    for name in names:
        out.update(_range(name, "date"))
    return out


def _merge(*parts: Mapping[str, Filter]) -> dict[str, Filter]:
    out: dict[str, Filter] = {}
    for part in parts:
        out.update(part)
    return out


@dataclass(frozen=True)
class Link:
    """A ``{url, resource}`` object printed in a parent body; None when `when` is falsy."""

    field: str
    template: str  # formatted with the rendered object, e.g. "products/{id}/images"
    when: str | None = None


@dataclass(frozen=True)
class Resource:
    """One v2 resource or subresource and the documented behaviour the store emulates."""

    name: str  # key in dump()/load(): "products", "product_images", ...
    path: str  # "products" or "products/{pid}/images"
    ops: frozenset[str]
    fields: Mapping[str, Any]  # defaults, in output order
    required: tuple[str, ...] = ()
    types: Mapping[str, str] = field(default_factory=dict)  # input coercion per field
    enums: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    read_only: frozenset[str] = frozenset()
    writable_extra: frozenset[str] = frozenset()  # accepted input not printed as-is
    dates: tuple[str, ...] = ()  # stored as unix seconds, printed as RFC 2822
    created: str | None = None  # set to now on create
    modified: str | None = None  # set to now on create and update
    filters: Mapping[str, Filter] = field(default_factory=dict)
    counts: frozenset[str] = frozenset()  # "collection", "parent", "store"
    paginated: bool = True
    id_kind: str = "int"  # int | str (video ids) | int_str (ints printed as strings)
    links: tuple[Link, ...] = ()
    parent: str | None = None
    parent_key: str | None = None
    hidden: frozenset[str] = frozenset()  # stored but never printed
    store_list: bool = False  # GET {parent}/{sub} lists across all parents
    order: str = "id"  # id | -published_date | name

    @property
    def segments(self) -> tuple[str, ...]:
        return tuple(self.path.split("/"))

    @property
    def sub_name(self) -> str:
        """Last path segment of a subresource ("images")."""
        return self.segments[-1]


def _ops(codes: str) -> frozenset[str]:
    return frozenset(codes.split())


ALL_OPS = _ops("L G C U D DA N")
SUB_OPS = ALL_OPS
PER_PARENT_AND_STORE = frozenset({"parent", "store"})
COLLECTION_COUNT = frozenset({"collection"})

ZERO = "0.0000"

# ---------------------------------------------------------------- catalog (D16, L23)

PRODUCT_FIELDS: dict[str, Any] = {
    "id": None, "keyword_filter": None, "name": "", "type": "physical", "sku": "",
    "description": "", "search_keywords": None, "availability_description": "",
    "price": ZERO, "cost_price": ZERO, "retail_price": ZERO, "sale_price": ZERO,
    "calculated_price": ZERO, "sort_order": 0, "is_visible": False, "is_featured": False,
    "related_products": "-1", "inventory_level": 0, "inventory_warning_level": 0,
    "warranty": None, "weight": ZERO, "width": ZERO, "height": ZERO, "depth": ZERO,
    "fixed_cost_shipping_price": ZERO, "is_free_shipping": False, "inventory_tracking": "none",
    "rating_total": 0, "rating_count": 0, "total_sold": 0, "date_created": None,
    "brand_id": 0, "view_count": 0, "page_title": "", "meta_keywords": None,
    "meta_description": None, "layout_file": "product.html", "is_price_hidden": False,
    "price_hidden_label": "", "categories": [], "date_modified": None,
    "event_date_field_name": "Delivery Date", "event_date_type": "none",
    "event_date_start": "", "event_date_end": "", "myob_asset_account": "",
    "myob_income_account": "", "myob_expense_account": "", "peachtree_gl_account": "",
    "condition": "New", "is_condition_shown": False, "preorder_release_date": "",
    "is_preorder_only": False, "preorder_message": "", "order_quantity_minimum": 0,
    "order_quantity_maximum": 0, "open_graph_type": "product", "open_graph_title": "",
    "open_graph_description": None, "is_open_graph_thumbnail": True, "upc": None,
    "avalara_product_tax_code": "", "date_last_imported": "", "option_set_id": None,
    "tax_class_id": 0, "option_set_display": "right", "bin_picking_number": "",
    "custom_url": "", "primary_image": None, "availability": "available", "brand": None,
    "images": None, "discount_rules": None, "configurable_fields": None,
    "custom_fields": None, "videos": None, "skus": None, "rules": None, "option_set": None,
    "options": None, "tax_class": None,
}

PRODUCT_TYPES: dict[str, str] = {
    "name": "str", "type": "str", "sku": "str", "description": "str", "price": "decimal",
    "cost_price": "decimal", "retail_price": "decimal", "sale_price": "decimal",
    "weight": "decimal", "width": "decimal", "height": "decimal", "depth": "decimal",
    "fixed_cost_shipping_price": "decimal", "categories": "int_list", "brand_id": "int",
    "is_visible": "bool", "is_featured": "bool", "is_free_shipping": "bool",
    "inventory_level": "int", "inventory_warning_level": "int", "sort_order": "int",
    "availability": "str", "condition": "str", "inventory_tracking": "str",
    "option_set_id": "int_or_null", "tax_class_id": "int", "custom_url": "str",
    "order_quantity_minimum": "int", "order_quantity_maximum": "int",
}

PRODUCTS = Resource(
    name="products",
    path="products",
    ops=_ops("L G C U D N"),  # DA sunset (SUN)
    fields=PRODUCT_FIELDS,
    required=("name", "type", "price", "categories", "availability", "weight"),
    types=PRODUCT_TYPES,
    enums={
        "type": ("physical", "digital"),
        "availability": ("available", "disabled", "preorder"),
        "condition": ("New", "Used", "Refurbished"),
        "inventory_tracking": ("none", "simple", "sku"),
    },
    read_only=frozenset({
        "keyword_filter", "calculated_price", "rating_total", "rating_count", "total_sold",
        "date_created", "date_last_imported", "primary_image", "view_count",
    }),
    dates=("date_created", "date_modified"),
    created="date_created",
    modified="date_modified",
    filters=_merge(
        _ids(), _eq("name"), {"keyword_filter": Filter("name", "keyword", "str")},
        {"description": Filter("description", "like", "str")}, _eq("sku"),
        _eq("condition"), _eq("availability"), _eq("brand_id", "int"),
        _dates("date_created", "date_modified"),
        _range("date_last_imported", "date"), _range("price", "decimal"),
        _range("number_sold", "int", "total_sold"), _eq("is_visible", "bool"),
        _eq("is_featured", "bool"), _range("inventory_level", "int"),
        {"category": Filter("categories", "has", "int")},
        {"product_tax_code": Filter("avalara_product_tax_code", "eq", "str")},
    ),
    counts=COLLECTION_COUNT,
    links=(
        Link("brand", "brands/{brand_id}", "brand_id"),
        Link("images", "products/{id}/images"),
        Link("discount_rules", "products/{id}/discountrules"),
        Link("configurable_fields", "products/{id}/configurablefields"),
        Link("custom_fields", "products/{id}/customfields"),
        Link("videos", "products/{id}/videos"),
        Link("skus", "products/{id}/skus"),
        Link("rules", "products/{id}/rules"),
        Link("option_set", "optionsets/{option_set_id}", "option_set_id"),
        Link("options", "products/{id}/options"),
        Link("tax_class", "taxclasses/{tax_class_id}"),
    ),
)


def _product_sub(name: str, sub: str, fields: dict[str, Any], **kw: Any) -> Resource:
    kw.setdefault("ops", SUB_OPS)
    kw.setdefault("counts", PER_PARENT_AND_STORE)
    return Resource(
        name=name, path=f"products/{{pid}}/{sub}", fields=fields, parent="products",
        parent_key="product_id", **kw,
    )


PRODUCT_IMAGES = _product_sub(
    "product_images", "images",
    {
        "id": None, "product_id": None, "image_file": "", "zoom_url": "", "thumbnail_url": "",
        "standard_url": "", "tiny_url": "", "is_thumbnail": False, "sort_order": 0,
        "description": "", "date_created": None,
    },
    required=("image_file",),
    types={"image_file": "str", "is_thumbnail": "bool", "sort_order": "int", "description": "str"},
    read_only=frozenset({"zoom_url", "thumbnail_url", "standard_url", "tiny_url", "date_created"}),
    dates=("date_created",),
    created="date_created",
)

PRODUCT_SKUS = _product_sub(
    "product_skus", "skus",
    {
        "id": None, "product_id": None, "sku": "", "price": None, "adjusted_price": ZERO,
        "cost_price": ZERO, "upc": "", "inventory_level": 0, "inventory_warning_level": 0,
        "bin_picking_number": "", "weight": None, "adjusted_weight": ZERO,
        "is_purchasing_disabled": False, "purchasing_disabled_message": "", "image_file": "",
        "options": [],
    },
    required=("sku", "options"),
    types={
        "sku": "str", "price": "decimal_or_null", "cost_price": "decimal", "upc": "str",
        "inventory_level": "int", "inventory_warning_level": "int", "weight": "decimal_or_null",
        "bin_picking_number": "str", "is_purchasing_disabled": "bool", "options": "list",
    },
    read_only=frozenset({"adjusted_price", "adjusted_weight"}),
    filters=_merge(
        _ids(), _eq("sku"), _eq("upc"), _eq("inventory_level", "int"),
        _eq("inventory_warning_level", "int"), _eq("bin_picking_number"),
        _range("inventory_level", "int"),
        {"is_low_inventory": Filter("inventory_level", "low", "bool")},
    ),
)

PRODUCT_RULES = _product_sub(
    "product_rules", "rules",
    {
        "id": None, "product_id": None, "sort_order": 0, "is_enabled": True, "is_stop": False,
        "price_adjuster": None, "weight_adjuster": None, "is_purchasing_disabled": False,
        "purchasing_disabled_message": "", "is_purchasing_hidden": False, "image_file": "",
        "conditions": [],
    },
    required=("conditions",),
    types={
        "sort_order": "int", "is_enabled": "bool", "is_stop": "bool", "conditions": "list",
        "is_purchasing_disabled": "bool", "is_purchasing_hidden": "bool",
    },
)

PRODUCT_VIDEOS = _product_sub(
    "product_videos", "videos",
    {"id": None, "product_id": None, "sort_order": 0, "name": ""},
    required=("url",),
    types={"url": "str", "name": "str", "sort_order": "int"},
    writable_extra=frozenset({"url"}),
    id_kind="str",
)

PRODUCT_CUSTOM_FIELDS = _product_sub(
    "product_custom_fields", "custom_fields",
    {"id": None, "product_id": None, "name": "", "text": ""},
    required=("name", "text"),
    types={"name": "str", "text": "str"},
)

PRODUCT_DISCOUNT_RULES = _product_sub(
    "product_discount_rules", "discount_rules",
    {"id": None, "product_id": None, "min": 0, "max": 0, "type": "price", "type_value": 0},
    required=("type", "type_value"),
    types={"min": "int", "max": "int", "type": "str", "type_value": "number"},
    enums={"type": ("price", "percent", "fixed")},
    id_kind="int_str",  # L23 prints "id": "1"
)

PRODUCT_CONFIGURABLE_FIELDS = _product_sub(
    "product_configurable_fields", "configurable_fields",
    {
        "id": None, "product_id": None, "name": "", "type": "T", "allowed_file_types": "",
        "max_size": 0, "select_options": "", "is_required": False, "sort_order": 0,
    },
    ops=_ops("L G D DA N"),
)

PRODUCT_REVIEWS = _product_sub(
    "product_reviews", "reviews",
    {
        "id": None, "product_id": None, "author": "", "date_created": None, "title": "",
        "review": "", "rating": 0, "status": 0,
    },
    ops=_ops("L G C U D DA"),
    counts=frozenset(),
    required=("author", "title", "review", "rating"),
    types={
        "author": "str", "title": "str", "review": "str", "rating": "int", "status": "int",
        "date_created": "date",
    },
    enums={"rating": (1, 2, 3, 4, 5), "status": (0, 1, 2)},
    dates=("date_created",),
    created="date_created",
)

PRODUCT_OPTIONS = _product_sub(
    "product_options", "options",
    {"id": None, "option_id": 0, "display_name": "", "sort_order": 0, "is_required": False},
    ops=_ops("L G"),
    counts=frozenset(),
    hidden=frozenset({"product_id"}),
)

PRODUCT_GOOGLE_MAPPINGS = _product_sub(
    "product_google_mappings", "googleproductsearch",
    {
        "enabled": True, "product_id": None, "category_id": 0, "custom_item": False,
        "global_trade_item_number": "", "manufacturer_part_number": "", "gender": "",
        "age_group": "", "color": "", "size": "", "material": "", "pattern": "",
        "google_shopping_product_category_path": "",
    },
    ops=_ops("L"),
    counts=frozenset(),
    hidden=frozenset({"id"}),
)

BRANDS = Resource(
    name="brands",
    path="brands",
    ops=ALL_OPS,
    fields={
        "id": None, "name": "", "page_title": "", "meta_keywords": "", "meta_description": "",
        "image_file": "", "search_keywords": "",
    },
    required=("name",),
    types={"name": "str", "page_title": "str", "image_file": "str", "search_keywords": "str"},
    filters=_merge(_eq("name"), _ids()),
    counts=COLLECTION_COUNT,
)

CATEGORIES = Resource(
    name="categories",
    path="categories",
    ops=ALL_OPS,
    fields={
        "id": None, "parent_id": 0, "name": "", "description": "", "sort_order": 0,
        "page_title": "", "meta_keywords": "", "meta_description": "",
        "layout_file": "category.html", "parent_category_list": [], "image_file": "",
        "is_visible": True, "search_keywords": "", "url": "",
    },
    required=("name",),
    types={
        "parent_id": "int", "name": "str", "description": "str", "sort_order": "int",
        "is_visible": "bool", "url": "str",
    },
    read_only=frozenset({"parent_category_list"}),
    filters=_merge(_eq("parent_id", "int"), _eq("name"), _eq("is_visible", "bool"), _ids()),
    counts=COLLECTION_COUNT,
)

OPTION_TYPES = ("C", "D", "F", "MT", "RB", "RT", "S", "P", "CS", "T", "N")

OPTIONS = Resource(
    name="options",
    path="options",
    ops=ALL_OPS,
    fields={"id": None, "name": "", "display_name": "", "type": "", "values": None},
    required=("name", "type"),
    types={"name": "str", "display_name": "str", "type": "str"},
    enums={"type": OPTION_TYPES},
    filters=_merge(_eq("name"), _eq("display_name"), _eq("type"), _ids()),
    counts=COLLECTION_COUNT,
    links=(Link("values", "options/{id}/values"),),
)

OPTION_VALUES = Resource(
    name="option_values",
    path="options/{pid}/values",
    ops=_ops("L G C U D DA"),
    fields={
        "id": None, "option_id": None, "label": "", "sort_order": 0, "value": "",
        "is_default": False,
    },
    required=("label", "value"),
    types={"label": "str", "value": "str", "sort_order": "int", "is_default": "bool"},
    parent="options",
    parent_key="option_id",
)

OPTION_SETS = Resource(
    name="option_sets",
    path="option_sets",
    ops=_ops("L G C U D N"),  # DA sunset (SUN)
    fields={"id": None, "name": "", "options": None},
    required=("name",),
    types={"name": "str"},
    filters=_merge(_eq("name"), _ids()),
    counts=COLLECTION_COUNT,
    links=(Link("options", "optionsets/{id}/options"),),
)

OPTION_SET_OPTIONS = Resource(
    name="option_set_options",
    path="option_sets/{pid}/options",
    ops=_ops("L G C U D DA"),
    fields={
        "id": None, "option_id": 0, "option_set_id": None, "display_name": "",
        "sort_order": 0, "is_required": False, "option": None, "values": [],
    },
    required=("option_id",),
    types={"option_id": "int", "display_name": "str", "sort_order": "int", "is_required": "bool"},
    read_only=frozenset({"values"}),
    parent="option_sets",
    parent_key="option_set_id",
    links=(Link("option", "options/{option_id}"),),
)

# ---------------------------------------------------------------- orders (S21)

ADDRESS_FIELDS: dict[str, Any] = {
    "first_name": "", "last_name": "", "company": "", "street_1": "", "street_2": "",
    "city": "", "state": "", "zip": "", "country": "", "country_iso2": "", "phone": "",
    "email": "",
}

ORDER_MONEY = (
    "subtotal_ex_tax", "subtotal_inc_tax", "subtotal_tax", "base_shipping_cost",
    "shipping_cost_ex_tax", "shipping_cost_inc_tax", "shipping_cost_tax",
    "base_handling_cost", "handling_cost_ex_tax", "handling_cost_inc_tax",
    "handling_cost_tax", "base_wrapping_cost", "wrapping_cost_ex_tax",
    "wrapping_cost_inc_tax", "wrapping_cost_tax", "total_ex_tax", "total_inc_tax",
    "total_tax", "refunded_amount", "store_credit_amount", "gift_certificate_amount",
    "discount_amount", "coupon_discount",
)

ORDER_FIELDS: dict[str, Any] = {
    "id": None, "customer_id": 0, "date_created": None, "date_modified": None,
    "date_shipped": "", "status_id": 1, "status": "Pending",
    "subtotal_ex_tax": ZERO, "subtotal_inc_tax": ZERO, "subtotal_tax": ZERO,
    "base_shipping_cost": ZERO, "shipping_cost_ex_tax": ZERO, "shipping_cost_inc_tax": ZERO,
    "shipping_cost_tax": ZERO, "shipping_cost_tax_class_id": 2, "base_handling_cost": ZERO,
    "handling_cost_ex_tax": ZERO, "handling_cost_inc_tax": ZERO, "handling_cost_tax": ZERO,
    "handling_cost_tax_class_id": 2, "base_wrapping_cost": ZERO, "wrapping_cost_ex_tax": ZERO,
    "wrapping_cost_inc_tax": ZERO, "wrapping_cost_tax": ZERO, "wrapping_cost_tax_class_id": 3,
    "total_ex_tax": ZERO, "total_inc_tax": ZERO, "total_tax": ZERO, "items_total": 0,
    "items_shipped": 0, "payment_method": "Manual", "payment_provider_id": None,
    "payment_status": "", "refunded_amount": ZERO, "order_is_digital": False,
    "store_credit_amount": ZERO, "gift_certificate_amount": ZERO, "ip_address": "",
    "geoip_country": "", "geoip_country_iso2": "", "currency_id": 1, "currency_code": "USD",
    "currency_exchange_rate": "1.0000000000", "default_currency_id": 1,
    "default_currency_code": "USD", "staff_notes": "", "customer_message": "",
    "discount_amount": ZERO, "coupon_discount": ZERO, "shipping_address_count": 0,
    "is_deleted": False, "ebay_order_id": "0", "cart_id": "", "billing_address": {},
    "is_email_opt_in": False, "credit_card_type": None, "order_source": "external",
    "channel_id": 1, "external_source": None, "products": None, "shipping_addresses": None,
    "coupons": None, "external_id": None, "external_merchant_id": None,
    "tax_provider_id": "BasicTaxProvider", "store_default_currency_code": "USD",
    "store_default_to_transactional_exchange_rate": "1.0000000000",
    "custom_status": "Pending", "customer_locale": "en",
}

ORDER_SORT_FIELDS = (
    "id", "customer_id", "date_created", "date_modified", "status_id", "channel_id",
    "external_id",
)

ORDERS = Resource(
    name="orders",
    path="orders",
    ops=ALL_OPS,
    fields=ORDER_FIELDS,
    required=("products", "billing_address"),
    types={
        "customer_id": "int", "status_id": "int", "billing_address": "dict",
        "products": "list", "shipping_addresses": "list", "date_created": "date",
        "payment_method": "str", "staff_notes": "str", "customer_message": "str",
        "channel_id": "int", "base_shipping_cost": "decimal", "shipping_cost_ex_tax": "decimal",
        "shipping_cost_inc_tax": "decimal", "discount_amount": "decimal",
        "external_id": "str_or_null", "external_source": "str_or_null", "fees": "list",
        "is_deleted": "bool",
    },
    read_only=frozenset({
        "status", "custom_status", "date_shipped", "cart_id", "subtotal_tax",
        "shipping_cost_tax", "handling_cost_tax", "wrapping_cost_tax", "total_tax",
        "items_total", "items_shipped", "payment_status", "store_credit_amount",
        "gift_certificate_amount", "shipping_address_count", "coupon_discount",
    }),
    writable_extra=frozenset({"fees", "products", "shipping_addresses"}),
    dates=("date_created", "date_modified"),
    created="date_created",
    modified="date_modified",
    filters=_merge(
        _ids(), _range("total", "decimal", "total_inc_tax"), _eq("customer_id", "int"),
        {"email": Filter("billing_address.email", "eq", "str")}, _eq("status_id", "int"),
        _eq("cart_id"), _eq("payment_method"),
        _dates("date_created", "date_modified"), _eq("channel_id", "int"),
        {"external_order_id": Filter("external_id", "eq", "str")},
        _eq("is_deleted", "bool"),
    ),
    counts=COLLECTION_COUNT,
    links=(
        Link("products", "orders/{id}/products"),
        Link("shipping_addresses", "orders/{id}/shippingaddresses"),
        Link("coupons", "orders/{id}/coupons"),
    ),
    hidden=frozenset({"fees"}),
)

ORDER_PRODUCT_FIELDS: dict[str, Any] = {
    "id": None, "order_id": None, "product_id": 0, "variant_id": 0, "order_address_id": 0,
    "name": "", "name_customer": "", "name_merchant": "", "sku": "", "upc": "",
    "type": "physical", "base_price": ZERO, "price_ex_tax": ZERO, "price_inc_tax": ZERO,
    "price_tax": ZERO, "base_total": ZERO, "total_ex_tax": ZERO, "total_inc_tax": ZERO,
    "total_tax": ZERO, "weight": ZERO, "width": ZERO, "height": ZERO, "depth": ZERO,
    "quantity": 1, "base_cost_price": ZERO, "cost_price_inc_tax": ZERO,
    "cost_price_ex_tax": ZERO, "cost_price_tax": ZERO, "is_refunded": False,
    "quantity_refunded": 0, "refund_amount": ZERO, "return_id": 0, "wrapping_name": "",
    "base_wrapping_cost": ZERO, "wrapping_cost_ex_tax": ZERO, "wrapping_cost_inc_tax": ZERO,
    "wrapping_cost_tax": ZERO, "wrapping_message": "", "quantity_shipped": 0,
    "event_name": None, "event_date": "", "fixed_shipping_cost": ZERO, "ebay_item_id": "",
    "ebay_transaction_id": "", "option_set_id": None, "parent_order_product_id": None,
    "is_bundled_product": False, "bin_picking_number": "", "external_id": None,
    "fulfillment_source": "", "applied_discounts": [], "product_options": [],
    "configurable_fields": [],
}


def _order_sub(name: str, sub: str, fields: dict[str, Any], ops: str, **kw: Any) -> Resource:
    return Resource(
        name=name, path=f"orders/{{pid}}/{sub}", ops=_ops(ops), fields=fields,
        parent="orders", parent_key="order_id", **kw,
    )


ORDER_PRODUCTS = _order_sub(
    "order_products", "products", ORDER_PRODUCT_FIELDS, "L G N",
    counts=PER_PARENT_AND_STORE,
)

ORDER_SHIPMENTS = _order_sub(
    "order_shipments", "shipments",
    {
        "id": None, "order_id": None, "customer_id": 0, "order_address_id": 0,
        "date_created": None, "tracking_number": "", "merchant_shipping_cost": ZERO,
        "shipping_method": "None", "comments": "", "shipping_provider": "",
        "tracking_carrier": "", "tracking_link": "", "billing_address": {},
        "shipping_address": {}, "items": [],
    },
    "L G C U D DA N",
    required=("order_address_id", "items"),
    types={
        "order_address_id": "int", "items": "list", "tracking_number": "str",
        "shipping_method": "str", "shipping_provider": "str", "tracking_carrier": "str",
        "comments": "str", "merchant_shipping_cost": "decimal",
    },
    read_only=frozenset({"customer_id", "billing_address", "shipping_address", "date_created"}),
    dates=("date_created",),
    created="date_created",
    counts=PER_PARENT_AND_STORE,
)

ORDER_SHIPPING_ADDRESSES = _order_sub(
    "order_shipping_addresses", "shipping_addresses",
    {
        "id": None, "order_id": None, **ADDRESS_FIELDS, "items_total": 0, "items_shipped": 0,
        "shipping_method": "None", "base_cost": ZERO, "cost_ex_tax": ZERO, "cost_inc_tax": ZERO,
        "cost_tax": ZERO, "cost_tax_class_id": 2, "base_handling_cost": ZERO,
        "handling_cost_ex_tax": ZERO, "handling_cost_inc_tax": ZERO, "handling_cost_tax": ZERO,
        "handling_cost_tax_class_id": 2, "shipping_zone_id": 1,
        "shipping_zone_name": "United States", "shipping_quotes": None, "form_fields": [],
    },
    "L G U N",
    types={key: "str" for key in ADDRESS_FIELDS},
    read_only=frozenset({
        "items_total", "items_shipped", "base_cost", "cost_ex_tax", "cost_inc_tax", "cost_tax",
        "shipping_zone_id", "shipping_zone_name",
    }),
    counts=PER_PARENT_AND_STORE,
    links=(Link("shipping_quotes", "orders/{order_id}/shippingaddresses/{id}/shippingquotes"),),
)

ORDER_COUPONS = _order_sub(
    "order_coupons", "coupons",
    {
        "id": None, "coupon_id": 0, "order_id": None, "code": "", "amount": ZERO, "type": 0,
        "discount": ZERO,
    },
    "L G",
)

ORDER_MESSAGES = _order_sub(
    "order_messages", "messages",
    {
        "id": None, "order_id": None, "staff_id": 0, "customer_id": 0, "type": "customer",
        "subject": "", "message": "", "status": "unread", "is_flagged": False,
        "date_created": None, "customer": {},
    },
    "L G",
    dates=("date_created",),
    created="date_created",
    filters=_merge(
        _ids(), _eq("customer_id", "int"), _dates("date_created"), _eq("is_flagged", "bool"),
        _eq("status"),
    ),
)

ORDER_TAXES = _order_sub(
    "order_taxes", "taxes",
    {
        "id": None, "order_id": None, "order_address_id": 0, "tax_rate_id": 0,
        "tax_class_id": 0, "name": "Tax", "class": "Default Tax Class", "rate": ZERO,
        "priority": 0, "priority_amount": ZERO, "line_amount": ZERO,
    },
    "L G",
)

ORDER_STATUSES = Resource(
    name="order_statuses",
    path="order_statuses",
    ops=_ops("L G"),
    fields={
        "id": None, "name": "", "system_label": "", "custom_label": "",
        "system_description": "", "order": 0,
    },
    paginated=False,
)

# ---------------------------------------------------------------- customers (S21)

CUSTOMERS = Resource(
    name="customers",
    path="customers",
    ops=_ops("L G C U D N"),  # DA sunset (SUN)
    fields={
        "id": None, "company": "", "first_name": "", "last_name": "", "email": "",
        "phone": "", "form_fields": [], "date_created": None, "date_modified": None,
        "store_credit": ZERO, "registration_ip_address": "", "customer_group_id": 0,
        "notes": "", "tax_exempt_category": "", "reset_pass_on_login": False,
        "accepts_marketing": False, "addresses": None,
    },
    required=("first_name", "last_name", "email"),
    types={
        "company": "str", "first_name": "str", "last_name": "str", "email": "str",
        "phone": "str", "store_credit": "decimal", "customer_group_id": "int", "notes": "str",
        "registration_ip_address": "str", "tax_exempt_category": "str",
        "reset_pass_on_login": "bool", "accepts_marketing": "bool", "form_fields": "list",
        "_authentication": "dict",
    },
    writable_extra=frozenset({"_authentication"}),
    dates=("date_created", "date_modified"),
    created="date_created",
    modified="date_modified",
    filters=_merge(
        _eq("first_name"), _eq("last_name"), _eq("company"), _eq("email"), _eq("phone"),
        _eq("store_credit", "decimal"), _eq("customer_group_id", "int"), _ids(),
        _dates("date_created", "date_modified"), _eq("tax_exempt_category"),
    ),
    counts=COLLECTION_COUNT,
    links=(Link("addresses", "customers/{id}/addresses"),),
    hidden=frozenset({"_password"}),
)

CUSTOMER_ADDRESSES = Resource(
    name="customer_addresses",
    path="customers/{pid}/addresses",
    ops=ALL_OPS,
    fields={
        "id": None, "customer_id": None, "first_name": "", "last_name": "", "company": "",
        "street_1": "", "street_2": "", "city": "", "state": "", "zip": "", "country": "",
        "country_iso2": "", "phone": "", "address_type": "residential", "form_fields": [],
    },
    required=("first_name", "last_name", "street_1", "city", "state", "zip", "country", "phone"),
    types={
        "first_name": "str", "last_name": "str", "company": "str", "street_1": "str",
        "street_2": "str", "city": "str", "state": "str", "zip": "str", "country": "str",
        "country_iso2": "str", "phone": "str", "address_type": "str", "form_fields": "list",
    },
    enums={"address_type": ("residential", "commercial")},
    parent="customers",
    parent_key="customer_id",
    counts=PER_PARENT_AND_STORE,
)

CUSTOMER_GROUPS = Resource(
    name="customer_groups",
    path="customer_groups",
    ops=_ops("L G C U D N"),  # DA sunset (SUN)
    fields={
        "id": None, "name": "", "is_default": False, "category_access": {"type": "all"},
        "discount_rules": [], "is_group_for_guests": False,
    },
    required=("name",),
    types={
        "name": "str", "is_default": "bool", "category_access": "dict",
        "discount_rules": "list", "is_group_for_guests": "bool",
    },
    filters=_merge(_eq("name"), _eq("is_default", "bool"), _eq("is_group_for_guests", "bool"), _ids()),
    counts=COLLECTION_COUNT,
)

# ---------------------------------------------------------------- marketing (S21)

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
    filters=_merge(
        {"id": Filter("id", "eq", "int")}, _eq("code"), _eq("name"), _eq("type"), _ids(),
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
    filters=_ids(),
    counts=COLLECTION_COUNT,
)

GIFT_CERTIFICATES = Resource(
    name="gift_certificates",
    path="gift_certificates",
    ops=_ops("L G C U D DA"),
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
    filters=_merge(
        _ids(), _eq("code"), _eq("order_id", "int"), _eq("to_name"), _eq("to_email"),
        _eq("from_name"), _eq("from_email"),
    ),
)

# ---------------------------------------------------------------- store content (S21)

BLOG_POSTS = Resource(
    name="blog_posts",
    path="blog/posts",
    ops=ALL_OPS,
    fields={
        "id": None, "title": "", "url": "", "preview_url": "", "body": "", "tags": [],
        "summary": "", "is_published": False, "published_date": None,
        "published_date_iso8601": "", "meta_description": "", "meta_keywords": "",
        "author": "", "thumbnail_path": "",
    },
    required=("title", "body"),
    types={
        "title": "str", "url": "str", "body": "str", "tags": "list", "is_published": "bool",
        "published_date": "date", "meta_description": "str", "meta_keywords": "str",
        "author": "str", "thumbnail_path": "str",
    },
    read_only=frozenset({"preview_url", "summary", "published_date_iso8601"}),
    filters=_merge(
        _eq("is_published", "bool"), _eq("url"), {"tag": Filter("tags", "has", "str")},
        {"published_date": Filter("published_date", "day", "date")},
    ),
    counts=COLLECTION_COUNT,
    order="-published_date",
)

PAGE_TYPES = ("page", "raw", "contact_form", "feed", "link", "blog")

PAGES = Resource(
    name="pages",
    path="pages",
    ops=_ops("L G C U D"),
    fields={
        "id": None, "parent_id": 0, "type": "page", "contact_fields": "", "email": "",
        "name": "", "url": "", "meta_description": "", "body": "", "mobile_body": "",
        "has_mobile_version": False, "is_visible": True, "is_homepage": False,
        "layout_file": "page.html", "sort_order": 0, "meta_title": "", "search_keywords": "",
        "meta_keywords": "", "feed": "", "link": "", "content_type": "text/html",
        "is_customers_only": False,
    },
    required=("name", "type"),
    types={
        "parent_id": "int", "type": "str", "name": "str", "url": "str", "body": "str",
        "is_visible": "bool", "is_homepage": "bool", "sort_order": "int", "feed": "str",
        "link": "str",
    },
    enums={"type": PAGE_TYPES},
)

REDIRECTS = Resource(
    name="redirects",
    path="redirects",
    ops=ALL_OPS,
    fields={"id": None, "path": "", "forward": {}, "url": ""},
    required=("path", "forward"),
    types={"path": "str", "forward": "dict"},
    read_only=frozenset({"url"}),
    counts=COLLECTION_COUNT,
)

# ---------------------------------------------------------------- geography, money, shipping

COUNTRIES = Resource(
    name="countries",
    path="countries",
    ops=_ops("L G N"),
    fields={"id": None, "country": "", "country_iso2": "", "country_iso3": "", "states": None},
    filters=_merge(_eq("country"), _eq("country_iso2"), _eq("country_iso3")),
    counts=COLLECTION_COUNT,
    links=(Link("states", "countries/{id}/states"),),
)

COUNTRY_STATES = Resource(
    name="country_states",
    path="countries/{pid}/states",
    ops=_ops("L G N"),
    fields={"id": None, "state": "", "state_abbreviation": "", "country_id": None},
    filters=_merge(_eq("state"), _eq("state_abbreviation")),
    counts=PER_PARENT_AND_STORE,
    parent="countries",
    parent_key="country_id",
    store_list=True,
)

CURRENCIES = Resource(
    name="currencies",
    path="currencies",
    ops=_ops("L G C U D DA"),
    fields={
        "id": None, "is_default": False, "last_updated": None, "country_iso2": "",
        "currency_code": "", "currency_exchange_rate": "1.0000000000", "auto_update": False,
        "token_location": "left", "token": "$", "decimal_token": ".", "thousands_token": ",",
        "decimal_places": 2, "name": "", "enabled": True, "is_transactional": False,
    },
    required=(
        "currency_code", "currency_exchange_rate", "token_location", "token", "decimal_token",
        "thousands_token", "decimal_places", "name",
    ),
    types={
        "is_default": "bool", "country_iso2": "str", "currency_code": "str",
        "currency_exchange_rate": "rate", "auto_update": "bool", "token_location": "str",
        "token": "str", "decimal_token": "str", "thousands_token": "str",
        "decimal_places": "int", "name": "str", "enabled": "bool", "is_transactional": "bool",
    },
    enums={"token_location": ("left", "right")},
    dates=("last_updated",),
    created="last_updated",
    modified="last_updated",
)

TAX_CLASSES = Resource(
    name="tax_classes",
    path="tax_classes",
    ops=_ops("L G"),
    fields={"id": None, "name": "", "created_at": None, "updated_at": None},
    dates=("created_at", "updated_at"),
)

PAYMENT_METHODS = Resource(
    name="payment_methods",
    path="payments/methods",
    ops=_ops("L"),
    fields={"code": "", "name": "", "test_mode": False},
    hidden=frozenset({"id"}),
    order="name",
)

SHIPPING_METHODS = Resource(
    name="shipping_methods",
    path="shipping/methods",
    ops=_ops("L G"),
    fields={"id": None, "name": "", "method_name": ""},
    filters=_merge({"id": Filter("id", "eq", "int")}, _ids()),
)

SHIPPING_ZONES = Resource(
    name="shipping_zones",
    path="shipping/zones",
    ops=_ops("L G C U D"),
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
    ops=_ops("L G C U D"),
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

HOOKS = Resource(
    name="hooks",
    path="hooks",
    ops=_ops("L G C U D"),
    fields={
        "id": None, "client_id": "", "store_hash": "", "scope": "", "destination": "",
        "headers": {}, "is_active": False, "created_at": 0, "updated_at": 0,
    },
    required=("scope", "destination"),
    types={"scope": "str", "destination": "str", "headers": "dict_or_null", "is_active": "bool"},
    read_only=frozenset({"client_id", "store_hash", "created_at", "updated_at"}),
)

RESOURCES: tuple[Resource, ...] = (
    PRODUCTS, PRODUCT_IMAGES, PRODUCT_SKUS, PRODUCT_RULES, PRODUCT_VIDEOS,
    PRODUCT_CUSTOM_FIELDS, PRODUCT_DISCOUNT_RULES, PRODUCT_CONFIGURABLE_FIELDS,
    PRODUCT_REVIEWS, PRODUCT_OPTIONS, PRODUCT_GOOGLE_MAPPINGS, BRANDS, CATEGORIES, OPTIONS,
    OPTION_VALUES, OPTION_SETS, OPTION_SET_OPTIONS, ORDERS, ORDER_PRODUCTS, ORDER_SHIPMENTS,
    ORDER_SHIPPING_ADDRESSES, ORDER_COUPONS, ORDER_MESSAGES, ORDER_TAXES, ORDER_STATUSES,
    CUSTOMERS, CUSTOMER_ADDRESSES, CUSTOMER_GROUPS, COUPONS, BANNERS, GIFT_CERTIFICATES,
    BLOG_POSTS, PAGES, REDIRECTS, COUNTRIES, COUNTRY_STATES, CURRENCIES, TAX_CLASSES,
    PAYMENT_METHODS, SHIPPING_METHODS, SHIPPING_ZONES, SHIPPING_ZONE_METHODS, HOOKS,
)

BY_NAME: Mapping[str, Resource] = {res.name: res for res in RESOURCES}

CHILDREN: Mapping[str, tuple[str, ...]] = {
    res.name: tuple(child.name for child in RESOURCES if child.parent == res.name)
    for res in RESOURCES
}

# Paths served outside the table's CRUD pattern: (method, path pattern) -> handler name.
# "{pid}"/"{id}" are integer ids. Everything else on these paths is 405.
SPECIAL_ROUTES: tuple[tuple[str, str, str], ...] = (
    ("GET", "store", "store_info"),
    ("GET", "time", "time"),
    ("GET", "blog/tags", "blog_tags"),
    ("POST", "customers/{pid}/validate", "validate_password"),
    ("GET", "orders/{pid}/shipping_addresses/{id}/shipping_quotes", "shipping_quotes"),
    ("GET", "orders/{pid}/consignments", "consignments"),
    ("GET", "orders/{pid}/consignments/shipping/{id}/shipping_quotes", "consignment_quotes"),
    ("GET", "orders/{pid}/fees", "fees"),
    ("POST", "shipping/carrier/connection", "carrier_connection"),
    ("PUT", "shipping/carrier/connection", "carrier_connection"),
    ("DELETE", "shipping/carrier/connection", "carrier_connection"),
)
