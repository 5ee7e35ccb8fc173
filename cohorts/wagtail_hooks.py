"""The staff console for cohorts: programmes, cohorts (with eligibility rules), rubrics,
applications (read-only, with filters), review assignments, conflicts, workshops and
participants, plus the selection screen (ranking, decisions, release), attendance and the
CSV export."""

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from semilla.console import (
    ConsoleIndexView,
    ConsoleViewSet,
    ListQuerysetMixin,
    ReadableInspectMixin,
    sensitive_fields_of,
)
from semilla.enums import DocumentType, PopulationGroup, Role, Sector, Skill
from semilla.forms import Checkboxes
from semilla.privacy import audit_access
from semilla.service_call import call_service

from . import admin_views, selectors, services
from .conflicts import business_key, text_key
from .enums import BusinessStage, CohortLanguage, ConflictKind
from .models import (
    Application,
    Cohort,
    Participant,
    Programme,
    ReviewAssignment,
    ReviewerConflict,
    Rubric,
    Workshop,
)
from .permissions import may_see_sensitive


class LinkColumn(Column):
    cell_template_name = "cohorts/admin/link_cell.html"

    def __init__(self, name, *, url_name, link_label, **kwargs):
        # the cell shows a link, not a value: read the pk, never an attribute named like
        # the column (a workshop's "attendance" is a related manager)
        kwargs.setdefault("accessor", "pk")
        super().__init__(name, **kwargs)
        self.url_name = url_name
        self.link_label = link_label

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["url"] = reverse(self.url_name, args=[instance.pk])
        context["link_label"] = self.link_label
        return context


# --- Programmes and cohorts ---------------------------------------------------------------


class ProgrammeViewSet(ListQuerysetMixin, ModelViewSet):
    model = Programme
    icon = "folder-open-inverse"
    menu_label = _("Programmes")
    add_to_admin_menu = False
    copy_view_enabled = False
    form_fields = ["name", "description", "funder_name"]
    list_display = ["name", "funder_name"]
    search_fields = ["name", "funder_name"]


class CohortAdminForm(WagtailAdminModelForm):
    allowed_stages = Checkboxes(
        _("Business stages accepted"),
        BusinessStage.choices,
        required=False,
        help_text=_("None ticked: every stage."),
    )
    allowed_groups = Checkboxes(
        _("Population groups accepted"),
        PopulationGroup.choices,
        required=False,
        help_text=_("None ticked: every group."),
    )
    accepted_documents = Checkboxes(
        _("Identity documents accepted"),
        [c for c in DocumentType.choices if c[0] != DocumentType.IN_PROCESS],
        required=False,
        help_text=_("A document “in process” is always accepted and flagged for staff."),
    )
    excluded_sectors = Checkboxes(_("Sectors excluded"), Sector.choices, required=False)

    def clean_accepted_documents(self):
        return [*self.cleaned_data["accepted_documents"], DocumentType.IN_PROCESS.value]


class CohortViewSet(ListQuerysetMixin, ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    add_to_admin_menu = False
    copy_view_enabled = True
    list_display = [
        "name",
        "city",
        "starts_on",
        "closes_at",
        "seats",
        "seats_confirmed",
        LinkColumn(
            "selection",
            label=_("Selection"),
            url_name="cohorts_selection",
            link_label=_("Ranking and decisions"),
        ),
    ]
    list_filter = ["city", "programme", "language", "is_published"]
    search_fields = ["name", "slug"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("programme"),
                    FieldPanel("name"),
                    FieldPanel("slug"),
                    FieldPanel("description"),
                    FieldPanel("is_published"),
                ],
                heading=_("Cohort"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel(
                        [FieldPanel("city"), FieldPanel("format"), FieldPanel("language")]
                    ),
                    FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                    FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                    FieldRowPanel([FieldPanel("seats"), FieldPanel("offer_days")]),
                    FieldPanel("target_mix"),
                ],
                heading=_("Dates and seats"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("min_age"), FieldPanel("max_age")]),
                    FieldPanel("require_local"),
                    FieldPanel("allowed_stages"),
                    FieldPanel("allowed_groups"),
                    FieldPanel("accepted_documents"),
                    FieldPanel("excluded_sectors"),
                ],
                heading=_("Eligibility"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("rubric"),
                    FieldPanel("reviewers_per_application"),
                    FieldPanel("blind_review"),
                    FieldPanel("document_retention_days"),
                ],
                heading=_("Review"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("allow_mentor_directory"),
                    FieldPanel("mentoring_hours_per_pair"),
                    FieldPanel("max_upcoming_bookings"),
                    FieldPanel("booking_cancel_cutoff_hours"),
                ],
                heading=_("Mentoring"),
            ),
        ],
        base_form_class=CohortAdminForm,
    )


