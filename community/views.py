from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .models import GuideIndexPage


@require_GET
def guides(request):
    """The "Know your rights" section in the reader's language (the navigation links here)."""
    language = (translation.get_language() or "es")[:2]
    index = GuideIndexPage.objects.live().filter(locale__language_code=language).first()
    if index is None:
        index = GuideIndexPage.objects.live().first()
    if index is None:
        raise Http404(_("The guides have not been published yet."))
    return redirect(index.get_url(request=request))
