"""The employers' guides to inclusive, migrant-centred hiring: an overview (documents,
verification, pay, discrimination, onboarding), then one guide for each step that needs
more detail: the documents to accept and how to verify a PPT; contracts, fair pay and
social security through PILA; selecting people without discrimination."""

from ._shape import (
    CANCILLERIA,
    DEFENSORIA,
    MIGRACION,
    MINSALUD,
    MINTRABAJO,
    guide,
    heading,
    para,
    source,
    text,
    tip,
)

MINEDUCACION = "https://www.mineducacion.gov.co/"

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


DOCUMENTS = guide(
    "empleadores-documentos-y-verificacion-del-ppt",
    "employers",
    title=text(
        "Para empleadores: qué documentos aceptar y cómo verificar un PPT",
        "For employers: which documents to accept and how to verify a PPT",
    ),
    summary=text(
        "Los documentos con los que una persona extranjera puede trabajar en Colombia, cómo "
        "comprobar que un PPT es válido con Migración Colombia y qué registrar después.",
        "The documents with which a foreign national may work in Colombia, how to check "
        "that a PPT is valid with Migración Colombia, and what to register afterwards.",
    ),
    needs=text(
        [
            "El documento original de la persona, para verlo (no para quedártelo).",
            "Acceso a internet para usar el servicio oficial de verificación de Migración "
            "Colombia.",
            "Tu usuario del SIRE de Migración Colombia.",
            "Tu registro en el RUTEC del Ministerio del Trabajo.",
        ],
        [
            "The person's original document, to see it (not to keep it).",
            "Internet access to use Migración Colombia's official verification service.",
            "Your SIRE account at Migración Colombia.",
            "Your registration in the Ministry of Labour's RUTEC.",
        ],
    ),
    body=[
        heading("Documentos que permiten trabajar", "Documents that allow work"),
        para(
            "<ul>"
            "<li><strong>PPT (Permiso por Protección Temporal):</strong> las personas "
            "venezolanas que lo tienen vigente pueden trabajar con cualquier tipo de contrato, "
            "sin visa.</li>"
            "<li><strong>Cédula de extranjería:</strong> la tienen quienes tienen una visa de "
            "migrante o de residente; revisa que la visa permita trabajar.</li>"
            "<li><strong>Pasaporte con visa:</strong> la visa dice qué actividades permite; "
            "si no permite trabajar para ti, no puedes contratar a la persona.</li>"
            "<li><strong>PEP:</strong> el PPT lo reemplazó. Si alguien te muestra solo un "
            "PEP, verifica con Migración Colombia si sigue vigente.</li>"
            "</ul>",
            "<ul>"
            "<li><strong>PPT (Temporary Protection Permit):</strong> Venezuelans who hold a "
            "valid one may work under any kind of contract, without a visa.</li>"
            "<li><strong>Foreigner's ID card (cédula de extranjería):</strong> held by people "
            "with a migrant or resident visa; check that the visa allows work.</li>"
            "<li><strong>Passport with a visa:</strong> the visa states which activities it "
            "allows; if it does not allow working for you, you cannot hire the person.</li>"
            "<li><strong>PEP:</strong> the PPT replaced it. If someone shows you only a PEP, "
            "check with Migración Colombia whether it is still valid.</li>"
            "</ul>",
        ),
        para(
            "<p>Un PPT <strong>en trámite</strong> no es todavía un permiso de trabajo: espera "
            "a que la persona lo reciba, y dile que vuelva a postularse. Las personas que "
            "solicitan refugio reciben un salvoconducto; pregunta a Cancillería si en ese "
            "momento les permite trabajar.</p>",
            "<p>A PPT <strong>in process</strong> is not a work permit yet: wait until the "
            "person receives it, and invite them to apply again. People who ask for refugee "
            "status receive a safe-conduct; ask Cancillería whether it allows them to work at "
            "that time.</p>",
        ),
        heading("Cómo verificar un PPT", "How to verify a PPT"),
        para(
            "<ol>"
            "<li>Entra a la página oficial de Migración Colombia y busca el servicio de "
            "verificación o consulta del PPT. Nunca uses páginas de terceros.</li>"
            "<li>Escribe el número del documento tal como aparece en el PPT.</li>"
            "<li>Comprueba que el nombre coincide y que el permiso está vigente.</li>"
            "<li>Guarda una copia o una captura del resultado con la fecha de la consulta en "
            "la hoja de vida de la persona.</li>"
            "</ol>",
            "<ol>"
            "<li>Go to Migración Colombia's official website and look for the PPT "
            "verification or look-up service. Never use third-party sites.</li>"
            "<li>Type the document number exactly as it appears on the PPT.</li>"
            "<li>Check that the name matches and that the permit is valid.</li>"
            "<li>Keep a copy or a screenshot of the result, with the date of the check, in "
            "the person's file.</li>"
            "</ol>",
        ),
        heading("Después de contratar", "After hiring"),
        para(
            "<p>Reporta el inicio y el fin del contrato de toda persona extranjera en el "
            "<strong>SIRE</strong> de Migración Colombia, dentro del plazo que fija la "
            "entidad. Registra también a tus trabajadores extranjeros en el "
            "<strong>RUTEC</strong> del Ministerio del Trabajo. Las dos cosas son gratuitas y "
            "en línea.</p>",
            "<p>Report the start and the end of every foreign national's contract in "
            "Migración Colombia's <strong>SIRE</strong>, within the deadline the agency sets. "
            "Also register your foreign workers in the Ministry of Labour's "
            "<strong>RUTEC</strong>. Both are free and online.</p>",
        ),
        tip(
            "warning",
            "No retengas documentos",
            "Never keep documents",
            "Nunca te quedes con el PPT, el pasaporte ni ningún documento original: la persona "
            "lo necesita para todo, y retenerlo es una forma de abuso.",
            "Never keep a person's PPT, passport or any original document: they need it for "
            "everything, and holding it back is a form of abuse.",
        ),
    ],
    sources=[
        source(
            "Migración Colombia",
            "Permiso por Protección Temporal, verificación y SIRE",
            "Temporary Protection Permit, verification and SIRE",
            MIGRACION,
        ),
        source(
            "Cancillería",
            "Visas, cédula de extranjería y refugio",
            "Visas, foreigner's ID card and refugee status",
            CANCILLERIA,
        ),
        source(
            "Ministerio del Trabajo",
            "Registro Único de Trabajadores Extranjeros en Colombia (RUTEC)",
            "Single Register of Foreign Workers in Colombia (RUTEC)",
            MINTRABAJO,
        ),
    ],
)

