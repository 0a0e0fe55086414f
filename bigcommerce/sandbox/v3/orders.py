"""v3 orders over the v2 ``orders`` rows: metafields, transactions, capture and void, settings.

Orders themselves stay in v2 (v3-resources.md §3.12); v3 adds what happens to an order's
payment. An order's payment state is its v2 ``payment_status`` when set, else what its status
implies (Awaiting Payment and Manual Verification Required: authorized; shipped, completed,
awaiting fulfillment...: captured; Pending, Cancelled, Declined: no payment). Capture and void
(201 ``{}``) need an authorized payment (else 422) and set ``payment_status`` to ``capture
pending`` / ``void pending`` on the v2 row, as the spec says; the sandbox's payment requests
never fail, so a pending capture counts as money taken. Transactions are rows of the
state-only ``order_transactions`` table: the opening authorization or purchase is written from
the order's ``payment_method`` (provider, amount, currency) the first time it is needed, and
capture, void and each refund payment add one. Order metafields are ``metafields`` rows,
``resource_type`` ``order``; order settings (bare ``{notifications, meta}``) are rows of
``order_settings`` (id 0 the store's, else a channel's). Refunds live in ``refunds``.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bigcommerce.sandbox.catalog import BY_NAME
from bigcommerce.sandbox.responses import StoreResponse, dumps
from bigcommerce.sandbox.rows import insert_row, merge_row
from bigcommerce.sandbox.state import State
from bigcommerce.sandbox.v3.answers import list_response
from bigcommerce.sandbox.v3.codecs import number
from bigcommerce.sandbox.v3.errors import bad_input, invalid, not_found
from bigcommerce.sandbox.v3.metafields import METAFIELD_FILTERS, REQUIRED, metafield_routes, metafields_of
from bigcommerce.sandbox.v3.render import Renderer
from bigcommerce.sandbox.v3.schema import (
    Action,
    Call,
    Family,
    Route,
    col,
    on,
)
from bigcommerce.sandbox.values import iso8601

Row = dict[str, Any]

ORDER_METAFIELDS = metafields_of(
    "order_metafields", "order", "orders",
    update_required=REQUIRED,  # MetafieldPut is MetafieldBase_Post
    filters={**METAFIELD_FILTERS, "date_created": on("date_created", kind="date"),
             "date_modified": on("date_modified", kind="date")},
)
TRANSACTIONS = Family(name="order_transactions", table="order_transactions", label="transaction",
                      fields=(col("id", codec="int", read_only=True),),
                      parent_table="orders", parent_column="order_id")
ORDER_SETTINGS = Family(name="order_settings", table="order_settings", label="order settings",
                        fields=(col("id", codec="int", read_only=True),))

# ------------------------------------------------------------------ payment state

PAID_STATUSES = frozenset({2, 3, 8, 9, 10, 11, 13})
AUTHORIZED_STATUSES = frozenset({7, 12})
REFUNDED_STATUSES: Mapping[int, str] = {4: "refunded", 14: "partially refunded"}
# Payment states in which the store holds the shopper's money (what a refund can give back).
MONEY_TAKEN = frozenset({"captured", "capture pending", "partially refunded"})


def payment_status(order: Mapping[str, Any]) -> str:
    """The order's payment state: its stored ``payment_status``, else what its status implies."""
    stored = str(order.get("payment_status") or "")
    if stored:
        return stored
    status_id = int(order.get("status_id", 1))
    if status_id in PAID_STATUSES:
        return "captured"
    if status_id in AUTHORIZED_STATUSES:
        return "authorized"
    return REFUNDED_STATUSES.get(status_id, "")


# A payment provider: (provider id = gateway, description, transaction method, offline only).
Provider = tuple[str, str, str, bool]
PROVIDERS: Mapping[str, Provider] = {
    "credit card": ("testgateway", "Test Payment Gateway", "credit_card", False),
    "test payment gateway": ("testgateway", "Test Payment Gateway", "credit_card", False),
    "square": ("square", "Square", "credit_card", False),
    "stripe": ("stripe", "Stripe", "credit_card", False),
    "paypal express checkout": ("paypalexpress", "PayPal Express Checkout", "offsite", False),
    "paypal": ("paypalexpress", "PayPal Express Checkout", "offsite", False),
    "cash on delivery": ("cod", "Cash on Delivery", "offline", True),
    "bank deposit": ("bankdeposit", "Bank Deposit", "offline", True),
    "check": ("cheque", "Check", "offline", True),
    "cheque": ("cheque", "Check", "offline", True),
    "money order": ("moneyorder", "Money Order", "offline", True),
    "store credit": ("storecredit", "Store Credit", "store_credit", False),
    "gift certificate": ("giftcertificate", "Gift Certificate", "gift_certificate", False),
}
CUSTOM: Provider = ("custom", "Custom", "custom", True)
STORE_CREDIT: Provider = PROVIDERS["store credit"]
BY_PROVIDER_ID: Mapping[str, Provider] = {
    **{provider[0]: provider for provider in PROVIDERS.values()}, "custom": CUSTOM,
}


