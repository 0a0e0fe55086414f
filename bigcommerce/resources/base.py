"""Resource classes are declarations: a path, a parent, and the capabilities the API documents.

Each capability is a small mixin (``ListableApiResource``, ``CreateableApiSubResource``,
...) under the old client's names, so a class has exactly the operations
BigCommerce offers and nothing that would only fail at the server.

Class methods take ``connection=`` last; ``BigcommerceApi`` fills it in, so
``api.Products.get(5)`` calls ``Products.get(5, connection=api.connection)``.
"""
from __future__ import annotations

from typing import Any, ClassVar, Iterator, Optional, TypeVar

from .. import urls
from ..exception import UnsupportedOperation
from ..mapping import Mapping
from .pagination import iterate_pages, list_page

__all__ = [
    "Mapping",
    "ApiResource",
    "ApiSubResource",
    "GettableApiResource",
    "ListableApiResource",
    "CreateableApiResource",
    "UpdateableApiResource",
    "DeleteableApiResource",
    "CollectionDeleteableApiResource",
    "CountableApiResource",
    "GettableApiSubResource",
    "ListableApiSubResource",
    "CreateableApiSubResource",
    "UpdateableApiSubResource",
    "DeleteableApiSubResource",
    "CollectionDeleteableApiSubResource",
    "CountableApiSubResource",
    "subresource",
    "sunset",
]

R = TypeVar("R", bound="ApiResource")


class ApiResource(Mapping):
    """One object of a top-level collection, such as a product."""

    resource_name: ClassVar[str] = ""
    #: False for collections that ignore ``page`` (order_statuses): iterall stops after one call.
    paginated: ClassVar[bool] = True

    def __init__(self, mapping: Optional[dict] = None, _connection: Any = None, **fields: Any) -> None:
        dict.__init__(self, mapping or (), **fields)
        # Straight into __dict__: this runs for every object of every page.
        object.__setattr__(self, "_connection", _connection)

    # -- plumbing shared by every capability --------------------------------

    @classmethod
    def _path(cls, *ids: urls.ResourceId) -> str:
        return urls.join(cls.resource_name, *ids)

    @staticmethod
    def _require(connection: Any) -> Any:
        if connection is None:
            raise TypeError(
                "no connection: call through a BigcommerceApi (api.Products.all()) or pass connection="
            )
        return connection

    @classmethod
    def _wrap(cls: type[R], data: Any, connection: Any, **state: Any) -> Any:
        """API data as instances: a dict → one object, a list → a list of them."""
        if isinstance(data, list):
            return [cls._wrap_one(item, connection, state) for item in data]
        if data is None:
            return None
        return cls._wrap_one(data, connection, state)

    @classmethod
    def _wrap_one(cls: type[R], item: Any, connection: Any, state: dict) -> Any:
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
        urls.check_id(self["id"])
        return self["id"]


class ApiSubResource(ApiResource):
    """One object under a parent, such as a product's image: ``products/{pid}/images/{id}``."""

    parent_resource: ClassVar[str] = ""
    #: The field of the object that holds its parent's id.
    parent_key: ClassVar[str] = ""
    #: Store-wide count path, e.g. ``products/images``; empty when the API has none.
    count_resource: ClassVar[str] = ""
    #: Whether ``{parent}/{pid}/{sub}/count`` exists.
    count_per_parent: ClassVar[bool] = True

    @classmethod
    def _path(cls, parentid: urls.ResourceId, *ids: urls.ResourceId) -> str:  # type: ignore[override]
        if parentid is None:
            raise TypeError(f"{cls.__name__} needs the id of its parent ({cls.parent_key})")
        return urls.join(cls.parent_resource, urls.check_id(parentid, cls.parent_key), cls.resource_name, *ids)

    def _find_parent_id(self) -> Any:
        """The parent's id: the object's own ``parent_key`` field, else the id it was fetched under."""
        parent = dict.get(self, self.parent_key, self.__dict__.get("_parent_id"))
        if parent is None:
            raise ValueError(f"this {type(self).__name__} object does not know its {self.parent_key}")
        return parent

    def _item_path(self) -> str:
        return self._path(self._find_parent_id(), self._id())


# -- top-level capabilities ---------------------------------------------------


class GettableApiResource(ApiResource):
    @classmethod
    def get(cls: type[R], id: urls.ResourceId, connection: Any = None, **params: Any) -> R:  # type: ignore[override]
        """``GET /{resource}/{id}``: one object."""
        conn = cls._require(connection)
        return cls._wrap(conn.request("GET", cls._path(id), params=params), conn)


class ListableApiResource(ApiResource):
    @classmethod
    def all(cls: type[R], connection: Any = None, **params: Any) -> list[R]:
        """``GET /{resource}``: one page (``page``, ``limit`` and filters as keywords); [] past the end."""
        conn = cls._require(connection)
        return cls._wrap(list_page(conn, cls._path(), params, cls.paginated), conn)

    @classmethod
    def iterall(cls: type[R], connection: Any = None, concurrency: int = 1, **params: Any) -> Iterator[R]:
        """Every object, page after page (250 a page unless ``limit`` says otherwise).

        ``concurrency=N`` fetches up to N pages at once and still yields in order.
        """
        conn = cls._require(connection)
        for item in iterate_pages(conn, cls._path(), params, cls.paginated, concurrency):
            yield cls._wrap_one(item, conn, {})


class CreateableApiResource(ApiResource):
    @classmethod
    def create(cls: type[R], connection: Any = None, **fields: Any) -> R:
        """``POST /{resource}``: the created object."""
        conn = cls._require(connection)
        return cls._wrap(conn.request("POST", cls._path(), json=fields), conn)


