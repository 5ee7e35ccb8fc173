"""The market services: showcase consent and its withdrawal, the route of an expression of
interest (staff -> entrepreneur -> introduction), referrals and their outcomes."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from market import services
from market.enums import InterestStatus, ReferralStatus
from market.models import Interest, InterestStatusChange, ReferralStatusChange, ShowcaseProfile
from semilla.enums import Role
from semilla.errors import ServiceError
from semilla.models import OutboxMessage
from semilla.upload_pipeline import PHOTO, clean_upload
from tests.factories.market import (
    make_interest,
    make_profile,
    make_provider,
    make_referral,
    make_winner,
)

pytestmark = pytest.mark.django_db

CARD = {
    "business_name": "Arepas La Guaira",
    "city": "cucuta",
    "sector": "food",
    "summary": "Arepas congeladas.",
    "needs": "Un congelador.",
}


def test_showcase_save_by_a_winner_records_consent_and_event():
    user, award = make_winner()
    profile = services.showcase_save(user=user, card=CARD, listed=True)
    assert (profile.listed, profile.consented_at is not None, profile.event_id) == (
        True,
        True,
        award.event_id,
    )
    assert profile.consent_version == "2026-11"


def test_showcase_save_by_someone_neither_winner_nor_alumnus_is_refused(entrepreneur):
    with pytest.raises(ServiceError):
        services.showcase_save(user=entrepreneur, card=CARD, listed=True)
    assert ShowcaseProfile.objects.count() == 0


def test_showcase_save_by_an_alumna_is_allowed():
    from tests.factories.outcomes import make_alumnus

    alumnus = make_alumnus()
    profile = services.showcase_save(user=alumnus.user, card=CARD, listed=False)
    assert (profile.listed, profile.consented_at, profile.event_id) == (False, None, None)


def test_showcase_unticking_withdraws_consent_at_once(django_capture_on_commit_callbacks):
    user, _award = make_winner()
    services.showcase_save(user=user, card=CARD, listed=True)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        profile = services.showcase_save(user=user, card=CARD, listed=False)
    assert (profile.listed, profile.withdrawn_at is not None) == (False, True)
    from semilla import pagecache_middleware

    assert pagecache_middleware.invalidate in callbacks


def test_showcase_withdraw_drops_the_page_cache(django_capture_on_commit_callbacks):
    from semilla import pagecache_middleware

    profile = make_profile()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.showcase_withdraw(user=profile.user)
    profile.refresh_from_db()
    assert (profile.listed, profile.withdrawn_at is not None) == (False, True)
    assert callbacks == [pagecache_middleware.invalidate]


def _photo_with_gps(size=(2400, 1600)) -> SimpleUploadedFile:
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # the camera's maker: must not survive
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return SimpleUploadedFile("foto.jpg", out.getvalue(), content_type="image/jpeg")


def test_showcase_photo_is_stripped_and_made_small(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    user, _award = make_winner()
    photo = clean_upload(_photo_with_gps(), kind=PHOTO)
    profile = services.showcase_save(user=user, card=CARD, listed=True, photo=photo)
    with profile.photo.open("rb") as stored, Image.open(stored) as image:
        assert (max(image.size), dict(image.getexif())) == (960, {})


def test_interest_submit_for_a_withdrawn_business_is_refused():
    profile = make_profile(listed=False)
    with pytest.raises(ServiceError):
        services.interest_submit(
            profile=profile,
            kind="buyer",
            name="Ana",
            organisation="",
            email="ana@example.org",
            message="Hola",
        )
    assert Interest.objects.count() == 0


def test_interest_submit_waits_for_staff_and_tells_only_staff(
    make_user, django_capture_on_commit_callbacks
):
    staff = make_user(Role.STAFF)
    make_user(Role.FUNDER)
    profile = make_profile()
    with django_capture_on_commit_callbacks(execute=True):
        interest = services.interest_submit(
            profile=profile,
            kind="investor",
            name="Ana",
            organisation="Fondo",
            email="ana@example.org",
            message="Quiero invertir",
        )
    from django.contrib.auth import get_user_model

    every_staff = get_user_model().objects.filter(groups__name=Role.STAFF.value).order_by("pk")
    sent = list(
        OutboxMessage.objects.filter(key__startswith="market-")
        .order_by("key")
        .values_list("key", flat=True)
    )
    assert staff in every_staff
    assert (interest.status, sent) == (
        InterestStatus.NEW,
        sorted(f"market-interest-new:{interest.pk}:user-{user.pk}" for user in every_staff),
    )
    message = OutboxMessage.objects.get(key__endswith=f":user-{staff.pk}")
    assert (
        message.subject,
        f"/es/apoya/gestion/intereses/{interest.pk}/" in message.body,
        profile.user.email in message.body,
    ) == ("Un inversionista escribió sobre Arepas La Guaira", True, False)
    assert list(interest.history.values_list("from_status", "to_status")) == [("", "new")]


def test_interest_route_tells_the_entrepreneur_without_the_supporters_address(make_user):
    interest = make_interest()
    staff = make_user(Role.STAFF)
    services.interest_route(interest=interest, actor=staff)
    message = OutboxMessage.objects.get(key=f"market-interest-routed:{interest.pk}")
    assert (interest.status, "marta@compras.example.org" in message.body) == (
        InterestStatus.ROUTED,
        False,
    )


def test_interest_introduce_before_the_entrepreneur_agrees_is_refused(make_user):
    interest = make_interest(status=InterestStatus.ROUTED)
    with pytest.raises(ServiceError):
        services.interest_introduce(interest=interest, actor=make_user(Role.STAFF))
    interest.refresh_from_db()
    assert (interest.status, interest.introduced_at) == (InterestStatus.ROUTED, None)


def test_interest_introduce_after_agreement_is_recorded_and_sent(make_user):
    interest = make_interest(status=InterestStatus.ROUTED)
    owner = interest.profile.user
    services.interest_answer(interest=interest, user=owner, agree=True)
    staff = make_user(Role.STAFF)
    services.interest_introduce(interest=interest, actor=staff, note="por correo")
    interest.refresh_from_db()
    assert (interest.status, interest.introduced_by, interest.introduced_at is not None) == (
        InterestStatus.INTRODUCED,
        staff,
        True,
    )
    intro = OutboxMessage.objects.get(key=f"market-introduction:{interest.pk}")
    assert "marta@compras.example.org" in intro.body
    assert list(
        InterestStatusChange.objects.filter(interest=interest).values_list("to_status", "actor")
    ) == [("agreed", owner.pk), ("introduced", staff.pk)]


def test_interest_answer_by_someone_else_is_refused(other_entrepreneur):
    interest = make_interest(status=InterestStatus.ROUTED)
    with pytest.raises(ServiceError):
        services.interest_answer(interest=interest, user=other_entrepreneur, agree=True)
    interest.refresh_from_db()
    assert interest.status == InterestStatus.ROUTED


def test_interest_declined_can_never_be_introduced(make_user):
    interest = make_interest(status=InterestStatus.ROUTED)
    services.interest_answer(interest=interest, user=interest.profile.user, agree=False)
    with pytest.raises(ServiceError):
        services.interest_introduce(interest=interest, actor=make_user(Role.STAFF))
    interest.refresh_from_db()
    assert interest.status == InterestStatus.DECLINED


def test_referral_create_for_a_product_the_provider_lacks_is_refused(entrepreneur):
    provider = make_provider(offers_business_loan=False)
    with pytest.raises(ServiceError):
        services.referral_create(
            user=entrepreneur,
            provider=provider,
            product="business_loan",
            referred_on=datetime.date(2026, 11, 1),
            actor=entrepreneur,
        )


def test_referral_moves_referred_applied_approved(entrepreneur, make_user):
    staff = make_user(Role.STAFF)
    referral = services.referral_create(
        user=entrepreneur,
        provider=make_provider(),
        product="microcredit",
        referred_on=datetime.date(2026, 11, 1),
        actor=staff,
    )
    services.referral_move(referral=referral, to=ReferralStatus.APPLIED, actor=entrepreneur)
    services.referral_move(referral=referral, to=ReferralStatus.APPROVED, actor=staff)
    assert list(
        ReferralStatusChange.objects.filter(referral=referral).values_list(
            "from_status", "to_status"
        )
    ) == [("", "referred"), ("referred", "applied"), ("applied", "approved")]


def test_referral_cannot_skip_applying(entrepreneur):
    referral = make_referral(user=entrepreneur)
    with pytest.raises(ServiceError):
        services.referral_move(referral=referral, to=ReferralStatus.APPROVED, actor=entrepreneur)


def test_showcase_photo_a_pdf_is_refused_with_a_photo_only_message():
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from tests.factories.files import pdf_bytes

    with translation.override("es"):
        with pytest.raises(ValidationError) as caught:
            clean_upload(
                SimpleUploadedFile("foto.pdf", pdf_bytes(), content_type="application/pdf"),
                kind=PHOTO,
            )
        messages = caught.value.messages
    assert (caught.value.code, messages) == (
        "type",
        ["Sube una foto (JPEG, PNG o WEBP)."],
    )


def test_document_a_wrong_type_keeps_the_pdf_or_photo_message():
    from django.core.exceptions import ValidationError
    from django.utils import translation

    from semilla.upload_pipeline import DOCUMENT

    with translation.override("en"):
        with pytest.raises(ValidationError) as caught:
            clean_upload(
                SimpleUploadedFile("x.pdf", b"GIF89a" + b"\0" * 40, content_type="image/gif"),
                kind=DOCUMENT,
            )
        messages = caught.value.messages
    assert messages == ["Upload a PDF or a photo (JPEG, PNG or WEBP)."]
