"""The portal's production settings, plus one constant view (bench/scale_urls.py) served by the
same processes as the product: the floor a benchmark compares each product page against. Used
only by bench/documents_at_scale.py, never by the product."""

from portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.scale_urls"
