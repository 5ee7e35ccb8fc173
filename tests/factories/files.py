"""Files as people send them: a PDF with its author in the metadata, a phone photo with
its GPS position in the EXIF."""

import io

from PIL import Image
from PIL.ExifTags import IFD


def pdf_bytes(*, author: str = "Yolimar Pérez", javascript: str = "") -> bytes:
    """A readable one-page PDF whose document information names its author."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Author": author, "/Producer": "Escáner del barrio"})
    if javascript:
        from pypdf.generic import DictionaryObject, NameObject, TextStringObject

        action = DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject(javascript),
            }
        )
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png_bytes(size=(1, 1)) -> bytes:
    """A small, clean PNG."""
    out = io.BytesIO()
    Image.new("RGBA", size, (0, 0, 0, 0)).save(out, format="PNG")
    return out.getvalue()


#: Where the photo was taken (a home in Cúcuta): degrees, minutes, seconds.
GPS_LATITUDE = (7.0, 53.0, 38.0)


def jpeg_with_gps(*, size=(40, 30), fmt: str = "JPEG") -> bytes:
    """A phone photo: maker, model and GPS position in its EXIF."""
    image = Image.new("RGB", size, (180, 90, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Model X"  # Model
    gps = exif.get_ifd(IFD.GPSInfo)
    gps[1], gps[2], gps[3], gps[4] = "N", GPS_LATITUDE, "W", (72.0, 30.0, 12.0)
    out = io.BytesIO()
    image.save(out, format=fmt, exif=exif.tobytes())
    return out.getvalue()


def exif_of(content: bytes) -> dict:
    """The EXIF tags of an image file ({} when it has none)."""
    with Image.open(io.BytesIO(content)) as image:
        exif = image.getexif()
        return {**dict(exif), **{f"gps{k}": v for k, v in exif.get_ifd(IFD.GPSInfo).items()}}
