"""A bare one-file Django project: the yardstick of the serving benchmarks.

No apps, no middleware, no database, no templates: one URL answering a 3-byte
``HttpResponse``, served by the same gunicorn configuration as the site
(``gunicorn.conf.py``, gthread, the same workers and threads). The serving benchmarks
divide every page's requests per second by this project's, measured in the same rounds,
so a ratio says what a page costs over Django itself on this machine at this moment.

    python -m gunicorn -c gunicorn.conf.py bench.bare_django:application
"""

import django
from django.conf import settings

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-bare-project-not-a-secret",  # noqa: S106 - nothing is signed here
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    DATABASES={},
    USE_I18N=False,
    LOGGING_CONFIG=None,
)
django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402


def index(request):
    return HttpResponse(b"ok\n", content_type="text/plain; charset=utf-8")


urlpatterns = [path("", index)]
application = get_wsgi_application()
