"""Guides linked from explanations elsewhere (``semilla.hooks.register_help_link``): an
eligibility reason about documents links to the guide on the PPT and other permits, and the
lessons on formalisation and money link to the guide with the rules behind them (code
``lesson:<lesson slug>``, read by the lesson page)."""

from django.utils import translation
from django.utils.translation import gettext as _

from semilla import hooks
from semilla.routing import per_generation

from .models import GuidePage

#: eligibility reason code (``cohorts.eligibility``) -> the slug of the guide that helps
GUIDE_FOR_REASON = {
    "document": "permiso-por-proteccion-temporal",
    "document_in_process": "permiso-por-proteccion-temporal",
}

#: lesson slug (``curriculum.content``) -> the slug of the guide with its legal rules
GUIDE_FOR_LESSON = {
    "por-que-formalizar": "registrar-tu-negocio",
    "rut-dian": "rut-con-documento-migrante",
    "matricula-mercantil": "registrar-tu-negocio",
    "regimen-simple": "rut-con-documento-migrante",
    "despues-de-formalizar": "seguridad-social-independientes",
    "cuenta-bancaria-con-ppt": "abrir-cuenta-o-billetera",
    "billeteras-digitales": "abrir-cuenta-o-billetera",
    "historial-crediticio": "credito-seguro",
    "evita-el-gota-a-gota": "credito-seguro",
}
LESSON_CODE = "lesson:"


def _guide_urls() -> dict[tuple[str, str], tuple[str, str]]:
    """{(language, slug): (title, url)} of the live guides the links point at, kept per
    page-cache generation (a publish changes them)."""

    slugs = set(GUIDE_FOR_REASON.values()) | set(GUIDE_FOR_LESSON.values())
    pages = GuidePage.objects.live().filter(slug__in=slugs)
    return {
        (page.locale.language_code, page.slug): (page.title, page.get_url())
        for page in pages.select_related("locale")
    }


def _resolver(slug: str):
    def resolve() -> hooks.HelpLink | None:
        language = (translation.get_language() or "es")[:2]
        found = per_generation("community_guide_links", _guide_urls)
        entry = found.get((language, slug)) or found.get(("es", slug))
        if entry is None:
            return None
        title, url = entry
        return hooks.HelpLink(label=_("Read the guide: %(title)s") % {"title": title}, url=url)

    return resolve


def register_guide_links() -> None:
    for code, slug in GUIDE_FOR_REASON.items():
        hooks.register_help_link(code, _resolver(slug))
    for lesson, slug in GUIDE_FOR_LESSON.items():
        hooks.register_help_link(f"{LESSON_CODE}{lesson}", _resolver(slug))
