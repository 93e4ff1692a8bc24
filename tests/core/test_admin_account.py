import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command


@pytest.mark.django_db
def test_ensure_admin_prints_the_password_once_and_it_works(capsys, client):
    call_command("ensure_admin")
    first = capsys.readouterr().out
    call_command("ensure_admin")
    second = capsys.readouterr().out

    password = first.split("password: ")[1].split()[0]
    assert get_user_model().objects.get(username="admin").is_superuser
    assert password not in second and "exists" in second
    assert client.login(username="admin", password=password)
    assert client.get("/admin/").status_code == 200
