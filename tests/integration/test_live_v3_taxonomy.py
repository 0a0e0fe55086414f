"""The v3 client's categories, category trees, tree categories, brands, their metafields, product sort
order and category assignments against the sandbox over loopback: one store behind v2 and v3."""
from __future__ import annotations

from typing import Any, Callable

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import ClientRequestException, ResourceNotFound
from bigcommerce.sandbox import Sandbox
from bigcommerce.v3 import Brands, Categories, CategoryTrees, TreeCategories


@pytest.fixture
def api(fresh_sandbox: Callable[..., Sandbox]) -> BigcommerceApi:
    """A private store (its seeded category tree, brands and 10 products) for tests that write."""
    return BigcommerceApi(**fresh_sandbox(products=10, customers=0, orders=0).oauth_kwargs())


def metafield(**fields: Any) -> dict[str, Any]:
    return {"namespace": "warehouse", "key": "shelf", "value": "A1", "permission_set": "read", **fields}


def test_categories_through_the_client_are_v2_categories(api: BigcommerceApi) -> None:
    created = api.v3.Categories.create(parent_id=0, name="Garden Tools", meta_keywords=["rake"])
    assert isinstance(created, Categories) and created.custom_url["url"] == "/garden-tools/"
    assert api.Categories.get(created.id).name == "Garden Tools"
    assert api.v3.Categories.count() == api.Categories.count()
    walked = list(api.v3.Categories.iterall(parent_id=0))
    assert created.id in [c.id for c in walked] and all(c.parent_id == 0 for c in walked)
    renamed = created.update(name="Rakes")
    assert renamed.name == "Rakes" and api.Categories.get(created.id).name == "Rakes"
    with pytest.raises(ClientRequestException) as conflict:
        api.v3.Categories.create(parent_id=0, name="rakes")
    assert conflict.value.status_code == 409
    renamed.delete()
    with pytest.raises(ResourceNotFound):
        api.v3.Categories.get(created.id)
    spare = api.v3.Categories.create(parent_id=0, name="Spare")
    api.v3.Categories.delete_many([spare.id])
    with pytest.raises(ResourceNotFound):
        api.Categories.get(spare.id)


def test_category_metafields_per_category_and_in_batches(api: BigcommerceApi) -> None:
    category = api.v3.Categories.get(1)
    one = api.v3.CategoryMetafields.create(1, **metafield())
    assert (one.resource_type, one.resource_id) == ("category", 1)
    assert [m.id for m in category.metafields()] == [one.id]
    batch = api.v3.CategoryMetafields.create_many([metafield(resource_id=2), metafield(resource_id=3)])
    assert batch.ok and sorted(m.resource_id for m in batch) == [2, 3]
    assert sorted(m.resource_id for m in api.v3.CategoryMetafields.iterall()) == [1, 2, 3]
    assert api.v3.CategoryMetafields.update_many([{"id": one.id, "value": "B2"}]).ok
    assert api.v3.CategoryMetafields.get(1, one.id).value == "B2"
    assert api.v3.CategoryMetafields.delete_many([m.id for m in batch]).ok
    assert [m.id for m in api.v3.CategoryMetafields.all()] == [one.id]


def test_trees_and_tree_categories_are_one_state_with_v2(api: BigcommerceApi) -> None:
    (default,) = api.v3.CategoryTrees.all()
    assert isinstance(default, CategoryTrees) and (default.id, default.channels) == (1, [1])
    made = api.v3.CategoryTrees.update_many([{"name": "Wholesale", "channels": [2]}])
    assert made.ok
    wholesale = api.v3.CategoryTrees.get(made.succeeded[0].id)
    assert wholesale.name == "Wholesale"

    top = api.v3.TreeCategories.create(name="Bulk", tree_id=wholesale.id)
    assert isinstance(top, TreeCategories) and top.tree_id == wholesale.id and top.category_uuid
    children = api.v3.TreeCategories.create_many([{"name": "Pallets", "parent_id": top.category_id},
                                                  {"name": "Crates", "parent_id": top.category_id}])
    assert children.ok and {c.tree_id for c in children} == {wholesale.id}
    assert api.Categories.get(top.category_id).name == "Bulk"
    assert api.v3.TreeCategories.get(top.category_id).name == "Bulk"
    assert api.v3.TreeCategories.count(tree_id__in=[wholesale.id]) == 3
    assert api.v3.TreeCategories.update_many([{"category_id": top.category_id, "name": "Wholesale bulk"}]).ok
    assert api.Categories.get(top.category_id).name == "Wholesale bulk"
    (node,) = wholesale.categories()
    assert node["name"] == "Wholesale bulk" and sorted(c["name"] for c in node["children"]) == ["Crates", "Pallets"]

    children.succeeded[0].delete()
    with pytest.raises(ResourceNotFound):
        api.Categories.get(children.succeeded[0].category_id)
    wholesale.delete()
    assert [t.id for t in api.v3.CategoryTrees.all()] == [1]
    with pytest.raises(ResourceNotFound):
        api.Categories.get(top.category_id)


