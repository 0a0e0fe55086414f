"""Resource classes are declarations: a path, a parent, and the capabilities the API documents.

Each capability is a small mixin (``ListableApiResource``, ``CreateableApiSubResource``,
...) under the old client's names, so a class has exactly the operations
BigCommerce offers and nothing that would only fail at the server.

Class methods take ``connection=`` last; ``BigcommerceApi`` fills it in, so
``api.Products.get(5)`` calls ``Products.get(5, connection=api.connection)``.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast, overload

from .. import urls
from ..exception import UnsupportedOperation
from ..mapping import Mapping
from .pagination import iterate_pages, list_page

if TYPE_CHECKING:
    from ..connection import Connection

__all__ = [
    "ApiResource",
    "ApiSubResource",
    "CollectionDeleteableApiResource",
    "CollectionDeleteableApiSubResource",
    "CountableApiResource",
    "CountableApiSubResource",
    "CreateableApiResource",
    "CreateableApiSubResource",
    "DeleteableApiResource",
    "DeleteableApiSubResource",
    "GettableApiResource",
    "GettableApiSubResource",
    "ListableApiResource",
    "ListableApiSubResource",
    "Mapping",
    "UpdateableApiResource",
    "UpdateableApiSubResource",
    "subresource",
    "sunset",
]

R = TypeVar("R", bound="ApiResource")
S = TypeVar("S", bound="ApiSubResource")


class ApiResource(Mapping):
    """One object of a top-level collection, such as a product."""

    resource_name: ClassVar[str] = ""
    #: False for collections that ignore ``page`` (order_statuses): iterall stops after one call.
    paginated: ClassVar[bool] = True

    def __init__(
        self, mapping: dict[str, Any] | None = None, _connection: Connection | None = None, **fields: Any
    ) -> None:
        dict.__init__(self, mapping or (), **fields)
        # Straight into __dict__: this runs for every object of every page.
        object.__setattr__(self, "_connection", _connection)

    # -- plumbing shared by every capability --------------------------------

    @classmethod
    def _path(cls, *ids: urls.ResourceId) -> str:
        return urls.join(cls.resource_name, *ids)

    @staticmethod
    def _require(connection: Connection | None) -> Connection:
        if connection is None:
            raise TypeError(
                "no connection: call through a BigcommerceApi (api.Products.all()) or pass connection="
            )
        return connection

    @classmethod
    def _wrap(cls, data: Any, connection: Connection, **state: Any) -> Any:
        """API data as instances: a dict → one object, a list → a list of them."""
        if isinstance(data, list):
            return [cls._wrap_one(item, connection, state) for item in data]
        if data is None:
            return None
        return cls._wrap_one(data, connection, state)

    @classmethod
    def _one(cls: type[R], data: Any, connection: Connection, **state: Any) -> R:
        """A body that holds one object (a non-object body is handed back as the API sent it)."""
        return cast(R, cls._wrap(data, connection, **state))

    @classmethod
    def _many(cls: type[R], items: list[Any], connection: Connection, **state: Any) -> list[R]:
        """A page of objects."""
        return [cls._wrap_one(item, connection, state) for item in items]

    @classmethod
    def _wrap_one(cls: type[R], item: Any, connection: Connection, state: dict[str, Any]) -> Any:
        if not isinstance(item, dict):
            return item
        obj = cls(item, connection)
        if state:
            for key, value in state.items():
                setattr(obj, key, value)
        return obj

    @property
    def update(self) -> Any:
        """Absent unless the API can update this resource: ``obj.update(...)`` never edits only a local copy."""
        raise AttributeError(f"{type(self).__name__} objects cannot be updated through the BigCommerce API")

    def _id(self) -> urls.ResourceId:
        if "id" not in self:
            raise ValueError(f"this {type(self).__name__} object has no 'id' field")
        rid: urls.ResourceId = self["id"]
        urls.check_id(rid)
        return rid


class ApiSubResource(ApiResource):
    """One object under a parent, such as a product's image: ``products/{pid}/images/{id}``."""

    parent_resource: ClassVar[str] = ""
    #: The field of the object that holds its parent's id.
    parent_key: ClassVar[str] = ""
    #: Store-wide count path, e.g. ``products/images``; empty when the API has none.
    count_resource: ClassVar[str] = ""
    #: Whether ``{parent}/{pid}/{sub}/count`` exists.
    count_per_parent: ClassVar[bool] = True
    #: Store-wide list path, e.g. ``countries/states``: ``all()``/``iterall()`` without a parent id.
    list_resource: ClassVar[str] = ""

    @classmethod
    def _path(cls, parentid: urls.ResourceId | None, *ids: urls.ResourceId) -> str:  # type: ignore[override]
        if parentid is None:
            raise TypeError(f"{cls.__name__} needs the id of its parent ({cls.parent_key})")
        return urls.join(cls.parent_resource, urls.check_id(parentid, cls.parent_key), cls.resource_name, *ids)

    @classmethod
    def _list_path(cls, parentid: urls.ResourceId | None) -> str:
        """The parent's list, or without a parent id the store-wide one where the API has it."""
        if parentid is None and cls.list_resource:
            return urls.join(cls.list_resource)
        return cls._path(parentid)

    def parent_id(self) -> urls.ResourceId:
        """The id of this object's parent (``OrderCoupons({'id': 2, 'order_id': 1}).parent_id() == 1``)."""
        return self._find_parent_id()

    def _find_parent_id(self) -> urls.ResourceId:
        """The parent's id: the object's own ``parent_key`` field, else the id it was fetched under."""
        parent: urls.ResourceId | None = dict.get(self, self.parent_key, self.__dict__.get("_parent_id"))
        if parent is None:
            raise ValueError(f"this {type(self).__name__} object does not know its {self.parent_key}")
        return parent

    def _item_path(self) -> str:
        return self._path(self._find_parent_id(), self._id())


