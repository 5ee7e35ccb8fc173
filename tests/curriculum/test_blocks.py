import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from curriculum import blocks
from tests.factories.curriculum import make_document, make_image


def test_heading_and_paragraph_render_their_templates():
    assert blocks.HeadingBlock().render("Tus costos") == (
        '<h2 class="lesson-heading">Tus costos</h2>\n'
    )
    html = blocks.ParagraphBlock().render(
        blocks.ParagraphBlock().to_python("<p>Anota <b>todo</b>.</p>")
    )
    assert html == '<div class="lesson-text"><p>Anota <b>todo</b>.</p></div>\n'


# Wagtail's rendition generation leaves its SpooledTemporaryFile to the garbage collector
# (wagtail/images/models.py, generate_rendition_file); that upstream ResourceWarning is not
# ours to fix.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_image_block_renders_modern_formats_with_size_and_lazy_loading(db):
    image = make_image(width=1200, height=600)
    block = blocks.ImageBlock()
    value = block.to_python(
        {"image": image.pk, "alt_text": "Un puesto de arepas", "caption": "Puesto en Cúcuta"}
    )
    html = block.render(value)
    assert html.count("<picture>") == 1
    assert 'type="image/avif"' in html
    assert 'type="image/webp"' in html
    assert 'loading="lazy"' in html
    assert 'alt="Un puesto de arepas"' in html
    assert 'width="360"' in html and 'height="180"' in html
    assert "<figcaption>Puesto en Cúcuta</figcaption>" in html


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        (
            "https://youtu.be/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1",
        ),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"),
        ("https://example.org/video.mp4", None),
        ("javascript:alert(1)", None),
    ],
)
def test_video_embed_url_allows_only_youtube_and_vimeo(url, embed):
    assert blocks.video_embed_url(url) == embed


def test_video_block_is_click_to_load_with_a_visible_summary():
    block = blocks.VideoBlock()
    value = block.to_python(
        {
            "url": "https://youtu.be/dQw4w9WgXcQ",
            "title": "Cómo fijar precios",
            "summary": "Suma tus costos y añade tu margen.",
            "minutes": 4,
        }
    )
    html = block.render(value)
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"' in html
    assert "<iframe" not in html
    assert "Suma tus costos y añade tu margen." in html


def test_video_block_rejects_other_hosts_and_missing_summary():
    block = blocks.VideoBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(
            block.to_python(
                {"url": "https://example.org/v.mp4", "title": "V", "summary": "Resumen"}
            )
        )
    with pytest.raises(StructBlockValidationError):
        block.clean(
            block.to_python({"url": "https://youtu.be/dQw4w9WgXcQ", "title": "V", "summary": ""})
        )


def test_worksheet_block_links_the_document_for_download(db):
    document = make_document()
    block = blocks.WorksheetBlock()
    html = block.render(
        block.to_python(
            {
                "document": document.pk,
                "title": "Hoja de costos",
                "description": "Para calcular tu precio.",
            }
        )
    )
    assert f'href="{document.url}" download' in html
    assert "(CSV, 23\xa0bytes)" in html


def test_callout_checklist_and_action_step_render():
    callout = blocks.CalloutBlock()
    html = callout.render(
        callout.to_python(
            {"kind": "warning", "title": "Cuidado", "text": "No prestes al gota a gota."}
        )
    )
    assert 'class="callout callout-warning"' in html
    checklist = blocks.ChecklistBlock()
    html = checklist.render(
        checklist.to_python({"title": "Antes de vender", "items": ["RUT", "Cuenta"]})
    )
    assert html.count("<li>") == 2
    step = blocks.ActionStepBlock()
    html = step.render(step.to_python({"title": "Esta semana", "text": "Habla con 5 clientes."}))
    assert "Habla con 5 clientes." in html


def _quiz_value(correct_flags):
    return {
        "title": "",
        "questions": [
            {
                "question": "¿Qué es el RUT?",
                "options": [
                    {"text": f"Opción {i}", "correct": flag, "explanation": "Porque sí."}
                    for i, flag in enumerate(correct_flags)
                ],
            }
        ],
    }


def test_quiz_requires_exactly_one_correct_option():
    block = blocks.QuizBlock()
    assert block.clean(block.to_python(_quiz_value([False, True, False])))
    for flags in ([False, False, False], [True, True, False]):
        with pytest.raises(ValidationError):
            block.clean(block.to_python(_quiz_value(flags)))
