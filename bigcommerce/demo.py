"""``python -m bigcommerce demo``: the README's walk-through, run against a local sandbox.

Starts a sandbox store on a free loopback port, then uses the client the way
the README shows it, printing what each call returns. Exits 0 when every step
behaved as documented, 1 otherwise.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import sys
from typing import Any, TextIO

from .api import BigcommerceApi
from .connection import Connection, GraphQLConnection, OAuthConnection
from .demo_v3 import v3_steps
from .exception import ResourceNotFound

DEMO_PRODUCTS = 600
DEMO_LIFETIME_S = 300.0


class _Step:
    """Numbered, indented output; a failed expectation ends the demo with exit code 1."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.number = 0

    def section(self, title: str) -> None:
        self.number += 1
        print(f"\n{self.number}. {title}", file=self.out)

    def show(self, code: str, result: Any = "") -> None:
        text = f"   >>> {code}"
        if result != "":
            text += f"\n   {result}"
        print(text, file=self.out)

    @staticmethod
    def expect(condition: bool, what: str) -> None:
        if not condition:
            raise AssertionError(what)


def _brief(obj: Any, *keys: str) -> str:
    return "{" + ", ".join(f"{k!r}: {obj[k]!r}" for k in keys if k in obj) + "}"


def run(out: TextIO = sys.stdout) -> int:
    """Run the walk-through; 0 on success."""
    from .sandbox import Sandbox  # the demo is the one place that starts a store

    step = _Step(out)
    with Sandbox(products=DEMO_PRODUCTS, customers=20, orders=30, max_lifetime_s=DEMO_LIFETIME_S) as sb:
        print(f"Sandbox store running at {sb.base_url} (store hash {sb.store_hash})", file=out)
        try:
            _walk_through(sb, step)
        except AssertionError as failure:
            print(f"\nDEMO FAILED: {failure}", file=out)
            return 1
    print("\nAll steps behaved as documented.", file=out)
    return 0


