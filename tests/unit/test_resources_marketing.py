"""Coupons, banners and gift certificates (cassettes/marketing/, marketing.v2 examples)."""
from __future__ import annotations

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.resources import Banners, Coupons, GiftCertificates
from tests.conftest import replay


def test_coupons_list_by_type_and_get_one(api: BigcommerceApi) -> None:
    with replay.use_cassette("marketing/coupons.yaml") as cassette:
        coupons = api.Coupons.all(type="per_total_discount")
        by_location = api.Coupons.get(2)
    assert cassette.all_played
    assert [c.code for c in coupons] == ["S2549JM0Y", "E3JC79S0I"]
    assert all(isinstance(c, Coupons) for c in coupons)
    assert isinstance(by_location, Coupons)
    assert by_location.restricted_to == {"countries": ["AU"]}
    assert by_location.min_purchase == "25.0000"
    assert by_location.date_created == "Tue, 12 Jun 2018 20:22:19 +0000"


def test_coupons_count_returns_the_number_of_coupons(api: BigcommerceApi) -> None:
    with replay.use_cassette("marketing/coupons_count.yaml") as cassette:
        assert api.Coupons.count() == 27
    assert cassette.all_played


def test_coupon_create_posts_the_coupon(api: BigcommerceApi) -> None:
    with replay.use_cassette("marketing/coupon_create.yaml") as cassette:
        coupon = api.Coupons.create(
            name="$5 off", type="per_total_discount", amount="5.0000", code="S2549JM0Y",
            applies_to={"entity": "categories", "ids": [0]},
        )
    assert cassette.all_played
    assert isinstance(coupon, Coupons) and coupon.id == 1


def test_coupons_delete_all_sends_delete_to_the_collection(api: BigcommerceApi) -> None:
    with replay.use_cassette("marketing/coupons_delete_all.yaml") as cassette:
        assert api.Coupons.delete_all() is None
    assert cassette.all_played


def test_banners_list_get_and_count(api: BigcommerceApi) -> None:
    with replay.use_cassette("marketing/banners.yaml") as cassette:
        banners = api.Banners.all()
        banner = api.Banners.get(1)
    assert cassette.all_played
    assert [b.page for b in banners] == ["home_page", "category_page"]
    assert isinstance(banner, Banners)
    assert banner.content == "<p> Sale! Tuesday at 9am! </p>"
    with replay.use_cassette("marketing/banners_count.yaml") as cassette:
        assert api.Banners.count() == 27
    assert cassette.all_played


def test_gift_certificates_list_by_recipient_and_get_one(api: BigcommerceApi) -> None:
    with replay.use_cassette("marketing/gift_certificates.yaml") as cassette:
        certificates = api.GiftCertificates.all(to_email="test@test.com")
        certificate = api.GiftCertificates.get(1)
    assert cassette.all_played
    assert all(isinstance(g, GiftCertificates) for g in certificates)
    assert certificates[0].code == "10R-5E2-BO4-RWT"
    assert certificates[0].balance == "500.0000"
    assert isinstance(certificate, GiftCertificates)
    assert (certificate.to_name, certificate.from_name) == ("John Doe", "Jane Doe")


def test_gift_certificates_have_no_count(api: BigcommerceApi) -> None:
    with pytest.raises(AttributeError):
        api.GiftCertificates.count
