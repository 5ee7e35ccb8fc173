"""Guides on running a business: the RUT with a migrant document and registering at the
Cámara de Comercio."""

from ._shape import CONFECAMARAS, DIAN, RUES, guide, heading, para, source, text, tip

RUT = guide(
    "rut-con-documento-migrante",
    "business",
    title=text(
        "Saca tu RUT con tu documento de migrante",
        "Get your RUT with your migrant document",
    ),
    summary=text(
        "El RUT de la DIAN es gratis y lo puedes sacar con tu PPT. Para qué sirve, cómo se "
        "tramita y qué revisar en las responsabilidades que te asignan.",
        "The DIAN's RUT is free and you can get it with your PPT. What it is for, how to apply "
        "and what to check in the responsibilities it assigns you.",
    ),
    needs=text(
        [
            "Tu PPT u otro documento de identificación aceptado por la DIAN.",
            "Un correo electrónico y un número de celular propios.",
            "La dirección donde vives o donde funciona tu negocio.",
            "Una descripción de tu actividad (la DIAN la clasifica con un código CIIU).",
        ],
        [
            "Your PPT or another identity document the DIAN accepts.",
            "An e-mail address and a mobile number of your own.",
            "The address where you live or where your business operates.",
            "A description of your activity (the DIAN classifies it with a CIIU code).",
        ],
    ),
    body=[
        heading("Qué es el RUT", "What the RUT is"),
        para(
            "<p>El <strong>Registro Único Tributario (RUT)</strong> es el registro de la DIAN "
            "que te identifica ante los impuestos y te da un NIT. Lo necesitas para facturar, "
            "para registrarte en la Cámara de Comercio, para que muchas empresas te compren o "
            "te contraten y para algunos productos financieros. Estar en el RUT no significa "
            "que tengas que pagar impuestos: eso depende de tus ingresos y de tu "
            "actividad.</p>",
            "<p>The <strong>Single Tax Register (RUT)</strong> is the DIAN's register that "
            "identifies you for taxes and gives you a NIT (tax number). You need it to issue "
            "invoices, to register at the Cámara de Comercio, for many companies to buy from or "
            "hire you, and for some financial products. Being in the RUT does not mean you "
            "have to pay tax: that depends on your income and your activity.</p>",
        ),
        heading("Cómo sacarlo", "How to get it"),
        para(
            "<p>La inscripción es <strong>gratuita</strong>. Puedes empezarla en línea en la "
            "página de la DIAN y terminarla según te indiquen, hacerla en una oficina de la "
            "DIAN o, si te vas a registrar como comerciante, hacerla junto con la matrícula "
            "mercantil en la Cámara de Comercio. La DIAN acepta el PPT como documento de "
            "identificación.</p>",
            "<p>Registration is <strong>free</strong>. You can start it online on the DIAN's "
            "website and finish it as instructed, do it at a DIAN office or, if you are "
            "registering as a trader, do it together with your business registration at the "
            "Cámara de Comercio. The DIAN accepts the PPT as an identity document.</p>",
        ),
        heading("Revisa tus responsabilidades", "Check your responsibilities"),
        para(
            "<p>El RUT lista tus <strong>responsabilidades</strong> (por ejemplo, declarar "
            "renta o facturar electrónicamente). Léelas antes de firmar y pregunta si algo no "
            "te cuadra: corregirlas después es más difícil. Actualiza el RUT cuando cambies de "
            "dirección, de teléfono o de actividad. Si te interesa el Régimen Simple de "
            "Tributación, consulta en la DIAN si te conviene.</p>",
            "<p>The RUT lists your <strong>responsibilities</strong> (for example, filing an "
            "income tax return or issuing electronic invoices). Read them before signing and "
            "ask if something does not fit: correcting them later is harder. Update the RUT "
            "when you change address, phone or activity. If you are interested in the Simple "
            "Tax Regime (Régimen Simple de Tributación), ask the DIAN whether it suits "
            "you.</p>",
        ),
        tip(
            "warning",
            "Nadie debe cobrarte por el RUT",
            "Nobody should charge you for the RUT",
            "El trámite es gratis. Si alguien te ayuda, que sea a tu lado y con tus datos, "
            "nunca con tu clave de la DIAN.",
            "The procedure is free. If someone helps you, let it be beside you and with your "
            "details, never with your DIAN password.",
        ),
    ],
    sources=[
        source(
            "DIAN",
            "Inscripción y actualización del RUT, documentos aceptados y responsabilidades",
            "RUT registration and updates, accepted documents and responsibilities",
            DIAN,
        ),
        source(
            "Confecámaras",
            "Centros de Atención Empresarial: RUT y matrícula en un solo lugar",
            "Business Service Centres: RUT and registration in one place",
            CONFECAMARAS,
        ),
    ],
)

