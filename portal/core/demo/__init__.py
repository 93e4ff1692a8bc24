"""The demo city of Arad: its content as plain data (`data`) and the loader that publishes it."""
