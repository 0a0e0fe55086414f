"""Declarative table of every v2 resource the sandbox store serves, one module per family.

One ``Resource`` per v2 resource or subresource: where it lives, which operations the
BigCommerce documentation lists for it, what a new object must carry, what every field
defaults to (in the order the API prints them), which filters it honours and where its
count paths are. The state, the v2 view and the seeds interpret the table; nothing here
runs logic. ``schema`` holds the vocabulary; ``products``, ``categories``, ``options``,
``orders``, ``customers``, ``marketing``, ``content``, ``geography``, ``settings`` and
``shipping`` declare the families; this module lists them in table order.

Sources: the v2 OpenAPI files (2021) for orders, customers, marketing, content, geography,
currencies, tax classes, payments and shipping; the 2016 v2 docs (mhagstrand/slate
``_api_CRUD_*.md``) for the catalog, whose fields and required properties have no spec.
"""
from __future__ import annotations

from collections.abc import Mapping

from bigcommerce.sandbox.catalog.categories import BRANDS, CATEGORIES
from bigcommerce.sandbox.catalog.content import BLOG_POSTS, PAGE_TYPES, PAGES, REDIRECTS
from bigcommerce.sandbox.catalog.customers import CUSTOMER_ADDRESSES, CUSTOMER_GROUPS, CUSTOMERS
from bigcommerce.sandbox.catalog.geography import COUNTRIES, COUNTRY_STATES
from bigcommerce.sandbox.catalog.marketing import BANNERS, COUPON_TYPES, COUPONS, GIFT_CERTIFICATES
from bigcommerce.sandbox.catalog.options import OPTION_SET_OPTIONS, OPTION_SETS, OPTION_TYPES, OPTION_VALUES, OPTIONS
from bigcommerce.sandbox.catalog.orders import (
    ADDRESS_FIELDS,
    ORDER_COUPONS,
    ORDER_FIELDS,
    ORDER_MESSAGES,
    ORDER_MONEY,
    ORDER_PRODUCT_FIELDS,
    ORDER_PRODUCTS,
    ORDER_SHIPMENTS,
    ORDER_SHIPPING_ADDRESSES,
    ORDER_SORT_FIELDS,
    ORDER_STATUSES,
    ORDER_TAXES,
    ORDERS,
)
from bigcommerce.sandbox.catalog.products import (
    PRODUCT_CONFIGURABLE_FIELDS,
    PRODUCT_CUSTOM_FIELDS,
    PRODUCT_DISCOUNT_RULES,
    PRODUCT_FIELDS,
    PRODUCT_GOOGLE_MAPPINGS,
    PRODUCT_IMAGES,
    PRODUCT_OPTIONS,
    PRODUCT_REVIEWS,
    PRODUCT_RULES,
    PRODUCT_SKUS,
    PRODUCT_TYPES,
    PRODUCT_VIDEOS,
    PRODUCTS,
)
from bigcommerce.sandbox.catalog.schema import (
    ALL_OPS,
    COLLECTION_COUNT,
    COUNT,
    CREATE,
    DEFAULT_PAGE_LIMIT,
    DELETE,
    DELETE_ALL,
    GET,
    LIST,
    MAX_PAGE_LIMIT,
    PER_PARENT_AND_STORE,
    SUB_OPS,
    UPDATE,
    ZERO,
    Filter,
    Link,
    Resource,
)
from bigcommerce.sandbox.catalog.settings import CURRENCIES, HOOKS, PAYMENT_METHODS, TAX_CLASSES
from bigcommerce.sandbox.catalog.shipping import SHIPPING_METHODS, SHIPPING_ZONE_METHODS, SHIPPING_ZONES

# Parents come before their children: load() and the router rely on this order.
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

# Paths served outside the table's CRUD pattern: (method, path pattern) -> handler name
# (``v2.special.HANDLERS``). "{pid}"/"{id}" are integer ids. Everything else on these paths is 405.
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

__all__ = [
    "ADDRESS_FIELDS", "ALL_OPS", "BANNERS", "BLOG_POSTS", "BRANDS", "BY_NAME", "CATEGORIES", "CHILDREN",
    "COLLECTION_COUNT", "COUNT", "COUNTRIES", "COUNTRY_STATES", "COUPONS", "COUPON_TYPES", "CREATE", "CURRENCIES",
    "CUSTOMERS", "CUSTOMER_ADDRESSES", "CUSTOMER_GROUPS", "DEFAULT_PAGE_LIMIT", "DELETE", "DELETE_ALL", "GET",
    "GIFT_CERTIFICATES", "HOOKS", "LIST", "MAX_PAGE_LIMIT", "OPTIONS", "OPTION_SETS", "OPTION_SET_OPTIONS",
    "OPTION_TYPES", "OPTION_VALUES", "ORDERS", "ORDER_COUPONS", "ORDER_FIELDS", "ORDER_MESSAGES", "ORDER_MONEY",
    "ORDER_PRODUCTS", "ORDER_PRODUCT_FIELDS", "ORDER_SHIPMENTS", "ORDER_SHIPPING_ADDRESSES", "ORDER_SORT_FIELDS",
    "ORDER_STATUSES", "ORDER_TAXES", "PAGES", "PAGE_TYPES", "PATH_ALIASES", "PAYMENT_METHODS",
    "PER_PARENT_AND_STORE", "PRODUCTS", "PRODUCT_CONFIGURABLE_FIELDS", "PRODUCT_CUSTOM_FIELDS",
    "PRODUCT_DISCOUNT_RULES", "PRODUCT_FIELDS", "PRODUCT_GOOGLE_MAPPINGS", "PRODUCT_IMAGES", "PRODUCT_OPTIONS",
    "PRODUCT_REVIEWS", "PRODUCT_RULES", "PRODUCT_SKUS", "PRODUCT_TYPES", "PRODUCT_VIDEOS", "REDIRECTS",
    "RESOURCES", "SHIPPING_METHODS", "SHIPPING_ZONES", "SHIPPING_ZONE_METHODS", "SPECIAL_ROUTES", "SUB_OPS",
    "TAX_CLASSES", "UPDATE", "ZERO", "Filter", "Link", "Resource",
]
