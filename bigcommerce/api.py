"""BigcommerceApi: picks a connection from the credentials given and hands out resources.

``api.Products`` is ``bigcommerce.resources.Products`` with the connection
filled in: ``api.Products.get(5)`` calls ``Products.get(5, connection=api.connection)``.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Callable, Protocol

import requests

from . import resources
from .auth import BasicCredentials
from .connection import DEFAULT_TIMEOUT_S, Connection, OAuthConnection, RateLimitingManagement, Timeout
from .mapping import Mapping
from .payload import verify_payload, verify_payload_jwt
from .rate_limit import DEFAULT_MAX_RATE_LIMIT_WAIT_S, RateLimiter, RedisRateLimiter
from .resources.base import ApiResource
from .retry import RetryPolicy

if TYPE_CHECKING:
    from .v3.api import V3Api

__all__ = ["ApiResourceWrapper", "BigcommerceApi", "Client"]

DEFAULT_API_SERVICE = "api.bigcommerce.com"
DEFAULT_AUTH_SERVICE = "login.bigcommerce.com"


class _Connected(Protocol):
    """Whatever holds the connection a wrapper takes: the api, or a parent's wrapper."""

    @property
    def connection(self) -> Connection: ...


class BigcommerceApi:
    """One store, reached with OAuth or legacy basic auth.

    OAuth: ``BigcommerceApi(client_id=..., store_hash=..., access_token=...)``
    (``host`` overrides the API host, e.g. a local sandbox). Basic auth:
    ``BigcommerceApi(host=..., basic_auth=(username, api_token))``, or ``auth=``.
    Options for both: ``timeout``, ``retry``, ``max_rate_limit_wait``,
    ``rate_limiting_management``, ``session``, ``rate_limiter`` (a
    :class:`~bigcommerce.rate_limit.RedisRateLimiter` shares the store's quota
    with other processes; v2 and v3 calls share it either way).
    """

    # Every v2 resource, for type checkers and editors: ``api.Products`` is the
    # class with the connection filled in, so ``api.Products.get(1)`` is a
    # ``Products``. At run time ``__getattr__`` hands out the wrapper; a test
    # keeps this list equal to the resource classes.
    # products
    Products: type[resources.Products]
    ProductImages: type[resources.ProductImages]
    ProductSkus: type[resources.ProductSkus]
    ProductRules: type[resources.ProductRules]
    ProductVideos: type[resources.ProductVideos]
    ProductCustomFields: type[resources.ProductCustomFields]
    ProductDiscountRules: type[resources.ProductDiscountRules]
    ProductConfigurableFields: type[resources.ProductConfigurableFields]
    ProductReviews: type[resources.ProductReviews]
    ProductOptions: type[resources.ProductOptions]
    GoogleProductSearchMappings: type[resources.GoogleProductSearchMappings]
    # catalog
    Brands: type[resources.Brands]
    Categories: type[resources.Categories]
    Options: type[resources.Options]
    OptionValues: type[resources.OptionValues]
    OptionSets: type[resources.OptionSets]
    OptionSetOptions: type[resources.OptionSetOptions]
    # orders
    Orders: type[resources.Orders]
    OrderProducts: type[resources.OrderProducts]
    OrderShipments: type[resources.OrderShipments]
    OrderShippingAddresses: type[resources.OrderShippingAddresses]
    OrderCoupons: type[resources.OrderCoupons]
    OrderMessages: type[resources.OrderMessages]
    OrderTaxes: type[resources.OrderTaxes]
    OrderShippingQuotes: type[resources.OrderShippingQuotes]
    OrderConsignments: type[resources.OrderConsignments]
    OrderFees: type[resources.OrderFees]
    OrderStatuses: type[resources.OrderStatuses]
    # customers
    Customers: type[resources.Customers]
    CustomerAddresses: type[resources.CustomerAddresses]
    CustomerPasswords: type[resources.CustomerPasswords]
    CustomerGroups: type[resources.CustomerGroups]
    # marketing
    Coupons: type[resources.Coupons]
    Banners: type[resources.Banners]
    GiftCertificates: type[resources.GiftCertificates]
    # content
    BlogPosts: type[resources.BlogPosts]
    BlogTags: type[resources.BlogTags]
    Pages: type[resources.Pages]
    Redirects: type[resources.Redirects]
    # geography
    Countries: type[resources.Countries]
    CountryStates: type[resources.CountryStates]
    States: type[resources.States]
    # store
    Store: type[resources.Store]
    Time: type[resources.Time]
    Currencies: type[resources.Currencies]
    TaxClasses: type[resources.TaxClasses]
    PaymentMethods: type[resources.PaymentMethods]
    # shipping
    ShippingMethods: type[resources.ShippingMethods]
    ShippingZones: type[resources.ShippingZones]
    ShippingZoneMethods: type[resources.ShippingZoneMethods]
    ShippingCarrierConnection: type[resources.ShippingCarrierConnection]
    # webhooks
    Webhooks: type[resources.Webhooks]

    def __init__(
        self,
        host: str | None = None,
        basic_auth: BasicCredentials | None = None,
        client_id: str | None = None,
        store_hash: str | None = None,
        access_token: str | None = None,
        rate_limiting_management: RateLimitingManagement | None = None,
        *,
        auth: BasicCredentials | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT_S,
        retry: RetryPolicy | None = None,
        max_rate_limit_wait: float = DEFAULT_MAX_RATE_LIMIT_WAIT_S,
        session: requests.Session | None = None,
        rate_limiter: RateLimiter | RedisRateLimiter | None = None,
        api_service: str | None = None,
        auth_service: str | None = None,
    ) -> None:
        self.api_service: str = api_service or os.getenv("BC_API_ENDPOINT") or DEFAULT_API_SERVICE
        self.auth_service: str = auth_service or os.getenv("BC_AUTH_SERVICE") or DEFAULT_AUTH_SERVICE
        if basic_auth is not None and auth is not None:
            raise TypeError("give basic_auth or auth, not both")
        basic = basic_auth if basic_auth is not None else auth
        oauth_given = any(value is not None for value in (client_id, store_hash, access_token))
        if basic is not None and oauth_given:
            raise TypeError("give basic-auth credentials or OAuth credentials, not both")
        if basic is not None:
            if not host:
                raise ValueError("basic auth needs host: the store's domain, e.g. 'store.mybigcommerce.com'")
            self.connection: Connection = Connection(
                host, basic, timeout=timeout, retry=retry, rate_limiting_management=rate_limiting_management,
                max_rate_limit_wait=max_rate_limit_wait, session=session, rate_limiter=rate_limiter,
            )
        elif oauth_given:
            if not store_hash:
                raise ValueError("OAuth needs store_hash (the part after 'stores/' in the token's context)")
            self.connection = OAuthConnection(
                client_id, store_hash, access_token, host or self.api_service,
                rate_limiting_management=rate_limiting_management, timeout=timeout, retry=retry,
                max_rate_limit_wait=max_rate_limit_wait, session=session, rate_limiter=rate_limiter,
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
    def oauth_verify_payload_jwt(
        signed_payload: object, client_secret: object, client_id: object
    ) -> dict[str, Any]:
        """The claims of a ``signed_payload_jwt``; raises InvalidSignedPayload when it does not verify."""
        return verify_payload_jwt(signed_payload, client_secret, client_id)

    @property
    def v3(self) -> V3Api:
        """The v3 API of the same store: same session, rate limiter, retries and timeouts (OAuth only)."""
        v3: V3Api | None = self.__dict__.get("_v3")
        if v3 is None:
            from .v3.api import V3Api

            v3 = self.__dict__.setdefault("_v3", V3Api(self))
        return v3

    if not TYPE_CHECKING:  # type checkers see the declared resources above, so a typo is an error

        def __getattr__(self, name: str) -> ApiResourceWrapper:
            if name.startswith("_"):
                raise AttributeError(name)
            wrappers: dict[str, ApiResourceWrapper] = self.__dict__.setdefault("_wrappers", {})
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


class Client(BigcommerceApi):
    """The 0.9 client's front door: ``Client(host, token, user_id)``, resources over basic auth.

    ``client.Products.all()`` and every other resource work as on
    :class:`BigcommerceApi`; ``token`` is the user's API token and ``user_id``
    the username it belongs to.
    """

    def __init__(
        self,
        host: str,
        token: str,
        user_id: str,
        *,
        timeout: Timeout = DEFAULT_TIMEOUT_S,
        retry: RetryPolicy | None = None,
        max_rate_limit_wait: float = DEFAULT_MAX_RATE_LIMIT_WAIT_S,
        rate_limiting_management: RateLimitingManagement | None = None,
        session: requests.Session | None = None,
        rate_limiter: RateLimiter | RedisRateLimiter | None = None,
    ) -> None:
        super().__init__(
            host=host, basic_auth=(user_id, token), rate_limiting_management=rate_limiting_management,
            timeout=timeout, retry=retry, max_rate_limit_wait=max_rate_limit_wait, session=session,
            rate_limiter=rate_limiter,
        )

    def __repr__(self) -> str:
        return f"<Client {self.connection!r}>"


class ApiResourceWrapper:
    """A resource class with the connection filled in; only the class's API methods show through."""

    def __init__(self, resource_class: str | type[Mapping], api: _Connected) -> None:
        if isinstance(resource_class, str):
            resource_class = self.str_to_class(resource_class)
        self.resource_class = resource_class
        self.connection = api.connection

    @staticmethod
    def str_to_class(name: str) -> type[ApiResource]:
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
                if getattr(member, "declares_subresource", False):
                    return ApiResourceWrapper(member.child, self)
                if isinstance(member, (classmethod, staticmethod)):
                    return _bind(getattr(cls, name), self.connection)
                if isinstance(member, property):
                    break  # the placeholder of an operation the API lacks (``update``)
                if callable(member):
                    raise AttributeError(
                        f"{cls.__name__}.{name} works on an object: fetch it first, "
                        f"e.g. api.{cls.__name__}.get(id).{name}(...)"
                    )
                return member
        raise AttributeError(f"{cls.__name__} has no operation {name!r} in the BigCommerce API")

    def __repr__(self) -> str:
        return f"<{self.resource_class.__name__} on {self.connection!r}>"


def _bind(method: Callable[..., Any], connection: Connection) -> Callable[..., Any]:
    def bound(*args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("connection", connection)
        return method(*args, **kwargs)

    bound.__name__ = getattr(method, "__name__", "method")
    bound.__doc__ = getattr(method, "__doc__", None)
    return bound