# --- Rubrics -----------------------------------------------------------------------------


class RubricAdminForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and self.instance.is_frozen and self.has_changed_anything():
            raise forms.ValidationError(
                _(
                    "Scoring has started with this rubric: it is frozen "
                    "and can no longer change. Copy it to make a new "
                    "one."
                )
            )
        formset = self.formsets.get("criteria")
        if formset is not None and formset.is_valid():
            weights = [
                f.cleaned_data.get("weight") or 0
                for f in formset.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
            for error in services.rubric_errors(weights=weights):
                self.add_error(None, error)
        return cleaned

    def has_changed_anything(self) -> bool:
        return self.has_changed() or any(
            f.has_changed() for fs in self.formsets.values() for f in fs.forms
        )


class RubricViewSet(ListQuerysetMixin, ModelViewSet):
    model = Rubric
    icon = "list-ol"
    menu_label = _("Rubrics")
    add_to_admin_menu = False
    copy_view_enabled = False
    list_display = ["name", "scale_max", "frozen_at"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("scale_max"),
            InlinePanel(
                "criteria",
                label=_("Criteria"),
                min_num=1,
                panels=[
                    FieldPanel("name"),
                    FieldPanel("weight"),
                    FieldPanel("guidance"),
                    FieldPanel("sort_order"),
                ],
            ),
        ],
        base_form_class=RubricAdminForm,
    )


# --- Applications ------------------------------------------------------------------------


class ApplicationFilterSet(WagtailFilterSet):
    min_score = django_filters.NumberFilter(
        field_name="score_mean", lookup_expr="gte", label=_("Weighted score at least")
    )
    max_score = django_filters.NumberFilter(
        field_name="score_mean", lookup_expr="lte", label=_("Weighted score at most")
    )

    class Meta:
        model = Application
        fields = [
            "cohort",
            "status",
            "city",
            "population_group",
            "shortlisted",
            "needs_document_check",
        ]


#: Shown in the console only to people holding cohorts.view_sensitive_data (declared
#: once, in semilla.console, for columns, filters, ordering, search and this page).
SENSITIVE_FIELDS = sensitive_fields_of(Application)


class ApplicationIndexView(ConsoleIndexView):
    def get_audit_reason(self) -> str:
        return gettext("List of applications in the staff console")


class ApplicationInspectView(ReadableInspectMixin, InspectView):
    """The application's fields (as words: "Sí", "—", the labels of the needs and
    languages) plus its documents, review results and timeline."""

    template_name = "cohorts/admin/application_inspect.html"
    list_choices = {"needs": Skill, "languages": CohortLanguage}

    def get_fields(self):
        fields = super().get_fields()
        if may_see_sensitive(self.request.user):
            return fields
        return [f for f in fields if f not in SENSITIVE_FIELDS]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        app = self.object
        shown = sorted(set(self.get_fields()) & SENSITIVE_FIELDS)
        if shown:
            audit_access(
                actor=self.request.user,
                subject=app.user_id,
                fields=shown,
                reason=gettext("Application detail in the staff console"),
                model="cohorts.application",
                object_id=app.pk,
                path=self.request.path,
            )
        context.update(
            documents=[d for d in app.documents.all() if not d.deleted_at],
            history=list(app.history.select_related("actor")),
            assignments=list(app.assignments.select_related("reviewer")),
            check_url=reverse("cohorts_document_checked", args=[app.pk]),
            conflicts=selectors.conflicts_covering(application=app),
            sensitive=may_see_sensitive(self.request.user),
        )
        return context


