"""The v3 client's customer extras and tax classes against the sandbox over loopback: customer attributes
and their values (seen on ``Customers`` with ``include=attributes``), customer metafields and settings,
subscribers, tax classes (seen through the v2 ``TaxClasses``), tax zones, rates and settings."""
from __future__ import annotations

from typing import Callable

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import ClientRequestException, ResourceNotFound
from bigcommerce.sandbox import Sandbox
from bigcommerce.v3 import CustomerAttributes, Subscribers, TaxZones


@pytest.fixture
def api(fresh_sandbox: Callable[..., Sandbox]) -> BigcommerceApi:
    """A private store (6 customers, no orders) for tests that write."""
    return BigcommerceApi(**fresh_sandbox(products=0, customers=6, orders=0).oauth_kwargs())


def test_attributes_and_their_values_through_the_client(api: BigcommerceApi) -> None:
    age = api.v3.CustomerAttributes.create(name="Age", type="number")
    assert isinstance(age, CustomerAttributes) and (age.name, age.type) == ("Age", "number")
    town = api.v3.CustomerAttributes.create_many([{"name": "Town", "type": "string"}]).succeeded[0]
    assert [a.name for a in api.v3.CustomerAttributes.all()] == ["Age", "Town"]
    assert age.update(name="Years").name == "Years"
    saved = api.v3.CustomerAttributeValues.update_many([
        {"attribute_id": age.id, "customer_id": 1, "value": "40"},
        {"attribute_id": town.id, "customer_id": 1, "value": "Oslo"}])
    assert saved.ok and [v.attribute_value for v in saved.succeeded] == ["40", "Oslo"]
    assert api.v3.CustomerAttributeValues.count(customer_id__in=[1]) == 2
    refused = api.v3.CustomerAttributeValues.update_many([{"attribute_id": age.id, "customer_id": 3,
                                                           "value": "not a number"}])
    [(item, error)] = refused.failed
    assert item["customer_id"] == 3 and getattr(error, "status_code", None) == 422
    assert api.v3.CustomerAttributeValues.count(customer_id__in=[3]) == 0
    customer = api.v3.Customers.get(1, include="attributes")
    assert customer.attribute_count == 2
    assert sorted(a["attribute_value"] for a in customer.attributes) == ["40", "Oslo"]
    town.delete()
    assert [v.attribute_id for v in api.v3.CustomerAttributeValues.all()] == [age.id]


def test_customer_metafields_and_settings_through_the_client(api: BigcommerceApi) -> None:
    one = api.v3.CustomerMetafields.create(2, namespace="crm", key="tier", value="gold", permission_set="read")
    assert (one.resource_type, one.resource_id) == ("customer", 2)
    assert api.v3.CustomerMetafields.get(2, one.id).value == "gold"
    batch = api.v3.CustomerMetafields.create_many([
        {"namespace": "crm", "key": "tier", "value": "blue", "permission_set": "read", "resource_id": 3}])
    assert batch.ok
    assert sorted(m.resource_id for m in api.v3.CustomerMetafields.iterall()) == [2, 3]
    assert api.v3.CustomerMetafields.delete_many([m.id for m in batch.succeeded]).ok
    assert [m.id for m in api.v3.CustomerMetafields.all()] == [one.id]
    settings = api.v3.CustomerSettings.update(privacy_settings={"policy_url": "https://example.com/privacy"})
    assert settings.privacy_settings["policy_url"] == "https://example.com/privacy"
    assert api.v3.CustomerSettings.get().privacy_settings["policy_url"] == "https://example.com/privacy"
    channel = api.v3.CustomerSettingsChannels.update(1, allow_global_logins=False)
    assert channel.allow_global_logins is False
    assert api.v3.CustomerSettingsChannels.get(1).privacy_settings["policy_url"] is None