# -- top-level capabilities ---------------------------------------------------


class GettableApiResource(ApiResource):
    @classmethod
    def get(  # type: ignore[override]
        cls: type[R], id: urls.ResourceId, connection: Connection | None = None, **params: Any
    ) -> R:
        """``GET /{resource}/{id}``: one object."""
        conn = cls._require(connection)
        return cls._one(conn.request("GET", cls._path(id), params=params), conn)


class ListableApiResource(ApiResource):
    @classmethod
    def all(cls: type[R], connection: Connection | None = None, **params: Any) -> list[R]:
        """``GET /{resource}``: one page (``page``, ``limit`` and filters as keywords); [] past the end."""
        conn = cls._require(connection)
        return cls._many(list_page(conn, cls._path(), params, cls.paginated), conn)

    @classmethod
    def iterall(
        cls: type[R], connection: Connection | None = None, concurrency: int = 1, **params: Any
    ) -> Iterator[R]:
        """Every object, page after page (250 a page unless ``limit`` says otherwise).

        ``concurrency=N`` fetches up to N pages at once and still yields in order.
        """
        conn = cls._require(connection)
        for item in iterate_pages(conn, cls._path(), params, cls.paginated, concurrency):
            yield cls._wrap_one(item, conn, {})


class CreateableApiResource(ApiResource):
    @classmethod
    def create(cls: type[R], connection: Connection | None = None, **fields: Any) -> R:
        """``POST /{resource}``: the created object."""
        conn = cls._require(connection)
        return cls._one(conn.request("POST", cls._path(), json=fields), conn)


class UpdateableApiResource(ApiResource):
    def update(self: R, **updates: Any) -> R:  # type: ignore[override]
        """``PUT /{resource}/{id}`` with the changed fields: the updated object."""
        conn = self._require(self._connection)
        return self._one(conn.request("PUT", self._path(self._id()), json=updates), conn)


class DeleteableApiResource(ApiResource):
    def delete(self) -> None:
        """``DELETE /{resource}/{id}``."""
        self._require(self._connection).request("DELETE", self._path(self._id()))


