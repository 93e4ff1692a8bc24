"""The demo open data of Arad: organizations, datasets, their CSV files and the loader
(`load_demo_opendata`)."""