def test_the_sort_order_of_products_in_a_category(api: BigcommerceApi) -> None:
    category = api.v3.Products.get(1).categories[0]
    filed = [item.product_id for item in api.v3.CategoryProductSortOrder.all(category)]
    assert 1 in filed
    result = api.v3.CategoryProductSortOrder.update_many([{"product_id": filed[-1], "sort_order": 0}], category)
    assert result.ok
    assert api.v3.CategoryProductSortOrder.all(category)[0].product_id == filed[-1]


def test_category_assignments_are_the_v2_products_categories(api: BigcommerceApi) -> None:
    sale = api.v3.Categories.create(parent_id=0, name="Sale")
    assert api.v3.ProductCategoryAssignments.create_many([{"product_id": 1, "category_id": sale.id},
                                                          {"product_id": 2, "category_id": sale.id}]).ok
    assert sale.id in api.Products.get(1).categories
    assert api.v3.ProductCategoryAssignments.count(category_id__in=[sale.id]) == 2
    api.v3.ProductCategoryAssignments.delete_many(product_id__in=[1], category_id__in=[sale.id])
    assert [(a.product_id, a.category_id) for a in api.v3.ProductCategoryAssignments.all(
        category_id__in=[sale.id])] == [(2, sale.id)]
    with pytest.raises(ValueError):
        api.v3.ProductCategoryAssignments.delete_many()


def test_brands_and_brand_metafields_through_the_client(api: BigcommerceApi) -> None:
    brand = api.v3.Brands.create(name="Common Good", page_title="Good")
    assert isinstance(brand, Brands) and api.Brands.get(brand.id).page_title == "Good"
    assert api.v3.Brands.count() == api.Brands.count()
    with pytest.raises(ClientRequestException) as conflict:
        api.v3.Brands.create(name="common good")
    assert conflict.value.status_code == 409
    assert brand.update(search_keywords="modern").search_keywords == "modern"
    meta = api.v3.BrandMetafields.create(brand.id, **metafield())
    assert [m.id for m in brand.metafields()] == [meta.id]
    assert [m.resource_type for m in api.v3.BrandMetafields.all()] == ["brand"]
    brand.delete()
    with pytest.raises(ResourceNotFound):
        api.Brands.get(brand.id)
    assert api.v3.BrandMetafields.all() == []
    api.v3.Brands.create(name="Gone Soon")
    api.v3.Brands.delete_many(name="Gone Soon")
    assert [b.name for b in api.v3.Brands.all(name="Gone Soon")] == []


def test_channel_assignments_and_a_category_image_upload_through_the_client(
    api: BigcommerceApi, sandbox: Sandbox
) -> None:
    market = api.v3.Channels.create(name="Client market", type="marketplace", platform="amazon")
    api.v3.ProductChannelAssignments.create_many([{"product_id": 2, "channel_id": market.id},
                                                  {"product_id": 3, "channel_id": market.id}])
    listed = api.v3.ProductChannelAssignments.all(channel_id__in=[market.id])
    assert [(a.product_id, a.channel_id) for a in listed] == [(2, market.id), (3, market.id)]
    api.v3.ProductChannelAssignments.delete_many(product_id__in=[2], channel_id__in=[market.id])
    assert [a.product_id for a in api.v3.ProductChannelAssignments.all(channel_id__in=[market.id])] == [3]
    with pytest.raises(ValueError):
        api.v3.ProductChannelAssignments.delete_many()  # no filter: refused before any request

    shelf = api.v3.Categories.create(name="Client image shelf", parent_id=0)
    image = api.v3.CategoryImage.upload(shelf.id, file=b"\x89PNG\r\n\x1a\n", filename="shelf.png")
    assert image["image_url"].endswith("/shelf.png")
    assert api.Categories.get(shelf.id).image_file == image["image_url"]
    api.v3.CategoryImage.delete(shelf.id)
    assert api.v3.Categories.get(shelf.id).image_url == ""
