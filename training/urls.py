"""Training URLs: e-learning, manuals (handleidingen) and funding under /scholing/, certificate checks under
/certificaat/ (short, since it is printed on every certificate).

Paths are translated (English msgid, Dutch msgstr in training's .po); the names never change. Both prefixes live
here rather than in the root URLs so the app keeps one namespace.
"""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from training import views

app_name = "training"

training_patterns = [
    path("", views.course_list, name="course_list"),
    path(_("courses/<slug:slug>/"), views.course_detail, name="course_detail"),
    path(_("courses/<slug:slug>/enrol/"), views.course_enrol, name="course_enrol"),
    path(_("courses/<slug:slug>/lessons/<int:lesson_id>/"), views.lesson_detail, name="lesson_detail"),
    path(_("courses/<slug:slug>/lessons/<int:lesson_id>/done/"), views.lesson_complete, name="lesson_complete"),
    path(_("courses/<slug:slug>/quiz/"), views.quiz, name="quiz"),
    path(_("courses/<slug:slug>/quiz/attempts/<int:attempt_id>/"), views.attempt_detail, name="attempt_detail"),
    path(_("courses/<slug:slug>/certificate/"), views.certificate_detail, name="certificate_detail"),
    path(_("manuals/"), views.manual_list, name="manual_list"),
    path(_("funding/"), views.funding_list, name="funding_list"),
]

certificate_patterns = [
    path("", views.certificate_lookup, name="certificate_lookup"),
    path("<str:code>/", views.certificate_verify, name="certificate_verify"),
]

urlpatterns = [
    path(_("training/"), include(training_patterns)),
    path(_("certificate/"), include(certificate_patterns)),
]
