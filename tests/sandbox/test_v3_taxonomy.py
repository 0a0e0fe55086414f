"""The sandbox's v3 categories, category trees, tree categories, brands, their metafields, product sort
order and category assignments over loopback: the HTTP contract (v3-resources.md §3.5-§3.7, §2) and
one state with v2 (a v3 category or brand is a v2 one, and the other way round)."""
from __future__ import annotations

from typing import Any, Callable

import pytest

from bigcommerce.sandbox import Sandbox
from bigcommerce.sandbox.store import Store
from tests.sandbox.v3_http import data, error_of, product_body, v2, v3

MakeSandbox = Callable[..., Sandbox]
COUNTS = {"total", "success", "failed"}


@pytest.fixture
def sb(make_real_sandbox: MakeSandbox) -> Sandbox:
    """A store with the seeded category tree (16 categories), 10 brands and 6 products."""
    return make_real_sandbox(products=6)


def metafield(resource_id: int | None = None, key: str = "shelf") -> dict[str, Any]:
    body: dict[str, Any] = {"namespace": "warehouse", "key": key, "value": "A1", "permission_set": "read"}
    if resource_id is not None:
        body["resource_id"] = resource_id
    return body


def tree_categories(sb: Sandbox, **params: Any) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = data(v3(sb, "GET", "catalog/trees/categories", params={"limit": 250, **params}))
    return result


# -- categories (deprecated), §3.5 -----------------------------------------------------------------
def test_the_category_list_is_the_v2_categories_in_the_spec_field_order(sb: Sandbox) -> None:
    body = v3(sb, "GET", "catalog/categories", params={"limit": 5}).json()
    first = body["data"][0]
    assert list(first) == ["id", "parent_id", "name", "description", "views", "sort_order", "page_title",
                           "meta_keywords", "meta_description", "layout_file", "image_url", "is_visible",
                           "search_keywords", "default_product_sort", "custom_url"]
    as_v2 = v2(sb, "GET", f"categories/{first['id']}").json()
    assert (first["name"], first["custom_url"]["url"], first["parent_id"]) == (as_v2["name"], as_v2["url"], 0)
    pagination = body["meta"]["pagination"]
    assert pagination["total"] == v2(sb, "GET", "categories/count").json()["count"] and pagination["per_page"] == 5
    assert pagination["links"]["next"] == "?page=2&limit=5"  # §2.5: links are query strings
    error_of(v3(sb, "GET", "catalog/categories", params={"limit": 251}), 422)  # §2.6: at most 250


def test_category_filters_and_sorts(sb: Sandbox) -> None:
    everything = data(v3(sb, "GET", "catalog/categories", params={"limit": 250}))
    parent = everything[0]["id"]
    children = data(v3(sb, "GET", "catalog/categories", params={"parent_id": parent}))
    assert children and {c["parent_id"] for c in children} == {parent}
    top = data(v3(sb, "GET", "catalog/categories", params={"parent_id:in": 0}))
    assert {c["id"] for c in top} == {c["id"] for c in everything if c["parent_id"] == 0}
    named = data(v3(sb, "GET", "catalog/categories", params={"name:like": everything[1]["name"][1:4].lower()}))
    assert everything[1]["id"] in [c["id"] for c in named]
    by_name = data(v3(sb, "GET", "catalog/categories", params={"sort": "name", "limit": 250}))
    assert [c["name"].casefold() for c in by_name] == sorted(c["name"].casefold() for c in everything)
    error_of(v3(sb, "GET", "catalog/categories", params={"sort": "views"}), 422)
    only = data(v3(sb, "GET", "catalog/categories", params={"include_fields": "name", "limit": 1}))
    assert set(only[0]) == {"id", "name"}


