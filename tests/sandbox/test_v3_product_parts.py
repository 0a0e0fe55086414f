"""The sandbox's v3 product subresources over loopback: images, videos, custom fields, bulk pricing
rules, reviews and variant metafields, and the v2 rows they share (v3-resources.md §3.1, §3.2)."""
from __future__ import annotations

import json
from typing import Any, Callable

import requests

from bigcommerce.sandbox import Sandbox
from bigcommerce.sandbox.store import Store
from tests.sandbox.v3_http import data, error_of, headers, product_body, size_variants, v2, v3

MakeSandbox = Callable[..., Sandbox]
IMAGE_URL = "https://example.com/img/kettle-front.jpg"
VIDEO = "z3fRu9pkuXE"


def new_product(sb: Sandbox, name: str = "Kettle", **fields: Any) -> int:
    product_id: int = data(v3(sb, "POST", "catalog/products", json=product_body(name, **fields)))["id"]
    return product_id


def direct(store: Store, method: str, path: str, body: object = None) -> tuple[int, Any]:
    """One v3 call on a Store without HTTP (limits that need hundreds of rows)."""
    answer = store.handle_v3(method, path, {}, body)
    return answer.status, json.loads(answer.body) if answer.body else None


# -- images (§3.1, §2.13) -------------------------------------------------------------------------
def test_an_image_list_without_images_is_a_204_and_a_json_image_url_creates_one(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb)
    path = f"catalog/products/{pid}/images"
    empty = v3(sb, "GET", path)
    assert empty.status_code == 204 and not empty.content
    created = data(v3(sb, "POST", path, json={"image_url": IMAGE_URL, "description": "Front"}))
    assert list(created) == ["id", "product_id", "is_thumbnail", "sort_order", "description", "image_file",
                             "image_url", "url_zoom", "url_standard", "url_thumbnail", "url_tiny", "date_modified"]
    assert created["product_id"] == pid and created["image_url"] == IMAGE_URL and created["is_thumbnail"] is True
    assert created["url_zoom"].startswith("https://cdn11.bigcommerce.com/") and "kettle-front" in created["url_zoom"]
    listed = v3(sb, "GET", path).json()
    assert [i["id"] for i in listed["data"]] == [created["id"]] and listed["meta"]["pagination"]["total"] == 1
    assert data(v3(sb, "GET", f"{path}/{created['id']}"))["description"] == "Front"


def test_image_writes_need_an_image_url_of_at_most_255_characters(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb)
    path = f"catalog/products/{pid}/images"
    assert "image_url" in error_of(v3(sb, "POST", path, json={"description": "no url"}), 422)["errors"]
    long_url = "https://example.com/" + "a" * 240 + ".jpg"
    assert "image_url" in error_of(v3(sb, "POST", path, json={"image_url": long_url}), 422)["errors"]
    error_of(v3(sb, "POST", "catalog/products/999/images", json={"image_url": IMAGE_URL}), 404)


def test_a_multipart_image_upload_is_stored_and_seen_by_v2(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb)
    upload = {"image_file": ("front view.jpg", b"\xff\xd8\xff\xe0jpeg", "image/jpeg")}
    created = data(v3(sb, "POST", f"catalog/products/{pid}/images", files=upload,
                      data={"is_thumbnail": "true", "sort_order": "3", "description": "Front"}))
    assert created["is_thumbnail"] is True and created["sort_order"] == 3 and created["description"] == "Front"
    assert created["image_url"].startswith(sb.base_url + "/uploads/") and created["image_url"].endswith(
        "/front_view.jpg")
    (v2_image,) = v2(sb, "GET", f"products/{pid}/images").json()
    assert v2_image["id"] == created["id"] and v2_image["image_file"] == created["image_url"]


def test_a_file_under_another_field_or_a_form_without_boundary_is_a_400(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb)
    other = v3(sb, "POST", f"catalog/products/{pid}/images", files={"picture": ("a.jpg", b"\xff", "image/jpeg")})
    assert "image_file" in error_of(other, 400)["title"]
    bare = requests.post(f"{sb.v3_api_url}/catalog/products/{pid}/images", data=b"x", timeout=5,
                         headers={**headers(sb), "Content-Type": "multipart/form-data"})
    assert "boundary" in error_of(bare, 400)["title"]
    assert v2(sb, "POST", f"products/{pid}/images", files={"image_file": ("a.jpg", b"\xff", "image/jpeg")}
              ).status_code == 415


