"""The v3 client's channel, listing, currency-assignment, site, route and webhook classes against the
sandbox over loopback: the calls as v3-interface.md writes them, what they sent read from the
sandbox's request statistics, what they changed from the store and the v2 view."""
from __future__ import annotations

import itertools
from typing import Any

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import ClientRequestException, ResourceNotFound
from bigcommerce.sandbox import Sandbox
from bigcommerce.v3 import ChannelListings, Channels, Sites, Webhooks

_names = itertools.count(1)


def unique(prefix: str) -> str:
    """A name no other test of this module's shared store uses."""
    return f"{prefix}-{next(_names)}"


def new_channel(api: BigcommerceApi, platform: str = "ebay", kind: str = "marketplace") -> Channels:
    return api.v3.Channels.create(name=unique("Channel"), platform=platform, type=kind)


def product_with_variants(api: BigcommerceApi, *labels: str) -> tuple[int, list[int]]:
    name = unique("Listed")
    product = api.v3.Products.create(name=name, type="physical", weight=1, price=10, variants=[
        {"sku": f"{name}-{label}", "option_values": [{"option_display_name": "Size", "label": label}]}
        for label in labels])
    return product.id, [variant.id for variant in product.variants()]


def listing(product_id: int, variant_ids: list[int], **fields: Any) -> dict[str, Any]:
    return {"product_id": product_id, "state": "active", **fields,
            "variants": [{"product_id": product_id, "variant_id": vid, "state": "active"} for vid in variant_ids]}


# -- channels ---------------------------------------------------------------------------------------------------
def test_the_default_channel_is_there_and_new_channels_are_listed_counted_and_updated(api: BigcommerceApi) -> None:
    default = api.v3.Channels.get(1)
    created = new_channel(api)
    updated = created.update(status="disconnected", external_id="EXT-1")

    assert isinstance(default, Channels) and (default.type, default.platform) == ("storefront", "bigcommerce")
    assert isinstance(created, Channels) and created.status == "connected"
    assert (updated.status, updated.external_id, updated.name) == ("disconnected", "EXT-1", created.name)
    assert created.id in [c.id for c in api.v3.Channels.iterall()]
    assert api.v3.Channels.count(**{"platform:in": "ebay"}) >= 1
    assert api.v3.Channels.get(1, include=["currencies"])["currencies"]["channel_id"] == 1


def test_a_channel_the_api_refuses_raises_with_the_field_named(api: BigcommerceApi) -> None:
    with pytest.raises(ClientRequestException) as caught:
        api.v3.Channels.create(name=unique("NoType"), platform="ebay")
    assert caught.value.status_code == 422 and any("type" in message for message in caught.value.errors)
    with pytest.raises(ResourceNotFound):
        api.v3.Channels.get(987_654)


def test_currency_assignments_through_the_singleton_and_the_batch(api: BigcommerceApi) -> None:
    first, second = new_channel(api), new_channel(api)
    one = api.v3.ChannelCurrencyAssignments.update(first.id, enabled_currencies=["USD", "EUR"],
                                                   default_currency="EUR")
    batch = api.v3.ChannelCurrencyAssignments.create_many([
        {"channel_id": second.id, "enabled_currencies": ["GBP"], "default_currency": "GBP"}])
    again = api.v3.ChannelCurrencyAssignments.get(first.id)
    every = {item["channel_id"]: item for item in api.v3.ChannelCurrencyAssignments.all()}
    api.v3.ChannelCurrencyAssignments.delete(first.id)
    inherited = api.v3.ChannelCurrencyAssignments.get(first.id)

    assert one["default_currency"] == "EUR" and again["enabled_currencies"] == ["USD", "EUR"]
    assert [item["channel_id"] for item in batch.succeeded] == [second.id] and not batch.failed
    assert every[second.id]["enabled_currencies"] == ["GBP"] and 1 in every
    assert inherited["default_currency"] == "USD" and "CAD" in inherited["enabled_currencies"]


# -- listings: keyset paging through the client ---------------------------------------------------------------------
def test_iterall_walks_channel_listings_page_by_page_with_after(api: BigcommerceApi, sandbox: Sandbox) -> None:
    channel = new_channel(api)
    product_id, variant_ids = product_with_variants(api, "S", "M")
    created = api.v3.ChannelListings.create_many([listing(product_id, variant_ids, name=f"Item {n}")
                                                  for n in range(7)], channel.id)
    sandbox.stats.reset()

    walked = list(api.v3.ChannelListings.iterall(channel.id, limit=3))

    assert len(created.succeeded) == 7 and not created.failed
    assert [item.listing_id for item in walked] == sorted(item["listing_id"] for item in created.succeeded)
    assert all(isinstance(item, ChannelListings) for item in walked)
    assert sandbox.stats.count("GET", f"v3/channels/{channel.id}/listings") == 3  # 3 + 3 + 1: the short page ends it


