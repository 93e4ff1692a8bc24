"""Courses as Wagtail pages: a training index per language, then course → module → lesson.
Lessons carry rich content (text, images, video, step-by-step tutorials, downloads) and an
optional quiz; a lesson may teach one e-service, which then links back to it."""

from __future__ import annotations

from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.search import index

from .digcomp import PROFICIENCY_LEVELS


class Audience(models.TextChoices):
    STAFF = "staff", _("City staff")
    CITIZENS = "citizens", _("Citizens")
    BOTH = "both", _("Staff and citizens")


class VideoBlock(blocks.StructBlock):
    """An uploaded video (a Wagtail document: MP4/WebM) with a text transcript for accessibility."""

    video = DocumentChooserBlock(label=_("video file"))
    caption = blocks.CharBlock(required=False, label=_("caption"))
    transcript = blocks.TextBlock(required=False, label=_("transcript"))

    class Meta:
        icon = "media"
        label = _("Uploaded video")
        template = "training/blocks/video.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("step"))
    text = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul", "ol"], required=False, label=_("what to do")
    )
    image = ImageChooserBlock(required=False, label=_("screenshot"))


class GeneratedStepBlock(blocks.StructBlock):
    """A step written from the service's form (see services/tutorial_generation.py): its title,
    text and screenshots are rewritten whenever the service changes; `note` is the editor's and
    is kept, matched to the step by `key`."""

    key = blocks.CharBlock(label=_("step key"), help_text=_("Set by the generator; do not change."))
    title = blocks.CharBlock(label=_("step"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"], required=False)
    image = ImageChooserBlock(required=False, label=_("screenshot (computer)"))
    phone_image = ImageChooserBlock(required=False, label=_("screenshot (phone)"))
    alt = blocks.TextBlock(required=False, label=_("what the screenshots show (alternative text)"))
    note = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ul", "ol"],
        required=False,
        label=_("editor's words"),
        help_text=_("Your own advice for this step; regenerating keeps it."),
    )

    class Meta:
        icon = "list-ol"


class DownloadBlock(blocks.StructBlock):
    """A flyer or step-by-step tutorial to download (PDF)."""

    document = DocumentChooserBlock(label=_("document"))
    description = blocks.CharBlock(required=False, label=_("description"))

    class Meta:
        icon = "download"
        label = _("Download (flyer, PDF tutorial)")
        template = "training/blocks/download.html"


LESSON_BLOCKS = [
    ("text", blocks.RichTextBlock(label=_("Text"))),
    ("image", ImageChooserBlock(label=_("Image"), template="training/blocks/image.html")),
    ("video", VideoBlock()),
    ("embed", EmbedBlock(label=_("Embedded video"), help_text=_("A video from an allowed provider."))),
    (
        "steps",
        blocks.ListBlock(
            StepBlock(), label=_("Step-by-step tutorial"), template="training/blocks/steps.html"
        ),
    ),
    ("download", DownloadBlock()),
    # Written by the tutorial generator from the service (rewritten on every regeneration);
    # every other block of a generated lesson is the editor's and is kept.
    (
        "generated_intro",
        blocks.RichTextBlock(
            label=_("About the service (generated)"), template="training/blocks/generated_intro.html"
        ),
    ),
    (
        "generated_steps",
        blocks.ListBlock(
            GeneratedStepBlock(),
            label=_("Steps of the online form (generated)"),
            help_text=_(
                "Rewritten from the service whenever it changes: put your own advice in a step's "
                "“editor's words” or in blocks of your own, which are kept."
            ),
            template="training/blocks/generated_steps.html",
        ),
    ),
]


class AnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"))
    correct = blocks.BooleanBlock(required=False, label=_("correct"))
    feedback = blocks.CharBlock(required=False, label=_("feedback shown after answering"))


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("question"))
    multiple = blocks.BooleanBlock(required=False, label=_("several answers may be correct"))
    answers = blocks.ListBlock(AnswerBlock(), min_num=2, label=_("answers"))

    class Meta:
        icon = "help"
        label = _("Question")