def test_a_new_thumbnail_demotes_the_old_one_and_deletes_answer_204(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb)
    path = f"catalog/products/{pid}/images"
    first = data(v3(sb, "POST", path, json={"image_url": IMAGE_URL}))
    second = data(v3(sb, "POST", path, json={"image_url": IMAGE_URL.replace("front", "back")}))
    assert second["is_thumbnail"] is False
    assert data(v3(sb, "PUT", f"{path}/{second['id']}", json={"is_thumbnail": True}))["is_thumbnail"] is True
    assert data(v3(sb, "GET", f"{path}/{first['id']}"))["is_thumbnail"] is False
    other = new_product(sb, "Cup")
    error_of(v3(sb, "GET", f"catalog/products/{other}/images/{first['id']}"), 404)
    assert v3(sb, "DELETE", f"{path}/{first['id']}").status_code == 204
    error_of(v3(sb, "GET", f"{path}/{first['id']}"), 404)


def test_a_product_holds_at_most_1000_images() -> None:
    store = Store(store_hash="abc")
    store.seed(products=1)
    for n in range(1000 - len(store.tables["product_images"].children(1))):
        store.add_row("product_images", {"product_id": 1, "image_file": f"i/{n}.jpg"})
    status, body = direct(store, "POST", "catalog/products/1/images", {"image_url": IMAGE_URL})
    assert status == 422 and "1000" in json.dumps(body["errors"])


def test_images_are_shared_with_v2_both_ways(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb)
    made_in_v3 = data(v3(sb, "POST", f"catalog/products/{pid}/images", json={"image_url": IMAGE_URL}))
    in_v2 = v2(sb, "GET", f"products/{pid}/images/{made_in_v3['id']}").json()
    assert in_v2["image_file"] == IMAGE_URL and in_v2["zoom_url"] == made_in_v3["url_zoom"]
    made_in_v2 = v2(sb, "POST", f"products/{pid}/images", json={"image_file": IMAGE_URL, "description": "v2"}).json()
    assert data(v3(sb, "GET", f"catalog/products/{pid}/images/{made_in_v2['id']}"))["description"] == "v2"
    assert v2(sb, "DELETE", f"products/{pid}/images/{made_in_v3['id']}").status_code == 204
    assert [i["id"] for i in data(v3(sb, "GET", f"catalog/products/{pid}/images"))] == [made_in_v2["id"]]


# -- videos (§3.1) ----------------------------------------------------------------------------------
def test_videos_have_integer_ids_and_one_youtube_id_per_product(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb)
    path = f"catalog/products/{pid}/videos"
    created = data(v3(sb, "POST", path, json={"video_id": VIDEO, "title": "Boiling", "description": "Fast"}))
    assert list(created) == ["id", "type", "video_id", "product_id", "sort_order", "title", "description", "length"]
    assert isinstance(created["id"], int) and created["type"] == "youtube" and created["video_id"] == VIDEO
    assert "video_id" in error_of(v3(sb, "POST", path, json={"video_id": VIDEO}), 409)["errors"]
    assert "video_id" in error_of(v3(sb, "POST", path, json={"title": "no id"}), 422)["errors"]
    assert "video_id" in error_of(v3(sb, "POST", path, json={"video_id": "x" * 26}), 422)["errors"]
    other = new_product(sb, "Cup")
    same_elsewhere = data(v3(sb, "POST", f"catalog/products/{other}/videos", json={"video_id": VIDEO}))
    assert same_elsewhere["id"] != created["id"] and same_elsewhere["product_id"] == other
    assert data(v3(sb, "GET", f"{path}/{created['id']}"))["title"] == "Boiling"
    error_of(v3(sb, "GET", f"{path}/{same_elsewhere['id']}"), 404)
    moved = data(v3(sb, "PUT", f"{path}/{created['id']}", json={"video_id": "PqBTp23RLhI", "sort_order": 4}))
    assert (moved["id"], moved["video_id"], moved["sort_order"]) == (created["id"], "PqBTp23RLhI", 4)
    assert v3(sb, "DELETE", f"{path}/{created['id']}").status_code == 204
    assert data(v3(sb, "GET", path)) == []
    assert [v["video_id"] for v in data(v3(sb, "GET", f"catalog/products/{other}/videos"))] == [VIDEO]


