"""Module 1: validating a business idea and customer discovery."""

MODULE = {
    "slug": "validar-idea",
    "title": {
        "es": "Valida tu idea de negocio",
        "en": "Validate your business idea",
    },
    "intro": {
        "es": (
            "Antes de invertir tu plata y tu tiempo, averigua si hay personas que de verdad "
            "necesitan lo que quieres vender y están dispuestas a pagar por ello. En este "
            "módulo aprendes a conocer a tu cliente, a conversar con él sin venderle, a "
            "explicar tu propuesta de valor y a hacer pruebas pequeñas y baratas."
        ),
        "en": (
            "Before you put in your money and time, find out whether there are people who "
            "really need what you want to sell and are willing to pay for it. In this module "
            "you learn to know your customer, to talk with them without selling, to explain "
            "your value proposition and to run small, cheap tests."
        ),
    },
    "lessons": [
        # ------------------------------------------------------------------ 1.1
        {
            "slug": "conoce-a-tu-cliente",
            "title": {
                "es": "Conoce a tu cliente",
                "en": "Get to know your customer",
            },
            "summary": {
                "es": (
                    "Un negocio empieza por una persona con un problema. Aprende a describir a "
                    "tu cliente ideal con detalles reales, no con suposiciones."
                ),
                "en": (
                    "A business starts with a person who has a problem. Learn to describe your "
                    "ideal customer with real details, not assumptions."
                ),
            },
            "minutes": 8,
            "level": "beginner",
            "topics": ["marketing", "operations"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Muchas personas empiezan un negocio pensando en el producto: "
                            "«voy a vender arepas», «voy a arreglar celulares». Pero un negocio "
                            "vive de sus <strong>clientes</strong>. Si no sabes quién te va a "
                            "comprar, por qué y cuándo, es fácil gastar los ahorros en algo que "
                            "nadie necesita.</p>"
                            "<p>Tu cliente no es «todo el mundo». Es una persona concreta, con "
                            "una rutina, un presupuesto y un problema que le molesta lo "
                            "suficiente como para pagar por resolverlo.</p>"
                        ),
                        "en": (
                            '<p>Many people start a business thinking about the product: "I will '
                            'sell arepas", "I will repair phones". But a business lives on its '
                            "<strong>customers</strong>. If you do not know who will buy from you, "
                            "why and when, it is easy to spend your savings on something nobody "
                            "needs.</p>"
                            '<p>Your customer is not "everybody". It is a specific person, with '
                            "a routine, a budget and a problem that bothers them enough to pay "
                            "for a solution.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "text": {
                        "es": "Dibuja a tu cliente ideal",
                        "en": "Sketch your ideal customer",
                    },
                },
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Responde estas preguntas pensando en una persona real que "
                            "conozcas:</p>"
                            "<ul>"
                            "<li>¿Dónde vive o trabaja, y cómo se mueve por la ciudad?</li>"
                            "<li>¿Qué problema tiene que tu negocio puede resolver?</li>"
                            "<li>¿Cómo lo resuelve hoy y qué no le gusta de esa solución?</li>"
                            "<li>¿Cuánto suele gastar en eso y con qué frecuencia?</li>"
                            "<li>¿Dónde se entera de las cosas: WhatsApp, vecinos, la iglesia, "
                            "redes sociales?</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<p>Answer these questions with a real person you know in mind:</p>"
                            "<ul>"
                            "<li>Where do they live or work, and how do they get around the "
                            "city?</li>"
                            "<li>What problem do they have that your business can solve?</li>"
                            "<li>How do they solve it today, and what do they dislike about that "
                            "solution?</li>"
                            "<li>How much do they usually spend on it, and how often?</li>"
                            "<li>Where do they hear about things: WhatsApp, neighbours, church, "
                            "social media?</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "tip",
                    "title": {
                        "es": "Tu experiencia también cuenta",
                        "en": "Your experience counts too",
                    },
                    "text": {
                        "es": (
                            "Si llegaste de otro país o volviste después de años fuera, conoces "
                            "necesidades que otros no ven: productos que se extrañan, servicios "
                            "para familias que acaban de llegar, sabores de otra región. Eso es "
                            "una ventaja, úsala."
                        ),
                        "en": (
                            "If you arrived from another country or came back after years abroad, "
                            "you know needs others do not see: products people miss, services "
                            "for newly arrived families, flavours from another region. That is an "
                            "advantage, use it."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Escribe la ficha de tu cliente",
                        "en": "Write your customer profile",
                    },
                    "text": {
                        "es": (
                            "En un cuaderno o en una nota del celular, escribe en cinco líneas "
                            "quién es tu cliente ideal usando las preguntas de arriba. Ponle un "
                            "nombre, como «doña Marta, que vende tintos en el centro». Después "
                            "anota tres personas reales que se parezcan a ella."
                        ),
                        "en": (
                            "In a notebook or a note on your phone, write five lines about who "
                            "your ideal customer is, using the questions above. Give them a name, "
                            'like "Doña Marta, who sells coffee downtown". Then write down three '
                            "real people who are like her."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": "¿Cuál es la mejor descripción de un cliente ideal?",
                                "en": "Which is the best description of an ideal customer?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Todas las personas del barrio.",
                                        "en": "Everyone in the neighbourhood.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Es demasiado general: no te dice qué ofrecer ni "
                                            "dónde encontrar a quien te va a comprar."
                                        ),
                                        "en": (
                                            "Too general: it does not tell you what to offer or "
                                            "where to find the people who will buy."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": (
                                            "Madres que trabajan en el centro y no tienen tiempo "
                                            "de cocinar el almuerzo."
                                        ),
                                        "en": (
                                            "Mothers who work downtown and have no time to cook "
                                            "lunch."
                                        ),
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Exacto: dice quién es, dónde está y qué problema "
                                            "tiene. Con eso puedes diseñar tu oferta."
                                        ),
                                        "en": (
                                            "Right: it says who they are, where they are and "
                                            "what problem they have. You can design your offer "
                                            "around that."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Cualquier persona que tenga plata.",
                                        "en": "Anyone who has money.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Tener plata no basta: la persona tiene que tener un "
                                            "problema que tu negocio resuelva."
                                        ),
                                        "en": (
                                            "Having money is not enough: the person needs a "
                                            "problem your business solves."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 1.2
        {
            "slug": "entrevistas-de-descubrimiento",
            "title": {
                "es": "Conversa con tus clientes sin venderles",
                "en": "Talk with customers without selling to them",
            },
            "summary": {
                "es": (
                    "Las mejores ideas salen de escuchar. Aprende a hacer preguntas sobre la vida "
                    "real de las personas para descubrir si tu idea resuelve algo."
                ),
                "en": (
                    "The best ideas come from listening. Learn to ask about people's real lives "
                    "to find out whether your idea solves something."
                ),
            },
            "minutes": 10,
            "level": "beginner",
            "topics": ["marketing"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Cuando le cuentas tu idea a alguien, casi siempre te dice «¡qué "
                            "chévere, yo te compro!». Lo dice por cariño o por educación, no "
                            "porque vaya a pagar. Por eso, en una entrevista de descubrimiento "
                            "<strong>no presentas tu idea</strong>: preguntas por lo que la "
                            "persona ya hace, ya gasta y ya sufre.</p>"
                        ),
                        "en": (
                            '<p>When you tell someone your idea, they almost always say "how '
                            "cool, I'll buy from you!\". They say it out of kindness or good "
                            "manners, not because they will pay. That is why in a discovery "
                            "interview you <strong>do not pitch your idea</strong>: you ask about "
                            "what the person already does, already spends and already "
                            "struggles with.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "text": {
                        "es": "Preguntas que sí funcionan",
                        "en": "Questions that work",
                    },
                },
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<ul>"
                            "<li>«Cuéntame de la última vez que te pasó…»</li>"
                            "<li>«¿Cómo lo resolviste? ¿Cuánto te costó?»</li>"
                            "<li>«¿Qué es lo más difícil de eso?»</li>"
                            "<li>«¿Has buscado otras soluciones? ¿Por qué no te sirvieron?»</li>"
                            "<li>«¿Quién más crees que tiene este problema?»</li>"
                            "</ul>"
                            "<p>Evita preguntas sobre el futuro como «¿comprarías…?» o «¿te "
                            "gustaría…?». Las respuestas sobre el pasado son más honestas.</p>"
                        ),
                        "en": (
                            "<ul>"
                            '<li>"Tell me about the last time this happened to you…"</li>'
                            '<li>"How did you solve it? How much did it cost?"</li>'
                            '<li>"What is the hardest part of that?"</li>'
                            '<li>"Have you looked for other solutions? Why didn\'t they work?"</li>'
                            '<li>"Who else do you think has this problem?"</li>'
                            "</ul>"
                            '<p>Avoid questions about the future such as "would you buy…?" or '
                            '"would you like…?". Answers about the past are more honest.</p>'
                        ),
                    },
                },
                {
                    "type": "checklist",
                    "title": {
                        "es": "Para cada conversación",
                        "en": "For each conversation",
                    },
                    "items": {
                        "es": [
                            "Pide permiso y explica que estás aprendiendo, no vendiendo.",
                            "Habla poco y escucha mucho.",
                            "Anota frases textuales, sobre todo las quejas.",
                            "Pregunta cuánto gasta hoy y con qué frecuencia.",
                            "Agradece y pregunta si puedes volver a escribirle.",
                        ],
                        "en": [
                            "Ask permission and explain you are learning, not selling.",
                            "Talk little and listen a lot.",
                            "Write down exact phrases, especially complaints.",
                            "Ask how much they spend today and how often.",
                            "Say thank you and ask whether you can message them again.",
                        ],
                    },
                },
                {
                    "type": "tip",
                    "kind": "info",
                    "title": {
                        "es": "Cinco conversaciones ya enseñan mucho",
                        "en": "Five conversations already teach a lot",
                    },
                    "text": {
                        "es": (
                            "No necesitas una encuesta grande. Después de unas cuantas "
                            "conversaciones vas a escuchar los mismos problemas repetidos. Ese "
                            "patrón es lo que buscas."
                        ),
                        "en": (
                            "You do not need a big survey. After a handful of conversations you "
                            "will hear the same problems repeated. That pattern is what you are "
                            "looking for."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Haz tres entrevistas esta semana",
                        "en": "Do three interviews this week",
                    },
                    "text": {
                        "es": (
                            "Busca a tres personas que se parezcan a tu cliente ideal (no "
                            "familiares cercanos) y conversa con cada una unos quince minutos, en "
                            "persona o por llamada. Anota lo que más se repite."
                        ),
                        "en": (
                            "Find three people who look like your ideal customer (not close "
                            "family) and talk with each for about fifteen minutes, in person or "
                            "by phone. Write down what comes up most often."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": "¿Cuál pregunta te da información más confiable?",
                                "en": "Which question gives you more reliable information?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "«¿Me comprarías este producto?»",
                                        "en": '"Would you buy this product from me?"',
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "La gente suele decir que sí para no quedar mal. "
                                            "Es una promesa, no un dato."
                                        ),
                                        "en": (
                                            "People tend to say yes to be polite. It is a "
                                            "promise, not a fact."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "«¿Te parece buena mi idea?»",
                                        "en": '"Do you think my idea is good?"',
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Pides una opinión, y las opiniones amables no "
                                            "pagan cuentas."
                                        ),
                                        "en": (
                                            "You are asking for an opinion, and kind opinions "
                                            "do not pay the bills."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": (
                                            "«¿Cómo resolviste eso la última vez y cuánto te "
                                            "costó?»"
                                        ),
                                        "en": (
                                            '"How did you solve that last time and how much did '
                                            'it cost?"'
                                        ),
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Sí: preguntas por hechos del pasado, que muestran "
                                            "cuánto le importa el problema de verdad."
                                        ),
                                        "en": (
                                            "Yes: you ask about past facts, which show how much "
                                            "the problem really matters to them."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 1.3
        {
            "slug": "propuesta-de-valor",
            "title": {
                "es": "Tu propuesta de valor y tu competencia",
                "en": "Your value proposition and your competition",
            },
            "summary": {
                "es": (
                    "Explica en una frase por qué te deberían comprar a ti y no al vecino. "
                    "Mira a tu competencia con respeto y aprende de ella."
                ),
                "en": (
                    "Explain in one sentence why people should buy from you and not from the "
                    "shop next door. Look at your competition with respect and learn from it."
                ),
            },
            "minutes": 10,
            "level": "beginner",
            "topics": ["marketing", "pitching"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>La <strong>propuesta de valor</strong> es la razón por la que un "
                            "cliente te escoge. No es una lista de productos: es el beneficio "
                            "que recibe. Una fórmula sencilla para escribirla es:</p>"
                            "<p><em>Ayudo a [cliente] a [resolver un problema o lograr algo] "
                            "gracias a [lo que te hace diferente].</em></p>"
                            "<p>Por ejemplo: «Ayudo a familias de Cúcuta que trabajan todo el día "
                            "a comer casero entre semana, con almuerzos a domicilio que se piden "
                            "por WhatsApp antes de las diez de la mañana».</p>"
                        ),
                        "en": (
                            "<p>Your <strong>value proposition</strong> is the reason a customer "
                            "chooses you. It is not a list of products: it is the benefit they "
                            "get. A simple formula for writing it is:</p>"
                            "<p><em>I help [customer] to [solve a problem or achieve something] "
                            "thanks to [what makes you different].</em></p>"
                            '<p>For example: "I help working families in Cúcuta eat home-cooked '
                            "food on weekdays, with lunches delivered to their door that they "
                            'order on WhatsApp before ten in the morning."</p>'
                        ),
                    },
                },
                {
                    "type": "heading",
                    "text": {
                        "es": "Mira a tu competencia",
                        "en": "Look at your competition",
                    },
                },
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Que haya competencia es una buena señal: significa que la gente "
                            "ya paga por eso. Visita o escribe a tres negocios parecidos al tuyo "
                            "y observa:</p>"
                            "<ul>"
                            "<li>Qué venden, a qué precio y en qué horario.</li>"
                            "<li>Cómo atienden y cómo reciben los pagos.</li>"
                            "<li>Qué dicen los clientes de ellos: qué les gusta y de qué se "
                            "quejan.</li>"
                            "</ul>"
                            "<p>Las quejas de los clientes de otros son pistas de lo que tú "
                            "puedes hacer mejor.</p>"
                        ),
                        "en": (
                            "<p>Having competition is a good sign: it means people already pay "
                            "for this. Visit or message three businesses similar to yours and "
                            "notice:</p>"
                            "<ul>"
                            "<li>What they sell, at what price and during which hours.</li>"
                            "<li>How they serve customers and how they take payments.</li>"
                            "<li>What customers say about them: what they like and what they "
                            "complain about.</li>"
                            "</ul>"
                            "<p>Other businesses' customer complaints are clues to what you can "
                            "do better.</p>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "warning",
                    "title": {
                        "es": "Ser el más barato no es una propuesta de valor",
                        "en": "Being the cheapest is not a value proposition",
                    },
                    "text": {
                        "es": (
                            "Competir solo por precio te deja sin ganancia y siempre aparece "
                            "alguien más barato. Mejor diferénciate por rapidez, confianza, "
                            "calidad, cercanía o un sabor que nadie más tiene."
                        ),
                        "en": (
                            "Competing only on price leaves you with no profit, and someone "
                            "cheaper always shows up. Stand out instead through speed, trust, "
                            "quality, closeness or a flavour nobody else has."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Escribe y prueba tu frase",
                        "en": "Write and test your sentence",
                    },
                    "text": {
                        "es": (
                            "Escribe tu propuesta de valor con la fórmula de arriba y léesela a "
                            "dos posibles clientes. Si no la entienden a la primera, "
                            "simplifícala hasta que la puedan repetir con sus propias palabras."
                        ),
                        "en": (
                            "Write your value proposition with the formula above and read it to "
                            "two potential customers. If they do not understand it the first "
                            "time, simplify it until they can repeat it in their own words."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": "¿Qué significa que haya varios negocios como el tuyo?",
                                "en": "What does it mean if there are several businesses like "
                                "yours?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Que debes abandonar la idea.",
                                        "en": "That you should give up the idea.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "No necesariamente. La competencia muestra que hay "
                                            "demanda; tu tarea es encontrar cómo ser diferente."
                                        ),
                                        "en": (
                                            "Not necessarily. Competition shows there is "
                                            "demand; your job is to find how to be different."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": (
                                            "Que la gente ya paga por eso y puedes aprender de "
                                            "lo que hacen bien y mal."
                                        ),
                                        "en": (
                                            "That people already pay for it and you can learn "
                                            "from what they do well and badly."
                                        ),
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto: observa a la competencia para encontrar "
                                            "tu diferencia."
                                        ),
                                        "en": (
                                            "Correct: study the competition to find what makes "
                                            "you different."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Que tienes que vender más barato que todos.",
                                        "en": "That you must sell cheaper than everyone.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Bajar precios sin control te deja sin ganancia. "
                                            "Compite por valor, no solo por precio."
                                        ),
                                        "en": (
                                            "Cutting prices without control leaves you with no "
                                            "profit. Compete on value, not only on price."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 1.4
        {
            "slug": "prueba-pequena",
            "title": {
                "es": "Prueba en pequeño antes de invertir",
                "en": "Test small before you invest",
            },
            "summary": {
                "es": (
                    "Vende una versión sencilla de tu producto a pocas personas para aprender "
                    "rápido y arriesgar poca plata."
                ),
                "en": (
                    "Sell a simple version of your product to a few people to learn fast and "
                    "risk little money."
                ),
            },
            "minutes": 10,
            "level": "beginner",
            "topics": ["operations", "marketing"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>La prueba más clara de que una idea sirve es que alguien "
                            "<strong>pague</strong> por ella. No necesitas un local, un aviso ni "
                            "una máquina nueva para empezar. Puedes hacer una versión pequeña, "
                            "a veces llamada <em>producto mínimo</em>, y ofrecérsela a pocas "
                            "personas.</p>"
                            "<p>Ejemplos de pruebas pequeñas:</p>"
                            "<ul>"
                            "<li>Cocinar una tanda corta de tu receta y venderla por encargo a "
                            "vecinos y compañeros de trabajo.</li>"
                            "<li>Publicar fotos de tus diseños en un estado de WhatsApp y tomar "
                            "pedidos con anticipo antes de comprar los materiales.</li>"
                            "<li>Ofrecer tu servicio de peluquería a domicilio un fin de semana "
                            "para ver cuántas citas consigues.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<p>The clearest proof that an idea works is that someone "
                            "<strong>pays</strong> for it. You do not need a shop, a sign or a "
                            "new machine to start. You can make a small version, sometimes "
                            "called a <em>minimum product</em>, and offer it to a few people.</p>"
                            "<p>Examples of small tests:</p>"
                            "<ul>"
                            "<li>Cook a short batch of your recipe and sell it to order to "
                            "neighbours and co-workers.</li>"
                            "<li>Post photos of your designs in a WhatsApp status and take orders "
                            "with a deposit before buying materials.</li>"
                            "<li>Offer your hairdressing service at home for one weekend to see "
                            "how many appointments you get.</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "text": {
                        "es": "Decide antes qué significa «funcionó»",
                        "en": 'Decide beforehand what "it worked" means',
                    },
                },
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Antes de empezar, escribe una meta sencilla: cuántos pedidos, "
                            "en cuántos días y a qué precio. Así evitas engañarte. Al final "
                            "compara el resultado con la meta y pregúntate qué aprendiste: "
                            "¿quién compró?, ¿quién repitió?, ¿qué te pidieron cambiar?</p>"
                        ),
                        "en": (
                            "<p>Before you start, write a simple goal: how many orders, in how "
                            "many days and at what price. That way you avoid fooling yourself. "
                            "At the end compare the result with the goal and ask what you "
                            "learned: who bought? who came back? what did they ask you to "
                            "change?</p>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "tip",
                    "title": {
                        "es": "Un «no» también es información",
                        "en": 'A "no" is information too',
                    },
                    "text": {
                        "es": (
                            "Si la prueba no sale como esperabas, no fracasaste: ahorraste la "
                            "plata que ibas a gastar. Ajusta el cliente, el producto o el precio "
                            "y vuelve a probar."
                        ),
                        "en": (
                            "If the test does not go as expected, you did not fail: you saved "
                            "the money you were going to spend. Adjust the customer, the product "
                            "or the price and test again."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Diseña tu prueba de una semana",
                        "en": "Design your one-week test",
                    },
                    "text": {
                        "es": (
                            "Escoge una versión sencilla de tu producto o servicio, escribe tu "
                            "meta (pedidos, días y precio) y ofrécesela a diez personas esta "
                            "semana. Al final, anota cuántas compraron y qué te dijeron."
                        ),
                        "en": (
                            "Choose a simple version of your product or service, write your "
                            "goal (orders, days and price) and offer it to ten people this week. "
                            "At the end, write down how many bought and what they told you."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": "¿Cuál es la señal más fuerte de que tu idea tiene futuro?",
                                "en": "What is the strongest sign that your idea has a future?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Muchos «me gusta» en una publicación.",
                                        "en": "Lots of likes on a post.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Dar «me gusta» no cuesta nada. Es interés, pero "
                                            "todavía no es compra."
                                        ),
                                        "en": (
                                            "A like costs nothing. It shows interest, but it is "
                                            "not a purchase yet."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Clientes que pagan y vuelven a pedir.",
                                        "en": "Customers who pay and order again.",
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Así es: pagar y repetir muestra que el producto "
                                            "resuelve un problema real."
                                        ),
                                        "en": (
                                            "That's it: paying and coming back shows the "
                                            "product solves a real problem."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Que tu familia diga que es una gran idea.",
                                        "en": "Your family saying it is a great idea.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "El apoyo de la familia vale mucho, pero no "
                                            "reemplaza la opinión de clientes que pagan."
                                        ),
                                        "en": (
                                            "Family support is valuable, but it does not "
                                            "replace the verdict of paying customers."
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
