"""Shipping zones, zone methods, legacy methods and carrier connections (cassettes/shipping/)."""
from __future__ import annotations

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import ClientRequestException
from bigcommerce.resources import ShippingMethods, ShippingZoneMethods, ShippingZones
from tests.conftest import replay

ENDICIA = {"account_id": "yourEndiciaAccountId", "pass_phrase": "yourEndiciaPassphrase"}


def test_legacy_shipping_methods_list_and_get(api: BigcommerceApi) -> None:
    with replay.use_cassette("shipping/methods_legacy.yaml") as cassette:
        methods = api.ShippingMethods.all()
        by_weight = api.ShippingMethods.get(2)
    assert cassette.all_played
    assert [m.name for m in methods] == ["Free Shipping", "Ship by Weight"]
    assert isinstance(by_weight, ShippingMethods) and by_weight.method_name == "shipping_byweight"


def test_shipping_zones_list_and_get(api: BigcommerceApi) -> None:
    with replay.use_cassette("shipping/zones.yaml") as cassette:
        zones = api.ShippingZones.all()
        zone = api.ShippingZones.get(1)
    assert cassette.all_played
    assert [z.name for z in zones] == ["United States", "Australia"]
    assert all(isinstance(z, ShippingZones) for z in zones)
    assert zones[0].free_shipping["minimum_sub_total"] == "0.0000"
    assert isinstance(zone, ShippingZones)
    assert zone.locations == [{"id": 3, "zip": 12345, "country_iso2": "US", "state_iso2": "TX"}]


def test_shipping_zone_create_needs_only_a_name_and_locations(api: BigcommerceApi) -> None:
    with replay.use_cassette("shipping/zone_create.yaml") as cassette:
        zone = api.ShippingZones.create(
            name="UnitedStates-NM", type="state", locations=[{"country_iso2": "US", "state_iso2": "NM"}]
        )
    assert cassette.all_played
    assert isinstance(zone, ShippingZones) and zone.id == 2


def test_zone_methods_through_the_zone_helper(api: BigcommerceApi) -> None:
    with replay.use_cassette("shipping/zone_methods_helper.yaml") as cassette:
        zone = api.ShippingZones.get(1)
        methods = zone.methods()
        flat = zone.methods(1)
    assert cassette.all_played
    assert [m.type for m in methods] == ["perorder", "pickupinstore", "weight", "upsready"]
    assert all(isinstance(m, ShippingZoneMethods) for m in methods)
    assert isinstance(flat, ShippingZoneMethods) and flat.settings == {"rate": 12}


def test_zone_method_create_posts_under_the_zone(api: BigcommerceApi) -> None:
    with replay.use_cassette("shipping/zone_method_create.yaml") as cassette:
        method = api.ShippingZoneMethods.create(
            1, name="Per Order", type="perorder", settings={"rate": 8}, enabled=True
        )
    assert cassette.all_played
    assert isinstance(method, ShippingZoneMethods) and method.id == 5


def test_carrier_connection_create_answers_204_with_nothing(api: BigcommerceApi) -> None:
    with replay.use_cassette("shipping/carrier_connect.yaml") as cassette:
        assert api.ShippingCarrierConnection.create({"carrier_id": "endicia", "connection": ENDICIA}) is None
    assert cassette.all_played


def test_carrier_connection_update_answers_204_with_nothing(api: BigcommerceApi) -> None:
    with replay.use_cassette("shipping/carrier_update.yaml") as cassette:
        assert api.ShippingCarrierConnection.update({"carrier_id": "endicia", "connection": ENDICIA}) is None
    assert cassette.all_played


def test_carrier_connection_delete_sends_the_carrier_id_in_the_body(api: BigcommerceApi) -> None:
    with replay.use_cassette("shipping/carrier_disconnect.yaml") as cassette:
        assert api.ShippingCarrierConnection.delete({"carrier_id": "endicia"}) is None
    assert cassette.all_played
    assert cassette.requests[0].method == "DELETE"


def test_carrier_connection_missing_field_raises_the_400(api: BigcommerceApi) -> None:
    with replay.use_cassette("shipping/carrier_missing_field.yaml") as cassette:
        with pytest.raises(ClientRequestException) as caught:
            api.ShippingCarrierConnection.create({"carrier_id": "endicia"})
    assert cassette.all_played
    assert caught.value.status_code == 400
    assert caught.value.errors == ["Required fields missing [connection]"]


def test_carrier_connection_has_no_get(api: BigcommerceApi) -> None:
    for operation in ("get", "all"):
        with pytest.raises(AttributeError):
            getattr(api.ShippingCarrierConnection, operation)
