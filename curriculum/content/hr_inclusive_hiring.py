"""Short course for HR staff of employer partners: inclusive, migrant-centred hiring.

Two modules, six lessons, each with a quiz; a certificate when every lesson is done, as
for the entrepreneur path. The legal points follow the employers' guides of the "Know
your rights" section (``community.content.employers``), which name their official sources.
"""


def _t(es: str, en: str) -> dict:
    return {"es": es, "en": en}


def _p(es: str, en: str) -> dict:
    return {"type": "paragraph", "html": _t(es, en)}


def _h(es: str, en: str) -> dict:
    return {"type": "heading", "text": _t(es, en)}


def _option(es: str, en: str, correct: bool, why_es: str, why_en: str) -> dict:
    return {"text": _t(es, en), "correct": correct, "explanation": _t(why_es, why_en)}


def _quiz(question_es: str, question_en: str, *options: dict) -> dict:
    return {
        "type": "quiz",
        "questions": [{"question": _t(question_es, question_en), "options": list(options)}],
    }


def _lesson(slug: str, title: dict, summary: dict, minutes: int, body: list) -> dict:
    return {
        "slug": slug,
        "title": title,
        "summary": summary,
        "minutes": minutes,
        "level": "beginner",
        "topics": ["operations", "formalisation"],
        "required": True,
        "body": body,
    }


WHY = _lesson(
    "por-que-contratar-personas-migrantes",
    _t("Por qué contratar personas migrantes", "Why hire migrants"),
    _t(
        "Lo que gana tu organización con una contratación incluyente y los mitos que "
        "frenan a muchos equipos de talento humano.",
        "What your organisation gains from inclusive hiring, and the myths that hold many "
        "HR teams back.",
    ),
    8,
    [
        _p(
            "<p>En las ciudades donde trabaja Semilla viven miles de personas venezolanas y "
            "colombianas retornadas con experiencia en cocina, comercio, salud, construcción, "
            "tecnología y muchos oficios más. Muchas tienen el PPT, que les permite trabajar "
            "con cualquier tipo de contrato. Aun así, muchas ofertas las dejan por fuera sin "
            "que nadie lo haya decidido: por un requisito que no hace falta, por una duda "
            "sobre el documento o por un prejuicio.</p>",
            "<p>In the cities where Semilla works live thousands of Venezuelans and returning "
            "Colombians with experience in cooking, retail, health, construction, technology "
            "and many other trades. Many hold the PPT, which allows them to work under any "
            "kind of contract. Even so, many job offers leave them out without anyone having "
            "decided it: through a requirement that is not needed, a doubt about the "
            "document, or a prejudice.</p>",
        ),
        _h("Lo que gana tu organización", "What your organisation gains"),
        _p(
            "<ul><li>Más candidatos para los cargos difíciles de llenar.</li>"
            "<li>Equipos diversos, que entienden a más clientes.</li>"
            "<li>Menos rotación cuando la persona se siente bien recibida.</li>"
            "<li>Una reputación de empresa justa, que también atrae talento local.</li></ul>",
            "<ul><li>More candidates for hard-to-fill jobs.</li>"
            "<li>Diverse teams that understand more customers.</li>"
            "<li>Lower turnover when people feel welcome.</li>"
            "<li>A reputation as a fair employer, which also attracts local talent.</li></ul>",
        ),
        _h("Tres mitos frecuentes", "Three common myths"),
        _p(
            "<p><strong>«Es complicado y caro.»</strong> No: con el PPT el contrato y las "
            "afiliaciones son los mismos que para cualquier trabajador. "
            "<strong>«Le quitan el trabajo a los colombianos.»</strong> Una selección justa "
            "escoge a la persona más idónea, de donde sea. <strong>«Se van pronto.»</strong> "
            "La rotación baja cuando el pago y el trato son justos.</p>",
            '<p><strong>"It is complicated and expensive."</strong> No: with the PPT the '
            "contract and enrolments are the same as for any worker. "
            '<strong>"They take jobs from Colombians."</strong> A fair selection chooses the '
            'most suitable person, wherever they come from. <strong>"They leave soon."</strong> '
            "Turnover falls when pay and treatment are fair.</p>",
        ),
        _quiz(
            "¿Qué cambia en el contrato de una persona con PPT frente al de una colombiana?",
            "What changes in the contract of a person with a PPT compared with a Colombian's?",
            _option(
                "Nada: tiene los mismos derechos y las mismas afiliaciones.",
                "Nothing: they have the same rights and the same enrolments.",
                True,
                "Correcto. La ley laboral rige igual para todas las personas que trabajan en "
                "Colombia.",
                "Correct. Labour law applies equally to everyone who works in Colombia.",
            ),
            _option(
                "Necesita una visa de trabajo además del PPT.",
                "They need a work visa as well as the PPT.",
                False,
                "No. El PPT ya permite trabajar, sin visa.",
                "No. The PPT already allows work, without a visa.",
            ),
            _option(
                "Solo puede trabajar por prestación de servicios.",
                "They may only work on a service contract.",
                False,
                "No. Con el PPT puede tener cualquier tipo de contrato.",
                "No. With the PPT they may have any kind of contract.",
            ),
        ),
    ],
)

