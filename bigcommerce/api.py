"""BigcommerceApi: picks a connection from the credentials given and hands out resources.

``api.Products`` is ``bigcommerce.resources.Products`` with the connection
filled in: ``api.Products.get(5)`` calls ``Products.get(5, connection=api.connection)``.
"""
from __future__ import annotations

import os
from typing import Any, Optional

import requests

from . import resources
from .connection import DEFAULT_TIMEOUT_S, Connection, OAuthConnection, Timeout
from .mapping import Mapping
from .payload import verify_payload, verify_payload_jwt
from .rate_limit import DEFAULT_MAX_RATE_LIMIT_WAIT_S
from .resources.base import ApiResource, subresource
from .retry import RetryPolicy

__all__ = ["BigcommerceApi", "ApiResourceWrapper"]

DEFAULT_API_SERVICE = "api.bigcommerce.com"
DEFAULT_AUTH_SERVICE = "login.bigcommerce.com"


class BigcommerceApi:
    """One store, reached with OAuth or legacy basic auth.

    OAuth: ``BigcommerceApi(client_id=..., store_hash=..., access_token=...)``
    (``host`` overrides the API host, e.g. a local sandbox). Basic auth:
    ``BigcommerceApi(host=..., basic_auth=(username, api_token))``, or ``auth=``.
    Options for both: ``timeout``, ``retry``, ``max_rate_limit_wait``,
    ``rate_limiting_management``, ``session``.
    """

    def __init__(
        self,
        host: Optional[str] = None,
        basic_auth: Any = None,
        client_id: Optional[str] = None,
        store_hash: Optional[str] = None,
        access_token: Optional[str] = None,
        rate_limiting_management: Optional[dict] = None,
        *,
        auth: Any = None,
        timeout: Timeout = DEFAULT_TIMEOUT_S,
        retry: Optional[RetryPolicy] = None,
        max_rate_limit_wait: float = DEFAULT_MAX_RATE_LIMIT_WAIT_S,
        session: Optional[requests.Session] = None,
        api_service: Optional[str] = None,
        auth_service: Optional[str] = None,
    ) -> None:
        self.api_service = api_service or os.getenv("BC_API_ENDPOINT", DEFAULT_API_SERVICE)
        self.auth_service = auth_service or os.getenv("BC_AUTH_SERVICE", DEFAULT_AUTH_SERVICE)
        options = dict(
            timeout=timeout,
            retry=retry,
            rate_limiting_management=rate_limiting_management,
            max_rate_limit_wait=max_rate_limit_wait,
            session=session,
        )
        if basic_auth is not None and auth is not None:
            raise TypeError("give basic_auth or auth, not both")
        basic = basic_auth if basic_auth is not None else auth
        oauth_given = any(value is not None for value in (client_id, store_hash, access_token))
        if basic is not None and oauth_given:
            raise TypeError("give basic-auth credentials or OAuth credentials, not both")
        if basic is not None:
            if not host:
                raise ValueError("basic auth needs host: the store's domain, e.g. 'store.mybigcommerce.com'")
            self.connection: Connection = Connection(host, basic, **options)
        elif oauth_given:
            if not store_hash:
                raise ValueError("OAuth needs store_hash (the part after 'stores/' in the token's context)")
            self.connection = OAuthConnection(
                client_id, store_hash, access_token, host or self.api_service, **options
            )
        else:
            raise ValueError(
                "no credentials: give client_id, store_hash and access_token (OAuth), "
                "or host and basic_auth=(username, api_token)"
            )
        self._wrappers: dict[str, ApiResourceWrapper] = {}

    def oauth_fetch_token(
        self, client_secret: str, code: str, context: str, scope: str, redirect_uri: str
    ) -> Mapping:
        """Exchange an auth callback's code for a token at ``{auth_service}/oauth2/token``; use it from now on."""
        if not isinstance(self.connection, OAuthConnection):
            raise TypeError("oauth_fetch_token needs an OAuth connection (client_id and store_hash)")
        service = self.auth_service if "://" in self.auth_service else "https://" + self.auth_service
        return self.connection.fetch_token(
            client_secret, code, context, scope, redirect_uri, service.rstrip("/") + "/oauth2/token"
        )

    @staticmethod
    def oauth_verify_payload(signed_payload: object, client_secret: object) -> Any:
        """The legacy ``signed_payload``'s dict, or False. Never raises."""
        return verify_payload(signed_payload, client_secret)

    @staticmethod
    def oauth_verify_payload_jwt(signed_payload: object, client_secret: object, client_id: object) -> dict:
        """The claims of a ``signed_payload_jwt``; raises InvalidSignedPayload when it does not verify."""
        return verify_payload_jwt(signed_payload, client_secret, client_id)

    def __getattr__(self, name: str) -> ApiResourceWrapper:
        if name.startswith("_"):
            raise AttributeError(name)
        wrappers = self.__dict__.setdefault("_wrappers", {})
        if name not in wrappers:
            wrappers[name] = ApiResourceWrapper(name, self)
        return wrappers[name]

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(_resource_names()))

    def __repr__(self) -> str:
        return f"<BigcommerceApi {self.connection!r}>"


def _resource_names() -> list[str]:
    return [
        name for name in resources.__all__
        if isinstance(getattr(resources, name), type)
        and issubclass(getattr(resources, name), ApiResource)
        and getattr(resources, name).resource_name
    ]


class ApiResourceWrapper:
    """A resource class with the connection filled in; only the class's API methods show through."""

    def __init__(self, resource_class: Any, api: BigcommerceApi) -> None:
        if isinstance(resource_class, str):
            resource_class = self.str_to_class(resource_class)
        self.resource_class = resource_class
        self.connection = api.connection

    @staticmethod
    def str_to_class(name: str) -> type:
        cls = getattr(resources, name, None)
        if not (isinstance(cls, type) and issubclass(cls, ApiResource) and cls.resource_name):
            raise AttributeError(f"BigcommerceApi has no resource named {name!r}")
        return cls

    def __getattr__(self, name: str) -> Any:
        cls = self.resource_class
        for klass in cls.__mro__:
            if klass in (dict, Mapping, object):
                break
            if name in vars(klass):
                member = vars(klass)[name]
                if isinstance(member, subresource):
                    return ApiResourceWrapper(member.child, self)
                if isinstance(member, (classmethod, staticmethod)):
                    return _bind(getattr(cls, name), self.connection)
                if callable(member):
                    raise AttributeError(
                        f"{cls.__name__}.{name} works on an object: fetch it first, "
                        f"e.g. api.{cls.__name__}.get(id).{name}(...)"
                    )
                return member
        raise AttributeError(f"{cls.__name__} has no operation {name!r} in the BigCommerce API")

    def __repr__(self) -> str:
        return f"<{self.resource_class.__name__} on {self.connection!r}>"


def _bind(method: Any, connection: Connection) -> Any:
    def bound(*args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("connection", connection)
        return method(*args, **kwargs)

    bound.__name__ = getattr(method, "__name__", "method")
    bound.__doc__ = getattr(method, "__doc__", None)
    return bound
