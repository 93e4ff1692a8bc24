"""Public forms of participation: they check shape and size; services apply the rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_COMMENT = 5000


class EmailForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send you a link to confirm it. It is never published."),
    )
    next = forms.CharField(widget=forms.HiddenInput, required=False, max_length=500)


class CommentForm(forms.Form):
    section = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    body = forms.CharField(
        label=_("Your comment"),
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Published after moderation, without your e-mail address."),
    )

    def __init__(self, *args, key: str = "whole", **kwargs) -> None:
        # One form per section on the page: distinct ids, the same field names.
        kwargs.setdefault("auto_id", f"id_%s_{key}")
        super().__init__(*args, **kwargs)


class QuestionsForm(forms.Form):
    """One optional text field per question of the consultation."""

    def __init__(self, *args, questions=(), initial_answers: dict[int, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        initial_answers = initial_answers or {}
        for question in questions:
            self.fields[f"q{question.pk}"] = forms.CharField(
                label=str(question.local_text),
                required=False,
                max_length=MAX_COMMENT,
                initial=initial_answers.get(question.pk, ""),
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def answers(self) -> dict[int, str]:
        return {int(name[1:]): value for name, value in self.cleaned_data.items()}


class SpeakForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200, help_text=_("The chair calls you by it."))
    topic = forms.CharField(label=_("What you will speak about"), max_length=500)

    def __init__(self, *args, key: str = "", **kwargs) -> None:
        kwargs.setdefault("auto_id", f"id_%s_speak{key}")
        super().__init__(*args, **kwargs)


class WrittenQuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question"), max_length=MAX_COMMENT, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, key: str = "", **kwargs) -> None:
        kwargs.setdefault("auto_id", f"id_%s_ask{key}")
        super().__init__(*args, **kwargs)


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Publish")), ("reject", _("Do not publish"))])
    reason = forms.CharField(
        label=_("Reason shown to the author"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AnswerForm(forms.Form):
    comments = forms.TypedMultipleChoiceField(label=_("Comments answered"), coerce=int)
    text = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 4}))
    text_en = forms.CharField(
        label=_("Answer (English)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    text_hu = forms.CharField(
        label=_("Answer (Hungarian)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, comment_ids: list[int] = (), **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["comments"].choices = [(pk, f"#{pk}") for pk in comment_ids]
