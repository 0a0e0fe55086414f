"""Connections: auth, URLs, filters, retries, the quota, and status codes to exceptions.

``Connection`` speaks legacy basic auth to ``https://{store}/api/v2/``;
``OAuthConnection`` speaks ``X-Auth-Token`` to
``https://api.bigcommerce.com/stores/{store_hash}/v2/``; ``GraphQLConnection``
posts queries to ``/stores/{store_hash}/graphql``. All three share one request
path (:meth:`Connection.request`), which never follows a redirect, retries only
what is safe to send again, and keeps every thread inside the store's quota.
"""
from __future__ import annotations

import logging
import os
import time
from typing import Any, Union
from urllib.parse import urlencode, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import NewConnectionError

from . import urls
from .auth import TokenAuth, basic_auth
from .encoding import ISO8601, RFC2822, encode_json
from .exception import (
    ConnectionFailed,
    EmptyResponseWarning,
    HttpException,
    RateLimitingException,
    RequestTimeout,
    ResponseDecodeError,
    TransportError,
    body_preview,
    describe_error_body,
    exception_for,
)
from .mapping import Mapping, decode_json
from .payload import verify_payload, verify_payload_jwt
from .rate_limit import DEFAULT_MAX_RATE_LIMIT_WAIT_S, RateLimiter, RedisRateLimiter, StoreRateLimiter
from .rate_limit.window import management_options
from .retry import RetryPolicy

__all__ = ["Connection", "GraphQLConnection", "OAuthConnection", "Timeout"]

log = logging.getLogger("bigcommerce")

# (connect, read) seconds: no request can hang forever. The read timeout is the
# longest silence between two reads of the socket, not a cap on the whole
# answer: a large page that keeps streaming is never cut, and a store that
# has stopped answering costs 30 s before the retry, not a minute.
DEFAULT_TIMEOUT_S: tuple[float, float] = (10.0, 30.0)
DEFAULT_API_HOST = "api.bigcommerce.com"
DEFAULT_LOGIN_HOST = "login.bigcommerce.com"
# Consecutive 429s on one request before giving up.
MAX_RATE_LIMIT_RETRIES = 10
# Connections kept per host: enough for concurrent pagination workers.
POOL_SIZE = 32
USER_AGENT = "bigcommerce-python/1.0"

Timeout = Union[float, tuple[float, float], None]
# Query parameters and extra headers as callers pass them.
Params = dict[str, Any]
Headers = dict[str, str]
# The old client's rate_limiting_management dict.
RateLimitingManagement = dict[str, Any]
# What a connection books its requests with: its own window, or its store's window in Redis.
Limiter = Union[RateLimiter, StoreRateLimiter]


def _origin(host: object, what: str = "host") -> str:
    """``'store.com'`` → ``'https://store.com'``; an explicit scheme (``http://127.0.0.1:8000``) is kept."""
    if not isinstance(host, str) or not host.strip():
        raise TypeError(f"{what} must be a non-empty string such as 'store.mybigcommerce.com'")
    text = host.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{what} {host!r} is not a host name or an http(s) URL")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ValueError(f"{what} must not carry credentials, a query or a fragment")
    path = parts.path.rstrip("/")
    if path not in ("", "/api/v2"):
        raise ValueError(f"{what} {host!r} has a path; give only the store's host")
    return f"{parts.scheme}://{parts.netloc}"


def _reached_server(error: requests.RequestException) -> bool:
    """False only when the request provably never left: refused, or the connect timed out."""
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return False
    seen = set()
    cause: BaseException | None = error
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, NewConnectionError):
            return False
        reason = getattr(cause, "reason", None)
        nested = cause.args[0] if cause.args and isinstance(cause.args[0], BaseException) else None
        cause = reason if isinstance(reason, BaseException) else nested or cause.__cause__ or cause.__context__
    return True


