"""KPIs of the chatbot solution: flows and services enrolled, times accessed, satisfaction, and
how fast a person answers when a resident asks for one."""

from django.utils.translation import gettext_lazy as _

from portal.feedback.selectors import mean_score, nps
from portal.kpi.registry import KPI

from . import selectors

KPIS = [
    KPI(
        key="chatbot.flows_enrolled",
        solution="chatbot",
        kind="output",
        unit=_("flows"),
        label=_("Processes enrolled in the chatbot"),
        compute=lambda: len(selectors.FLOWS),
    ),
    KPI(
        key="chatbot.services_enrolled",
        solution="chatbot",
        kind="output",
        unit=_("services"),
        label=_("Services the chatbot can explain"),
        compute=selectors.services_enrolled,
    ),
    KPI(
        key="chatbot.conversations",
        solution="chatbot",
        kind="outcome",
        unit=_("conversations"),
        label=_("Times the chatbot was accessed"),
        compute=selectors.conversations_count,
    ),
    KPI(
        key="chatbot.messages",
        solution="chatbot",
        kind="outcome",
        unit=_("messages"),
        label=_("Messages sent to the chatbot"),
        compute=selectors.messages_count,
    ),
    KPI(
        key="chatbot.first_human_reply",
        solution="chatbot",
        kind="outcome",
        unit=_("seconds"),
        label=_("Median time to the first reply of a chat operator"),
        compute=selectors.median_first_reply_seconds,
    ),
    KPI(
        key="chatbot.nps",
        solution="chatbot",
        kind="outcome",
        unit=_("NPS"),
        label=_("Chatbot Net Promoter Score"),
        compute=lambda: nps(solution="chatbot").score,
    ),
    KPI(
        key="chatbot.satisfaction",
        solution="chatbot",
        kind="outcome",
        unit=_("0-10"),
        label=_("Chatbot average satisfaction"),
        compute=lambda: mean_score(solution="chatbot"),
    ),
]
