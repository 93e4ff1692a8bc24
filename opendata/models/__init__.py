"""Open-data catalogue models, shaped after CKAN's (organizations, datasets, resources)."""

from .activity import Activity
from .catalogue import (
    FREQUENCIES,
    FREQUENCY_URI,
    LICENSES,
    THEMES,
    Dataset,
    Organization,
    Resource,
    Tag,
    Theme,
)
from .community import ApiToken, DatasetRequest
from .datastore import DatastoreRow

__all__ = [
    "Activity",
    "FREQUENCIES",
    "FREQUENCY_URI",
    "LICENSES",
    "THEMES",
    "ApiToken",
    "Dataset",
    "DatasetRequest",
    "DatastoreRow",
    "Organization",
    "Resource",
    "Tag",
    "Theme",
]
