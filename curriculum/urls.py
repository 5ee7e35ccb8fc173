from django.urls import path

from . import views

app_name = "curriculum"

urlpatterns = [
    path("", views.start, name="start"),
    path("buscar/", views.search, name="search"),
    path("mi-aprendizaje/", views.my_learning, name="my_learning"),
    path("lecciones/<int:lesson_id>/completar/", views.lesson_complete, name="lesson_complete"),
    path("lecciones/<int:lesson_id>/quiz/<str:quiz_id>/", views.quiz_submit, name="quiz_submit"),
    path("certificados/<str:code>/", views.certificate, name="certificate"),
    path("verificar/", views.verify, name="verify_form"),
    path("verificar/<str:code>/", views.verify, name="verify"),
]