def test_creating_a_category_needs_parent_id_and_name_unique_among_its_siblings(sb: Sandbox) -> None:
    assert set(error_of(v3(sb, "POST", "catalog/categories", json={"description": "x"}), 422)["errors"]) == {
        "parent_id", "name"}
    created = data(v3(sb, "POST", "catalog/categories", json={"parent_id": 0, "name": "Garden Tools",
                                                              "meta_keywords": ["rake", "hoe"], "views": 3}))
    assert (created["custom_url"], created["meta_keywords"], created["views"]) == (
        {"url": "/garden-tools/", "is_customized": False}, ["rake", "hoe"], 3)
    assert "name" in error_of(v3(sb, "POST", "catalog/categories", json={"parent_id": 0, "name": "garden tools"}),
                              409)["errors"]
    child = data(v3(sb, "POST", "catalog/categories", json={"parent_id": created["id"], "name": "Garden Tools"}))
    assert child["parent_id"] == created["id"]  # the same name under another parent is fine
    assert "name" in error_of(v3(sb, "POST", "catalog/categories", json={"parent_id": 0, "name": "x" * 51}),
                              422)["errors"]
    assert "parent_id" in error_of(v3(sb, "POST", "catalog/categories", json={"parent_id": 424242, "name": "Orphan"}),
                                   422)["errors"]
    updated = data(v3(sb, "PUT", f"catalog/categories/{child['id']}", json={"name": "Rakes", "is_visible": False}))
    assert (updated["name"], updated["is_visible"]) == ("Rakes", False)
    assert v3(sb, "DELETE", f"catalog/categories/{child['id']}").status_code == 204  # §2.13
    error_of(v3(sb, "GET", f"catalog/categories/{child['id']}"), 404)


def test_a_bulk_category_delete_needs_a_filter_and_refuses_categories_holding_products(sb: Sandbox) -> None:
    assert "filter" in error_of(v3(sb, "DELETE", "catalog/categories"), 422)["errors"]
    filed = data(v3(sb, "GET", "catalog/products/1"))["categories"][0]
    assert str(filed) in error_of(v3(sb, "DELETE", "catalog/categories", params={"id:in": filed}), 422)["errors"]
    empty = data(v3(sb, "POST", "catalog/categories", json={"parent_id": 0, "name": "Empty"}))
    assert v3(sb, "DELETE", "catalog/categories", params={"name": "Empty"}).status_code == 204
    assert v2(sb, "GET", f"categories/{empty['id']}").status_code == 404


# -- category metafields, §3.5 / §3.1 ---------------------------------------------------------------
def test_category_metafields_crud_and_the_batch_collection(sb: Sandbox) -> None:
    path = "catalog/categories/1/metafields"
    created = data(v3(sb, "POST", path, json=metafield()))
    assert (created["resource_type"], created["resource_id"]) == ("category", 1)
    assert "key" in error_of(v3(sb, "POST", path, json=metafield()), 409)["errors"]
    assert error_of(v3(sb, "POST", "catalog/categories/424242/metafields", json=metafield()), 404)["title"] == (
        "The category was not found.")
    assert data(v3(sb, "PUT", f"{path}/{created['id']}", json={"value": "B2"}))["value"] == "B2"
    error_of(v3(sb, "GET", f"catalog/categories/2/metafields/{created['id']}"), 404)
    batch = v3(sb, "POST", "catalog/categories/metafields", json=[metafield(2), metafield(424242)])
    body = batch.json()
    assert batch.status_code == 422 and body["meta"] == {"total": 2, "success": 1, "failed": 1}  # §2.8
    listed = v3(sb, "GET", "catalog/categories/metafields").json()
    assert {m["resource_id"] for m in listed["data"]} == {1, 2} and {"pagination", "cursor_pagination"} <= set(
        listed["meta"])
    gone = v3(sb, "DELETE", "catalog/categories/metafields", json=[created["id"]])
    assert gone.status_code == 200 and gone.json()["data"] == [created["id"]]
    assert v3(sb, "DELETE", f"{path}/{body['data'][0]['id']}").status_code == 404


# -- category trees and tree categories, §3.6 ------------------------------------------------------
def test_the_default_tree_holds_every_v2_category(sb: Sandbox) -> None:
    trees = v3(sb, "GET", "catalog/trees").json()
    assert trees["data"] == [{"id": 1, "name": "Default", "channels": [1]}] and "pagination" in trees["meta"]
    in_tree = tree_categories(sb, **{"tree_id:in": 1})
    assert [c["category_id"] for c in in_tree] == [c["id"] for c in v2(sb, "GET", "categories?limit=250").json()]
    first = in_tree[0]
    assert list(first)[:5] == ["category_id", "category_uuid", "parent_id", "tree_id", "name"]
    assert first["url"] == {"path": v2(sb, "GET", f"categories/{first['category_id']}").json()["url"],
                            "is_customized": False}
    by_uuid = tree_categories(sb, **{"category_uuid:in": first["category_uuid"]})
    assert [c["category_id"] for c in by_uuid] == [first["category_id"]]
    assert tree_categories(sb, **{"category_uuid:in": "d1964756-5e1d-4c72-9fa0-e1a3f7be4a34"}) == []
    error_of(v3(sb, "GET", "catalog/trees/categories", params={"category_uuid:in": "nope"}), 422)
    error_of(v3(sb, "GET", "catalog/trees/categories", params={"limit": 251}), 422)  # §2.6
    narrowed = tree_categories(sb, include_fields="name", exclude_fields="category_id", limit=1)
    assert narrowed == [{"category_id": first["category_id"], "name": first["name"]}]  # §2.10: the id stays


