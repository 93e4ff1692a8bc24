"""The demo city of Arad: its pages as plain data (`data`) and the loader that publishes them.

`text.Text`, a text in each of the city's languages, is shared by every app's demo package
(`<app>/demo/`: typed data records and a loader, run by `manage.py load_demo --all`)."""
