from django.apps import AppConfig
from django.db.models import fields
from django.forms import models as model_forms
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class SemillaConfig(AppConfig):
    name = "semilla"
    label = "semilla"
    verbose_name = _("Semilla")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # lazy: app loading (apps.py is imported before the models exist)
        from . import choice_labels, signals  # noqa: F401  (signals: registers handlers)
        from .exports import install_wagtail_writer
        from .reporting.panels import register as register_reporting_panel
        from .table_cache import install_everywhere

        install_everywhere()  # every write bumps its tables' generations (table_cache)

        install_wagtail_writer()
        register_reporting_panel()  # programme staff's link to the indicators in "Mi espacio"
        install_readable_empty_choice()
        choice_labels.install_everywhere()  # get_<field>_display reads a kept table


#: What an empty choice says in every select of the site and the console ("Elige…"), in
#: place of Django's bare "---------".
EMPTY_CHOICE_LABEL = _("Choose…")


def install_readable_empty_choice() -> None:
    """Django writes "---------" in two places, both defaults: the blank choice of a model
    field's choices (the list ``BLANK_CHOICE_DASH``, shared by reference) and the empty
    label of a ``ModelChoiceField`` (a keyword default). Both are set here, once, so every
    form (ours, Wagtail's editing forms of our models) reads the same."""

    fields.BLANK_CHOICE_DASH[:] = [("", EMPTY_CHOICE_LABEL)]
    defaults = model_forms.ModelChoiceField.__init__.__kwdefaults__
    if defaults.get("empty_label") == "---------":
        defaults["empty_label"] = EMPTY_CHOICE_LABEL


class SemillaUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with our listing of people (search by name: see
    semilla.console_users)."""

    user_viewset = "semilla.console_users.PeopleViewSet"