def test_videos_are_shared_with_v2_both_ways(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb)
    made_in_v3 = data(v3(sb, "POST", f"catalog/products/{pid}/videos", json={"video_id": VIDEO, "title": "Boiling"}))
    assert v2(sb, "GET", f"products/{pid}/videos").json() == [
        {"id": VIDEO, "product_id": pid, "sort_order": 0, "name": "Boiling"}]
    v2(sb, "POST", f"products/{pid}/videos", json={"url": "https://www.youtube.com/watch?v=EhYBjzqd-nI"})
    listed = data(v3(sb, "GET", f"catalog/products/{pid}/videos"))
    assert [v["video_id"] for v in listed] == [VIDEO, "EhYBjzqd-nI"]
    assert listed[1]["id"] > made_in_v3["id"] and listed[1]["title"] == "YouTube video EhYBjzqd-nI"
    assert v2(sb, "DELETE", f"products/{pid}/videos/{VIDEO}").status_code == 204
    error_of(v3(sb, "GET", f"catalog/products/{pid}/videos/{made_in_v3['id']}"), 404)


def test_a_product_includes_and_nests_its_videos_and_images(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb, videos=[{"video_id": VIDEO}], images=[{"image_url": IMAGE_URL}],
                      bulk_pricing_rules=[{"quantity_min": 2, "quantity_max": 0, "type": "price", "amount": 1}])
    product = data(v3(sb, "GET", f"catalog/products/{pid}", params={"include": "videos,images,bulk_pricing_rules"}))
    assert [v["video_id"] for v in product["videos"]] == [VIDEO]
    assert [i["image_url"] for i in product["images"]] == [IMAGE_URL]
    assert [r["quantity_min"] for r in product["bulk_pricing_rules"]] == [2]


def test_dump_and_load_keep_the_integer_ids_of_videos() -> None:
    store = Store(store_hash="abc")
    store.seed(products=1)
    direct(store, "POST", "catalog/products/1/videos", {"video_id": VIDEO})
    copy = Store(store_hash="abc")
    copy.load(store.dump())
    assert direct(copy, "GET", "catalog/products/1/videos") == direct(store, "GET", "catalog/products/1/videos")
    status, _ = direct(copy, "POST", "catalog/products/1/videos", {"video_id": "PqBTp23RLhI"})
    listed = direct(copy, "GET", "catalog/products/1/videos")[1]["data"]
    assert status == 200 and len({v["id"] for v in listed}) == len(listed) == 2


# -- custom fields (§3.1) ---------------------------------------------------------------------------
def test_custom_fields_crud_and_each_name_value_pair_once(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb)
    path = f"catalog/products/{pid}/custom-fields"
    created = data(v3(sb, "POST", path, json={"name": "ISBN", "value": "1234567890123"}))
    assert created == {"id": created["id"], "name": "ISBN", "value": "1234567890123"}
    error_of(v3(sb, "POST", path, json={"name": "ISBN", "value": "1234567890123"}), 409)
    second = data(v3(sb, "POST", path, json={"name": "ISBN", "value": "978"}))
    error_of(v3(sb, "PUT", f"{path}/{second['id']}", json={"value": "1234567890123"}), 409)
    assert set(error_of(v3(sb, "POST", path, json={}), 422)["errors"]) == {"name", "value"}
    assert "value" in error_of(v3(sb, "POST", path, json={"name": "Long", "value": "v" * 251}), 422)["errors"]
    assert data(v3(sb, "PUT", f"{path}/{second['id']}", json={"value": "979"}))["value"] == "979"
    assert v3(sb, "DELETE", f"{path}/{second['id']}").status_code == 204
    assert [f["value"] for f in data(v3(sb, "GET", path))] == ["1234567890123"]
    assert data(v3(sb, "GET", path, params={"include_fields": "name"})) == [{"id": created["id"], "name": "ISBN"}]
    error_of(v3(sb, "GET", "catalog/products/999/custom-fields"), 404)


