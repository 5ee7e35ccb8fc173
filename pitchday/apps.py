from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PitchdayConfig(AppConfig):
    name = "pitchday"
    verbose_name = _("Pitch day and seed grants")
