"""KPIs of the digital-skills solution: people trained, trainings held, flyers handed out,
representation across demographics and satisfaction."""

from portal.feedback import selectors as feedback
from portal.kpi.registry import KPI

from . import selectors

KPIS = [
    KPI(
        key="skills.people_trained",
        solution="skills",
        kind="output",
        unit="people",
        label="People trained (online and classroom)",
        compute=lambda: selectors.people_trained_online() + selectors.people_trained_classroom(),
    ),
    KPI(
        key="skills.people_trained_online",
        solution="skills",
        kind="output",
        unit="people",
        label="People who completed a course online",
        compute=lambda: selectors.people_trained_online(),
    ),
    KPI(
        key="skills.people_trained_classroom",
        solution="skills",
        kind="output",
        unit="people",
        label="People trained in classroom sessions",
        compute=lambda: selectors.people_trained_classroom(),
    ),
    KPI(
        key="skills.staff_trained",
        solution="skills",
        kind="output",
        unit="people",
        label="City staff trained (online and classroom)",
        compute=lambda: (
            selectors.people_trained_classroom(audience="staff")
            + selectors.people_trained_online(staff_only=True)
        ),
    ),
    KPI(
        key="skills.trainings_held",
        solution="skills",
        kind="output",
        unit="sessions",
        label="Classroom trainings held",
        compute=lambda: selectors.trainings_held(),
    ),
    KPI(
        key="skills.flyers_handed_out",
        solution="skills",
        kind="output",
        unit="flyers",
        label="Flyers handed out",
        compute=lambda: selectors.flyers_handed_out(),
    ),
    KPI(
        key="skills.share_seniors",
        solution="skills",
        kind="outcome",
        unit="%",
        label="Trainees aged 65 and over (anonymous form)",
        compute=lambda: selectors.share_of(dimension="age_band", codes=("65-74", "75+")),
    ),
    KPI(
        key="skills.share_disadvantaged",
        solution="skills",
        kind="outcome",
        unit="%",
        label="Trainees with low income or social support (anonymous form)",
        compute=lambda: selectors.share_of(dimension="situation", codes=("disadvantaged",)),
    ),
    KPI(
        key="skills.age_representation_gap",
        solution="skills",
        kind="outcome",
        unit="percentage points",
        label="Largest gap between trainees' and the city's age shares",
        compute=lambda: selectors.representation_gap(dimension="age_band"),
    ),
    KPI(
        key="skills.satisfaction_nps",
        solution="skills",
        kind="outcome",
        unit="NPS",
        label="Satisfaction of learners (Net Promoter Score)",
        compute=lambda: feedback.nps(solution="skills").score,
    ),
    KPI(
        key="skills.satisfaction_mean",
        solution="skills",
        kind="outcome",
        unit="/10",
        label="Satisfaction of learners (average score)",
        compute=lambda: feedback.mean_score(solution="skills"),
    ),
]
