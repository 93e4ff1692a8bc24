"""Demo services of the Social Assistance Directorate."""

from __future__ import annotations

from decimal import Decimal

from ..common import CONTACT_FIELDS, DETAILS, HOME_ADDRESS
from ..schema import DocumentData, FAQData, FeeData, FormFieldData, ServiceData, t

SERVICES: tuple[ServiceData, ...] = (
    ServiceData(
        slug="ajutor-social",
        title=t(
            "Ajutor social (venitul minim de incluziune)",
            "Social aid (minimum inclusion income)",
            "Szociális segély (minimális befogadási jövedelem)",
        ),
        summary=t(
            "Sprijin lunar pentru familiile și persoanele singure cu venituri mici. Cererea se "
            "depune la primărie, iar plata o face Agenția Județeană pentru Plăți și Inspecție Socială.",
            "Monthly support for families and single people on low incomes. You apply at City Hall; "
            "the County Agency for Payments and Social Inspection makes the payments.",
            "Havi támogatás alacsony jövedelmű családoknak és egyedülállóknak. A kérelmet a "
            "polgármesteri hivatalban kell benyújtani, a kifizetést a Megyei Kifizetési és "
            "Szociális Felügyeleti Ügynökség végzi.",
        ),
        eligibility=t(
            "<p>Familiile și persoanele singure care locuiesc în Arad și au un venit net lunar pe "
            "membru de familie sub pragul stabilit de Legea nr. 196/2016. Persoanele apte de muncă "
            "trebuie să fie înregistrate la agenția de ocupare a forței de muncă.</p>",
            "<p>Families and single people living in Arad whose monthly net income per family "
            "member is below the threshold set by Law 196/2016. People able to work must be "
            "registered with the employment agency.</p>",
            "<p>Aradon élő családok és egyedülállók, akiknek egy főre jutó havi nettó jövedelme a "
            "196/2016. évi törvényben meghatározott határ alatt van. A munkaképes személyeknek "
            "regisztrálniuk kell a munkaerő-foglalkoztatási ügynökségnél.</p>",
        ),
        department="asistenta-sociala",
        where_to_go=t(
            "Direcția de Asistență Socială, Strada Cloșca nr. 2, parter",
            "Social Assistance Directorate, Strada Cloșca 2, ground floor",
            "Szociális Igazgatóság, Strada Cloșca 2., földszint",
        ),
        processing_days=30,
        documents=(
            DocumentData(
                t(
                    "Cerere și declarație pe propria răspundere",
                    "Application and sworn statement",
                    "Kérelem és felelősségteljes nyilatkozat",
                ),
                t("formular tip", "standard form", "formanyomtatvány"),
            ),
            DocumentData(
                t(
                    "Actele de identitate ale tuturor membrilor familiei",
                    "Identity documents of all family members",
                    "Az összes családtag személyazonosító igazolványa",
                ),
                t(
                    "și certificatele de naștere ale copiilor",
                    "and the children's birth certificates",
                    "és a gyermekek születési anyakönyvi kivonata",
                ),
            ),
            DocumentData(
                t(
                    "Adeverințe de venit pentru luna anterioară",
                    "Proof of income for the previous month",
                    "Jövedelemigazolás az előző hónapról",
                )
            ),
            DocumentData(
                t("Certificat de atestare fiscală", "Tax clearance certificate", "Helyi adóigazolás"),
                t(
                    "pentru bunurile deținute",
                    "listing the property you own",
                    "a tulajdonában lévő vagyontárgyakról",
                ),
            ),
        ),
        fees=(FeeData(t("Depunerea cererii", "Applying", "A kérelem benyújtása"), Decimal("0.00")),),
        faq=(
            FAQData(
                t(
                    "Cât durează până primesc ajutorul?",
                    "How long until I receive the aid?",
                    "Mennyi idő múlva kapom meg a segélyt?",
                ),
                t(
                    "<p>După depunerea dosarului, un asistent social vă vizitează acasă în cel mult "
                    "15 zile. Dreptul se acordă din luna următoare celei în care ați depus cererea.</p>",
                    "<p>After you apply, a social worker visits your home within 15 days. The "
                    "entitlement starts from the month after you applied.</p>",
                    "<p>A kérelem benyújtása után egy szociális munkás legfeljebb 15 napon belül "
                    "környezettanulmányt végez. A jogosultság a kérelem benyújtását követő "
                    "hónaptól jár.</p>",
                ),
            ),
            FAQData(
                t(
                    "Trebuie să anunț schimbările de venit?",
                    "Do I have to report changes in income?",
                    "Be kell jelentenem a jövedelem változását?",
                ),
                t(
                    "<p>Da, orice schimbare a veniturilor sau a componenței familiei se anunță în "
                    "cel mult 15 zile.</p>",
                    "<p>Yes, any change in income or in who lives in the household must be reported "
                    "within 15 days.</p>",
                    "<p>Igen, a jövedelem vagy a háztartás összetételének minden változását 15 "
                    "napon belül be kell jelenteni.</p>",
                ),
            ),
        ),
        form_fields=(
            *CONTACT_FIELDS,
            HOME_ADDRESS,
            FormFieldData(
                "household_size",
                t(
                    "Numărul membrilor familiei",
                    "Number of people in the household",
                    "A háztartásban élők száma",
                ),
                "number",
            ),
            DETAILS,
        ),
    ),
)