PAY = guide(
    "empleadores-contrato-pago-justo-y-pila",
    "employers",
    title=text(
        "Para empleadores: contrato, pago justo y seguridad social por PILA",
        "For employers: contract, fair pay and social security through PILA",
    ),
    summary=text(
        "Una persona migrante tiene los mismos derechos laborales que una colombiana: "
        "contrato, salario mínimo o más, prestaciones y afiliación a la seguridad social "
        "pagada por la PILA.",
        "A migrant worker has the same labour rights as a Colombian one: a contract, at "
        "least the minimum wage, benefits and social security paid through PILA.",
    ),
    needs=text(
        [
            "El contrato por escrito, con cargo, salario, jornada y lugar de trabajo.",
            "El número y el tipo de documento de la persona (por ejemplo, PPT).",
            "La afiliación a EPS, fondo de pensiones, ARL y caja de compensación.",
            "Tu acceso a un operador de PILA para pagar los aportes cada mes.",
        ],
        [
            "The contract in writing, with role, pay, working hours and place of work.",
            "The person's document number and type (for example, PPT).",
            "Enrolment in an EPS, a pension fund, an ARL and a compensation fund.",
            "Your access to a PILA operator to pay the contributions every month.",
        ],
    ),
    body=[
        heading("Los mismos derechos", "The same rights"),
        para(
            "<p>El Código Sustantivo del Trabajo rige para todas las personas que trabajan en "
            "Colombia, sin importar su nacionalidad. Eso incluye el salario mínimo legal "
            "(o más), el auxilio de transporte cuando corresponde, la prima de servicios, "
            "las cesantías y sus intereses, las vacaciones, la jornada máxima legal y el pago "
            "de horas extra, dominicales y festivos.</p>",
            "<p>The Labour Code applies to everyone who works in Colombia, whatever their "
            "nationality. That includes the legal minimum wage (or more), the transport "
            "allowance where it applies, the service bonus, severance pay and its interest, "
            "holidays, the maximum legal working hours and pay for overtime, Sundays and "
            "public holidays.</p>",
        ),
        para(
            "<p>Paga lo mismo que pagarías a cualquier persona en ese cargo. La experiencia y "
            "los estudios del exterior cuentan: tenlos en cuenta en el cargo y el salario. "
            "Los montos cambian cada año: consúltalos en el Ministerio del Trabajo.</p>",
            "<p>Pay what you would pay anyone in that job. Experience and studies from abroad "
            "count: take them into account in the role and the pay. Amounts change every "
            "year: check them with the Ministry of Labour.</p>",
        ),
        heading("Seguridad social desde el primer día", "Social security from day one"),
        para(
            "<ul>"
            "<li><strong>ARL</strong> (riesgos laborales): afilia a la persona antes de que "
            "empiece a trabajar.</li>"
            "<li><strong>EPS</strong> (salud), <strong>pensión</strong> y <strong>caja de "
            "compensación familiar</strong>: desde el inicio del contrato. La pensión es "
            "obligatoria para quien no cotiza a un sistema de pensiones de su país.</li>"
            "<li>El PPT sirve como documento de identidad para estas afiliaciones.</li>"
            "</ul>",
            "<ul>"
            "<li><strong>ARL</strong> (occupational risks): enrol the person before they "
            "start working.</li>"
            "<li><strong>EPS</strong> (health), <strong>pension</strong> and <strong>family "
            "compensation fund</strong>: from the start of the contract. Pension is mandatory "
            "for anyone who does not contribute to a pension system in their own country.</li>"
            "<li>The PPT is a valid identity document for these enrolments.</li>"
            "</ul>",
        ),
        heading("Pagar los aportes por la PILA", "Paying contributions through PILA"),
        para(
            "<p>Cada mes pagas los aportes de salud, pensión, riesgos laborales y parafiscales "
            "en la <strong>Planilla Integrada de Liquidación de Aportes (PILA)</strong>, con "
            "un operador autorizado. Escoge el tipo de documento correcto de la persona (por "
            "ejemplo, PPT o cédula de extranjería) para que sus aportes queden a su nombre y "
            "pueda usar su EPS sin problemas.</p>",
            "<p>Every month you pay health, pension, occupational risk and payroll "
            "contributions through the <strong>Integrated Contribution Form (PILA)</strong>, "
            "with an authorised operator. Choose the person's correct document type (for "
            "example, PPT or foreigner's ID card) so that their contributions are in their "
            "name and they can use their EPS without trouble.</p>",
        ),
        tip(
            "info",
            "Explica el desprendible",
            "Explain the payslip",
            "Muchas personas llegan de un país con otras reglas. Explica qué es cada descuento "
            "y cada aporte; así evitas malentendidos y quejas.",
            "Many people come from a country with other rules. Explain each deduction and "
            "each contribution; you avoid misunderstandings and complaints.",
        ),
    ],
    sources=[
        source(
            "Ministerio del Trabajo",
            "Derechos laborales, salario mínimo y prestaciones",
            "Labour rights, minimum wage and benefits",
            MINTRABAJO,
        ),
        source(
            "Ministerio de Salud y Protección Social",
            "Afiliación al sistema de salud y PILA",
            "Health system enrolment and PILA",
            MINSALUD,
        ),
        source(
            "Migración Colombia",
            "El PPT como documento de identificación",
            "The PPT as an identity document",
            MIGRACION,
        ),
    ],
)

