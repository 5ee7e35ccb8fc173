from django.urls import path

from . import views

app_name = "mentors"

urlpatterns = [
    path("", views.home, name="home"),
    path("postular/", views.apply, name="apply"),
    path("perfil/", views.profile, name="profile"),
    path("emparejamientos/<int:pk>/", views.match_detail, name="match_detail"),
    path("emparejamientos/<int:pk>/aceptar/", views.match_accept, name="match_accept"),
    path("emparejamientos/<int:pk>/rechazar/", views.match_decline, name="match_decline"),
    path("emparejamientos/<int:pk>/terminar/", views.match_end_request, name="match_end_request"),
    path("mi-mentoria/", views.my_mentorship, name="my_mentorship"),
    path("directorio/", views.directory, name="directory"),
    path(
        "directorio/<int:mentor_pk>/solicitar/", views.directory_request, name="directory_request"
    ),
    path("disponibilidad/", views.availability, name="availability"),
    path("reservar/", views.book, name="book"),
    path("reservar/zona-horaria/", views.book_timezone, name="book_timezone"),
    path("sesiones/", views.sessions, name="sessions"),
    path("sesiones/<int:pk>/cancelar/", views.booking_cancel, name="booking_cancel"),
    path("sesiones/<int:pk>/calendario.ics", views.booking_calendar, name="booking_calendar"),
    path("sesiones/<int:pk>/registro/", views.session_log, name="session_log"),
    path("registros/<int:pk>/confirmar/", views.session_confirm, name="session_confirm"),
    path("tareas/<int:pk>/", views.action_item_toggle, name="action_item_toggle"),
    path("mi-semana/", views.mentor_week, name="week"),
    path("emparejamientos/<int:match_pk>/proponer/", views.booking_propose, name="booking_propose"),
    path("sesiones/<int:pk>/responder/", views.booking_respond, name="booking_respond"),
    path("sesiones/<int:pk>/cambiar/", views.booking_reschedule, name="booking_reschedule"),
    path("emparejamientos/<int:pk>/metas/", views.goal_add, name="goal_add"),
    path("metas/<int:pk>/estado/", views.goal_status, name="goal_status"),
    path("calendario/renovar/", views.calendar_feed_rotate, name="calendar_feed_rotate"),
    path("calendario/<str:token>.ics", views.calendar_feed, name="calendar_feed"),
]
