"""KPIs of the digital-skills solution: people trained, trainings held, flyers handed out,
representation across demographics and satisfaction."""

from django.utils.translation import gettext_lazy as _

from portal.feedback import selectors as feedback
from portal.kpi.registry import KPI

from . import selectors

KPIS = [
    KPI(
        key="skills.people_trained",
        solution="skills",
        kind="output",
        unit=_("people"),
        label=_("People trained (online and classroom)"),
        compute=lambda: selectors.people_trained_online() + selectors.people_trained_classroom(),
    ),
    KPI(
        key="skills.people_trained_online",
        solution="skills",
        kind="output",
        unit=_("people"),
        label=_("People who completed a course online"),
        compute=lambda: selectors.people_trained_online(),
    ),
    KPI(
        key="skills.people_trained_classroom",
        solution="skills",
        kind="output",
        unit=_("people"),
        label=_("People trained in classroom sessions"),
        compute=lambda: selectors.people_trained_classroom(),
    ),
    KPI(
        key="skills.staff_trained",
        solution="skills",
        kind="output",
        unit=_("people"),
        label=_("City staff trained (online and classroom)"),
        compute=lambda: (
            selectors.people_trained_classroom(audience="staff")
            + selectors.people_trained_online(staff_only=True)
        ),
    ),
    KPI(
        key="skills.trainings_held",
        solution="skills",
        kind="output",
        unit=_("sessions"),
        label=_("Classroom trainings held"),
        compute=lambda: selectors.trainings_held(),
    ),
    KPI(
        key="skills.flyers_handed_out",
        solution="skills",
        kind="output",
        unit=_("flyers"),
        label=_("Flyers handed out"),
        compute=lambda: selectors.flyers_handed_out(),
    ),
    KPI(
        key="skills.share_seniors",
        solution="skills",
        kind="outcome",
        unit=_("%"),
        label=_("Trainees aged 65 and over (anonymous form)"),
        compute=lambda: selectors.share_of(dimension="age_band", codes=("65-74", "75+")),
    ),
    KPI(
        key="skills.share_disadvantaged",
        solution="skills",
        kind="outcome",
        unit=_("%"),
        label=_("Trainees with low income or social support (anonymous form)"),
        compute=lambda: selectors.share_of(dimension="situation", codes=("disadvantaged",)),
    ),
    KPI(
        key="skills.age_representation_gap",
        solution="skills",
        kind="outcome",
        unit=_("percentage points"),
        label=_("Largest gap between trainees' and the city's age shares"),
        compute=lambda: selectors.representation_gap(dimension="age_band"),
    ),
    KPI(
        key="skills.satisfaction_nps",
        solution="skills",
        kind="outcome",
        unit=_("NPS"),
        label=_("Satisfaction of learners (Net Promoter Score)"),
        compute=lambda: feedback.nps(solution="skills").score,
    ),
    KPI(
        key="skills.satisfaction_mean",
        solution="skills",
        kind="outcome",
        unit=_("/10"),
        label=_("Satisfaction of learners (average score)"),
        compute=lambda: feedback.mean_score(solution="skills"),
    ),
    KPI(
        key="skills.services_with_tutorial",
        solution="skills",
        kind="output",
        unit=_("%"),
        label=_("E-services with a tutorial in every language they are published in"),
        compute=lambda: selectors.services_with_tutorial_share(),
    ),
    KPI(
        key="skills.service_tutorials_completed",
        solution="skills",
        kind="outcome",
        unit=_("lessons"),
        label=_("E-service tutorials completed (digital services usage)"),
        compute=lambda: selectors.service_tutorials_completed(),
    ),
]
