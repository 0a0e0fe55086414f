"""Mapping: a dict that keeps every key the API sent and reads them as attributes too."""
from __future__ import annotations

import copy
import json
import pickle

import pytest

from bigcommerce.connection import OAuthConnection
from bigcommerce.mapping import Mapping, decode_json
from bigcommerce.resources import CountableApiResource, Products


class Widgets(CountableApiResource):
    """A resource that exists only in these tests, countable so that ``count`` is a method."""

    resource_name = "widgets"


SHIPMENT = (
    '{"id": 11, "order_id": 228, "items": [{"order_product_id": 194, "quantity": 1}], '
    '"keys": "k", "update": "u", "values": [1], "get": "g", "count": 3, '
    '"billing_address": {"city": "Austin", "form_fields": [{"name": "Delivery Instructions"}]}}'
)


def test_keys_read_as_attributes() -> None:
    product = Mapping({"id": 35, "name": "[Sample] Orbit Terrarium - Large"})

    assert product.id == 35
    assert product.name == product["name"]


def test_a_missing_key_raises_attribute_error_not_key_error() -> None:
    product = Mapping({"id": 35})

    with pytest.raises(AttributeError, match="sku"):
        product.sku
    assert not hasattr(product, "sku")
    assert getattr(product, "sku", None) is None


def test_decoding_keeps_keys_named_like_dict_methods_as_data() -> None:
    shipment = decode_json(SHIPMENT)

    assert shipment["items"] == [{"order_product_id": 194, "quantity": 1}]
    assert shipment["keys"] == "k"
    assert shipment["update"] == "u"
    assert shipment["values"] == [1]
    assert shipment["get"] == "g"
    assert len(shipment) == 9


def test_the_attribute_of_a_colliding_key_is_still_the_method() -> None:
    shipment = decode_json(SHIPMENT)

    assert callable(shipment.items)
    assert ("id", 11) in shipment.items()
    assert "order_id" in shipment.keys()
    assert shipment.get("order_id") == 228
    shipment.update({"comments": "Ready to go..."})
    assert shipment["comments"] == "Ready to go..."


def test_count_is_data_on_a_mapping_and_the_method_on_a_countable_resource() -> None:
    plain = Mapping({"count": 3})
    widget = Widgets({"id": 1, "count": 3})

    assert plain.count == 3
    assert callable(widget.count)
    assert widget["count"] == 3


def test_nested_objects_and_objects_in_lists_are_mappings() -> None:
    shipment = decode_json(SHIPMENT)

    assert isinstance(shipment, Mapping)
    assert isinstance(shipment.billing_address, Mapping)
    assert shipment.billing_address.city == "Austin"
    assert shipment.billing_address.form_fields[0].name == "Delivery Instructions"
    assert isinstance(shipment["items"][0], Mapping)


def test_setting_an_attribute_sets_the_key() -> None:
    product = Mapping({"id": 35})

    product.name = "Something Else"

    assert product["name"] == "Something Else"


def test_setting_a_colliding_attribute_stores_data_and_keeps_the_method() -> None:
    shipment = Mapping({"id": 11})

    shipment.items = [1, 2]

    assert shipment["items"] == [1, 2]
    assert callable(shipment.items)


def test_an_underscored_attribute_is_private_state_not_a_key() -> None:
    product = Mapping({"id": 35})

    product._note = "kept aside"

    assert product._note == "kept aside"
    assert "_note" not in product
    assert product == {"id": 35}
    assert json.loads(json.dumps(product)) == {"id": 35}


def test_deleting_an_attribute_deletes_the_key() -> None:
    product = Mapping({"id": 35, "sku": "OTL"})

    del product.sku

    assert "sku" not in product
    with pytest.raises(AttributeError):
        del product.sku


def test_str_hides_underscored_keys_but_the_data_keeps_them() -> None:
    product = Mapping({"id": 35, "_links": {"self": "/products/35"}})

    assert str(product) == "{'id': 35}"
    assert product["_links"] == {"self": "/products/35"}


