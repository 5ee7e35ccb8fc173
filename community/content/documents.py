"""Guides on migration documents: the PPT, the PEP and other permits, returning Colombians."""

from ._shape import (
    CANCILLERIA,
    MIGRACION,
    REGISTRADURIA,
    guide,
    heading,
    para,
    source,
    text,
    tip,
)

PPT = guide(
    "permiso-por-proteccion-temporal",
    "documents",
    title=text("El PPT: qué es y qué te permite", "The PPT: what it is and what it allows"),
    summary=text(
        "El Permiso por Protección Temporal es tu documento de identificación en Colombia si "
        "eres venezolano o venezolana: te deja trabajar, emprender, afiliarte a salud y abrir "
        "una cuenta.",
        "The Temporary Protection Permit is your identity document in Colombia if you are "
        "Venezuelan: it lets you work, run a business, join the health system and open an "
        "account.",
    ),
    needs=text(
        [
            "Tu PPT (la tarjeta) o, mientras te la entregan, el número de tu solicitud.",
            "Un correo electrónico que revises, el mismo que usaste en el registro.",
            "Tu documento venezolano (cédula o pasaporte), si lo tienes, aunque esté vencido.",
            "Acceso a internet para consultar tu trámite en la página de Migración Colombia.",
        ],
        [
            "Your PPT (the card) or, until you receive it, the number of your application.",
            "An e-mail address you check, the one you used to register.",
            "Your Venezuelan document (cédula or passport), if you have it, even if expired.",
            "Internet access to check your application on Migración Colombia's website.",
        ],
    ),
    body=[
        heading("¿Qué es el PPT?", "What is the PPT?"),
        para(
            "<p>El <strong>Permiso por Protección Temporal (PPT)</strong> es el documento que "
            "Migración Colombia expide a las personas venezolanas dentro del <strong>Estatuto "
            "Temporal de Protección para Migrantes Venezolanos</strong>, creado por el Decreto "
            "216 de 2021 y reglamentado por la Resolución 971 de 2021 de Migración Colombia. "
            "Es un documento de identificación: con él estás en Colombia de forma regular "
            "mientras el Estatuto esté vigente (diez años desde 2021).</p>",
            "<p>The <strong>Temporary Protection Permit (PPT)</strong> is the document "
            "Migración Colombia issues to Venezuelans under the <strong>Temporary Protection "
            "Statute for Venezuelan Migrants</strong>, created by Decree 216 of 2021 and "
            "regulated by Migración Colombia's Resolution 971 of 2021. It is an identity "
            "document: with it you are in Colombia regularly while the Statute is in force "
            "(ten years from 2021).</p>",
        ),
        heading("¿Qué te permite?", "What does it allow?"),
        para(
            "<ul><li>Trabajar de forma legal, con un contrato o por tu cuenta, sin necesitar "
            "una visa de trabajo.</li>"
            "<li>Afiliarte al sistema de salud y a la seguridad social.</li>"
            "<li>Inscribirte en el RUT de la DIAN y registrar tu negocio.</li>"
            "<li>Abrir productos financieros, como una cuenta de ahorros o una billetera "
            "digital.</li>"
            "<li>Estudiar y adelantar trámites ante entidades públicas y privadas.</li></ul>",
            "<ul><li>Work legally, with a contract or on your own, without needing a work "
            "visa.</li>"
            "<li>Join the health system and social security.</li>"
            "<li>Sign up for the DIAN's RUT (tax register) and register your business.</li>"
            "<li>Open financial products, such as a savings account or a digital wallet.</li>"
            "<li>Study and carry out procedures with public and private bodies.</li></ul>",
        ),
        heading("Lo que el PPT no es", "What the PPT is not"),
        para(
            "<p>El PPT no es una visa. El Decreto 216 de 2021 prevé que quienes lo tienen puedan "
            "pedir una visa de residente antes de que termine el Estatuto; las condiciones las "
            "fija la Cancillería, así que consúltalas allí antes de hacer planes.</p>",
            "<p>The PPT is not a visa. Decree 216 of 2021 provides that holders may apply for a "
            "resident visa before the Statute ends; the Cancillería (foreign ministry) sets the "
            "conditions, so check them there before making plans.</p>",
        ),
        tip(
            "warning",
            "El PPT es gratis",
            "The PPT is free",
            "Registrarte en el Estatuto y recibir el PPT no cuesta nada. Haz los trámites solo "
            "en los canales oficiales de Migración Colombia y desconfía de quien te cobre por "
            '"agilizarlos".',
            "Registering under the Statute and receiving the PPT costs nothing. Use only "
            "Migración Colombia's official channels and be wary of anyone who charges you to "
            '"speed it up".',
        ),
        tip(
            "info",
            "Si algo cambió",
            "If something changed",
            "Si perdiste tu PPT o tus datos cambiaron, Migración Colombia tiene trámites de "
            "duplicado y corrección. Los requisitos y las etapas abiertas cambian: verifícalos "
            "en su página antes de ir a una oficina.",
            "If you lost your PPT or your details changed, Migración Colombia has procedures "
            "for a duplicate and for corrections. Requirements and open stages change: check "
            "them on its website before going to an office.",
        ),
    ],
    sources=[
        source(
            "Migración Colombia",
            "Estatuto Temporal de Protección y PPT (Decreto 216 de 2021, Resolución 971 de "
            "2021): requisitos, consulta del trámite y duplicados",
            "Temporary Protection Statute and PPT (Decree 216 of 2021, Resolution 971 of "
            "2021): requirements, application status and duplicates",
            MIGRACION,
        ),
        source(
            "Cancillería",
            "Visas de residente y sus requisitos",
            "Resident visas and their requirements",
            CANCILLERIA,
        ),
    ],
)

