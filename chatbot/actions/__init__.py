"""Custom actions of the Rasa assistant (rasa_sdk). They never import Django: every answer comes
from the portal's public HTTP API through `clients.PortalClient`."""