class ApplicationViewSet(ConsoleViewSet):
    """Read-only: every change to an application goes through its services."""

    model = Application
    icon = "form"
    menu_label = _("Applications")
    add_to_admin_menu = False
    filterset_class = ApplicationFilterSet
    list_display = [
        "business_name",
        "user",
        "cohort",
        "status",
        "city",
        "population_group",
        "score_mean",
        "review_count",
        "shortlisted",
        "needs_document_check",
    ]
    search_fields = ["business_name", "user__full_name", "user__email"]
    inspect_view_fields = [
        "user",
        "cohort",
        "status",
        "current_step",
        "submitted_at",
        "business_name",
        "business_stage",
        "sector",
        "description",
        "employees",
        "municipality",
        "city",
        "birth_date",
        "sex",
        "population_group",
        "nationality",
        "document_type",
        "needs_document_check",
        "needs",
        "languages",
        "preferred_mode",
        "motivation",
        "review_count",
        "score_mean",
        "score_median",
        "score_spread",
        "shortlisted",
        "decision",
        "decision_feedback",
        "released_at",
        "offer_expires_at",
    ]
    form_fields = ["shortlisted"]
    inspect_view_class = ApplicationInspectView
    index_view_class = ApplicationIndexView
    list_select_related = ("user", "cohort")


# --- Review assignments and conflicts ----------------------------------------------------


def reviewer_choices():
    """The people who may review (the reviewer role), each once, by name then e-mail."""

    return (
        get_user_model()
        .objects.filter(groups__name=Role.REVIEWER, is_active=True)
        .distinct()
        .order_by("full_name", "email")
    )


def person_label(user) -> str:
    """ "Name <e-mail>": two people with the same name are told apart."""
    return f"{user.full_name} <{user.email}>" if user.full_name else user.email


class PersonSearchInput(forms.TextInput):
    """A search box with the people as suggestions (an HTML datalist): the browser narrows
    the list as staff type a name or an address, with no JavaScript."""

    template_name = "cohorts/admin/widgets/person_search.html"
    people: list[str] = []

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["people"] = self.people
        return context


class PersonField(forms.ModelChoiceField):
    """Picks one person of ``queryset`` from "Name <e-mail>" or the bare address."""

    widget = PersonSearchInput
    default_error_messages = {
        "invalid_choice": _("Choose a person from the list (name and e-mail address)."),
    }

    def __init__(self, queryset, **kwargs):
        kwargs.setdefault("empty_label", None)
        super().__init__(queryset, **kwargs)
        self.widget.people = PersonLabels(self)

    def label_from_instance(self, obj):
        return person_label(obj)

    def prepare_value(self, value):
        if hasattr(value, "_meta"):
            return person_label(value)
        if value not in self.empty_values:
            found = self.queryset.filter(pk=value).first() if str(value).isdigit() else None
            return person_label(found) if found else value
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        if text.endswith(">") and "<" in text:
            text = text.rsplit("<", 1)[1][:-1]
        # "Name <e-mail>", the bare address, or the id a script or an older form sends
        lookup = {"pk": int(text)} if text.isdigit() else {"email__iexact": text.strip()}
        try:
            return self.queryset.get(**lookup)
        except self.queryset.model.DoesNotExist as exc:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from exc


class PersonLabels:
    """The labels of a PersonField's people, read when the widget is rendered (one query)."""

    def __init__(self, field):
        self.field = field

    def __iter__(self):
        return iter([person_label(user) for user in self.field.queryset])


