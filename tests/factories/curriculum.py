"""Curriculum fixtures: small courses in the starter content's schema, loaded through the
real loader (Spanish pages, then English translations), plus images and documents."""

import io
from dataclasses import dataclass

from django.core.files.base import ContentFile
from wagtail.models import Locale

CORRECT = 1  # index of the correct option in every generated question


def lesson_data(slug: str, *, quiz: bool = True, required: bool = True, title: str = "") -> dict:
    title = title or slug.replace("-", " ").capitalize()
    body = [
        {
            "type": "paragraph",
            "html": {
                "es": f"<p>Texto de la lección {title}: registra tus <strong>ventas</strong> "
                "cada día.</p>",
                "en": f"<p>Text of the lesson {title}: record your <strong>sales</strong> "
                "every day.</p>",
            },
        },
        {
            "type": "tip",
            "kind": "tip",
            "title": {"es": "Consejo", "en": "Tip"},
            "text": {"es": "Usa un cuaderno.", "en": "Use a notebook."},
        },
        {
            "type": "action_step",
            "title": {"es": "Esta semana", "en": "This week"},
            "text": {"es": "Anota cada venta.", "en": "Write down every sale."},
        },
    ]
    if quiz:
        body.append(
            {
                "type": "quiz",
                "questions": [
                    {
                        "question": {
                            "es": "¿Qué conviene anotar?",
                            "en": "What should you write down?",
                        },
                        "options": [
                            {
                                "text": {"es": "Nada", "en": "Nothing"},
                                "correct": False,
                                "explanation": {
                                    "es": "Sin registros no sabes si ganas.",
                                    "en": "Without records you cannot tell if you earn.",
                                },
                            },
                            {
                                "text": {"es": "Cada venta", "en": "Every sale"},
                                "correct": True,
                                "explanation": {
                                    "es": "Así sabes cuánto entra.",
                                    "en": "That is how you know what comes in.",
                                },
                            },
                            {
                                "text": {"es": "Solo las grandes", "en": "Only big ones"},
                                "correct": False,
                                "explanation": {
                                    "es": "Las pequeñas también suman.",
                                    "en": "Small ones add up too.",
                                },
                            },
                        ],
                    }
                ],
            }
        )
    return {
        "slug": slug,
        "title": {"es": f"Lección {title}", "en": f"Lesson {title}"},
        "summary": {
            "es": f"Resumen de {title}: ventas y cuentas.",
            "en": f"Summary of {title}: sales and books.",
        },
        "minutes": 5,
        "level": "beginner",
        "topics": ["finance"],
        "required": required,
        "body": body,
    }


def course_data(
    slug: str = "curso-corto", *, modules: int = 1, lessons: int = 2, quiz: bool = True
) -> dict:
    return {
        "slug": slug,
        "title": {"es": "Curso corto de cuentas", "en": "Short bookkeeping course"},
        "intro": {
            "es": "Un curso breve para llevar cuentas.",
            "en": "A brief course on keeping books.",
        },
        "modules": [
            {
                "slug": f"{slug}-modulo-{m}",
                "title": {"es": f"Módulo {m}", "en": f"Module {m}"},
                "intro": {"es": "Introducción del módulo.", "en": "Module introduction."},
                "lessons": [
                    lesson_data(f"{slug}-m{m}-leccion-{n}", quiz=quiz)
                    for n in range(1, lessons + 1)
                ],
            }
            for m in range(1, modules + 1)
        ],
    }


@dataclass
class LoadedCourse:
    index: object
    course: object
    modules: list
    lessons: list
    en_course: object
    en_lessons: list


def load_course(slug: str = "curso-corto", **kwargs) -> LoadedCourse:
    """Home page, curriculum index and one course in both languages, published."""
    from curriculum.loader import load
    from curriculum.models import CoursePage, CurriculumIndexPage, LessonPage, ModulePage
    from semilla.demo import seed_home_page

    seed_home_page()
    load(courses=[course_data(slug, **kwargs)])
    es = Locale.objects.get(language_code="es")
    en = Locale.objects.get(language_code="en")
    course = CoursePage.objects.get(slug=slug, locale=es)
    en_course = CoursePage.objects.get(slug=slug, locale=en)
    return LoadedCourse(
        index=CurriculumIndexPage.objects.get(locale=es),
        course=course,
        modules=list(ModulePage.objects.child_of(course).order_by("path")),
        lessons=list(LessonPage.objects.descendant_of(course).order_by("path")),
        en_course=en_course,
        en_lessons=list(LessonPage.objects.descendant_of(en_course).order_by("path")),
    )


def correct_answers(lesson) -> tuple[str, list[int]]:
    quiz_id = lesson.quiz_ids[0]
    return quiz_id, [CORRECT] * len(lesson.quiz_value(quiz_id)["questions"])


def make_image(width: int = 800, height: int = 500, title: str = "Foto de un puesto"):
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (20, 120, 60)).save(buffer, "PNG")
    return Image.objects.create(
        title=title, file=ContentFile(buffer.getvalue(), "puesto.png"), width=width, height=height
    )


def make_document(title: str = "Hoja de costos"):
    from wagtail.documents.models import Document

    content = b"costo,precio\n1000,1500\n"
    return Document.objects.create(
        title=title, file=ContentFile(content, "costos.csv"), file_size=len(content)
    )
