"""Generated orders: placed by seeded customers (or guests) for seeded products, some shipped.

Orders are built the way ``POST /orders`` builds them (lines, shipping address, totals),
then given the extras a real store accumulates: a coupon, a shipment, a message.
"""
from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.catalog import BY_NAME
from bigcommerce.sandbox.seed.common import ORDER_SPACING_S, SEED_EPOCH_S, ensure
from bigcommerce.sandbox.seed.vocabulary import (
    CITIES,
    FIRST_NAMES,
    LAST_NAMES,
    ORDER_STATUS_WEIGHTS,
    PAYMENT_CHOICES,
    STREETS,
)
from bigcommerce.sandbox.state import State, Table
from bigcommerce.sandbox.v2.writes import create
from bigcommerce.sandbox.values import rfc2822


def seed_orders(store: State, rng: random.Random, count: int) -> None:
    """Add ``count`` orders; every twelfth uses the WELCOME10 coupon."""
    orders_res = BY_NAME["orders"]
    customer_ids = list(store.table("customers").ordered())
    product_table = store.table("products")
    product_ids = list(product_table.ordered())
    coupon = ensure(store, "coupons", {"code": "WELCOME10"}, {
        "name": "Welcome 10% off", "type": "percentage_discount", "amount": "10.0000",
        "applies_to": {"entity": "categories", "ids": [0]}, "date_created": SEED_EPOCH_S,
    })
    statuses = [status for status, weight in ORDER_STATUS_WEIGHTS for _ in range(weight)]
    table = store.table("orders")
    for _ in range(count):
        order_id = table.next_id
        created = SEED_EPOCH_S + 86400 * 30 + order_id * ORDER_SPACING_S
        customer_id = rng.choice(customer_ids) if customer_ids and rng.random() < 0.9 else 0
        billing = _billing_address(store, rng, customer_id)
        lines: list[dict[str, Any]] = []
        if product_ids:
            for product_id in rng.sample(product_ids, min(len(product_ids), 1 + rng.randrange(4))):
                lines.append({"product_id": product_id, "quantity": 1 + rng.randrange(3)})
        else:
            lines.append({"name": "Gift Card", "quantity": 1, "price_ex_tax": "25.00", "price_inc_tax": "25.00"})
        uses_coupon = order_id % 12 == 0
        subtotal = sum(_line_price(product_table, line) * line["quantity"] for line in lines)
        status_id = rng.choice(statuses)
        fields: dict[str, Any] = {
            "customer_id": customer_id, "status_id": status_id, "date_created": created,
            "date_modified": created + rng.randrange(3600, 7 * 86400), "billing_address": billing,
            "products": lines, "payment_method": rng.choice(PAYMENT_CHOICES),
            "payment_status": "captured" if status_id in (2, 3, 9, 10, 11) else "",
            "base_shipping_cost": "0.0000" if subtotal >= 100 else "12.0000",
            "shipping_cost_ex_tax": "0.0000" if subtotal >= 100 else "12.0000",
            "shipping_cost_inc_tax": "0.0000" if subtotal >= 100 else "12.0000",
            "cart_id": _uuid(rng), "order_source": "www", "ip_address": f"198.51.100.{order_id % 250 + 1}",
            "geoip_country": billing["country"], "geoip_country_iso2": billing["country_iso2"],
            "customer_message": "Please leave at the back door." if order_id % 9 == 0 else "",
        }
        if uses_coupon:
            fields["discount_amount"] = f"{subtotal * 0.10:.4f}"
        order = create(store, orders_res, None, fields, validate=False)
        if uses_coupon:
            store.add_row("order_coupons", {
                "order_id": order_id, "coupon_id": coupon["id"], "code": coupon["code"],
                "amount": "10.0000", "type": 1, "discount": fields["discount_amount"],
            })
            order["coupon_discount"] = fields["discount_amount"]
            coupon["num_uses"] = coupon.get("num_uses", 0) + 1
        if status_id in (2, 10):
            _ship_order(store, rng, order)
        if order_id % 15 == 0:
            store.add_row("order_messages", {
                "order_id": order_id, "customer_id": customer_id, "type": "customer",
                "subject": f"Question about order #{order_id}", "message": "Could you confirm the delivery date?",
                "status": "read" if status_id in (2, 10) else "unread", "date_created": created + 7200,
            })


def _line_price(products: Table, line: Mapping[str, Any]) -> float:
    product = products.rows.get(line.get("product_id"))
    if product is None:
        return float(line.get("price_ex_tax", 0))
    return float(product.get("calculated_price", 0))


def _billing_address(store: State, rng: random.Random, customer_id: int) -> dict[str, Any]:
    customer = store.table("customers").rows.get(customer_id)
    if customer is not None:
        address = next(iter(store.table("customer_addresses").children(customer_id).values()), None)
        if address is not None:
            fields = ("first_name", "last_name", "company", "street_1", "street_2", "city", "state",
                      "zip", "country", "country_iso2", "phone")
            return {**{key: address.get(key, "") for key in fields}, "email": customer.get("email", "")}
    city, state, zip_code, country, iso2 = rng.choice(CITIES)
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    return {
        "first_name": first, "last_name": last, "street_1": f"{rng.randrange(1, 9999)} {rng.choice(STREETS)}",
        "city": city, "state": state, "zip": zip_code, "country": country, "country_iso2": iso2,
        "email": f"{first}.{last}.guest@example.com".lower().replace("'", ""),
    }


def _uuid(rng: random.Random) -> str:
    digits = f"{rng.getrandbits(128):032x}"
    return f"{digits[:8]}-{digits[8:12]}-4{digits[13:16]}-a{digits[17:20]}-{digits[20:]}"


def _ship_order(store: State, rng: random.Random, order: dict[str, Any]) -> None:
    lines = list(store.table("order_products").children(order["id"]).values())
    address = next(iter(store.table("order_shipping_addresses").children(order["id"]).values()))
    shipped_at = order["date_created"] + 86400 * (1 + rng.randrange(4))
    billing = dict(order.get("billing_address") or {})
    billing.pop("form_fields", None)
    store.add_row("order_shipments", {
        "order_id": order["id"], "customer_id": order.get("customer_id", 0),
        "order_address_id": address["id"], "date_created": shipped_at,
        "tracking_number": f"9400{rng.randrange(10**17, 10**18)}", "shipping_method": "Flat Rate",
        "shipping_provider": "usps", "tracking_carrier": "usps", "billing_address": billing,
        "shipping_address": {key: address.get(key, "") for key in billing},
        "items": [{"order_product_id": line["id"], "product_id": line.get("product_id", 0),
                   "quantity": line["quantity"]} for line in lines],
    })
    for line in lines:
        line["quantity_shipped"] = line["quantity"]
    shipped = sum(line["quantity"] for line in lines)
    order["items_shipped"] = address["items_shipped"] = shipped
    order["date_shipped"] = rfc2822(shipped_at)
