"""Showcase photos: after the upload pipeline has checked the file and stripped its
metadata, the picture is made small enough for the page-weight budget (a phone on
prepaid data): at most 960 px on its longest side, JPEG."""

import io

from PIL import Image

from semilla.upload_pipeline import JPEG, CleanUpload

MAX_SIDE = 960


def downscale(photo: CleanUpload) -> CleanUpload:
    with Image.open(io.BytesIO(photo.content)) as image:
        picture = image.convert("RGB")
    picture.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    picture.save(out, format="JPEG", quality=78, optimize=True)
    return CleanUpload(out.getvalue(), name="photo.jpg", content_type=JPEG)
