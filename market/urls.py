from django.urls import path

from . import views

app_name = "market"

urlpatterns = [
    # the showcase (public) and "support this business"
    path("", views.showcase_list, name="showcase_list"),
    path("negocios/<int:pk>/", views.showcase_detail, name="showcase_detail"),
    path("negocios/<int:pk>/apoyar/", views.interest_create, name="interest_create"),
    # the person's card and her answers to interests
    path("mi-vitrina/", views.my_showcase, name="my_showcase"),
    path("mi-vitrina/retirar/", views.showcase_withdraw, name="showcase_withdraw"),
    path("mi-vitrina/interes/<int:pk>/", views.interest_answer, name="interest_answer"),
    # access to finance
    path("finanzas/", views.providers, name="providers"),
    path("finanzas/mi-preparacion/", views.readiness, name="readiness"),
    path("finanzas/mis-remisiones/", views.my_referrals, name="my_referrals"),
    path("finanzas/remisiones/<int:pk>/estado/", views.referral_move, name="referral_move"),
    # staff desk
    path("gestion/intereses/", views.desk_interests, name="desk_interests"),
    path("gestion/intereses/<int:pk>/", views.desk_interest, name="desk_interest"),
    path(
        "gestion/intereses/<int:pk>/<slug:action>/",
        views.desk_interest_action,
        name="desk_interest_action",
    ),
    path("gestion/remisiones/", views.desk_referrals, name="desk_referrals"),
]
