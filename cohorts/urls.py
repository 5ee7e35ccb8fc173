from django.urls import path

from . import views

app_name = "cohorts"

urlpatterns = [
    path("", views.cohort_list, name="list"),
    path("mis-solicitudes/", views.my_applications, name="mine"),
    path("solicitudes/<int:pk>/", views.application_detail, name="application"),
    path("solicitudes/<int:pk>/paso/<slug:step>/", views.application_step, name="step"),
    path(
        "solicitudes/<int:pk>/documentos/<int:doc_pk>/borrar/",
        views.document_delete,
        name="document_delete",
    ),
    path("solicitudes/<int:pk>/retirar/", views.application_withdraw, name="withdraw"),
    path("solicitudes/<int:pk>/oferta/", views.offer_respond, name="offer"),
    path("documentos/<int:pk>/", views.document_download, name="document"),
    path("revision/", views.review_queue, name="review_queue"),
    path("revision/conflictos/", views.review_conflicts, name="review_conflicts"),
    path("revision/<int:pk>/", views.review_detail, name="review"),
    path("revision/<int:pk>/abstenerse/", views.review_abstain, name="review_abstain"),
    path("participante/<slug:slug>/", views.participant_home, name="participant"),
    path("<slug:slug>/", views.cohort_detail, name="detail"),
    path("<slug:slug>/requisitos/", views.prescreen, name="prescreen"),
    path("<slug:slug>/postular/", views.application_start, name="start"),
]
