"""Webhooks on the v2 ``hooks`` path (cassettes/webhooks/)."""
from __future__ import annotations

import pytest

from bigcommerce.api import BigcommerceApi
from bigcommerce.resources import Webhooks
from tests.conftest import replay


def test_hooks_list_and_get(api: BigcommerceApi) -> None:
    with replay.use_cassette("webhooks/hooks.yaml") as cassette:
        hooks = api.Webhooks.all()
        product_hook = api.Webhooks.get(23)
    assert cassette.all_played
    assert [h.scope for h in hooks] == ["store/order/*", "store/product/updated"]
    assert all(isinstance(h, Webhooks) for h in hooks)
    assert isinstance(product_hook, Webhooks)
    assert product_hook.is_active is False
    assert product_hook.headers == {"X-Shared-Secret": "s3cr3t"}
    assert product_hook.created_at == 1561488106


def test_hook_create_posts_scope_destination_and_is_active(api: BigcommerceApi) -> None:
    with replay.use_cassette("webhooks/create.yaml") as cassette:
        hook = api.Webhooks.create(
            scope="store/cart/created", destination="https://app.example.com/webhooks", is_active=True,
            headers={"X-Shared-Secret": "s3cr3t"},
        )
    assert cassette.all_played
    assert isinstance(hook, Webhooks) and hook.id == 24 and hook.is_active is True


def test_hook_update_reactivates_it(api: BigcommerceApi) -> None:
    with replay.use_cassette("webhooks/reactivate.yaml") as cassette:
        hook = api.Webhooks.get(23).update(is_active=True)
    assert cassette.all_played
    assert hook.is_active is True and hook.updated_at == 1561574506


def test_hook_delete_hits_the_hook_path_even_though_the_api_answers_200(api: BigcommerceApi) -> None:
    with replay.use_cassette("webhooks/delete.yaml") as cassette:
        assert api.Webhooks.get(22).delete() is None
    assert cassette.all_played


def test_hooks_have_no_count_or_delete_all(api: BigcommerceApi) -> None:
    for operation in ("count", "delete_all"):
        with pytest.raises(AttributeError):
            getattr(api.Webhooks, operation)
