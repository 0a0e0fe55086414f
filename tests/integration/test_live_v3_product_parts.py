"""The v3 client's product subresources against the sandbox over loopback: images, videos, custom
fields, bulk pricing rules, reviews and variant metafields, as v3-interface.md calls them
(parent ids first, positionally; ``obj.update``/``obj.delete``; ``product.images()``)."""
from __future__ import annotations

from pathlib import Path

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import ClientRequestException, ResourceNotFound
from bigcommerce.sandbox import Sandbox
from bigcommerce.v3 import (
    BatchResult,
    ProductBulkPricingRules,
    ProductComplexRules,
    ProductCustomFields,
    ProductImages,
    ProductReviews,
    ProductVariantMetafields,
    ProductVideos,
)

IMAGE_URL = "https://example.com/img/kettle-front.jpg"


def new_product(api: BigcommerceApi, name: str, **fields: object) -> int:
    product_id: int = api.v3.Products.create(name=name, type="physical", weight=1, price=20, **fields).id
    return product_id


def test_an_image_file_uploaded_through_the_client_is_a_v2_image(
    api: BigcommerceApi, sandbox: Sandbox, tmp_path: Path
) -> None:
    pid = new_product(api, "Uploaded kettle")
    photo = tmp_path / "kettle front.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a jpeg")

    image = api.v3.ProductImages.upload(pid, file=photo, is_thumbnail=True, description="Front")

    assert isinstance(image, ProductImages) and image.is_thumbnail is True and image.description == "Front"
    assert image.image_url.startswith(sandbox.base_url + "/uploads/") and image.image_url.endswith("kettle_front.jpg")
    assert api.ProductImages.get(pid, image.id).image_file == image.image_url
    with open(photo, "rb") as handle:
        again = api.v3.ProductImages.upload(pid, file=handle, description="Again")
    assert again.image_url == image.image_url  # same content and name: the same stored address


def test_product_images_through_the_client_and_the_v2_images_they_are(api: BigcommerceApi, sandbox: Sandbox) -> None:
    pid = new_product(api, "Parts kettle")
    assert api.v3.ProductImages.all(pid) == []  # the API's 204 for a product without images

    image = api.v3.ProductImages.create(pid, image_url=IMAGE_URL, description="Front")

    assert isinstance(image, ProductImages) and image.product_id == pid and image.image_url == IMAGE_URL
    assert api.ProductImages.get(pid, image.id).image_file == IMAGE_URL
    assert [i.id for i in api.v3.Products.get(pid).images()] == [image.id]
    assert api.v3.ProductImages.count(pid) == 1
    assert image.update(description="Side").description == "Side"
    assert api.v3.ProductImages.get(pid, image.id).description == "Side"
    image.delete()
    with pytest.raises(ResourceNotFound):
        api.ProductImages.get(pid, image.id)


def test_product_videos_through_the_client_keep_their_integer_ids(api: BigcommerceApi, sandbox: Sandbox) -> None:
    pid = new_product(api, "Parts video kettle")

    video = api.v3.ProductVideos.create(pid, video_id="z3fRu9pkuXE", title="Boiling")

    assert isinstance(video, ProductVideos) and isinstance(video.id, int) and video.type == "youtube"
    assert [(v.id, v.name) for v in api.ProductVideos.all(pid)] == [("z3fRu9pkuXE", "Boiling")]
    with pytest.raises(ClientRequestException) as conflict:
        api.v3.ProductVideos.create(pid, video_id="z3fRu9pkuXE")
    assert conflict.value.status_code == 409
    moved = video.update(video_id="PqBTp23RLhI")
    assert moved.id == video.id and api.v3.ProductVideos.get(pid, video.id).video_id == "PqBTp23RLhI"
    moved.delete()
    assert api.v3.ProductVideos.all(pid) == []


def test_custom_fields_and_bulk_pricing_rules_through_the_client(api: BigcommerceApi, sandbox: Sandbox) -> None:
    pid = new_product(api, "Parts priced kettle")

    field = api.v3.ProductCustomFields.create(pid, name="ISBN", value="1234567890123")
    rule = api.v3.ProductBulkPricingRules.create(pid, quantity_min=2, quantity_max=5, type="percent", amount=10)

    assert isinstance(field, ProductCustomFields) and isinstance(rule, ProductBulkPricingRules)
    assert [(f.name, f.text) for f in api.ProductCustomFields.all(pid)] == [("ISBN", "1234567890123")]
    assert [(r.min, r.max, r.type_value) for r in api.ProductDiscountRules.all(pid)] == [(2, 5, 10)]
    with pytest.raises(ClientRequestException) as overlap:
        api.v3.ProductBulkPricingRules.create(pid, quantity_min=4, quantity_max=0, type="price", amount=1)
    assert overlap.value.status_code == 409
    assert rule.update(quantity_max=9).quantity_max == 9
    assert field.update(value="978").value == "978"
    assert [r.quantity_max for r in api.v3.ProductBulkPricingRules.all(pid)] == [9]
    field.delete()
    rule.delete()
    assert api.v3.ProductCustomFields.all(pid) == [] and api.v3.ProductBulkPricingRules.all(pid) == []