def _walk_through(sb: Any, step: _Step) -> None:
    step.section("Connect with OAuth (client id, store hash, access token)")
    api = BigcommerceApi(**sb.oauth_kwargs())
    step.show("api = bigcommerce.api.BigcommerceApi(client_id=..., store_hash=..., access_token=...)", repr(api))
    store = api.Store.all()
    step.show("api.Store.all()['name']", repr(store["name"]))
    step.show("api.Time.all()['time']", repr(api.Time.all()["time"]))

    step.section("Connect with legacy basic auth (host, username, API token)")
    basic = BigcommerceApi(host=sb.base_url, basic_auth=(sb.username, sb.api_token))
    first = basic.Products.all(limit=3)
    step.show("basic.Products.all(limit=3)", [p.name for p in first])
    step.expect(len(first) == 3, "basic auth lists three products")

    step.section("List, filter, get")
    page = api.Products.all(limit=5)
    step.show("api.Products.all(limit=5)", [(p.id, p.name) for p in page])
    visible = api.Products.all(is_visible=True, min_price=20, limit=3)
    step.show("api.Products.all(is_visible=True, min_price=20, limit=3)",
              [(p.id, p.price) for p in visible])
    step.expect(all(float(p.price) >= 20 for p in visible), "the price filter holds")
    product = api.Products.get(page[0].id)
    step.show(f"api.Products.get({product.id})", _brief(product, "id", "name", "price", "date_created"))
    step.show("product['images']  # link objects stay data", dict(product["images"]))

    step.section("Create, update, delete")
    created = api.Products.create(name="Demo Kettle", type="physical", price="49.99",
                                  categories=[product["categories"][0]], availability="available", weight=1.2)
    step.show("api.Products.create(name='Demo Kettle', type='physical', price='49.99', ...)",
              _brief(created, "id", "name", "price"))
    updated = created.update(price="44.00")
    step.show("created.update(price='44.00')", _brief(updated, "id", "price"))
    step.expect(updated.price.startswith("44.0"), "the update is returned")
    updated.delete()
    step.show("updated.delete()")
    try:
        api.Products.get(created.id)
    except ResourceNotFound as error:
        step.show(f"api.Products.get({created.id})", f"ResourceNotFound: status {error.status_code}: {error}")
    else:
        step.expect(False, "a deleted product is gone")

    step.section("Subresources, from the parent and from the class")
    images = product.images()
    step.show(f"api.Products.get({product.id}).images()", [img["image_file"] for img in images][:3])
    if images:
        one = api.ProductImages.get(product.id, images[0].id)
        step.show(f"api.ProductImages.get({product.id}, {images[0].id})", _brief(one, "id", "product_id"))
    with_skus = next(p for p in api.Products.all(limit=50) if api.ProductSkus.count(p.id))
    skus = list(api.ProductSkus.iterall(with_skus.id))
    step.show(f"list(api.ProductSkus.iterall({with_skus.id}))", [s.sku for s in skus])
    step.show(f"api.Products.get({with_skus.id}).skus(limit=1)",
              [s.sku for s in api.Products.get(with_skus.id).skus(limit=1)])

    step.section("Counts")
    total = api.Products.count()
    step.show("api.Products.count()", total)
    step.show("api.Products.count(is_visible=True)", api.Products.count(is_visible=True))
    step.show("api.Orders.count()", api.Orders.count())

    step.section("Every product, page after page (iterall walks 250 at a time)")
    seen = [p.id for p in api.Products.iterall()]
    step.show("sum(1 for _ in api.Products.iterall())", len(seen))
    step.expect(len(seen) == total == len(set(seen)), "iterall yields every product exactly once")

    step.section("Customers and their orders")
    customer = api.Customers.all(limit=1)[0]
    step.show("customer = api.Customers.all(first_name=..., last_name=...)[0]",
              _brief(api.Customers.all(first_name=customer.first_name, last_name=customer.last_name)[0],
                     "id", "first_name", "last_name"))
    orders = api.Orders.all(customer_id=customer.id)
    step.show("api.Orders.all(customer_id=customer.id)", [(o.id, o.status, o.total_inc_tax) for o in orders][:5])

    step.section("Errors carry status, headers and body")
    try:
        api.Products.get(999_999)
    except ResourceNotFound as error:
        step.show("api.Products.get(999999)", f"{type(error).__name__}: {error}")
        step.show("error.status_code, error.errors", (error.status_code, error.errors))

    step.section("The low-level interface of the first generation")
    conn = Connection(sb.base_url, (sb.username, sb.api_token))
    step.show("conn = bigcommerce.Connection(host, ('username', 'api token'))")
    step.show("conn.get('products', limit=2)", [p.name for p in conn.get("products", limit=2)])
    step.show("api.connection.get('time')", api.connection.get("time"))

    step.section("OAuth app install: exchange the callback's code for a token")
    app = OAuthConnection(sb.client_id, sb.store_hash, host=sb.base_url)
    request = sb.token_request(scope="store_v2_products")
    token = app.fetch_token(sb.client_secret, request["code"], request["context"], request["scope"],
                            request["redirect_uri"], sb.base_url + "/oauth2/token")
    step.show("conn.fetch_token(client_secret, code, context, scope, redirect_uri, token_url)",
              _brief(token, "context", "scope"))
    step.show("conn.get('products', limit=1)[0].name", repr(app.get("products", limit=1)[0].name))

    step.section("Verify a signed_payload from a BigCommerce callback")
    body = json.dumps({"user": {"id": 1, "email": "owner@example.com"}, "store_hash": sb.store_hash}).encode()
    signature = hmac.new(sb.client_secret.encode(), body, hashlib.sha256).hexdigest().encode()
    signed = base64.b64encode(body).decode() + "." + base64.b64encode(signature).decode()
    verified = BigcommerceApi.oauth_verify_payload(signed, sb.client_secret)
    step.show("BigcommerceApi.oauth_verify_payload(signed_payload, client_secret)", verified)
    forged = BigcommerceApi.oauth_verify_payload(signed, "not-the-secret")
    step.show("... with the wrong secret", forged)
    step.expect(verified and forged is False, "only the genuine payload verifies")

    v3_steps(api, step)

    step.section("GraphQL Admin API")
    graphql = GraphQLConnection(sb.client_id, sb.store_hash, sb.access_token, host=sb.base_url)
    step.show("GraphQLConnection(...).query('query { system { time } }')",
              str(graphql.query("query { system { time } }")))
