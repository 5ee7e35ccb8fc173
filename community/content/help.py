"""Where to get free help, with the free-help offices of each city listed under it."""

from ._shape import DEFENSORIA, guide, heading, para, source, text, tip

FREE_HELP = guide(
    "ayuda-gratuita",
    "help",
    title=text("Dónde pedir ayuda gratis", "Where to get free help"),
    summary=text(
        "Defensoría del Pueblo, personerías, consultorios jurídicos, inspección del trabajo: "
        "quién hace qué, cómo presentar un derecho de petición o una tutela, y las oficinas de "
        "tu ciudad.",
        "Defensoría del Pueblo, personerías, legal clinics, labour inspection: who does what, "
        "how to file a petition or a tutela, and the offices in your city.",
    ),
    needs=text(
        [
            "El documento de identificación que tengas (cualquiera).",
            "Un resumen corto de tu caso, con fechas.",
            "Copias de los documentos y mensajes que tengan que ver.",
            "Un teléfono o correo donde te puedan contactar.",
        ],
        [
            "Whatever identity document you have.",
            "A short summary of your case, with dates.",
            "Copies of the documents and messages concerned.",
            "A phone number or e-mail address where they can reach you.",
        ],
    ),
    body=[
        heading("Quién hace qué", "Who does what"),
        para(
            "<ul><li><strong>Defensoría del Pueblo</strong>: orienta sobre tus derechos "
            "humanos y te ayuda a defenderlos ante las autoridades.</li>"
            "<li><strong>Personería</strong> de tu municipio: recibe quejas y te ayuda con "
            "derechos de petición y tutelas.</li>"
            "<li><strong>Consultorios jurídicos</strong> de las facultades de derecho: "
            "asesoría y, en algunos casos, representación gratis para personas de pocos "
            "recursos (Ley 2113 de 2021).</li>"
            "<li><strong>Inspección del trabajo</strong> del Ministerio del Trabajo: quejas y "
            "conciliaciones laborales.</li>"
            "<li><strong>Migración Colombia</strong>: tus documentos migratorios, solo por sus "
            "canales oficiales.</li></ul>",
            "<ul><li><strong>Defensoría del Pueblo</strong> (ombudsman): advises on your human "
            "rights and helps you defend them before the authorities.</li>"
            "<li>Your municipality's <strong>Personería</strong>: takes complaints and helps "
            "with petitions and tutelas.</li>"
            "<li>Law schools' <strong>legal clinics</strong> (consultorios jurídicos): free "
            "advice and, in some cases, representation for people of limited means (Law 2113 "
            "of 2021).</li>"
            "<li>The Ministerio del Trabajo's <strong>labour inspection</strong>: labour "
            "complaints and conciliation.</li>"
            "<li><strong>Migración Colombia</strong>: your migration documents, only through "
            "its official channels.</li></ul>",
        ),
        heading("Dos herramientas que puedes usar tú", "Two tools you can use yourself"),
        para(
            "<p>El <strong>derecho de petición</strong> te permite pedir información o una "
            "actuación a una autoridad, por escrito o verbalmente; en general deben responderte "
            "en 15 días hábiles (Ley 1755 de 2015). La <strong>acción de tutela</strong> "
            "protege tus derechos fundamentales cuando una autoridad o un particular los "
            "vulnera; la puedes presentar sin abogado, y las personas extranjeras también "
            "pueden hacerlo.</p>",
            "<p>A <strong>petition</strong> (derecho de petición) lets you ask an authority for "
            "information or action, in writing or orally; in general they must answer within "
            "15 working days (Law 1755 of 2015). The <strong>tutela</strong> protects your "
            "fundamental rights when an authority or a private party violates them; you can "
            "file it without a lawyer, and foreign nationals can file it too.</p>",
        ),
        tip(
            "info",
            "Datos locales",
            "Local details",
            "Abajo están las oficinas de cada ciudad con su página oficial. Nuestro equipo "
            "agrega direcciones y horarios solo cuando los ha verificado.",
            "Below are the offices of each city with their official page. Our team adds "
            "addresses and opening hours only once it has checked them.",
        ),
    ],
    sources=[
        source(
            "Defensoría del Pueblo",
            "Atención y orientación en derechos",
            "Assistance and advice on rights",
            DEFENSORIA,
        ),
        source(
            "Corte Constitucional",
            "Acción de tutela (artículo 86 de la Constitución)",
            "The tutela (article 86 of the Constitution)",
            "https://www.corteconstitucional.gov.co/",
        ),
    ],
    show_help_offices=True,
)

GUIDES = [FREE_HELP]
