"""Database backends of the portal (thin wrappers around Django's own)."""
