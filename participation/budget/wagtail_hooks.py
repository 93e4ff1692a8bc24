"""The participatory budget in the Wagtail admin: cycles with their phases and district budgets,
the proposals (moderation queue, feasibility and cost review with public reasons) and the
implementation updates. Saving an answer or an update e-mails the followers (services)."""

from __future__ import annotations

from django.contrib import messages
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, Panel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.core.widgets import LatLonWidget

from . import services
from .models import Cycle, ImplementationUpdate, Proposal


class PhotosPanel(Panel):
    """The proposal's photos, for moderators to see before publishing it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "budget/admin/photos_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["photos"] = self.instance.photos.all() if self.instance.pk else []
            return context


class CycleViewSet(SnippetViewSet):
    model = Cycle
    icon = "date"
    list_display = [
        "year",
        "title",
        "proposals_start",
        "voting_start",
        "results_start",
        "max_spend_per_ballot",
    ]


class ProposalViewSet(SnippetViewSet):
    model = Proposal
    icon = "pick"
    list_display = ["title", "district", "cycle", "moderation", "feasibility", "cost_estimate", "created_at"]
    list_filter = ["moderation", "feasibility", "cycle", "district"]
    search_fields = ["title", "description", "address"]
    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("moderation")]),
                FieldPanel("moderation_note"),
                PhotosPanel(heading=_("Photos")),
            ],
            heading=_("Moderation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("title"),
                FieldPanel("description"),
                FieldRowPanel([FieldPanel("cycle"), FieldPanel("district")]),
                FieldPanel("address"),
                FieldPanel("location", widget=LatLonWidget()),
                FieldPanel("cost_estimate", read_only=True),
            ],
            heading=_("The proposal"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("feasibility"), FieldPanel("assessed_cost")]),
                FieldPanel("public_reason"),
            ],
            heading=_("Technical review (public; the followers are e-mailed)"),
        ),
    ]


class UpdateViewSet(SnippetViewSet):
    model = ImplementationUpdate
    icon = "doc-full"
    list_display = ["proposal", "progress", "percent_done", "published_at"]
    list_filter = ["progress"]


class BudgetGroup(SnippetViewSetGroup):
    items = (CycleViewSet, ProposalViewSet, UpdateViewSet)
    menu_icon = "pick"
    menu_label = _("Participatory budget")
    menu_name = "budget"
    menu_order = 270


register_snippet(BudgetGroup)


class QueueMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm("budget.change_proposal")


@hooks.register("register_admin_menu_item")
def register_queue_menu_item():
    url = reverse("wagtailsnippets_budget_proposal:list") + "?moderation=pending"
    return QueueMenuItem(_("Proposals to moderate"), url, icon_name="warning", order=271)


def _after_save(request, instance) -> None:
    if isinstance(instance, Proposal):
        sent = services.notify_answer(proposal=instance)
    elif isinstance(instance, ImplementationUpdate):
        sent = services.publish_update(update=instance)
    else:
        return
    if sent:
        messages.info(request, gettext("%(n)d follower(s) e-mailed.") % {"n": sent})


hooks.register("after_create_snippet", _after_save)
hooks.register("after_edit_snippet", _after_save)
