from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.my_data, name="my_data"),
    path("descargar/", views.download, name="download"),
    path("descargas/<int:pk>/", views.export_file, name="export_file"),
    path("autorizaciones/<str:purpose>/revocar/", views.revoke, name="revoke"),
    path("solicitudes/", views.request_create, name="request_create"),
]