REGISTER = guide(
    "registrar-tu-negocio",
    "business",
    title=text(
        "Registra tu negocio en la Cámara de Comercio",
        "Register your business at the Cámara de Comercio",
    ),
    summary=text(
        "Como persona natural o como sociedad (SAS): qué es la matrícula mercantil, qué "
        "revisar antes, la renovación de cada año y los permisos propios de tu actividad.",
        "As a sole trader or as a company (SAS): what the business registration is, what to "
        "check first, the yearly renewal and the permits your activity needs.",
    ),
    needs=text(
        [
            "Tu PPT (o tu cédula) y tu RUT, o los datos para sacarlo en el mismo trámite.",
            "El nombre de tu negocio, revisado en el RUES para que no esté tomado.",
            "La dirección del negocio y el uso del suelo permitido en ese lugar.",
            "Una idea del valor de tus activos (equipos, mercancía): de eso depende el costo.",
        ],
        [
            "Your PPT (or your cédula) and your RUT, or the details to get it in the same "
            "procedure.",
            "Your business name, checked in the RUES so that it is not taken.",
            "The business address and the land use allowed there.",
            "An idea of the value of your assets (equipment, stock): the cost depends on it.",
        ],
    ),
    body=[
        heading("Qué es la matrícula mercantil", "What business registration is"),
        para(
            "<p>Quien ejerce actividades comerciales debe inscribirse en el <strong>registro "
            "mercantil</strong> de la Cámara de Comercio de su ciudad. Puedes hacerlo como "
            "<strong>persona natural</strong> (tú eres el negocio) o crear una "
            "<strong>sociedad</strong>; la más usada por emprendedores es la SAS (Ley 1258 de "
            "2008), que puede tener un solo accionista. Con tu PPT puedes registrarte.</p>",
            "<p>Whoever carries out commercial activities must enter the <strong>commercial "
            "register</strong> at their city's Cámara de Comercio. You can do it as a "
            "<strong>natural person</strong> (you are the business) or set up a "
            "<strong>company</strong>; the one entrepreneurs use most is the SAS (Law 1258 of "
            "2008), which can have a single shareholder. You can register with your PPT.</p>",
        ),
        heading("Antes y después de registrarte", "Before and after registering"),
        para(
            "<ul><li>Busca tu nombre en el <strong>RUES</strong> para evitar uno que ya "
            "exista.</li>"
            "<li>Pregunta en la Cámara por su Centro de Atención Empresarial: allí se hacen "
            "juntos varios trámites (RUT, matrícula y registros de la alcaldía).</li>"
            "<li>Renueva la matrícula <strong>cada año, a más tardar el 31 de marzo</strong>.</li>"
            "<li>Cumple los permisos de tu actividad: por ejemplo, los sanitarios si preparas o "
            "vendes alimentos.</li></ul>",
            "<ul><li>Search for your name in the <strong>RUES</strong> to avoid one that "
            "already exists.</li>"
            "<li>Ask the Cámara for its Business Service Centre: several procedures are done "
            "there together (RUT, registration and city-hall records).</li>"
            "<li>Renew the registration <strong>every year, by 31 March</strong>.</li>"
            "<li>Meet the permits of your activity: for example, health permits if you prepare "
            "or sell food.</li></ul>",
        ),
        tip(
            "info",
            "Los costos cambian",
            "Costs change",
            "El valor de la matrícula depende de tus activos y se actualiza cada año. Pídelo en "
            "tu Cámara de Comercio antes de ir; muchas ofrecen asesoría gratuita a quien "
            "empieza.",
            "The registration fee depends on your assets and is updated every year. Ask your "
            "Cámara de Comercio before going; many offer free advice to people starting "
            "out.",
        ),
    ],
    sources=[
        source(
            "Confecámaras",
            "Las cámaras de comercio del país y sus Centros de Atención Empresarial",
            "The country's chambers of commerce and their Business Service Centres",
            CONFECAMARAS,
        ),
        source(
            "RUES (Registro Único Empresarial y Social)",
            "Consulta de nombres y de empresas registradas",
            "Look-up of names and registered businesses",
            RUES,
        ),
        source(
            "DIAN",
            "RUT para personas naturales y sociedades",
            "RUT for natural persons and companies",
            DIAN,
        ),
    ],
)

GUIDES = [RUT, REGISTER]