def test_creating_tree_categories_answers_201_with_counts_and_207_when_some_fail(sb: Sandbox) -> None:
    ok = v3(sb, "POST", "catalog/trees/categories", json=[{"name": "Patio", "tree_id": 1}])
    assert ok.status_code == 201 and ok.json()["meta"] == {"total": 1, "success": 1, "failed": 0}
    patio = ok.json()["data"][0]
    partial = v3(sb, "POST", "catalog/trees/categories", json=[
        {"name": "Chairs", "parent_id": patio["category_id"]}, {"name": "patio", "tree_id": 1}, {"name": "Lost"},
        {"name": "Far", "tree_id": 99}])
    body = partial.json()
    assert partial.status_code == 207 and body["meta"] == {"total": 4, "success": 1, "failed": 3}
    assert set(body["errors"]["errors"]) == {"1.name", "2.tree_id", "3.tree_id"}
    assert body["data"][0]["tree_id"] == 1 and body["data"][0]["parent_id"] == patio["category_id"]
    none = v3(sb, "POST", "catalog/trees/categories", json=[{"name": "Lost"}])
    assert none.status_code == 422 and set(none.json()) == {"errors", "meta"}
    error_of(v3(sb, "POST", "catalog/trees/categories", json={"name": "Not an array"}), 400)


def test_updating_tree_categories_answers_only_meta(sb: Sandbox) -> None:
    response = v3(sb, "PUT", "catalog/trees/categories", json=[{"category_id": 2, "name": "Pans", "sort_order": 9}])
    assert response.status_code == 200 and response.json() == {"meta": {"total": 1, "success": 1, "failed": 0}}
    assert v2(sb, "GET", "categories/2").json()["name"] == "Pans"
    partial = v3(sb, "PUT", "catalog/trees/categories", json=[{"category_id": 2, "is_visible": False},
                                                                {"name": "no id"}, {"category_id": 1, "parent_id": 2}])
    assert partial.status_code == 207 and partial.json()["meta"] == {"total": 3, "success": 1, "failed": 2}
    assert set(partial.json()["errors"]["errors"]) == {"1.category_id", "2.parent_id"}  # no category below itself


def test_deleting_tree_categories_answers_202_and_takes_subcategories_and_assignments(sb: Sandbox) -> None:
    assert "filter" in error_of(v3(sb, "DELETE", "catalog/trees/categories"), 422)["errors"]
    parent = data(v3(sb, "GET", "catalog/categories/2"))["parent_id"]
    siblings = [c["category_id"] for c in tree_categories(sb, **{"parent_id:in": parent})]
    response = v3(sb, "DELETE", "catalog/trees/categories", params={"category_id:in": parent})
    assert response.status_code == 202 and response.json()["meta"]["success"] == 1 + len(siblings)
    assert all(v2(sb, "GET", f"categories/{one}").status_code == 404 for one in [parent, *siblings])
    assert not set(siblings) & set(data(v3(sb, "GET", "catalog/products/1"))["categories"])


