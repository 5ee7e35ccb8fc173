"""The guards themselves: each must see what the issue saw (a guard that sees nothing
passes every page)."""

import pytest
from django.template import Context, Engine, Template
from django.template.base import Origin
from django.template.loader import render_to_string

from tests.template_guard import ROOT, MissingTemplateVariable, is_our_template
from tests.voice.checks import read_page, voice_problems


def _template(source, path):
    engine = Engine.get_default()
    return Template(source, origin=Origin(name=str(path)), engine=engine)


def test_missing_variable_in_our_template_fails():
    template = _template("Horas: {{ hours }}", ROOT / "mentors" / "templates" / "x.html")
    with pytest.raises(MissingTemplateVariable) as error:
        template.render(Context({}))
    assert "'hours' is not in the context" in str(error.value)


def test_missing_variable_in_blocktranslate_of_our_template_fails():
    template = _template(
        "{% load i18n %}{% blocktranslate %}Horas: {{ hours }}{% endblocktranslate %}",
        ROOT / "site" / "templates" / "x.html",
    )
    with pytest.raises(MissingTemplateVariable):
        template.render(Context({}))


def test_missing_variable_in_third_party_template_renders_as_in_production():
    path = ROOT / ".venv" / "lib" / "wagtail" / "x.html"
    template = _template('[{{ a }}|{{ b|default:"y" }}|{{ c.d }}]', path)
    assert template.render(Context({})) == "[|y|]"


def test_present_and_falsy_variables_render_in_our_template():
    template = _template("{{ a }}|{{ b|default:'—' }}", ROOT / "site" / "templates" / "x.html")
    assert template.render(Context({"a": 0, "b": None})) == "0|—"


def test_our_templates_are_told_from_others():
    assert (
        is_our_template(str(ROOT / "cohorts" / "templates" / "a.html")),
        is_our_template(str(ROOT / ".venv" / "x.html")),
        is_our_template("<unknown source>"),
        is_our_template("/usr/lib/x.html"),
    ) == (True, False, False, False)


def test_a_real_template_of_ours_without_its_context_fails():
    with pytest.raises(MissingTemplateVariable) as error:
        render_to_string("reporting/_outcomes.html", {"outcomes": {}})
    assert "'outcomes.after_label' is not in the context" in str(error.value)


HTML = """<!doctype html><html lang="es"><head><title>t</title></head><body>
<h1>Uno</h1><h3>Tres</h3>
<div id="a"></div><div id="a"></div>
<label for="nadie">x</label>
<p hx-get="/x">x</p>
<input type="radio" name="color" value="1">
<fieldset><legend>Tamaño</legend><input type="radio" name="size" value="1"></fieldset>
<p hidden>None</p><p lang="en">The English terms</p>
</body></html>"""


def test_markup_checks_find_each_fault():
    assert read_page(HTML).html_errors == [
        "<p hx-get>: not valid HTML, write data-hx-get",
        'duplicate id="a" (2 times)',
        '<label for="nadie">: no element has that id',
        "heading h1 followed by h3 (a level skipped)",
        'radio group "color" is not inside a <fieldset> with a <legend>',
    ]


def test_parse_errors_are_reported():
    assert read_page("<!doctype html><p><b>x</p></i>").html_errors != []


def test_hidden_and_other_language_text_is_not_read():
    assert read_page(HTML).text == "t Uno Tres x x Tamaño"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Lo que necesitas: finance, marketing", "es", ["raw value 'finance'"]),
        ("Historial: agreement_accepted", "en", ["raw value 'agreement_accepted'"]),
        ("Revisado: True, idiomas ['es']", "es", ['Python value "[\'"', "Python value 'True'"]),
        ("None yet.", "en", []),
        ("Envíala antes del 2026-12-11 16:20", "es", ["ISO date '2026-12-11'"]),
        ("a las 4:20 p.m.. Gracias", "es", ["two full stops"]),
        ("Martes 8 diciembre", "es", ["date without 'de' '8 diciembre'"]),
        ("Martes 8 de diciembre", "es", []),
        ("Postulantes 0 febrero de 2026 3", "es", []),
        (
            "Por favor, confirme su cuenta",
            "es",
            ["formal 'Por favor, confirme'", "formal 'su cuenta'"],
        ),
        ("en cuanto el proveedor lo confirme; cambiaron su correo", "es", []),
        ("Código de verificación: QVZJ-PYSP-7ADD", "es", []),
        (
            "Sign in with your password",
            "es",
            ["English 'Sign'", "English 'with'", "English 'your'", "English 'password'"],
        ),
        ("Sexo --------- Mujer", "es", ["bare empty choice"]),
        ("Semilla por WhatsApp: mentora de pitch", "es", []),
    ],
)
def test_voice_checks_find_each_fault(text, language, expected):
    found = voice_problems(
        text, language=language, codes={"agreement_accepted"}, spanish_codes={"finance"}
    )
    assert [problem.split(":")[0] for problem in found] == [e.split(":")[0] for e in expected]
