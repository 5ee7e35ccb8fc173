"""The employers' guide to inclusive, migrant-centred hiring."""

from ._shape import DEFENSORIA, MIGRACION, MINTRABAJO, guide, heading, para, source, text, tip

HIRING = guide(
    "contratar-personas-migrantes",
    "employers",
    title=text(
        "Guía para empleadores: contratar personas migrantes",
        "Employers' guide: hiring migrants",
    ),
    summary=text(
        "Qué documentos aceptar, cómo verificar un PPT, qué reportar a Migración Colombia, "
        "contratos y pago justos, cómo evitar la discriminación y cómo recibir bien a quien "
        "llega.",
        "Which documents to accept, how to verify a PPT, what to report to Migración Colombia, "
        "fair contracts and pay, how to avoid discrimination and how to welcome a new hire.",
    ),
    needs=text(
        [
            "Copia del documento de la persona (PPT, cédula de extranjería o cédula).",
            "El contrato por escrito, explicado en lenguaje sencillo.",
            "La afiliación a EPS, pensión, caja de compensación y ARL antes del primer día.",
            "Tu usuario en el SIRE de Migración Colombia para reportar la contratación.",
        ],
        [
            "A copy of the person's document (PPT, foreigner's ID card or cédula).",
            "The contract in writing, explained in plain language.",
            "Enrolment in EPS, pension, compensation fund and ARL before the first day.",
            "Your SIRE account at Migración Colombia to report the hiring.",
        ],
    ),
    body=[
        heading("Documentos que sirven para trabajar", "Documents valid for work"),
        para(
            "<p>Una persona venezolana con <strong>PPT</strong> vigente puede trabajar con "
            "cualquier tipo de contrato, sin visa de trabajo. Otras personas extranjeras "
            "trabajan con la <strong>cédula de extranjería</strong> de una visa que lo permita. "
            "Los colombianos retornados trabajan con su cédula. El PEP fue reemplazado por el "
            "PPT: si alguien presenta solo un PEP, verifica su situación con Migración "
            "Colombia.</p>",
            "<p>A Venezuelan with a valid <strong>PPT</strong> may work under any kind of "
            "contract, without a work visa. Other foreign nationals work with the "
            "<strong>foreigner's ID card</strong> (cédula de extranjería) of a visa that allows "
            "it. Returning Colombians work with their cédula. The PEP was replaced by the PPT: "
            "if someone shows only a PEP, check its status with Migración Colombia.</p>",
        ),
        heading("Verificar y reportar", "Verify and report"),
        para(
            "<p>Verifica el documento con los servicios de consulta de Migración Colombia en su "
            "página oficial. Quédate con una copia, nunca con el original. Reporta el inicio y "
            "el fin del contrato de toda persona extranjera en el <strong>SIRE</strong>, dentro "
            "del plazo que fija Migración Colombia; no reportar tiene multas.</p>",
            "<p>Verify the document with Migración Colombia's look-up services on its official "
            "website. Keep a copy, never the original. Report the start and end of every "
            "foreign national's contract in <strong>SIRE</strong>, within the deadline "
            "Migración Colombia sets; failing to report is fined.</p>",
        ),
        heading("Pago y contrato justos", "Fair pay and contracts"),
        para(
            "<p>Rigen las mismas reglas que para cualquier trabajador: salario mínimo o más, "
            "prestaciones, jornada legal y seguridad social desde el primer día (la ARL, antes "
            "de empezar). Usa un contrato escrito y explícalo; si la persona tiene experiencia "
            "o estudios del exterior, reconócelos en el cargo y el salario.</p>",
            "<p>The same rules apply as for any worker: at least the minimum wage, benefits, "
            "legal working hours and social security from the first day (the ARL, before "
            "starting). Use a written contract and explain it; if the person has experience or "
            "studies from abroad, recognise them in the role and the pay.</p>",
        ),
        heading("Sin discriminación", "Without discrimination"),
        para(
            '<ul><li>No escribas "solo colombianos" ni pidas una nacionalidad en tus ofertas: '
            "la Ley 1482 de 2011 castiga la discriminación por nacionalidad.</li>"
            "<li>Evalúa a todas las personas con los mismos criterios, ligados al cargo.</li>"
            "<li>No exijas títulos apostillados o convalidados si el cargo no los necesita.</li>"
            "<li>No pidas pruebas de embarazo ni de VIH.</li></ul>",
            '<ul><li>Do not write "Colombians only" or ask for a nationality in your job '
            "offers: Law 1482 of 2011 punishes discrimination on grounds of nationality.</li>"
            "<li>Assess everyone with the same criteria, tied to the job.</li>"
            "<li>Do not require apostilled or validated degrees if the job does not need "
            "them.</li>"
            "<li>Do not ask for pregnancy or HIV tests.</li></ul>",
        ),
        heading("Una buena bienvenida", "A good welcome"),
        para(
            "<p>Explica el desprendible de pago y las afiliaciones, ayuda a abrir la cuenta de "
            "nómina con el PPT, asigna un compañero o compañera de referencia las primeras "
            "semanas y ofrece un canal claro para quejas. Quien se siente bien recibido se "
            "queda.</p>",
            "<p>Explain the payslip and the enrolments, help open the payroll account with the "
            "PPT, assign a buddy for the first weeks and offer a clear channel for complaints. "
            "People who feel welcome stay.</p>",
        ),
        tip(
            "info",
            "Comparte estas guías",
            "Share these guides",
            "Las guías para trabajadores de esta sección (el PPT, tus derechos en el trabajo, "
            "la afiliación a salud) sirven también para tu equipo de talento humano y para "
            "quienes contratas.",
            "The guides for workers in this section (the PPT, your rights at work, health "
            "affiliation) are useful for your HR team and for the people you hire too.",
        ),
    ],
    sources=[
        source(
            "Migración Colombia",
            "SIRE, verificación de documentos y PPT",
            "SIRE, document verification and the PPT",
            MIGRACION,
        ),
        source(
            "Ministerio del Trabajo",
            "Obligaciones del empleador y trabajadores migrantes",
            "Employer obligations and migrant workers",
            MINTRABAJO,
        ),
        source(
            "Defensoría del Pueblo",
            "Discriminación (Ley 1482 de 2011)",
            "Discrimination (Law 1482 of 2011)",
            DEFENSORIA,
        ),
    ],
)

GUIDES = [HIRING]
