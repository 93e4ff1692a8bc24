from django import forms

from .models import DatasetRequest


class DatasetRequestForm(forms.ModelForm):
    class Meta:
        model = DatasetRequest
        fields = ["title", "description", "organization", "email"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}
