"""Template helpers: the language switcher that keeps the page, money formatting, moments
in words in the reader's language and zone, absolute links for messages."""

from datetime import date, datetime

from django import template
from django.urls import reverse, translate_url
from django.utils import formats, timezone, translation
from django.utils.formats import number_format

from semilla import hooks
from semilla.privacy.enums import DataRequestKind, DataRequestStatus

from .. import fragments, routing
from ..pagecache_middleware import generation
from ..routing import LocalMemory

register = template.Library()

_page_urls = LocalMemory(4096)


def kept_page_url(request, page) -> str | None:
    """``page.get_url(request=request)``, worked out once per page-cache generation and
    process: Wagtail builds each page URL with a ``reverse`` under a language override,
    and a lesson links five pages (P2, docs/performance.md). The key holds what the URL
    depends on: the page's place (``url_path``; a move is a new generation anyway), the
    active language, the host the request names (the current site when a page belongs to
    several) and the generation (sites, locales, publishes)."""
    meta = getattr(request, "META", None) or {}
    key = (
        generation(),
        page.pk,
        page.url_path,
        translation.get_language(),
        meta.get("HTTP_HOST"),
        meta.get("SERVER_NAME"),
        meta.get("SERVER_PORT"),
    )
    held = _page_urls.get(key)
    if held is None:
        held = (page.get_url(request=request),)
        _page_urls.put(key, held)
    return held[0]


@register.simple_tag(takes_context=True)
def alternate_languages(context):
    """[(code, name, url)] for the languages other than the active one. On a Wagtail page
    the URL is the translated page (or the Spanish page when none exists)."""
    request = context.get("request")
    page = context.get("page") or context.get("self")
    current = translation.get_language()
    result = []
    for code, name in (("es", "Español"), ("en", "English")):
        if code == current:
            continue
        url = None
        if page is not None and hasattr(page, "get_translations"):
            locale_id = routing.locale_ids().get(code)
            if locale_id is not None:
                translated = page.get_translation_or_none(locale_id)
                if translated is not None and translated.live:
                    url = kept_page_url(request, translated)
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        result.append((code, name, url or f"/{code}/"))
    return result


@register.simple_tag
def help_link(code):
    """``{% help_link reason.code as link %}``: the guide registered for ``code`` (or None)."""

    return hooks.help_link_for(str(code))


@register.filter
def money(amount_minor, currency="COP"):
    """Format integer minor units per locale: COP has no decimals in practice (2 minor
    digits by ISO 4217, shown without them); other currencies show two."""
    if amount_minor is None:
        return ""
    amount_minor = int(amount_minor)
    currency = (currency or "COP").upper()
    if currency == "COP":
        whole = amount_minor // 100
        return f"$ {number_format(whole, decimal_pos=0, force_grouping=True)} COP"
    sign = "-" if amount_minor < 0 else ""
    value = abs(amount_minor)
    text = number_format(f"{value // 100}.{value % 100:02d}", decimal_pos=2, force_grouping=True)
    return f"{sign}{text} {currency}"


def _as_moment(value):
    """A datetime or date (an ISO string from a task's JSON context is read too), or None."""
    if isinstance(value, str):
        parse = datetime.fromisoformat if "T" in value or " " in value else date.fromisoformat
        try:
            value = parse(value)
        except ValueError:
            return None
    if isinstance(value, (datetime, date)):
        return value
    return None


@register.filter
def moment(value) -> str:
    """An instant in words, in the active language and time zone (a message renders under
    its recipient's): "11 de diciembre de 2026, 4:20 p.m." / "11 December 2026, 4:20 p.m.".
    A plain date reads as ``day``."""
    value = _as_moment(value)
    if value is None:
        return ""
    if not isinstance(value, datetime):
        return formats.date_format(value, "DATE_FORMAT")
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, "DATETIME_FORMAT")


@register.filter
def day(value) -> str:
    """A day in words: "11 de diciembre de 2026" / "11 December 2026" (an instant is first
    put in the active time zone)."""
    value = _as_moment(value)
    if value is None:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, "DATE_FORMAT")


@register.simple_tag(takes_context=True)
def link(context, name, *args):
    """``{% link "mentors:sessions" %}``: the absolute address of one of our pages in the
    active language (a message renders in its recipient's)."""
    base = str(context.get("site_url") or "")
    return base + reverse(name, args=args)


def _choice_label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


@register.filter
def data_request_kind(value) -> str:
    """A data request's kind in the active language (a message renders in its
    recipient's): the code travels in the message's context, the label is read here."""
    return _choice_label(DataRequestKind, value)


@register.filter
def data_request_status(value) -> str:
    """A data request's status in the active language (see ``data_request_kind``)."""
    return _choice_label(DataRequestStatus, value)


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name, values, anonymous_only):
        self.nodelist = nodelist
        self.name = name
        self.values = values
        self.anonymous_only = anonymous_only

    def render(self, context):
        values = tuple(value.resolve(context) for value in self.values)
        return fragments.render_shared(
            context,
            self.name.resolve(context),
            values,
            lambda: self.nodelist.render(context).strip(),
            anonymous_only=self.anonymous_only,
        )


@register.tag
def shared_fragment(parser, token):
    """``{% shared_fragment "name" [value ...] [anonymous_only] %}...{% endshared_fragment %}``:
    the content rendered once per process, generation, language and values, for every
    reader (``semilla.fragments``)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("shared_fragment needs a name")
    anonymous_only = bits[-1] == "anonymous_only"
    if anonymous_only:
        bits = bits[:-1]
    name = parser.compile_filter(bits[1])
    values = [parser.compile_filter(bit) for bit in bits[2:]]
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, name, values, anonymous_only)
