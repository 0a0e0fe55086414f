"""The v3 order classes of the client against the sandbox over loopback: transactions, capture and void,
refund quotes and refunds (seen through the v2 ``Orders``), order metafields and order settings."""
from __future__ import annotations

from typing import Any, Callable

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import ClientRequestException, ResourceNotFound
from bigcommerce.sandbox import Sandbox
from bigcommerce.v3 import OrderMetafields, OrderRefunds, OrderTransactions

BILLING = {"first_name": "Ada", "last_name": "Lovelace", "street_1": "1 Main St", "city": "Austin",
           "state": "Texas", "zip": "78701", "country": "United States", "country_iso2": "US",
           "email": "ada@example.com"}


@pytest.fixture
def shop_api(fresh_sandbox: Callable[..., Sandbox]) -> BigcommerceApi:
    """A private store (3 customers, no orders) the test may change."""
    return BigcommerceApi(**fresh_sandbox(products=2, customers=3, orders=0).oauth_kwargs())


def place_order(api: BigcommerceApi, status_id: int = 11, customer_id: int = 1) -> Any:
    """3 mugs at 11.00 inc tax (1.00 tax) + 5.50 shipping through the v2 client: 38.50."""
    return api.Orders.create(
        customer_id=customer_id, status_id=status_id, billing_address=BILLING, payment_method="Credit Card",
        shipping_cost_ex_tax=5, shipping_cost_inc_tax=5.5,
        products=[{"name": "Mug", "quantity": 3, "price_ex_tax": 10, "price_inc_tax": 11}])


def test_a_v2_order_lists_its_v3_transactions_and_counts_them(shop_api: BigcommerceApi) -> None:
    order = place_order(shop_api)
    transactions = shop_api.v3.OrderTransactions.all(order.id)
    assert all(isinstance(t, OrderTransactions) for t in transactions)
    assert [(t.event, t.amount, t.gateway) for t in transactions] == [("purchase", 38.5, "testgateway")]
    assert shop_api.v3.OrderTransactions.count(order.id) == 1


def test_capture_then_void_through_the_payment_action_classes(shop_api: BigcommerceApi) -> None:
    order = place_order(shop_api, status_id=7)
    shop_api.v3.OrderPaymentActionCapture.create(order.id)
    assert shop_api.Orders.get(order.id).payment_status == "capture pending"
    with pytest.raises(ClientRequestException) as refused:
        shop_api.v3.OrderPaymentActionVoid.create(order.id)
    assert refused.value.status_code == 422
    other = place_order(shop_api, status_id=7)
    shop_api.v3.OrderPaymentActionVoid.create(other.id)
    assert shop_api.Orders.get(other.id).payment_status == "void pending"
    events = [t.event for t in shop_api.v3.OrderTransactions.all(order.id)]
    assert events == ["authorization", "capture"]


def test_quote_then_refund_and_v2_sees_the_refunded_order(shop_api: BigcommerceApi) -> None:
    order = place_order(shop_api)
    line = shop_api.OrderProducts.all(order.id)[0]
    items = [{"item_type": "PRODUCT", "item_id": line.id, "quantity": 3}]
    address_id = shop_api.OrderShippingAddresses.all(order.id)[0].id
    items.append({"item_type": "SHIPPING", "item_id": address_id, "amount": 5.5})
    quote = shop_api.v3.OrderRefundQuotes.create(order.id, items=items)
    assert quote["total_refund_amount"] == 38.5 and quote["total_refund_tax_amount"] == 3.5
    card = quote["refund_methods"][0][0]
    refund = shop_api.v3.OrderRefunds.create(order.id, items=items, payments=[
        {"provider_id": card["provider_id"], "amount": card["amount"], "offline": card["offline"]}])
    assert isinstance(refund, OrderRefunds) and refund.total_amount == 38.5
    v2_order = shop_api.Orders.get(order.id)
    assert v2_order.refunded_amount == "38.5000" and v2_order.status == "Refunded"
    assert [r.id for r in shop_api.v3.OrderRefunds.all(order.id)] == [refund.id]
    assert shop_api.v3.OrderRefunds.get(refund.id).order_id == order.id
    with pytest.raises(ClientRequestException):
        shop_api.v3.OrderRefundQuotes.create(order.id, items=items)


def test_refunds_of_every_order_are_walked_and_filtered(shop_api: BigcommerceApi) -> None:
    made = []
    for _ in range(3):
        order = place_order(shop_api)
        line = shop_api.OrderProducts.all(order.id)[0]
        made.append(shop_api.v3.OrderRefunds.create(
            order.id, items=[{"item_type": "PRODUCT", "item_id": line.id, "quantity": 1}],
            payments=[{"provider_id": "storecredit", "amount": 11, "offline": False}]))
    assert [r.id for r in shop_api.v3.OrderRefunds.iterall(limit=2)] == [r.id for r in made]
    assert [r.id for r in shop_api.v3.OrderRefunds.all(order_id__in=[made[1].order_id])] == [made[1].id]
    with pytest.raises(ResourceNotFound):
        shop_api.v3.OrderRefunds.get(999)


def test_order_metafields_through_the_metafield_class(shop_api: BigcommerceApi) -> None:
    order = place_order(shop_api)
    created = shop_api.v3.OrderMetafields.create(order.id, namespace="Sales Department", key="Staff Name",
                                                 value="Sam", permission_set="app_only")
    assert isinstance(created, OrderMetafields) and created.resource_type == "order"
    fetched = shop_api.v3.OrderMetafields.get(order.id, created.id)
    assert fetched.value == "Sam"
    updated = fetched.update(namespace="Sales Department", key="Staff Name", value="Max", permission_set="app_only")
    assert updated.value == "Max"
    assert [m.id for m in shop_api.v3.OrderMetafields.iterall()] == [created.id]
    result = shop_api.v3.OrderMetafields.create_many(
        [{"namespace": "n", "key": "k", "value": "v", "permission_set": "read"}], order.id)
    assert len(result.succeeded) == 1
    updated.delete()
    assert [m.key for m in shop_api.v3.OrderMetafields.all(order.id)] == ["k"]


def test_order_settings_are_read_and_written_as_bare_singletons(shop_api: BigcommerceApi) -> None:
    settings = shop_api.v3.OrderSettings.get()
    assert settings["notifications"]["order_placed"]["email_addresses"] == []
    shop_api.v3.OrderSettings.update(notifications={"order_placed": {"email_addresses": ["admin@example.com"]}})
    assert shop_api.v3.OrderSettings.get()["notifications"]["order_placed"]["email_addresses"] == [
        "admin@example.com"]
    both = {"order_placed": {"email_addresses": ["a@example.com"]}, "forward_invoice": {"email_addresses": []}}
    assert shop_api.v3.OrderSettingsChannels.update(1, notifications=both)["notifications"] == both
    assert shop_api.v3.OrderSettingsChannels.get(1)["notifications"] == both
    with pytest.raises(ClientRequestException):
        shop_api.v3.OrderSettingsChannels.update(1, notifications={"order_placed": {"email_addresses": None}})
