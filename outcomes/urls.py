from django.urls import path

from . import views

app_name = "outcomes"

urlpatterns = [
    path("encuesta/<str:token>/", views.answer, name="answer"),
    path("egresados/", views.alumni_directory, name="alumni_directory"),
    path("egresados/mi-tarjeta/", views.alumni_card, name="alumni_card"),
]
