"""Training URLs, under /training/: e-learning, certificate checks, manuals (handleidingen), funding."""

from django.urls import path

from training import views

app_name = "training"
urlpatterns = [
    path("", views.course_list, name="course_list"),
    path("courses/<slug:slug>/", views.course_detail, name="course_detail"),
    path("courses/<slug:slug>/enrol/", views.course_enrol, name="course_enrol"),
    path("courses/<slug:slug>/lessons/<int:lesson_id>/", views.lesson_detail, name="lesson_detail"),
    path("courses/<slug:slug>/lessons/<int:lesson_id>/done/", views.lesson_complete, name="lesson_complete"),
    path("courses/<slug:slug>/quiz/", views.quiz, name="quiz"),
    path("courses/<slug:slug>/quiz/attempts/<int:attempt_id>/", views.attempt_detail, name="attempt_detail"),
    path("courses/<slug:slug>/certificate/", views.certificate_detail, name="certificate_detail"),
    path("certificates/", views.certificate_lookup, name="certificate_lookup"),
    path("certificates/<str:code>/", views.certificate_verify, name="certificate_verify"),
    path("handleidingen/", views.manual_list, name="manual_list"),
    path("financiering/", views.funding_list, name="funding_list"),
]
