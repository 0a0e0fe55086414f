"""The v3 steps of ``python -m bigcommerce demo``: one store behind both API versions.

Each step shows the README's v3 calls against the demo's sandbox and checks what the other
version sees: a product with variants created in v3 is a v2 product with SKUs, a batch with
bad items reports exactly those, customers are walked by cursor, a metafield is written and read.
"""
from __future__ import annotations

from typing import Any

from .api import BigcommerceApi
from .exception import HttpException


def v3_steps(api: BigcommerceApi, step: Any) -> None:
    """Run the v3 steps; ``step`` is the demo's numbered printer (section, show, expect)."""
    step.section("v3: a product with variants, created in v3 and read in v2")
    created = api.v3.Products.create(
        name="Demo Kettle of three colours", type="physical", weight=1, price=49.99,
        variants=[{"sku": f"DEMO-KETTLE-{colour}", "price": 49.99,
                   "option_values": [{"option_display_name": "Colour", "label": colour}]}
                  for colour in ("red", "green", "blue")],
    )
    step.show("api.v3.Products.create(name=..., price=49.99, variants=[3 colours])",
              f"{{'id': {created.id}, 'price': {created.price!r}}}")
    skus = api.ProductSkus.all(created.id)
    step.show(f"api.ProductSkus.all({created.id})  # v2", sorted(s.sku for s in skus))
    step.show(f"api.Products.get({created.id}).price  # v2 prints prices as strings",
              repr(api.Products.get(created.id).price))
    step.expect(len(skus) == 3, "the three v3 variants are the v2 product's SKUs")

    step.section("v3: a batch update where some items are refused")
    ids = [p.id for p in api.v3.Products.all(limit=12)]
    bad = set(ids[3::5])
    result = api.v3.Products.update_many([{"id": pid, "price": -1 if pid in bad else 21.5} for pid in ids])
    step.show(f"result = api.v3.Products.update_many({len(ids)} rows, {len(bad)} with price=-1)",
              f"ok={result.ok}, {len(result.succeeded)} succeeded, {len(result.failed)} failed")
    for item, error in result.failed:
        step.show("result.failed[...]", f"id {item['id']}: {type(error).__name__}: {str(error)[:80]}")
        step.expect(isinstance(error, HttpException), "each failure carries the store's error")
    step.expect(sorted(item["id"] for item, _ in result.failed) == sorted(bad), "exactly the bad items failed")
    step.expect(api.Products.get(ids[0]).price.startswith("21.5"), "v2 sees the saved prices")

    step.section("v3: customers walked by cursor")
    by_cursor = [c.id for c in api.v3.Customers.iterall(limit=7)]
    step.show("[c.id for c in api.v3.Customers.iterall(limit=7)]  # cursor paging", by_cursor)
    step.expect(sorted(by_cursor) == sorted(c.id for c in api.Customers.iterall()), "v2 and v3 see the same customers")

    step.section("v3: a product metafield")
    field = api.v3.ProductMetafields.create(created.id, namespace="demo", key="warranty", value="2 years",
                                            permission_set="write")
    step.show(f"api.v3.ProductMetafields.create({created.id}, namespace='demo', key='warranty', value='2 years', "
              "permission_set='write')", f"{{'id': {field.id}, 'key': {field.key!r}}}")
    listed = api.v3.ProductMetafields.all(created.id)
    step.show(f"api.v3.ProductMetafields.all({created.id})", [(m.key, m.value) for m in listed])
    step.expect([m.value for m in listed] == ["2 years"], "the metafield is stored")
    created.delete()
    step.show("created.delete()")
