"""Secrets never leak: not in an exception, a repr, a resource object, or any log record at DEBUG."""
from __future__ import annotations

import base64
import logging
import traceback
from collections.abc import Iterator
from typing import Any, Callable

import pytest
from resilience_fixtures import LIFETIME_S, closed_port

from bigcommerce.api import BigcommerceApi
from bigcommerce.exception import (
    BigcommerceError,
    ClientRequestException,
    ConnectionFailed,
    RequestTimeout,
    ResourceNotFound,
    ServerException,
    Unauthorised,
)
from bigcommerce.retry import RetryPolicy
from bigcommerce.sandbox import FaultRule, Sandbox

ACCESS_TOKEN = "tok-SECRET-4f2a"
CLIENT_SECRET = "cs-SECRET-7b3e"
PASSWORD = "pw-SECRET-9c1d"
AUTH_CODE = "code-SECRET-51aa"
USERNAME = "resilience-admin"
CLIENT_ID = "resilience-client"
SECRETS = (
    ACCESS_TOKEN,
    CLIENT_SECRET,
    PASSWORD,
    AUTH_CODE,
    # What a leaked Authorization header would show.
    base64.b64encode(f"{USERNAME}:{PASSWORD}".encode()).decode(),
    base64.b64encode(f"{USERNAME}:{PASSWORD}-old".encode()).decode(),
)


@pytest.fixture(scope="module")
def store() -> Iterator[Sandbox]:
    sandbox = Sandbox(products=5, customers=0, orders=0, max_lifetime_s=LIFETIME_S,
                      access_token=ACCESS_TOKEN, client_secret=CLIENT_SECRET,
                      client_id=CLIENT_ID, username=USERNAME, api_token=PASSWORD, auth_code=AUTH_CODE).start()
    try:
        yield sandbox
    finally:
        sandbox.stop()


