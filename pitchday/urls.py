from django.urls import path

from .views import events as e
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
    path("gestion/subvenciones/nueva/", g.desk_grant_create, name="desk_grant_create"),
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
    # pitch day
    path("eventos/", e.event_list, name="event_list"),
    path("eventos/<int:pk>/", e.event_detail, name="event_detail"),
    path("eventos/<int:pk>/estado/", e.event_transition, name="event_transition"),
    path("eventos/<int:pk>/jurados/invitar/", e.judge_invite, name="judge_invite"),
    path("eventos/<int:pk>/jurados/responder/", e.judge_respond, name="judge_respond"),
    path("eventos/<int:pk>/jurados/conflicto/", e.judge_conflict, name="judge_conflict"),
    path("eventos/<int:pk>/orden/", e.running_order, name="running_order"),
    path("eventos/<int:pk>/mi-pitch/", e.pitch_submit, name="pitch_submit"),
    path("eventos/<int:pk>/mis-resultados/", e.my_results, name="my_results"),
    path("eventos/<int:pk>/calificar/", e.judge_home, name="judge_home"),
    path("eventos/<int:pk>/calificar/<int:pitch_pk>/", e.judge_pitch, name="judge_pitch"),
    path("eventos/<int:pk>/calificar/<int:pitch_pk>/puntaje/", e.score_save, name="score_save"),
    path(
        "eventos/<int:pk>/calificar/<int:pitch_pk>/comentario/", e.comment_save, name="comment_save"
    ),
    path("eventos/<int:pk>/resultados/", e.leaderboard, name="leaderboard"),
    path("eventos/<int:pk>/premios/", e.awards, name="awards"),
    path("eventos/<int:pk>/ganadores/", e.winners, name="winners"),
    path("eventos/<int:pk>/voto-qr.svg", e.vote_qr, name="vote_qr"),
    path("pitches/<int:pk>/deck/", e.deck_file, name="deck_file"),
    path("votar/<str:token>/", e.audience_vote, name="audience_vote"),
]
