"""Module 6: pitching and applying for seed capital."""

MODULE = {
    "slug": "pitch-y-capital-semilla",
    "title": {
        "es": "Presenta tu negocio y busca capital semilla",
        "en": "Pitch your business and look for seed capital",
    },
    "intro": {
        "es": (
            "Llegó el momento de contar tu negocio con seguridad. En este módulo preparas tu "
            "presentación de un minuto, armas un pitch completo para un día de presentaciones, "
            "conoces dónde buscar capital semilla y aprendes a preparar una postulación con un "
            "presupuesto claro."
        ),
        "en": (
            "It is time to tell people about your business with confidence. In this module you "
            "prepare your one-minute pitch, build a full pitch for a pitch day, learn where to "
            "look for seed capital and how to prepare an application with a clear budget."
        ),
    },
    "lessons": [
        # ------------------------------------------------------------------ 6.1
        {
            "slug": "tu-historia-en-un-minuto",
            "title": {
                "es": "Tu negocio en un minuto",
                "en": "Your business in one minute",
            },
            "summary": {
                "es": (
                    "Prepara una presentación corta y clara para cuando alguien te pregunte "
                    "«¿y tú a qué te dedicas?»: en una feria, un bus o una reunión."
                ),
                "en": (
                    'Prepare a short, clear introduction for when someone asks "so what do you '
                    'do?": at a fair, on a bus or in a meeting.'
                ),
            },
            "minutes": 8,
            "level": "beginner",
            "topics": ["pitching", "marketing"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Las oportunidades aparecen cuando menos las esperas: un posible "
                            "cliente en la fila del banco, una funcionaria de la alcaldía en una "
                            "feria, un mentor en un taller. Si puedes explicar tu negocio en un "
                            "minuto, esa persona te recordará.</p>"
                            "<p>Una estructura sencilla:</p>"
                            "<ol>"
                            "<li><strong>Quién eres:</strong> tu nombre y tu negocio.</li>"
                            "<li><strong>El problema:</strong> qué necesidad ves en tus "
                            "clientes.</li>"
                            "<li><strong>Tu solución:</strong> qué ofreces y qué te hace "
                            "diferente.</li>"
                            "<li><strong>Una prueba:</strong> un dato real, como cuántos "
                            "clientes repiten.</li>"
                            "<li><strong>Lo que buscas:</strong> clientes, un aliado, un "
                            "proveedor o financiación.</li>"
                            "</ol>"
                        ),
                        "en": (
                            "<p>Opportunities show up when you least expect them: a possible "
                            "customer in the bank queue, a city official at a fair, a mentor at "
                            "a workshop. If you can explain your business in one minute, that "
                            "person will remember you.</p>"
                            "<p>A simple structure:</p>"
                            "<ol>"
                            "<li><strong>Who you are:</strong> your name and your business.</li>"
                            "<li><strong>The problem:</strong> what need you see in your "
                            "customers.</li>"
                            "<li><strong>Your solution:</strong> what you offer and what makes "
                            "you different.</li>"
                            "<li><strong>Some proof:</strong> a real fact, such as how many "
                            "customers come back.</li>"
                            "<li><strong>What you are looking for:</strong> customers, a "
                            "partner, a supplier or funding.</li>"
                            "</ol>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "tip",
                    "title": {
                        "es": "Tu historia es una fortaleza",
                        "en": "Your story is a strength",
                    },
                    "text": {
                        "es": (
                            "Haber empezado de nuevo en otra ciudad o en otro país muestra "
                            "valentía, aguante y capacidad de adaptarte. Si quieres contarlo, "
                            "úsalo para explicar por qué entiendes a tus clientes. "
                            "Tú decides cuánto compartir."
                        ),
                        "en": (
                            "Having started over in another city or country shows courage, "
                            "resilience and the ability to adapt. If you are comfortable sharing "
                            "it, use it to explain why you understand your customers. You decide "
                            "how much to share."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Escribe, graba y mejora",
                        "en": "Write, record and improve",
                    },
                    "text": {
                        "es": (
                            "Escribe tu presentación con los cinco pasos, léela en voz alta y "
                            "grábate con el celular. Si pasa de un minuto, recorta. Repítela "
                            "frente a dos personas y pregúntales qué recordaron."
                        ),
                        "en": (
                            "Write your pitch using the five steps, read it aloud and record "
                            "yourself on your phone. If it runs over a minute, cut it. Repeat it "
                            "to two people and ask what they remembered."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": "¿Qué hace más convincente tu presentación corta?",
                                "en": "What makes your short pitch more convincing?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Hablar rápido para decir todo.",
                                        "en": "Speaking fast to say everything.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Si hablas muy rápido, la persona no retiene nada. "
                                            "Mejor decir menos y con claridad."
                                        ),
                                        "en": (
                                            "If you speak too fast, people remember nothing. "
                                            "Better to say less, clearly."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Un dato real sobre tus clientes o ventas.",
                                        "en": "A real fact about your customers or sales.",
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto: una prueba concreta da confianza más que "
                                            "cualquier adjetivo."
                                        ),
                                        "en": (
                                            "Correct: concrete proof builds more trust than any "
                                            "adjective."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Usar palabras técnicas en inglés.",
                                        "en": "Using technical jargon.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Las palabras difíciles alejan a la gente. Habla "
                                            "como le hablas a tus clientes."
                                        ),
                                        "en": (
                                            "Difficult words push people away. Talk the way "
                                            "you talk to your customers."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 6.2
        {
            "slug": "estructura-del-pitch",
            "title": {
                "es": "Arma tu pitch para el día de presentaciones",
                "en": "Build your pitch for pitch day",
            },
            "summary": {
                "es": (
                    "Una estructura de pocos minutos para presentar ante jurados o aliados, con "
                    "datos de tu propio cuaderno y una petición clara."
                ),
                "en": (
                    "A few-minute structure for presenting to judges or partners, with figures "
                    "from your own account book and a clear ask."
                ),
            },
            "minutes": 15,
            "level": "intermediate",
            "topics": ["pitching"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>En un día de presentaciones tienes pocos minutos para que un "
                            "jurado entienda tu negocio y confíe en ti. Sigue este orden:</p>"
                            "<ol>"
                            "<li><strong>Problema:</strong> una situación real de tus clientes."
                            "</li>"
                            "<li><strong>Solución:</strong> qué haces y cómo lo haces.</li>"
                            "<li><strong>Cliente y mercado:</strong> quién te compra y dónde "
                            "está.</li>"
                            "<li><strong>Competencia:</strong> quién más lo ofrece y por qué te "
                            "escogen a ti.</li>"
                            "<li><strong>Avances:</strong> ventas, clientes que repiten, "
                            "aliados. Usa las cifras reales de tu cuaderno de cuentas.</li>"
                            "<li><strong>Cómo ganas plata:</strong> precio, costos y margen en "
                            "palabras sencillas.</li>"
                            "<li><strong>Equipo:</strong> quiénes están detrás y qué saben "
                            "hacer.</li>"
                            "<li><strong>Petición:</strong> cuánto necesitas, en qué lo vas a "
                            "usar y qué vas a lograr con eso.</li>"
                            "</ol>"
                        ),
                        "en": (
                            "<p>At a pitch day you have a few minutes for a panel to understand "
                            "your business and trust you. Follow this order:</p>"
                            "<ol>"
                            "<li><strong>Problem:</strong> a real situation your customers face."
                            "</li>"
                            "<li><strong>Solution:</strong> what you do and how.</li>"
                            "<li><strong>Customer and market:</strong> who buys from you and "
                            "where they are.</li>"
                            "<li><strong>Competition:</strong> who else offers it and why people "
                            "choose you.</li>"
                            "<li><strong>Progress:</strong> sales, repeat customers, partners. "
                            "Use the real figures from your account book.</li>"
                            "<li><strong>How you make money:</strong> price, costs and margin in "
                            "plain words.</li>"
                            "<li><strong>Team:</strong> who is behind it and what they can do."
                            "</li>"
                            "<li><strong>The ask:</strong> how much you need, what you will use "
                            "it for and what it will achieve.</li>"
                            "</ol>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "tip",
                    "title": {
                        "es": "Menos diapositivas, más claridad",
                        "en": "Fewer slides, more clarity",
                    },
                    "text": {
                        "es": (
                            "Si usas diapositivas, pon una idea por diapositiva, letra grande y "
                            "fotos reales de tu producto. Y prepárate para presentar aunque "
                            "falle la pantalla."
                        ),
                        "en": (
                            "If you use slides, put one idea per slide, large text and real "
                            "photos of your product. And be ready to present even if the screen "
                            "fails."
                        ),
                    },
                },
                {
                    "type": "checklist",
                    "title": {
                        "es": "Preguntas que el jurado suele hacer",
                        "en": "Questions panels often ask",
                    },
                    "items": {
                        "es": [
                            "¿Cuánto vendes al mes y cuánto te queda?",
                            "¿Quién es tu competencia?",
                            "¿Qué harías si no recibes el apoyo?",
                            "¿Cómo vas a medir si la inversión funcionó?",
                        ],
                        "en": [
                            "How much do you sell a month and how much do you keep?",
                            "Who is your competition?",
                            "What would you do if you do not get the support?",
                            "How will you measure whether the investment worked?",
                        ],
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Ensaya frente a tu grupo o tu mentor",
                        "en": "Rehearse in front of your group or mentor",
                    },
                    "text": {
                        "es": (
                            "Prepara tu pitch con los ocho puntos y ensáyalo con un reloj. "
                            "Preséntalo a tu mentor o a compañeros de la cohorte y pídeles que "
                            "te hagan las preguntas de la lista."
                        ),
                        "en": (
                            "Prepare your pitch with the eight points and rehearse it with a "
                            "timer. Present it to your mentor or cohort peers and ask them to "
                            "put the questions on the list to you."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": "¿Qué debe incluir una buena petición en tu pitch?",
                                "en": "What should a good ask in your pitch include?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Solo decir «necesito plata».",
                                        "en": 'Just saying "I need money".',
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Es poco claro: el jurado necesita saber cuánto y "
                                            "para qué."
                                        ),
                                        "en": (
                                            "Too vague: the panel needs to know how much and "
                                            "for what."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": (
                                            "Cuánto necesitas, en qué lo usarás y qué lograrás."
                                        ),
                                        "en": (
                                            "How much you need, what you will use it for and "
                                            "what you will achieve."
                                        ),
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": "Correcto: así el jurado ve que tienes un plan.",
                                        "en": "Correct: it shows the panel you have a plan.",
                                    },
                                },
                                {
                                    "text": {
                                        "es": "La cifra más alta posible, por si acaso.",
                                        "en": "The highest possible figure, just in case.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Pedir sin sustento le quita credibilidad a tu "
                                            "propuesta."
                                        ),
                                        "en": (
                                            "Asking without justification undermines your proposal."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 6.3
        {
            "slug": "donde-buscar-capital-semilla",
            "title": {
                "es": "¿Dónde buscar capital semilla?",
                "en": "Where to look for seed capital",
            },
            "summary": {
                "es": (
                    "Tipos de convocatorias en Colombia, cómo revisar si puedes participar y "
                    "cómo reconocer ofertas falsas."
                ),
                "en": (
                    "Types of funding calls in Colombia, how to check whether you are eligible "
                    "and how to spot fake offers."
                ),
            },
            "minutes": 10,
            "level": "beginner",
            "topics": ["pitching", "finance"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>El <strong>capital semilla</strong> es dinero, equipos o "
                            "insumos que un programa entrega para arrancar o hacer crecer un "
                            "negocio, muchas veces sin que tengas que devolverlo si cumples lo "
                            "acordado. Suele venir con acompañamiento y reglas claras de uso.</p>"
                            "<p>Lugares donde suelen abrirse convocatorias:</p>"
                            "<ul>"
                            "<li>El <strong>Fondo Emprender</strong> del SENA.</li>"
                            "<li><strong>iNNpulsa Colombia</strong> y otros programas del "
                            "Gobierno nacional.</li>"
                            "<li>Alcaldías, gobernaciones y cámaras de comercio.</li>"
                            "<li>Cajas de compensación, fundaciones y empresas.</li>"
                            "<li>Organizaciones de cooperación internacional y ONG que trabajan "
                            "con población migrante, retornada y comunidades de acogida.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<p><strong>Seed capital</strong> is money, equipment or supplies "
                            "that a programme gives to start or grow a business, often without "
                            "having to pay it back if you meet what was agreed. It usually comes "
                            "with mentoring and clear rules on how it can be used.</p>"
                            "<p>Places where calls often open:</p>"
                            "<ul>"
                            "<li>The SENA's <strong>Fondo Emprender</strong>.</li>"
                            "<li><strong>iNNpulsa Colombia</strong> and other national "
                            "government programmes.</li>"
                            "<li>City halls, departmental governments and chambers of "
                            "commerce.</li>"
                            "<li>Family welfare funds (cajas de compensación), foundations and "
                            "companies.</li>"
                            "<li>International cooperation agencies and NGOs working with "
                            "migrants, returnees and host communities.</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "info",
                    "title": {
                        "es": "Lee primero quién puede participar",
                        "en": "First read who can apply",
                    },
                    "text": {
                        "es": (
                            "Cada convocatoria tiene requisitos propios: tipo de documento, "
                            "nacionalidad, edad, ciudad, tiempo de funcionamiento o si debes "
                            "estar formalizado. Algunas exigen ser colombiano y otras están "
                            "pensadas para personas migrantes. Revísalo antes de invertir tiempo."
                        ),
                        "en": (
                            "Each call has its own requirements: type of document, nationality, "
                            "age, city, how long the business has been running or whether it "
                            "must be formal. Some require Colombian nationality and others are "
                            "designed for migrants. Check this before you invest time."
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "warning",
                    "title": {
                        "es": "Nunca pagues por postularte",
                        "en": "Never pay to apply",
                    },
                    "text": {
                        "es": (
                            "Los programas serios no cobran por inscribirte ni por «asegurar» "
                            "que ganes. Verifica la convocatoria en la página oficial de la "
                            "entidad y desconfía de mensajes que piden plata o tus claves."
                        ),
                        "en": (
                            'Genuine programmes do not charge you to apply or to "guarantee" '
                            "you win. Check the call on the organisation's official website and "
                            "distrust messages asking for money or your passwords."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Haz tu mapa de convocatorias",
                        "en": "Make your map of funding calls",
                    },
                    "text": {
                        "es": (
                            "Busca tres convocatorias abiertas o próximas para tu ciudad y tu "
                            "tipo de negocio. Para cada una anota: quién la ofrece, requisitos, "
                            "fecha de cierre y si cumples. Pregúntale a tu mentor por otras."
                        ),
                        "en": (
                            "Find three open or upcoming calls for your city and type of "
                            "business. For each, note who offers it, requirements, closing date "
                            "and whether you qualify. Ask your mentor about others."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": (
                                    "Te escriben diciendo que ganaste capital semilla, pero "
                                    "debes pagar un trámite para recibirlo. ¿Qué haces?"
                                ),
                                "en": (
                                    "You get a message saying you won seed capital but must pay "
                                    "a fee to receive it. What do you do?"
                                ),
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Pagas rápido para no perder el premio.",
                                        "en": "Pay quickly so you do not lose the prize.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "La prisa es una táctica típica de estafa. Los "
                                            "programas serios no cobran."
                                        ),
                                        "en": (
                                            "Urgency is a classic scam tactic. Genuine "
                                            "programmes do not charge."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": (
                                            "No pagas y verificas en la página oficial o con tu "
                                            "mentor."
                                        ),
                                        "en": (
                                            "Do not pay, and check on the official website or "
                                            "with your mentor."
                                        ),
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": "Correcto: confirma siempre por canales oficiales.",
                                        "en": "Correct: always confirm through official channels.",
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Envías tus claves del banco para el depósito.",
                                        "en": "Send your bank passwords for the deposit.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Nadie necesita tus claves para consignarte. Nunca "
                                            "las compartas."
                                        ),
                                        "en": (
                                            "Nobody needs your passwords to pay you. Never share "
                                            "them."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 6.4
        {
            "slug": "postulacion-y-presupuesto",
            "title": {
                "es": "Prepara tu postulación y tu presupuesto",
                "en": "Prepare your application and budget",
            },
            "summary": {
                "es": (
                    "Cómo leer los términos de una convocatoria, reunir documentos, armar un "
                    "presupuesto con cotizaciones y rendir cuentas si ganas."
                ),
                "en": (
                    "How to read a call's terms, gather documents, build a budget with quotes "
                    "and report back if you win."
                ),
            },
            "minutes": 15,
            "level": "intermediate",
            "topics": ["pitching", "finance"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Una buena postulación responde exactamente lo que pide la "
                            "convocatoria. Empieza por leer completos los <strong>términos de "
                            "referencia</strong>: ahí están los requisitos, los documentos, los "
                            "gastos permitidos, cómo califican y la fecha de cierre.</p>"
                            "<p>Después, arma tu <strong>presupuesto</strong>:</p>"
                            "<ul>"
                            "<li>Haz una lista de lo que vas a comprar: máquinas, insumos, "
                            "adecuaciones, formación.</li>"
                            "<li>Consigue cotizaciones reales de proveedores para cada cosa.</li>"
                            "<li>Relaciona cada gasto con un resultado: «con este horno puedo "
                            "producir el doble y atender pedidos de tiendas».</li>"
                            "<li>Incluye lo que tú aportas: tiempo, equipos que ya tienes, "
                            "ahorros.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<p>A good application answers exactly what the call asks. Start by "
                            "reading the <strong>terms of reference</strong> in full: they list "
                            "the requirements, documents, eligible expenses, how applications "
                            "are scored and the closing date.</p>"
                            "<p>Then build your <strong>budget</strong>:</p>"
                            "<ul>"
                            "<li>List what you will buy: machines, supplies, improvements to "
                            "your space, training.</li>"
                            "<li>Get real quotes from suppliers for each item.</li>"
                            '<li>Link each expense to a result: "with this oven I can produce '
                            'twice as much and take orders from shops".</li>'
                            "<li>Include what you contribute: time, equipment you already own, "
                            "savings.</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "checklist",
                    "title": {
                        "es": "Antes de enviar",
                        "en": "Before submitting",
                    },
                    "items": {
                        "es": [
                            "Cumples todos los requisitos de participación.",
                            "Tienes todos los documentos, legibles y vigentes.",
                            "El presupuesto solo incluye gastos permitidos y tiene cotizaciones.",
                            "Alguien de confianza leyó tu postulación.",
                            "La envías antes del último día, por si falla internet.",
                        ],
                        "en": [
                            "You meet every eligibility requirement.",
                            "You have all documents, legible and valid.",
                            "The budget only includes eligible costs and has quotes.",
                            "Someone you trust has read your application.",
                            "You submit before the last day, in case the internet fails.",
                        ],
                    },
                },
                {
                    "type": "tip",
                    "kind": "info",
                    "title": {
                        "es": "Si ganas, vas a rendir cuentas",
                        "en": "If you win, you will report back",
                    },
                    "text": {
                        "es": (
                            "Los programas piden facturas y soportes de cada compra y revisan "
                            "que cumplas lo prometido. Guarda todo desde el primer día: tu "
                            "cuaderno de cuentas te va a salvar."
                        ),
                        "en": (
                            "Programmes ask for invoices and receipts for every purchase and "
                            "check that you deliver what you promised. Keep everything from day "
                            "one: your account book will save you."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Pide tres cotizaciones",
                        "en": "Ask for three quotes",
                    },
                    "text": {
                        "es": (
                            "Escoge la compra más importante para hacer crecer tu negocio y pide "
                            "cotización a tres proveedores. Escribe en dos líneas qué vas a "
                            "lograr con esa compra."
                        ),
                        "en": (
                            "Choose the most important purchase for growing your business and "
                            "ask three suppliers for a quote. Write two lines on what that "
                            "purchase will achieve."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": "¿Por qué conviene tener cotizaciones en tu presupuesto?",
                                "en": "Why is it worth having quotes in your budget?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Porque muestran que tus cifras son reales.",
                                        "en": "Because they show your figures are real.",
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto: el jurado confía más en un presupuesto "
                                            "con soportes."
                                        ),
                                        "en": (
                                            "Correct: panels trust a budget with evidence more."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Porque así puedes pedir más plata.",
                                        "en": "Because you can then ask for more money.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Las cotizaciones no son para inflar cifras, sino "
                                            "para justificarlas."
                                        ),
                                        "en": (
                                            "Quotes are not for inflating figures but for "
                                            "justifying them."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "No hacen falta si explicas bien tu idea.",
                                        "en": "They are unnecessary if you explain your idea well.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Una buena explicación ayuda, pero muchas "
                                            "convocatorias exigen soportes de los costos."
                                        ),
                                        "en": (
                                            "A good explanation helps, but many calls require "
                                            "evidence of costs."
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
