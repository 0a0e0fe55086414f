"""Orders, their line items, shipments, shipping addresses, coupons, messages and taxes,
and the fixed order statuses (S21 orders spec).
"""
from __future__ import annotations

from typing import Any

from bigcommerce.sandbox.catalog.schema import (
    ALL_OPS,
    COLLECTION_COUNT,
    PER_PARENT_AND_STORE,
    ZERO,
    Filter,
    Link,
    Resource,
    dates,
    eq,
    ids,
    merge,
    min_max,
    op_set,
)

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
    filters=merge(
        ids(), min_max("total", "decimal", "total_inc_tax"), eq("customer_id", "int"),
        {"email": Filter("billing_address.email", "eq", "str")}, eq("status_id", "int"),
        eq("cart_id"), eq("payment_method"),
        dates("date_created", "date_modified"), eq("channel_id", "int"),
        {"external_order_id": Filter("external_id", "eq", "str")},
        eq("is_deleted", "bool"),
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


def order_sub(name: str, sub: str, fields: dict[str, Any], ops: str, **kw: Any) -> Resource:
    """A subresource of orders at ``orders/{pid}/{sub}`` with the given operation codes."""
    return Resource(
        name=name, path=f"orders/{{pid}}/{sub}", ops=op_set(ops), fields=fields,
        parent="orders", parent_key="order_id", **kw,
    )


ORDER_PRODUCTS = order_sub(
    "order_products", "products", ORDER_PRODUCT_FIELDS, "L G N",
    counts=PER_PARENT_AND_STORE,
)

ORDER_SHIPMENTS = order_sub(
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

ORDER_SHIPPING_ADDRESSES = order_sub(
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
    types=dict.fromkeys(ADDRESS_FIELDS, "str"),
    read_only=frozenset({
        "items_total", "items_shipped", "base_cost", "cost_ex_tax", "cost_inc_tax", "cost_tax",
        "shipping_zone_id", "shipping_zone_name",
    }),
    counts=PER_PARENT_AND_STORE,
    links=(Link("shipping_quotes", "orders/{order_id}/shippingaddresses/{id}/shippingquotes"),),
)

ORDER_COUPONS = order_sub(
    "order_coupons", "coupons",
    {
        "id": None, "coupon_id": 0, "order_id": None, "code": "", "amount": ZERO, "type": 0,
        "discount": ZERO,
    },
    "L G",
)

ORDER_MESSAGES = order_sub(
    "order_messages", "messages",
    {
        "id": None, "order_id": None, "staff_id": 0, "customer_id": 0, "type": "customer",
        "subject": "", "message": "", "status": "unread", "is_flagged": False,
        "date_created": None, "customer": {},
    },
    "L G",
    dates=("date_created",),
    created="date_created",
    filters=merge(
        ids(), eq("customer_id", "int"), dates("date_created"), eq("is_flagged", "bool"),
        eq("status"),
    ),
)

ORDER_TAXES = order_sub(
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
    ops=op_set("L G"),
    fields={
        "id": None, "name": "", "system_label": "", "custom_label": "",
        "system_description": "", "order": 0,
    },
    paginated=False,
)