class CollectionDeleteableApiResource(ApiResource):
    @classmethod
    def delete_all(cls, connection: Connection | None = None) -> None:
        """``DELETE /{resource}``: the whole collection (some collections delete one page per call)."""
        cls._require(connection).request("DELETE", cls._path())


class CountableApiResource(ApiResource):
    @classmethod
    def count(cls, connection: Connection | None = None, **filters: Any) -> int:
        """``GET /{resource}/count``: how many objects match the filters."""
        conn = cls._require(connection)
        return _count_of(conn.request("GET", cls._path() + "/count", params=filters))


# -- subresource capabilities ---------------------------------------------------


class GettableApiSubResource(ApiSubResource):
    @overload  # type: ignore[override]
    @classmethod
    def get(
        cls: type[S], parentid: urls.ResourceId, id: None = None,
        connection: Connection | None = None, **params: Any,
    ) -> list[S]: ...

    @overload
    @classmethod
    def get(
        cls: type[S], parentid: urls.ResourceId, id: urls.ResourceId,
        connection: Connection | None = None, **params: Any,
    ) -> S: ...

    @classmethod
    def get(
        cls: type[S], parentid: urls.ResourceId, id: urls.ResourceId | None = None,
        connection: Connection | None = None, **params: Any,
    ) -> S | list[S]:
        """``GET /{parent}/{pid}/{resource}/{id}``; with the parent id alone, the parent's list."""
        conn = cls._require(connection)
        if id is None:
            return cls._many(list_page(conn, cls._path(parentid), params, cls.paginated), conn,
                             _parent_id=parentid)
        return cls._one(conn.request("GET", cls._path(parentid, id), params=params), conn,
                        _parent_id=parentid)


class ListableApiSubResource(ApiSubResource):
    @classmethod
    def all(
        cls: type[S], parentid: urls.ResourceId | None = None, connection: Connection | None = None,
        **params: Any,
    ) -> list[S]:
        """``GET /{parent}/{pid}/{resource}``: one page of the parent's objects; [] past the end.

        Without a parent id, the store-wide list where the API has one (``countries/states``).
        """
        conn = cls._require(connection)
        return cls._many(list_page(conn, cls._list_path(parentid), params, cls.paginated), conn,
                         **_fetched_under(parentid))

    @classmethod
    def iterall(
        cls: type[S], parentid: urls.ResourceId | None = None, connection: Connection | None = None,
        concurrency: int = 1, **params: Any,
    ) -> Iterator[S]:
        """Every object of the parent (or of the store-wide list), page after page; ``concurrency=N`` at once."""
        conn = cls._require(connection)
        state = _fetched_under(parentid)
        for item in iterate_pages(conn, cls._list_path(parentid), params, cls.paginated, concurrency):
            yield cls._wrap_one(item, conn, state)


class CreateableApiSubResource(ApiSubResource):
    @classmethod
    def create(
        cls: type[S], parentid: urls.ResourceId, connection: Connection | None = None, **fields: Any
    ) -> S:
        """``POST /{parent}/{pid}/{resource}``: the created object."""
        conn = cls._require(connection)
        return cls._one(conn.request("POST", cls._path(parentid), json=fields), conn, _parent_id=parentid)


class UpdateableApiSubResource(ApiSubResource):
    def update(self: S, **updates: Any) -> S:  # type: ignore[override]
        """``PUT /{parent}/{pid}/{resource}/{id}``: the updated object."""
        conn = self._require(self._connection)
        return self._one(conn.request("PUT", self._item_path(), json=updates), conn,
                         _parent_id=self._find_parent_id())


class DeleteableApiSubResource(ApiSubResource):
    def delete(self) -> None:
        """``DELETE /{parent}/{pid}/{resource}/{id}``."""
        self._require(self._connection).request("DELETE", self._item_path())


class CollectionDeleteableApiSubResource(ApiSubResource):
    @classmethod
    def delete_all(
        cls, parentid: urls.ResourceId, connection: Connection | None = None
    ) -> None:
        """``DELETE /{parent}/{pid}/{resource}``: all of the parent's objects."""
        cls._require(connection).request("DELETE", cls._path(parentid))