DOCUMENTS = _lesson(
    "documentos-validos-y-verificacion",
    _t("Documentos válidos y verificación del PPT", "Valid documents and verifying the PPT"),
    _t(
        "Qué documentos permiten trabajar, cómo verificar un PPT con Migración Colombia y "
        "qué reportar después de contratar.",
        "Which documents allow work, how to verify a PPT with Migración Colombia and what to "
        "report after hiring.",
    ),
    10,
    [
        _p(
            "<p>Antes de firmar un contrato, revisa que la persona tenga un documento que le "
            "permita trabajar en Colombia. Los más frecuentes son:</p>"
            "<ul><li>el <strong>PPT</strong> vigente, para personas venezolanas;</li>"
            "<li>la <strong>cédula de extranjería</strong> de una visa que permita "
            "trabajar;</li>"
            "<li>el <strong>pasaporte con una visa</strong> que permita la actividad;</li>"
            "<li>la <strong>cédula de ciudadanía</strong>, para colombianos retornados.</li></ul>",
            "<p>Before signing a contract, check that the person has a document that allows "
            "them to work in Colombia. The most frequent are:</p>"
            "<ul><li>a valid <strong>PPT</strong>, for Venezuelans;</li>"
            "<li>the <strong>foreigner's ID card</strong> of a visa that allows work;</li>"
            "<li>a <strong>passport with a visa</strong> that allows the activity;</li>"
            "<li>the <strong>Colombian ID card</strong>, for returning Colombians.</li></ul>",
        ),
        _h("Verificar sin sospechar", "Verify without suspicion"),
        _p(
            "<p>Verifica todos los documentos de la misma manera, no solo los de las personas "
            "extranjeras. Para el PPT, usa el servicio oficial de verificación de Migración "
            "Colombia en su página web, nunca una página de terceros: escribe el número, "
            "comprueba que el nombre coincide y que el permiso está vigente, y guarda el "
            "resultado con la fecha. Un PPT en trámite todavía no permite trabajar.</p>",
            "<p>Verify every document the same way, not only foreign nationals' documents. For "
            "the PPT, use Migración Colombia's official verification service on its website, "
            "never a third-party site: type the number, check that the name matches and the "
            "permit is valid, and keep the result with its date. A PPT in process does not "
            "allow work yet.</p>",
        ),
        _h("Después de contratar", "After hiring"),
        _p(
            "<p>Reporta el inicio y el fin del contrato en el <strong>SIRE</strong> de "
            "Migración Colombia dentro del plazo que fija la entidad, y registra a la persona "
            "en el <strong>RUTEC</strong> del Ministerio del Trabajo. Nunca te quedes con "
            "documentos originales.</p>",
            "<p>Report the start and end of the contract in Migración Colombia's "
            "<strong>SIRE</strong> within the deadline it sets, and register the person in "
            "the Ministry of Labour's <strong>RUTEC</strong>. Never keep original "
            "documents.</p>",
        ),
        _quiz(
            "Una candidata te muestra un PPT. ¿Qué haces?",
            "A candidate shows you a PPT. What do you do?",
            _option(
                "Lo verifico en el servicio oficial de Migración Colombia y guardo el resultado.",
                "I check it with Migración Colombia's official service and keep the result.",
                True,
                "Correcto: así confirmas que está vigente y dejas constancia.",
                "Correct: you confirm it is valid and keep a record.",
            ),
            _option(
                "Me quedo con el original mientras dure el contrato.",
                "I keep the original for as long as the contract lasts.",
                False,
                "No. Retener documentos es un abuso; basta con una copia.",
                "No. Holding documents back is abuse; a copy is enough.",
            ),
            _option(
                "Le pido además una visa de trabajo.",
                "I ask for a work visa as well.",
                False,
                "No. El PPT ya permite trabajar sin visa.",
                "No. The PPT already allows work without a visa.",
            ),
        ),
    ],
)

