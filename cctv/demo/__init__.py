"""The demo camera register of Arad: its data and the loader (`load_demo_cctv`)."""
