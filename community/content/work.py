"""Guides on work: working with a PPT, what an employer may ask, rights at work, and what
to do when wages go unpaid or a job ends."""

from ._shape import (
    ADRES,
    DEFENSORIA,
    EMPLEO,
    MIGRACION,
    MINTRABAJO,
    guide,
    heading,
    para,
    source,
    text,
    tip,
)

WORKING = guide(
    "trabajar-con-ppt",
    "work",
    title=text("Trabajar legalmente con tu PPT", "Working legally with your PPT"),
    summary=text(
        "Con el PPT puedes trabajar con contrato o por tu cuenta, con los mismos derechos "
        "laborales que una persona colombiana. Qué hace tu empleador y dónde buscar empleo gratis.",
        "With the PPT you can work with a contract or on your own, with the same labour rights "
        "as a Colombian. What your employer does and where to look for work for free.",
    ),
    needs=text(
        [
            "Tu PPT vigente (entrega una copia; el original se queda contigo).",
            "Tu hoja de vida actualizada, con un teléfono y un correo.",
            "Certificados de estudios y de trabajos anteriores, si los tienes.",
            "Una cuenta de ahorros o billetera digital para recibir tu salario.",
        ],
        [
            "Your valid PPT (hand over a copy; the original stays with you).",
            "Your updated CV, with a phone number and an e-mail address.",
            "Certificates of your studies and previous jobs, if you have them.",
            "A savings account or digital wallet to receive your wages.",
        ],
    ),
    body=[
        heading("Los mismos derechos", "The same rights"),
        para(
            "<p>El Código Sustantivo del Trabajo rige para todas las personas que trabajan en "
            "Colombia, sin importar su nacionalidad. Con tu PPT no necesitas visa de trabajo: "
            "tienes derecho al salario mínimo o más, a la afiliación a seguridad social y a "
            "las prestaciones, igual que tus compañeros colombianos.</p>",
            "<p>The Labour Code (Código Sustantivo del Trabajo) applies to everyone who works "
            "in Colombia, whatever their nationality. With your PPT you need no work visa: you "
            "are entitled to at least the minimum wage, social security and benefits, like "
            "your Colombian co-workers.</p>",
        ),
        heading("Lo que hace tu empleador", "What your employer does"),
        para(
            "<p>Quien contrata a una persona extranjera debe reportar el inicio y el fin del "
            "contrato a Migración Colombia por el sistema <strong>SIRE</strong>. Es una "
            "obligación del empleador, no tuya, y no es motivo para no contratarte. Además "
            "debe afiliarte a salud (EPS), pensión, riesgos laborales (ARL) y caja de "
            "compensación familiar.</p>",
            "<p>Whoever hires a foreign national must report the start and the end of the "
            "contract to Migración Colombia through the <strong>SIRE</strong> system. It is "
            "the employer's duty, not yours, and no reason not to hire you. The employer must "
            "also enrol you in health (EPS), pension, occupational risk insurance (ARL) and a "
            "family compensation fund (caja de compensación).</p>",
        ),
        heading("Dónde buscar empleo", "Where to look for work"),
        para(
            "<p>El <strong>Servicio Público de Empleo</strong> y sus prestadores autorizados "
            "(cajas de compensación, alcaldías, SENA) registran tu hoja de vida y te orientan "
            "gratis. Una agencia o persona que te cobre por conseguirte trabajo es una señal "
            "de alerta.</p>",
            "<p>The <strong>Public Employment Service</strong> and its authorised providers "
            "(compensation funds, city halls, SENA) register your CV and advise you for free. "
            "An agency or person who charges you for finding you a job is a warning sign.</p>",
        ),
        tip(
            "warning",
            "Tu documento es tuyo",
            "Your document is yours",
            'Nadie puede quedarse con tu PPT original, ni "guardarlo" mientras trabajas. '
            "Entrega copias y guarda el original.",
            'Nobody may keep your original PPT, nor "hold it" while you work. Hand over '
            "copies and keep the original.",
        ),
    ],
    sources=[
        source(
            "Ministerio del Trabajo",
            "Derechos laborales de trabajadores migrantes y Código Sustantivo del Trabajo",
            "Labour rights of migrant workers and the Labour Code",
            MINTRABAJO,
        ),
        source(
            "Migración Colombia",
            "SIRE: reporte de contratación de personas extranjeras",
            "SIRE: reporting the hiring of foreign nationals",
            MIGRACION,
        ),
        source(
            "Unidad del Servicio Público de Empleo",
            "Registro de hoja de vida y prestadores autorizados",
            "CV registration and authorised providers",
            EMPLEO,
        ),
    ],
)

