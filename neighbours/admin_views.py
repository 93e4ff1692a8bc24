"""Operators' screens in the Wagtail admin: send a notice (after a confirmation showing how many
neighbours it reaches), follow its delivery with per-recipient records, and the membership
counts per district. No screen shows who the members are."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_required

from . import selectors, services
from .models import Member, Notice, Tally


@permission_required("neighbours.send_notice")
def send_view(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_object_or_404(Notice, pk=pk)
    if notice.sent_at is not None:
        return redirect("neighbours_admin:progress", pk=notice.pk)
    if request.method == "POST":
        try:
            count = services.send_notice(notice=notice, user=request.user)
        except services.NeighboursError as error:
            messages.error(request, str(error))
            return redirect("neighbours_admin:send", pk=notice.pk)
        messages.success(
            request, _("Sending “%(title)s” to %(count)d neighbours.") % {"title": notice, "count": count}
        )
        return redirect("neighbours_admin:progress", pk=notice.pk)
    reach = (
        notice.districts.annotate(
            members=Count("neighbours", filter=Q(neighbours__status=Member.Status.ACTIVE))
        )
        .order_by("name")
        .values_list("name", "members")
    )
    return TemplateResponse(request, "neighbours/admin/send.html", {"notice": notice, "reach": list(reach)})


@permission_required("neighbours.view_notice")
def progress_view(request: HttpRequest, pk: int) -> HttpResponse:
    notice = get_object_or_404(Notice, pk=pk)
    if request.method == "POST":
        if not request.user.has_perm("neighbours.send_notice"):
            return HttpResponse(status=403)
        count = services.retry_failed(notice=notice)
        messages.success(request, _("%(count)d failed deliveries will be tried again.") % {"count": count})
        return redirect("neighbours_admin:progress", pk=notice.pk)
    progress = selectors.progress(notice)
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "total": progress.total,
                "sent": progress.sent,
                "waiting": progress.waiting,
                "retrying": progress.retrying,
                "failed": progress.failed,
                "cancelled": progress.cancelled,
                "percent": progress.percent,
            }
        )
    context = {
        "notice": notice,
        "progress": progress,
        "deliveries": selectors.deliveries(notice)[:500],
        "can_send": request.user.has_perm("neighbours.send_notice"),
    }
    return TemplateResponse(request, "neighbours/admin/progress.html", context)


@permission_required("neighbours.view_notice")
def overview_view(request: HttpRequest) -> HttpResponse:
    totals: dict[str, dict[str, int]] = {}
    for row in Tally.objects.values_list("district__name", "kind", "count"):
        totals.setdefault(row[0], {"joined": 0, "left": 0})[row[1]] += row[2]
    rows = [
        (name, members, totals.get(name, {}).get("joined", 0), totals.get(name, {}).get("left", 0))
        for name, members in selectors.active_members_by_district()
    ]
    context = {"rows": rows, "total": sum(row[1] for row in rows), "notices_sent": selectors.notices_sent()}
    return TemplateResponse(request, "neighbours/admin/overview.html", context)