@pytest.fixture
def clean_store(store: Sandbox) -> Iterator[Sandbox]:
    store.faults.clear()
    yield store
    store.faults.clear()


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Everything at DEBUG, the root logger and urllib3 included."""
    caplog.set_level(logging.DEBUG)
    for name in ("urllib3", "urllib3.connectionpool", "requests", "bigcommerce"):
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


def oauth_api(host: str, token: str = ACCESS_TOKEN, **options: Any) -> BigcommerceApi:
    return BigcommerceApi(host=host, client_id=CLIENT_ID, store_hash=options.pop("store_hash"),
                          access_token=token, auth_service=host, **options)


def basic_api(host: str, password: str = PASSWORD, **options: Any) -> BigcommerceApi:
    return BigcommerceApi(host=host, basic_auth=(USERNAME, password), **options)


def texts_of_exception(error: BaseException) -> list[str]:
    return [
        str(error),
        repr(error),
        repr(error.args),
        "".join(traceback.format_exception(type(error), error, error.__traceback__)),
        repr(getattr(error, "headers", "")),
        repr(getattr(error, "response", "")),
        repr(vars(error)),
    ]


def texts_of_api(api: BigcommerceApi) -> list[str]:
    connection = api.connection
    return [
        str(api), repr(api), repr(connection), str(connection),
        repr(connection._auth), str(connection._auth),
        repr(vars(connection)), repr(dict(connection._session.headers)),
        repr(api.Products), repr(connection.rate_limit),
    ]


def texts_of_logs(caplog: pytest.LogCaptureFixture) -> list[str]:
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    texts = [caplog.text]
    for record in caplog.records:
        texts += [record.getMessage(), repr(record.args), repr(record.msg), formatter.format(record)]
    return texts


def assert_no_secret(texts: list[str]) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, f"a secret leaked into: {text[:300]!r}"


def raised(call: Callable[[], Any], expected: type[BaseException]) -> BaseException:
    with pytest.raises(expected) as caught:
        call()
    return caught.value


# -- OAuth ------------------------------------------------------------------------


def test_oauth_secrets_stay_out_of_errors_reprs_resources_and_debug_logs(
    clean_store: Sandbox, debug_logs: pytest.LogCaptureFixture
) -> None:
    hash_ = clean_store.store_hash
    api = oauth_api(clean_store.base_url, store_hash=hash_, retry=RetryPolicy.none(), timeout=(2, 0.3))
    product = api.Products.get(1)
    products = api.Products.all(limit=2)
    errors: list[BaseException] = []

    clean_store.faults.add(FaultRule(kind="status", status=401, path="products", times=1))
    errors.append(raised(lambda: api.Products.get(1), Unauthorised))
    wrong_token = oauth_api(clean_store.base_url, token=ACCESS_TOKEN + "-old", store_hash=hash_,
                            retry=RetryPolicy.none())
    errors.append(raised(lambda: wrong_token.Products.get(1), Unauthorised))
    errors.append(raised(lambda: api.Products.get(999_999), ResourceNotFound))
    clean_store.faults.add(FaultRule(kind="status", status=500, path="products", times=1))
    errors.append(raised(lambda: api.Products.get(1), ServerException))
    clean_store.faults.add(FaultRule(kind="hang", path="products", hang_s=5, times=1))
    errors.append(raised(lambda: api.Products.get(1), RequestTimeout))
    dead = oauth_api(f"http://127.0.0.1:{closed_port()}", store_hash=hash_, retry=RetryPolicy.none())
    errors.append(raised(lambda: dead.Products.get(1), ConnectionFailed))
    errors.append(raised(
        lambda: api.oauth_fetch_token(CLIENT_SECRET, AUTH_CODE + "-old", f"stores/{hash_}",
                                      "store_v2_products", "https://app.example.com/auth"),
        ClientRequestException,
    ))

    texts: list[str] = []
    for error in errors:
        texts += texts_of_exception(error)
    for client in (api, wrong_token, dead):
        texts += texts_of_api(client)
    texts += [repr(product), str(product), repr(vars(product)), repr(products), str(products)]
    texts += texts_of_logs(debug_logs)
    assert any(r.name.startswith("urllib3") for r in debug_logs.records)  # urllib3 did log
    assert_no_secret(texts)


def test_a_successful_token_exchange_keeps_the_new_token_out_of_reprs_and_logs(
    clean_store: Sandbox, debug_logs: pytest.LogCaptureFixture
) -> None:
    api = BigcommerceApi(host=clean_store.base_url, client_id=clean_store.client_id,
                         store_hash=clean_store.store_hash, auth_service=clean_store.base_url)

    token = api.oauth_fetch_token(CLIENT_SECRET, AUTH_CODE, clean_store.context, "store_v2_products",
                                  "https://app.example.com/auth")
    assert api.Products.get(1).id == 1

    texts = texts_of_api(api) + texts_of_logs(debug_logs)
    assert_no_secret(texts)
    for text in texts:
        assert token["access_token"] not in text


# -- basic auth -------------------------------------------------------------------


def test_basic_auth_secrets_stay_out_of_errors_reprs_resources_and_debug_logs(
    clean_store: Sandbox, debug_logs: pytest.LogCaptureFixture
) -> None:
    api = basic_api(clean_store.base_url, retry=RetryPolicy.none(), timeout=(2, 0.3))
    product = api.Products.get(2)
    errors: list[BaseException] = []

    wrong = basic_api(clean_store.base_url, password=PASSWORD + "-old", retry=RetryPolicy.none())
    errors.append(raised(lambda: wrong.Products.get(1), Unauthorised))
    errors.append(raised(lambda: api.Products.get(999_999), ResourceNotFound))
    clean_store.faults.add(FaultRule(kind="status", status=500, path="products", times=1))
    errors.append(raised(lambda: api.Products.get(1), ServerException))
    clean_store.faults.add(FaultRule(kind="hang", path="products", hang_s=5, times=1))
    errors.append(raised(lambda: api.Products.get(1), RequestTimeout))
    dead = basic_api(f"http://127.0.0.1:{closed_port()}", retry=RetryPolicy.none())
    errors.append(raised(lambda: dead.Products.get(1), ConnectionFailed))

    texts: list[str] = []
    for error in errors:
        assert isinstance(error, BigcommerceError)
        texts += texts_of_exception(error)
    for client in (api, wrong, dead):
        texts += texts_of_api(client)
    texts += [repr(product), str(product), repr(vars(product))]
    texts += texts_of_logs(debug_logs)
    assert_no_secret(texts)


def test_credentials_never_travel_in_the_url(clean_store: Sandbox) -> None:
    clean_store.stats.reset()
    oauth = oauth_api(clean_store.base_url, store_hash=clean_store.store_hash)
    basic = basic_api(clean_store.base_url)

    oauth.Products.get(1)
    basic.Products.get(1)

    routes = " ".join(f"{m} {p}" for (m, p) in clean_store.stats.by_route)
    assert_no_secret([routes, oauth.connection.full_path("products"), basic.connection.full_path("products")])