def test_trees_upsert_in_batches_of_50_and_delete_with_their_categories(sb: Sandbox) -> None:
    created = v3(sb, "PUT", "catalog/trees", json=[{"name": "Wholesale", "channels": [2]}, {"id": 1, "name": "Main"}])
    assert created.status_code == 200 and created.json()["meta"] == {"total": 2, "success": 2, "failed": 0}
    wholesale = created.json()["data"][0]
    assert (wholesale["name"], wholesale["channels"]) == ("Wholesale", [2])
    assert [t["name"] for t in data(v3(sb, "GET", "catalog/trees", params={"channel_id:in": 1}))] == ["Main"]
    assert "0.channels" in error_of(v3(sb, "PUT", "catalog/trees", json=[{"id": 1, "channels": [3]}]), 422)["errors"]
    assert "0.channels" in error_of(v3(sb, "PUT", "catalog/trees", json=[{"name": "Two", "channels": [3, 4]}]),
                                    422)["errors"]
    assert "0.channels" in error_of(v3(sb, "PUT", "catalog/trees", json=[{"name": "Again", "channels": [2]}]),
                                    422)["errors"]
    too_many = v3(sb, "PUT", "catalog/trees", json=[{"name": f"T{n}", "channels": [10 + n]} for n in range(51)])
    assert too_many.status_code == 413 and "50" in too_many.json()["title"]  # §2.7
    taken = data(v3(sb, "GET", "catalog/categories", params={"parent_id": 0}))[0]["name"]
    same_name = data(v3(sb, "POST", "catalog/trees/categories", json=[{"name": taken, "tree_id": wholesale["id"]},
                                                                       {"name": "Bulk", "tree_id": wholesale["id"]}]),
                     201)
    assert [c["tree_id"] for c in same_name] == [wholesale["id"]] * 2  # siblings are per tree
    assert "id:in" in error_of(v3(sb, "DELETE", "catalog/trees"), 422)["errors"]
    assert v3(sb, "DELETE", "catalog/trees", params={"id:in": wholesale["id"]}).status_code == 204
    assert tree_categories(sb, **{"tree_id:in": wholesale["id"]}) == []
    assert v2(sb, "GET", f"categories/{same_name[0]['category_id']}").status_code == 404


def test_the_nested_tree_view_follows_sort_order_and_depth(sb: Sandbox) -> None:
    nodes = data(v3(sb, "GET", "catalog/trees/1/categories"))
    top = data(v3(sb, "GET", "catalog/categories", params={"parent_id": 0}))
    assert [n["id"] for n in nodes] == [c["id"] for c in sorted(top, key=lambda c: (c["sort_order"], c["id"]))]
    first = nodes[0]
    assert set(first) == {"id", "parent_id", "depth", "path", "name", "is_visible", "children", "url"}
    child = first["children"][0]
    assert (first["depth"], child["depth"], child["path"], child["parent_id"]) == (1, 2, [first["id"], child["id"]],
                                                                                  first["id"])
    assert all(n["children"] == [] for n in data(v3(sb, "GET", "catalog/trees/1/categories", params={"depth": 1})))
    error_of(v3(sb, "GET", "catalog/trees/7/categories"), 404)
    error_of(v3(sb, "GET", "catalog/trees/1/categories", params={"depth": "deep"}), 422)


# -- product sort order and category assignments, §3.5 / §3.1 ---------------------------------------
def test_product_sort_order_in_a_category_answers_a_bare_array(sb: Sandbox) -> None:
    category = data(v3(sb, "GET", "catalog/products/1"))["categories"][0]
    path = f"catalog/categories/{category}/products/sort-order"
    listed = data(v3(sb, "GET", path))
    filed = [item["product_id"] for item in listed]
    assert 1 in filed and all(item["sort_order"] is None for item in listed)
    response = v3(sb, "PUT", path, json=[{"product_id": filed[-1], "sort_order": 0}])
    assert response.status_code == 200 and response.json() == [{"product_id": filed[-1], "sort_order": 0}]  # §2.4
    assert data(v3(sb, "GET", path))[0] == {"product_id": filed[-1], "sort_order": 0}  # nulls come last
    elsewhere = next(c["id"] for c in data(v3(sb, "GET", "catalog/categories")) if c["id"] != category)
    outsider = data(v3(sb, "POST", "catalog/products", json=product_body("Stool", categories=[elsewhere])))["id"]
    assert "0.product_id" in error_of(v3(sb, "PUT", path, json=[{"product_id": outsider, "sort_order": 1}]),
                                      422)["errors"]
    assert "0.sort_order" in error_of(v3(sb, "PUT", path, json=[{"product_id": 1, "sort_order": -1}]), 422)["errors"]
    error_of(v3(sb, "GET", "catalog/categories/424242/products/sort-order"), 404)


