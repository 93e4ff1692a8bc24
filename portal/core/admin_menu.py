"""Admin menu items shown only to staff holding a permission (the apps' own admin screens)."""

from __future__ import annotations

from wagtail.admin.menu import MenuItem


class PermissionMenuItem(MenuItem):
    """A menu item shown to the users who have `permission` ("app.codename")."""

    def __init__(self, *args, permission: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request) -> bool:
        return request.user.has_perm(self.permission)
