"""Guides on health and social security: joining the health system, and social security
as an independent worker."""

from ._shape import (
    ADRES,
    COLPENSIONES,
    MINSALUD,
    MINTRABAJO,
    SISBEN,
    guide,
    heading,
    para,
    source,
    text,
    tip,
)

HEALTH = guide(
    "afiliacion-a-salud",
    "health",
    title=text(
        "Afíliate al sistema de salud",
        "Join the health system",
    ),
    summary=text(
        "Con tu PPT puedes afiliarte a una EPS: por tu trabajo (régimen contributivo) o, si "
        "no puedes pagar, al régimen subsidiado con el Sisbén. Y las urgencias no se niegan a "
        "nadie.",
        "With your PPT you can join an EPS: through your work (contributory scheme) or, if you "
        "cannot pay, the subsidised scheme through the Sisbén. And emergency care is refused to "
        "no one.",
    ),
    needs=text(
        [
            "Tu PPT y los documentos de las personas de tu familia que vas a afiliar.",
            "Tu dirección y un teléfono.",
            "Para el régimen subsidiado: la encuesta del Sisbén de tu hogar.",
            "Si trabajas por tu cuenta: lo que ganas al mes, para calcular tu aporte.",
        ],
        [
            "Your PPT and the documents of the family members you will enrol.",
            "Your address and a phone number.",
            "For the subsidised scheme: your household's Sisbén survey.",
            "If you work on your own: your monthly income, to work out your contribution.",
        ],
    ),
    body=[
        heading("Dos regímenes", "Two schemes"),
        para(
            "<p>En el <strong>régimen contributivo</strong> estás si tienes contrato de trabajo "
            "(tu empleador te afilia y paga una parte) o si trabajas por tu cuenta y pagas tus "
            "aportes. El <strong>régimen subsidiado</strong> es para quien no puede pagar: "
            "para entrar necesitas la encuesta del <strong>Sisbén</strong>, y tu clasificación "
            "decide si puedes acceder. La encuesta se pide en la oficina del Sisbén de tu "
            "municipio, con tu PPT.</p>",
            "<p>You are in the <strong>contributory scheme</strong> if you have an employment "
            "contract (your employer enrols you and pays part) or if you work on your own and "
            "pay your contributions. The <strong>subsidised scheme</strong> is for people who "
            "cannot pay: to enter you need the <strong>Sisbén</strong> survey, and your "
            "classification decides whether you qualify. You ask for the survey at your "
            "municipality's Sisbén office, with your PPT.</p>",
        ),
        heading("Urgencias", "Emergencies"),
        para(
            "<p>La <strong>atención inicial de urgencias</strong> no se le puede negar a nadie, "
            "tenga o no documentos o afiliación (Ley 1751 de 2015, ley estatutaria de salud). "
            "Las vacunas del esquema nacional también son gratuitas.</p>",
            "<p><strong>Initial emergency care</strong> cannot be refused to anyone, with or "
            "without documents or enrolment (Law 1751 of 2015, the statutory health law). "
            "Vaccines in the national schedule are also free.</p>",
        ),
        heading("Consulta tu afiliación", "Check your enrolment"),
        para(
            "<p>En la página de la <strong>ADRES</strong> consultas con tu número de documento "
            "en qué EPS estás y en qué régimen. Si cambias de ciudad, avisa a tu EPS o pide el "
            "traslado.</p>",
            "<p>On the <strong>ADRES</strong> website you check, with your document number, "
            "which EPS you are in and under which scheme. If you move to another city, tell "
            "your EPS or ask for a transfer.</p>",
        ),
        tip(
            "info",
            "Afilia a tu familia",
            "Enrol your family",
            "Tus hijos, tu pareja y en algunos casos tus padres pueden ser tus beneficiarios en "
            "la misma EPS. Pregunta qué documentos de ellos necesitas.",
            "Your children, your partner and in some cases your parents can be your "
            "beneficiaries in the same EPS. Ask which of their documents you need.",
        ),
    ],
    sources=[
        source(
            "Ministerio de Salud y Protección Social",
            "Afiliación de población migrante, regímenes y atención de urgencias (Ley 1751 "
            "de 2015)",
            "Enrolment of migrants, schemes and emergency care (Law 1751 of 2015)",
            MINSALUD,
        ),
        source(
            "ADRES",
            "Consulta de afiliados (BDUA)",
            "Enrolment look-up (BDUA)",
            ADRES,
        ),
        source(
            "Sisbén (Departamento Nacional de Planeación)",
            "Cómo pedir la encuesta y consultar tu clasificación",
            "How to ask for the survey and check your classification",
            SISBEN,
        ),
    ],
)

