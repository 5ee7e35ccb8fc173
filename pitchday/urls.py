from django.urls import path

from .views import grants as g

app_name = "pitchday"

urlpatterns = [
    # seed grants: the grantee
    path("subvenciones/", g.grant_list, name="grant_list"),
    path("subvenciones/<str:reference>/", g.grant_detail, name="grant_detail"),
    path("subvenciones/<str:reference>/acuerdo/", g.grant_agreement, name="grant_agreement"),
    path(
        "subvenciones/<str:reference>/hitos/<int:pk>/", g.milestone_detail, name="milestone_detail"
    ),
    path("evidencia/<int:pk>/archivo/", g.evidence_file, name="evidence_file"),
    path("datos-de-pago/", g.payout_details, name="payout_details"),
    path("datos-de-pago/confirmar/", g.payout_confirm, name="payout_confirm"),
    path("datos-de-pago/reenviar-codigo/", g.payout_resend, name="payout_resend"),
    path("datos-de-pago/stripe/", g.payout_stripe_start, name="payout_stripe_start"),
    # sponsors
    path("aportar/<int:fund_pk>/", g.contribute, name="contribute"),
    path("aportar/gracias/", g.contribute_thanks, name="contribute_thanks"),
    # staff and finance desk
    path("gestion/", g.desk_home, name="desk_home"),
    path("gestion/subvenciones/", g.desk_grants, name="desk_grants"),
    path("gestion/subvenciones/<str:reference>/", g.desk_grant, name="desk_grant"),
    path(
        "gestion/subvenciones/<str:reference>/uso-de-fondos.csv",
        g.use_of_funds_export,
        name="use_of_funds_export",
    ),
    path(
        "gestion/subvenciones/<str:reference>/pedir-datos/",
        g.desk_request_payout_update,
        name="desk_request_payout_update",
    ),
    path(
        "gestion/tramos/<int:pk>/solicitar-pago/",
        g.desk_request_payment,
        name="desk_request_payment",
    ),
    path("gestion/hitos/", g.desk_milestones, name="desk_milestones"),
    path("gestion/hitos/<int:pk>/revisar/", g.desk_milestone_review, name="desk_milestone_review"),
    path("gestion/desembolsos/", g.desk_disbursements, name="desk_disbursements"),
    path(
        "gestion/desembolsos/<int:pk>/comprobante/", g.disbursement_proof, name="disbursement_proof"
    ),
    path(
        "gestion/desembolsos/<int:pk>/<slug:action>/",
        g.desk_disbursement_action,
        name="desk_disbursement_action",
    ),
    path("gestion/conciliacion/", g.desk_reconciliation, name="desk_reconciliation"),
]
