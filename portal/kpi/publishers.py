"""The KPI history as an open dataset (collected by opendata): aggregate figures only."""

from django.utils.translation import gettext_lazy as _

from portal.core.contracts import PublishedDataset, PublishedResource

from .exports import history_csv, history_json

DATASETS = [
    PublishedDataset(
        key="kpi-history",
        title=_("Smart-city indicators (KPI history)"),
        description=_(
            "Periodic snapshots of the indicators of the city's digital solutions: outputs and "
            "outcomes of the one-stop shop, chatbot, digital skills, QR codes, map, open data and CCTV."
        ),
        resources=[
            PublishedResource("kpi-history.csv", "CSV", history_csv),
            PublishedResource("kpi-history.json", "JSON", history_json),
        ],
        tags=["kpi", "indicators", "smart-city"],
        themes=["GOVE"],
        frequency="daily",
    )
]