PAY = _lesson(
    "contrato-salario-y-seguridad-social",
    _t("Contrato, salario y seguridad social", "Contract, pay and social security"),
    _t(
        "Los mismos derechos laborales para todas las personas: contrato escrito, salario "
        "justo, prestaciones y aportes por la PILA.",
        "The same labour rights for everyone: a written contract, fair pay, benefits and "
        "contributions through PILA.",
    ),
    10,
    [
        _p(
            "<p>El Código Sustantivo del Trabajo rige para todas las personas que trabajan en "
            "Colombia, sin importar su nacionalidad. Una persona con PPT tiene derecho al "
            "salario mínimo legal o más, al auxilio de transporte cuando corresponde, a la "
            "prima, las cesantías y sus intereses, las vacaciones y el pago de horas extra. "
            "Los montos cambian cada año: consúltalos en el Ministerio del Trabajo.</p>",
            "<p>The Labour Code applies to everyone who works in Colombia, whatever their "
            "nationality. A person with a PPT is entitled to at least the legal minimum wage, "
            "the transport allowance where it applies, the service bonus, severance pay and "
            "its interest, holidays and overtime pay. Amounts change every year: check them "
            "with the Ministry of Labour.</p>",
        ),
        _h("Afiliaciones y PILA", "Enrolments and PILA"),
        _p(
            "<p>Afilia a la persona a la <strong>ARL</strong> antes de que empiece, y a la "
            "<strong>EPS</strong>, el <strong>fondo de pensiones</strong> y la <strong>caja "
            "de compensación</strong> desde el inicio del contrato. Cada mes pagas los "
            "aportes en la <strong>PILA</strong> con un operador autorizado, escogiendo el "
            "tipo de documento correcto (PPT o cédula de extranjería) para que los aportes "
            "queden a su nombre.</p>",
            "<p>Enrol the person in an <strong>ARL</strong> before they start, and in an "
            "<strong>EPS</strong>, a <strong>pension fund</strong> and a <strong>compensation "
            "fund</strong> from the start of the contract. Every month you pay the "
            "contributions through <strong>PILA</strong> with an authorised operator, "
            "choosing the correct document type (PPT or foreigner's ID card) so the "
            "contributions are in their name.</p>",
        ),
        {
            "type": "tip",
            "kind": "warning",
            "title": _t("Pago igual por trabajo igual", "Equal pay for equal work"),
            "text": _t(
                "Pagar menos a alguien por ser migrante es discriminación. Si la persona "
                "trae experiencia, reconócela en el cargo y el salario.",
                "Paying someone less for being a migrant is discrimination. If the person "
                "brings experience, recognise it in the role and the pay.",
            ),
        },
        _quiz(
            "¿Cuándo debe quedar afiliada a la ARL una persona que contratas?",
            "When must a person you hire be enrolled in an ARL?",
            _option(
                "Antes de empezar a trabajar.",
                "Before they start working.",
                True,
                "Correcto: la cobertura de riesgos laborales empieza desde el primer día.",
                "Correct: occupational risk cover starts on the first day.",
            ),
            _option(
                "Cuando pase el periodo de prueba.",
                "When the probation period is over.",
                False,
                "No. El periodo de prueba no exime de ninguna afiliación.",
                "No. A probation period does not exempt from any enrolment.",
            ),
            _option(
                "Solo si la persona lo pide.",
                "Only if the person asks for it.",
                False,
                "No. Es una obligación del empleador, no una opción del trabajador.",
                "No. It is the employer's duty, not the worker's choice.",
            ),
        ),
    ],
)