def test_a_product_holds_at_most_200_custom_fields() -> None:
    store = Store(store_hash="abc")
    store.seed(products=1)
    for n in range(200 - len(store.tables["product_custom_fields"].children(1))):
        assert direct(store, "POST", "catalog/products/1/custom-fields", {"name": f"F{n}", "value": "v"})[0] == 200
    status, body = direct(store, "POST", "catalog/products/1/custom-fields", {"name": "One more", "value": "v"})
    assert status == 422 and "200" in json.dumps(body["errors"])


def test_custom_fields_are_shared_with_v2_both_ways(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb)
    made_in_v3 = data(v3(sb, "POST", f"catalog/products/{pid}/custom-fields", json={"name": "ISBN", "value": "1"}))
    in_v2 = v2(sb, "GET", f"products/{pid}/customfields/{made_in_v3['id']}").json()
    assert (in_v2["name"], in_v2["text"]) == ("ISBN", "1")
    v2(sb, "PUT", f"products/{pid}/custom_fields/{made_in_v3['id']}", json={"text": "2"})
    assert data(v3(sb, "GET", f"catalog/products/{pid}/custom-fields/{made_in_v3['id']}"))["value"] == "2"


# -- bulk pricing rules (§3.1) ----------------------------------------------------------------------
def rule(low: int, high: int, kind: str = "price", amount: Any = 1) -> dict[str, Any]:
    return {"quantity_min": low, "quantity_max": high, "type": kind, "amount": amount}


def test_bulk_pricing_rules_crud_and_an_amount_sent_as_text(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb)
    path = f"catalog/products/{pid}/bulk-pricing-rules"
    created = data(v3(sb, "POST", path, json=rule(1, 3)))
    assert created == {"id": created["id"], "quantity_min": 1, "quantity_max": 3, "type": "price", "amount": 1}
    percent = data(v3(sb, "POST", path, json=rule(4, 0, "percent", ".10")))
    assert percent["amount"] == 0.1
    assert [r["id"] for r in data(v3(sb, "GET", path))] == [created["id"], percent["id"]]
    assert data(v3(sb, "PUT", f"{path}/{created['id']}", json={"amount": 2.5}))["amount"] == 2.5
    assert set(error_of(v3(sb, "POST", path, json={}), 422)["errors"]) == {"quantity_min", "quantity_max", "type",
                                                                            "amount"}
    assert "type" in error_of(v3(sb, "POST", path, json=rule(50, 60, "half")), 422)["errors"]
    assert v3(sb, "DELETE", f"{path}/{created['id']}").status_code == 204
    error_of(v3(sb, "GET", f"{path}/{created['id']}"), 404)
    error_of(v3(sb, "PUT", f"{path}/{created['id']}", json={"amount": 1}), 404)


def test_bulk_pricing_ranges_must_not_overlap_nor_be_empty(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb)
    path = f"catalog/products/{pid}/bulk-pricing-rules"
    low = data(v3(sb, "POST", path, json=rule(2, 5)))
    high = data(v3(sb, "POST", path, json=rule(10, 0)))
    conflict = error_of(v3(sb, "POST", path, json=rule(5, 8)), 409)
    assert "conflict" in conflict["title"] and "quantity_min" in conflict["errors"]
    error_of(v3(sb, "POST", path, json=rule(20, 30)), 409)  # 10 and up has no maximum
    error_of(v3(sb, "PUT", f"{path}/{low['id']}", json={"quantity_max": 12}), 409)
    assert data(v3(sb, "PUT", f"{path}/{low['id']}", json={"quantity_max": 9}))["quantity_max"] == 9
    assert data(v3(sb, "PUT", f"{path}/{high['id']}", json={"quantity_min": 10}))["quantity_min"] == 10
    assert "quantity_max" in error_of(v3(sb, "POST", path, json=rule(7, 7)), 422)["errors"]
    other = new_product(sb, "Cup")
    assert "quantity_min" in error_of(v3(sb, "POST", f"catalog/products/{other}/bulk-pricing-rules",
                                         json=rule(1, 0, "fixed", 5)), 422)["errors"]
    assert data(v3(sb, "POST", f"catalog/products/{other}/bulk-pricing-rules", json=rule(2, 0, "fixed", 5)))


