"""Writes of the map: layer imports (importer.py) and usage counting (usage.py)."""