OFFERS = _lesson(
    "ofertas-y-entrevistas-sin-discriminacion",
    _t(
        "Ofertas y entrevistas sin discriminación",
        "Job offers and interviews without discrimination",
    ),
    _t(
        "Cómo escribir ofertas y hacer entrevistas que evalúen habilidades, no "
        "nacionalidades, y qué nunca debes preguntar.",
        "How to write job offers and run interviews that assess skills, not nationalities, "
        "and what you must never ask.",
    ),
    9,
    [
        _p(
            "<p>La discriminación en la contratación casi nunca es explícita: se cuela en una "
            "oferta que pide «documento colombiano», en un filtro automático que descarta "
            "hojas de vida con estudios del exterior, o en una entrevista que pregunta por la "
            "familia. La Ley 1482 de 2011 castiga los actos de discriminación por "
            "nacionalidad, y también dañan la reputación de tu organización.</p>",
            "<p>Discrimination in hiring is rarely explicit: it creeps into an offer that asks "
            'for "a Colombian document", an automatic filter that discards CVs with studies '
            "from abroad, or an interview that asks about family. Law 1482 of 2011 punishes "
            "acts of discrimination on grounds of nationality, and they also harm your "
            "organisation's reputation.</p>",
        ),
        _h("En la oferta", "In the job offer"),
        _p(
            "<ul><li>Describe tareas, habilidades y condiciones del cargo.</li>"
            "<li>Pide «documento vigente que permita trabajar en Colombia», nunca una "
            "nacionalidad.</li>"
            "<li>No pidas fotos, edad ni estado civil si no tienen que ver con el "
            "cargo.</li></ul>",
            "<ul><li>Describe the job's tasks, skills and conditions.</li>"
            '<li>Ask for "a valid document that allows work in Colombia", never a '
            "nationality.</li>"
            "<li>Do not ask for photos, age or marital status if they have nothing to do with "
            "the job.</li></ul>",
        ),
        _h("En la entrevista", "In the interview"),
        _p(
            "<p>Haz las mismas preguntas a todas las personas y califícalas con los mismos "
            "criterios. Nunca pidas pruebas de embarazo o de VIH, ni preguntes por planes de "
            "tener hijos, religión u orientación sexual. Una prueba práctica corta es más "
            "justa y dice más que un diploma.</p>",
            "<p>Ask every person the same questions and score them with the same criteria. "
            "Never ask for pregnancy or HIV tests, or about plans to have children, religion "
            "or sexual orientation. A short practical test is fairer and says more than a "
            "diploma.</p>",
        ),
        _quiz(
            "¿Cuál de estos requisitos puede ir en una oferta de empleo?",
            "Which of these requirements may go in a job offer?",
            _option(
                "Documento vigente que permita trabajar en Colombia.",
                "A valid document that allows work in Colombia.",
                True,
                "Correcto: es lo que la ley exige, sin excluir a nadie por su origen.",
                "Correct: it is what the law requires, without excluding anyone for their origin.",
            ),
            _option(
                "Ser de nacionalidad colombiana.",
                "Being a Colombian national.",
                False,
                "No. Exigir una nacionalidad es discriminación.",
                "No. Requiring a nationality is discrimination.",
            ),
            _option(
                "Prueba de embarazo negativa.",
                "A negative pregnancy test.",
                False,
                "No. Está prohibido pedirla en un proceso de selección.",
                "No. It is forbidden to ask for it in a selection process.",
            ),
        ),
    ],
)