def test_bulk_pricing_rules_are_v2_discount_rules_both_ways(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb)
    made_in_v3 = data(v3(sb, "POST", f"catalog/products/{pid}/bulk-pricing-rules", json=rule(2, 5, "percent", 10)))
    in_v2 = v2(sb, "GET", f"products/{pid}/discountrules").json()
    assert in_v2 == [{"id": str(made_in_v3["id"]), "product_id": pid, "min": 2, "max": 5, "type": "percent",
                      "type_value": 10}]
    made_in_v2 = v2(sb, "POST", f"products/{pid}/discount_rules",
                    json={"min": 6, "max": 0, "type": "fixed", "type_value": 7}).json()
    listed = data(v3(sb, "GET", f"catalog/products/{pid}/bulk-pricing-rules"))
    assert listed[1] == {"id": int(made_in_v2["id"]), "quantity_min": 6, "quantity_max": 0, "type": "fixed",
                         "amount": 7}


# -- reviews (§3.1, §2.13) --------------------------------------------------------------------------
def test_reviews_list_204_when_none_and_need_a_title_and_date_reviewed(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb)
    path = f"catalog/products/{pid}/reviews"
    assert v3(sb, "GET", path).status_code == 204
    assert set(error_of(v3(sb, "POST", path, json={"text": "Nice"}), 422)["errors"]) == {"title", "date_reviewed"}
    body = {"title": "Great", "text": "Boils fast", "status": "approved", "rating": 5, "email": "bob@example.com",
            "name": "Bob S.", "date_reviewed": "2024-05-14T09:34:00+00:00"}
    created = data(v3(sb, "POST", path, json=body))
    assert {key: created[key] for key in body} == body and created["product_id"] == pid
    assert "rating" in error_of(v3(sb, "POST", path, json={**body, "rating": 6}), 422)["errors"]
    assert "status" in error_of(v3(sb, "POST", path, json={**body, "status": "hidden"}), 422)["errors"]
    assert "email" in error_of(v3(sb, "POST", path, json={**body, "email": "bob at home"}), 422)["errors"]
    assert data(v3(sb, "PUT", f"{path}/{created['id']}", json={"email": ""}))["email"] == ""
    pending = data(v3(sb, "POST", path, json={**body, "title": "Meh", "status": "pending"}))
    assert [r["id"] for r in data(v3(sb, "GET", path, params={"status": 1}))] == [created["id"]]
    assert [r["id"] for r in data(v3(sb, "GET", path, params={"status": 0}))] == [pending["id"]]
    assert data(v3(sb, "PUT", f"{path}/{pending['id']}", json={"status": "approved"}))["status"] == "approved"
    assert v3(sb, "DELETE", f"{path}/{pending['id']}").status_code == 204
    error_of(v3(sb, "GET", f"{path}/{pending['id']}"), 404)


def test_reviews_are_shared_with_v2_both_ways(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb)
    made_in_v3 = data(v3(sb, "POST", f"catalog/products/{pid}/reviews", json={
        "title": "Great", "text": "Boils fast", "name": "Bob", "rating": 4, "status": "approved",
        "email": "bob@example.com", "date_reviewed": "2024-05-14T09:34:00+00:00"}))
    in_v2 = v2(sb, "GET", f"products/{pid}/reviews/{made_in_v3['id']}").json()
    assert (in_v2["author"], in_v2["review"], in_v2["rating"], in_v2["status"]) == ("Bob", "Boils fast", 4, 1)
    assert "email" not in in_v2 and "_v3" not in in_v2
    made_in_v2 = v2(sb, "POST", f"products/{pid}/reviews",
                    json={"author": "Ann", "title": "Fine", "review": "OK", "rating": 3}).json()
    seen = data(v3(sb, "GET", f"catalog/products/{pid}/reviews/{made_in_v2['id']}"))
    assert (seen["name"], seen["text"], seen["status"], seen["email"]) == ("Ann", "OK", "pending", "")