def test_subscribers_through_the_client(api: BigcommerceApi) -> None:
    ann = api.v3.Subscribers.create(email="ann@example.com", first_name="Ann", source="custom")
    assert isinstance(ann, Subscribers) and ann.email == "ann@example.com"
    api.v3.Subscribers.create(email="bob@example.com", source="order", order_id=2)
    assert api.v3.Subscribers.get(ann.id).first_name == "Ann"
    assert ann.update(last_name="Lee").last_name == "Lee"
    assert api.v3.Subscribers.count() == 2
    with pytest.raises(ClientRequestException) as duplicate:
        api.v3.Subscribers.create(email="ann@example.com")
    assert duplicate.value.status_code == 409
    api.v3.Subscribers.delete_many(source="order")
    assert [s.email for s in api.v3.Subscribers.all()] == ["ann@example.com"]
    ann.delete()
    with pytest.raises(ResourceNotFound):
        api.v3.Subscribers.get(ann.id)


def test_tax_classes_through_v3_are_v2_tax_classes(api: BigcommerceApi) -> None:
    books = api.v3.TaxClasses.create(name="Books")
    assert api.TaxClasses.get(books.id).name == "Books"
    assert books.update(name="Printed").name == "Printed"
    assert api.TaxClasses.get(books.id).name == "Printed"
    with pytest.raises(ClientRequestException) as duplicate:
        api.v3.TaxClasses.create(name="printed")
    assert duplicate.value.status_code == 409
    api.v3.TaxClasses.delete_many([books.id])
    assert books.id not in [c.id for c in api.TaxClasses.all()]


def test_tax_zones_rates_and_settings_through_the_client(api: BigcommerceApi) -> None:
    zone = api.v3.TaxZones.create(name="Australia", price_display_settings={"show_inclusive": True},
                                  shopper_target_settings={"locations": [{"country_code": "AU"}]})
    assert isinstance(zone, TaxZones) and api.v3.TaxZones.get(zone.id).name == "Australia"
    rate = api.v3.TaxRates.create(name="GST", tax_zone_id=zone.id, class_rates=[{"rate": 10, "tax_class_id": 0}])
    assert rate.update(priority=2).priority == 2
    assert api.v3.TaxRates.count() == 1
    zone.delete()
    assert api.v3.TaxRates.all() == [] and api.v3.TaxZones.all() == []
    settings = api.v3.TaxSettings.update(rounding_strategy="NO_ROUNDING")
    assert settings.rounding_strategy == "NO_ROUNDING"
    assert api.v3.TaxSettings.get().rounding_strategy == "NO_ROUNDING"



def test_form_field_values_through_the_client_are_the_v2_customers_form_fields(api: BigcommerceApi) -> None:
    saved = api.v3.CustomerFormFieldValues.update_many([{"customer_id": 4, "name": "Sales Rep", "value": "Q"}])
    assert saved.ok and [f.value for f in saved.succeeded] == ["Q"]
    assert [(f.name, f.value) for f in api.v3.CustomerFormFieldValues.all(customer_id=4)] == [("Sales Rep", "Q")]
    assert api.Customers.get(4).form_fields == [{"name": "Sales Rep", "value": "Q"}]


def test_tax_properties_and_product_tax_properties_through_the_client(
        fresh_sandbox: Callable[..., Sandbox]) -> None:
    api = BigcommerceApi(**fresh_sandbox(products=2, customers=0, orders=0).oauth_kwargs())
    food = api.v3.TaxProperties.create(code="A-1", display_name="Food", type="PRODUCT")
    assert api.v3.TaxProperties.get(food.id).code == "A-1"
    assert food.update(display_name="Foods").display_name == "Foods"
    assert api.v3.TaxProductProperties.update_many([{"product_id": 1, "tax_properties": {"A-1": "26"}}]).ok
    assert api.v3.TaxProductProperties.get(1).tax_properties == {"A-1": "26"}
    with pytest.raises(ClientRequestException) as in_use:
        food.delete()
    assert in_use.value.status_code == 409
    api.v3.TaxProductProperties.delete_many([1])
    food.delete()
    assert api.v3.TaxProperties.all() == []


def test_tax_customers_through_the_client(api: BigcommerceApi) -> None:
    api.v3.TaxProperties.create(code="C-1", display_name="Exempt", type="CUSTOMER")
    assert api.v3.TaxCustomers.update_many([{"customer_id": 2, "tax_properties": {"C-1": "yes"}}]).ok
    assert api.v3.TaxCustomers.get(2).tax_properties == {"C-1": "yes"}
    api.v3.TaxCustomers.delete_many([2])
    assert api.v3.TaxCustomers.all() == []
