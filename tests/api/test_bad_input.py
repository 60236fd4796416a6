"""Bad input answers 4xx JSON naming the parameter: never a 500, never all rows."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/meetings/?date_from=2023-13-01", "date_from"),
        ("/api/v1/meetings/?date_to=yesterday", "date_to"),
        ("/api/v1/meetings/?date_from=2023-06-01&date_to=2023-01-01", "date_to"),
        ("/api/v1/meetings/?participant=nobody", "participant"),
        ("/api/v1/meetings/?participant=nikol-pashinyan&participant=nobody", "participant"),
        ("/api/v1/meetings/?mediator=nobody", "mediator"),
        ("/api/v1/meetings/?kind=bogus", "kind"),
        ("/api/v1/meetings/?status=maybe", "status"),
        ("/api/v1/meetings/?place=atlantis", "place"),
        ("/api/v1/meetings/?topic=nothing", "topic"),
        ("/api/v1/meetings/?country=arm", "country"),
        ("/api/v1/meetings/?page=abc", "page"),
        ("/api/v1/meetings/?page=0", "page"),
        ("/api/v1/meetings/?page_size=501", "page_size"),
        ("/api/v1/meetings/?page_size=0", "page_size"),
        ("/api/v1/meetings/?page_size=ten", "page_size"),
        ("/api/v1/meetings/?ordering=bogus", "ordering"),
        ("/api/v1/meetings/?partcipant=nikol-pashinyan", "partcipant"),
        ("/api/v1/meetings/?updated_since=last-week", "updated_since"),
        ("/api/v1/meetings/?format=xml", "format"),
        ("/api/v1/statements/?meeting=abc", "meeting"),
        ("/api/v1/statements/?meeting=999", "meeting"),
        ("/api/v1/statements/?speaker=nobody", "speaker"),
        ("/api/v1/incidents/?min_fatalities=-1", "min_fatalities"),
        ("/api/v1/incidents/?min_fatalities=many", "min_fatalities"),
        ("/api/v1/incidents/?actor=nobody", "actor"),
        ("/api/v1/actors/?kind=robot", "kind"),
        ("/api/v1/meetings/?topic=peace-treaty&topic=transport-links", "topic"),
        ("/api/v1/incidents/?actor=armenia&actor=azerbaijan", "actor"),
        ("/api/v1/meetings/?date_from=2023-01-01&date_from=2023-02-01", "date_from"),
        ("/api/v1/meetings/?ordering=date&ordering=-id", "ordering"),  # use ordering=date,-id
    ],
)
def test_invalid_query_answers_400_naming_the_parameter(client, sample, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert parameter in response.json()


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/meetings/?page=99",
        "/api/v1/meetings/9999/",
        "/api/v1/statements/9999/",
        "/api/v1/incidents/9999/",
        "/api/v1/actors/nobody/",
        "/api/v1/places/atlantis/",
    ],
)
def test_missing_pages_and_records_answer_404_json(client, sample, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "detail" in response.json() or "page" in response.json()


def test_unknown_path_answers_json_404_when_debug_is_off(client, db, settings):
    settings.DEBUG = False
    response = client.get("/api/v1/meetings/not-a-number/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_unknown_host_answers_json_400_without_internals(client, db, settings):
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["parley.example.org"]
    response = client.get("/api/v1/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    assert response.json() == {"detail": "Bad request."}


def test_a_read_with_an_invalid_token_is_a_documented_401(client, db):
    response = client.get("/api/v1/meetings/", HTTP_AUTHORIZATION="Token not-a-real-token")
    assert response.status_code == 401
    schema = client.get("/api/schema/?format=json").json()
    assert "401" in schema["paths"]["/api/v1/meetings/"]["get"]["responses"]
