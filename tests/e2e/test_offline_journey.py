"""Offline learning in Chromium: the site meets the install criteria; a reader saves a
module, goes offline (Playwright's offline mode), reads every saved lesson, answers a quiz
that waits on the phone and reaches the server once when the connection returns; a
signed-in page is never available offline and nothing personal is stored; logging out
deletes answers still waiting; a publish reaches a saved lesson at the next visit online
and an unpublished lesson disappears from the device."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from curriculum.models import LessonProgress, QuizAttempt
from semilla.enums import Role
from tests.factories import make_user
from tests.factories.curriculum import CORRECT, load_course

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

#: every HTML copy the device holds, for the checks of what is stored
STORED_PAGES = """async () => {
  const found = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const type = response.headers.get("Content-Type") || "";
      found.push({cache: name, url: new URL(request.url).pathname,
                  html: type.startsWith("text/html") ? await response.text() : ""});
    }
  }
  return found;
}"""


def _phone(browser, base, user=None):
    context = browser.new_context(
        locale="es-CO",
        timezone_id="America/Bogota",
        viewport={"width": 412, "height": 860},
        is_mobile=True,
        has_touch=True,
    )
    if user is not None:
        client = Client()
        client.force_login(user)
        context.add_cookies(
            [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
        )
    return context


def _ready(page):
    page.locator('html[data-offline-ready="true"]').wait_for(state="attached")


def _save(page, url):
    page.goto(url)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    _ready(page)
    size = page.get_by_test_id("offline-size")
    size.wait_for()
    assert re.fullmatch(r"Tamaño de la descarga: unos [\d,]+ KB\.", size.inner_text())
    page.get_by_role("button", name="Guardar para usar sin conexión").click()
    page.get_by_test_id("offline-saved").wait_for()


def _answer_quiz(page):
    quiz = page.locator("section.quiz").first
    quiz.locator(f'input[type=radio][value="{CORRECT}"]').check()
    quiz.locator("button[type=submit]").click()


def _queue(page) -> str:
    return page.evaluate("document.documentElement.dataset.offlineQueue || ''")


def test_save_read_offline_answer_and_send_once(browser, live_server, site_data):
    base = live_server.url
    loaded = load_course(lessons=2)
    module, (first, second) = loaded.modules[0], loaded.lessons
    learner = make_user(Role.ENTREPRENEUR, full_name="Yuleisy Rodríguez")
    context = _phone(browser, base, learner)
    page = context.new_page()

    # Installable: manifest, icons and a service worker that controls the page.
    page.goto(f"{base}/es/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    cdp = context.new_cdp_session(page)
    errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
    # Playwright's contexts are incognito profiles, where Chromium never offers to
    # install; every criterion of the site itself is met.
    assert [e["errorId"] for e in errors if e["errorId"] != "in-incognito"] == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []
    assert manifest["url"] == f"{base}/es/aprende/app.webmanifest"
    cdp.detach()

    # Save the module (signed in: the device still gets only the public pages).
    _save(page, f"{base}{module.url}")
    stored = page.evaluate(STORED_PAGES)
    stored_urls = {item["url"] for item in stored}
    assert {module.url, first.url, second.url} <= stored_urls
    assert "/es/mi-espacio/" not in stored_urls
    for item in stored:
        assert learner.email not in item["html"], item["url"]
        assert "Yuleisy" not in item["html"], item["url"]
        assert "Cerrar sesión" not in item["html"], item["url"]  # a signed-in header

    # Offline: the module and every saved lesson open; a signed-in page does not.
    context.set_offline(True)
    page.reload()
    assert page.locator("h1").inner_text() == module.title
    page.get_by_test_id("offline-banner").wait_for()
    # the marks are added by offline.js once it has looked in the device's cache
    expect(page.locator(".lesson-list [data-offline-mark]")).to_have_count(2)
    for lesson in (first, second):
        response = page.goto(f"{base}{lesson.url}")
        assert response.from_service_worker is True
        assert page.locator("h1").inner_text() == lesson.title
    page.goto(f"{base}/es/mi-espacio/")
    assert page.locator("h1").inner_text() == "Aprende sin datos"
    assert "Yuleisy" not in page.content()

    # A quiz answered offline waits on the phone, also after a reload.
    page.goto(f"{base}{first.url}")
    _answer_quiz(page)
    note = page.get_by_test_id("quiz-offline-note")
    expect(note).to_have_attribute("data-state", "waiting")
    assert _queue(page) == "1"
    page.reload()
    _ready(page)
    expect(page.get_by_test_id("quiz-offline-note")).to_have_attribute("data-state", "waiting")
    assert QuizAttempt.objects.count() == 0

    # Back online: sent once, recorded once, the lesson completed.
    context.set_offline(False)
    page.locator('html[data-offline-queue="0"]').wait_for(state="attached")
    note = page.get_by_test_id("quiz-offline-note")
    expect(note).to_have_attribute("data-state", "sent")
    expect(note).to_have_text("Enviado: acertaste 1 de 1.")
    page.goto(f"{base}{first.url}")
    _ready(page)
    assert QuizAttempt.objects.filter(user=learner).count() == 1
    assert LessonProgress.objects.get(user=learner, lesson=first).completed is True

    # An answer still waiting when the person logs out is deleted from the device.
    page.route(re.compile(r".*/quiz/.*/sin-conexion/$"), lambda route: route.abort())
    context.set_offline(True)
    page.goto(f"{base}{second.url}")
    _answer_quiz(page)
    page.get_by_test_id("quiz-offline-note").wait_for()
    context.set_offline(False)
    page.goto(f"{base}{second.url}")  # online: sending fails (blocked), the answer stays
    _ready(page)
    assert _queue(page) == "1"
    page.get_by_text("Menú").click()
    page.get_by_role("button", name="Cerrar sesión").click()
    # log-out first deletes the device's queue, then submits and lands on the home page
    page.wait_for_url(re.compile(rf"^{re.escape(base)}/(es/)?$"))
    databases = page.evaluate("indexedDB.databases().then(d => d.map(x => x.name))")
    assert "semilla-offline" not in databases
    assert QuizAttempt.objects.filter(user=learner).count() == 1
    context.close()


def test_publish_reaches_a_saved_lesson_and_unpublished_lessons_disappear(
    browser, live_server, site_data
):
    base = live_server.url
    loaded = load_course(lessons=2)
    module, (first, second) = loaded.modules[0], loaded.lessons
    context = _phone(browser, base)
    page = context.new_page()
    _save(page, f"{base}{module.url}")

    first.title = "Cómo llevar tus cuentas (nueva versión)"
    first.save_revision().publish()
    second.unpublish()

    # The next visit online brings the new version and drops the old one.
    page.goto(f"{base}{module.url}")
    _ready(page)
    caches = page.evaluate("caches.keys()")
    assert len([name for name in caches if name.startswith("semilla-offline:/")]) == 1

    context.set_offline(True)
    page.goto(f"{base}{first.url}")
    assert page.locator("h1").inner_text() == "Cómo llevar tus cuentas (nueva versión)"
    page.goto(f"{base}{second.url}")
    assert page.locator("h1").inner_text() == "Aprende sin datos"

    # The saved list on the help page, and removing the module from the device.
    context.set_offline(False)
    page.goto(f"{base}/es/aprende/sin-conexion/")
    _ready(page)
    page.get_by_role("button", name="Quitar de este dispositivo").click()
    page.locator("[data-offline-empty]").wait_for()
    context.set_offline(True)
    page.goto(f"{base}{first.url}")
    assert page.locator("h1").inner_text() == "Aprende sin datos"
    context.close()
