"""The "Know your rights" guides, as plain Python data (no Django imports), in the shape
of the curriculum's content (``curriculum.content``): every text a reader sees is a dict
``{"es": ..., "en": ...}``; Spanish first (Colombian usage, "tú"), English a full
translation.

GUIDE::

    {
        "slug": "permiso-por-proteccion-temporal",   # ASCII, unique
        "topic": "documents",                       # a community.enums.GuideTopic value
        "title": {"es", "en"},
        "summary": {"es", "en"},                     # <= 300 characters
        "needs": {"es": [...], "en": [...]},         # "what you need", same length
        "body": [BLOCK, ...],                        # heading / paragraph / tip blocks,
                                                     # as in curriculum.content
        "sources": [{"institution": "DIAN", "title": {"es", "en"}, "url": "https://..."}],
        "last_reviewed": "2026-12-05",               # ISO dates
        "review_by": "2027-06-05",
        "show_help_offices": False,                  # list the cities' free-help offices
    }

Rules for the text: state only what the named official sources say; no fees, amounts,
rates or UVT thresholds (they change every year); where a rule may have changed since the
review, say so and name the source to verify with. Never a phone number or an address:
offices are snippets (``HELP_OFFICES``) that staff complete in the console.

The content is original to Semilla and released with the project.
"""

from . import business, documents, employers, health, help, money, work
from .offices import HELP_OFFICES

INDEX = {
    "slug": "conoce-tus-derechos",
    "title": {"es": "Conoce tus derechos", "en": "Know your rights"},
    "intro": {
        "es": (
            "Guías cortas y en lenguaje sencillo sobre lo que más preguntan quienes trabajan o "
            "emprenden en Colombia: el PPT y otros permisos, trabajar con tus derechos, "
            "formalizar tu negocio, abrir una cuenta, afiliarte a salud y dónde pedir ayuda "
            "gratis. No necesitas cuenta para leerlas. Cada guía dice cuándo la revisamos y en "
            "qué fuentes oficiales se basa."
        ),
        "en": (
            "Short guides in plain language on what people who work or run a business in "
            "Colombia ask most: the PPT and other permits, working with your rights, "
            "formalising your business, opening an account, joining the health system and "
            "where to get free help. You need no account to read them. Each guide says when we "
            "last reviewed it and which official sources it rests on."
        ),
    },
}


GUIDES = [
    *documents.GUIDES,
    *work.GUIDES,
    *business.GUIDES,
    *money.GUIDES,
    *health.GUIDES,
    *help.GUIDES,
    *employers.GUIDES,
]

TOPICS = frozenset({"documents", "work", "business", "money", "health", "help", "employers"})
BLOCK_TYPES = frozenset({"heading", "paragraph", "tip"})

__all__ = ["BLOCK_TYPES", "GUIDES", "HELP_OFFICES", "INDEX", "TOPICS"]