class Connection:
    """A store reached with legacy basic auth (``username``, ``api_token``).

    ``timeout`` is ``(connect, read)`` seconds or one number for both;
    ``retry`` a :class:`RetryPolicy` (``RetryPolicy.none()`` turns retries
    off); ``max_rate_limit_wait`` the longest single wait for the quota before
    :class:`RateLimitingException`.
    """

    def __init__(
        self,
        host: str,
        auth: Any = None,
        api_path: str = "/api/v2/{}",
        *,
        timeout: Timeout = DEFAULT_TIMEOUT_S,
        retry: RetryPolicy | None = None,
        rate_limiting_management: RateLimitingManagement | None = None,
        max_rate_limit_wait: float = DEFAULT_MAX_RATE_LIMIT_WAIT_S,
        session: requests.Session | None = None,
        rate_limiter: RateLimiter | RedisRateLimiter | None = None,
    ) -> None:
        self._origin = _origin(host)
        self.host = urlsplit(self._origin).netloc
        self.api_path = api_path
        self._auth: Any = basic_auth(auth) if auth is not None else None
        self._configure(timeout, retry, rate_limiting_management, max_rate_limit_wait, session, rate_limiter)

    def _configure(
        self,
        timeout: Timeout,
        retry: RetryPolicy | None,
        rate_limiting_management: RateLimitingManagement | None,
        max_rate_limit_wait: float,
        session: requests.Session | None,
        rate_limiter: RateLimiter | RedisRateLimiter | None,
    ) -> None:
        self.timeout = _check_timeout(timeout)
        if retry is not None and not isinstance(retry, RetryPolicy):
            raise TypeError("retry must be a RetryPolicy")
        self.retry = retry or RetryPolicy()
        self.rate_limiting_management = rate_limiting_management
        self.rate_limiter = self._limiter(rate_limiter, rate_limiting_management, max_rate_limit_wait)
        self._session = session or requests.Session()
        self._session.headers.update({"Accept": "application/json", "User-Agent": USER_AGENT})
        self._mount_pool()
        self._base = self._origin + self._api_prefix()
        # v2 reads dates as RFC 2822; v3 and GraphQL as ISO 8601 (bodies and datetime filters).
        self.date_style = RFC2822 if "/v2/" in self.api_path else ISO8601

    def _mount_pool(self) -> None:
        """A fresh connection pool for this process: a forked child never reads from sockets
        it inherited (the parent's answers would reach it, or its own the parent)."""
        self._pid = os.getpid()
        adapter = HTTPAdapter(pool_connections=4, pool_maxsize=POOL_SIZE)
        self._session.mount("https://", adapter)
        self._session.mount("http://", adapter)

    def _limiter(
        self,
        given: RateLimiter | RedisRateLimiter | None,
        management: RateLimitingManagement | None,
        max_wait_s: float,
    ) -> Limiter:
        """The store's window: a new in-process limiter, the one given, or a shared one bound to this store."""
        options = management_options(management)
        if given is None:
            return RateLimiter(**options, max_wait_s=max_wait_s, sleep=self.retry.sleep)
        if isinstance(given, RedisRateLimiter):
            return given.bind(self.store_key, **options, max_wait_s=max_wait_s, sleep=self.retry.sleep)
        if isinstance(given, RateLimiter):
            if management or max_wait_s != DEFAULT_MAX_RATE_LIMIT_WAIT_S:
                raise ValueError("a RateLimiter given as rate_limiter carries its own options: give them to it, "
                                 "not rate_limiting_management or max_rate_limit_wait")
            return given
        raise TypeError(f"rate_limiter must be a RateLimiter or a RedisRateLimiter, not {type(given).__name__}")

    @property
    def store_key(self) -> str:
        """What names this store's quota in a shared limiter: the host for basic auth."""
        return self.host

    def _api_prefix(self) -> str:
        return self.api_path.format("").rstrip("/") + "/"

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._base}>"

    # -- URLs ---------------------------------------------------------------

    def full_path(self, url: str) -> str:
        """The absolute URL of a resource path such as ``'products/5'``."""
        return self._base + url.lstrip("/")

    def _url(self, url: str) -> str:
        """A resource path, or an absolute URL on this same store (never another host)."""
        if url.startswith(("http://", "https://")):
            if not url.startswith(self._base):
                raise ValueError(
                    "absolute URLs must point at this connection's API "
                    f"({self._base}); credentials are never sent elsewhere"
                )
            rest = url[len(self._base):].split("?", 1)[0].split("#", 1)[0]
            if rest.strip("/"):
                urls.check_resource(rest)
            return url
        return self._base + urls.check_resource(url) if url.strip("/") else self._base.rstrip("/")

    # -- the old low-level interface ----------------------------------------

    def get(self, resource: str = "", rid: urls.ResourceId | None = None, **query: Any) -> Any:
        """``GET resource[/rid]?filters``: a Mapping, or a list of them for a collection.

        A 204 (past the last page, or nothing matched) raises EmptyResponseWarning.
        """
        path = urls.join(resource, rid) if rid is not None else resource
        return self._expect_body("GET", path, *self._request("GET", path, params=query))

    def update(self, resource: str, rid: urls.ResourceId, updates: Params) -> Any:
        """``PUT resource/rid`` with the changed fields."""
        path = urls.join(resource, rid)
        return self._expect_body("PUT", path, *self._request("PUT", path, json=updates))

    def create(self, resource: str, data: Any) -> Any:
        """``POST resource``."""
        return self._expect_body("POST", resource, *self._request("POST", resource, json=data))

    def delete(self, resource: str, rid: urls.ResourceId | None = None) -> Any:
        """``DELETE resource[/rid]``. Without ``rid`` the whole collection: say so explicitly."""
        path = urls.join(resource, rid) if rid is not None else resource
        return self.request("DELETE", path)

    def make_request(
        self,
        method: str,
        url: str,
        data: Any = None,
        params: Params | None = None,
        headers: Headers | None = None,
        *,
        timeout: Timeout = None,
    ) -> Any:
        """Any method on any path of this store; the parsed body, or None for 204."""
        return self.request(method, url, json=data, params=params, headers=headers, timeout=timeout)

    def put(self, url: str, data: Any) -> Any:
        return self.request("PUT", url, json=data)

    def post(self, url: str, data: Any, headers: Headers | None = None) -> Any:
        return self.request("POST", url, json=data, headers=headers)

    @staticmethod
    def _expect_body(method: str, path: str, result: Any, response: requests.Response) -> Any:
        if result is None:
            raise EmptyResponseWarning(
                f"{method} /{path.lstrip('/')} -> {response.status_code} {response.reason}: "
                "no content to return",
                response,
            )
        return result

    # -- the one request path -------------------------------------------------

    def request(
        self,
        method: str,
        url: str,
        *,
        params: Params | None = None,
        json: Any = None,
        data: Any = None,
        headers: Headers | None = None,
        timeout: Timeout = None,
    ) -> Any:
        """Send one request (with retries) and return its parsed JSON body, or None when empty.

        Raises an :class:`HttpException` subclass for any non-2xx status and
        :class:`TransportError` when no response arrives.
        """
        return self._request(method, url, params=params, json=json, data=data,
                             headers=headers, timeout=timeout)[0]

    def request_text(self, method: str, url: str, *, params: Params | None = None, timeout: Timeout = None) -> str:
        """Send one request whose answer is text, not JSON (a CSV export, an event stream read to
        its end): the body decoded with its declared charset (UTF-8 when none), "" for none."""
        response = self._request(method, url, params=params, timeout=timeout, parse=False)[1]
        if not response.content:
            return ""
        return response.content.decode(response.encoding or "utf-8", errors="replace")

    def _request(
        self,
        method: str,
        url: str,
        *,
        params: Params | None = None,
        json: Any = None,
        data: Any = None,
        headers: Headers | None = None,
        timeout: Timeout = None,
        parse: bool = True,
    ) -> tuple[Any, requests.Response]:
        method = method.upper()
        target = self._url(url)
        request_headers = dict(headers) if headers else {}
        body: bytes | None = data
        if data is None and json is not None:
            body = encode_json(json, self.date_style)
            request_headers.setdefault("Content-Type", "application/json")
        response = self._send(
            method,
            target,
            params=urls.encode_query(params, self.date_style) if params else None,
            body=body,
            headers=request_headers,
            timeout=_check_timeout(timeout) if timeout is not None else self.timeout,
        )
        return (self._parse(method, target, response) if parse else None), response

    def _send(
        self,
        method: str,
        url: str,
        *,
        params: Params | None,
        body: bytes | None,
        headers: Headers,
        timeout: Timeout,
        token_exchange: bool = False,
    ) -> requests.Response:
        """The retry loop. ``token_exchange``: no API credentials, no quota (the login service)."""
        retries = rate_limit_retries = 0
        path = self._describe(url)
        limiter = None if token_exchange else self.rate_limiter
        auth = None if token_exchange else self._auth
        if self._pid != os.getpid():
            self._mount_pool()
        while True:
            # Opaque to the connection: handed back to the limiter with the answer.
            booking: Any = limiter.acquire() if limiter is not None else None
            started = time.perf_counter()
            try:
                response = self._session.request(
                    method,
                    url,
                    params=params,
                    data=body,
                    headers=headers,
                    auth=auth,
                    timeout=timeout,
                    allow_redirects=False,
                    stream=True,
                )
                _read_body(response)
            except requests.RequestException as error:
                if limiter is not None:
                    limiter.update(None, booking)
                reached = _reached_server(error)
                failure = _transport_error(method, path, error, reached)
                if not self.retry.may_retry_failure(method, retries, reached_server=reached):
                    raise failure from None
                self._wait_before_retry(method, path, retries, str(failure))
                retries += 1
                continue
            if limiter is not None:
                limiter.update(response.headers, booking)
            status = response.status_code
            if log.isEnabledFor(logging.DEBUG):
                log.debug("%s %s -> %d in %.1f ms", method, path, status,
                          (time.perf_counter() - started) * 1000)
            if status < 300:
                return response
            if status == 429 and rate_limit_retries < MAX_RATE_LIMIT_RETRIES and limiter is not None:
                wait = limiter.on_429(response.headers)
                if wait <= limiter.max_wait_s:
                    rate_limit_retries += 1
                    log.info("retrying %s %s (429 #%d): waiting %.2f s for the rate limit",
                             method, path, rate_limit_retries, wait)
                    continue
            elif self.retry.may_retry_status(method, status, retries):
                self._wait_before_retry(method, path, retries, f"{status} {response.reason}")
                retries += 1
                continue
            raise self._error_for(method, path, response)

    def _wait_before_retry(self, method: str, path: str, retries: int, reason: str) -> None:
        delay = self.retry.backoff(retries)
        log.info("retrying %s %s (attempt %d of %d) in %.2f s: %s",
                 method, path, retries + 2, self.retry.max_retries + 1, delay, reason)
        self.retry.sleep(delay)

    def _describe(self, url: str) -> str:
        """The request path as messages show it: relative to the API, no host, no query."""
        if self._base.endswith("/") and url.startswith(self._base):
            return "/" + url[len(self._base):]
        return urlsplit(url).path

    def _error_for(self, method: str, path: str, response: requests.Response) -> HttpException:
        status = response.status_code
        cls = exception_for(status)
        detail = describe_error_body(response.content)
        text = f"{method} {path} -> {status} {response.reason}"
        if cls is exception_for(302) and response.headers.get("Location"):
            text += " (redirect not followed)"
        if detail:
            text += f": {detail}"
        if cls is RateLimitingException:
            return RateLimitingException(text, response)
        return cls(text, response)

    def _parse(self, method: str, url: str, response: requests.Response) -> Any:
        content = response.content
        if response.status_code == 204 or not content:
            return None
        try:
            return decode_json(content)
        except (ValueError, UnicodeDecodeError):
            raise ResponseDecodeError(
                f"{method} {self._describe(url)} -> {response.status_code} {response.reason}: "
                f"the body is not valid JSON: {body_preview(content)!r}",
                response,
            ) from None

    # -- state the old client exposed -----------------------------------------

    @property
    def rate_limit(self) -> dict[str, Any]:
        """The last rate-limit values seen: ms_until_reset, window_size_ms, requests_remaining, requests_quota."""
        return self.rate_limiter.rate_limit

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class OAuthConnection(Connection):
    """A store reached with an OAuth access token (``X-Auth-Token``).

    Without ``access_token``, call :meth:`fetch_token` with the code from the
    app's auth callback first.
    """

    def __init__(
        self,
        client_id: str | None,
        store_hash: str,
        access_token: str | None = None,
        host: str = DEFAULT_API_HOST,
        api_path: str | None = None,
        rate_limiting_management: RateLimitingManagement | None = None,
        *,
        timeout: Timeout = DEFAULT_TIMEOUT_S,
        retry: RetryPolicy | None = None,
        max_rate_limit_wait: float = DEFAULT_MAX_RATE_LIMIT_WAIT_S,
        session: requests.Session | None = None,
        rate_limiter: RateLimiter | RedisRateLimiter | None = None,
    ) -> None:
        if client_id is not None and not isinstance(client_id, str):
            raise TypeError("client_id must be a string")
        if not isinstance(store_hash, str) or not store_hash:
            raise ValueError("store_hash is required: the part after 'stores/' in the token's context")
        urls.check_id(store_hash, "store_hash")
        if access_token is not None and not isinstance(access_token, str):
            raise TypeError("access_token must be a string")
        self.client_id = client_id
        self.store_hash = store_hash
        self._origin = _origin(host)
        self.host = urlsplit(self._origin).netloc
        self.api_path = api_path or self.default_api_path
        self._auth = TokenAuth(client_id, access_token)
        self._configure(timeout, retry, rate_limiting_management, max_rate_limit_wait, session, rate_limiter)

    default_api_path = "/stores/{}/v2/{}"

    @property
    def store_key(self) -> str:
        """The store hash: REST v2, v3 and GraphQL calls of one store share its quota."""
        return self.store_hash

    def _api_prefix(self) -> str:
        return self.api_path.format(self.store_hash, "").rstrip("/") + "/"

    def full_path(self, url: str) -> str:
        return self._base + url.lstrip("/")

    def fetch_token(
        self,
        client_secret: str,
        code: str,
        context: str,
        scope: str,
        redirect_uri: str,
        login_token_url: str = f"https://{DEFAULT_LOGIN_HOST}/oauth2/token",
    ) -> Mapping:
        """Exchange the auth callback's ``code`` for an access token, and use it from now on.

        ``POST {login_token_url}`` (form-encoded). Returns the token response:
        ``access_token``, ``scope``, ``user``, ``owner``, ``context``.
        """
        for name, value in (("client_secret", client_secret), ("code", code), ("context", context),
                            ("scope", scope), ("redirect_uri", redirect_uri)):
            if not isinstance(value, str) or not value:
                raise ValueError(f"fetch_token needs {name} as a non-empty string")
        if not self.client_id:
            raise ValueError("fetch_token needs the connection's client_id")
        form = {
            "client_id": self.client_id,
            "client_secret": client_secret,
            "code": code,
            "context": context,
            "scope": scope,
            "grant_type": "authorization_code",
            "redirect_uri": redirect_uri,
        }
        token_url = login_token_url if "://" in login_token_url else "https://" + login_token_url
        response = self._send(
            "POST",
            token_url,
            params=None,
            body=urlencode(form).encode("ascii"),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            timeout=self.timeout,
            token_exchange=True,
        )
        token = self._parse("POST", token_url, response)
        if not isinstance(token, Mapping) or not isinstance(token.get("access_token"), str):
            raise ResponseDecodeError(
                f"POST {urlsplit(token_url).path} -> {response.status_code}: no access_token in the answer",
                response,
            )
        self._auth = TokenAuth(self.client_id, token["access_token"])
        return token

    verify_payload = staticmethod(verify_payload)
    verify_payload_jwt = staticmethod(verify_payload_jwt)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._base} client_id={self.client_id!r}>"


