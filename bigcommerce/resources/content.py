"""Store content: blog posts and tags, web pages, redirects."""
from __future__ import annotations

from .base import (
    CollectionDeleteableApiResource,
    CountableApiResource,
    CreateableApiResource,
    DeleteableApiResource,
    GettableApiResource,
    ListableApiResource,
    UpdateableApiResource,
)


class _Crud(
    GettableApiResource, ListableApiResource, CreateableApiResource, UpdateableApiResource,
    DeleteableApiResource,
):
    """Get, list, create, update and delete one."""


class BlogPosts(_Crud, CollectionDeleteableApiResource, CountableApiResource):
    """GET /blog/posts, newest first; filters is_published, url, tag, published_date."""
    resource_name = "blog/posts"


class BlogTags(ListableApiResource):
    """GET /blog/tags: each tag with the ids of its posts."""
    resource_name = "blog/tags"


class Pages(_Crud):
    """GET /pages (deprecated in favour of v3 pages); no count or delete-all endpoint."""
    resource_name = "pages"


class Redirects(_Crud, CollectionDeleteableApiResource, CountableApiResource):
    """GET /redirects (deprecated in favour of v3 redirects)."""
    resource_name = "redirects"
