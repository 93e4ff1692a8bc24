"""A service's online request form: contact details come from the fields the form declares as
the sender's (not from their names), values longer than the registry keeps are field errors
(run with DATABASE_URL=postgis://… too: there a too-long value used to be a 500), dates are
read as each language writes them, and the service page says when it is free or has no term."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import translation

from portal.documents.models import Document
from portal.services.models import ServiceFormField, ServicePage
from tests.factories import UserFactory, build_city

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return build_city()


@pytest.fixture
def marriage(city) -> ServicePage:
    """A form whose contact fields are not called name or address: two spouses, a home address."""
    service = ServicePage(title="Căsătoria civilă", slug="casatoria", summary="Declarația de căsătorie.")
    service.form_fields = [
        ServiceFormField(label="Primul soț", clean_name="spouse_1", field_type="singleline", role="name"),
        ServiceFormField(
            label="Al doilea soț", clean_name="spouse_2", field_type="singleline", role="name", required=False
        ),
        ServiceFormField(label="E-mail", clean_name="email", field_type="email", role="email"),
        ServiceFormField(
            label="Adresa de domiciliu", clean_name="home_address", field_type="singleline", role="address"
        ),
        ServiceFormField(label="Nume", clean_name="name", field_type="singleline", required=False),
        ServiceFormField(label="Data dorită", clean_name="wedding_date", field_type="date"),
    ]
    city.service.get_parent().add_child(instance=service)
    return service


def _post(client, service: ServicePage, **data):
    values = {
        "spouse_1": "Ana Pop",
        "spouse_2": "Ion Ilie",
        "email": "ana@example.org",
        "home_address": "Str. Mărului 3",
        "wedding_date": "2026-10-15",
    } | data
    return client.post(service.url, values)


def test_the_sender_is_who_the_form_declares(client, marriage, django_user_model):
    response = _post(client, marriage, name="A venue's name, not the sender")
    assert response.status_code == 302 and "/receipt/" in response["Location"]
    document = Document.objects.get()
    assert (document.sender_name, document.sender_email, document.sender_address) == (
        "Ana Pop, Ion Ilie",
        "ana@example.org",
        "Str. Mărului 3",
    )
    assert document.form_data["wedding_date"] == "2026-10-15"

    clerk = UserFactory(username="clerk", groups=["Registry clerks"])
    client.force_login(clerk)
    detail = client.get(f"/admin/registry/{document.pk}/").content.decode()
    assert "Ana Pop, Ion Ilie" in detail and "Str. Mărului 3" in detail and "ana@example.org" in detail


@pytest.mark.parametrize(
    ("field", "limit", "too_long"),
    [
        ("spouse_1", 200, "A" * 201),
        ("home_address", 255, "S" * 256),
        ("email", 254, "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 63 + ".ro"),
    ],
)
def test_longer_values_than_the_registry_keeps_are_field_errors(client, marriage, field, limit, too_long):
    assert len(too_long) > limit
    response = _post(client, marriage, **{field: too_long})
    assert response.status_code == 200
    html = response.content.decode()
    assert "field--error" in html and f"cel mult {limit} de caractere" in html
    assert not Document.objects.exists()


def test_values_at_the_limit_are_registered(client, marriage, city):
    longest_email = "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 58 + ".ro"
    assert len(longest_email) == 254
    response = _post(
        client, marriage, spouse_1="A" * 200, spouse_2="", home_address="S" * 255, email=longest_email
    )
    assert response.status_code == 302  # to the receipt
    document = Document.objects.get()
    assert (len(document.sender_name), len(document.sender_address), document.sender_email) == (
        200,
        255,
        longest_email,
    )
    phone = city.service.url
    assert client.post(phone, {"name": "Ion", "phone": "0" * 41}).status_code == 200
    assert Document.objects.count() == 1  # 41 digits: a field error, no second document
    assert client.post(phone, {"name": "Ion", "phone": "0" * 40}).status_code == 302
    assert Document.objects.get(sender_name="Ion").sender_phone == "0" * 40


def test_names_that_together_exceed_the_column_are_refused(client, marriage):
    response = _post(client, marriage, spouse_1="A" * 150, spouse_2="B" * 150)
    assert response.status_code == 200
    assert "field--error" in response.content.decode()
    assert not Document.objects.exists()


def test_counter_registration_refuses_a_too_long_email(client, city, django_user_model):
    clerk = UserFactory(username="clerk", groups=["Registry clerks"])
    client.force_login(clerk)
    email = "a" * 250 + "@x.ro"
    response = client.post(
        "/admin/registry/new/",
        {
            "channel": "counter",
            "subject": "Cerere",
            "sender_name": "Ion",
            "sender_email": email,
            "language": "ro",
        },
    )
    assert response.status_code == 200 and not Document.objects.exists()


@pytest.mark.parametrize(
    ("lang", "typed", "hint"),
    [
        ("ro", "15.10.2026", "15.10.2026"),
        ("ro", "2026-10-15", "15.10.2026"),
        ("en", "15/10/2026", "15/10/2026"),
        ("en", "2026-10-15", "15/10/2026"),
        ("hu", "2026. 10. 15.", "2026. 10. 15."),
        ("hu", "2026.10.15", "2026. 10. 15."),
        ("hu", "2026-10-15", "2026. 10. 15."),
    ],
)
def test_dates_are_read_as_each_language_writes_them(marriage, lang, typed, hint):
    with translation.override(lang):
        form = marriage.get_form_class()(
            {
                "spouse_1": "Ana",
                "spouse_2": "Ion",
                "email": "a@b.ro",
                "home_address": "X",
                "wedding_date": typed,
            },
            page=marriage,
        )
        assert form.is_valid(), form.errors
        assert form.cleaned_data["wedding_date"] == dt.date(2026, 10, 15)
        assert hint in str(form["wedding_date"].help_text)
        widget = str(form["wedding_date"])
        assert 'type="date"' in widget and 'value="2026-10-15"' in widget


@pytest.mark.parametrize("typed", ["10/15/2026", "31.02.2026", "mâine"])
def test_month_first_and_impossible_dates_are_refused_with_an_example(marriage, typed):
    with translation.override("en"):
        form = marriage.get_form_class()(
            {"spouse_1": "Ana", "email": "a@b.ro", "home_address": "X", "wedding_date": typed}, page=marriage
        )
        assert not form.is_valid()
        assert form.errors["wedding_date"] == ["Enter a real date, for example 15/10/2026."]


@pytest.mark.parametrize(
    ("lang", "free", "no_term"),
    [
        ("ro", "Gratuit", "Fără termen fix"),
        ("en", "Free of charge", "No fixed term"),
        ("hu", "Díjmentes", "Nincs rögzített határidő"),
    ],
)
def test_a_service_page_says_free_of_charge_and_no_fixed_term(client, city, lang, free, no_term):
    url = city.offline_service.url.replace("/ro/", f"/{lang}/")  # no fees, no legal term
    html = client.get(url).content.decode()
    assert f'<html lang="{lang}">' in html
    assert f'data-fact="cost">{free}<' in html
    assert f'data-fact="term">{no_term}<' in html
    html = client.get(city.service.url.replace("/ro/", f"/{lang}/")).content.decode()  # 30 days
    assert 'data-fact="term">30 ' in html and f'data-fact="cost">{free}<' in html


def test_editors_declare_the_roles_in_the_page_editor(client, marriage, django_user_model):
    editor = UserFactory(username="ed", groups=["Editors"])
    client.force_login(editor)
    html = client.get(f"/admin/pages/{marriage.pk}/edit/").content.decode()
    assert 'name="form_fields-0-role"' in html and "Numele expeditorului" in html


def test_existing_forms_get_the_roles_the_registry_used_to_guess(city):
    """The data migration: fields made before roles keep filling the sender's details."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("portal.services.migrations.0003_declare_sender_roles")
    for order, field in enumerate(ServiceFormField.objects.filter(page=city.service).order_by("pk")):
        ServiceFormField.objects.filter(pk=field.pk).update(role="", sort_order=order)
    extra = ServiceFormField.objects.create(
        page=city.service, label="Al doilea e-mail", clean_name="email_2", field_type="email", sort_order=9
    )
    migration.declare_roles(apps, None)
    roles = dict(ServiceFormField.objects.filter(page=city.service).values_list("clean_name", "role"))
    assert roles == {"name": "name", "email": "email", "phone": "phone", "details": "", extra.clean_name: ""}


def test_names_and_addresses_are_joined_an_email_is_the_first_given():
    from types import SimpleNamespace

    from portal.documents.forms import sender_details

    fields = [
        SimpleNamespace(clean_name=name, role=role)
        for name, role in [
            ("spouse_1", "name"),
            ("spouse_2", "name"),
            ("email_1", "email"),
            ("email_2", "email"),
            ("street", "address"),
            ("town", "address"),
            ("venue", ""),
        ]
    ]
    answers = {
        "spouse_1": "Ana Pop",
        "spouse_2": "Ion Ilie",
        "email_1": "",
        "email_2": "ion@example.org",
        "street": "Str. Mărului 3",
        "town": "Arad",
        "venue": "Palatul Cultural",
    }
    assert sender_details(fields, answers) == {
        "sender_name": "Ana Pop, Ion Ilie",
        "sender_email": "ion@example.org",
        "sender_phone": "",
        "sender_address": "Str. Mărului 3, Arad",
    }