PERMITS = guide(
    "pep-y-otros-permisos",
    "documents",
    title=text("PEP, salvoconducto y otros permisos", "PEP, safe-conduct and other permits"),
    summary=text(
        "Qué pasó con el PEP, qué es el salvoconducto de quien pide refugio, qué permisos "
        "nuevos ha abierto Migración Colombia y qué hacer si tu hijo o hija nació en Colombia.",
        "What happened to the PEP, what the safe-conduct of a refugee applicant is, which new "
        "permits Migración Colombia has opened and what to do if your child was born in "
        "Colombia.",
    ),
    needs=text(
        [
            "El documento que tienes hoy (PEP, salvoconducto, pasaporte o cédula venezolana).",
            "El número de tu permiso o de tu solicitud.",
            "Si tienes hijos nacidos en Colombia: su registro civil de nacimiento.",
        ],
        [
            "The document you hold today (PEP, safe-conduct, Venezuelan passport or cédula).",
            "The number of your permit or of your application.",
            "If you have children born in Colombia: their civil birth registration.",
        ],
    ),
    body=[
        heading("El PEP fue reemplazado por el PPT", "The PEP was replaced by the PPT"),
        para(
            "<p>El <strong>Permiso Especial de Permanencia (PEP)</strong> fue, desde 2017, el "
            "permiso de muchas personas venezolanas en Colombia. Con el Estatuto Temporal de "
            "Protección (Decreto 216 de 2021), quien tenía PEP debía registrarse para pasar al "
            "PPT. Si todavía tienes solo un PEP, consulta con Migración Colombia en qué "
            "situación está antes de usarlo como documento para trabajar o abrir una "
            "cuenta.</p>",
            "<p>The <strong>Special Stay Permit (PEP)</strong> was, from 2017, the permit of "
            "many Venezuelans in Colombia. With the Temporary Protection Statute (Decree 216 of "
            "2021), PEP holders had to register to move to the PPT. If you still hold only a "
            "PEP, check its status with Migración Colombia before using it as your document to "
            "work or open an account.</p>",
        ),
        heading("Si pediste refugio", "If you applied for refugee status"),
        para(
            "<p>Mientras la Cancillería estudia una solicitud de refugio, la persona recibe un "
            "<strong>salvoconducto de permanencia (SC-2)</strong>. Lo que ese documento permite "
            "ha cambiado con los años: pregunta a la Cancillería qué te permite hoy y no dejes "
            "vencer sus renovaciones.</p>",
            "<p>While the Cancillería examines a refugee application, the applicant receives a "
            "<strong>safe-conduct (SC-2)</strong>. What that document allows has changed over "
            "the years: ask the Cancillería what it allows you today, and do not let its "
            "renewals lapse.</p>",
        ),
        heading("Otros permisos", "Other permits"),
        para(
            "<p>Migración Colombia ha abierto otros permisos en los últimos años, por ejemplo "
            "el <strong>PEP Tutor</strong> para madres, padres o tutores de niñas y niños que "
            "tienen PPT. Las etapas abren y cierran: verifica en su página cuáles están abiertas "
            "hoy y quién puede pedirlas. Las visas (de visitante, de migrante y de residente) "
            "las expide la Cancillería.</p>",
            "<p>Migración Colombia has opened other permits in recent years, for example the "
            "<strong>PEP Tutor</strong> for mothers, fathers or guardians of children who hold "
            "a PPT. Stages open and close: check on its website which ones are open today and "
            "who may apply. Visas (visitor, migrant and resident) are issued by the "
            "Cancillería.</p>",
        ),
        heading("Hijos nacidos en Colombia", "Children born in Colombia"),
        para(
            "<p>La Ley 1997 de 2019 creó una regla especial para reconocer la nacionalidad "
            "colombiana a niñas y niños nacidos en Colombia de padres venezolanos. Pregunta en "
            "la Registraduría si aplica a tu hijo o hija y cómo se anota en su registro "
            "civil.</p>",
            "<p>Law 1997 of 2019 created a special rule to recognise Colombian nationality for "
            "children born in Colombia to Venezuelan parents. Ask the Registraduría whether it "
            "applies to your child and how it is recorded in the civil registration.</p>",
        ),
        tip(
            "info",
            "Sin documentos también puedes aprender",
            "Without documents you can still learn",
            "Los cursos de Semilla están abiertos a todas las personas, con o sin documentos. "
            'Si tu documento está en trámite, puedes aplicar a una cohorte marcándolo "en '
            'trámite".',
            "Semilla's courses are open to everyone, with or without documents. If your "
            'document is in process, you can apply to a cohort by choosing "in process".',
        ),
    ],
    sources=[
        source(
            "Migración Colombia",
            "Permisos vigentes, PEP Tutor y etapas abiertas",
            "Current permits, PEP Tutor and open stages",
            MIGRACION,
        ),
        source(
            "Cancillería",
            "Refugio, salvoconducto SC-2 y visas",
            "Refugee status, SC-2 safe-conduct and visas",
            CANCILLERIA,
        ),
        source(
            "Registraduría Nacional del Estado Civil",
            "Registro civil y nacionalidad de niñas y niños nacidos en Colombia (Ley 1997 de 2019)",
            "Civil registration and nationality of children born in Colombia (Law 1997 of 2019)",
            REGISTRADURIA,
        ),
    ],
)

