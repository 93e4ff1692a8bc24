"""The demo map of Arad: its data and the loader (`load_demo_map`)."""
