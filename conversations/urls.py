from django.urls import path

from . import views

app_name = "conversations"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:match_id>/", views.thread, name="thread"),
    path("<int:match_id>/preocupacion/", views.concern, name="concern"),
    path("sesion/<int:booking_id>/inasistencia/", views.no_show, name="no_show"),
    path("reportes/", views.reports, name="reports"),
]