RETURNEES = guide(
    "colombianos-retornados",
    "documents",
    title=text("Colombianos que regresan al país", "Colombians returning home"),
    summary=text(
        "Si eres colombiano o colombiana y volviste después de vivir en el exterior, la Ley "
        "1565 de 2012 te da acompañamiento y algunos beneficios. También: documentos de tu "
        "familia.",
        "If you are Colombian and came back after living abroad, Law 1565 of 2012 gives you "
        "support and some benefits. Also: your family's documents.",
    ),
    needs=text(
        [
            "Tu cédula de ciudadanía (o el trámite de duplicado en la Registraduría).",
            "Tu pasaporte o pruebas del tiempo que viviste fuera (sellos, certificados).",
            "El registro civil de nacimiento de tus hijos nacidos en el exterior.",
            "Si tu pareja es extranjera: el registro de matrimonio o de unión.",
        ],
        [
            "Your cédula de ciudadanía (or a duplicate requested at the Registraduría).",
            "Your passport or proof of the time you lived abroad (stamps, certificates).",
            "The civil birth registration of your children born abroad.",
            "If your partner is a foreigner: the record of your marriage or union.",
        ],
    ),
    body=[
        heading("La Ley Retorno", "The Return Law"),
        para(
            "<p>La <strong>Ley 1565 de 2012</strong> ofrece acompañamiento e incentivos a "
            "colombianos que regresan después de vivir en el exterior, según el tipo de "
            "retorno: solidario, humanitario, laboral o productivo. Para acceder te inscribes en "
            "el <strong>Registro Único de Retornados</strong> de la Cancillería. La ley pide un "
            "tiempo mínimo de residencia en el exterior y hay plazos para pedir los "
            "beneficios: consúltalos en la Cancillería antes de tu regreso o apenas "
            "llegues.</p>",
            "<p><strong>Law 1565 of 2012</strong> offers support and incentives to Colombians "
            "returning after living abroad, according to the type of return: solidarity, "
            "humanitarian, work or productive. To access them you sign up for the "
            "Cancillería's <strong>Single Register of Returnees</strong>. The law asks for a "
            "minimum time of residence abroad and there are deadlines to request the benefits: "
            "check them with the Cancillería before you return or as soon as you arrive.</p>",
        ),
        heading("Tu familia", "Your family"),
        para(
            "<p>Tus hijos nacidos en el exterior pueden ser colombianos si los inscribes en el "
            "registro civil (en un consulado o en la Registraduría). Si tu pareja es "
            "extranjera, la Cancillería expide visas para cónyuges y compañeros permanentes de "
            "colombianos: consulta los requisitos vigentes.</p>",
            "<p>Your children born abroad can be Colombian if you register them in the civil "
            "register (at a consulate or the Registraduría). If your partner is a foreigner, "
            "the Cancillería issues visas for spouses and permanent partners of Colombians: "
            "check the current requirements.</p>",
        ),
        tip(
            "tip",
            "Tu experiencia cuenta",
            "Your experience counts",
            "Lo que aprendiste y trabajaste afuera es un activo para tu negocio. Guarda "
            "certificados laborales y de estudios; si vas a usarlos ante una entidad, pregunta "
            "si deben estar apostillados.",
            "What you learned and did abroad is an asset for your business. Keep work and "
            "study certificates; if you will use them with an authority, ask whether they must "
            "be apostilled.",
        ),
    ],
    sources=[
        source(
            "Cancillería",
            "Colombia Nos Une: retorno, Registro Único de Retornados (Ley 1565 de 2012) y "
            "visas para familiares",
            "Colombia Nos Une: return, the Single Register of Returnees (Law 1565 of 2012) and "
            "visas for relatives",
            CANCILLERIA,
        ),
        source(
            "Registraduría Nacional del Estado Civil",
            "Registro civil de hijos nacidos en el exterior y duplicado de cédula",
            "Civil registration of children born abroad and duplicate cédula",
            REGISTRADURIA,
        ),
    ],
)

GUIDES = [PPT, PERMITS, RETURNEES]
