"""Starter curriculum for Semilla, as plain Python data (no Django imports).

``COURSES`` is a list of courses. Every user-facing string is a dict with one
entry per language: ``{"es": "...", "en": "..."}``. Spanish is the primary
language (Colombian usage, addressing the reader as "tú"); English is a full
translation, not a summary.

Schema
------

COURSE::

    {
        "slug": "ruta-emprendedora",
        "title": {"es": ..., "en": ...},
        "intro": {"es": ..., "en": ...},
        "modules": [MODULE, ...],
    }

MODULE (one Python module per curriculum module, each defining ``MODULE``)::

    {
        "slug": "validar-idea",
        "title": {"es": ..., "en": ...},
        "intro": {"es": ..., "en": ...},
        "lessons": [LESSON, ...],
    }

LESSON::

    {
        "slug": "conoce-a-tu-cliente",     # ASCII, unique across the course
        "title": {"es": ..., "en": ...},
        "summary": {"es": ..., "en": ...},  # <= 200 characters, for listings
        "minutes": 10,                      # estimated reading minutes, int 5..25
        "level": "beginner" | "intermediate",
        "topics": ["finance", ...],         # subset of TOPICS
        "required": True,                   # counts toward the certificate
        "body": [BLOCK, ...],               # ordered
    }

BLOCK, one of (``type`` selects the shape)::

    {"type": "heading", "text": {"es", "en"}}
    {"type": "paragraph", "html": {"es", "en"}}
        # simple HTML only: <p>, <strong>, <em>, <ul>, <ol>, <li> (see ALLOWED_HTML_TAGS)
    {"type": "tip", "kind": "tip" | "warning" | "info",
     "title": {"es", "en"}, "text": {"es", "en"}}
    {"type": "checklist", "title": {"es", "en"}, "items": {"es": [...], "en": [...]}}
        # both item lists have the same length and order
    {"type": "action_step", "title": {"es", "en"}, "text": {"es", "en"}}
        # something to do in one's own business this week
    {"type": "quiz", "questions": [
        {"question": {"es", "en"},
         "options": [{"text": {"es", "en"}, "correct": bool,
                      "explanation": {"es", "en"}}, ...]},  # 3-4 options, one correct
    ]}

Every lesson has at least three blocks and at least one quiz question or one
action step. Content is general guidance: it never quotes fees, tax rates, UVT
thresholds or statistics (those change; learners are sent to the official
source, e.g. the DIAN or their Cámara de Comercio, for current values).

The content is original to Semilla and released with the project.
"""

from . import (
    hr_inclusive_hiring,
    m1_validate_idea,
    m2_costs_pricing,
    m3_formalisation,
    m4_financial_inclusion,
    m5_marketing,
    m6_pitching,
)

LANGUAGES = ("es", "en")

TOPICS = frozenset(
    {
        "finance",
        "marketing",
        "formalisation",
        "digital",
        "operations",
        "pitching",
        "financial_inclusion",
    }
)

LEVELS = frozenset({"beginner", "intermediate"})

BLOCK_TYPES = frozenset({"heading", "paragraph", "tip", "checklist", "action_step", "quiz"})

TIP_KINDS = frozenset({"tip", "warning", "info"})

ALLOWED_HTML_TAGS = frozenset({"p", "strong", "em", "ul", "ol", "li"})

COURSES = [
    {
        "slug": "ruta-emprendedora",
        "title": {
            "es": "Ruta emprendedora Semilla",
            "en": "Semilla entrepreneur path",
        },
        "intro": {
            "es": (
                "Una ruta práctica para hacer crecer tu negocio en Colombia, llegues de donde "
                "llegues. Vas a validar tu idea con clientes reales, ponerle precio a lo que "
                "vendes, llevar cuentas sencillas, conocer los pasos para formalizarte, usar "
                "servicios financieros seguros, vender por WhatsApp y redes sociales, y "
                "presentar tu negocio para buscar capital semilla. Cada lección se lee en el "
                "celular en pocos minutos y termina con algo concreto para hacer esta semana."
            ),
            "en": (
                "A practical path to grow your business in Colombia, wherever you are coming "
                "from. You will validate your idea with real customers, price what you sell, "
                "keep simple books, learn the steps to formalise, use safe financial services, "
                "sell through WhatsApp and social media, and pitch your business to look for "
                "seed capital. Each lesson takes a few minutes to read on your phone and ends "
                "with something concrete to do this week."
            ),
        },
        "modules": [
            m1_validate_idea.MODULE,
            m2_costs_pricing.MODULE,
            m3_formalisation.MODULE,
            m4_financial_inclusion.MODULE,
            m5_marketing.MODULE,
            m6_pitching.MODULE,
        ],
    },
    hr_inclusive_hiring.COURSE,
]

#: Short courses (for employer partners' HR staff, for example) keep a smaller rule than
#: the entrepreneur path: 2 or 3 modules of at least 3 lessons, at least 6 lessons in all,
#: and a quiz in every lesson (the certificate stands for something).
SHORT_COURSES = frozenset({"contratacion-incluyente"})

__all__ = [
    "ALLOWED_HTML_TAGS",
    "BLOCK_TYPES",
    "COURSES",
    "LANGUAGES",
    "LEVELS",
    "SHORT_COURSES",
    "TIP_KINDS",
    "TOPICS",
]
