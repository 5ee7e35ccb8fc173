"""The demo's privacy policy page: Spanish at first, its English translation copied once
with the English text, and a second run leaves what staff changed in English alone."""

import pytest
from wagtail.models import Locale

from semilla.demo import seed_home_page
from semilla.privacy.models import PrivacyPolicyPage
from semilla.reporting.demo import POLICY, seed_policy_page

pytestmark = pytest.mark.django_db


def _english_policy():
    return PrivacyPolicyPage.objects.get(locale=Locale.objects.get(language_code="en"))


def test_policy_demo_english_translation_has_english_text():
    seed_home_page()

    seed_policy_page()

    assert _english_policy().title == POLICY["en"]["title"]


def test_policy_demo_second_run_keeps_staff_english_edits():
    seed_home_page()
    seed_policy_page()
    english = _english_policy()
    english.title = "Edited by staff"
    english.save_revision().publish()

    seed_policy_page()

    assert _english_policy().title == "Edited by staff"