def order_provider(order: Mapping[str, Any]) -> Provider:
    """The provider that took the order's payment, read from its v2 ``payment_method`` text."""
    return PROVIDERS.get(str(order.get("payment_method") or "").strip().casefold(), CUSTOM)


def add_transaction(state: State, order: Mapping[str, Any], event: str, provider_id: str, amount: str,
                    reference: int | None = None) -> Row:
    """Store one payment event of an order."""
    fields: Row = {"event": event, "provider": provider_id, "payment_method": str(order.get("payment_method") or ""),
                   "amount": amount, "currency": str(order.get("currency_code") or "USD"),
                   "reference_transaction_id": reference}
    return insert_row(state, state.tables["order_transactions"].resource, order["id"], fields)


def opening_transaction(state: State, order: Mapping[str, Any]) -> Row | None:
    """The order's first payment event, written from the order when it has a payment and none yet."""
    existing = state.tables["order_transactions"].children(order["id"])
    if existing:
        return next(iter(existing.values()))
    status = payment_status(order)
    if not status:
        return None
    event = "authorization" if status in ("authorized", "void pending", "voided") else "purchase"
    row = add_transaction(state, order, event, order_provider(order)[0], str(order.get("total_inc_tax") or "0"))
    row["date_created"] = order.get("date_created") or row["date_created"]
    return row


def render_transaction(state: State, order: Mapping[str, Any], row: Mapping[str, Any]) -> dict[str, Any]:
    """One ``Transaction`` in the spec's field order (orders.v3.yml ``Transaction``)."""
    gateway, description, method, _offline = BY_PROVIDER_ID.get(str(row.get("provider")), CUSTOM)
    credit_card = None
    if method == "credit_card":
        credit_card = {"card_type": "visa", "card_iin": "411111", "card_last4": "1111",
                       "card_expiry_month": 12, "card_expiry_year": 2030}
    customer = state.tables["customers"].rows.get(order.get("customer_id"), {})
    store_credit = {"remaining_balance": number(customer.get("store_credit", "0")) or 0} \
        if method == "store_credit" else None
    return {
        "event": row.get("event"), "method": method, "amount": number(row.get("amount")) or 0,
        "currency": row.get("currency"), "gateway": gateway,
        "gateway_transaction_id": f"{gateway}-{row['id']}", "date_created": iso8601(row.get("date_created")),
        "test": gateway == "testgateway", "status": row.get("status", "ok"), "fraud_review": False,
        "reference_transaction_id": row.get("reference_transaction_id"),
        "offline": {"display_name": description} if method == "offline" else None,
        "custom": {"payment_method": row.get("payment_method") or description} if method == "custom" else None,
        "payment_method_id": f"{gateway}.{method}", "id": row["id"], "order_id": str(order["id"]),
        "payment_instrument_token": None, "provider_instrument_token": None, "provider_customer_id": None,
        "avs_result": {"code": "Y", "message": "Street and postal code match", "street_match": "Y",
                       "postal_match": "Y"} if credit_card else {},
        "cvv_result": {"code": "M", "message": "CVV matches"} if credit_card else {},
        "credit_card": credit_card, "gift_certificate": None, "store_credit": store_credit,
        "custom_provider_field_result": None,
    }


