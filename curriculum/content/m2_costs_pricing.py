"""Module 2: costs, pricing and simple bookkeeping."""

MODULE = {
    "slug": "costos-y-precios",
    "title": {
        "es": "Costos, precios y cuentas claras",
        "en": "Costs, prices and clear books",
    },
    "intro": {
        "es": (
            "Vender mucho no siempre significa ganar. En este módulo aprendes a calcular "
            "cuánto te cuesta lo que vendes, a ponerle un precio que te deje ganancia, a llevar "
            "un cuaderno de cuentas sencillo y a planear la plata de las próximas semanas."
        ),
        "en": (
            "Selling a lot does not always mean earning. In this module you learn to work out "
            "what the things you sell cost you, to set a price that leaves a profit, to keep a "
            "simple account book and to plan your money for the coming weeks."
        ),
    },
    "lessons": [
        # ------------------------------------------------------------------ 2.1
        {
            "slug": "costos-fijos-y-variables",
            "title": {
                "es": "¿Cuánto te cuesta lo que vendes?",
                "en": "What does it cost you to sell?",
            },
            "summary": {
                "es": (
                    "Separa tus costos fijos de los variables y descubre los gastos escondidos "
                    "que se comen la ganancia sin que te des cuenta."
                ),
                "en": (
                    "Separate your fixed costs from your variable costs and find the hidden "
                    "expenses that eat your profit without you noticing."
                ),
            },
            "minutes": 10,
            "level": "beginner",
            "topics": ["finance", "operations"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Para saber si tu negocio gana plata, primero necesitas saber "
                            "cuánto gasta. Los costos se dividen en dos grupos:</p>"
                            "<ul>"
                            "<li><strong>Costos variables:</strong> suben o bajan según cuánto "
                            "vendes. Por ejemplo, la harina y el queso de las arepas, los "
                            "empaques o el hilo de una costurera.</li>"
                            "<li><strong>Costos fijos:</strong> los pagas aunque vendas poco. "
                            "Por ejemplo, el arriendo del local, el plan de datos del celular o "
                            "la cuota de una máquina.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<p>To know whether your business makes money, you first need to "
                            "know how much it spends. Costs fall into two groups:</p>"
                            "<ul>"
                            "<li><strong>Variable costs:</strong> they go up or down with how "
                            "much you sell. For example, the flour and cheese for arepas, "
                            "packaging, or a seamstress's thread.</li>"
                            "<li><strong>Fixed costs:</strong> you pay them even if you sell "
                            "little. For example, rent for the premises, your phone data plan or "
                            "the instalment on a machine.</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "text": {
                        "es": "Los costos que casi nadie anota",
                        "en": "The costs almost nobody writes down",
                    },
                },
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Muchos emprendimientos parecen rentables porque olvidan "
                            "gastos pequeños que, sumados, pesan mucho:</p>"
                            "<ul>"
                            "<li>Pasajes, gasolina y domicilios.</li>"
                            "<li>Gas, luz y agua que usas para producir en casa.</li>"
                            "<li>Productos dañados, vencidos o regalados como muestra.</li>"
                            "<li>Comisiones por recibir pagos con datáfono o plataformas.</li>"
                            "<li><strong>Tu propio tiempo.</strong> Si trabajas diez horas al "
                            "día, ese trabajo tiene un valor y debe salir de las ventas.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<p>Many small businesses look profitable because they forget small "
                            "expenses that, added up, weigh a lot:</p>"
                            "<ul>"
                            "<li>Bus fares, fuel and deliveries.</li>"
                            "<li>Gas, electricity and water you use to produce at home.</li>"
                            "<li>Damaged or expired products, or ones given away as samples.</li>"
                            "<li>Fees for taking payments with card machines or platforms.</li>"
                            "<li><strong>Your own time.</strong> If you work ten hours a day, "
                            "that work has a value and must be paid for by sales.</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "tip",
                    "title": {
                        "es": "Si produces en casa, reparte los gastos",
                        "en": "If you produce at home, split the bills",
                    },
                    "text": {
                        "es": (
                            "Calcula qué parte del recibo de gas o de luz corresponde al "
                            "negocio. No tiene que ser exacto: una estimación honesta es mucho "
                            "mejor que no contarlo."
                        ),
                        "en": (
                            "Work out which part of the gas or electricity bill belongs to the "
                            "business. It does not need to be exact: an honest estimate is far "
                            "better than not counting it."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Haz tu lista de costos",
                        "en": "Make your list of costs",
                    },
                    "text": {
                        "es": (
                            "Haz dos columnas en una hoja: costos fijos del mes y costos "
                            "variables por unidad vendida. Revisa tus recibos y los movimientos "
                            "de tu billetera digital para no dejar nada por fuera."
                        ),
                        "en": (
                            "Draw two columns on a sheet: fixed costs per month and variable "
                            "costs per unit sold. Check your receipts and your digital wallet's "
                            "history so you leave nothing out."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": "¿Cuál de estos es un costo variable?",
                                "en": "Which of these is a variable cost?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "El arriendo mensual del local.",
                                        "en": "The monthly rent for the premises.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": "Es fijo: lo pagas igual si vendes mucho o poco.",
                                        "en": (
                                            "It is fixed: you pay the same whether you sell a "
                                            "lot or a little."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Los empaques de cada pedido.",
                                        "en": "The packaging for each order.",
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto: cada venta necesita su empaque, así que "
                                            "el gasto crece con las ventas."
                                        ),
                                        "en": (
                                            "Correct: every sale needs its packaging, so the "
                                            "cost grows with sales."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "La cuota mensual de la nevera.",
                                        "en": "The monthly instalment on the fridge.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Es fijo: la cuota no cambia con lo que vendas ese mes."
                                        ),
                                        "en": (
                                            "It is fixed: the instalment does not change with "
                                            "what you sell that month."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 2.2
        {
            "slug": "ponle-precio",
            "title": {
                "es": "Ponle un precio que te deje ganancia",
                "en": "Set a price that leaves a profit",
            },
            "summary": {
                "es": (
                    "Combina tres miradas para fijar tu precio: lo que te cuesta, lo que cobra "
                    "la competencia y el valor que ve tu cliente."
                ),
                "en": (
                    "Combine three views to set your price: what it costs you, what the "
                    "competition charges and the value your customer sees."
                ),
            },
            "minutes": 12,
            "level": "beginner",
            "topics": ["finance"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Un buen precio se mira desde tres lados:</p>"
                            "<ol>"
                            "<li><strong>El piso: tus costos.</strong> Suma el costo variable de "
                            "una unidad y la parte de costos fijos que le corresponde. Por "
                            "debajo de ese número pierdes plata en cada venta.</li>"
                            "<li><strong>El mercado: la competencia.</strong> Mira cuánto cobran "
                            "otros por algo parecido en tu zona.</li>"
                            "<li><strong>El techo: el valor para el cliente.</strong> Si "
                            "entregas a domicilio, más rápido o con mejor calidad, el cliente "
                            "puede pagar un poco más.</li>"
                            "</ol>"
                            "<p>Tu precio debe quedar por encima del piso y tener sentido frente "
                            "al mercado y al valor que ofreces.</p>"
                        ),
                        "en": (
                            "<p>A good price is seen from three sides:</p>"
                            "<ol>"
                            "<li><strong>The floor: your costs.</strong> Add the variable cost "
                            "of one unit and its share of fixed costs. Below that number you "
                            "lose money on every sale.</li>"
                            "<li><strong>The market: the competition.</strong> See what others "
                            "charge for something similar in your area.</li>"
                            "<li><strong>The ceiling: value to the customer.</strong> If you "
                            "deliver to the door, faster or with better quality, the customer "
                            "may pay a bit more.</li>"
                            "</ol>"
                            "<p>Your price must sit above the floor and make sense against the "
                            "market and the value you offer.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "text": {
                        "es": "El punto de equilibrio",
                        "en": "The break-even point",
                    },
                },
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>La diferencia entre el precio y el costo variable de una unidad "
                            "es lo que cada venta aporta para pagar los costos fijos. Si divides "
                            "tus costos fijos del mes entre ese aporte, sabes cuántas unidades "
                            "necesitas vender para no perder: ese es tu <strong>punto de "
                            "equilibrio</strong>. Lo que vendas por encima es ganancia.</p>"
                            "<p><em>Ejemplo inventado para practicar:</em> si cada empanada te "
                            "deja 500 pesos después de pagar sus ingredientes y tus costos fijos "
                            "son 100.000 pesos al mes, necesitas vender 200 empanadas al mes "
                            "solo para cubrirlos.</p>"
                        ),
                        "en": (
                            "<p>The difference between the price and the variable cost of one "
                            "unit is what each sale contributes to paying fixed costs. If you "
                            "divide your monthly fixed costs by that contribution, you know how "
                            "many units you need to sell to avoid a loss: that is your "
                            "<strong>break-even point</strong>. Whatever you sell above it is "
                            "profit.</p>"
                            "<p><em>Made-up example for practice:</em> if each empanada leaves "
                            "you 500 pesos after paying for its ingredients and your fixed costs "
                            "are 100,000 pesos a month, you need to sell 200 empanadas a month "
                            "just to cover them.</p>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "warning",
                    "title": {
                        "es": "Cuidado con los descuentos y el fiado",
                        "en": "Careful with discounts and credit",
                    },
                    "text": {
                        "es": (
                            "Cada descuento sale de tu ganancia, no de tus costos. Y lo que "
                            "vendes fiado no es plata en tu bolsillo hasta que te lo pagan."
                        ),
                        "en": (
                            "Every discount comes out of your profit, not your costs. And what "
                            "you sell on credit is not money in your pocket until it is paid."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Revisa el precio de tu producto estrella",
                        "en": "Check the price of your best seller",
                    },
                    "text": {
                        "es": (
                            "Toma el producto que más vendes y calcula su piso (costos), mira el "
                            "precio de dos competidores y decide si tu precio actual te deja "
                            "ganancia. Si no, ajústalo o baja costos."
                        ),
                        "en": (
                            "Take the product you sell most, work out its floor (costs), check "
                            "two competitors' prices and decide whether your current price "
                            "leaves a profit. If not, adjust it or cut costs."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": "¿Qué pasa si vendes por debajo de tus costos?",
                                "en": "What happens if you sell below your costs?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Ganas más porque vendes más unidades.",
                                        "en": "You earn more because you sell more units.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Al revés: cada unidad vendida te hace perder, así "
                                            "que vender más agranda la pérdida."
                                        ),
                                        "en": (
                                            "The opposite: each unit sold loses money, so "
                                            "selling more makes the loss bigger."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Pierdes plata en cada venta.",
                                        "en": "You lose money on every sale.",
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": "Exacto: por eso el costo es el piso del precio.",
                                        "en": (
                                            "Exactly: that is why cost is the floor of your price."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "No pasa nada si el cliente queda contento.",
                                        "en": "Nothing happens as long as the customer is happy.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Un cliente contento es importante, pero un negocio "
                                            "que pierde plata no puede seguir atendiéndolo."
                                        ),
                                        "en": (
                                            "A happy customer matters, but a business that "
                                            "loses money cannot keep serving them."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 2.3
        {
            "slug": "cuaderno-de-cuentas",
            "title": {
                "es": "Tu cuaderno de cuentas",
                "en": "Your account book",
            },
            "summary": {
                "es": (
                    "Con un cuaderno o una hoja en el celular puedes saber cada día cuánto "
                    "entra, cuánto sale y cuánto ganas de verdad."
                ),
                "en": (
                    "With a notebook or a sheet on your phone you can know every day how much "
                    "comes in, how much goes out and how much you really earn."
                ),
            },
            "minutes": 10,
            "level": "beginner",
            "topics": ["finance", "operations"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>No necesitas ser contador para llevar cuentas. Lo importante es "
                            "anotar <strong>todos los días</strong> y siempre de la misma forma. "
                            "Usa un cuaderno, una hoja de cálculo gratuita en el celular o una "
                            "aplicación sencilla, lo que te resulte más cómodo.</p>"
                            "<p>Para cada movimiento anota:</p>"
                            "<ul>"
                            "<li>La fecha.</li>"
                            "<li>Qué fue: venta, compra de insumos, pasaje, arriendo…</li>"
                            "<li>Si entró o salió plata, y cuánto.</li>"
                            "<li>Cómo se pagó: efectivo, transferencia o billetera digital.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<p>You do not need to be an accountant to keep books. What matters "
                            "is to write things down <strong>every day</strong> and always in "
                            "the same way. Use a notebook, a free spreadsheet on your phone or a "
                            "simple app, whichever is easiest for you.</p>"
                            "<p>For each transaction write down:</p>"
                            "<ul>"
                            "<li>The date.</li>"
                            "<li>What it was: a sale, supplies, a bus fare, rent…</li>"
                            "<li>Whether money came in or went out, and how much.</li>"
                            "<li>How it was paid: cash, bank transfer or digital wallet.</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "text": {
                        "es": "Separa la plata del negocio y la de la casa",
                        "en": "Keep business money and household money apart",
                    },
                },
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Cuando todo sale del mismo bolsillo, nunca sabes si el negocio "
                            "gana o pierde. Ten una caja, un sobre o una cuenta solo para el "
                            "negocio. Si necesitas plata para la casa, <strong>págate un sueldo"
                            "</strong> fijo cada semana o cada quincena y anótalo como un gasto "
                            "más. Así proteges el capital de trabajo.</p>"
                            "<p>Si vendes fiado, lleva una página aparte con el nombre de cada "
                            "cliente, lo que debe y la fecha en que prometió pagar.</p>"
                        ),
                        "en": (
                            "<p>When everything comes out of the same pocket, you never know "
                            "whether the business makes or loses money. Keep a cash box, an "
                            "envelope or an account just for the business. If you need money "
                            "for the household, <strong>pay yourself a wage</strong> every week "
                            "or fortnight and record it as one more expense. That protects your "
                            "working capital.</p>"
                            "<p>If you sell on credit, keep a separate page with each customer's "
                            "name, what they owe and the date they promised to pay.</p>"
                        ),
                    },
                },
                {
                    "type": "checklist",
                    "title": {
                        "es": "Tu rutina de cuentas",
                        "en": "Your bookkeeping routine",
                    },
                    "items": {
                        "es": [
                            "Anota cada venta y cada gasto el mismo día.",
                            "Guarda las facturas y los recibos en una bolsa o en fotos.",
                            "Al cerrar el día, cuenta la caja y compárala con lo anotado.",
                            "Cada semana suma ingresos y gastos y mira la diferencia.",
                        ],
                        "en": [
                            "Record every sale and expense on the same day.",
                            "Keep invoices and receipts in a bag or as photos.",
                            "At closing time, count the cash and compare it with your notes.",
                            "Each week add up income and expenses and look at the difference.",
                        ],
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Siete días anotando todo",
                        "en": "Seven days writing everything down",
                    },
                    "text": {
                        "es": (
                            "Durante los próximos siete días anota cada entrada y salida de "
                            "plata del negocio. El domingo suma todo y escribe en una línea qué "
                            "te sorprendió."
                        ),
                        "en": (
                            "For the next seven days, record every bit of money coming into and "
                            "going out of the business. On Sunday add it all up and write one "
                            "line about what surprised you."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": (
                                    "¿Cuál es la mejor forma de sacar plata del negocio para "
                                    "la casa?"
                                ),
                                "en": (
                                    "What is the best way to take money out of the business "
                                    "for the household?"
                                ),
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Sacar de la caja cada vez que haga falta.",
                                        "en": "Take it from the till whenever needed.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Así se pierde el control: no sabrás cuánto gana "
                                            "el negocio ni cuánto capital te queda."
                                        ),
                                        "en": (
                                            "That way you lose control: you will not know what "
                                            "the business earns or how much capital is left."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Pagarte un sueldo fijo y anotarlo como gasto.",
                                        "en": "Pay yourself a fixed wage and record it as an "
                                        "expense.",
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto: tu trabajo tiene valor y el negocio "
                                            "sigue teniendo cuentas claras."
                                        ),
                                        "en": (
                                            "Correct: your work is valued and the business "
                                            "keeps clear books."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "No sacar nunca nada hasta fin de año.",
                                        "en": "Never take anything out until the end of the year.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Poco realista: tu familia necesita vivir, y tu "
                                            "trabajo también es un costo del negocio."
                                        ),
                                        "en": (
                                            "Unrealistic: your family needs to live, and your "
                                            "work is also a business cost."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 2.4
        {
            "slug": "flujo-de-caja",
            "title": {
                "es": "Planea tu flujo de caja",
                "en": "Plan your cash flow",
            },
            "summary": {
                "es": (
                    "Un negocio con ganancias puede quedarse sin plata. Aprende a mirar las "
                    "próximas semanas para tener con qué pagar a tiempo."
                ),
                "en": (
                    "A profitable business can still run out of money. Learn to look at the "
                    "coming weeks so you can pay on time."
                ),
            },
            "minutes": 12,
            "level": "intermediate",
            "topics": ["finance", "operations"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>La <strong>ganancia</strong> te dice si el negocio vale la pena; "
                            "el <strong>flujo de caja</strong> te dice si tendrás plata el día "
                            "que toca pagar. Puedes vender bien y aun así quedarte sin efectivo "
                            "si compras mucho inventario de una vez, si tus clientes te pagan "
                            "tarde o si llega un gasto grande que no esperabas.</p>"
                        ),
                        "en": (
                            "<p><strong>Profit</strong> tells you whether the business is worth "
                            "it; <strong>cash flow</strong> tells you whether you will have "
                            "money on the day a payment is due. You can sell well and still run "
                            "out of cash if you buy a lot of stock at once, if customers pay you "
                            "late or if a big expense arrives that you did not expect.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "text": {
                        "es": "Un plan sencillo de cuatro semanas",
                        "en": "A simple four-week plan",
                    },
                },
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<ol>"
                            "<li>Escribe cuánta plata tiene hoy el negocio.</li>"
                            "<li>Para cada una de las próximas cuatro semanas, anota cuánto "
                            "esperas recibir: ventas y cobros de fiado.</li>"
                            "<li>Anota lo que tienes que pagar cada semana: insumos, arriendo, "
                            "cuotas, servicios y tu sueldo.</li>"
                            "<li>Calcula cómo quedaría la caja al final de cada semana.</li>"
                            "</ol>"
                            "<p>Si alguna semana queda en negativo, ya sabes con tiempo que "
                            "tienes que actuar: cobrar antes, negociar una fecha de pago con un "
                            "proveedor o comprar en cantidades más pequeñas.</p>"
                        ),
                        "en": (
                            "<ol>"
                            "<li>Write down how much money the business has today.</li>"
                            "<li>For each of the next four weeks, write how much you expect to "
                            "receive: sales and credit you will collect.</li>"
                            "<li>Write down what you have to pay each week: supplies, rent, "
                            "instalments, utilities and your wage.</li>"
                            "<li>Work out what the cash would be at the end of each week.</li>"
                            "</ol>"
                            "<p>If any week ends up negative, you know in advance that you need "
                            "to act: collect earlier, negotiate a payment date with a supplier "
                            "or buy in smaller quantities.</p>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "tip",
                    "title": {
                        "es": "Arma un fondo de reserva",
                        "en": "Build a reserve fund",
                    },
                    "text": {
                        "es": (
                            "Separa un poquito de cada venta para imprevistos: una nevera que se "
                            "daña, una semana de lluvias o una enfermedad. Ese colchón te evita "
                            "pedir prestado a las carreras y en malas condiciones."
                        ),
                        "en": (
                            "Set aside a little from every sale for emergencies: a broken "
                            "fridge, a rainy week or an illness. That cushion saves you from "
                            "borrowing in a rush and on bad terms."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Dibuja tus próximas cuatro semanas",
                        "en": "Map out your next four weeks",
                    },
                    "text": {
                        "es": (
                            "Con los datos de tu cuaderno, llena el plan de cuatro semanas. "
                            "Marca en rojo cualquier semana en la que la caja no alcance y "
                            "escribe una acción concreta para evitarlo."
                        ),
                        "en": (
                            "Using your account book, fill in the four-week plan. Mark in red "
                            "any week where cash falls short and write one concrete action to "
                            "prevent it."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": (
                                    "Tu plan muestra que en la semana tres no alcanzarás a "
                                    "pagar el arriendo. ¿Qué haces?"
                                ),
                                "en": (
                                    "Your plan shows that in week three you will not be able "
                                    "to pay the rent. What do you do?"
                                ),
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Esperar a ver qué pasa.",
                                        "en": "Wait and see what happens.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "El plan sirve justamente para actuar antes. "
                                            "Esperar te deja con menos opciones."
                                        ),
                                        "en": (
                                            "The plan exists precisely so you can act early. "
                                            "Waiting leaves you with fewer options."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": (
                                            "Cobrar el fiado pendiente, comprar menos "
                                            "inventario o hablar con el arrendador con tiempo."
                                        ),
                                        "en": (
                                            "Collect outstanding credit, buy less stock or talk "
                                            "to the landlord in good time."
                                        ),
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Muy bien: tienes varias semanas para mover las "
                                            "fechas de entrada y salida de la plata."
                                        ),
                                        "en": (
                                            "Well done: you have several weeks to shift when "
                                            "money comes in and goes out."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Pedir un préstamo gota a gota ese día.",
                                        "en": 'Take a "gota a gota" loan on the day.',
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Estos préstamos informales cobran intereses "
                                            "altísimos y pueden traer amenazas. Busca otras "
                                            "salidas primero."
                                        ),
                                        "en": (
                                            "These informal loans charge very high interest and "
                                            "can bring threats. Look for other options first."
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
