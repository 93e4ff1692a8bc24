from django import forms
from django.utils.translation import gettext_lazy as _

from portal.kpi.registry import SOLUTIONS


class FeedbackForm(forms.Form):
    solution = forms.ChoiceField(choices=list(SOLUTIONS.items()), widget=forms.HiddenInput)
    next = forms.CharField(required=False, widget=forms.HiddenInput)
    score = forms.TypedChoiceField(
        label=_("How likely are you to recommend this service to a friend? (0 = not at all, 10 = certainly)"),
        choices=[(i, str(i)) for i in range(11)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Anything we should improve? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
