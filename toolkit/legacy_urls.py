"""Old addresses (before the paths were translated) answer with a permanent redirect to their new address.

Printed QR codes, certificates, e-mails already sent and bookmarks keep working. Each old route maps to the URL
name that now serves it; the captured values and the query string travel along, and the language comes from the
prefix (an old /en/… address lands on the English page). These patterns are included after all real ones, so a
path that did not change in a language (/praktijk/… in Dutch, /en/training/ in English) still reaches its view.
"""

from django.http import HttpResponsePermanentRedirect
from django.urls import path, reverse

# Old route (as it was in every urls.py, under the root prefix it had) -> the URL name that serves it now.
LEGACY_ROUTES = [
    # catalog/, was "catalog/"
    ("catalog/", "catalog:programme_list"),
    ("catalog/compare/", "catalog:compare"),
    ("catalog/hoe-wij-beoordelen/", "catalog:how_we_assess"),
    ("catalog/keuzehulp/", "catalog:keuzehulp"),
    ("catalog/keuzehulp/advies/", "catalog:keuzehulp_advice"),
    ("catalog/aanbieders/", "catalog:provider_list"),
    ("catalog/aanbieders/<slug:slug>/", "catalog:provider_detail"),
    ("catalog/<slug:slug>/", "catalog:programme_detail"),
    # training/
    ("training/", "training:course_list"),
    ("training/courses/<slug:slug>/", "training:course_detail"),
    ("training/courses/<slug:slug>/enrol/", "training:course_enrol"),
    ("training/courses/<slug:slug>/lessons/<int:lesson_id>/", "training:lesson_detail"),
    ("training/courses/<slug:slug>/lessons/<int:lesson_id>/done/", "training:lesson_complete"),
    ("training/courses/<slug:slug>/quiz/", "training:quiz"),
    ("training/courses/<slug:slug>/quiz/attempts/<int:attempt_id>/", "training:attempt_detail"),
    ("training/courses/<slug:slug>/certificate/", "training:certificate_detail"),
    ("training/certificates/", "training:certificate_lookup"),
    ("training/certificates/<str:code>/", "training:certificate_verify"),
    ("training/handleidingen/", "training:manual_list"),
    ("training/financiering/", "training:funding_list"),
    # account/ (Django's own paths)
    ("account/login/", "login"),
    ("account/logout/", "logout"),
    ("account/password_change/", "password_change"),
    ("account/password_change/done/", "password_change_done"),
    ("account/password_reset/", "password_reset"),
    ("account/password_reset/done/", "password_reset_done"),
    ("account/reset/<uidb64>/<token>/", "password_reset_confirm"),
    ("account/reset/done/", "password_reset_complete"),
    ("uitnodiging/<str:token>/", "accounts:invitation_accept"),
    # The workspace and the patient pages were Dutch in both languages; their Dutch paths did not change.
    ("praktijk/", "practices:choose"),
    ("praktijk/<slug:practice_slug>/", "practices:dashboard"),
    ("praktijk/<slug:practice_slug>/team/", "practices:members"),
    ("praktijk/<slug:practice_slug>/team/uitnodigen/", "practices:invite"),
    ("praktijk/<slug:practice_slug>/team/<int:membership_id>/rol/", "practices:membership_role"),
    ("praktijk/<slug:practice_slug>/team/<int:membership_id>/verwijderen/", "practices:membership_remove"),
    (
        "praktijk/<slug:practice_slug>/uitnodigingen/<int:invitation_id>/intrekken/",
        "practices:invitation_withdraw",
    ),
    ("praktijk/<slug:practice_slug>/instellingen/", "practices:settings"),
    ("praktijk/<slug:practice_slug>/logboek/", "practices:audit_log"),
    ("praktijk/<slug:practice_slug>/scholing/", "practices:training_overview"),
    ("praktijk/<slug:practice_slug>/visie/", "practices:vision"),
    ("praktijk/<slug:practice_slug>/visie/vaststellen/", "practices:vision_adopt"),
    ("praktijk/<slug:practice_slug>/visie/versies/", "practices:vision_versions"),
    ("praktijk/<slug:practice_slug>/visie/versies/<int:number>/", "practices:vision_version"),
    ("praktijk/<slug:practice_slug>/visie/afdrukken/", "practices:vision_print"),
    ("praktijk/<slug:practice_slug>/taakverdeling/", "practices:task_split"),
    ("praktijk/<slug:practice_slug>/populatie/", "practices:population"),
    ("praktijk/<slug:practice_slug>/aanbod/", "practices:menu"),
    ("praktijk/<slug:practice_slug>/aanbod/toevoegen/", "practices:menu_add"),
    ("praktijk/<slug:practice_slug>/aanbod/<int:item_id>/", "practices:menu_item_update"),
    ("praktijk/<slug:practice_slug>/aanbod/<int:item_id>/verwijderen/", "practices:menu_item_remove"),
    ("praktijk/<slug:practice_slug>/patientenpagina/", "practices:patient_page_settings"),
    ("praktijk/<slug:practice_slug>/patientenpagina/publiceren/", "practices:patient_page_publish"),
    ("p/<slug:practice_slug>/folder/", "practices:patient_leaflet"),
    ("p/<slug:practice_slug>/scherm/", "practices:patient_screen"),
]


def redirect_to_new_address(request, *, url_name, **kwargs):
    """301 to the page's current address in the request's language, with the same query string.

    A form posted from a page opened before the change gets a 308 instead, so the browser posts it again to the
    new address rather than turning it into a GET and losing what was typed.
    """
    url = reverse(url_name, kwargs=kwargs)
    query = request.META.get("QUERY_STRING", "")
    response = HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
    if request.method not in ("GET", "HEAD"):
        response.status_code = 308
    return response


urlpatterns = [path(route, redirect_to_new_address, {"url_name": name}) for route, name in LEGACY_ROUTES]