class UpdateableApiResource(ApiResource):
    def update(self: R, **updates: Any) -> R:  # type: ignore[override]
        """``PUT /{resource}/{id}`` with the changed fields: the updated object."""
        conn = self._require(self._connection)
        return self._wrap(conn.request("PUT", self._path(self._id()), json=updates), conn)


class DeleteableApiResource(ApiResource):
    def delete(self) -> None:
        """``DELETE /{resource}/{id}``."""
        self._require(self._connection).request("DELETE", self._path(self._id()))


class CollectionDeleteableApiResource(ApiResource):
    @classmethod
    def delete_all(cls, connection: Any = None) -> None:
        """``DELETE /{resource}``: the whole collection (some collections delete one page per call)."""
        cls._require(connection).request("DELETE", cls._path())


class CountableApiResource(ApiResource):
    @classmethod
    def count(cls, connection: Any = None, **filters: Any) -> int:
        """``GET /{resource}/count``: how many objects match the filters."""
        conn = cls._require(connection)
        return _count_of(conn.request("GET", cls._path() + "/count", params=filters))


# -- subresource capabilities ---------------------------------------------------


class GettableApiSubResource(ApiSubResource):
    @classmethod
    def get(  # type: ignore[override]
        cls: type[R], parentid: urls.ResourceId, id: Optional[urls.ResourceId] = None,
        connection: Any = None, **params: Any,
    ) -> Any:
        """``GET /{parent}/{pid}/{resource}/{id}``; with the parent id alone, the parent's list."""
        conn = cls._require(connection)
        if id is None:
            return cls._wrap(list_page(conn, cls._path(parentid), params, cls.paginated), conn,
                             _parent_id=parentid)
        return cls._wrap(conn.request("GET", cls._path(parentid, id), params=params), conn,
                         _parent_id=parentid)


class ListableApiSubResource(ApiSubResource):
    @classmethod
    def all(cls: type[R], parentid: urls.ResourceId = None, connection: Any = None, **params: Any) -> list[R]:  # type: ignore[assignment]
        """``GET /{parent}/{pid}/{resource}``: one page of the parent's objects; [] past the end."""
        conn = cls._require(connection)
        return cls._wrap(list_page(conn, cls._path(parentid), params, cls.paginated), conn,
                         _parent_id=parentid)

    @classmethod
    def iterall(  # type: ignore[assignment]
        cls: type[R], parentid: urls.ResourceId = None, connection: Any = None, concurrency: int = 1,
        **params: Any,
    ) -> Iterator[R]:
        """Every object of the parent, page after page (``concurrency=N``: N pages at once)."""
        conn = cls._require(connection)
        state = {"_parent_id": parentid}
        for item in iterate_pages(conn, cls._path(parentid), params, cls.paginated, concurrency):
            yield cls._wrap_one(item, conn, state)


class CreateableApiSubResource(ApiSubResource):
    @classmethod
    def create(cls: type[R], parentid: urls.ResourceId, connection: Any = None, **fields: Any) -> R:
        """``POST /{parent}/{pid}/{resource}``: the created object."""
        conn = cls._require(connection)
        return cls._wrap(conn.request("POST", cls._path(parentid), json=fields), conn,
                         _parent_id=parentid)


class UpdateableApiSubResource(ApiSubResource):
    def update(self: R, **updates: Any) -> R:  # type: ignore[override]
        """``PUT /{parent}/{pid}/{resource}/{id}``: the updated object."""
        conn = self._require(self._connection)
        return self._wrap(conn.request("PUT", self._item_path(), json=updates), conn,
                          _parent_id=self._find_parent_id())


class DeleteableApiSubResource(ApiSubResource):
    def delete(self) -> None:
        """``DELETE /{parent}/{pid}/{resource}/{id}``."""
        self._require(self._connection).request("DELETE", self._item_path())


class CollectionDeleteableApiSubResource(ApiSubResource):
    @classmethod
    def delete_all(cls, parentid: urls.ResourceId, connection: Any = None) -> None:
        """``DELETE /{parent}/{pid}/{resource}``: all of the parent's objects."""
        cls._require(connection).request("DELETE", cls._path(parentid))


class CountableApiSubResource(ApiSubResource):
    @classmethod
    def count(cls, parentid: urls.ResourceId = None, connection: Any = None, **filters: Any) -> int:
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


def _count_of(body: Any) -> int:
    if isinstance(body, dict) and isinstance(body.get("count"), int) and not isinstance(body["count"], bool):
        return body["count"]
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

    def __call__(self, id: Optional[urls.ResourceId] = None, **params: Any) -> Any:
        child = self._child
        if id is not None:
            if not issubclass(child, GettableApiSubResource):
                raise TypeError(f"{child.__name__} has no get by id; call it without an id to list")
            return child.get(self._parent_id, id, connection=self._connection, **params)
        if issubclass(child, ListableApiSubResource):
            return child.all(self._parent_id, connection=self._connection, **params)
        return child.get(self._parent_id, connection=self._connection, **params)

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

    def __init__(self, child: type[ApiSubResource]) -> None:
        self.child = child

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Optional[ApiResource], owner: type) -> Any:
        if obj is None:
            return self.child
        return BoundSubresource(self.child, obj._id(), obj._connection)


def sunset(operation: str, replacement: str) -> classmethod:
    """A class method BigCommerce has removed: it explains itself instead of sending a request."""

    def removed(cls: type, *args: Any, **kwargs: Any) -> None:
        raise UnsupportedOperation(f"{operation} was sunset by BigCommerce: {replacement}")

    removed.__doc__ = f"Removed by BigCommerce ({operation}): {replacement}"
    return classmethod(removed)
