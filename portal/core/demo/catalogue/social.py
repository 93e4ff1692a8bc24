"""Demo services of the Social Assistance Directorate."""

from __future__ import annotations

from decimal import Decimal

from ..common import CONTACT_FIELDS, DETAILS, HOME_ADDRESS
from ..schema import DocumentData, FAQData, FeeData, FormFieldData, ServiceData
from ..text import Text

SERVICES: tuple[ServiceData, ...] = (
    ServiceData(
        slug="ajutor-social",
        title=Text(
            "Ajutor social (venitul minim de incluziune)",
            "Social aid (minimum inclusion income)",
            "Szociális segély (minimális befogadási jövedelem)",
        ),
        summary=Text(
            "Sprijin lunar pentru familiile și persoanele singure cu venituri mici. Cererea se "
            "depune la primărie, iar plata o face Agenția Județeană pentru Plăți și Inspecție Socială.",
            "Monthly support for families and single people on low incomes. You apply at City Hall; "
            "the County Agency for Payments and Social Inspection makes the payments.",
            "Havi támogatás alacsony jövedelmű családoknak és egyedülállóknak. A kérelmet a "
            "polgármesteri hivatalban kell benyújtani, a kifizetést a Megyei Kifizetési és "
            "Szociális Felügyeleti Ügynökség végzi.",
        ),
        eligibility=Text(
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
        where_to_go=Text(
            "Direcția de Asistență Socială, Strada Cloșca nr. 2, parter",
            "Social Assistance Directorate, Strada Cloșca 2, ground floor",
            "Szociális Igazgatóság, Strada Cloșca 2., földszint",
        ),
        processing_days=30,
        documents=(
            DocumentData(
                Text(
                    "Cerere și declarație pe propria răspundere",
                    "Application and sworn statement",
                    "Kérelem és felelősségteljes nyilatkozat",
                ),
                Text("formular tip", "standard form", "formanyomtatvány"),
            ),
            DocumentData(
                Text(
                    "Actele de identitate ale tuturor membrilor familiei",
                    "Identity documents of all family members",
                    "Az összes családtag személyazonosító igazolványa",
                ),
                Text(
                    "și certificatele de naștere ale copiilor",
                    "and the children's birth certificates",
                    "és a gyermekek születési anyakönyvi kivonata",
                ),
            ),
            DocumentData(
                Text(
                    "Adeverințe de venit pentru luna anterioară",
                    "Proof of income for the previous month",
                    "Jövedelemigazolás az előző hónapról",
                )
            ),
            DocumentData(
                Text("Certificat de atestare fiscală", "Tax clearance certificate", "Helyi adóigazolás"),
                Text(
                    "pentru bunurile deținute",
                    "listing the property you own",
                    "a tulajdonában lévő vagyontárgyakról",
                ),
            ),
        ),
        fees=(FeeData(Text("Depunerea cererii", "Applying", "A kérelem benyújtása"), Decimal("0.00")),),
        faq=(
            FAQData(
                Text(
                    "Cât durează până primesc ajutorul?",
                    "How long until I receive the aid?",
                    "Mennyi idő múlva kapom meg a segélyt?",
                ),
                Text(
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
                Text(
                    "Trebuie să anunț schimbările de venit?",
                    "Do I have to report changes in income?",
                    "Be kell jelentenem a jövedelem változását?",
                ),
                Text(
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
                Text(
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