EXPERIENCE = _lesson(
    "reconocer-experiencia-y-estudios-del-exterior",
    _t(
        "Reconocer experiencia y estudios del exterior",
        "Recognising experience and studies from abroad",
    ),
    _t(
        "Cuándo hace falta convalidar un título y cómo valorar la experiencia de otro país "
        "sin perder talento.",
        "When a degree must be validated, and how to value experience from another country "
        "without losing talent.",
    ),
    8,
    [
        _p(
            "<p>Muchas personas migrantes llegan con títulos y años de experiencia que no "
            "aparecen en los sistemas colombianos. Si tu proceso exige lo que el cargo no "
            "necesita, pierdes buenas candidatas y la persona termina en un puesto por debajo "
            "de lo que sabe hacer.</p>",
            "<p>Many migrants arrive with degrees and years of experience that do not appear "
            "in Colombian systems. If your process requires what the job does not need, you "
            "lose good candidates and the person ends up in a job below what they can do.</p>",
        ),
        _h("Cuándo convalidar", "When to validate"),
        _p(
            "<p>Solo las <strong>profesiones reguladas</strong> (por ejemplo, las de salud, el "
            "derecho o las que necesitan tarjeta profesional) exigen que el título esté "
            "convalidado ante el Ministerio de Educación. Para los demás cargos, no pidas "
            "títulos apostillados ni convalidados: evalúa lo que la persona sabe hacer.</p>",
            "<p>Only <strong>regulated professions</strong> (for example health professions, "
            "law, or those that need a professional card) require the degree to be validated "
            "by the Ministry of Education. For other jobs, do not ask for apostilled or "
            "validated degrees: assess what the person can do.</p>",
        ),
        _h("Cómo valorar la experiencia", "How to value experience"),
        _p(
            "<ul><li>Pide que describa tareas y logros concretos de sus trabajos "
            "anteriores.</li>"
            "<li>Usa una prueba práctica corta, igual para todas las personas.</li>"
            "<li>Acepta referencias del exterior por correo o videollamada.</li></ul>",
            "<ul><li>Ask them to describe concrete tasks and achievements from previous "
            "jobs.</li>"
            "<li>Use a short practical test, the same for everyone.</li>"
            "<li>Accept references from abroad by e-mail or video call.</li></ul>",
        ),
        {
            "type": "action_step",
            "title": _t("Revisa tus ofertas", "Review your job offers"),
            "text": _t(
                "Toma tus tres ofertas abiertas y quita todo requisito de título o de "
                "documento que el cargo no necesite.",
                "Take your three open job offers and remove every degree or document "
                "requirement the job does not need.",
            ),
        },
        _quiz(
            "¿Para qué cargo sí debes pedir un título convalidado?",
            "For which job must you ask for a validated degree?",
            _option(
                "Enfermera en una clínica.",
                "Nurse in a clinic.",
                True,
                "Correcto: las profesiones de la salud son reguladas.",
                "Correct: health professions are regulated.",
            ),
            _option(
                "Vendedor en una tienda.",
                "Shop assistant.",
                False,
                "No. Es un cargo no regulado: evalúa las habilidades.",
                "No. It is not a regulated job: assess the skills.",
            ),
            _option(
                "Auxiliar de cocina.",
                "Kitchen assistant.",
                False,
                "No. Una prueba práctica dice más que un diploma.",
                "No. A practical test says more than a diploma.",
            ),
        ),
    ],
)

