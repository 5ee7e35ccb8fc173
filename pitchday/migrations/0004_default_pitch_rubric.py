"""The default pitch rubric (weights sum to 100), in Spanish and English."""

from django.db import migrations

CRITERIA = [
    (
        "Problema y cliente",
        "Problem and customer",
        "¿Entiende un problema real y sabe quién paga por la solución?",
        "Do they understand a real problem and who pays for the solution?",
        20,
    ),
    (
        "Modelo de negocio",
        "Business model",
        "¿Cómo gana dinero? ¿Los números (precios, costos, margen) tienen sentido?",
        "How does it make money? Do prices, costs and margin make sense?",
        20,
    ),
    (
        "Avances y ventas",
        "Traction and sales",
        "Ventas, clientes que vuelven, pedidos: lo que ya logró.",
        "Sales, returning customers, orders: what is already achieved.",
        15,
    ),
    (
        "Equipo y capacidad",
        "Team and capability",
        "¿Puede la persona o el equipo ejecutar el plan?",
        "Can the person or team carry out the plan?",
        15,
    ),
    (
        "Uso del capital semilla",
        "Use of the seed capital",
        "¿El uso de fondos es concreto, realista y genera crecimiento?",
        "Is the use of funds concrete, realistic and growth-producing?",
        20,
    ),
    (
        "Presentación",
        "Pitch delivery",
        "Claridad, manejo del tiempo y respuestas a las preguntas.",
        "Clarity, timing and answers to questions.",
        10,
    ),
]


def forwards(apps, schema_editor):
    Rubric = apps.get_model("pitchday", "PitchRubric")
    Criterion = apps.get_model("pitchday", "PitchCriterion")
    rubric, created = Rubric.objects.get_or_create(
        name="Rúbrica de pitch Semilla", defaults={"is_default": True}
    )
    if created:
        Criterion.objects.bulk_create(
            [
                Criterion(
                    rubric=rubric,
                    order=i,
                    name_es=es,
                    name_en=en,
                    guidance_es=ges,
                    guidance_en=gen,
                    weight=w,
                )
                for i, (es, en, ges, gen, w) in enumerate(CRITERIA)
            ]
        )


class Migration(migrations.Migration):
    dependencies = [("pitchday", "0003_pitch_events")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