# -- complex rules (§3.1) ---------------------------------------------------------------------------
def test_complex_rules_crud_and_a_409_for_conditions_another_rule_has(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb, variants=size_variants("S"))
    vid = data(v3(sb, "GET", f"catalog/products/{pid}/variants"))[0]["id"]
    path = f"catalog/products/{pid}/complex-rules"
    conditions = [{"modifier_id": 221, "modifier_value_id": 175, "variant_id": vid}]
    created = data(v3(sb, "POST", path, json={"enabled": True, "price_adjuster": {"adjuster": "relative",
                                                                                  "adjuster_value": 8},
                                              "conditions": conditions}))
    assert list(created) == ["id", "product_id", "sort_order", "enabled", "stop", "price_adjuster", "weight_adjuster",
                             "purchasing_disabled", "purchasing_disabled_message", "purchasing_hidden", "image_url",
                             "conditions"]
    assert created["price_adjuster"] == {"adjuster": "relative", "adjuster_value": 8}
    assert created["weight_adjuster"] == {}
    assert created["conditions"] == [{"rule_id": created["id"], **conditions[0], "combination_id": vid}]
    assert "conditions" in error_of(v3(sb, "POST", path, json={"conditions": conditions}), 409)["errors"]
    assert "conditions" in error_of(v3(sb, "POST", path, json={"enabled": True}), 422)["errors"]
    assert "conditions" in error_of(v3(sb, "POST", path, json={"conditions": [{"modifier_id": 1}]}), 422)["errors"]
    assert "price_adjuster" in error_of(v3(sb, "POST", path, json={
        "conditions": [{**conditions[0], "modifier_value_id": 176}], "price_adjuster": {"adjuster": "double"}}),
        422)["errors"]
    updated = data(v3(sb, "PUT", f"{path}/{created['id']}", json={"stop": True, "price_adjuster": {}}))
    assert updated["stop"] is True and updated["price_adjuster"] == {}
    assert v3(sb, "DELETE", f"{path}/{created['id']}").status_code == 204
    assert data(v3(sb, "GET", path)) == []


def test_complex_rules_are_v2_product_rules_both_ways(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb)
    made_in_v3 = data(v3(sb, "POST", f"catalog/products/{pid}/complex-rules", json={
        "purchasing_disabled": True, "conditions": [{"modifier_id": 3, "modifier_value_id": 7, "variant_id": None}]}))
    in_v2 = v2(sb, "GET", f"products/{pid}/rules/{made_in_v3['id']}").json()
    assert in_v2["is_purchasing_disabled"] is True and in_v2["is_enabled"] is True
    assert in_v2["conditions"] == [{"product_option_id": 3, "option_value_id": 7, "sku_id": None}]
    made_in_v2 = v2(sb, "POST", f"products/{pid}/rules", json={
        "is_stop": True, "conditions": [{"product_option_id": 4, "option_value_id": 9, "sku_id": None}]}).json()
    seen = data(v3(sb, "GET", f"catalog/products/{pid}/complex-rules/{made_in_v2['id']}"))
    assert seen["stop"] is True and seen["conditions"] == [{"rule_id": made_in_v2["id"], "modifier_id": 4,
                                                            "modifier_value_id": 9, "variant_id": None,
                                                            "combination_id": 0}]


# -- variant metafields (§3.2) ----------------------------------------------------------------------
def metafield(resource_id: int | None = None, **fields: Any) -> dict[str, Any]:
    body = {"namespace": "Warehouse", "key": "bin", "value": "A1", "permission_set": "read", **fields}
    return body if resource_id is None else {"resource_id": resource_id, **body}


def test_variant_metafields_crud_three_levels_deep(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb, variants=size_variants("S", "M"))
    first, second = (v["id"] for v in data(v3(sb, "GET", f"catalog/products/{pid}/variants")))
    path = f"catalog/products/{pid}/variants/{first}/metafields"
    created = data(v3(sb, "POST", path, json=metafield()))
    assert (created["resource_type"], created["resource_id"]) == ("variant", first)
    assert "key" in error_of(v3(sb, "POST", path, json=metafield()), 409)["errors"]
    assert data(v3(sb, "POST", f"catalog/products/{pid}/variants/{second}/metafields", json=metafield()))
    listed = v3(sb, "GET", path).json()
    assert [m["id"] for m in listed["data"]] == [created["id"]] and "cursor_pagination" in listed["meta"]
    assert data(v3(sb, "PUT", f"{path}/{created['id']}", json={"value": "B2"}))["value"] == "B2"
    error_of(v3(sb, "GET", f"catalog/products/{pid}/variants/{second}/metafields/{created['id']}"), 404)
    other = new_product(sb, "Cup")
    assert error_of(v3(sb, "GET", f"catalog/products/{other}/variants/{first}/metafields"), 404)["title"] == (
        "The variant was not found.")
    assert error_of(v3(sb, "GET", f"catalog/products/999/variants/{first}/metafields"), 404)["title"] == (
        "The product was not found.")
    assert v3(sb, "DELETE", f"{path}/{created['id']}").status_code == 204
    assert data(v3(sb, "GET", path)) == []