def test_category_assignments_are_the_products_categories(sb: Sandbox) -> None:
    new = data(v3(sb, "POST", "catalog/categories", json={"parent_id": 0, "name": "Sale"}))
    assert v3(sb, "PUT", "catalog/products/category-assignments",
              json=[{"product_id": 1, "category_id": new["id"]}, {"product_id": 2, "category_id": new["id"]}]
              ).status_code == 204  # §2.13
    assert new["id"] in v2(sb, "GET", "products/1").json()["categories"]
    listed = data(v3(sb, "GET", "catalog/products/category-assignments", params={"category_id:in": new["id"]}))
    assert listed == [{"product_id": 1, "category_id": new["id"]}, {"product_id": 2, "category_id": new["id"]}]
    errors = error_of(v3(sb, "PUT", "catalog/products/category-assignments",
                         json=[{"product_id": 424242, "category_id": new["id"]}, {"product_id": 1}]), 422)["errors"]
    assert set(errors) == {"0.product_id", "1.category_id"}
    assert "filter" in error_of(v3(sb, "DELETE", "catalog/products/category-assignments"), 422)["errors"]
    assert v3(sb, "DELETE", "catalog/products/category-assignments",
              params={"product_id:in": 1, "category_id:in": new["id"]}).status_code == 204
    assert new["id"] not in data(v3(sb, "GET", "catalog/products/1"))["categories"]
    assert data(v3(sb, "GET", "catalog/products/category-assignments", params={"category_id:in": new["id"]})) == [
        {"product_id": 2, "category_id": new["id"]}]


# -- brands, §3.7 ---------------------------------------------------------------------------------
def test_brands_crud_with_a_unique_name(sb: Sandbox) -> None:
    listed = v3(sb, "GET", "catalog/brands", params={"sort": "name", "direction": "desc"}).json()
    names = [b["name"] for b in listed["data"]]
    assert names == sorted(names, key=str.casefold, reverse=True)
    assert listed["meta"]["pagination"]["total"] == v2(sb, "GET", "brands/count").json()["count"]
    assert list(listed["data"][0]) == ["id", "name", "page_title", "meta_keywords", "meta_description", "image_url",
                                       "search_keywords", "custom_url"]
    assert "name" in error_of(v3(sb, "POST", "catalog/brands", json={"page_title": "x"}), 422)["errors"]
    created = data(v3(sb, "POST", "catalog/brands", json={"name": "Common Good", "meta_keywords": ["modern"]}))
    assert created["custom_url"] == {"url": "/brands/Common-Good.html", "is_customized": False}
    assert "name" in error_of(v3(sb, "POST", "catalog/brands", json={"name": "common good"}), 409)["errors"]
    path = f"catalog/brands/{created['id']}"
    assert "name" in error_of(v3(sb, "PUT", path, json={"name": names[0]}), 409)["errors"]
    moved = data(v3(sb, "PUT", path, json={"custom_url": {"url": "/good/", "is_customized": True}}))
    assert moved["custom_url"] == {"url": "/good/", "is_customized": True}
    assert [b["id"] for b in data(v3(sb, "GET", "catalog/brands", params={"name:like": "common"}))] == [created["id"]]
    assert v3(sb, "DELETE", path).status_code == 204
    error_of(v3(sb, "GET", path), 404)


@pytest.mark.parametrize("v2_path, v3_path", [("brands", "catalog/brands"), ("categories", "catalog/categories")])
def test_deleting_an_image_empties_the_image_file_v2_shows(sb: Sandbox, v2_path: str, v3_path: str) -> None:
    made = v2(sb, "POST", v2_path, json={"name": "With Image", "image_file": "k/with.png"}).json()
    assert data(v3(sb, "GET", f"{v3_path}/{made['id']}"))["image_url"] == "k/with.png"
    assert v3(sb, "DELETE", f"{v3_path}/{made['id']}/image").status_code == 204  # §2.13
    assert v2(sb, "GET", f"{v2_path}/{made['id']}").json()["image_file"] == ""
    error_of(v3(sb, "DELETE", f"{v3_path}/424242/image"), 404)


def test_the_bulk_brand_delete_requires_a_name(sb: Sandbox) -> None:
    assert "filter" in error_of(v3(sb, "DELETE", "catalog/brands", params={"id:in": 1}), 422)["errors"]
    data(v3(sb, "POST", "catalog/brands", json={"name": "Gone Soon", "page_title": "bye"}))
    assert v3(sb, "DELETE", "catalog/brands", params={"name": "Gone Soon", "page_title": "bye"}).status_code == 204
    assert v2(sb, "GET", "brands", params={"name": "Gone Soon"}).status_code == 204