def test_one_listing_is_created_read_and_updated_through_the_client(api: BigcommerceApi) -> None:
    channel = new_channel(api)
    product_id, (small, medium) = product_with_variants(api, "S", "M")
    created = api.v3.ChannelListings.create(channel.id, **listing(product_id, [small]))
    fetched = api.v3.ChannelListings.get(channel.id, created.listing_id)
    result = api.v3.ChannelListings.update_many([{
        "listing_id": created.listing_id, "product_id": product_id, "state": "disabled",
        "variants": [{"product_id": product_id, "variant_id": medium, "state": "pending"}]}], channel.id)
    (updated,) = result.succeeded

    assert isinstance(created, ChannelListings) and fetched.listing_id == created.listing_id
    assert updated["state"] == "disabled" and [v["variant_id"] for v in updated["variants"]] == [small, medium]
    assert list(api.v3.ChannelListings.iterall(987_654)) == []  # an unknown channel: 200, no listings


def test_channel_metafields_through_the_metafield_pattern(api: BigcommerceApi) -> None:
    channel = new_channel(api)
    created = api.v3.ChannelMetafields.create(channel.id, namespace="app", key="colour", value="blue",
                                              permission_set="read")
    listed = list(api.v3.ChannelMetafields.iterall(channel.id))
    changed = created.update(value="red")
    created.delete()

    assert created["resource_type"] == "channel" and created["resource_id"] == channel.id
    assert [m.id for m in listed] == [created.id] and changed["value"] == "red"
    assert list(api.v3.ChannelMetafields.iterall(channel.id)) == []


# -- sites, the channel site, routes ------------------------------------------------------------------------------
def test_sites_are_created_walked_updated_and_deleted(api: BigcommerceApi) -> None:
    shop = new_channel(api, "next", "storefront")
    created = api.v3.Sites.create(url="https://shop.example.com", channel_id=shop.id)
    walked = list(api.v3.Sites.iterall(limit=1))
    updated = created.update(url="https://www.shop.example.com")
    seen_from_channel = api.v3.ChannelSite.get(shop.id)
    created.delete()

    assert isinstance(created, Sites) and created.channel_id == shop.id
    assert {1, created.id} <= {site.id for site in walked}
    assert updated.url == "https://www.shop.example.com" and seen_from_channel["id"] == created.id
    with pytest.raises(ResourceNotFound):
        api.v3.Sites.get(created.id)


def test_the_channel_site_singleton_and_its_checkout_url(api: BigcommerceApi) -> None:
    shop = new_channel(api, "next", "storefront")
    created = api.v3.ChannelSite.create(shop.id, url="https://shop.example.com")
    with_checkout = api.v3.ChannelSiteCheckoutUrl.update(shop.id, url="https://pay.example.com")
    api.v3.ChannelSiteCheckoutUrl.delete(shop.id)
    after = api.v3.ChannelSite.get(shop.id)
    api.v3.ChannelSite.delete(shop.id)

    assert created["channel_id"] == shop.id and with_checkout["is_checkout_url_customized"] is True
    assert after["is_checkout_url_customized"] is False
    with pytest.raises(ResourceNotFound):
        api.v3.ChannelSite.get(shop.id)


def test_site_routes_are_created_counted_upserted_and_deleted(api: BigcommerceApi) -> None:
    shop = new_channel(api, "next", "storefront")
    site = api.v3.Sites.create(url="https://routes.example.com", channel_id=shop.id)
    route = api.v3.SiteRoutes.create(site.id, type="product", matching="5", route="/p?id={id}")
    result = api.v3.SiteRoutes.update_many([{"id": route.id, "type": "product", "matching": "5", "route": "/x"},
                                            {"type": "home", "matching": "*", "route": "/"}], site.id)
    walked = list(api.v3.SiteRoutes.iterall(site.id, limit=1))
    count = api.v3.SiteRoutes.count(site.id)
    route.delete()

    assert [r["route"] for r in result.succeeded] == ["/x", "/"] and not result.failed
    assert [r.type for r in walked] == ["product", "home"] and count == 2
    assert [r.type for r in api.v3.SiteRoutes.all(site.id)] == ["home"]


# -- webhooks ----------------------------------------------------------------------------------------------------
def test_a_webhook_made_through_v3_is_the_v2_hook_and_deletes_answer_it(api: BigcommerceApi) -> None:
    destination = f"https://hooks.example.com/{unique('hook')}"
    created = api.v3.Webhooks.create(scope="store/order/*", destination=destination, is_active=True)
    through_v2 = api.Webhooks.get(created.id)
    active = api.v3.Webhooks.all(destination=destination, is_active=True)
    updated = created.update(is_active=False)
    count = api.v3.Webhooks.count(destination=destination, is_active=False)
    created.delete()

    assert isinstance(created, Webhooks) and isinstance(created.created_at, int)
    assert through_v2.destination == destination and through_v2.is_active is True
    assert [hook.id for hook in active] == [created.id] and updated.is_active is False and count == 1
    with pytest.raises(ResourceNotFound):
        api.v3.Webhooks.get(created.id)


def test_a_webhook_to_plain_http_is_refused_naming_the_destination(api: BigcommerceApi) -> None:
    with pytest.raises(ClientRequestException) as caught:
        api.v3.Webhooks.create(scope="store/order/created", destination="http://hooks.example.com/x")
    assert caught.value.status_code == 422 and any("https" in message for message in caught.value.errors)


def test_the_hook_admin_singleton_keeps_the_notification_emails(api: BigcommerceApi) -> None:
    api.v3.HookAdmin.update(emails=["ops@example.com"])
    admin = api.v3.HookAdmin.get()
    assert admin["emails"] == ["ops@example.com"] and isinstance(admin["hooks_list"], list)