def test_str_shows_nested_objects_as_plain_data_without_their_underscored_keys() -> None:
    order = decode_json('{"id": 218, "billing_address": {"city": "Austin", "_cached": true}, '
                        '"products": [{"id": 194, "_row": 1}]}')

    assert str(order) == "{'id': 218, 'billing_address': {'city': 'Austin'}, 'products': [{'id': 194}]}"


def test_repr_names_the_class_and_shows_the_data() -> None:
    product = Products({"id": 35, "name": "Terrarium"})

    text = repr(product)

    assert text.startswith("<Products at 0x")
    assert "'id': 35" in text
    assert "'name': 'Terrarium'" in text


def test_dir_offers_the_keys_that_are_identifiers() -> None:
    product = Mapping({"id": 35, "custom_url": "/x/", "not an identifier": 1})

    assert {"id", "custom_url", "items"} <= set(dir(product))
    assert "not an identifier" not in dir(product)


def test_a_mapping_equals_the_dict_of_its_data() -> None:
    assert decode_json('{"id": 35, "images": {"resource": "/products/35/images"}}') == {
        "id": 35, "images": {"resource": "/products/35/images"},
    }


@pytest.fixture
def product() -> Products:
    connection = OAuthConnection("test-client-id", "abc123", "tok-SECRET-5c2a91e7")
    return Products(decode_json('{"id": 35, "name": "Terrarium", "images": {"resource": "/products/35/images"}}'),
                    connection)


def test_pickling_a_resource_keeps_its_data_but_not_its_connection(product: Products) -> None:
    data = pickle.dumps(product)
    restored = pickle.loads(data)

    assert b"tok-SECRET-5c2a91e7" not in data
    assert type(restored) is Products
    assert restored == product
    assert restored["images"].resource == "/products/35/images"
    assert restored._connection is None


@pytest.mark.parametrize("duplicate", [copy.copy, copy.deepcopy], ids=["copy", "deepcopy"])
def test_copying_a_resource_keeps_its_data_but_not_its_connection(product: Products, duplicate: object) -> None:
    twin = duplicate(product)  # type: ignore[operator]

    assert type(twin) is Products
    assert twin == product
    assert twin is not product
    assert twin._connection is None


def test_a_deep_copy_does_not_share_nested_objects(product: Products) -> None:
    twin = copy.deepcopy(product)

    twin["images"].resource = "/elsewhere"

    assert product["images"].resource == "/products/35/images"


ORDER = ('{"id": 218, "billing_address": {"city": "Austin"}, '
         '"products": [{"id": 194, "options": [{"name": "Size"}]}], "grid": [[{"x": 1}]]}')


def test_every_way_of_reading_a_nested_object_gives_a_mapping() -> None:
    readers = {
        "index": lambda order: order["billing_address"],
        "attribute": lambda order: order.billing_address,
        "get": lambda order: order.get("billing_address"),
        "setdefault": lambda order: order.setdefault("billing_address", None),
        "values": lambda order: list(order.values())[1],
        "items": lambda order: dict(order.items())["billing_address"],
        "pop": lambda order: order.pop("billing_address"),
    }
    for name, read in readers.items():
        assert isinstance(read(decode_json(ORDER)), Mapping), name


def test_objects_inside_lists_and_lists_of_lists_become_mappings_when_read() -> None:
    order = decode_json(ORDER)

    assert order.products[0].options[0].name == "Size"
    assert order.grid[0][0].x == 1
    assert all(isinstance(value, Mapping) for value in order.popitem()[1][0])


def test_an_edit_to_a_nested_object_sticks_however_it_was_read() -> None:
    order = decode_json(ORDER)

    order.billing_address.city = "Dallas"
    order["products"][0].quantity = 2
    for value in order.values():
        if isinstance(value, Mapping):
            value.zip = "75201"

    assert order["billing_address"] == {"city": "Dallas", "zip": "75201"}
    assert order.products[0]["quantity"] == 2
    assert json.loads(json.dumps(order))["billing_address"]["city"] == "Dallas"


def test_a_missing_key_still_reads_as_the_default() -> None:
    order = decode_json(ORDER)

    assert order.get("coupons") is None
    assert order.get("coupons", []) == []
    assert order.pop("coupons", "none") == "none"
    assert order.setdefault("coupons", []) == [] and order["coupons"] == []