ONBOARDING = _lesson(
    "bienvenida-y-permanencia",
    _t("Una bienvenida que hace que la gente se quede", "A welcome that makes people stay"),
    _t(
        "Las primeras semanas deciden si una persona se queda: cuenta de nómina, "
        "acompañamiento, reglas claras y un canal para quejas.",
        "The first weeks decide whether a person stays: payroll account, a buddy, clear "
        "rules and a channel for complaints.",
    ),
    8,
    [
        _p(
            "<p>Quien llega de otro país enfrenta a la vez un trabajo nuevo, reglas nuevas y, "
            "muchas veces, una ciudad nueva. Una buena bienvenida no cuesta mucho y baja la "
            "rotación: la persona aprende más rápido y se siente parte del equipo.</p>",
            "<p>Someone who comes from another country faces a new job, new rules and often a "
            "new city all at once. A good welcome costs little and lowers turnover: the person "
            "learns faster and feels part of the team.</p>",
        ),
        {
            "type": "checklist",
            "title": _t("La primera semana", "The first week"),
            "items": {
                "es": [
                    "Acompaña la apertura de la cuenta de nómina con el PPT.",
                    "Explica el contrato, el desprendible de pago y cada aporte.",
                    "Presenta el reglamento interno, los turnos y a quién acudir.",
                    "Asigna un compañero o compañera de referencia.",
                ],
                "en": [
                    "Help open the payroll account with the PPT.",
                    "Explain the contract, the payslip and each contribution.",
                    "Present the internal rules, the shifts and whom to turn to.",
                    "Assign a buddy.",
                ],
            },
        },
        _h("Prevenir la xenofobia en el equipo", "Preventing xenophobia in the team"),
        _p(
            "<p>Los chistes y comentarios sobre el origen de alguien no son inofensivos. Deja "
            "claro desde el inicio que no se aceptan, ofrece un canal confidencial para "
            "quejas y actúa cuando llegue una. Forma a jefes y jefas: son quienes más "
            "influyen en el ambiente del equipo.</p>",
            "<p>Jokes and comments about someone's origin are not harmless. Make it clear from "
            "the start that they are not accepted, offer a confidential complaints channel and "
            "act when a complaint arrives. Train managers: they have the most influence on the "
            "team's climate.</p>",
        ),
        {
            "type": "action_step",
            "title": _t("Publica tu compromiso", "Publish your pledge"),
            "text": _t(
                "Si tu organización es aliada de Semilla, escribe en tu perfil un compromiso "
                "concreto de contratación incluyente.",
                "If your organisation is a Semilla partner, write a concrete inclusive hiring "
                "pledge on your profile.",
            ),
        },
        _quiz(
            "Un trabajador se queja de comentarios xenófobos de un compañero. ¿Qué haces?",
            "A worker complains about xenophobic comments from a colleague. What do you do?",
            _option(
                "Atiendo la queja por el canal confidencial y actúo según el reglamento.",
                "I handle the complaint through the confidential channel and act under the "
                "internal rules.",
                True,
                "Correcto: una queja atendida a tiempo protege a la persona y al equipo.",
                "Correct: a complaint handled in time protects the person and the team.",
            ),
            _option(
                "Le digo que no se lo tome a pecho.",
                "I tell them not to take it personally.",
                False,
                "No. Restarle importancia hace que el acoso siga.",
                "No. Playing it down lets the harassment go on.",
            ),
            _option(
                "Lo cambio de turno sin hablar con nadie.",
                "I move them to another shift without talking to anyone.",
                False,
                "No. Eso castiga a quien se queja, no a quien ofende.",
                "No. That punishes the person who complains, not the offender.",
            ),
        ),
    ],
)

COURSE = {
    "slug": "contratacion-incluyente",
    "title": _t(
        "Contratación incluyente: curso corto para talento humano",
        "Inclusive hiring: a short course for HR staff",
    ),
    "intro": _t(
        "Un curso corto para equipos de talento humano de las organizaciones aliadas: qué "
        "documentos aceptar y cómo verificar un PPT, contrato y seguridad social iguales para "
        "todos, selección sin discriminación y una bienvenida que hace que la gente se quede. "
        "Seis lecciones con quiz y un certificado al final.",
        "A short course for the HR teams of partner organisations: which documents to accept "
        "and how to verify a PPT, the same contract and social security for everyone, "
        "selection without discrimination and a welcome that makes people stay. Six lessons "
        "with quizzes and a certificate at the end.",
    ),
    "modules": [
        {
            "slug": "contratar-con-reglas-claras",
            "title": _t("Contratar con reglas claras", "Hiring with clear rules"),
            "intro": _t(
                "Por qué contratar personas migrantes, qué documentos aceptar y cómo "
                "verificarlos, y qué derechos y afiliaciones tiene toda persona que "
                "contratas.",
                "Why hire migrants, which documents to accept and how to verify them, and "
                "which rights and enrolments everyone you hire has.",
            ),
            "lessons": [WHY, DOCUMENTS, PAY],
        },
        {
            "slug": "seleccion-incluyente-y-bienvenida",
            "title": _t("Selección incluyente y bienvenida", "Inclusive selection and welcome"),
            "intro": _t(
                "Ofertas y entrevistas sin discriminación, cómo valorar la experiencia del "
                "exterior y cómo recibir a quien llega para que se quede.",
                "Job offers and interviews without discrimination, how to value experience "
                "from abroad and how to welcome new people so they stay.",
            ),
            "lessons": [OFFERS, EXPERIENCE, ONBOARDING],
        },
    ],
}
