"""Benchmark: replaying already-processed Stripe webhook events vs. the first pass.

Usage::

    python bench/webhooks.py            # 1,000 events
    python bench/webhooks.py --quick    # 200 events, for CI smoke runs

Each event is a signed ``checkout.session.completed`` for a sponsor contribution (the
first pass credits the contribution and writes one ledger entry). Both passes go through
the real webhook view (signature verification with ``stripe.Webhook.construct_event``,
the duplicate check, the service), called with Django's ``RequestFactory`` on a copy of the
benchmark SQLite database. The replay must take at most half the time of the first pass
and write nothing to the ledger.

Prints ``name: value`` lines; :func:`run` returns the same figures as a dict.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import log, prepare_sqlite  # noqa: E402

SECRET = "whsec_bench_webhooks"  # noqa: S105 - a benchmark-only signing secret


def _setup(db_url: str) -> None:
    os.environ["DATABASE_URL"] = db_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "semilla.settings.test"
    os.environ["STRIPE_WEBHOOK_SECRET"] = SECRET
    import django

    django.setup()
    from django.conf import settings

    settings.STRIPE_WEBHOOK_SECRET = SECRET


def _events(count: int) -> list[tuple[bytes, str]]:
    """Contributions waiting for payment and their signed completion events."""
    import json

    import stripe

    from pitchday.models import Contribution, Fund

    fund, _created = Fund.objects.get_or_create(name="Bench fund", defaults={"currency": "COP"})
    stamp = int(time.time())
    contributions = Contribution.objects.bulk_create(
        [
            Contribution(
                fund=fund,
                amount=50_000_00,
                currency="COP",
                sponsor_name=f"Sponsor {i}",
                sponsor_email=f"s{i}@example.org",
                checkout_session_id=f"cs_bench_{stamp}_{i}",
            )
            for i in range(count)
        ]
    )
    signed = []
    for i, contribution in enumerate(contributions):
        event = {
            "id": f"evt_bench_{stamp}_{i}",
            "object": "event",
            "type": "checkout.session.completed",
            "created": stamp,
            "livemode": False,
            "api_version": stripe.api_version,
            "pending_webhooks": 1,
            "data": {
                "object": {
                    "id": contribution.checkout_session_id,
                    "object": "checkout.session",
                    "amount_total": contribution.amount,
                    "currency": "cop",
                    "payment_status": "paid",
                    "status": "complete",
                    "mode": "payment",
                    "client_reference_id": str(contribution.pk),
                    "metadata": {"contribution": str(contribution.pk)},
                }
            },
        }
        payload = json.dumps(event)
        signed.append(
            (payload.encode(), stripe.WebhookSignature.generate_signature_header(payload, SECRET))
        )
    return signed


def _deliver_all(signed: list[tuple[bytes, str]]) -> float:
    from django.test import RequestFactory

    from pitchday.views import stripe_webhook

    factory = RequestFactory()
    start = time.perf_counter()
    for body, header in signed:
        request = factory.post(
            "/stripe/webhook/", body, content_type="application/json", HTTP_STRIPE_SIGNATURE=header
        )
        response = stripe_webhook(request)
        if response.status_code != 200:
            raise RuntimeError(f"webhook answered {response.status_code}")
    return time.perf_counter() - start


def run(quick: bool = False) -> dict[str, object]:
    count = 200 if quick else 1_000
    db = prepare_sqlite("webhooks")
    try:
        _setup(db.url)
        from pitchday.models import LedgerEntry, StripeEvent

        signed = _events(count)
        log(f"webhooks: first pass of {count} events")
        before = LedgerEntry.objects.count()
        first = _deliver_all(signed)
        after_first = LedgerEntry.objects.count()
        log("webhooks: replay")
        replay = _deliver_all(signed)
        after_replay = LedgerEntry.objects.count()
        processed = StripeEvent.objects.filter(event_id__startswith="evt_bench_").count()
    finally:
        from django.db import connections

        connections.close_all()
        db.cleanup()
    return {
        "webhooks_events": count,
        "webhooks_first_pass_s": round(first, 3),
        "webhooks_replay_s": round(replay, 3),
        "webhooks_ratio": round(replay / first, 3),
        "webhooks_first_pass_ledger_writes": after_first - before,
        "webhooks_ledger_writes": after_replay - after_first,
        "webhooks_events_recorded": processed,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 events, for CI smoke")
    args = parser.parse_args(argv)
    for name, value in run(args.quick).items():
        print(f"{name}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