class GraphQLConnection(OAuthConnection):
    """The GraphQL Admin API: ``POST /stores/{store_hash}/graphql``."""

    default_api_path = "/stores/{}/graphql"

    def _api_prefix(self) -> str:
        return self.api_path.format(self.store_hash, "").rstrip("/")

    def query(self, query: str, variables: Params | None = None) -> Any:
        """Run one query; the answer's ``data`` and ``errors`` as BigCommerce sent them.

        ``variables`` defaults to ``{}``: BigCommerce answers 400 to a null.
        """
        if not isinstance(query, str) or not query.strip():
            raise ValueError("query must be a non-empty GraphQL string")
        if variables is not None and not isinstance(variables, dict):
            raise TypeError("variables must be a dict")
        return self.request("POST", self._base, json={"query": query, "variables": variables or {}})

    def _url(self, url: str) -> str:
        if url in ("", self._base):
            return self._base
        return super()._url(url)


def _check_timeout(timeout: Timeout) -> Timeout:
    if timeout is None:
        raise ValueError("timeout must be a number of seconds or a (connect, read) pair; None would wait forever")
    values = timeout if isinstance(timeout, tuple) else (timeout,)
    if len(values) not in (1, 2) or any(
        isinstance(v, bool) or not isinstance(v, (int, float)) or v <= 0 for v in values
    ):
        raise ValueError(f"timeout must be positive seconds or a (connect, read) pair, not {timeout!r}")
    return timeout


def _read_body(response: requests.Response) -> None:
    """Read the whole body in one go, as ``response.content``.

    Without ``stream=True`` requests reads it in 10 KB pieces, which costs a
    250-product page (~880 KB) about 3 ms of CPU more, close to a third of
    parsing it. Errors are requests' own, as on its default path.
    """
    try:
        body = b"".join(response.iter_content(chunk_size=None))
    except BaseException:
        response.close()
        raise
    # What requests itself does on its default path: the body stays readable
    # as response.content for callers and for the exceptions that carry it.
    response._content = body


def _transport_error(
    method: str, path: str, error: requests.RequestException, reached_server: bool
) -> TransportError:
    if isinstance(error, requests.exceptions.Timeout):
        kind = "connect" if isinstance(error, requests.exceptions.ConnectTimeout) else "read"
        return RequestTimeout(f"{method} {path}: {kind} timeout", method, path)
    if isinstance(error, (requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError)):
        reason = "dropped before a complete response" if reached_server else "refused"
        return ConnectionFailed(f"{method} {path}: connection {reason}", method, path)
    return TransportError(f"{method} {path}: {type(error).__name__}", method, path)
