"""The sandbox's v3 channels, channel listings, sites, routes and webhooks over loopback (v3-resources.md
§3.19, §3.20, §3.24): envelopes, the three paging shapes, required fields, defaults, errors, and the
state they keep (the default channel and site, dump/load, hooks shared with v2)."""
from __future__ import annotations

from typing import Any, Callable

from bigcommerce.sandbox import Sandbox
from bigcommerce.sandbox.store import Store
from tests.sandbox.v3_http import data, error_of, product_body, size_variants, v2, v3

MakeSandbox = Callable[..., Sandbox]


def channel(sb: Sandbox, name: str, platform: str = "ebay", kind: str = "marketplace", **fields: Any) -> Any:
    return data(v3(sb, "POST", "channels", json={"name": name, "platform": platform, "type": kind, **fields}))


def product_with_variants(sb: Sandbox, name: str, *labels: str) -> tuple[int, list[int]]:
    product = data(v3(sb, "POST", "catalog/products", json=product_body(name, variants=size_variants(*labels,
                                                                                                     prefix=name))))
    variants = data(v3(sb, "GET", f"catalog/products/{product['id']}/variants"))
    return product["id"], [variant["id"] for variant in variants]


def listing(product_id: int, variant_ids: list[int], state: str = "active", **fields: Any) -> dict[str, Any]:
    return {"product_id": product_id, "state": state, **fields,
            "variants": [{"product_id": product_id, "variant_id": vid, "state": state} for vid in variant_ids]}