def test_brand_metafields_crud_and_batch(sb: Sandbox) -> None:
    created = data(v3(sb, "POST", "catalog/brands/1/metafields", json=metafield()))
    assert (created["resource_type"], created["resource_id"]) == ("brand", 1)
    assert data(v3(sb, "GET", "catalog/brands/1/metafields", params={"id:in": created["id"]}))[0]["id"] == created["id"]
    error_of(v3(sb, "POST", "catalog/brands/424242/metafields", json=metafield()), 404)
    ok = v3(sb, "POST", "catalog/brands/metafields", json=[metafield(2), metafield(3)])
    assert ok.status_code == 200 and ok.json()["meta"] == {"total": 2, "success": 2, "failed": 0}
    updated = v3(sb, "PUT", "catalog/brands/metafields", json=[{"id": created["id"], "value": "Z9"}])
    assert updated.status_code == 200 and updated.json()["data"][0]["value"] == "Z9"
    assert {m["resource_type"] for m in data(v3(sb, "GET", "catalog/brands/metafields"))} == {"brand"}
    assert data(v3(sb, "GET", "catalog/categories/metafields")) == []
    v2(sb, "DELETE", "brands/1")
    assert [m["resource_id"] for m in data(v3(sb, "GET", "catalog/brands/metafields"))] == [2, 3]


# -- one state with v2 -----------------------------------------------------------------------------
def test_a_category_made_through_v2_is_a_v3_and_tree_category_and_back(sb: Sandbox) -> None:
    made = v2(sb, "POST", "categories", json={"name": "Lighting", "parent_id": 0}).json()
    assert data(v3(sb, "GET", f"catalog/categories/{made['id']}"))["name"] == "Lighting"
    (in_tree,) = tree_categories(sb, **{"category_id:in": made["id"]})
    assert (in_tree["tree_id"], in_tree["parent_id"]) == (1, 0)
    assert made["id"] in [n["id"] for n in data(v3(sb, "GET", "catalog/trees/1/categories"))]
    created = data(v3(sb, "POST", "catalog/trees/categories", json=[{"name": "Lamps", "parent_id": made["id"]}]),
                   201)[0]
    as_v2 = v2(sb, "GET", f"categories/{created['category_id']}").json()
    assert (as_v2["name"], as_v2["parent_id"], as_v2["parent_category_list"]) == (
        "Lamps", made["id"], [made["id"], created["category_id"]])
    assert "tree_id" not in as_v2 and "_v3" not in as_v2
    v2(sb, "PUT", f"categories/{created['category_id']}", json={"name": "Lanterns"})
    assert tree_categories(sb, **{"category_id:in": created["category_id"]})[0]["name"] == "Lanterns"
    v3(sb, "DELETE", "catalog/trees/categories", params={"category_id:in": created["category_id"]})
    assert v2(sb, "GET", f"categories/{created['category_id']}").status_code == 404


def test_a_category_v2_files_under_a_parent_joins_the_parents_tree(sb: Sandbox) -> None:
    tree = data(v3(sb, "PUT", "catalog/trees", json=[{"name": "B2B", "channels": [2]}]))[0]
    top = data(v3(sb, "POST", "catalog/trees/categories", json=[{"name": "Bulk", "tree_id": tree["id"]}]), 201)[0]
    child = v2(sb, "POST", "categories", json={"name": "Pallets", "parent_id": top["category_id"]}).json()
    assert [c["category_id"] for c in tree_categories(sb, **{"tree_id:in": tree["id"]})] == [
        top["category_id"], child["id"]]
    assert [n["children"][0]["id"] for n in data(v3(sb, "GET", f"catalog/trees/{tree['id']}/categories"))] == [
        child["id"]]


def test_a_brand_made_through_v3_is_a_v2_brand_and_the_reverse(sb: Sandbox) -> None:
    created = data(v3(sb, "POST", "catalog/brands", json={"name": "Sagaform", "meta_keywords": ["a", "b"],
                                                          "image_url": "k/sagaform.png"}))
    as_v2 = v2(sb, "GET", f"brands/{created['id']}").json()
    assert (as_v2["name"], as_v2["meta_keywords"], as_v2["image_file"]) == ("Sagaform", "a,b", "k/sagaform.png")
    assert "_v3" not in as_v2 and "custom_url" not in as_v2
    v2(sb, "PUT", f"brands/{created['id']}", json={"page_title": "Swedish"})
    assert data(v3(sb, "GET", f"catalog/brands/{created['id']}"))["page_title"] == "Swedish"
    made = v2(sb, "POST", "brands", json={"name": "OFS"}).json()
    product = data(v3(sb, "POST", "catalog/products", json=product_body("Cart", brand_id=made["id"])))
    assert product["brand_id"] == made["id"]
    assert v3(sb, "DELETE", f"catalog/brands/{created['id']}").status_code == 204
    assert v2(sb, "GET", f"brands/{created['id']}").status_code == 404


