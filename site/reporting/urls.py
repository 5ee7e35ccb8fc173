"""The funders' page of indicators on the public site (the console has its own)."""

from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("", views.funder_dashboard, name="funder"),
]