class ReviewerPickerForm(WagtailAdminModelForm):
    """A console form whose reviewer is picked from the reviewers by "Name <e-mail>"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"] = PersonField(
            reviewer_choices(), label=self.fields["reviewer"].label
        )


class AssignmentForm(ReviewerPickerForm):
    def clean(self):
        cleaned = super().clean()
        application, reviewer = cleaned.get("application"), cleaned.get("reviewer")
        if (
            application
            and reviewer
            and services.conflict_blocks(reviewer=reviewer, application=application)
        ):
            raise forms.ValidationError(
                _("This reviewer has a conflict of interest with the applicant.")
            )
        return cleaned


class AssignmentCreateView(CreateView):
    def save_instance(self):
        return services.assignment_add(
            application=self.form.cleaned_data["application"],
            reviewer=self.form.cleaned_data["reviewer"],
            actor=self.request.user,
        )


class AssignmentDeleteView(DeleteView):
    def delete_action(self):
        services.assignment_remove(assignment=self.object, actor=self.request.user)


def _reviewers(request):
    """The reviewer filter offers the people who hold review assignments, not every
    account of the site (one query, and a short list however many people sign up)."""

    return (
        get_user_model()
        .objects.filter(Exists(ReviewAssignment.objects.filter(reviewer=OuterRef("pk"))))
        .order_by("full_name", "pk")
    )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return person_label(obj)


class PersonChoiceFilter(django_filters.ModelChoiceFilter):
    """A filter by person whose options read "Name <e-mail>"."""

    field_class = PersonChoiceField


class ReviewAssignmentFilterSet(WagtailFilterSet):
    reviewer = PersonChoiceFilter(label=_("reviewer"), queryset=_reviewers)

    class Meta:
        model = ReviewAssignment
        fields = ["application__cohort", "status", "reviewer"]


class ReviewAssignmentViewSet(ListQuerysetMixin, ModelViewSet):
    model = ReviewAssignment
    icon = "user"
    menu_label = _("Review assignments")
    add_to_admin_menu = False
    copy_view_enabled = False
    list_display = ["application", "reviewer", "status", "weighted_score", "submitted_at"]
    filterset_class = ReviewAssignmentFilterSet
    form_fields = ["application", "reviewer"]
    add_view_class = AssignmentCreateView
    delete_view_class = AssignmentDeleteView

    def get_form_class(self, for_update=False):
        return (
            ObjectList(
                [FieldPanel("application"), FieldPanel("reviewer")], base_form_class=AssignmentForm
            )
            .bind_to_model(ReviewAssignment)
            .get_form_class()
        )

    list_select_related = ("application__user", "application__cohort", "reviewer")


class ConflictAdminForm(ReviewerPickerForm):
    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        text = cleaned.get("text", "").strip()
        if kind == ConflictKind.PERSON and not cleaned.get("applicant"):
            self.add_error("applicant", _("Choose the person."))
        elif kind == ConflictKind.BUSINESS and not business_key(cleaned.get("business_name", "")):
            # the name as it is matched: punctuation alone ("---") matches nothing
            self.add_error("business_name", _("Write the name of the business."))
        elif kind == ConflictKind.TEXT and (len(text) < 3 or not text_key(text)):
            self.add_error("text", _("Write a full name, a business name or an e-mail address."))
        return cleaned


class ConflictSaveMixin:
    """Conflicts are saved through the service (normalised key; the reviewer steps aside
    from the reviews the conflict covers)."""

    def form_valid(self, form):
        # The service may still refuse (a change since the form was read): the form is
        # shown again with its words, in the page's language, and nothing is saved.
        outcome = call_service(
            self.request,
            services.conflict_save,
            form=form,
            conflict=form.instance,
            actor=self.request.user,
        )
        if not outcome.ok:
            self.produced_error_message = self.get_error_message()  # as Wagtail's is_valid
            return self.form_invalid(form)
        self.saved = outcome.value
        return super().form_valid(form)

    def save_instance(self):
        conflict, stepped_aside = self.saved
        if stepped_aside:
            messages.info(
                self.request,
                ngettext(
                    "The reviewer was taken off %(n)s review this conflict covers.",
                    "The reviewer was taken off %(n)s reviews this conflict covers.",
                    stepped_aside,
                )
                % {"n": stepped_aside},
            )
        return conflict


class ConflictCreateView(ConflictSaveMixin, CreateView):
    pass


class ConflictEditView(ConflictSaveMixin, EditView):
    pass


class ConflictViewSet(ListQuerysetMixin, ModelViewSet):
    """Every declared conflict of interest: reviewers declare theirs on their own screen
    (or when stepping aside); staff see them all and may record one for a reviewer."""

    model = ReviewerConflict
    icon = "warning"
    menu_label = _("Conflicts of interest")
    add_to_admin_menu = False
    copy_view_enabled = False
    add_view_class = ConflictCreateView
    edit_view_class = ConflictEditView
    list_display = ["reviewer", "kind", "target", "reason", "created_at"]
    list_filter = ["kind"]
    search_fields = ["reviewer__full_name", "applicant__full_name", "business_name", "text"]

    def get_form_class(self, for_update=False):
        return (
            ObjectList(
                [
                    FieldPanel("reviewer"),
                    FieldPanel("kind"),
                    FieldPanel("applicant"),
                    FieldPanel("business_name"),
                    FieldPanel("text"),
                    FieldPanel("reason"),
                ],
                base_form_class=ConflictAdminForm,
            )
            .bind_to_model(ReviewerConflict)
            .get_form_class()
        )

    list_select_related = ("reviewer", "applicant")


class WorkshopViewSet(ListQuerysetMixin, ModelViewSet):
    model = Workshop
    icon = "date"
    menu_label = _("Workshops")
    add_to_admin_menu = False
    form_fields = ["cohort", "title", "starts_at", "location"]
    list_display = [
        "title",
        "cohort",
        "starts_at",
        LinkColumn(
            "attendance",
            label=_("Attendance"),
            url_name="cohorts_attendance",
            link_label=_("Record"),
        ),
    ]
    list_filter = ["cohort"]
    list_select_related = ("cohort",)


class ParticipantEditView(EditView):
    def save_instance(self):
        outcome = call_service(
            self.request,
            services.participant_set_status,
            participant=Participant.objects.get(pk=self.object.pk),
            status=self.form.cleaned_data["status"],
            actor=self.request.user,
        )
        return outcome.value if outcome.ok else self.object


class ParticipantViewSet(ConsoleViewSet):
    model = Participant
    icon = "group"
    menu_label = _("Participants (roster)")
    add_to_admin_menu = False
    form_fields = ["status"]
    edit_view_class = ParticipantEditView
    list_display = ["user", "cohort", "status", "joined_at"]
    list_filter = ["cohort", "status"]
    search_fields = ["user__full_name", "user__email"]

    list_select_related = ("user", "cohort")


class CohortsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Cohorts")
    menu_icon = "group"
    menu_order = 210
    items = (
        CohortViewSet("cohorts_cohort"),
        ApplicationViewSet("cohorts_application"),
        ReviewAssignmentViewSet("cohorts_assignment"),
        ConflictViewSet("cohorts_conflict"),
        RubricViewSet("cohorts_rubric"),
        WorkshopViewSet("cohorts_workshop"),
        ParticipantViewSet("cohorts_participant"),
        ProgrammeViewSet("cohorts_programme"),
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return CohortsViewSetGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("cohorts/selection/<int:pk>/", admin_views.selection, name="cohorts_selection"),
        path(
            "cohorts/selection/<int:pk>/export.csv", admin_views.export_csv, name="cohorts_export"
        ),
        path("cohorts/attendance/<int:pk>/", admin_views.attendance, name="cohorts_attendance"),
        path(
            "cohorts/application/<int:pk>/document-checked/",
            admin_views.document_checked,
            name="cohorts_document_checked",
        ),
    ]