class TrainingIndexPage(Page):
    """The digital-skills section: lists courses, with the learner's account links."""

    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["training.CoursePage"]
    max_count_per_parent = 1
    template = "training/training_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = CoursePage.objects.live().child_of(self).specific().order_by("path")
        return context


class CoursePage(Page):
    """A course: who it is for, its level and length, and the DigComp competences it builds."""

    summary = models.TextField(_("summary"), max_length=500)
    audience = models.CharField(
        _("audience"), max_length=10, choices=Audience.choices, default=Audience.CITIZENS
    )
    level = models.PositiveSmallIntegerField(
        _("DigComp proficiency level"), choices=PROFICIENCY_LEVELS, default=1
    )
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), default=60)
    competences = ParentalManyToManyField(
        "training.Competence", blank=True, verbose_name=_("DigComp competences")
    )
    body = RichTextField(blank=True)

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("audience"), FieldPanel("level"), FieldPanel("duration_minutes")]),
                FieldPanel("competences", widget=CheckboxSelectMultiple),
            ],
            heading=_("Audience, level and competences"),
        ),
        FieldPanel("body"),
    ]
    parent_page_types = ["training.TrainingIndexPage"]
    subpage_types = ["training.ModulePage"]
    template = "training/course_page.html"

    def lessons(self):
        """The course's live lessons, in reading order."""
        return LessonPage.objects.live().descendant_of(self).order_by("path")

    def get_context(self, request, *args, **kwargs):
        from training import selectors

        context = super().get_context(request, *args, **kwargs)
        context["modules"] = selectors.course_outline(course=self, user=request.user)
        context["certificate"] = selectors.certificate_for(user=request.user, course=self)
        return context


class ModulePage(Page):
    intro = RichTextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["training.CoursePage"]
    subpage_types = ["training.LessonPage"]
    template = "training/module_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = LessonPage.objects.live().child_of(self).order_by("path")
        return context


class LessonPage(Page):
    """A lesson: content blocks, an optional quiz with a pass mark, and the service it teaches."""

    summary = models.TextField(_("summary"), max_length=500, blank=True)
    body = StreamField(LESSON_BLOCKS, blank=True, verbose_name=_("content"))
    teaches = models.ForeignKey(
        "services.ServicePage",
        verbose_name=_("e-service it teaches"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lessons",
        help_text=_("The service's page will link to this lesson as its tutorial."),
    )
    quiz = StreamField([("question", QuestionBlock())], blank=True, verbose_name=_("quiz"))
    competences = ParentalManyToManyField(
        "training.Competence",
        blank=True,
        related_name="lessons",
        verbose_name=_("DigComp competences exercised"),
    )
    # Set by the tutorial generator: a hash of the service's fields and form when the lesson was
    # written from them (empty for a hand-written lesson), and whether screenshots were taken.
    generated_hash = models.CharField(_("generated from (hash)"), max_length=64, blank=True, editable=False)
    generated_at = models.DateTimeField(_("generated"), null=True, blank=True, editable=False)
    generated_screenshots = models.BooleanField(default=False, editable=False)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, help_text=_("Share of questions answered correctly to pass.")
    )

    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("teaches"),
        FieldPanel("competences", widget=CheckboxSelectMultiple),
        MultiFieldPanel([FieldPanel("quiz"), FieldPanel("pass_mark")], heading=_("Quiz")),
    ]
    parent_page_types = ["training.ModulePage"]
    subpage_types: list[str] = []
    template = "training/lesson_page.html"

    @property
    def is_generated(self) -> bool:
        """Written from its service by the tutorial generator (see services/tutorial_generation)."""
        return bool(self.generated_hash)

    @property
    def has_quiz(self) -> bool:
        return len(self.quiz) > 0

    @property
    def course(self) -> CoursePage | None:
        return CoursePage.objects.ancestor_of(self).first()

    def get_context(self, request, *args, **kwargs):
        from training import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.lesson_state(lesson=self, user=request.user))
        return context