SELECTION = guide(
    "empleadores-seleccion-sin-discriminacion",
    "employers",
    title=text(
        "Para empleadores: seleccionar sin discriminar y recibir bien",
        "For employers: selecting without discrimination and welcoming well",
    ),
    summary=text(
        "Qué puedes pedir y qué no en una oferta o una entrevista, cómo valorar estudios "
        "del exterior y cómo acompañar las primeras semanas de quien llega.",
        "What you may and may not ask in a job offer or an interview, how to value studies "
        "from abroad, and how to support a new hire in their first weeks.",
    ),
    needs=text(
        [
            "Una oferta que describa tareas y habilidades, no nacionalidad ni apariencia.",
            "Los mismos criterios y preguntas para todas las personas candidatas.",
            "Un plan de bienvenida para las primeras semanas.",
            "Un canal claro y confidencial para quejas.",
        ],
        [
            "A job offer that describes tasks and skills, not nationality or looks.",
            "The same criteria and questions for every candidate.",
            "A welcome plan for the first weeks.",
            "A clear, confidential channel for complaints.",
        ],
    ),
    body=[
        heading("Lo que no debes pedir", "What you must not ask"),
        para(
            "<ul>"
            "<li>Una nacionalidad: \u201csolo colombianos\u201d o \u201cno venezolanos\u201d "
            "es discriminación, que la Ley 1482 de 2011 castiga.</li>"
            "<li>Pruebas de embarazo o de VIH, ni preguntas sobre planes de tener hijos.</li>"
            "<li>Fotos, edad, estado civil o religión cuando no tienen que ver con el "
            "cargo.</li>"
            "<li>Títulos apostillados o convalidados si el cargo no es una profesión "
            "regulada.</li>"
            "</ul>",
            "<ul>"
            '<li>A nationality: "Colombians only" or "no Venezuelans" is discrimination, '
            "which Law 1482 of 2011 punishes.</li>"
            "<li>Pregnancy or HIV tests, or questions about plans to have children.</li>"
            "<li>Photos, age, marital status or religion when they have nothing to do with "
            "the job.</li>"
            "<li>Apostilled or validated degrees if the job is not a regulated "
            "profession.</li>"
            "</ul>",
        ),
        heading("Lo que sí puedes pedir", "What you may ask"),
        para(
            "<p>Un documento vigente que permita trabajar (mira la guía de documentos), las "
            "habilidades y la experiencia que el cargo necesita, y referencias. Para "
            "profesiones reguladas, como las de salud, el título debe estar convalidado ante "
            "el Ministerio de Educación; para las demás, una prueba práctica dice más que un "
            "diploma.</p>",
            "<p>A valid document that allows work (see the documents guide), the skills and "
            "experience the job needs, and references. For regulated professions, such as "
            "health professions, the degree must be validated by the Ministry of Education; "
            "for the rest, a practical test says more than a diploma.</p>",
        ),
        heading("Una buena bienvenida", "A good welcome"),
        para(
            "<ul>"
            "<li>Acompaña la apertura de la cuenta de nómina con el PPT.</li>"
            "<li>Explica el reglamento interno, los turnos y a quién acudir.</li>"
            "<li>Asigna un compañero o compañera de referencia las primeras semanas.</li>"
            "<li>Forma a tu equipo: la xenofobia en el trabajo se previene y se "
            "sanciona.</li>"
            "</ul>",
            "<ul>"
            "<li>Help open the payroll account with the PPT.</li>"
            "<li>Explain the internal rules, the shifts and whom to turn to.</li>"
            "<li>Assign a buddy for the first weeks.</li>"
            "<li>Train your team: xenophobia at work is prevented and sanctioned.</li>"
            "</ul>",
        ),
        tip(
            "tip",
            "Un curso para tu equipo",
            "A course for your team",
            "Tu equipo de talento humano puede tomar gratis nuestro curso corto de "
            "contratación incluyente, con quiz y certificado.",
            "Your HR team can take our short course on inclusive hiring for free, with a quiz "
            "and a certificate.",
        ),
    ],
    sources=[
        source(
            "Defensoría del Pueblo",
            "Discriminación y xenofobia (Ley 1482 de 2011)",
            "Discrimination and xenophobia (Law 1482 of 2011)",
            DEFENSORIA,
        ),
        source(
            "Ministerio del Trabajo",
            "Igualdad y no discriminación en el empleo",
            "Equality and non-discrimination in employment",
            MINTRABAJO,
        ),
        source(
            "Ministerio de Educación Nacional",
            "Convalidación de títulos del exterior",
            "Validation of foreign degrees",
            MINEDUCACION,
        ),
    ],
)

GUIDES = [HIRING, DOCUMENTS, PAY, SELECTION]
