"""The v3 client's content classes against the sandbox over loopback: pages, redirects, scripts, widgets.

Each test runs on a private store (content tables start empty) and checks what the client's
calls changed through the client itself and, where the rows are shared, through v2.
"""
from __future__ import annotations

from typing import Callable

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import ClientRequestException, ResourceNotFound
from bigcommerce.sandbox import Sandbox
from bigcommerce.v3 import (
    Pages,
    Placements,
    PromotionCodes,
    Promotions,
    Redirects,
    Scripts,
    StoreMetafields,
    SystemLogs,
    Widgets,
    WidgetTemplates,
)

MakeStore = Callable[..., Sandbox]


@pytest.fixture
def store(fresh_sandbox: MakeStore) -> Sandbox:
    return fresh_sandbox(products=2, customers=0, orders=0)


@pytest.fixture
def client(store: Sandbox) -> BigcommerceApi:
    return BigcommerceApi(**store.oauth_kwargs())


# -- pages ----------------------------------------------------------------------------------------------

def test_a_page_created_through_the_v3_client_is_read_updated_and_deleted(client: BigcommerceApi) -> None:
    created = client.v3.Pages.create(name="About us", type="page", body="<p>Hello</p>")
    assert isinstance(created, Pages) and created["name"] == "About us"

    fetched = client.v3.Pages.get(created["id"], include=["body"])
    assert fetched["body"] == "<p>Hello</p>"
    assert client.Pages.get(created["id"])["name"] == "About us"  # the same row through v2

    updated = fetched.update(name="About")
    assert updated["name"] == "About" and client.Pages.get(created["id"])["name"] == "About"

    updated.delete()
    with pytest.raises(ResourceNotFound):
        client.v3.Pages.get(created["id"])


def test_pages_in_bulk_through_create_many_update_many_and_delete_many(client: BigcommerceApi) -> None:
    made = client.v3.Pages.create_many([{"name": f"Page {n}", "type": "page"} for n in range(3)])
    assert not made.failed and [p["name"] for p in made.succeeded] == ["Page 0", "Page 1", "Page 2"]
    ids = [p["id"] for p in made.succeeded]

    changed = client.v3.Pages.update_many([{"id": ids[0], "is_visible": False}])
    assert not changed.failed and changed.succeeded[0]["is_visible"] is False
    assert [p["id"] for p in client.v3.Pages.iterall()] == ids
    assert client.v3.Pages.count() == 3

    client.v3.Pages.delete_many(ids[:2])
    assert [p["id"] for p in client.v3.Pages.all()] == ids[2:]


def test_an_invalid_page_raises_a_client_error(client: BigcommerceApi) -> None:
    with pytest.raises(ClientRequestException):
        client.v3.Pages.create(name="Raw without body", type="raw")


# -- redirects -------------------------------------------------------------------------------------------

def test_redirects_upsert_through_update_many_and_are_v2_redirects(client: BigcommerceApi) -> None:
    saved = client.v3.Redirects.update_many([
        {"from_path": "/old/", "site_id": 1, "to": {"type": "url", "url": "/new/"}},
        {"from_path": "/older/", "site_id": 1, "to": {"type": "url", "url": "/new/"}},
    ])
    assert not saved.failed and [r["from_path"] for r in saved.succeeded] == ["/old/", "/older/"]
    again = client.v3.Redirects.update_many([{"from_path": "/old/", "site_id": 1, "to": {"type": "url", "url": "/x/"}}])
    assert again.succeeded[0]["id"] == saved.succeeded[0]["id"]

    one = client.v3.Redirects.get(saved.succeeded[0]["id"], include=["to_url"])
    assert isinstance(one, Redirects) and one["to"] == {"type": "url", "url": "/x/"}
    assert one["to_url"].endswith("/x/")
    assert client.Redirects.get(one["id"])["forward"] == {"type": "manual", "ref": "/x/"}
    assert client.v3.Redirects.count() == 2

    one.delete()
    assert [r["from_path"] for r in client.v3.Redirects.all()] == ["/older/"]
    client.v3.Redirects.delete_many([saved.succeeded[1]["id"]])
    assert client.v3.Redirects.all() == []


# -- scripts and widgets (uuid ids) ---------------------------------------------------------------------------

def test_a_script_is_addressed_by_its_uuid_through_the_client(client: BigcommerceApi) -> None:
    created = client.v3.Scripts.create(name="Tracker", kind="src", src="https://cdn.example.com/t.js")
    assert isinstance(created, Scripts) and len(created["uuid"]) == 36

    fetched = client.v3.Scripts.get(created["uuid"])
    assert fetched["src"] == "https://cdn.example.com/t.js"
    changed = fetched.update(location="footer")
    assert changed["location"] == "footer"
    assert [s["uuid"] for s in client.v3.Scripts.iterall()] == [created["uuid"]]
    assert client.v3.Scripts.count() == 1

    changed.delete()
    with pytest.raises(ResourceNotFound):
        client.v3.Scripts.get(created["uuid"])
    with pytest.raises(ClientRequestException):
        client.v3.Scripts.create(name="No source", kind="src")