def test_variant_and_product_metafields_stay_apart(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb, variants=size_variants("S"))
    vid = data(v3(sb, "GET", f"catalog/products/{pid}/variants"))[0]["id"]
    data(v3(sb, "POST", f"catalog/products/{vid}/metafields", json=metafield()))  # a product with the variant's id
    assert data(v3(sb, "GET", f"catalog/products/{pid}/variants/{vid}/metafields")) == []
    assert data(v3(sb, "GET", "catalog/variants/metafields")) == []
    made = data(v3(sb, "POST", f"catalog/products/{pid}/variants/{vid}/metafields", json=metafield()))
    assert made["id"] not in [m["id"] for m in data(v3(sb, "GET", "catalog/products/metafields"))]
    v2(sb, "DELETE", f"products/{pid}/skus/{vid}")
    assert data(v3(sb, "GET", "catalog/variants/metafields")) == []


def test_the_variant_metafields_batch_answers_counts_and_a_partial_422(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    pid = new_product(sb, variants=size_variants("S", "M"))
    first, second = (v["id"] for v in data(v3(sb, "GET", f"catalog/products/{pid}/variants")))
    ok = v3(sb, "POST", "catalog/variants/metafields", json=[metafield(first), metafield(second)])
    body = ok.json()
    assert ok.status_code == 200 and body["meta"] == {"total": 2, "success": 2, "failed": 0}
    assert {(m["resource_type"], m["resource_id"]) for m in body["data"]} == {("variant", first), ("variant", second)}
    ids = [m["id"] for m in body["data"]]
    partial = v3(sb, "POST", "catalog/variants/metafields", json=[metafield(first, key="row"), metafield(9999)])
    assert partial.status_code == 422 and partial.json()["meta"] == {"total": 2, "success": 1, "failed": 1}
    assert "variant 9999" in json.dumps(partial.json()["errors"])
    updated = v3(sb, "PUT", "catalog/variants/metafields", json=[{"id": ids[0], "value": "Z9"}])
    assert updated.status_code == 200 and updated.json()["data"][0]["value"] == "Z9"
    listed = data(v3(sb, "GET", "catalog/variants/metafields", params={"key": "bin"}))
    assert sorted(m["id"] for m in listed) == sorted(ids)
    deleted = v3(sb, "DELETE", "catalog/variants/metafields", json=ids)
    assert deleted.status_code == 200 and deleted.json()["data"] == ids
    assert [m["key"] for m in data(v3(sb, "GET", "catalog/variants/metafields"))] == ["row"]


def test_a_product_subresource_of_a_missing_product_is_a_404(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    for sub in ("images", "videos", "custom-fields", "bulk-pricing-rules", "reviews", "complex-rules"):
        assert error_of(v3(sb, "GET", f"catalog/products/999/{sub}"), 404)["title"] == "The product was not found."


def test_a_variant_image_is_set_by_url_or_by_upload_and_seen_by_v2(make_real_sandbox: MakeSandbox) -> None:
    sb = make_real_sandbox()
    product = data(v3(sb, "POST", "catalog/products", json={**product_body("Imaged kettle"),
                                                             "variants": size_variants("IMG")}))
    pid, vid = product["id"], data(v3(sb, "GET", f"catalog/products/{product['id']}/variants"))[0]["id"]
    path = f"catalog/products/{pid}/variants/{vid}/image"
    assert data(v3(sb, "POST", path, json={"image_url": IMAGE_URL}))["image_url"] == IMAGE_URL
    assert v2(sb, "GET", f"products/{pid}/skus/{vid}").json()["image_file"] == IMAGE_URL
    uploaded = data(v3(sb, "POST", path, files={"image_file": ("red.png", b"\x89PNG", "image/png")}))["image_url"]
    assert uploaded.endswith("/red.png")
    assert v2(sb, "GET", f"products/{pid}/skus/{vid}").json()["image_file"] == uploaded
    assert "image_url" in error_of(v3(sb, "POST", path, json={}), 422)["errors"]
    error_of(v3(sb, "POST", f"catalog/products/{pid}/variants/999999/image", json={"image_url": IMAGE_URL}), 404)