ASKING = guide(
    "lo-que-no-te-pueden-pedir",
    "work",
    title=text(
        "Lo que un empleador puede y no puede pedirte",
        "What an employer may and may not ask of you",
    ),
    summary=text(
        "En una entrevista o al empezar un trabajo: qué documentos y exámenes son normales, "
        "qué está prohibido y qué hacer si te discriminan por ser migrante.",
        "In an interview or when starting a job: which documents and examinations are normal, "
        "what is forbidden and what to do if you are discriminated against as a migrant.",
    ),
    needs=text(
        [
            "Copias de tu PPT (no el original).",
            "Tu hoja de vida y referencias.",
            "El contrato por escrito, o por lo menos salario, horario y fecha de inicio por "
            "escrito (un mensaje sirve).",
        ],
        [
            "Copies of your PPT (not the original).",
            "Your CV and references.",
            "The contract in writing, or at least wage, hours and start date in writing (a "
            "message will do).",
        ],
    ),
    body=[
        heading("Lo que sí pueden pedirte", "What they may ask"),
        para(
            "<ul><li>Ver tu documento de identificación y quedarse con una copia.</li>"
            "<li>Tu hoja de vida, referencias y los certificados que tengan que ver con el "
            "cargo.</li>"
            "<li>Un examen médico ocupacional de ingreso, que paga el empleador.</li>"
            "<li>Un período de prueba, que debe constar por escrito y no puede pasar de dos "
            "meses.</li></ul>",
            "<ul><li>To see your identity document and keep a copy.</li>"
            "<li>Your CV, references and the certificates that relate to the job.</li>"
            "<li>An occupational medical examination before starting, paid by the "
            "employer.</li>"
            "<li>A trial period, which must be in writing and cannot exceed two "
            "months.</li></ul>",
        ),
        heading("Lo que no pueden pedirte", "What they may not ask"),
        para(
            "<ul><li>Tu documento original para quedárselo.</li>"
            "<li>Dinero por darte el trabajo, por el examen médico o por la dotación.</li>"
            "<li>Una prueba de embarazo o una prueba de VIH como condición para contratarte.</li>"
            "<li>Que renuncies a tu salario mínimo, a tus prestaciones o a la seguridad "
            "social, aunque lo firmes.</li></ul>",
            "<ul><li>Your original document, to keep it.</li>"
            "<li>Money for giving you the job, for the medical examination or for work "
            "clothing.</li>"
            "<li>A pregnancy test or an HIV test as a condition for hiring you.</li>"
            "<li>That you give up your minimum wage, your benefits or social security, even "
            "in a signed paper.</li></ul>",
        ),
        heading("Si te discriminan", "If you are discriminated against"),
        para(
            "<p>Negarte un trabajo o tratarte peor por tu nacionalidad es discriminación; la "
            'Ley 1482 de 2011 la castiga. Guarda pruebas (la oferta que decía "solo '
            'colombianos", mensajes, testigos) y busca orientación gratuita en la Defensoría '
            "del Pueblo, la Personería o un consultorio jurídico.</p>",
            "<p>Refusing you a job or treating you worse because of your nationality is "
            "discrimination; Law 1482 of 2011 punishes it. Keep evidence (an offer that said "
            '"Colombians only", messages, witnesses) and get free advice from the Defensoría '
            "del Pueblo, the Personería or a university legal clinic.</p>",
        ),
        tip(
            "warning",
            "Nunca firmes en blanco",
            "Never sign a blank page",
            "No firmes hojas, letras de cambio ni cartas de renuncia en blanco o sin fecha. "
            "Pide copia de todo lo que firmes.",
            "Do not sign blank pages, bills of exchange or undated resignation letters. Ask for "
            "a copy of everything you sign.",
        ),
    ],
    sources=[
        source(
            "Ministerio del Trabajo",
            "Contratación, período de prueba y exámenes médicos ocupacionales; verifica aquí "
            "las prohibiciones vigentes",
            "Hiring, trial periods and occupational medical examinations; check the current "
            "prohibitions here",
            MINTRABAJO,
        ),
        source(
            "Defensoría del Pueblo",
            "Orientación ante discriminación (Ley 1482 de 2011)",
            "Advice on discrimination (Law 1482 of 2011)",
            DEFENSORIA,
        ),
    ],
)

