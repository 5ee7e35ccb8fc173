"""Showcase photos fit the business page's weight budget whatever the picture shows."""

import io

from PIL import Image

from market.photos import MAX_BYTES, MAX_SIDE, _encode, downscale
from semilla.upload_pipeline import JPEG, CleanUpload

SIZE = (2400, 1600)


def _upload(picture: Image.Image) -> CleanUpload:
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=92)
    return CleanUpload(out.getvalue(), name="foto.jpg", content_type=JPEG)


def _calm() -> Image.Image:
    """Smooth gradients: small at full size."""
    base = Image.linear_gradient("L").resize(SIZE)
    return Image.merge(
        "RGB", [base, base.rotate(90), base.transpose(Image.Transpose.FLIP_LEFT_RIGHT)]
    )


def _busy() -> Image.Image:
    """Fine detail in every channel (a shelf of products): about 120 KB at 960 px."""
    base = Image.linear_gradient("L").resize(SIZE)
    return Image.merge(
        "RGB", [Image.blend(base, Image.effect_noise(SIZE, 80), 0.6) for _ in range(3)]
    )


def _stored(picture: Image.Image) -> tuple[int, int]:
    """(longest side, bytes) of what the showcase stores for ``picture``."""
    small = downscale(_upload(picture))
    with Image.open(io.BytesIO(small.content)) as image:
        return max(image.size), len(small.content)


def test_downscale_a_calm_photo_keeps_the_full_size():
    side, size = _stored(_calm())
    assert (side, size <= MAX_BYTES) == (MAX_SIDE, True)


def test_downscale_a_busy_photo_fits_the_byte_budget():
    """At 960 px and the calm photo's quality the busy one would weigh too much."""
    busy = _busy()
    first_try = len(_encode(busy, MAX_SIDE, 78))
    _side, size = _stored(busy)
    assert (first_try > MAX_BYTES, size <= MAX_BYTES) == (True, True)
