"""Demo services of the Environment and Green Spaces Service: trees and dogs."""

from __future__ import annotations

from decimal import Decimal

from ..common import (
    ADDRESS,
    APPLICATION_FORM,
    CONTACT_FIELDS,
    DETAILS,
    ENVIRONMENT_DESK,
    HOME_ADDRESS,
    ID_DOCUMENT,
)
from ..schema import DocumentData, FAQData, FeeData, FormFieldData, ServiceData
from ..text import Text

SERVICES: tuple[ServiceData, ...] = (
    ServiceData(
        slug="aviz-taiere-arbori",
        title=Text(
            "Aviz pentru tăierea sau toaletarea arborilor",
            "Approval to fell or prune trees",
            "Fakivágási és gallyazási engedély",
        ),
        summary=Text(
            "Arborii de pe domeniul public și din curțile private se taie sau se toaletează numai cu "
            "avizul primăriei. Un specialist evaluează arborele pe teren și stabilește, dacă este "
            "cazul, câți arbori trebuie plantați în compensare.",
            "Trees on public land and in private gardens may only be felled or pruned with City "
            "Hall's approval. A specialist inspects the tree on site and, where needed, sets how "
            "many trees must be planted in compensation.",
            "A közterületen és a magánkertekben álló fákat csak a hivatal engedélyével lehet "
            "kivágni vagy gallyazni. Egy szakember a helyszínen felméri a fát, és szükség esetén "
            "előírja, hány fát kell pótlásként ültetni.",
        ),
        eligibility=Text(
            "<p>Proprietarii sau administratorii terenului pe care se află arborele; pentru blocuri, "
            "asociația de proprietari.</p>",
            "<p>The owners or managers of the land where the tree stands; for blocks of flats, the "
            "owners' association.</p>",
            "<p>A fa helye szerinti telek tulajdonosai vagy kezelői; társasházak esetén a "
            "lakástulajdonosi társulás.</p>",
        ),
        department="mediu",
        where_to_go=ENVIRONMENT_DESK,
        processing_days=30,
        documents=(
            APPLICATION_FORM,
            DocumentData(Text("Fotografii ale arborelui", "Photos of the tree", "Fényképek a fáról")),
            DocumentData(
                Text(
                    "Dovada proprietății sau a dreptului de folosință asupra terenului",
                    "Proof of ownership or right to use the land",
                    "A telek tulajdonjogát vagy használati jogát igazoló irat",
                )
            ),
            DocumentData(
                Text(
                    "Acordul asociației de proprietari",
                    "Consent of the owners' association",
                    "A lakástulajdonosi társulás hozzájárulása",
                ),
                Text(
                    "pentru arborii din jurul blocurilor",
                    "for trees around blocks of flats",
                    "társasházak körüli fák esetén",
                ),
            ),
        ),
        fees=(FeeData(Text("Evaluarea pe teren", "Site inspection", "Helyszíni szemle"), Decimal("0.00")),),
        faq=(
            FAQData(
                Text(
                    "Ce se întâmplă dacă tai un arbore fără aviz?",
                    "What if I fell a tree without approval?",
                    "Mi történik, ha engedély nélkül vágok ki egy fát?",
                ),
                Text(
                    "<p>Tăierea fără aviz se sancționează cu amendă, iar proprietarul trebuie să "
                    "planteze arbori în compensare.</p>",
                    "<p>Felling without approval is fined, and the owner must plant trees in "
                    "compensation.</p>",
                    "<p>Az engedély nélküli fakivágás bírsággal jár, és a tulajdonosnak pótlásként "
                    "fákat kell ültetnie.</p>",
                ),
            ),
            FAQData(
                Text(
                    "Cine toaletează arborii de pe stradă?",
                    "Who prunes the trees along the streets?",
                    "Ki gallyazza az utcai fákat?",
                ),
                Text(
                    "<p>Arborii de pe domeniul public sunt întreținuți de primărie. Dacă un arbore "
                    "de pe stradă vi se pare periculos, semnalați-l prin acest formular.</p>",
                    "<p>City Hall looks after trees on public land. If a street tree looks "
                    "dangerous, report it with this form.</p>",
                    "<p>A közterületi fákat a hivatal gondozza. Ha egy utcai fát veszélyesnek lát, "
                    "jelezze ezen az űrlapon.</p>",
                ),
            ),
        ),
        form_fields=(
            *CONTACT_FIELDS,
            ADDRESS,
            FormFieldData(
                "work",
                Text("Lucrarea solicitată", "Work requested", "Kért munka"),
                "dropdown",
                choices=Text("Tăiere\nToaletare", "Felling\nPruning", "Kivágás\nGallyazás"),
            ),
            FormFieldData("trees", Text("Numărul de arbori", "Number of trees", "A fák száma"), "number"),
            DETAILS,
        ),
    ),
    ServiceData(
        slug="inregistrarea-cainelui",
        title=Text(
            "Înregistrarea câinelui cu stăpân", "Registering a pet dog", "Gazdás kutya nyilvántartásba vétele"
        ),
        summary=Text(
            "Câinii cu stăpân trebuie să fie microcipați, sterilizați (cu excepția celor de rasă "
            "înscriși pentru reproducere) și înscriși în registrul primăriei.",
            "Pet dogs must be microchipped, neutered (except pedigree dogs registered for breeding) "
            "and entered in City Hall's register.",
            "A gazdás kutyákat mikrochippel kell ellátni, ivartalanítani kell (a tenyésztésre "
            "bejegyzett fajtatiszta kutyák kivételével), és be kell jegyezni a hivatal "
            "nyilvántartásába.",
        ),
        eligibility=Text(
            "<p>Stăpânii de câini care locuiesc în municipiul Arad.</p>",
            "<p>Dog owners who live in Arad.</p>",
            "<p>Aradon élő kutyatulajdonosok.</p>",
        ),
        department="mediu",
        where_to_go=ENVIRONMENT_DESK,
        processing_days=5,
        documents=(
            DocumentData(
                Text("Carnetul de sănătate al câinelui", "The dog's health booklet", "A kutya oltási könyve")
            ),
            DocumentData(
                Text("Dovada microcipării", "Proof of microchipping", "A mikrochip beültetésének igazolása"),
                Text("cu codul microcipului", "with the microchip number", "a chip azonosítójával"),
            ),
            DocumentData(
                Text(
                    "Dovada sterilizării sau certificatul de rasă",
                    "Proof of neutering or pedigree certificate",
                    "Ivartalanítási igazolás vagy törzskönyv",
                )
            ),
            ID_DOCUMENT,
        ),
        fees=(
            FeeData(Text("Înscrierea în registru", "Registration", "Nyilvántartásba vétel"), Decimal("0.00")),
        ),
        faq=(
            FAQData(
                Text(
                    "Unde pot steriliza gratuit câinele?",
                    "Where can I have my dog neutered for free?",
                    "Hol ivartalaníttathatom ingyen a kutyámat?",
                ),
                Text(
                    "<p>Primăria organizează periodic campanii de sterilizare gratuită pentru câinii "
                    "metiși ai arădenilor. Datele sunt anunțate la Noutăți.</p>",
                    "<p>City Hall regularly runs free neutering campaigns for mixed-breed dogs owned "
                    "by Arad residents. Dates are announced in the News section.</p>",
                    "<p>A hivatal rendszeresen szervez ingyenes ivartalanítási kampányt az aradiak "
                    "keverék kutyái számára. Az időpontokat a Hírek rovatban tesszük közzé.</p>",
                ),
            ),
        ),
        form_fields=(
            *CONTACT_FIELDS,
            HOME_ADDRESS,
            FormFieldData("dog_name", Text("Numele câinelui", "The dog's name", "A kutya neve")),
            FormFieldData(
                "microchip", Text("Codul microcipului", "Microchip number", "A mikrochip azonosítója")
            ),
            FormFieldData(
                "dog_birth_date",
                Text("Data nașterii câinelui", "The dog's date of birth", "A kutya születési dátuma"),
                "date",
                required=False,
            ),
        ),
    ),
)
