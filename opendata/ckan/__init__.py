"""CKAN's Action API, served at /api/3/action/<name> and /api/action/<name>."""