def test_dump_and_load_keep_trees_tree_ids_and_v3_only_category_fields() -> None:
    store = Store(store_hash="abc")
    store.seed(products=5)
    store.handle_v3("PUT", "catalog/trees", {}, [{"name": "B2B", "channels": [2]}])
    store.handle_v3("POST", "catalog/trees/categories", {}, [{"name": "Bulk", "tree_id": 2, "views": 7}])
    store.handle_v3("PUT", "catalog/categories/2/products/sort-order", {}, [{"product_id": 1, "sort_order": 3}])
    store.handle_v3("POST", "catalog/brands/1/metafields", {}, metafield())
    dumped = store.dump()
    assert [tree["name"] for tree in dumped["category_trees"]] == ["Default", "B2B"]
    copy = Store(store_hash="abc")
    copy.load(dumped)
    for path, query in (("catalog/trees", {}), ("catalog/trees/categories", {"tree_id:in": "2"}),
                        ("catalog/trees/2/categories", {}), ("catalog/categories/2/products/sort-order", {}),
                        ("catalog/brands/metafields", {})):
        assert copy.handle_v3("GET", path, query, None).body == store.handle_v3("GET", path, query, None).body
    assert copy.dump() == dumped


def test_channel_assignments_list_every_product_in_the_storefront_until_changed(sb: Sandbox) -> None:
    path = "catalog/products/channel-assignments"
    channel = data(v3(sb, "POST", "channels", json={"name": "Marketplace", "type": "marketplace",
                                                      "platform": "amazon"}))
    first = data(v3(sb, "GET", path, params={"product_id:in": "1,2"}))
    assert first == [{"product_id": 1, "channel_id": 1}, {"product_id": 2, "channel_id": 1}]  # §3.1 default
    assert v3(sb, "PUT", path, json=[{"product_id": 1, "channel_id": channel["id"]}]).status_code == 204
    assert data(v3(sb, "GET", path, params={"channel_id:in": channel["id"]})) == [
        {"product_id": 1, "channel_id": channel["id"]}]
    errors = error_of(v3(sb, "PUT", path, json=[{"product_id": 1, "channel_id": 999}]), 422)["errors"]
    assert "0.channel_id" in errors
    assert "filter" in error_of(v3(sb, "DELETE", path), 422)["errors"]
    assert v3(sb, "DELETE", path, params={"product_id:in": "1", "channel_id:in": "1"}).status_code == 204
    assert data(v3(sb, "GET", path, params={"product_id:in": "1"})) == [{"product_id": 1, "channel_id": channel["id"]}]
    assert "channels" not in v2(sb, "GET", "products/1").json()  # v3 only: v2 never prints it


def test_category_and_brand_images_are_uploaded_as_files_and_seen_by_v2(sb: Sandbox) -> None:
    category = v2(sb, "POST", "categories", json={"name": "Uploads", "parent_id": 0}).json()
    brand = v2(sb, "POST", "brands", json={"name": "Uploadco"}).json()
    for path, v2_path in ((f"catalog/categories/{category['id']}/image", f"categories/{category['id']}"),
                          (f"catalog/brands/{brand['id']}/image", f"brands/{brand['id']}")):
        answer = data(v3(sb, "POST", path, files={"image_file": ("logo.png", b"\x89PNG\r\n", "image/png")}))
        assert answer["image_url"].startswith(sb.base_url + "/uploads/") and answer["image_url"].endswith("/logo.png")
        assert v2(sb, "GET", v2_path).json()["image_file"] == answer["image_url"]
        assert "image_file" in error_of(v3(sb, "POST", path, json={}), 422)["errors"]
        assert v3(sb, "DELETE", path).status_code == 204
        assert v2(sb, "GET", v2_path).json()["image_file"] == ""
    error_of(v3(sb, "POST", "catalog/categories/99999/image", files={"image_file": ("a.png", b"x", "image/png")}), 404)
