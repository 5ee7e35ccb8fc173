import io

import pytest
from PIL import Image

from cohorts.enums import ApplicationStatus
from semilla.enums import Role
from tests.factories.cohorts import (
    ApplicationFactory,
    CohortFactory,
    DraftApplicationFactory,
    ReviewAssignmentFactory,
)
from tests.factories.files import pdf_bytes


@pytest.fixture
def cohort(db):
    return CohortFactory()


def jpeg_bytes(*, size=(40, 30), exif: bool = True) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    out = io.BytesIO()
    if exif:
        exif_data = Image.Exif()
        exif_data[0x010F] = "PhoneMaker"  # Make
        exif_data[0x0110] = "Model X"  # Model
        image.save(out, format="JPEG", exif=exif_data.tobytes())
    else:
        image.save(out, format="JPEG")
    return out.getvalue()


PDF_BYTES = pdf_bytes()


@pytest.fixture
def people(make_user, cohort):
    """Everyone the permission matrix needs, around one submitted application."""
    owner = make_user(Role.ENTREPRENEUR)
    other = make_user(Role.ENTREPRENEUR)
    reviewer = make_user(Role.REVIEWER)
    unassigned = make_user(Role.REVIEWER)
    staff = make_user(Role.STAFF)
    application = ApplicationFactory(user=owner, cohort=cohort, status=ApplicationStatus.IN_REVIEW)
    assignment = ReviewAssignmentFactory(application=application, reviewer=reviewer)
    draft = DraftApplicationFactory(user=owner, cohort=CohortFactory())
    return {
        "anonymous": None,
        "applicant": owner,
        "other_applicant": other,
        "reviewer": reviewer,
        "unassigned_reviewer": unassigned,
        "staff": staff,
        "application": application,
        "assignment": assignment,
        "draft": draft,
    }