class CountableApiSubResource(ApiSubResource):
    @classmethod
    def count(
        cls, parentid: urls.ResourceId | None = None, connection: Connection | None = None, **filters: Any
    ) -> int:
        """With a parent id, ``/{parent}/{pid}/{resource}/count``; without, the store-wide count."""
        conn = cls._require(connection)
        if parentid is not None:
            if not cls.count_per_parent:
                raise TypeError(f"{cls.__name__} has no per-parent count; call count() without an id")
            path = cls._path(parentid) + "/count"
        elif cls.count_resource:
            path = urls.join(cls.count_resource, "count")
        else:
            raise TypeError(f"{cls.__name__}.count needs the id of its parent ({cls.parent_key})")
        return _count_of(conn.request("GET", path, params=filters))


def _fetched_under(parentid: urls.ResourceId | None) -> dict[str, Any]:
    """The state objects keep of the list they came from: the parent id, when there was one."""
    return {} if parentid is None else {"_parent_id": parentid}


def _count_of(body: Any) -> int:
    if isinstance(body, dict) and isinstance(body.get("count"), int) and not isinstance(body["count"], bool):
        count: int = body["count"]
        return count
    raise ValueError(f"a count endpoint answered without an integer 'count': {body!r:.200}")


# -- declarations ------------------------------------------------------------------


class BoundSubresource:
    """A parent's helper: ``product.images()`` lists, ``product.images(7)`` gets one.

    Also ``.iterall(**filters)``, ``.count()``, ``.create(**fields)`` and
    ``.delete_all()`` where the subresource offers them.
    """

    HELPERS = frozenset({"iterall", "count", "create", "delete_all"})

    def __init__(self, child: type[ApiSubResource], parent_id: Any, connection: Any) -> None:
        self._child = child
        self._parent_id = parent_id
        self._connection = connection

    def __call__(self, id: urls.ResourceId | None = None, **params: Any) -> Any:
        child = self._child
        if id is not None:
            if not issubclass(child, GettableApiSubResource):
                raise TypeError(f"{child.__name__} has no get by id; call it without an id to list")
            return child.get(self._parent_id, id, connection=self._connection, **params)
        if issubclass(child, ListableApiSubResource):
            return child.all(self._parent_id, connection=self._connection, **params)
        # A child with a get of its own and no list (OrderShippingQuotes, OrderFees).
        return cast(Any, child).get(self._parent_id, connection=self._connection, **params)

    def __getattr__(self, name: str) -> Any:
        if name not in self.HELPERS or not hasattr(self._child, name):
            raise AttributeError(f"{self._child.__name__} of a parent has no {name!r}")
        method = getattr(self._child, name)
        parent_id, connection = self._parent_id, self._connection

        def bound(*args: Any, **kwargs: Any) -> Any:
            return method(parent_id, *args, connection=connection, **kwargs)

        bound.__name__ = name
        bound.__doc__ = method.__doc__
        return bound

    def __repr__(self) -> str:
        return f"<{self._child.__name__} of {self._child.parent_key}={self._parent_id!r}>"


class subresource:
    """Declares a parent helper: ``images = subresource(ProductImages)``."""

    #: ``api.Products.images`` is the child class with the connection filled in.
    declares_subresource = True

    def __init__(self, child: type[ApiSubResource]) -> None:
        self.child = child

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: ApiResource | None, owner: type) -> Any:
        if obj is None:
            return self.child
        return BoundSubresource(self.child, obj._id(), obj._connection)


def sunset(operation: str, replacement: str) -> classmethod[Any, Any, None]:
    """A class method BigCommerce has removed: it explains itself instead of sending a request."""

    def removed(cls: type, *args: Any, **kwargs: Any) -> None:
        raise UnsupportedOperation(f"{operation} was sunset by BigCommerce: {replacement}")

    removed.__doc__ = f"Removed by BigCommerce ({operation}): {replacement}"
    return classmethod(removed)
