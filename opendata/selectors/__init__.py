"""Reads: CKAN-shaped dictionaries, catalogue search with facets, datastore queries."""