def test_product_reviews_through_the_client(api: BigcommerceApi, sandbox: Sandbox) -> None:
    pid = new_product(api, "Parts reviewed kettle")
    assert api.v3.ProductReviews.all(pid) == []  # 204: no reviews

    review = api.v3.ProductReviews.create(pid, title="Great", text="Boils fast", name="Bob", rating=5,
                                          status="approved", date_reviewed="2024-05-14T09:34:00+00:00")

    assert isinstance(review, ProductReviews) and review.status == "approved"
    assert [(r.author, r.status) for r in api.ProductReviews.all(pid)] == [("Bob", 1)]
    assert [r.id for r in api.v3.ProductReviews.all(pid, status=1)] == [review.id]
    assert api.v3.ProductReviews.all(pid, status=0) == []
    review.delete()
    with pytest.raises(ResourceNotFound):
        api.v3.ProductReviews.get(pid, review.id)


def test_complex_rules_through_the_client_and_the_v2_rules_they_are(api: BigcommerceApi, sandbox: Sandbox) -> None:
    pid = new_product(api, "Parts ruled kettle")

    rule = api.v3.ProductComplexRules.create(
        pid, purchasing_hidden=True, weight_adjuster={"adjuster": "relative", "adjuster_value": 3},
        conditions=[{"modifier_id": 5, "modifier_value_id": 6, "variant_id": None}])

    assert isinstance(rule, ProductComplexRules) and rule.weight_adjuster == {"adjuster": "relative",
                                                                              "adjuster_value": 3}
    assert [(r.is_purchasing_hidden, r.conditions[0]["option_value_id"]) for r in api.ProductRules.all(pid)] == [
        (True, 6)]
    assert rule.update(sort_order=2).sort_order == 2
    assert [r.id for r in api.v3.Products.get(pid).complex_rules()] == [rule.id]
    rule.delete()
    assert api.v3.ProductComplexRules.all(pid) == []


def test_variant_metafields_one_variant_at_a_time_and_in_batches(api: BigcommerceApi, sandbox: Sandbox) -> None:
    pid = new_product(api, "Parts sized kettle", variants=[
        {"sku": f"PARTS-{size}", "option_values": [{"option_display_name": "Size", "label": size}]}
        for size in ("S", "M")])
    first, second = (v.id for v in api.v3.ProductVariants.all(pid))

    one = api.v3.ProductVariantMetafields.create(pid, first, namespace="Warehouse", key="bin", value="A1",
                                                 permission_set="read")
    batch = api.v3.ProductVariantMetafields.create_many(
        [{"resource_id": second, "namespace": "Warehouse", "key": "bin", "value": "B1", "permission_set": "read"},
         {"resource_id": second, "namespace": "Warehouse", "key": "row", "value": "3", "permission_set": "read"}])

    assert isinstance(one, ProductVariantMetafields) and one.resource_type == "variant" and one.resource_id == first
    assert isinstance(batch, BatchResult) and batch.ok and len(batch.succeeded) == 2
    assert [m.value for m in api.v3.ProductVariantMetafields.all(pid, first)] == ["A1"]
    assert sorted(m.key for m in api.v3.ProductVariantMetafields.all(pid, second)) == ["bin", "row"]
    everywhere = [m for m in api.v3.ProductVariantMetafields.iterall() if m.resource_id in (first, second)]
    assert len(everywhere) == 3
    assert one.update(value="A2").value == "A2"
    deleted = api.v3.ProductVariantMetafields.delete_many([m.id for m in batch.succeeded])
    assert deleted.ok
    one.delete()
    assert api.v3.ProductVariantMetafields.all(pid, second) == []
    with pytest.raises(ResourceNotFound):
        api.v3.ProductVariantMetafields.all(new_product(api, "Parts other kettle"), first)


def test_a_variant_image_through_the_client_by_url_and_by_upload(api: BigcommerceApi) -> None:
    product = api.v3.Products.create(name="Variant image kettle", type="physical", weight=1, price=20,
                                     variants=[{"sku": "VIMG-1", "option_values": [
                                         {"option_display_name": "Size", "label": "S"}]}])
    variant = product.variants()[0]
    by_url = api.v3.ProductVariantImage.create(product.id, variant.id, image_url=IMAGE_URL)
    assert by_url["image_url"] == IMAGE_URL
    uploaded = api.v3.ProductVariantImage.upload(product.id, variant.id, file=b"\x89PNG", filename="s.png")
    assert uploaded["image_url"].endswith("/s.png")
    assert api.ProductSkus.get(product.id, variant.id).image_file == uploaded["image_url"]
