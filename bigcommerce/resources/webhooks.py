"""Webhooks (OAuth only): hooks created by this app's client id."""
from __future__ import annotations

from .base import (
    CreateableApiResource,
    DeleteableApiResource,
    GettableApiResource,
    ListableApiResource,
    UpdateableApiResource,
)


class Webhooks(
    ListableApiResource, GettableApiResource, CreateableApiResource, UpdateableApiResource,
    DeleteableApiResource,
):
    """GET /hooks. Create with scope, destination (HTTPS, port 443) and is_active=True."""
    resource_name = "hooks"
