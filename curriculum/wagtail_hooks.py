"""The staff console for the curriculum: certificates (with revocation) and the cohort
syllabus. Pages themselves are edited in Wagtail's page explorer."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.admin.widgets import AdminPageChooser

from semilla.console import ConsoleViewSet, ListQuerysetMixin

from . import services
from .forms import RevokeForm
from .models import Certificate, CoursePage, LessonPage, SyllabusItem
from .permissions import may_revoke_certificate


class RevokeColumn(Column):
    cell_template_name = "curriculum/admin/revoke_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["revoke_url"] = (
            reverse("curriculum_certificate_revoke", args=[instance.pk])
            if instance.is_valid
            else ""
        )
        context["verify_url"] = instance.get_verification_url()
        return context


class CertificateEditView(EditView):
    """Certificates are never edited: the only change is revocation, through its service."""

    def get(self, request, *args, **kwargs):
        return redirect("curriculum_certificate_revoke", self.kwargs["pk"])

    post = get


class CertificateViewSet(ConsoleViewSet):
    model = Certificate
    icon = "form"
    menu_label = gettext_lazy("Certificates")
    add_to_admin_menu = False
    list_display = [
        "display_code",
        "recipient_name",
        "course_title",
        "issued_at",
        "status",
        RevokeColumn("actions", label=gettext_lazy("Actions")),
    ]
    list_filter = ["status", "issued_at"]
    search_fields = ["code", "recipient_name", "course_title"]
    inspect_view_fields = [
        "display_code",
        "recipient_name",
        "user",
        "course_title",
        "issued_at",
        "status",
        "revoked_at",
        "revoked_by",
        "revoked_reason",
    ]
    form_fields = ["revoked_reason"]
    edit_view_class = CertificateEditView

    def get_queryset(self, request):
        return Certificate.objects.select_related("user", "course")


class SyllabusItemViewSet(ListQuerysetMixin, ModelViewSet):
    model = SyllabusItem
    icon = "date"
    menu_label = gettext_lazy("Cohort syllabus")
    add_to_admin_menu = False
    copy_view_enabled = False
    list_display = ["page", "cohort", "due_date", "note"]
    list_filter = ["cohort", "due_date"]
    panels = [
        FieldPanel("cohort"),
        FieldPanel("page", widget=AdminPageChooser(target_models=[CoursePage, LessonPage])),
        FieldPanel("due_date"),
        FieldPanel("note"),
    ]

    def get_queryset(self, request):
        return SyllabusItem.objects.select_related("cohort", "page")


class CurriculumViewSetGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("Learning")
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (CertificateViewSet("certificates"), SyllabusItemViewSet("syllabus"))


@hooks.register("register_admin_viewset")
def register_viewsets():
    return CurriculumViewSetGroup()


@require_http_methods(["GET", "POST"])
def revoke_certificate(request, pk: int):
    if not may_revoke_certificate(request.user):
        raise PermissionDenied
    certificate = get_object_or_404(Certificate.objects.select_related("user"), pk=pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.certificate_revoke(
                certificate=certificate, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except services.CurriculumError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("Certificate %(code)s revoked.") % {"code": certificate.display_code}
            )
            return redirect("certificates:index")
    return TemplateResponse(
        request, "curriculum/admin/revoke.html", {"certificate": certificate, "form": form}
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "curriculum/certificates/<int:pk>/revoke/",
            revoke_certificate,
            name="curriculum_certificate_revoke",
        )
    ]
