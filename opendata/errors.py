"""Errors that map one to one onto CKAN's Action API error types."""

from __future__ import annotations


class ActionError(Exception):
    ckan_type = "Internal Server Error"
    status = 500

    def payload(self) -> dict:
        return {"__type": self.ckan_type, "message": str(self)}


class NotFound(ActionError):
    ckan_type = "Not Found Error"
    status = 404


class NotAuthorized(ActionError):
    ckan_type = "Authorization Error"
    status = 403

    def payload(self) -> dict:
        return {"__type": self.ckan_type, "message": f"Access denied: {self}"}


class ValidationFailed(ActionError):
    """Field errors as CKAN gives them: {"name": ["That URL is already in use."]}."""

    ckan_type = "Validation Error"
    status = 409

    def __init__(self, errors: dict[str, list[str] | list[dict]]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors

    def payload(self) -> dict:
        return {"__type": self.ckan_type, **self.errors}


class SearchQueryError(ActionError):
    ckan_type = "Search Query Error"
    status = 400

    def payload(self) -> dict:
        return {"__type": self.ckan_type, "message": f"Search Query is invalid: {self}"}