RIGHTS = guide(
    "derechos-en-el-trabajo",
    "work",
    title=text(
        "Tus derechos en el trabajo: pago, jornada y prestaciones",
        "Your rights at work: pay, hours and benefits",
    ),
    summary=text(
        "Salario mínimo, auxilio de transporte, jornada máxima, prima, cesantías, vacaciones y "
        "seguridad social: lo que te corresponde con un contrato de trabajo.",
        "Minimum wage, transport allowance, maximum hours, bonus, severance, holidays and "
        "social security: what you are owed under an employment contract.",
    ),
    needs=text(
        [
            "Una copia de tu contrato.",
            "Tus desprendibles o comprobantes de pago.",
            "El nombre de tu EPS, tu fondo de pensiones y tu ARL.",
        ],
        [
            "A copy of your contract.",
            "Your payslips or proof of payment.",
            "The names of your EPS (health insurer), pension fund and ARL.",
        ],
    ),
    body=[
        heading("Salario y jornada", "Wages and hours"),
        para(
            "<p>El Gobierno fija cada año el <strong>salario mínimo</strong>; por una jornada "
            "completa no te pueden pagar menos. Si ganas hasta dos salarios mínimos, también "
            "recibes el <strong>auxilio de transporte</strong>. La Ley 2101 de 2021 bajó la "
            "jornada máxima poco a poco: desde julio de 2026 es de <strong>42 horas a la "
            "semana</strong>. Las horas extra, las nocturnas y los domingos y festivos se pagan "
            "con recargo; la reforma laboral (Ley 2466 de 2025) cambió esos recargos de forma "
            "gradual, así que consulta los valores de este año en el Ministerio del "
            "Trabajo.</p>",
            "<p>The government sets the <strong>minimum wage</strong> every year; for a full "
            "working week you cannot be paid less. If you earn up to two minimum wages, you "
            "also get the <strong>transport allowance</strong>. Law 2101 of 2021 lowered the "
            "maximum working week step by step: since July 2026 it is <strong>42 hours a "
            "week</strong>. Overtime, night work and Sundays and public holidays are paid with "
            "a surcharge; the labour reform (Law 2466 of 2025) changed those surcharges "
            "gradually, so check this year's values with the Ministerio del Trabajo.</p>",
        ),
        heading("Prestaciones", "Benefits"),
        para(
            "<ul><li><strong>Prima de servicios</strong>: un mes de salario por año, pagado en "
            "dos partes (a más tardar el 30 de junio y el 20 de diciembre).</li>"
            "<li><strong>Cesantías</strong>: un mes de salario por año trabajado, que el "
            "empleador consigna en tu fondo de cesantías a más tardar el 14 de febrero.</li>"
            "<li><strong>Intereses sobre las cesantías</strong>: el 12 % al año, pagados a ti a "
            "más tardar el 31 de enero.</li>"
            "<li><strong>Vacaciones</strong>: 15 días hábiles pagados por cada año.</li></ul>",
            "<ul><li><strong>Service bonus (prima)</strong>: one month's wage a year, paid in "
            "two parts (by 30 June and by 20 December).</li>"
            "<li><strong>Severance (cesantías)</strong>: one month's wage per year worked, "
            "paid by the employer into your severance fund by 14 February.</li>"
            "<li><strong>Interest on severance</strong>: 12% a year, paid to you by 31 "
            "January.</li>"
            "<li><strong>Holidays</strong>: 15 paid working days for each year.</li></ul>",
        ),
        heading("Contrato de trabajo o de servicios", "Employment or service contract"),
        para(
            "<p>Un contrato de <strong>prestación de servicios</strong> no es un contrato de "
            "trabajo: no da prestaciones y tú pagas tu seguridad social. Si en la práctica "
            "cumples horario, recibes órdenes y tienes un jefe, puede existir un contrato de "
            "trabajo aunque el papel diga otra cosa (la Constitución da prioridad a la realidad "
            "sobre las formas). Pide orientación si es tu caso.</p>",
            "<p>A <strong>service contract</strong> (prestación de servicios) is not an "
            "employment contract: it gives no benefits and you pay your own social security. "
            "If in practice you keep fixed hours, take orders and have a boss, there may be an "
            "employment contract whatever the paper says (the Constitution puts reality before "
            "form). Get advice if that is your case.</p>",
        ),
        tip(
            "tip",
            "Revisa tu afiliación",
            "Check your enrolment",
            "En la página de la ADRES puedes consultar con tu documento en qué EPS estás "
            "afiliado o afiliada y en qué régimen.",
            "On the ADRES website you can check, with your document number, which EPS you are "
            "enrolled in and under which scheme.",
        ),
    ],
    sources=[
        source(
            "Ministerio del Trabajo",
            "Salario mínimo, auxilio de transporte, jornada (Ley 2101 de 2021), recargos "
            "(Ley 2466 de 2025) y prestaciones sociales",
            "Minimum wage, transport allowance, working hours (Law 2101 of 2021), surcharges "
            "(Law 2466 of 2025) and benefits",
            MINTRABAJO,
        ),
        source(
            "ADRES",
            "Consulta de afiliación a salud (BDUA)",
            "Health enrolment look-up (BDUA)",
            ADRES,
        ),
    ],
)