INDEPENDENT = guide(
    "seguridad-social-independientes",
    "health",
    title=text(
        "Seguridad social si trabajas por tu cuenta",
        "Social security if you work on your own",
    ),
    summary=text(
        "Si tienes un negocio o trabajas con contratos de servicios: cómo se calculan tus "
        "aportes a salud y pensión, cuándo necesitas ARL y cómo pagar por la PILA.",
        "If you run a business or work on service contracts: how your health and pension "
        "contributions are worked out, when you need an ARL and how to pay through the PILA.",
    ),
    needs=text(
        [
            "Tu PPT y tu RUT.",
            "Tus ingresos del mes (facturas, contratos o tus registros).",
            "Tu EPS y tu fondo de pensiones elegidos.",
            "Acceso a un operador de la PILA (en línea o en un punto de pago).",
        ],
        [
            "Your PPT and your RUT.",
            "Your income for the month (invoices, contracts or your own records).",
            "The EPS and pension fund you chose.",
            "Access to a PILA operator (online or at a payment point).",
        ],
    ),
    body=[
        heading("Cuánto aportas", "How much you contribute"),
        para(
            "<p>Si trabajas por tu cuenta y ganas al menos un salario mínimo al mes, aportas a "
            "salud y a pensión. La base de cotización es, en general, el <strong>40 % de tus "
            "ingresos mensuales</strong> y nunca menos de un salario mínimo. Pagas cada mes por "
            "la <strong>Planilla Integrada de Liquidación de Aportes (PILA)</strong>.</p>",
            "<p>If you work on your own and earn at least one minimum wage a month, you "
            "contribute to health and pension. The contribution base is, in general, "
            "<strong>40% of your monthly income</strong> and never less than one minimum wage. "
            "You pay every month through the <strong>PILA</strong> (the integrated "
            "contributions form).</p>",
        ),
        heading("Riesgos laborales (ARL)", "Occupational risks (ARL)"),
        para(
            "<p>Si tienes un contrato de prestación de servicios de más de un mes, debes estar "
            "afiliado o afiliada a una <strong>ARL</strong>. Si trabajas por tu cuenta sin "
            "contrato, la afiliación es voluntaria, y vale la pena si tu oficio tiene "
            "riesgos.</p>",
            "<p>If you have a service contract longer than one month, you must be enrolled in "
            "an <strong>ARL</strong> (occupational risk insurer). If you work on your own "
            "without a contract, enrolment is voluntary, and worth it if your trade has "
            "risks.</p>",
        ),
        heading("Pensión", "Pension"),
        para(
            "<p>Puedes cotizar en Colpensiones o en un fondo privado. El sistema pensional está "
            "en reforma (Ley 2381 de 2024) y su aplicación ha tenido cambios: consulta en "
            "Colpensiones o en el Ministerio del Trabajo qué reglas te aplican hoy antes de "
            "decidir o trasladarte.</p>",
            "<p>You can contribute to Colpensiones or to a private fund. The pension system is "
            "being reformed (Law 2381 of 2024) and its application has changed along the way: "
            "check with Colpensiones or the Ministerio del Trabajo which rules apply to you "
            "today before deciding or moving.</p>",
        ),
        tip(
            "tip",
            "Súmalo a tus costos",
            "Add it to your costs",
            "Tus aportes son un costo fijo de tu negocio: inclúyelos cuando calcules tus "
            "precios (lo ves en el módulo de costos y precios del curso).",
            "Your contributions are a fixed cost of your business: include them when you set "
            "your prices (see the costs and pricing module of the course).",
        ),
    ],
    sources=[
        source(
            "Ministerio de Salud y Protección Social",
            "Aportes de trabajadores independientes y PILA",
            "Contributions of independent workers and the PILA",
            MINSALUD,
        ),
        source(
            "Ministerio del Trabajo",
            "Afiliación a riesgos laborales de contratistas e independientes; reforma "
            "pensional (Ley 2381 de 2024)",
            "Occupational risk enrolment of contractors and independents; pension reform "
            "(Law 2381 of 2024)",
            MINTRABAJO,
        ),
        source(
            "Colpensiones",
            "Afiliación y cotización al régimen de prima media",
            "Enrolment and contributions to the public pension scheme",
            COLPENSIONES,
        ),
    ],
)

GUIDES = [HEALTH, INDEPENDENT]