# -- channels (§3.19) ----------------------------------------------------------------------------------
def test_every_store_lists_its_default_storefront_channel_1(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    body = v3(sb, "GET", "channels").json()
    (default,) = body["data"]
    assert (default["id"], default["type"], default["platform"]) == (1, "storefront", "bigcommerce")
    assert list(default)[:3] == ["id", "icon_url", "is_listable_from_ui"]  # the spec example's order
    assert body["meta"]["pagination"]["total"] == 1 and body["meta"]["pagination"]["total_pages"] == 1
    assert data(v3(sb, "GET", "channels/1"))["name"] == default["name"]


def test_a_channel_create_requires_name_type_and_platform_and_a_valid_pair(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    missing = error_of(v3(sb, "POST", "channels", json={"name": "Shop"}), 422)
    assert {"type", "platform"} <= set(missing["errors"])
    pair = error_of(v3(sb, "POST", "channels", json={"name": "Mall", "type": "marketplace",
                                                     "platform": "bigcommerce"}), 422)
    assert "not supported" in pair["title"]
    error_of(v3(sb, "POST", "channels", json={"name": "Bad!", "type": "marketplace", "platform": "ebay"}), 422)
    deleted = v3(sb, "POST", "channels", json={"name": "Gone", "type": "pos", "platform": "square",
                                               "status": "deleted"})
    assert "status" in error_of(deleted, 422)["errors"]


def test_a_new_channel_takes_the_defaults_of_its_type(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    ebay = channel(sb, "eBay")
    assert (ebay["status"], ebay["is_visible"], ebay["external_id"]) == ("connected", True, "")
    assert ebay["icon_url"].endswith("/ebay_icon.svg") and ebay["id"] > 1
    headless = channel(sb, "Headless", "next", "storefront")
    assert headless["status"] == "prelaunch" and headless["is_listable_from_ui"] is True


def test_a_twin_of_name_platform_and_type_is_a_409_on_create_and_update(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    channel(sb, "Amazon", "amazon")
    second = channel(sb, "Amazon EU", "amazon")
    assert "already exists" in error_of(v3(sb, "POST", "channels", json={
        "name": "Amazon", "platform": "amazon", "type": "marketplace"}), 409)["title"]
    error_of(v3(sb, "PUT", f"channels/{second['id']}", json={"name": "Amazon"}), 409)


def test_a_channel_update_is_partial_and_keeps_type_and_platform(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    created = channel(sb, "Etsy", "etsy")
    updated = data(v3(sb, "PUT", f"channels/{created['id']}", json={"external_id": "E-1", "status": "disconnected"}))
    assert (updated["external_id"], updated["status"], updated["name"]) == ("E-1", "disconnected", "Etsy")
    fixed = error_of(v3(sb, "PUT", f"channels/{created['id']}", json={"type": "pos", "platform": "square"}), 422)
    assert set(fixed["errors"]) == {"type", "platform"}
    error_of(v3(sb, "PUT", f"channels/{created['id']}", json={"status": "prelaunch"}), 422)
    data(v3(sb, "PUT", f"channels/{created['id']}", json={"status": "deleted"}))
    assert "deleted" in error_of(v3(sb, "PUT", f"channels/{created['id']}", json={"name": "Again"}), 422)["title"]
    error_of(v3(sb, "PUT", "channels/999", json={"name": "Nobody"}), 404)
    error_of(v3(sb, "GET", "channels/999"), 404)


def test_channels_filter_by_status_type_platform_and_availability(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    ebay = channel(sb, "eBay")
    data(v3(sb, "PUT", f"channels/{ebay['id']}", json={"status": "archived"}))
    channel(sb, "Square", "square", "pos")

    def ids(**query: str) -> list[int]:
        return [item["id"] for item in data(v3(sb, "GET", "channels", params=query))]

    assert ids(**{"type:in": "pos,storefront"}) == [1, ebay["id"] + 1]
    assert ids(**{"platform:in": "ebay"}) == [ebay["id"]]
    assert ids(**{"status:in": "archived"}) == [ebay["id"]]
    assert ids(available="false") == [ebay["id"]] and ebay["id"] not in ids(available="true")
    error_of(v3(sb, "GET", "channels", params={"available": "maybe"}), 422)
    assert data(v3(sb, "GET", "channels", params={"limit": 1, "page": 2}))[0]["id"] == ebay["id"]


def test_include_currencies_embeds_the_channels_currency_assignment(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    plain = data(v3(sb, "GET", "channels/1"))
    embedded = data(v3(sb, "GET", "channels/1", params={"include": "currencies"}))
    assert "currencies" not in plain
    assert embedded["currencies"]["channel_id"] == 1 and embedded["currencies"]["default_currency"] == "USD"


def test_channels_have_no_delete(make_real_sandbox: MakeSandbox) -> None:
    error_of(v3(make_real_sandbox(), "DELETE", "channels/1"), 405)


# -- currency assignments (§3.19) ------------------------------------------------------------------
def test_a_channel_inherits_the_stores_currencies_until_assigned_and_after_delete(
        make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    ebay = channel(sb, "eBay")
    path = f"channels/{ebay['id']}/currency-assignments"
    store_codes = [c["currency_code"] for c in v2(sb, "GET", "currencies").json() if c["enabled"]]
    assert data(v3(sb, "GET", path)) == {"channel_id": ebay["id"], "enabled_currencies": store_codes,
                                         "default_currency": "USD"}
    assigned = data(v3(sb, "PUT", path, json={"enabled_currencies": ["USD", "EUR"], "default_currency": "EUR"}))
    assert assigned["enabled_currencies"] == ["USD", "EUR"] and assigned["default_currency"] == "EUR"
    deleted = v3(sb, "DELETE", path)
    assert deleted.status_code == 200 and deleted.json()["data"] == 1  # §2.13: 200 {data: integer}
    assert data(v3(sb, "GET", path))["enabled_currencies"] == store_codes


def test_only_enabled_store_currencies_can_be_assigned(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    path = "channels/1/currency-assignments"
    unknown = error_of(v3(sb, "POST", path, json={"enabled_currencies": ["AWG"], "default_currency": "AWG"}), 422)
    assert "AWG" in unknown["errors"]["enabled_currencies"]
    missing = error_of(v3(sb, "POST", path, json={"enabled_currencies": ["USD"]}), 422)
    assert missing["errors"] == {"default_currency": "error.path.missing"}
    error_of(v3(sb, "POST", path, json={"enabled_currencies": ["USD"], "default_currency": "EUR"}), 422)
    error_of(v3(sb, "GET", "channels/999/currency-assignments"), 404)
    created = v2(sb, "POST", "currencies", json={
        "currency_code": "JPY", "currency_exchange_rate": 150, "token_location": "left", "token": "¥",
        "decimal_token": ".", "thousands_token": ",", "decimal_places": 0, "name": "Yen"})
    assert created.status_code in (200, 201), created.text
    assert data(v3(sb, "PUT", path, json={"enabled_currencies": ["JPY"], "default_currency": "JPY"}))[
        "enabled_currencies"] == ["JPY"]


def test_currency_assignments_of_several_channels_are_written_together_or_not_at_all(
        make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    ebay = channel(sb, "eBay")
    both = [{"channel_id": 1, "enabled_currencies": ["USD", "GBP"], "default_currency": "USD"},
            {"channel_id": ebay["id"], "enabled_currencies": ["EUR"], "default_currency": "EUR"}]
    assert [item["channel_id"] for item in data(v3(sb, "POST", "channels/currency-assignments", json=both))] == [
        1, ebay["id"]]
    listed = data(v3(sb, "GET", "channels/currency-assignments"))
    assert listed[1]["enabled_currencies"] == ["EUR"]
    bad = v3(sb, "PUT", "channels/currency-assignments",
             json=[{"channel_id": 1, "enabled_currencies": ["CAD"], "default_currency": "CAD"},
                   {"channel_id": 999, "enabled_currencies": ["USD"], "default_currency": "USD"}])
    assert "999" in error_of(bad, 422)["title"]
    assert data(v3(sb, "GET", "channels/1/currency-assignments"))["enabled_currencies"] == ["USD", "GBP"]
    typed = error_of(v3(sb, "PUT", "channels/currency-assignments", json=[{"channel_id": "1"}]), 422)
    assert typed["errors"] == {"0.channel_id": "error.expected.jsnumber"}
    error_of(v3(sb, "PUT", "channels/currency-assignments", json={"channel_id": 1}), 400)


# -- listings (§3.19, §2.5 keyset paging) --------------------------------------------------------------
def test_listings_page_by_the_last_listing_id_with_the_partial_pagination_block(
        make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    ebay = channel(sb, "eBay")
    product_id, variant_ids = product_with_variants(sb, "Tee", "S", "M")
    path = f"channels/{ebay['id']}/listings"
    created = data(v3(sb, "POST", path, json=[listing(product_id, variant_ids, name=f"L{n}") for n in range(5)]))
    ids = [item["listing_id"] for item in created]
    first = v3(sb, "GET", path, params={"limit": 2}).json()
    assert [item["listing_id"] for item in first["data"]] == ids[:2]
    assert first["meta"]["pagination"] == {"count": 2, "total": 5, "total_pages": 3,
                                           "links": {"current": "?limit=2", "next": f"?limit=2&after={ids[1]}"}}
    second = v3(sb, "GET", path + first["meta"]["pagination"]["links"]["next"]).json()
    assert [item["listing_id"] for item in second["data"]] == ids[2:4]
    assert set(second["meta"]["pagination"]) == {"count", "total", "links", "total_pages"}  # no page, no per_page
    last = data(v3(sb, "GET", path, params={"limit": 2, "after": ids[3]}))
    assert [item["listing_id"] for item in last] == ids[4:]
    assert v3(sb, "GET", path, params={"page": 2}).json()["data"][0]["listing_id"] == ids[0]  # there is no page
    assert "integer" in error_of(v3(sb, "GET", path, params={"after": "abc"}), 422)["title"]


def test_listings_of_an_unknown_channel_or_one_without_listings_are_200_and_empty(
        make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    for path in ("channels/999/listings", "channels/1/listings"):
        response = v3(sb, "GET", path)
        assert response.status_code == 200 and response.json()["data"] == []


def test_a_listing_create_names_missing_fields_in_the_specs_words_and_saves_nothing(
        make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    ebay = channel(sb, "eBay")
    product_id, variant_ids = product_with_variants(sb, "Tee", "S")
    path = f"channels/{ebay['id']}/listings"
    missing = error_of(v3(sb, "POST", path, json=[listing(product_id, variant_ids), {"name": "x"}]), 422)
    assert missing["errors"] == {"1.product_id": "error.path.missing", "1.state": "error.path.missing",
                                 "1.variants": "error.path.missing"}
    variant = error_of(v3(sb, "POST", path, json=[{"product_id": product_id, "state": "active",
                                                   "variants": [{"variant_id": variant_ids[0]}]}]), 422)
    assert set(variant["errors"]) == {"0.variants.0.product_id", "0.variants.0.state"}
    other_id, _ = product_with_variants(sb, "Cap", "L")
    mismatch = listing(product_id, variant_ids)
    mismatch["variants"][0]["product_id"] = other_id
    error_of(v3(sb, "POST", path, json=[mismatch]), 422)
    assert "not valid" in error_of(v3(sb, "POST", "channels/999/listings", json=[listing(product_id, [])]),
                                   422)["title"]
    assert data(v3(sb, "GET", path)) == []


def test_a_listing_update_merges_variants_and_skips_unknown_listing_ids(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    ebay = channel(sb, "eBay")
    product_id, (small, medium) = product_with_variants(sb, "Tee", "S", "M")
    path = f"channels/{ebay['id']}/listings"
    (created,) = data(v3(sb, "POST", path, json=[listing(product_id, [small])]))
    assert created["name"] == "Tee" and created["channel_id"] == ebay["id"]  # the product's name by default
    update = {"listing_id": created["listing_id"], "product_id": product_id, "state": "disabled",
              "variants": [{"product_id": product_id, "variant_id": medium, "state": "pending"}]}
    ghost = {**update, "listing_id": 999_999}
    (updated,) = data(v3(sb, "PUT", path, json=[update, ghost]))
    assert updated["state"] == "disabled"
    assert [(v["variant_id"], v["state"]) for v in updated["variants"]] == [(small, "active"), (medium, "pending")]
    error_of(v3(sb, "PUT", path, json=[{**update, "listing_id": 0}]), 422)
    other_id, _ = product_with_variants(sb, "Cap", "L")
    error_of(v3(sb, "PUT", path, json=[{**update, "product_id": other_id, "variants": []}]), 422)
    assert data(v3(sb, "GET", f"{path}/{created['listing_id']}"))["state"] == "disabled"
    error_of(v3(sb, "GET", f"channels/1/listings/{created['listing_id']}"), 404)
    error_of(v3(sb, "DELETE", f"{path}/{created['listing_id']}"), 405)  # no DELETE


def test_listings_filter_by_product(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    ebay = channel(sb, "eBay")
    tee, tee_variants = product_with_variants(sb, "Tee", "S")
    cap, cap_variants = product_with_variants(sb, "Cap", "L")
    path = f"channels/{ebay['id']}/listings"
    data(v3(sb, "POST", path, json=[listing(tee, tee_variants), listing(cap, cap_variants)]))
    assert [item["product_id"] for item in data(v3(sb, "GET", path, params={"product_id:in": cap}))] == [cap]


def test_a_products_listings_go_when_the_product_is_deleted_through_v2(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    ebay = channel(sb, "eBay")
    tee, tee_variants = product_with_variants(sb, "Tee", "S")
    cap, cap_variants = product_with_variants(sb, "Cap", "L")
    path = f"channels/{ebay['id']}/listings"
    data(v3(sb, "POST", path, json=[listing(tee, tee_variants), listing(cap, cap_variants)]))
    assert v2(sb, "DELETE", f"products/{tee}").status_code == 204
    assert [item["product_id"] for item in data(v3(sb, "GET", path))] == [cap]


# -- channel metafields (§3.19) -----------------------------------------------------------------------------
def test_channel_metafields_are_metafields_of_resource_type_channel(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    body = {"namespace": "app", "key": "colour", "value": "blue", "permission_set": "read"}
    created = data(v3(sb, "POST", "channels/1/metafields", json=body))
    assert (created["resource_type"], created["resource_id"]) == ("channel", 1)
    error_of(v3(sb, "POST", "channels/1/metafields", json=body), 409)
    assert "value" in error_of(v3(sb, "POST", "channels/1/metafields", json={**body, "key": "k2", "value": None}),
                               422)["errors"]
    error_of(v3(sb, "POST", "channels/999/metafields", json=body), 404)
    item = f"channels/1/metafields/{created['id']}"
    assert data(v3(sb, "PUT", item, json={"value": "red"}))["value"] == "red"
    batch = v3(sb, "POST", "channels/metafields", json=[{**body, "key": "size", "resource_id": 1},
                                                        {**body, "resource_id": 999}])
    assert batch.status_code == 422 and batch.json()["meta"] == {"total": 2, "success": 1, "failed": 1}
    listed = v3(sb, "GET", "channels/metafields").json()
    assert len(listed["data"]) == 2 and "cursor_pagination" in listed["meta"]
    assert v3(sb, "DELETE", item).status_code == 204
    assert v3(sb, "DELETE", "channels/metafields", json=[listed["data"][1]["id"]]).json()["meta"]["success"] == 1


# -- sites and the channel site (§3.19, §3.20) ----------------------------------------------------------------
def test_sites_list_the_default_site_with_the_offset_limit_total_items_meta(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    body = v3(sb, "GET", "sites").json()
    (site,) = body["data"]
    assert (site["id"], site["channel_id"]) == (1, 1)
    assert body["meta"] == {"pagination": {"offset": 0, "limit": 50, "total_items": 1}}
    assert [url["type"] for url in site["urls"]] == ["primary", "canonical", "checkout"]
    assert site["is_checkout_url_customized"] is False
    assert data(v3(sb, "GET", "channels/1/site"))["id"] == 1


def test_a_site_is_created_201_for_a_channel_without_one_and_deleted_204(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    ebay = channel(sb, "Shop", "next", "storefront")
    assert "url" in error_of(v3(sb, "POST", "sites", json={"channel_id": ebay["id"]}), 422)["errors"]
    error_of(v3(sb, "POST", "sites", json={"url": "https://a.example.com", "channel_id": 999}), 422)
    error_of(v3(sb, "POST", "sites", json={"url": "https://a.example.com", "channel_id": 1}), 422)  # has one
    error_of(v3(sb, "POST", "sites", json={"url": "not a url", "channel_id": ebay["id"]}), 422)
    created = data(v3(sb, "POST", "sites", json={"url": "https://shop.example.com", "channel_id": ebay["id"]}), 201)
    assert data(v3(sb, "GET", f"channels/{ebay['id']}/site"))["id"] == created["id"]
    updated = data(v3(sb, "PUT", f"sites/{created['id']}", json={"url": "https://www.shop.example.com"}))
    assert updated["urls"][0] == {**updated["urls"][0], "url": "https://www.shop.example.com", "type": "primary"}
    page = v3(sb, "GET", "sites", params={"channel_id:in": ebay["id"]}).json()
    assert [s["id"] for s in page["data"]] == [created["id"]] and page["meta"]["pagination"]["total_items"] == 1
    deleted = v3(sb, "DELETE", f"sites/{created['id']}")
    assert deleted.status_code == 204 and not deleted.content
    error_of(v3(sb, "GET", f"sites/{created['id']}"), 404)


def test_the_channel_site_path_creates_updates_and_deletes_a_channels_site(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    shop = channel(sb, "Shop", "next", "storefront")
    path = f"channels/{shop['id']}/site"
    error_of(v3(sb, "GET", path), 404)
    created = data(v3(sb, "POST", path, json={"url": "https://shop.example.com"}))
    assert created["channel_id"] == shop["id"]
    assert data(v3(sb, "PUT", path, json={"url": "https://new.example.com"}))["url"] == "https://new.example.com"
    checkout = v3(sb, "PUT", f"{path}/checkout-url", json={"url": "https://pay.example.com"})
    assert checkout.status_code == 200 and "data" not in checkout.json()  # a bare site object (§2.4)
    assert checkout.json()["is_checkout_url_customized"] is True
    assert checkout.json()["urls"][2] == {**checkout.json()["urls"][2], "url": "https://pay.example.com"}
    cleared = v3(sb, "DELETE", f"{path}/checkout-url")
    assert cleared.status_code == 200 and cleared.json() == {"data": {}, "meta": {}}
    deleted = v3(sb, "DELETE", path)
    assert deleted.status_code == 200 and deleted.json() == {}  # §2.13: 200 {}
    error_of(v3(sb, "GET", path), 404)


# -- site routes (§3.20) ---------------------------------------------------------------------------------------
def test_site_routes_crud_with_201s_and_the_total_page_spelling(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    path = "sites/1/routes"
    assert set(error_of(v3(sb, "POST", path, json={"type": "product"}), 422)["errors"]) == {"matching", "route"}
    error_of(v3(sb, "POST", path, json={"type": "gadget", "matching": "5", "route": "/x"}), 422)
    created = data(v3(sb, "POST", path, json={"type": "product", "matching": "5", "route": "/products?id={id}"}), 201)
    twin = error_of(v3(sb, "POST", path, json={"type": "product", "matching": "5", "route": "/p"}), 422)
    assert "already exists" in twin["errors"]["matching.type"]
    item = f"{path}/{created['id']}"
    assert data(v3(sb, "GET", item)) == created
    error_of(v3(sb, "PUT", item, json={"route": "/only-route"}), 422)  # type, matching and route required
    replaced = data(v3(sb, "PUT", item, json={"type": "brand", "matching": "7", "route": "/b/{slug}"}), 201)
    assert replaced == {"id": created["id"], "type": "brand", "matching": "7", "route": "/b/{slug}"}
    listed = v3(sb, "GET", path, params={"type": "brand"}).json()
    assert [r["id"] for r in listed["data"]] == [created["id"]]
    assert listed["meta"]["pagination"]["total_page"] == 1 and "total_pages" not in listed["meta"]["pagination"]
    assert v3(sb, "DELETE", item).status_code == 204
    error_of(v3(sb, "GET", item), 404)
    error_of(v3(sb, "GET", "sites/999/routes"), 404)


def test_the_routes_put_upserts_all_or_nothing(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    path = "sites/1/routes"
    existing = data(v3(sb, "POST", path, json={"type": "home", "matching": "*", "route": "/"}), 201)
    upserted = data(v3(sb, "PUT", path, json=[{"id": existing["id"], "type": "home", "matching": "*", "route": "/h"},
                                              {"type": "cart", "matching": "*", "route": "/cart"}]))
    assert [r["route"] for r in upserted] == ["/h", "/cart"] and upserted[0]["id"] == existing["id"]
    failed = v3(sb, "PUT", path, json=[{"type": "search", "matching": "*", "route": "/s"},
                                       {"type": "cart", "matching": "*", "route": "/c2"}])
    body = error_of(failed, 422)
    assert body["meta"] == {"saved_records": 0} and "1.matching.type" in body["errors"]
    assert [r["type"] for r in data(v3(sb, "GET", path))] == ["home", "cart"]


def test_deleting_a_site_deletes_its_routes(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    shop = channel(sb, "Shop", "next", "storefront")
    site = data(v3(sb, "POST", "sites", json={"url": "https://shop.example.com", "channel_id": shop["id"]}), 201)
    data(v3(sb, "POST", f"sites/{site['id']}/routes", json={"type": "home", "matching": "*", "route": "/"}), 201)
    assert v3(sb, "DELETE", f"sites/{site['id']}").status_code == 204
    assert sb.store.dump()["site_routes"] == []


# -- webhooks (§3.24) -------------------------------------------------------------------------------------
HOOK = {"scope": "store/order/created", "destination": "https://app.example.com/hooks", "is_active": True}


def test_a_webhook_is_created_200_with_epoch_dates_and_is_the_v2_hook(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    created = data(v3(sb, "POST", "hooks", json={**HOOK, "headers": {"X-Secret": "s"}}))
    assert list(created) == ["id", "client_id", "store_hash", "created_at", "updated_at", "scope", "destination",
                             "is_active", "headers"]
    assert isinstance(created["created_at"], int) and created["store_hash"] == sb.store_hash
    shown = v2(sb, "GET", f"hooks/{created['id']}").json()
    assert shown["scope"] == HOOK["scope"] and shown["headers"] == {"X-Secret": "s"}
    via_v2 = v2(sb, "POST", "hooks", json={"scope": "store/product/*", "destination": "https://a.example.com/p"})
    assert data(v3(sb, "GET", f"hooks/{via_v2.json()['id']}"))["is_active"] is False  # inactive unless sent


def test_a_webhook_needs_a_documented_scope_and_an_https_destination_on_port_443(
        make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    assert set(error_of(v3(sb, "POST", "hooks", json={"is_active": True}), 422)["errors"]) == {"scope", "destination"}
    assert "scope" in error_of(v3(sb, "POST", "hooks", json={**HOOK, "scope": "store/gadget/created"}), 422)["errors"]
    for destination in ("http://app.example.com/hooks", "https://app.example.com:8443/hooks", "not a url"):
        refused = error_of(v3(sb, "POST", "hooks", json={**HOOK, "destination": destination}), 422)
        assert "destination" in refused["errors"], destination
    data(v3(sb, "POST", "hooks", json={**HOOK, "scope": "store/cart/*", "destination": "https://a.example.com:443/"}))
    error_of(v3(sb, "POST", "hooks", json={**HOOK, "is_active": "yes"}), 422)
    assert data(v3(sb, "GET", "hooks")) and all(h["destination"].startswith("https://") for h in
                                                data(v3(sb, "GET", "hooks")))


def test_a_webhook_update_needs_a_field_and_its_delete_answers_the_deleted_hook(
        make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    created = data(v3(sb, "POST", "hooks", json=HOOK))
    path = f"hooks/{created['id']}"
    error_of(v3(sb, "PUT", path, json={}), 422)
    error_of(v3(sb, "PUT", path, json={"destination": "http://insecure.example.com"}), 422)
    updated = data(v3(sb, "PUT", path, json={"is_active": False}))
    assert updated["is_active"] is False and updated["scope"] == HOOK["scope"]
    deleted = v3(sb, "DELETE", path)
    assert deleted.status_code == 200 and deleted.json()["data"]["id"] == created["id"]  # §2.13: not 204
    assert "not found" in error_of(v3(sb, "GET", path), 404)["title"]
    assert v2(sb, "GET", path).status_code == 404


def test_webhooks_filter_by_is_active_scope_and_destination_and_page_by_offset(
        make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    for n in range(3):
        data(v3(sb, "POST", "hooks", json={**HOOK, "destination": f"https://a.example.com/{n}", "is_active": n != 1}))
    assert len(data(v3(sb, "GET", "hooks", params={"is_active": "true"}))) == 2
    assert len(data(v3(sb, "GET", "hooks", params={"destination": "https://a.example.com/1"}))) == 1
    assert len(data(v3(sb, "GET", "hooks", params={"scope": "store/order/created"}))) == 3
    page = v3(sb, "GET", "hooks", params={"limit": 2, "page": 2}).json()
    assert len(page["data"]) == 1 and page["meta"]["pagination"]["total_pages"] == 2


def test_a_hook_changed_in_either_version_is_changed_in_the_other(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    created = data(v3(sb, "POST", "hooks", json=HOOK))
    changed_in_v2 = v2(sb, "PUT", f"hooks/{created['id']}", json={"scope": "store/product/updated"})
    assert changed_in_v2.status_code == 200, changed_in_v2.text
    assert data(v3(sb, "GET", f"hooks/{created['id']}"))["scope"] == "store/product/updated"
    data(v3(sb, "PUT", f"hooks/{created['id']}", json={"headers": {"X-Key": "k"}}))
    assert v2(sb, "GET", f"hooks/{created['id']}").json()["headers"] == {"X-Key": "k"}
    assert v2(sb, "DELETE", f"hooks/{created['id']}").status_code == 200
    error_of(v3(sb, "GET", f"hooks/{created['id']}"), 404)


def test_hooks_admin_lists_hooks_with_their_status_and_upserts_the_emails_with_a_204(
        make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    data(v3(sb, "POST", "hooks", json=HOOK))
    data(v3(sb, "POST", "hooks", json={**HOOK, "is_active": False}))
    admin = data(v3(sb, "GET", "hooks/admin"))
    assert admin["emails"] == [] and admin["blocked_domains"] == []
    assert [hook["status"] for hook in admin["hooks_list"]] == ["active", "inactive"]
    assert len(data(v3(sb, "GET", "hooks/admin", params={"is_active": "false"}))["hooks_list"]) == 1
    saved = v3(sb, "PUT", "hooks/admin", json={"emails": ["ops@example.com"]})
    assert saved.status_code == 204 and not saved.content
    assert data(v3(sb, "GET", "hooks/admin"))["emails"] == ["ops@example.com"]
    assert error_of(v3(sb, "PUT", "hooks/admin", json={}), 422)["errors"] == {"emails": "error.path.missing"}
    error_of(v3(sb, "PUT", "hooks/admin", json={"emails": ["not-an-address"]}), 422)
    assert sb.store.dump()["hook_admin"] == [{"id": 1, "emails": ["ops@example.com"]}]


# -- state: the defaults survive dump/load, seeding, and an old dump ------------------------------------------
def test_the_default_channel_and_site_are_in_every_dump_and_come_back_from_load() -> None:
    source = Store(store_hash="abc123")
    source.seed(products=5, customers=2, orders=2)
    assert [row["id"] for row in source.dump()["channels"]] == [1]
    source.handle_v3("POST", "channels", {}, {"name": "eBay", "platform": "ebay", "type": "marketplace"})
    source.handle_v3("POST", "sites/1/routes", {}, {"type": "home", "matching": "*", "route": "/"})
    dumped = source.dump()
    copy = Store(store_hash="abc123")
    copy.load(dumped)
    assert copy.dump() == dumped
    assert [row["name"] for row in copy.dump()["channels"]] == ["Sandbox Store", "eBay"]
    old = {key: value for key, value in dumped.items() if key not in ("channels", "sites", "site_routes")}
    older = Store(store_hash="abc123")
    older.load(old)
    assert [row["id"] for row in older.dump()["channels"]] == [1] and len(older.dump()["sites"]) == 1


def test_a_created_channel_id_is_not_reused_after_load() -> None:
    source = Store(store_hash="abc123")
    source.handle_v3("POST", "channels", {}, {"name": "eBay", "platform": "ebay", "type": "marketplace"})
    copy = Store(store_hash="abc123")
    copy.load(source.dump())
    response = copy.handle_v3("POST", "channels", {}, {"name": "Etsy", "platform": "etsy", "type": "marketplace"})
    assert b'"id":3' in response.body
