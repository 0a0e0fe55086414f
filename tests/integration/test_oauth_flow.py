"""OAuth apps against the sandbox: the token exchange, the load callback's payloads, customer login URLs."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from typing import Any

import jwt
import pytest

import bigcommerce
from bigcommerce.api import BigcommerceApi
from bigcommerce.connection import OAuthConnection
from bigcommerce.customer_login_token import CustomerLoginTokens
from bigcommerce.exception import ClientRequestException, InvalidSignedPayload, Unauthorised
from bigcommerce.sandbox import Sandbox

SCOPE = "store_v2_products store_v2_orders"


def token_fields(sandbox: Sandbox, **overrides: str) -> dict[str, str]:
    fields = sandbox.token_request(scope=SCOPE)
    fields.update(overrides)
    return fields


def exchange(conn: OAuthConnection, fields: dict[str, str], token_url: str) -> Any:
    return conn.fetch_token(fields["client_secret"], fields["code"], fields["context"], fields["scope"],
                            fields["redirect_uri"], token_url)


# -- the auth callback: code -> token -------------------------------------------------------------


def test_fetch_token_exchanges_the_code_and_later_calls_use_the_issued_token(sandbox: Sandbox) -> None:
    conn = bigcommerce.OAuthConnection(sandbox.client_id, sandbox.store_hash, host=sandbox.base_url)

    token = exchange(conn, token_fields(sandbox), sandbox.base_url + "/oauth2/token")

    assert token["access_token"] and token["access_token"] != sandbox.access_token
    assert token["scope"] == SCOPE
    assert token["context"] == f"stores/{sandbox.store_hash}" == sandbox.context
    assert token["user"]["id"] and token["owner"]["email"]
    assert [p.id for p in conn.get("products", limit=2)] == [1, 2]
    assert sandbox.stats.count("POST", "oauth2/token") == 1


def test_before_fetch_token_the_connection_has_no_token_and_is_refused(sandbox: Sandbox) -> None:
    conn = OAuthConnection(sandbox.client_id, sandbox.store_hash, host=sandbox.base_url)

    with pytest.raises(Unauthorised):
        conn.get("time")
    exchange(conn, token_fields(sandbox), sandbox.token_url)

    assert conn.get("time")["time"] > 0


def test_the_issued_token_works_for_a_new_facade_too(sandbox: Sandbox) -> None:
    conn = OAuthConnection(sandbox.client_id, sandbox.store_hash, host=sandbox.base_url)
    token = exchange(conn, token_fields(sandbox), sandbox.token_url)

    api = BigcommerceApi(client_id=sandbox.client_id, store_hash=sandbox.store_hash,
                         access_token=token["access_token"], host=sandbox.base_url)

    assert api.Products.count() == len(sandbox.store.dump()["products"])


def test_the_facade_fetches_the_token_from_bc_auth_service(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BC_AUTH_SERVICE", sandbox.base_url)
    api = bigcommerce.api.BigcommerceApi(client_id=sandbox.client_id, store_hash=sandbox.store_hash,
                                         host=sandbox.base_url)
    assert api.auth_service == sandbox.base_url  # checked before anything is sent
    fields = token_fields(sandbox)

    token = api.oauth_fetch_token(fields["client_secret"], fields["code"], fields["context"], fields["scope"],
                                  fields["redirect_uri"])

    assert token["access_token"] and token["context"] == sandbox.context
    assert api.Products.get(1).id == 1
    assert sandbox.stats.count("POST", "oauth2/token") == 1


def test_bc_api_endpoint_points_the_facade_at_another_api_host(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BC_API_ENDPOINT", sandbox.base_url)

    api = BigcommerceApi(client_id=sandbox.client_id, store_hash=sandbox.store_hash,
                         access_token=sandbox.access_token)

    assert api.api_service == sandbox.base_url  # checked before anything is sent
    assert api.connection.full_path("time") == f"{sandbox.api_url}/time"
    assert api.Time.all()["time"] > 0


@pytest.mark.parametrize(("field", "value"), [
    ("code", "not-the-code"), ("client_secret", "not-the-secret"), ("context", "stores/elsewhere"),
])
def test_a_wrong_code_secret_or_context_raises_client_request_exception(
    sandbox: Sandbox, field: str, value: str
) -> None:
    conn = OAuthConnection(sandbox.client_id, sandbox.store_hash, host=sandbox.base_url)

    with pytest.raises(ClientRequestException) as caught:
        exchange(conn, token_fields(sandbox, **{field: value}), sandbox.token_url)

    e = caught.value
    assert e.status_code in (400, 403)
    assert sandbox.client_secret not in str(e) and "not-the-secret" not in str(e)
    assert json.loads(e.content)["error"]
    with pytest.raises(Unauthorised):
        conn.get("time")  # still no token


def test_a_wrong_code_through_the_facade_raises_client_request_exception(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BC_AUTH_SERVICE", sandbox.base_url)
    api = BigcommerceApi(client_id=sandbox.client_id, store_hash=sandbox.store_hash, host=sandbox.base_url)
    fields = token_fields(sandbox)
    assert api.auth_service == sandbox.base_url

    with pytest.raises(ClientRequestException) as caught:
        api.oauth_fetch_token(fields["client_secret"], "wrong", fields["context"], fields["scope"],
                              fields["redirect_uri"])

    assert caught.value.status_code == 400
    assert caught.value.errors == ["Invalid code."]


def test_fetch_token_checks_its_arguments_before_any_request(sandbox: Sandbox) -> None:
    conn = OAuthConnection(sandbox.client_id, sandbox.store_hash, host=sandbox.base_url)
    fields = token_fields(sandbox)

    with pytest.raises(ValueError, match="code"):
        conn.fetch_token(fields["client_secret"], "", fields["context"], fields["scope"], fields["redirect_uri"],
                         sandbox.token_url)

    assert sandbox.stats.total == 0


def test_oauth_fetch_token_on_a_basic_auth_facade_is_a_type_error(basic_api: BigcommerceApi) -> None:
    with pytest.raises(TypeError):
        basic_api.oauth_fetch_token("secret", "code", "stores/x", "scope", "https://app.example.com/auth")


# -- the load and uninstall callbacks ----------------------------------------------------------------------


def signed_payload(body: dict[str, Any], secret: str) -> str:
    raw = json.dumps(body).encode()
    signature = hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest().encode()
    return base64.b64encode(raw).decode() + "." + base64.b64encode(signature).decode()


def test_oauth_verify_payload_returns_the_data_only_with_the_right_secret(sandbox: Sandbox) -> None:
    body = {"user": {"id": 9, "email": "owner@example.com"}, "context": sandbox.context,
            "store_hash": sandbox.store_hash}
    signed = signed_payload(body, sandbox.client_secret)

    assert bigcommerce.api.BigcommerceApi.oauth_verify_payload(signed, sandbox.client_secret) == body
    assert bigcommerce.api.BigcommerceApi.oauth_verify_payload(signed, "not-the-secret") is False
    assert bigcommerce.api.BigcommerceApi.oauth_verify_payload("no-dot-at-all", sandbox.client_secret) is False


def test_oauth_verify_payload_jwt_returns_the_claims_when_everything_checks_out(sandbox: Sandbox) -> None:
    now = int(time.time())
    claims = {"aud": sandbox.client_id, "iss": "bc", "iat": now, "nbf": now - 5, "exp": now + 60,
              "sub": sandbox.context, "user": {"id": 9}, "owner": {"id": 9}, "url": "/"}
    token = jwt.encode(claims, sandbox.client_secret, algorithm="HS256")

    verified = bigcommerce.api.BigcommerceApi.oauth_verify_payload_jwt(token, sandbox.client_secret,
                                                                       sandbox.client_id)

    assert verified["sub"] == sandbox.context and verified["user"] == {"id": 9}


@pytest.mark.parametrize("problem", ["secret", "audience", "expired"])
def test_oauth_verify_payload_jwt_raises_invalid_signed_payload(sandbox: Sandbox, problem: str) -> None:
    now = int(time.time())
    claims = {"aud": sandbox.client_id, "iat": now, "exp": now + 60, "sub": sandbox.context}
    secret = sandbox.client_secret
    if problem == "secret":
        secret = "another-secret-of-enough-length-000000"
    elif problem == "audience":
        claims["aud"] = "another-app"
    else:
        claims.update(iat=now - 600, exp=now - 300)
    token = jwt.encode(claims, secret, algorithm="HS256")

    with pytest.raises(InvalidSignedPayload) as caught:
        BigcommerceApi.oauth_verify_payload_jwt(token, sandbox.client_secret, sandbox.client_id)

    assert isinstance(caught.value, jwt.InvalidTokenError)
    assert sandbox.client_secret not in str(caught.value)


# -- customer login (storefront single sign-on) ------------------------------------------------------------


def decode(token: str, sandbox: Sandbox) -> dict[str, Any]:
    return jwt.decode(token, sandbox.client_secret, algorithms=["HS256"])


def test_create_url_with_bc_time_builds_the_storefront_login_url(api: BigcommerceApi, sandbox: Sandbox) -> None:
    customer_id = sandbox.store.dump()["customers"][0]["id"]
    before = sandbox.store.now()

    url = CustomerLoginTokens.create_url(api, customer_id, client_secret=sandbox.client_secret, use_bc_time=True)

    prefix = f"{sandbox.base_url}/login/token/"
    assert url.startswith(prefix)  # the store's secure_url
    claims = decode(url[len(prefix):], sandbox)
    assert claims["iss"] == sandbox.client_id and claims["store_hash"] == sandbox.store_hash
    assert claims["customer_id"] == customer_id and claims["operation"] == "customer_login"
    assert before <= claims["iat"] <= sandbox.store.now()
    assert sandbox.stats.count("GET", "time") == 1 and sandbox.stats.count("GET", "store") == 1


def test_create_url_with_a_redirect_puts_it_in_the_token(api: BigcommerceApi, sandbox: Sandbox) -> None:
    url = CustomerLoginTokens.create_url(api, 3, redirect_url="/account.php", client_secret=sandbox.client_secret,
                                         use_bc_time=True)

    claims = decode(url.rsplit("/", 1)[1], sandbox)
    assert claims["redirect_to"] == "/account.php" and claims["customer_id"] == 3


def test_create_url_without_bc_time_uses_the_local_clock_and_skips_get_time(
    api: BigcommerceApi, sandbox: Sandbox
) -> None:
    url = CustomerLoginTokens.create_url(api, 2, client_secret=sandbox.client_secret)

    assert decode(url.rsplit("/", 1)[1], sandbox)["customer_id"] == 2
    assert sandbox.stats.count("GET", "time") == 0


def test_create_returns_a_token_signed_with_the_secret(api: BigcommerceApi, sandbox: Sandbox) -> None:
    token = CustomerLoginTokens.create(api, 4, client_secret=sandbox.client_secret)

    claims = decode(token, sandbox)
    assert claims["customer_id"] == 4 and claims["jti"]
    with pytest.raises(jwt.InvalidSignatureError):
        jwt.decode(token, "another-secret-of-enough-length-000000", algorithms=["HS256"])


def test_the_secret_falls_back_to_app_client_secret(
    api: BigcommerceApi, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("APP_CLIENT_SECRET", sandbox.client_secret)

    url = CustomerLoginTokens.create_url(api, 5, use_bc_time=True)

    assert decode(url.rsplit("/", 1)[1], sandbox)["customer_id"] == 5


def test_customer_login_needs_an_oauth_connection(basic_api: BigcommerceApi, sandbox: Sandbox) -> None:
    with pytest.raises(ValueError, match="OAuth"):
        CustomerLoginTokens.create(basic_api, 1, client_secret=sandbox.client_secret)
