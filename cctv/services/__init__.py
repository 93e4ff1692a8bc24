"""Writes to the camera register: lifecycle, bulk import and health (heartbeats and faults)."""
