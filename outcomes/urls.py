from django.urls import path

from . import views, views_alumni

app_name = "outcomes"

urlpatterns = [
    path("encuesta/<str:token>/", views.answer, name="answer"),
    path("egresados/", views.alumni_directory, name="alumni_directory"),
    path("egresados/mi-tarjeta/", views.alumni_card, name="alumni_card"),
    path("egresados/mis-permisos/", views_alumni.consents, name="consents"),
    path(
        "egresados/mis-permisos/historia/",
        views_alumni.consent_story_give,
        name="consent_story_give",
    ),
    path(
        "egresados/mis-permisos/historia/retirar/",
        views_alumni.consent_story_withdraw,
        name="consent_story_withdraw",
    ),
    path(
        "egresados/mis-permisos/directorio/retirar/",
        views_alumni.consent_directory_withdraw,
        name="consent_directory_withdraw",
    ),
    path(
        "egresados/mis-permisos/investigacion/retirar/",
        views_alumni.consent_research_withdraw,
        name="consent_research_withdraw",
    ),
    path("egresados/invitaciones/", views_alumni.invitations, name="invitations"),
    path(
        "egresados/invitaciones/<int:pk>/responder/",
        views_alumni.invitation_answer,
        name="invitation_answer",
    ),
]