def _transactions(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """GET /orders/{order_id}/transactions: every payment event, 204 when none (§3.12)."""
    order = state.tables["orders"].rows[call.parent_id]
    opening_transaction(state, order)
    rows = list(state.tables["order_transactions"].children(order["id"]).values())
    if not rows:
        return StoreResponse(204, b"", {})
    total = len(rows)
    meta = {"pagination": {"total": total, "count": total, "per_page": total, "current_page": 1, "total_pages": 1,
                           "links": {"current": f"?page=1&limit={total}"}}}
    return list_response([dumps(render_transaction(state, order, row)) for row in rows], meta)


def _payment_action(event: str, done: str, pending: str) -> Action:
    """POST …/payment_actions/capture or /void: an authorized payment only; 201 ``{}``."""

    def act(state: State, renderer: Renderer, call: Call) -> StoreResponse:
        order = state.tables["orders"].rows[call.parent_id]
        status = payment_status(order)
        if status != "authorized":
            reason = f"The order's payment is '{status or 'no payment'}'; only an authorized payment can be {done}."
            raise invalid({"payment_status": reason}, f"The order's payment cannot be {done}.")
        opening = opening_transaction(state, order)
        add_transaction(state, order, event, order_provider(order)[0], str(order.get("total_inc_tax") or "0"),
                        opening["id"] if opening is not None else None)
        merge_row(state, BY_NAME["orders"], order, {"payment_status": pending})
        return StoreResponse(201, b"{}", {})

    return act


# ------------------------------------------------------------------ order settings

NOTIFICATIONS = ("order_placed", "forward_invoice")
GLOBAL_SETTINGS_ID = 0


def _settings_id(call: Call) -> int:
    if not call.ids:
        return GLOBAL_SETTINGS_ID
    if call.ids[0] == GLOBAL_SETTINGS_ID:
        raise not_found("channel")
    return call.ids[0]


def _settings_values(state: State, settings_id: int) -> dict[str, Any]:
    """Stored email lists; unset: none for the store (notifications off), null for a channel (the store's)."""
    row = state.tables["order_settings"].rows.get(settings_id)
    if row is None:
        return {name: [] if settings_id == GLOBAL_SETTINGS_ID else None for name in NOTIFICATIONS}
    return {name: row.get(name) for name in NOTIFICATIONS}


def _settings_answer(values: Mapping[str, Any]) -> StoreResponse:
    """The bare ``{notifications, meta}`` body: order settings are not wrapped in ``data`` (§3.12)."""
    notifications = {name: {"email_addresses": values[name]} for name in NOTIFICATIONS}
    return StoreResponse(200, dumps({"notifications": notifications, "meta": {}}), {})


def _get_settings(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    return _settings_answer(_settings_values(state, _settings_id(call)))


def _put_settings(state: State, renderer: Renderer, call: Call) -> StoreResponse:
    """PUT: email lists replace what was stored; a channel's are both lists or both null (§3.12)."""
    settings_id = _settings_id(call)
    body = call.body
    if not isinstance(body, dict) or not isinstance(body.get("notifications", {}), dict):
        raise bad_input("The request body must be an object with a 'notifications' object.")
    values = _settings_values(state, settings_id)
    errors = {}
    for name, given in body.get("notifications", {}).items():
        if name not in NOTIFICATIONS:
            continue
        where = f"notifications.{name}.email_addresses"
        if not isinstance(given, dict) or "email_addresses" not in given:
            errors[where] = "An object with 'email_addresses' is required."
            continue
        addresses = given["email_addresses"]
        if addresses is None and settings_id != GLOBAL_SETTINGS_ID:
            values[name] = None
        elif not isinstance(addresses, list) or not all(isinstance(a, str) and "@" in a for a in addresses):
            errors[where] = "Must be an array of email addresses" + ("." if settings_id == GLOBAL_SETTINGS_ID
                                                                      else " or null.")
        else:
            values[name] = list(addresses)
    if not errors and settings_id != GLOBAL_SETTINGS_ID and len({values[n] is None for n in NOTIFICATIONS}) > 1:
        errors["notifications"] = "Both email_addresses must be arrays, or both null."
    if errors:
        raise invalid(errors, "Order settings data is not valid.")
    state.add_row("order_settings", {"id": settings_id, **values})
    return _settings_answer(values)


FAMILIES: Mapping[str, Family] = {family.name: family for family in (ORDER_METAFIELDS, TRANSACTIONS, ORDER_SETTINGS)}

ROUTES: tuple[Route, ...] = (
    *metafield_routes("orders/{order_id}", "order_metafields"),
    Route("orders/{order_id}/transactions", "order_transactions", {"GET": "order_transactions"}, per_parent=True),
    Route("orders/{order_id}/payment_actions/capture", "order_transactions", {"POST": "order_capture"},
          per_parent=True),
    Route("orders/{order_id}/payment_actions/void", "order_transactions", {"POST": "order_void"}, per_parent=True),
    Route("orders/settings", "order_settings", {"GET": "order_settings_get", "PUT": "order_settings_put"}),
    Route("orders/settings/channels/{channel_id}", "order_settings",
          {"GET": "order_settings_get", "PUT": "order_settings_put"}),
)

ACTIONS: Mapping[str, Action] = {
    "order_transactions": _transactions,
    "order_capture": _payment_action("capture", "captured", "capture pending"),
    "order_void": _payment_action("void", "voided", "void pending"),
    "order_settings_get": _get_settings,
    "order_settings_put": _put_settings,
}
