"""Module 5: marketing with WhatsApp Business and social media."""

MODULE = {
    "slug": "marketing-digital",
    "title": {
        "es": "Vende más con WhatsApp Business y redes sociales",
        "en": "Sell more with WhatsApp Business and social media",
    },
    "intro": {
        "es": (
            "Tus clientes ya están en el celular. En este módulo configuras WhatsApp Business "
            "para que tu negocio se vea serio, organizas pedidos con catálogo, respuestas "
            "rápidas y etiquetas, tomas mejores fotos para redes sociales y logras que tus "
            "clientes vuelvan y te recomienden, siempre con respeto por sus datos."
        ),
        "en": (
            "Your customers are already on their phones. In this module you set up WhatsApp "
            "Business so your business looks professional, organise orders with a catalogue, "
            "quick replies and labels, take better photos for social media and get customers "
            "to come back and recommend you, always respecting their data."
        ),
    },
    "lessons": [
        # ------------------------------------------------------------------ 5.1
        {
            "slug": "whatsapp-business-perfil",
            "title": {
                "es": "Tu negocio en WhatsApp Business",
                "en": "Your business on WhatsApp Business",
            },
            "summary": {
                "es": (
                    "Configura un perfil de empresa completo y mensajes automáticos para que "
                    "nadie se quede sin respuesta."
                ),
                "en": (
                    "Set up a complete business profile and automatic messages so no customer "
                    "is left without a reply."
                ),
            },
            "minutes": 10,
            "level": "beginner",
            "topics": ["marketing", "digital"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p><strong>WhatsApp Business</strong> es una aplicación gratuita, "
                            "distinta del WhatsApp personal, pensada para pequeños negocios. "
                            "Lo ideal es usarla con un número solo para el negocio; así separas "
                            "los pedidos de los chats de la familia y puedes descansar cuando "
                            "cierras.</p>"
                        ),
                        "en": (
                            "<p><strong>WhatsApp Business</strong> is a free app, separate from "
                            "personal WhatsApp, designed for small businesses. Ideally use it "
                            "with a number just for the business; that way you keep orders apart "
                            "from family chats and can rest when you close.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "text": {
                        "es": "Completa tu perfil de empresa",
                        "en": "Complete your business profile",
                    },
                },
                {
                    "type": "checklist",
                    "title": {
                        "es": "Lo que tu perfil debe tener",
                        "en": "What your profile should include",
                    },
                    "items": {
                        "es": [
                            "Nombre del negocio, igual al que usas en redes y en el aviso.",
                            "Foto clara: tu logo o tu producto estrella.",
                            "Descripción corta: qué vendes, para quién y en qué zona.",
                            "Horario de atención real.",
                            "Dirección o zonas de domicilio.",
                            "Correo o enlace a tus redes sociales.",
                        ],
                        "en": [
                            "Business name, the same one you use on social media and signage.",
                            "A clear photo: your logo or your best-selling product.",
                            "Short description: what you sell, to whom and in which area.",
                            "Your real opening hours.",
                            "Address or delivery areas.",
                            "Email or a link to your social media.",
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Activa también los mensajes automáticos:</p>"
                            "<ul>"
                            "<li><strong>Mensaje de bienvenida:</strong> saluda a quien te "
                            "escribe por primera vez y le cuenta cómo pedir.</li>"
                            "<li><strong>Mensaje de ausencia:</strong> avisa fuera del horario "
                            "cuándo vas a responder, para que el cliente no piense que lo "
                            "ignoras.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<p>Also turn on the automatic messages:</p>"
                            "<ul>"
                            "<li><strong>Greeting message:</strong> welcomes people writing for "
                            "the first time and tells them how to order.</li>"
                            "<li><strong>Away message:</strong> outside opening hours, says when "
                            "you will reply, so the customer does not feel ignored.</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "tip",
                    "title": {
                        "es": "Un saludo que vende",
                        "en": "A greeting that sells",
                    },
                    "text": {
                        "es": (
                            "Ejemplo: «¡Hola! Gracias por escribir a Sabores de mi Tierra. Mira "
                            "nuestro catálogo y escríbenos qué quieres y tu dirección. "
                            "Entregamos de lunes a sábado»."
                        ),
                        "en": (
                            'Example: "Hi! Thanks for writing to Sabores de mi Tierra. Have a '
                            "look at our catalogue and send us what you want and your address. "
                            'We deliver Monday to Saturday."'
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Deja tu perfil listo hoy",
                        "en": "Get your profile ready today",
                    },
                    "text": {
                        "es": (
                            "Instala WhatsApp Business (o revisa el que tienes), completa todos "
                            "los campos de la lista y escribe tus mensajes de bienvenida y de "
                            "ausencia. Pídele a alguien que te escriba para probarlos."
                        ),
                        "en": (
                            "Install WhatsApp Business (or review the one you have), fill in "
                            "every item on the list and write your greeting and away messages. "
                            "Ask someone to message you to test them."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": "¿Para qué sirve el mensaje de ausencia?",
                                "en": "What is the away message for?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Para avisar cuándo vas a responder.",
                                        "en": "To tell people when you will reply.",
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto: el cliente sabe que lo atenderás y no se "
                                            "va con la competencia."
                                        ),
                                        "en": (
                                            "Correct: the customer knows you will serve them and "
                                            "does not go to a competitor."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Para enviar promociones a todos tus contactos.",
                                        "en": "To send promotions to all your contacts.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "No: solo le responde a quien te escribe fuera de "
                                            "tu horario."
                                        ),
                                        "en": (
                                            "No: it only replies to people who write outside "
                                            "your hours."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Para bloquear a clientes molestos.",
                                        "en": "To block annoying customers.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "No bloquea a nadie; es un mensaje amable automático."
                                        ),
                                        "en": (
                                            "It blocks nobody; it is a friendly automatic message."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 5.2
        {
            "slug": "catalogo-y-respuestas-rapidas",
            "title": {
                "es": "Catálogo, respuestas rápidas y etiquetas",
                "en": "Catalogue, quick replies and labels",
            },
            "summary": {
                "es": (
                    "Muestra tus productos con precio, responde en segundos las preguntas "
                    "frecuentes y organiza tus pedidos por etiquetas."
                ),
                "en": (
                    "Show your products with prices, answer common questions in seconds and "
                    "organise your orders with labels."
                ),
            },
            "minutes": 12,
            "level": "beginner",
            "topics": ["marketing", "digital", "operations"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>WhatsApp Business trae herramientas que te ahorran tiempo y "
                            "hacen ver tu negocio más organizado:</p>"
                            "<ul>"
                            "<li><strong>Catálogo:</strong> una vitrina con foto, nombre, "
                            "descripción y precio de cada producto o servicio. Puedes enviar un "
                            "producto en un chat con un toque.</li>"
                            "<li><strong>Respuestas rápidas:</strong> mensajes guardados para "
                            "las preguntas de siempre, como precios, medios de pago o costo del "
                            "domicilio. Se llaman con un atajo que tú eliges.</li>"
                            "<li><strong>Etiquetas:</strong> marcas de colores para tus chats, "
                            "por ejemplo «cliente nuevo», «pedido pendiente», «pagado» y "
                            "«entregado».</li>"
                            "<li><strong>Enlace y código QR:</strong> para que te escriban sin "
                            "guardar tu número. Ponlos en tus redes, tarjetas y empaques.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<p>WhatsApp Business includes tools that save you time and make "
                            "your business look more organised:</p>"
                            "<ul>"
                            "<li><strong>Catalogue:</strong> a shop window with a photo, name, "
                            "description and price for each product or service. You can send a "
                            "product in a chat with one tap.</li>"
                            "<li><strong>Quick replies:</strong> saved messages for the usual "
                            "questions, such as prices, payment methods or delivery cost. You "
                            "call them up with a shortcut you choose.</li>"
                            "<li><strong>Labels:</strong> coloured tags for your chats, for "
                            'example "new customer", "order pending", "paid" and '
                            '"delivered".</li>'
                            "<li><strong>Link and QR code:</strong> so people can message you "
                            "without saving your number. Put them on your social media, cards "
                            "and packaging.</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "tip",
                    "title": {
                        "es": "Precios claros, menos preguntas",
                        "en": "Clear prices, fewer questions",
                    },
                    "text": {
                        "es": (
                            "Muchos clientes se van si tienen que preguntar el precio. Pon el "
                            "precio en el catálogo y actualízalo cuando cambie."
                        ),
                        "en": (
                            "Many customers leave if they have to ask for the price. Put the "
                            "price in the catalogue and update it when it changes."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Sube cinco productos y tres respuestas",
                        "en": "Add five products and three replies",
                    },
                    "text": {
                        "es": (
                            "Sube al catálogo tus cinco productos más vendidos con foto y "
                            "precio. Crea tres respuestas rápidas para las preguntas que más te "
                            "hacen y cuatro etiquetas para seguir tus pedidos."
                        ),
                        "en": (
                            "Add your five best-selling products to the catalogue with photo and "
                            "price. Create three quick replies for the questions you get most "
                            "and four labels to track your orders."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": (
                                    "Te preguntan diez veces al día «¿cuánto vale el "
                                    "domicilio?». ¿Qué herramienta te ayuda más?"
                                ),
                                "en": (
                                    'Ten times a day you get asked "how much is delivery?". '
                                    "Which tool helps most?"
                                ),
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Las etiquetas.",
                                        "en": "Labels.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Las etiquetas organizan chats, pero no escriben la "
                                            "respuesta por ti."
                                        ),
                                        "en": (
                                            "Labels organise chats, but they do not write the "
                                            "answer for you."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Una respuesta rápida.",
                                        "en": "A quick reply.",
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto: la escribes una vez y la envías en "
                                            "segundos cada vez que la necesites."
                                        ),
                                        "en": (
                                            "Correct: you write it once and send it in seconds "
                                            "every time you need it."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "El mensaje de ausencia.",
                                        "en": "The away message.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Ese mensaje solo sale fuera de tu horario de atención."
                                        ),
                                        "en": (
                                            "That message only goes out outside your opening hours."
                                        ),
                                    },
                                },
                            ],
                        },
                        {
                            "question": {
                                "es": "¿Para qué sirve la etiqueta «pedido pendiente»?",
                                "en": 'What is the "order pending" label for?',
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Para no olvidar ningún pedido sin entregar.",
                                        "en": "To not forget any undelivered order.",
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto: filtras por esa etiqueta y ves todo lo "
                                            "que falta por entregar."
                                        ),
                                        "en": (
                                            "Correct: filter by that label and see everything "
                                            "still to deliver."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Para cobrarle más al cliente.",
                                        "en": "To charge the customer more.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Las etiquetas no tienen que ver con el precio; "
                                            "son para organizarte."
                                        ),
                                        "en": (
                                            "Labels have nothing to do with price; they are for "
                                            "staying organised."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Para que el cliente vea que está pendiente.",
                                        "en": "So the customer sees it is pending.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Las etiquetas solo las ves tú; el cliente no las ve."
                                        ),
                                        "en": "Only you see labels; the customer does not.",
                                    },
                                },
                            ],
                        },
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 5.3
        {
            "slug": "redes-sociales-y-fotos",
            "title": {
                "es": "Redes sociales y fotos que venden",
                "en": "Social media and photos that sell",
            },
            "summary": {
                "es": (
                    "Escoge las redes donde está tu cliente, toma buenas fotos con tu celular y "
                    "publica con constancia sin gastar en publicidad."
                ),
                "en": (
                    "Choose the networks where your customers are, take good photos with your "
                    "phone and post consistently without paying for ads."
                ),
            },
            "minutes": 12,
            "level": "beginner",
            "topics": ["marketing", "digital"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>No tienes que estar en todas las redes. Escoge una o dos donde "
                            "ya esté tu cliente ideal: quizás Facebook y los grupos del barrio, "
                            "Instagram, TikTok o los estados de WhatsApp. Es mejor hacer bien "
                            "una red que abandonar cuatro.</p>"
                        ),
                        "en": (
                            "<p>You do not need to be on every network. Choose one or two where "
                            "your ideal customer already is: maybe Facebook and neighbourhood "
                            "groups, Instagram, TikTok or WhatsApp statuses. Doing one network "
                            "well beats abandoning four.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "text": {
                        "es": "Fotos con el celular",
                        "en": "Photos with your phone",
                    },
                },
                {
                    "type": "checklist",
                    "title": {
                        "es": "Antes de tomar la foto",
                        "en": "Before taking the photo",
                    },
                    "items": {
                        "es": [
                            "Limpia el lente de la cámara.",
                            "Busca luz natural, cerca de una ventana y sin sol directo.",
                            "Usa un fondo sencillo y ordenado.",
                            "Muestra el producto de cerca y también en uso.",
                            "Toma varias fotos y escoge la más nítida.",
                        ],
                        "en": [
                            "Clean the camera lens.",
                            "Find natural light, near a window and out of direct sun.",
                            "Use a plain, tidy background.",
                            "Show the product close up and also in use.",
                            "Take several shots and pick the sharpest.",
                        ],
                    },
                },
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Ideas para publicar sin quedarte en blanco:</p>"
                            "<ul>"
                            "<li>El producto del día con su precio y cómo pedirlo.</li>"
                            "<li>Cómo lo haces: el proceso, tus manos, tu cocina o taller.</li>"
                            "<li>Opiniones de clientes, siempre con su permiso.</li>"
                            "<li>Tu historia: de dónde vienes y por qué empezaste. La gente "
                            "le compra a personas.</li>"
                            "</ul>"
                            "<p>Publica con constancia, por ejemplo los mismos días cada "
                            "semana, y responde todos los comentarios.</p>"
                        ),
                        "en": (
                            "<p>Ideas for posts so you never go blank:</p>"
                            "<ul>"
                            "<li>Today's product with its price and how to order.</li>"
                            "<li>How you make it: the process, your hands, your kitchen or "
                            "workshop.</li>"
                            "<li>Customer reviews, always with their permission.</li>"
                            "<li>Your story: where you come from and why you started. People buy "
                            "from people.</li>"
                            "</ul>"
                            "<p>Post consistently, for example on the same days each week, and "
                            "reply to every comment.</p>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "info",
                    "title": {
                        "es": "Aparece en los mapas",
                        "en": "Show up on maps",
                    },
                    "text": {
                        "es": (
                            "Si tienes un local o atiendes en una zona, crea un perfil gratuito "
                            "de tu negocio en los mapas del celular (por ejemplo, el Perfil de "
                            "Empresa de Google) con horario, fotos y tu WhatsApp."
                        ),
                        "en": (
                            "If you have premises or serve a specific area, create a free "
                            "business profile on phone maps (for example, a Google Business "
                            "Profile) with your hours, photos and WhatsApp."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Tu plan de publicaciones de una semana",
                        "en": "Your one-week posting plan",
                    },
                    "text": {
                        "es": (
                            "Escoge tu red principal, toma tres fotos nuevas siguiendo la lista y "
                            "programa tres publicaciones para esta semana, cada una con precio y "
                            "el enlace a tu WhatsApp."
                        ),
                        "en": (
                            "Pick your main network, take three new photos following the "
                            "checklist and plan three posts for this week, each with a price and "
                            "the link to your WhatsApp."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": "¿Cuál es la mejor luz para fotografiar tu producto?",
                                "en": "What is the best light for photographing your product?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "El flash del celular de noche.",
                                        "en": "The phone's flash at night.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": "El flash suele dejar brillos y sombras duras.",
                                        "en": "Flash tends to leave glare and harsh shadows.",
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Luz natural junto a una ventana.",
                                        "en": "Natural light by a window.",
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": "Correcto: es gratis y muestra los colores reales.",
                                        "en": "Correct: it is free and shows true colours.",
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Sol directo al mediodía.",
                                        "en": "Direct midday sun.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "El sol directo quema los colores y crea sombras "
                                            "fuertes."
                                        ),
                                        "en": (
                                            "Direct sun washes out colours and creates strong "
                                            "shadows."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 5.4
        {
            "slug": "clientes-que-vuelven",
            "title": {
                "es": "Clientes que vuelven y te recomiendan",
                "en": "Customers who come back and recommend you",
            },
            "summary": {
                "es": (
                    "Cuida a quien ya te compró: listas de difusión con permiso, seguimiento "
                    "después de la venta, recomendaciones y buen manejo de quejas."
                ),
                "en": (
                    "Look after people who already bought: broadcast lists with consent, "
                    "after-sale follow-up, referrals and handling complaints well."
                ),
            },
            "minutes": 10,
            "level": "intermediate",
            "topics": ["marketing", "digital"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Conseguir un cliente nuevo cuesta mucho más esfuerzo que "
                            "volverle a vender a uno que ya confía en ti. Por eso vale la pena "
                            "cuidar a tus clientes actuales.</p>"
                            "<ul>"
                            "<li><strong>Listas de difusión:</strong> envían un mismo mensaje a "
                            "varios contactos, que lo reciben como un chat individual. Solo les "
                            "llega a quienes tienen tu número guardado, así que pide que te "
                            "agreguen.</li>"
                            "<li><strong>Seguimiento:</strong> un día después de la entrega, "
                            "pregunta cómo le fue con el producto.</li>"
                            "<li><strong>Recomendaciones:</strong> pide a tus clientes "
                            "contentos que te recomienden o que dejen una opinión en tus "
                            "redes.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<p>Winning a new customer takes far more effort than selling again "
                            "to one who already trusts you. That is why it pays to look after "
                            "your current customers.</p>"
                            "<ul>"
                            "<li><strong>Broadcast lists:</strong> send the same message to "
                            "several contacts, who receive it as an individual chat. It only "
                            "reaches people who have saved your number, so ask them to add "
                            "you.</li>"
                            "<li><strong>Follow-up:</strong> a day after delivery, ask how the "
                            "product worked out.</li>"
                            "<li><strong>Referrals:</strong> ask happy customers to recommend "
                            "you or leave a review on your social media.</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "warning",
                    "title": {
                        "es": "Respeta los datos de tus clientes",
                        "en": "Respect your customers' data",
                    },
                    "text": {
                        "es": (
                            "En Colombia la ley protege los datos personales. Pide permiso antes "
                            "de agregar a alguien a una lista, dile para qué usarás su número y "
                            "sácalo de inmediato si te pide no recibir más mensajes. No "
                            "compartas ni vendas tus contactos."
                        ),
                        "en": (
                            "In Colombia the law protects personal data. Ask permission before "
                            "adding someone to a list, tell them what you will use their number "
                            "for and remove them straight away if they ask to stop. Do not share "
                            "or sell your contacts."
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "tip",
                    "title": {
                        "es": "Una queja bien atendida crea confianza",
                        "en": "A complaint handled well builds trust",
                    },
                    "text": {
                        "es": (
                            "Si alguien se queja, agradece que te lo diga, pide disculpas por lo "
                            "que salió mal y ofrece una solución concreta. Muchos clientes "
                            "vuelven precisamente porque los atendiste bien en un mal momento."
                        ),
                        "en": (
                            "If someone complains, thank them for telling you, apologise for "
                            "what went wrong and offer a concrete solution. Many customers come "
                            "back precisely because you treated them well at a bad moment."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Escríbeles a tus últimos diez clientes",
                        "en": "Message your last ten customers",
                    },
                    "text": {
                        "es": (
                            "Escríbele a cada uno de tus últimos diez clientes para preguntarle "
                            "cómo le fue y si quiere recibir tus novedades. Agrega a la lista de "
                            "difusión solo a quienes digan que sí."
                        ),
                        "en": (
                            "Message each of your last ten customers to ask how things went and "
                            "whether they would like to hear your news. Add to the broadcast "
                            "list only those who say yes."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": (
                                    "Un cliente te pide que no le mandes más promociones. ¿Qué "
                                    "haces?"
                                ),
                                "en": (
                                    "A customer asks you to stop sending promotions. What do "
                                    "you do?"
                                ),
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Le sigues enviando, tal vez cambie de opinión.",
                                        "en": "Keep sending, they might change their mind.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Seguir escribiendo molesta, daña tu reputación y "
                                            "no respeta su decisión."
                                        ),
                                        "en": (
                                            "Continuing annoys them, hurts your reputation and "
                                            "ignores their decision."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Lo sacas de la lista de inmediato y le agradeces.",
                                        "en": (
                                            "Remove them from the list straight away and thank "
                                            "them."
                                        ),
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto: respetar sus datos y su decisión deja la "
                                            "puerta abierta para que vuelva a comprarte."
                                        ),
                                        "en": (
                                            "Correct: respecting their data and decision keeps "
                                            "the door open for them to buy again."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Le pasas su número a otro negocio.",
                                        "en": "Pass their number to another business.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Nunca compartas los datos de tus clientes sin su "
                                            "autorización."
                                        ),
                                        "en": (
                                            "Never share your customers' data without their "
                                            "permission."
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
