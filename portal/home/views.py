"""Site search across every page in the active language."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .selectors import search_pages


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    results = search_pages(query) if query else []
    page = Paginator(results, 10).get_page(request.GET.get("page"))
    return render(request, "home/search.html", {"query": query, "results": page})
