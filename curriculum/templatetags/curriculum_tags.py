from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from semilla.pagecache_middleware import generation
from semilla.routing import LocalMemory
from semilla.templatetags.semilla_tags import kept_page_url

register = template.Library()


@register.filter
def lookup(mapping, key):
    """``{{ mapping|lookup:key }}`` for dictionaries keyed by a variable."""
    if not mapping:
        return None
    return mapping.get(key)


@register.simple_tag(takes_context=True)
def page_url(context, page):
    """``{% pageurl page %}``, worked out once per generation and process
    (``semilla_tags.kept_page_url``)."""
    return kept_page_url(context.get("request"), page)


# Rendered lesson blocks kept per process. The key holds the page-cache generation (a
# publish, a move, a site change anywhere), the page's live revision and the language, so a
# kept copy is never out of date. A quiz is kept only as a reader without a try on it sees
# it, once for anonymous readers (no CSRF token: their try records nothing) and once for
# signed-in readers, with a marker where their CSRF token goes (each gets their own).
SHARED_BLOCK_TYPES = frozenset(
    {"heading", "paragraph", "image", "video", "worksheet", "tip", "checklist", "action_step"}
)
#: blocks that show a reader something of their own once they have used them
PERSONAL_BLOCK_TYPES = frozenset({"quiz"})
CSRF_MARKER = "__SEMILLA_BLOCK_CSRF__"
_rendered_blocks = LocalMemory(4096)


def _shared_key(context, block):
    """The key of the block's shared rendering, or None when this reader must get their
    own (a preview, a page never published, a quiz they have tried)."""
    page = context.get("page")
    request = context.get("request")
    if (
        page is None
        or not getattr(page, "live_revision_id", None)
        or getattr(request, "is_preview", False)
    ):
        return None
    if block.block_type in PERSONAL_BLOCK_TYPES:
        if (context.get("quiz_attempts") or {}).get(block.id):
            return None
    elif block.block_type not in SHARED_BLOCK_TYPES:
        return None
    user = context.get("user")
    signed_in = bool(user is not None and user.is_authenticated)  # a quiz has a token
    return (generation(), page.pk, page.live_revision_id, get_language(), block.id, signed_in)


def _render(context, block, **extra) -> str:
    values = context.flatten()
    values["quiz_id"] = block.id
    values.update(extra)
    return conditional_escape(block.render_as_block(context=values))


@register.simple_tag(takes_context=True)
def lesson_block(context, block):
    """``{% include_block block with quiz_id=block.id %}``, rendering each block once per
    live revision and language for every reader who sees it the same way."""
    key = _shared_key(context, block)
    if key is None:
        return _render(context, block)
    html = _rendered_blocks.get(key)
    if html is None:
        html = _render(context, block, csrf_token=CSRF_MARKER)
        _rendered_blocks.put(key, html)
    if CSRF_MARKER in html:
        token = conditional_escape(str(context.get("csrf_token", "")))
        html = mark_safe(html.replace(CSRF_MARKER, token))  # noqa: S308
    return html
