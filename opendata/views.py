"""Public pages of the catalogue: search with facets, dataset and resource pages, downloads,
dataset requests. Thin: parse, call a selector or service, render."""

from __future__ import annotations

import markdown
import nh3
from django.contrib import messages
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from portal.core.pagination import LazyRows, QueryStringPaginator
from portal.core.translation import localized

from . import dcat
from .errors import SearchQueryError
from .forms import DatasetRequestForm
from .models import FREQUENCIES, LICENSES, Dataset, DatasetRequest, Resource
from .selectors import datastore as datastore_selectors
from .selectors import dictize, search
from .services import catalogue
from .services.community import submit_request

FACETS = ["organization", "groups", "tags", "res_format", "license_id"]
PAGE_SIZE = 20
PREVIEW_ROWS = 25


def _markdown(text: str) -> str:
    return mark_safe(nh3.clean(markdown.markdown(text or "", extensions=["extra", "sane_lists"])))  # noqa: S308


def catalogue_search(request: HttpRequest) -> HttpResponse:
    """The catalogue: free text plus facet filters, all in the query string (works without JS)."""
    q = request.GET.get("q", "").replace("\x00", "").strip()
    chosen = {f: request.GET.getlist(f) for f in FACETS if request.GET.getlist(f)}
    fq = " AND ".join(
        f'{field}:"{value.replace(chr(34), "").replace(chr(0), "")}"'
        for field, values in chosen.items()
        for value in values
    )
    words = " ".join(f'"{w}"' for w in q.replace('"', " ").split())
    sort = request.GET.get("sort") or ""
    error = ""
    # The count and the facets first (they tell which pages exist), then the requested page.
    try:
        summary = search.search(q=words, fq=fq, rows=0, sort=sort, facet_fields=FACETS, facet_limit=15)
    except SearchQueryError:
        error = _("That search could not be understood.")
        summary = search.SearchResult(count=0, datasets=[], facets={})
    hits = LazyRows(
        count=lambda: summary.count,
        fetch=lambda offset, limit: (
            search.search(q=words, fq=fq, rows=limit, start=offset, sort=sort).datasets if limit else []
        ),
    )
    paginator = QueryStringPaginator(hits, PAGE_SIZE)
    try:
        page_obj = paginator.page(paginator.validate_number(request.GET.get("page", "1")))
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        raise Http404("There is no such page of this search.") from None
    result = search.SearchResult(
        count=summary.count, datasets=list(page_obj.object_list), facets=summary.facets
    )
    facets = [
        {
            "field": field,
            "label": {
                "organization": _("Publisher"),
                "groups": _("Theme"),
                "tags": _("Tags"),
                "res_format": _("Format"),
                "license_id": _("Licence"),
            }[field],
            "items": [
                {
                    "value": value,
                    "label": _facet_label(field, value),
                    "count": n,
                    "selected": value in chosen.get(field, []),
                }
                for value, n in result.facets.get(field, [])
            ],
        }
        for field in FACETS
    ]
    return render(
        request,
        "opendata/search.html",
        {
            "q": q,
            "result": result,
            "facets": facets,
            "page_obj": page_obj,
            "error": error,
            "chosen": chosen,
        },
    )


def _facet_label(field: str, value: str) -> str:
    if field == "license_id":
        return LICENSES.get(value, {}).get("title", value)
    return search.facet_title(field, value)


def dataset_detail(request: HttpRequest, name: str) -> HttpResponse:
    dataset = get_object_or_404(dictize.with_relations(Dataset.objects.public()), name=name)
    site = request.build_absolute_uri("/").rstrip("/")
    notes = localized(dataset, "notes")
    return render(
        request,
        "opendata/dataset.html",
        {
            "dataset": dataset,
            "title": localized(dataset, "title"),
            "notes": notes,
            "notes_html": _markdown(notes.text),
            "licence": LICENSES.get(dataset.license_id, {}),
            "frequency": FREQUENCIES.get(dataset.frequency, dataset.frequency),
            "resources": [(r, dictize.download_url(r, site)) for r in dataset.resources.all()],
            "site": site,
        },
    )


def resource_detail(request: HttpRequest, name: str, pk: str) -> HttpResponse:
    """A resource with its data dictionary and a paged preview of its datastore rows."""
    resource = get_object_or_404(
        Resource.objects.select_related("dataset"),
        pk=pk,
        dataset__name=name,
        dataset__state=Dataset.State.ACTIVE,
        dataset__private=False,
    )
    preview = None
    page_obj = None
    if resource.datastore_active:
        total = resource.datastore_rows.count()
        page_obj = Paginator(range(total), PREVIEW_ROWS).get_page(request.GET.get("page"))
        preview = datastore_selectors.datastore_search(
            resource=resource, limit=PREVIEW_ROWS, offset=(page_obj.number - 1) * PREVIEW_ROWS
        )
    site = request.build_absolute_uri("/").rstrip("/")
    return render(
        request,
        "opendata/resource.html",
        {
            "resource": resource,
            "dataset": resource.dataset,
            "preview": preview,
            "page_obj": page_obj,
            "download_url": dictize.download_url(resource, site),
            "site": site,
        },
    )


def download(request: HttpRequest, pk: str, filename: str) -> HttpResponse:
    """Serve a resource's file (or follow its link) and count the download server-side."""
    resource = get_object_or_404(Resource, pk=pk, dataset__state=Dataset.State.ACTIVE, dataset__private=False)
    if not resource.upload:
        if not resource.url:
            raise Http404
        catalogue.count_download(resource=resource)
        return HttpResponseRedirect(resource.url)
    try:
        handle = resource.upload.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    catalogue.count_download(resource=resource)
    return FileResponse(handle, as_attachment=True, filename=resource.upload.name.rsplit("/", 1)[-1])


DCAT_EXTENSIONS = {"ttl": "text/turtle", "jsonld": "application/ld+json", "rdf": "application/rdf+xml"}


def dcat_catalogue(request: HttpRequest, extension: str) -> HttpResponse:
    """The whole public catalogue as DCAT-AP 3 in Turtle, JSON-LD or RDF/XML."""
    media_type = DCAT_EXTENSIONS.get(extension)
    if media_type is None:
        raise Http404
    site = request.build_absolute_uri("/").rstrip("/")
    return HttpResponse(
        dcat.serialize(fmt=media_type, site=site), content_type=f"{media_type}; charset=utf-8"
    )


def requests_list(request: HttpRequest) -> HttpResponse:
    """The public list of dataset requests and their status, with the form to ask for one."""
    if request.method == "POST":
        form = DatasetRequestForm(request.POST)
        if form.is_valid():
            submit_request(
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                organization=form.cleaned_data["organization"],
                email=form.cleaned_data["email"],
            )
            messages.success(request, _("Thank you: your request is in the list below."))
            return redirect("opendata:requests")
    else:
        form = DatasetRequestForm()
    page_obj = Paginator(DatasetRequest.objects.select_related("organization", "dataset"), 20).get_page(
        request.GET.get("page")
    )
    return render(request, "opendata/requests.html", {"form": form, "page_obj": page_obj})
