from django.urls import path

from . import views

app_name = "curriculum"

urlpatterns = [
    path("", views.start, name="start"),
    path("buscar/", views.search, name="search"),
    path("mi-aprendizaje/", views.my_learning, name="my_learning"),
    path("lecciones/<int:lesson_id>/completar/", views.lesson_complete, name="lesson_complete"),
    path("lecciones/<int:lesson_id>/quiz/<str:quiz_id>/", views.quiz_submit, name="quiz_submit"),
    path(
        "lecciones/<int:lesson_id>/quiz/<str:quiz_id>/sin-conexion/",
        views.quiz_submit_offline,
        name="quiz_submit_offline",
    ),
    path("sin-conexion/", views.learn_offline, name="learn_offline"),
    path("sin-conexion/<int:page_id>.json", views.offline_bundle, name="offline_bundle"),
    path("app.webmanifest", views.web_manifest, name="web_manifest"),
    path("certificados/<str:code>/", views.certificate, name="certificate"),
    path("verificar/", views.verify, name="verify_form"),
    path("verificar/<str:code>/", views.verify, name="verify"),
]
