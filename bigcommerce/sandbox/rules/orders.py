"""Write rules of orders: line items from catalog products, totals, statuses, shipments."""
from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from bigcommerce.sandbox.catalog import ADDRESS_FIELDS, PRODUCT_FIELDS, ZERO
from bigcommerce.sandbox.responses import invalid, required
from bigcommerce.sandbox.rules.customers import address
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.values import CENT, money, to_int, to_str


def order_line(state: State, item: object, index: int) -> dict[str, Any]:
    """One order product row built from a POSTed line (catalog or custom product)."""
    where = f"products[{index}]"
    if not isinstance(item, dict):
        raise invalid(where, f"The field '{where}' must be an object.")
    try:
        quantity = to_int(item.get("quantity", 1))
    except ValueError as exc:
        raise invalid(f"{where}.quantity", "The quantity must be a positive integer.") from exc
    if quantity < 1:
        raise invalid(f"{where}.quantity", "The quantity must be a positive integer.")
    line: dict[str, Any] = {"quantity": quantity}
    product_id = item.get("product_id")
    if product_id:
        product = state.table("products").rows.get(product_id) if isinstance(product_id, int) else None
        if product is None:
            raise invalid(f"{where}.product_id", f"The product {product_id!r} does not exist.")
        defaults = PRODUCT_FIELDS
        name = product.get("name", "")
        line.update(product_id=product_id, name=name, name_customer=name, name_merchant=name,
                    sku=product.get("sku", ""), type=product.get("type", "physical"),
                    weight=product.get("weight", defaults["weight"]),
                    option_set_id=product.get("option_set_id"),
                    upc=product.get("upc") or "")
        price = product.get("calculated_price", defaults["calculated_price"])
    else:
        for name in ("name", "price_inc_tax", "price_ex_tax"):
            if item.get(name) is None:
                raise required(f"{where}.{name}")
        line.update(name=to_str(item["name"]), name_customer=to_str(item["name"]),
                    name_merchant=to_str(item["name"]), sku=str(item.get("sku", "")),
                    upc=str(item.get("upc", "")))
        price = item["price_ex_tax"]
    try:
        ex_tax = Decimal(money(item.get("price_ex_tax", price)))
        inc_tax = Decimal(money(item.get("price_inc_tax", ex_tax)))
    except ValueError as exc:
        raise invalid(f"{where}.price_ex_tax", "The price must be a number.") from exc
    line.update(line_money(ex_tax, inc_tax, quantity))
    if isinstance(item.get("product_options"), list):
        line["product_options"] = item["product_options"]
    return line


def line_money(ex_tax: Decimal, inc_tax: Decimal, quantity: int) -> dict[str, Any]:
    """The price and total fields of a line of ``quantity`` items at these unit prices."""
    tax = inc_tax - ex_tax
    return {
        "base_price": str(ex_tax.quantize(CENT)), "price_ex_tax": str(ex_tax.quantize(CENT)),
        "price_inc_tax": str(inc_tax.quantize(CENT)), "price_tax": str(tax.quantize(CENT)),
        "base_total": str((ex_tax * quantity).quantize(CENT)),
        "total_ex_tax": str((ex_tax * quantity).quantize(CENT)),
        "total_inc_tax": str((inc_tax * quantity).quantize(CENT)),
        "total_tax": str((tax * quantity).quantize(CENT)),
    }


def order_status(state: State, status_id: int) -> dict[str, Any]:
    """The order status row; 400 on ``status_id`` when there is none."""
    status = state.table("order_statuses").rows.get(status_id)
    if status is None:
        raise invalid("status_id", f"{status_id} is not an order status id.")
    return status


