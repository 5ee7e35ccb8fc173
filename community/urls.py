from django.urls import path

from . import views

app_name = "community"

urlpatterns = [
    path("", views.guides, name="guides"),
    # employer partners: public
    path("empleadores/", views.partners, name="partners"),
    path("empleadores/registro/", views.employer_register, name="employer_register"),
    path(
        "empleadores/registro/gracias/",
        views.employer_register_thanks,
        name="employer_register_thanks",
    ),
    path("empleadores/e/<slug:slug>/", views.partner, name="partner"),
    # the partner's space
    path("mi-empresa/", views.employer_home, name="employer_home"),
    path("mi-empresa/publicar/", views.post_create, name="post_create"),
    path("mi-empresa/publicaciones/<int:pk>/", views.employer_post, name="employer_post"),
    path(
        "mi-empresa/publicaciones/<int:pk>/estado/",
        views.employer_post_status,
        name="employer_post_status",
    ),
    path("mi-empresa/respuestas/<int:pk>/responder/", views.answer_reply, name="answer_reply"),
    # participants and alumni
    path("oportunidades/", views.opportunities, name="opportunities"),
    path("oportunidades/<int:pk>/", views.opportunity, name="opportunity"),
]