UNPAID = guide(
    "si-no-te-pagan-o-te-despiden",
    "work",
    title=text("Si no te pagan o te despiden", "If you are not paid or you are dismissed"),
    summary=text(
        "Qué pruebas guardar, cómo pedir una conciliación gratis ante el Ministerio del "
        "Trabajo, qué incluye tu liquidación y cuánto tiempo tienes para reclamar.",
        "Which evidence to keep, how to ask for free conciliation at the Ministerio del "
        "Trabajo, what your final settlement includes and how long you have to claim.",
    ),
    needs=text(
        [
            "Tu contrato, o pruebas de que trabajaste: mensajes, fotos, turnos, testigos.",
            "Los comprobantes de lo que te pagaron.",
            "La carta de despido o de terminación, si te la dieron.",
            "Tu PPT u otro documento de identificación.",
        ],
        [
            "Your contract, or proof that you worked: messages, photos, shifts, witnesses.",
            "Proof of what you were paid.",
            "The dismissal or termination letter, if you received one.",
            "Your PPT or another identity document.",
        ],
    ),
    body=[
        heading("Primero, las pruebas", "First, the evidence"),
        para(
            "<p>Anota fechas, horarios y lo que te deben. Guarda los mensajes con tu empleador "
            "y el nombre de quien te vio trabajar. Aunque no tengas contrato escrito, un "
            "contrato verbal también es un contrato de trabajo.</p>",
            "<p>Write down dates, hours and what you are owed. Keep your messages with your "
            "employer and the names of people who saw you work. Even without a written "
            "contract, a verbal contract is still an employment contract.</p>",
        ),
        heading("La liquidación", "The final settlement"),
        para(
            "<p>Cuando termina un contrato de trabajo, el empleador debe pagarte lo pendiente: "
            "salarios, la parte proporcional de prima, cesantías e intereses, y las vacaciones "
            "que no tomaste. Si te despiden sin justa causa, además tienes derecho a una "
            "indemnización. Algunas personas tienen protección especial: por ejemplo, una "
            "mujer embarazada o en licencia no puede ser despedida sin autorización del "
            "inspector del trabajo.</p>",
            "<p>When an employment contract ends, the employer must pay what is pending: wages, "
            "the proportional part of the bonus, severance and its interest, and the holidays "
            "you did not take. If you are dismissed without just cause, you are also entitled "
            "to compensation. Some people have special protection: for example, a pregnant "
            "woman or one on maternity leave cannot be dismissed without the labour "
            "inspector's authorisation.</p>",
        ),
        heading("Dónde reclamar gratis", "Where to claim for free"),
        para(
            "<p>En la <strong>inspección del trabajo</strong> del Ministerio del Trabajo puedes "
            "presentar una queja y pedir una audiencia de conciliación con tu empleador, sin "
            "abogado y sin costo. Si no hay acuerdo, el camino es un juez laboral; un "
            "consultorio jurídico universitario puede asesorarte gratis. En general, los "
            "derechos laborales se pueden reclamar durante tres años: no dejes pasar el "
            "tiempo.</p>",
            "<p>At the Ministerio del Trabajo's <strong>labour inspection</strong> you can file "
            "a complaint and ask for a conciliation hearing with your employer, without a "
            "lawyer and at no cost. If there is no agreement, the next step is a labour judge; "
            "a university legal clinic can advise you for free. In general, labour rights can "
            "be claimed for three years: do not let time pass.</p>",
        ),
        tip(
            "info",
            "Tu situación migratoria no te quita derechos",
            "Your migration status does not take away your rights",
            "El trabajo que hiciste se paga, tengas o no el documento al día. Pide orientación "
            "en la Defensoría del Pueblo o en un consultorio jurídico.",
            "Work you did must be paid, whether or not your document is up to date. Ask the "
            "Defensoría del Pueblo or a legal clinic for advice.",
        ),
    ],
    sources=[
        source(
            "Ministerio del Trabajo",
            "Inspección del trabajo, quejas y conciliación; liquidación e indemnización "
            "(Código Sustantivo del Trabajo)",
            "Labour inspection, complaints and conciliation; final settlement and compensation "
            "(Labour Code)",
            MINTRABAJO,
        ),
        source(
            "Defensoría del Pueblo",
            "Orientación gratuita en derechos",
            "Free advice on rights",
            DEFENSORIA,
        ),
    ],
)

GUIDES = [WORKING, ASKING, RIGHTS, UNPAID]
