"""`{% nps_form "map" %}` embeds the shared questionnaire for a solution on any page."""

from django import template

from portal.feedback.forms import FeedbackForm

register = template.Library()


@register.inclusion_tag("feedback/nps_form.html", takes_context=True)
def nps_form(context, solution: str, heading: str = ""):
    request = context.get("request")
    form = FeedbackForm(initial={"solution": solution, "next": request.get_full_path() if request else "/"})
    return {
        "form": form,
        "heading": heading,
        "solution": solution,
        "request": request,
        "messages": context.get("messages", ()),
    }
