"""Showcase photos: after the upload pipeline has checked the file and stripped its
metadata, the picture is made small enough for the page-weight budget (a phone on
prepaid data; docs/performance.md): at most 960 px on its longest side, JPEG, and at most
``MAX_BYTES``. A busy picture (a market stall, a shelf of products) can weigh three
times a calm one at the same size, so it is stored as the first rendition of
``RENDITIONS`` that fits: less JPEG quality first, then fewer pixels."""

import io

from PIL import Image

from semilla.upload_pipeline import JPEG, CleanUpload

MAX_SIDE = 960
#: the business page must stay within 150 KB on a first visit with its photo
MAX_BYTES = 80_000
#: (longest side in px, JPEG quality), best first; the last one is kept whatever it weighs
RENDITIONS = ((MAX_SIDE, 78), (MAX_SIDE, 65), (720, 70), (480, 70), (480, 50))


def _encode(picture: Image.Image, side: int, quality: int) -> bytes:
    copy = picture.copy()
    copy.thumbnail((side, side))
    out = io.BytesIO()
    copy.save(out, format="JPEG", quality=quality, optimize=True)
    return out.getvalue()


def downscale(photo: CleanUpload) -> CleanUpload:
    with Image.open(io.BytesIO(photo.content)) as image:
        picture = image.convert("RGB")
    for side, quality in RENDITIONS:
        content = _encode(picture, side, quality)
        if len(content) <= MAX_BYTES:
            break
    return CleanUpload(content, name="photo.jpg", content_type=JPEG)