def prepare_order(state: State, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    """Status names, a complete billing address, and the lines to build once the id is known."""
    if "status_id" in fields:
        status = order_status(state, fields["status_id"])
        fields["status"] = status.get("name", "")
        fields["custom_status"] = status.get("custom_label", "")
    if "billing_address" in fields:
        merged = {**((row or {}).get("billing_address") or {}), **fields["billing_address"]}
        billing = address(merged, state)
        billing["form_fields"] = list(merged.get("form_fields", []))
        fields["billing_address"] = billing
    if "is_deleted" in fields and row is not None:
        fields["is_deleted"] = bool(fields["is_deleted"])
    lines = fields.pop("products", None)
    addresses = fields.pop("shipping_addresses", None)
    if row is None:
        built = [order_line(state, item, i) for i, item in enumerate(lines or [])]
        if not built and lines is not None and isinstance(lines, list):
            raise invalid("products", "An order needs at least one product.")
        fields["_new_lines"] = built
        fields["_new_addresses"] = addresses if isinstance(addresses, list) else None
    elif isinstance(lines, list):
        fields["_line_changes"] = lines


def after_create_order(state: State, order: dict[str, Any], body: Mapping[str, Any]) -> None:
    """Store the order's shipping addresses and lines, then its totals."""
    lines = order.pop("_new_lines", [])
    given = order.pop("_new_addresses", None)
    sources = given if given else [order.get("billing_address") or {}]
    address_ids = []
    for source in sources:
        shipping = address(source if isinstance(source, dict) else {}, state)
        shipping["shipping_method"] = str((source or {}).get("shipping_method", "None"))
        shipping["order_id"] = order["id"]
        address_ids.append(state.add_row("order_shipping_addresses", shipping)["id"])
    for line in lines:
        line["order_id"] = order["id"]
        line["order_address_id"] = address_ids[0]
        state.add_row("order_products", line)
    order["shipping_address_count"] = len(address_ids)
    recompute_order(state, order, body)
    state.track_archive(order)


def after_update_order(state: State, order: dict[str, Any], changed: Mapping[str, Any]) -> None:
    """Apply line changes (new lines, new quantities, quantity 0 removes), then the totals."""
    changes = order.pop("_line_changes", None)
    state.track_archive(order)
    if changes is None:
        return
    table = state.table("order_products")
    current = table.children(order["id"])
    address_ids = list(state.table("order_shipping_addresses").children(order["id"]))
    for index, item in enumerate(changes):
        line_id = item.get("id") if isinstance(item, dict) else None
        if line_id is None:
            line = order_line(state, item, index)
            line["order_id"] = order["id"]
            line["order_address_id"] = address_ids[0] if address_ids else 0
            state.add_row("order_products", line)
            continue
        existing = current.get(line_id)
        if existing is None:
            raise invalid(f"products[{index}].id", f"The order product {line_id!r} does not exist.")
        quantity = to_int(item.get("quantity", existing.get("quantity", 1)))
        if quantity == 0:
            table.remove(line_id)
            continue
        ex_tax = Decimal(money(item.get("price_ex_tax", existing.get("price_ex_tax", ZERO))))
        inc_tax = Decimal(money(item.get("price_inc_tax", existing.get("price_inc_tax", ex_tax))))
        existing["quantity"] = quantity
        existing.update(line_money(ex_tax, inc_tax, quantity))
    recompute_order(state, order, {})


def recompute_order(state: State, order: dict[str, Any], given: Mapping[str, Any]) -> None:
    """Totals from the order's lines; shipping, handling, wrapping and discount as given."""
    lines = list(state.table("order_products").children(order["id"]).values())
    subtotal_ex = sum((Decimal(line.get("total_ex_tax", "0")) for line in lines), Decimal(0))
    subtotal_inc = sum((Decimal(line.get("total_inc_tax", "0")) for line in lines), Decimal(0))

    def amount(name: str, fallback: Decimal = Decimal(0)) -> Decimal:
        value = given.get(name, order.get(name))
        return Decimal(money(value)) if value is not None else fallback

    if "subtotal_ex_tax" in given and "subtotal_inc_tax" in given:
        subtotal_ex, subtotal_inc = amount("subtotal_ex_tax"), amount("subtotal_inc_tax")
    shipping_ex = amount("shipping_cost_ex_tax", amount("base_shipping_cost"))
    shipping_inc = amount("shipping_cost_inc_tax", shipping_ex)
    handling_ex, handling_inc = amount("handling_cost_ex_tax"), amount("handling_cost_inc_tax")
    wrapping_ex, wrapping_inc = amount("wrapping_cost_ex_tax"), amount("wrapping_cost_inc_tax")
    discount = amount("discount_amount")
    total_ex = subtotal_ex + shipping_ex + handling_ex + wrapping_ex - discount
    total_inc = subtotal_inc + shipping_inc + handling_inc + wrapping_inc - discount
    if "total_ex_tax" in given and "total_inc_tax" in given:
        total_ex, total_inc = amount("total_ex_tax"), amount("total_inc_tax")
    values = {
        "subtotal_ex_tax": subtotal_ex, "subtotal_inc_tax": subtotal_inc,
        "subtotal_tax": subtotal_inc - subtotal_ex, "base_shipping_cost": amount("base_shipping_cost", shipping_ex),
        "shipping_cost_ex_tax": shipping_ex, "shipping_cost_inc_tax": shipping_inc,
        "shipping_cost_tax": shipping_inc - shipping_ex, "handling_cost_ex_tax": handling_ex,
        "handling_cost_inc_tax": handling_inc, "handling_cost_tax": handling_inc - handling_ex,
        "wrapping_cost_ex_tax": wrapping_ex, "wrapping_cost_inc_tax": wrapping_inc,
        "wrapping_cost_tax": wrapping_inc - wrapping_ex, "discount_amount": discount,
        "total_ex_tax": total_ex, "total_inc_tax": total_inc, "total_tax": total_inc - total_ex,
    }
    for name, value in values.items():
        order[name] = str(value.quantize(CENT))
    order["items_total"] = sum(int(line.get("quantity", 0)) for line in lines)
    order["order_is_digital"] = bool(lines) and all(line.get("type") == "digital" for line in lines)
    addresses = state.table("order_shipping_addresses").children(order["id"])
    for address_id, shipping in addresses.items():
        shipping["items_total"] = sum(int(line.get("quantity", 0)) for line in lines
                                      if line.get("order_address_id") == address_id)


def prepare_shipment(state: State, fields: dict[str, Any], row: dict[str, Any] | None) -> None:
    """Addresses copied from the order, items checked against its lines."""
    order_id = row["order_id"] if row is not None else fields["order_id"]
    order = state.table("orders").rows[order_id]
    if "order_address_id" in fields:
        addresses = state.table("order_shipping_addresses").children(order_id)
        chosen = addresses.get(fields["order_address_id"])
        if chosen is None:
            raise invalid("order_address_id", f"The address {fields['order_address_id']} is not on this order.")
        fields["shipping_address"] = {key: chosen.get(key, "") for key in ADDRESS_FIELDS}
    if "items" in fields:
        lines = state.table("order_products").children(order_id)
        items = []
        for index, item in enumerate(fields["items"]):
            if not isinstance(item, dict) or item.get("order_product_id") not in lines:
                raise invalid(f"items[{index}].order_product_id", "The item is not a product of this order.")
            line = lines[item["order_product_id"]]
            items.append({"order_product_id": line["id"], "product_id": line.get("product_id", 0),
                          "quantity": to_int(item.get("quantity", line.get("quantity", 1)))})
        fields["items"] = items
    if row is None:
        fields["customer_id"] = order.get("customer_id", 0)
        billing = dict(order.get("billing_address") or {})
        billing.pop("form_fields", None)
        fields["billing_address"] = billing
