"""Mobile numbers: parsed and stored in E.164 with the ``phonenumbers`` library, so that
Colombian and Venezuelan numbers written the way people write them (``300 123 4567``,
``+58 412-1234567``, ``0412 1234567``) end up in one form the provider accepts."""

from __future__ import annotations

import phonenumbers

#: Regions tried, in order, for a number written without its country code.
REGIONS = ("CO", "VE")
MOBILE_TYPES = frozenset(
    {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
)


class InvalidPhone(ValueError):
    pass


def normalize_phone(raw: str) -> str:
    """``raw`` as an E.164 mobile number (``+573001234567``); raises InvalidPhone."""
    text = (raw or "").strip()
    if text.startswith("whatsapp:"):
        text = text.removeprefix("whatsapp:")
    for region in REGIONS:
        try:
            number = phonenumbers.parse(text, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number) and (
            phonenumbers.number_type(number) in MOBILE_TYPES
        ):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    raise InvalidPhone(raw)


def display_phone(e164: str) -> str:
    """The number in international format for people to read (``+57 300 1234567``)."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