def test_templates_widgets_placements_and_regions_through_the_client(client: BigcommerceApi) -> None:
    banner = client.v3.WidgetTemplates.create(name="Banner", template="<p>{{text}}</p>")
    widget = client.v3.Widgets.create(name="Sale banner", widget_template_uuid=banner["uuid"],
                                      widget_configuration={"text": "Sale"})
    placed = client.v3.Placements.create(widget_uuid=widget["uuid"], template_file="pages/home",
                                         region="home_below_menu", status="active")
    assert isinstance(banner, WidgetTemplates) and isinstance(widget, Widgets) and isinstance(placed, Placements)
    assert placed["widget"]["widget_template"]["uuid"] == banner["uuid"]

    regions = client.v3.Regions.all(template_file="pages/home")
    assert [region["name"] for region in regions] == ["home_below_menu"]
    assert client.v3.WidgetTemplatePreview.create(banner["uuid"], widget_configuration={"text": "Hi"})["html"] == \
        "<p>Hi</p>"

    assert client.v3.Widgets.get(widget["uuid"]).update(name="Banner 2")["name"] == "Banner 2"
    assert client.v3.Placements.count(template_file="pages/home") == 1
    with pytest.raises(ClientRequestException):
        client.v3.Widgets.create(name="Orphan", widget_template_uuid="00000000-0000-4000-8000-000000000000")

    placed.delete()
    assert client.v3.Placements.all() == []
    client.v3.Widgets.get(widget["uuid"]).delete()
    client.v3.WidgetTemplates.get(banner["uuid"]).delete()
    assert client.v3.WidgetTemplates.all() == []


# -- promotions and coupon codes ------------------------------------------------------------------------

RULES = [{"action": {"cart_value": {"discount": {"fixed_amount": "5"}}}, "apply_once": True}]


def test_promotions_and_their_codes_through_the_client(client: BigcommerceApi) -> None:
    auto = client.v3.Promotions.create(name="Five off", redemption_type="AUTOMATIC", rules=RULES)
    coupon = client.v3.Promotions.create(name="Codes", redemption_type="COUPON", rules=RULES)
    assert isinstance(auto, Promotions) and client.v3.Promotions.count() == 2
    assert client.v3.Promotions.get(auto["id"])["name"] == "Five off"
    assert auto.update(status="DISABLED")["status"] == "DISABLED"

    codes = [client.v3.PromotionCodes.create(coupon["id"], code=f"SAVE{n}") for n in range(3)]
    assert isinstance(codes[0], PromotionCodes)
    assert [c["code"] for c in client.v3.PromotionCodes.iterall(coupon["id"], limit=2)] == ["SAVE0", "SAVE1", "SAVE2"]
    codes[0].delete()
    client.v3.PromotionCodes.delete_many([codes[1]["id"]], coupon["id"])
    assert [c["code"] for c in client.v3.PromotionCodes.all(coupon["id"])] == ["SAVE2"]

    found = client.v3.PromotionCodes.all(code="SAVE2")  # no promotion id: GET /promotions/codes?code=
    assert [c["code"] for c in found] == ["SAVE2"]

    refused = client.v3.Promotions.delete_many([coupon["id"]])  # it still has a code: 422
    assert refused.failed and not refused.succeeded
    client.v3.Promotions.get(coupon["id"]).delete()
    client.v3.Promotions.delete_many([auto["id"]])
    assert client.v3.Promotions.all() == []


# -- store metafields and system logs ------------------------------------------------------------------

def test_store_metafields_through_the_client(client: BigcommerceApi) -> None:
    one = client.v3.StoreMetafields.create(namespace="shop", key="motto", value="Buy", permission_set="read")
    assert isinstance(one, StoreMetafields) and one["resource_type"] == "store"
    many = client.v3.StoreMetafields.create_many([
        {"namespace": "shop", "key": f"k{n}", "value": str(n), "permission_set": "write"} for n in range(3)])
    assert not many.failed and len(many.succeeded) == 3
    assert [m["key"] for m in client.v3.StoreMetafields.iterall(limit=2)] == ["motto", "k0", "k1", "k2"]

    fetched = client.v3.StoreMetafields.get(one["id"])
    assert fetched.update(value="Sell")["value"] == "Sell"
    fetched.delete()
    client.v3.StoreMetafields.delete_many([m["id"] for m in many.succeeded[:2]])
    assert [m["key"] for m in client.v3.StoreMetafields.all()] == ["k2"]


def test_system_logs_through_the_client_show_a_deleted_product(client: BigcommerceApi) -> None:
    assert client.v3.SystemLogs.count() == 0
    product = client.v3.Products.all()[0]
    product.delete()
    logs = client.v3.SystemLogs.all(type="general")
    assert isinstance(logs[0], SystemLogs) and str(product["id"]) in logs[0]["message"]


def test_codegen_through_the_client_makes_codes_of_a_bulk_coupon(client: BigcommerceApi) -> None:
    bulk = client.v3.Promotions.create(name="Bulk", redemption_type="COUPON", coupon_type="BULK", rules=RULES)
    made = client.v3.PromotionCodegen.create(bulk["id"], batch_size=4, prefix="GIFT", delimiter="_")
    assert made["batch_size"] == 4 and all(code["code"].startswith("GIFT_") for code in made["codes"])
    assert sorted(c["code"] for c in client.v3.PromotionCodes.iterall(bulk["id"])) == sorted(
        code["code"] for code in made["codes"])
