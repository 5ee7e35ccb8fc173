"""Module 3: formalising a business in Colombia.

General, well-known facts only. No fees, rates, deadlines or UVT thresholds: those change,
so every lesson sends the learner to the DIAN or their Cámara de Comercio for current values.
"""

MODULE = {
    "slug": "formalizar-negocio",
    "title": {
        "es": "Formaliza tu negocio en Colombia",
        "en": "Formalise your business in Colombia",
    },
    "intro": {
        "es": (
            "Formalizarte te abre puertas: vender a empresas, facturar, acceder a crédito y a "
            "programas de apoyo. En este módulo conoces los pasos básicos (RUT en la DIAN, "
            "matrícula mercantil en la Cámara de Comercio y el Régimen Simple de Tributación) "
            "y lo que cambia en tu día a día. Es información general: para tu caso concreto, "
            "consulta siempre las fuentes oficiales."
        ),
        "en": (
            "Formalising opens doors: selling to companies, issuing invoices, getting credit "
            "and joining support programmes. In this module you learn the basic steps (the RUT "
            "at the DIAN, the business registration at the Cámara de Comercio and the Régimen "
            "Simple de Tributación) and what changes day to day. This is general information: "
            "for your own case, always check the official sources."
        ),
    },
    "lessons": [
        # ------------------------------------------------------------------ 3.1
        {
            "slug": "por-que-formalizar",
            "title": {
                "es": "¿Por qué formalizarte y por dónde empezar?",
                "en": "Why formalise, and where to start?",
            },
            "summary": {
                "es": (
                    "Qué significa ser formal en Colombia, qué ganas, qué obligaciones asumes y "
                    "qué documentos necesitas si eres migrante o retornado."
                ),
                "en": (
                    "What being formal means in Colombia, what you gain, which obligations you "
                    "take on and which documents you need as a migrant or returnee."
                ),
            },
            "minutes": 10,
            "level": "beginner",
            "topics": ["formalisation"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Formalizar un negocio es registrarlo ante las entidades del "
                            "Estado para que exista legalmente. No es un solo paso, sino un "
                            "camino que puedes recorrer poco a poco. Los pasos más comunes "
                            "son:</p>"
                            "<ol>"
                            "<li>Inscribirte en el <strong>RUT</strong> (Registro Único "
                            "Tributario) de la DIAN.</li>"
                            "<li>Registrarte en la <strong>Cámara de Comercio</strong> de tu "
                            "ciudad con la matrícula mercantil.</li>"
                            "<li>Cumplir los permisos propios de tu actividad, por ejemplo los "
                            "sanitarios si vendes alimentos.</li>"
                            "</ol>"
                        ),
                        "en": (
                            "<p>Formalising a business means registering it with the state so "
                            "that it exists legally. It is not a single step but a path you can "
                            "walk little by little. The most common steps are:</p>"
                            "<ol>"
                            "<li>Signing up for the <strong>RUT</strong> (Registro Único "
                            "Tributario, the tax register) at the DIAN.</li>"
                            "<li>Registering with your city's <strong>Cámara de Comercio"
                            "</strong> (chamber of commerce) through the matrícula mercantil.</li>"
                            "<li>Meeting the permits your activity needs, for example health "
                            "permits if you sell food.</li>"
                            "</ol>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "text": {
                        "es": "Lo que ganas y lo que asumes",
                        "en": "What you gain and what you take on",
                    },
                },
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Al formalizarte puedes emitir facturas, venderles a empresas y "
                            "entidades, pedir créditos en bancos y postularte a muchos programas "
                            "de capital semilla que lo exigen. A cambio, asumes obligaciones: "
                            "declarar impuestos cuando corresponda, renovar tu registro cada año "
                            "y llevar tus cuentas en orden.</p>"
                        ),
                        "en": (
                            "<p>Once formal you can issue invoices, sell to companies and public "
                            "bodies, apply for bank loans and apply to many seed capital "
                            "programmes that require it. In exchange you take on obligations: "
                            "filing taxes when applicable, renewing your registration every year "
                            "and keeping your accounts in order.</p>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "info",
                    "title": {
                        "es": "Si eres migrante o retornado",
                        "en": "If you are a migrant or a returnee",
                    },
                    "text": {
                        "es": (
                            "Las personas venezolanas pueden hacer estos trámites con un "
                            "documento de identidad válido en Colombia, como el PPT (Permiso por "
                            "Protección Temporal) o la cédula de extranjería. Si eres colombiano "
                            "retornado, usas tu cédula de ciudadanía. Si tu documento está en "
                            "trámite, puedes ir preparando todo lo demás mientras llega."
                        ),
                        "en": (
                            "Venezuelans can do these procedures with an identity document valid "
                            "in Colombia, such as the PPT (Permiso por Protección Temporal, the "
                            "temporary protection permit) or the cédula de extranjería (foreign "
                            "resident ID). Returning Colombians use their citizen ID card. If "
                            "your document is still being processed, you can prepare everything "
                            "else while you wait."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Mira en qué punto estás",
                        "en": "See where you stand",
                    },
                    "text": {
                        "es": (
                            "Escribe qué tienes hoy: documento de identidad vigente, RUT, "
                            "matrícula mercantil y permisos de tu actividad. Marca lo que te "
                            "falta y busca la dirección de la Cámara de Comercio más cercana."
                        ),
                        "en": (
                            "Write down what you have today: a valid identity document, RUT, "
                            "business registration and permits for your activity. Mark what is "
                            "missing and look up the nearest Cámara de Comercio office."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": (
                                    "¿Una persona venezolana con PPT puede formalizar su "
                                    "negocio en Colombia?"
                                ),
                                "en": (
                                    "Can a Venezuelan with a PPT formalise their business in "
                                    "Colombia?"
                                ),
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "No, solo los colombianos pueden.",
                                        "en": "No, only Colombians can.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "No es así: los extranjeros con un documento válido "
                                            "en Colombia también pueden registrarse."
                                        ),
                                        "en": (
                                            "Not so: foreigners with a valid document in "
                                            "Colombia can also register."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Sí, el PPT es un documento válido para hacerlo.",
                                        "en": "Yes, the PPT is a valid document for it.",
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto: con PPT o cédula de extranjería puedes "
                                            "hacer los trámites de formalización."
                                        ),
                                        "en": (
                                            "Correct: with a PPT or a cédula de extranjería you "
                                            "can go through the formalisation steps."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Solo si tiene un socio colombiano.",
                                        "en": "Only with a Colombian partner.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "No necesitas un socio colombiano para registrar tu "
                                            "propio negocio."
                                        ),
                                        "en": (
                                            "You do not need a Colombian partner to register "
                                            "your own business."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 3.2
        {
            "slug": "rut-dian",
            "title": {
                "es": "El RUT: tu registro ante la DIAN",
                "en": "The RUT: your registration with the DIAN",
            },
            "summary": {
                "es": (
                    "Qué es el RUT, por qué es gratis, cómo se saca y qué revisar en él para "
                    "que quede bien tu actividad económica."
                ),
                "en": (
                    "What the RUT is, why it is free, how to get it and what to check on it so "
                    "your economic activity is recorded correctly."
                ),
            },
            "minutes": 10,
            "level": "beginner",
            "topics": ["formalisation", "digital"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>El <strong>RUT</strong> (Registro Único Tributario) es la forma "
                            "en que la DIAN, la autoridad de impuestos de Colombia, te identifica "
                            "como persona que tiene una actividad económica. Te lo piden para "
                            "facturar, abrir algunos productos financieros, venderle a empresas "
                            "y registrarte en la Cámara de Comercio.</p>"
                            "<p>Tener RUT <strong>no significa</strong> que automáticamente "
                            "tengas que pagar impuestos: el documento muestra cuáles son tus "
                            "responsabilidades según tu situación.</p>"
                        ),
                        "en": (
                            "<p>The <strong>RUT</strong> (Registro Único Tributario) is how the "
                            "DIAN, Colombia's tax authority, identifies you as someone with an "
                            "economic activity. You need it to issue invoices, open some "
                            "financial products, sell to companies and register with the Cámara "
                            "de Comercio.</p>"
                            "<p>Having a RUT <strong>does not mean</strong> you automatically "
                            "have to pay taxes: the document shows which responsibilities apply "
                            "to you in your situation.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "text": {
                        "es": "Cómo sacarlo",
                        "en": "How to get it",
                    },
                },
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<ul>"
                            "<li>La inscripción en el RUT es <strong>gratuita</strong>.</li>"
                            "<li>Puedes empezar en línea en el portal de la DIAN y, si hace "
                            "falta, terminar en un punto de atención con tu documento de "
                            "identidad.</li>"
                            "<li>Si vas a registrarte en la Cámara de Comercio, en muchos casos "
                            "el RUT se tramita en el mismo proceso.</li>"
                            "<li>Revisa bien el <strong>código de actividad económica</strong> "
                            "(CIIU): debe describir lo que realmente haces.</li>"
                            "<li>Cuando cambies de dirección, teléfono o actividad, actualiza "
                            "tu RUT.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<ul>"
                            "<li>Signing up for the RUT is <strong>free</strong>.</li>"
                            "<li>You can start online on the DIAN portal and, if needed, finish "
                            "at a service office with your identity document.</li>"
                            "<li>If you are registering with the Cámara de Comercio, the RUT is "
                            "often handled in the same process.</li>"
                            "<li>Check the <strong>economic activity code</strong> (CIIU) "
                            "carefully: it must describe what you really do.</li>"
                            "<li>When you change address, phone or activity, update your "
                            "RUT.</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "warning",
                    "title": {
                        "es": "Desconfía de quien te cobre por el RUT",
                        "en": "Be wary of anyone charging for the RUT",
                    },
                    "text": {
                        "es": (
                            "Hay tramitadores que cobran por un trámite que es gratis o que "
                            "piden tus claves. Nunca compartas la contraseña de tu cuenta en la "
                            "DIAN. Si necesitas ayuda, acude a la DIAN, a tu Cámara de Comercio "
                            "o a un programa de apoyo confiable."
                        ),
                        "en": (
                            "Some middlemen charge for a procedure that is free or ask for your "
                            "passwords. Never share the password of your DIAN account. If you "
                            "need help, go to the DIAN, your Cámara de Comercio or a trusted "
                            "support programme."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Prepara tu inscripción o revisa tu RUT",
                        "en": "Prepare your registration or check your RUT",
                    },
                    "text": {
                        "es": (
                            "Si no tienes RUT, reúne tu documento de identidad, un correo que "
                            "uses, tu dirección y una descripción corta de tu actividad. Si ya "
                            "lo tienes, descárgalo y verifica que tus datos y tu actividad estén "
                            "al día."
                        ),
                        "en": (
                            "If you do not have a RUT, gather your identity document, an email "
                            "you actually use, your address and a short description of your "
                            "activity. If you already have one, download it and check that your "
                            "details and activity are up to date."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": "¿Cuánto cuesta inscribirte en el RUT?",
                                "en": "How much does it cost to sign up for the RUT?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Nada: la inscripción es gratuita.",
                                        "en": "Nothing: registration is free.",
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto. Si alguien te cobra por sacarlo, desconfía."
                                        ),
                                        "en": (
                                            "Correct. If someone charges you to get it, be "
                                            "suspicious."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Depende de cuánto vendas.",
                                        "en": "It depends on how much you sell.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "No: la inscripción no tiene costo, vendas mucho o "
                                            "poco."
                                        ),
                                        "en": (
                                            "No: registration has no cost, whether you sell a "
                                            "lot or a little."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Solo es gratis para los colombianos.",
                                        "en": "It is only free for Colombians.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "No: es gratuita para todas las personas, sin "
                                            "importar su nacionalidad."
                                        ),
                                        "en": (
                                            "No: it is free for everyone, whatever their "
                                            "nationality."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 3.3
        {
            "slug": "matricula-mercantil",
            "title": {
                "es": "La matrícula mercantil en la Cámara de Comercio",
                "en": "Business registration at the Cámara de Comercio",
            },
            "summary": {
                "es": (
                    "Cómo registrarte como comerciante, la diferencia entre persona natural y "
                    "sociedad, y por qué debes renovar cada año."
                ),
                "en": (
                    "How to register as a trader, the difference between a sole trader and a "
                    "company, and why you must renew every year."
                ),
            },
            "minutes": 12,
            "level": "beginner",
            "topics": ["formalisation"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>La <strong>matrícula mercantil</strong> es el registro de tu "
                            "actividad comercial en la Cámara de Comercio de tu ciudad. Con ella "
                            "obtienes el certificado que muchas empresas, bancos y convocatorias "
                            "te van a pedir.</p>"
                            "<p>Puedes registrarte de dos formas principales:</p>"
                            "<ul>"
                            "<li><strong>Como persona natural:</strong> el negocio eres tú. Es "
                            "lo más sencillo para empezar, pero respondes con tu patrimonio "
                            "personal por las deudas del negocio.</li>"
                            "<li><strong>Como sociedad</strong>, por ejemplo una S.A.S. "
                            "(sociedad por acciones simplificada), que puede crear incluso una "
                            "sola persona. Separa tu patrimonio del de la empresa, pero tiene "
                            "más trámites y obligaciones contables.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<p>The <strong>matrícula mercantil</strong> is the registration of "
                            "your commercial activity with your city's Cámara de Comercio. It "
                            "gets you the certificate that many companies, banks and funding "
                            "calls will ask for.</p>"
                            "<p>There are two main ways to register:</p>"
                            "<ul>"
                            "<li><strong>As a natural person (sole trader):</strong> the "
                            "business is you. It is the simplest way to start, but your personal "
                            "assets are liable for the business's debts.</li>"
                            "<li><strong>As a company</strong>, for example an S.A.S. (a "
                            "simplified joint-stock company), which even one person can set up. "
                            "It separates your assets from the company's, but involves more "
                            "paperwork and accounting duties.</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "checklist",
                    "title": {
                        "es": "Antes de ir a la Cámara",
                        "en": "Before going to the Cámara",
                    },
                    "items": {
                        "es": [
                            "Ten tu documento de identidad vigente (cédula, PPT o cédula de "
                            "extranjería).",
                            "Consulta en el RUES que el nombre de tu negocio no esté registrado "
                            "por otra persona.",
                            "Pregunta en la alcaldía si tu actividad está permitida en esa "
                            "dirección (uso del suelo).",
                            "Pregunta a la Cámara el valor vigente del registro, que depende de "
                            "tus activos.",
                            "Pide cita en el centro de atención empresarial o revisa si el "
                            "trámite se hace en línea.",
                        ],
                        "en": [
                            "Have your valid identity document (cédula, PPT or cédula de "
                            "extranjería).",
                            "Check in the RUES (the national business register) that nobody "
                            "else has registered your business name.",
                            "Ask the city hall whether your activity is allowed at that address "
                            "(land use).",
                            "Ask the Cámara for the current registration fee, which depends on "
                            "your assets.",
                            "Book an appointment at the business service centre or check "
                            "whether it can be done online.",
                        ],
                    },
                },
                {
                    "type": "tip",
                    "kind": "warning",
                    "title": {
                        "es": "La matrícula se renueva cada año",
                        "en": "Registration is renewed every year",
                    },
                    "text": {
                        "es": (
                            "La renovación se hace en los primeros meses de cada año. Tu Cámara "
                            "de Comercio publica la fecha límite; anótala en tu calendario, "
                            "porque renovar tarde puede traer sanciones y problemas con tus "
                            "certificados."
                        ),
                        "en": (
                            "Renewal happens in the first months of each year. Your Cámara de "
                            "Comercio publishes the deadline; put it in your calendar, because "
                            "renewing late can bring penalties and problems with your "
                            "certificates."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Consulta el nombre de tu negocio",
                        "en": "Check your business name",
                    },
                    "text": {
                        "es": (
                            "Entra al RUES desde el celular y busca el nombre que quieres usar. "
                            "Anota dos alternativas por si ya existe y llama o escribe a tu "
                            "Cámara para preguntar requisitos y valor vigente."
                        ),
                        "en": (
                            "Open the RUES on your phone and search for the name you want to "
                            "use. Note two alternatives in case it is taken, and call or message "
                            "your Cámara to ask about requirements and the current fee."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": (
                                    "¿Qué pasa con la matrícula mercantil después de obtenerla?"
                                ),
                                "en": "What happens to your business registration after you get "
                                "it?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Dura para siempre.",
                                        "en": "It lasts forever.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": "No: hay que renovarla cada año.",
                                        "en": "No: it must be renewed every year.",
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Se renueva cada año en las fechas de la Cámara.",
                                        "en": "It is renewed every year by the Cámara's deadline.",
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto: la renovación es anual y conviene "
                                            "hacerla a tiempo."
                                        ),
                                        "en": (
                                            "Correct: renewal is yearly and it is best done on "
                                            "time."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Solo se renueva si cambias de dirección.",
                                        "en": "It is only renewed if you move address.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Un cambio de dirección se actualiza, pero la "
                                            "renovación anual es obligatoria de todas formas."
                                        ),
                                        "en": (
                                            "A change of address is updated, but the yearly "
                                            "renewal is required anyway."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 3.4
        {
            "slug": "regimen-simple",
            "title": {
                "es": "El Régimen Simple de Tributación (RST)",
                "en": "The Régimen Simple de Tributación (RST)",
            },
            "summary": {
                "es": (
                    "Qué es el Régimen Simple, a quién le puede convenir y qué preguntas hacer "
                    "antes de inscribirte."
                ),
                "en": (
                    "What the Simple Tax Regime is, who it may suit and which questions to ask "
                    "before you sign up."
                ),
            },
            "minutes": 12,
            "level": "intermediate",
            "topics": ["formalisation", "finance"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>El <strong>Régimen Simple de Tributación</strong> (RST o "
                            "SIMPLE) es una forma opcional de pagar impuestos pensada para "
                            "pequeños negocios. En lugar de manejar varios impuestos por "
                            "separado, integra algunos de ellos, como el impuesto de renta, en "
                            "un sistema con una declaración anual y pagos anticipados "
                            "periódicos.</p>"
                            "<p>Puntos generales que conviene conocer:</p>"
                            "<ul>"
                            "<li>Es <strong>voluntario</strong>: te inscribes si te conviene y "
                            "cumples los requisitos.</li>"
                            "<li>Pueden inscribirse personas naturales y sociedades que estén "
                            "por debajo de un límite de ingresos fijado por la ley.</li>"
                            "<li>Las tarifas dependen de tu actividad y de tus ingresos.</li>"
                            "<li>Quienes están en el Simple deben expedir <strong>factura "
                            "electrónica</strong>.</li>"
                            "<li>Algunas actividades no pueden acogerse a este régimen.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<p>The <strong>Régimen Simple de Tributación</strong> (RST or "
                            "SIMPLE, the simple tax regime) is an optional way of paying taxes "
                            "designed for small businesses. Instead of handling several taxes "
                            "separately, it brings some of them, such as income tax, into one "
                            "system with an annual return and periodic advance payments.</p>"
                            "<p>General points worth knowing:</p>"
                            "<ul>"
                            "<li>It is <strong>voluntary</strong>: you join if it suits you and "
                            "you meet the requirements.</li>"
                            "<li>Individuals and companies below an income limit set by law can "
                            "join.</li>"
                            "<li>Rates depend on your activity and your income.</li>"
                            "<li>Businesses in the SIMPLE must issue <strong>electronic invoices"
                            "</strong>.</li>"
                            "<li>Some activities cannot use this regime.</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "info",
                    "title": {
                        "es": "Los valores cambian: consulta el vigente",
                        "en": "Figures change: check the current ones",
                    },
                    "text": {
                        "es": (
                            "Los límites de ingresos, las tarifas y las fechas para inscribirte "
                            "se actualizan. Consulta el valor vigente en la DIAN antes de "
                            "decidir y no te guíes por lo que dice un video viejo."
                        ),
                        "en": (
                            "Income limits, rates and sign-up dates are updated. Check the "
                            "current values with the DIAN before deciding, and do not rely on an "
                            "old video."
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "tip",
                    "title": {
                        "es": "Busca orientación gratuita",
                        "en": "Look for free guidance",
                    },
                    "text": {
                        "es": (
                            "La DIAN tiene puntos de atención y programas con universidades, "
                            "como los Núcleos de Apoyo Contable y Fiscal (NAF), donde "
                            "estudiantes supervisados orientan gratis. También puedes consultar "
                            "con un contador de confianza."
                        ),
                        "en": (
                            "The DIAN has service offices and programmes with universities, such "
                            "as the Núcleos de Apoyo Contable y Fiscal (NAF, tax and accounting "
                            "support centres), where supervised students give free guidance. "
                            "You can also ask an accountant you trust."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Lleva tus preguntas a una asesoría",
                        "en": "Take your questions to an advice session",
                    },
                    "text": {
                        "es": (
                            "Con tu cuaderno de cuentas a mano, escribe cuánto vendes en un año "
                            "aproximadamente y a qué te dedicas. Pide orientación en la DIAN, un "
                            "NAF o tu Cámara y pregunta: ¿me conviene el Simple?, ¿qué tendría "
                            "que declarar?, ¿cómo facturo?"
                        ),
                        "en": (
                            "With your account book at hand, write down roughly how much you "
                            "sell in a year and what you do. Ask for guidance at the DIAN, a NAF "
                            "or your Cámara and ask: does the SIMPLE suit me? what would I have "
                            "to file? how do I invoice?"
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": "¿Cuál afirmación sobre el Régimen Simple es correcta?",
                                "en": "Which statement about the Simple regime is correct?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Es obligatorio para todos los negocios.",
                                        "en": "It is mandatory for every business.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": "No: es un régimen opcional.",
                                        "en": "No: it is an optional regime.",
                                    },
                                },
                                {
                                    "text": {
                                        "es": (
                                            "Es opcional, tiene requisitos y los valores se "
                                            "deben consultar en la DIAN."
                                        ),
                                        "en": (
                                            "It is optional, has requirements, and the figures "
                                            "should be checked with the DIAN."
                                        ),
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto: revisa siempre la información vigente "
                                            "antes de inscribirte."
                                        ),
                                        "en": (
                                            "Correct: always check current information before "
                                            "signing up."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Quienes están en el Simple no tienen que facturar.",
                                        "en": "Businesses in the SIMPLE do not need to invoice.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Al contrario: en el Simple se debe expedir factura "
                                            "electrónica."
                                        ),
                                        "en": (
                                            "The opposite: in the SIMPLE you must issue "
                                            "electronic invoices."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 3.5
        {
            "slug": "despues-de-formalizar",
            "title": {
                "es": "Lo que cambia cuando ya eres formal",
                "en": "What changes once you are formal",
            },
            "summary": {
                "es": (
                    "Facturación, renovaciones, permisos y calendario: las tareas que aparecen "
                    "después de formalizarte y cómo organizarlas."
                ),
                "en": (
                    "Invoicing, renewals, permits and deadlines: the tasks that come after you "
                    "formalise and how to organise them."
                ),
            },
            "minutes": 10,
            "level": "intermediate",
            "topics": ["formalisation", "operations"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Formalizarte no termina el día que recibes tu certificado. A "
                            "partir de ahí tu negocio tiene una <strong>agenda</strong> que "
                            "debes cumplir. Las tareas más comunes son:</p>"
                            "<ul>"
                            "<li><strong>Facturar</strong> según lo que diga tu RUT. Si debes "
                            "facturar electrónicamente, la DIAN ofrece una solución gratuita y "
                            "también existen proveedores privados.</li>"
                            "<li><strong>Declarar y pagar</strong> los impuestos que te "
                            "correspondan en las fechas del calendario tributario.</li>"
                            "<li><strong>Renovar</strong> la matrícula mercantil cada año.</li>"
                            "<li><strong>Actualizar</strong> el RUT y la Cámara si cambias de "
                            "dirección o de actividad.</li>"
                            "<li><strong>Mantener los permisos</strong> de tu actividad, como el "
                            "concepto sanitario si manipulas alimentos.</li>"
                            "<li>Si contratas personas, cumplir con el contrato y la "
                            "seguridad social.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<p>Formalising does not end the day you receive your certificate. "
                            "From then on your business has a <strong>calendar</strong> to keep. "
                            "The most common tasks are:</p>"
                            "<ul>"
                            "<li><strong>Invoicing</strong> according to your RUT. If you must "
                            "invoice electronically, the DIAN offers a free tool and private "
                            "providers exist too.</li>"
                            "<li><strong>Filing and paying</strong> the taxes that apply to you "
                            "on the dates of the tax calendar.</li>"
                            "<li><strong>Renewing</strong> your business registration every "
                            "year.</li>"
                            "<li><strong>Updating</strong> the RUT and the Cámara if you change "
                            "address or activity.</li>"
                            "<li><strong>Keeping the permits</strong> for your activity, such "
                            "as the health certificate if you handle food.</li>"
                            "<li>If you hire people, meeting employment contract and social "
                            "security duties.</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "tip",
                    "title": {
                        "es": "Un calendario te ahorra multas",
                        "en": "A calendar saves you fines",
                    },
                    "text": {
                        "es": (
                            "La DIAN publica cada año su calendario tributario y tu Cámara la "
                            "fecha de renovación. Ponlas como recordatorio en el celular con "
                            "unas semanas de anticipación."
                        ),
                        "en": (
                            "The DIAN publishes its tax calendar every year and your Cámara "
                            "publishes the renewal date. Add them as phone reminders a few "
                            "weeks in advance."
                        ),
                    },
                },
                {
                    "type": "checklist",
                    "title": {
                        "es": "Tu carpeta del negocio",
                        "en": "Your business folder",
                    },
                    "items": {
                        "es": [
                            "Copia del documento de identidad.",
                            "RUT actualizado.",
                            "Certificado de la Cámara de Comercio.",
                            "Permisos y conceptos de tu actividad.",
                            "Facturas emitidas y recibidas, ordenadas por mes.",
                        ],
                        "en": [
                            "Copy of your identity document.",
                            "Up-to-date RUT.",
                            "Cámara de Comercio certificate.",
                            "Permits and certificates for your activity.",
                            "Invoices issued and received, sorted by month.",
                        ],
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Arma tu carpeta y tu calendario",
                        "en": "Set up your folder and calendar",
                    },
                    "text": {
                        "es": (
                            "Crea una carpeta física y otra en el celular o en la nube con los "
                            "documentos de la lista. Luego agenda en tu celular las fechas "
                            "importantes del año que ya conozcas."
                        ),
                        "en": (
                            "Create a paper folder and another on your phone or in the cloud "
                            "with the documents on the list. Then add the key dates for the year "
                            "that you already know to your phone's calendar."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": "Cambiaste tu negocio a otro barrio. ¿Qué debes hacer?",
                                "en": "You moved your business to another neighbourhood. What "
                                "should you do?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Nada, los registros se actualizan solos.",
                                        "en": "Nothing, the records update themselves.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Los registros no se actualizan solos: debes "
                                            "informar el cambio."
                                        ),
                                        "en": (
                                            "Records do not update themselves: you must report "
                                            "the change."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": (
                                            "Actualizar la dirección en el RUT y en la Cámara, "
                                            "y revisar el uso del suelo del nuevo lugar."
                                        ),
                                        "en": (
                                            "Update the address in the RUT and at the Cámara, "
                                            "and check land use for the new place."
                                        ),
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto: tus registros deben mostrar dónde "
                                            "funciona tu negocio hoy."
                                        ),
                                        "en": (
                                            "Correct: your records must show where your "
                                            "business operates today."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Sacar un RUT nuevo.",
                                        "en": "Get a brand-new RUT.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "No necesitas otro RUT: basta con actualizar el que "
                                            "ya tienes."
                                        ),
                                        "en": (
                                            "You do not need another RUT: updating the one you "
                                            "have is enough."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
    ],
}
