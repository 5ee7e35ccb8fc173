"""Module 4: financial inclusion for migrants and everyone starting out."""

MODULE = {
    "slug": "inclusion-financiera",
    "title": {
        "es": "Tu plata segura: servicios financieros para emprender",
        "en": "Keeping your money safe: financial services for your business",
    },
    "intro": {
        "es": (
            "Tener una cuenta, recibir pagos por el celular, construir historial de crédito y "
            "ahorrar te da tranquilidad y abre oportunidades. En este módulo ves cómo abrir una "
            "cuenta con PPT, cómo usar billeteras digitales como Nequi y Daviplata, cómo "
            "construir tu historial, por qué alejarte del gota a gota y cómo ahorrar. Si hoy "
            "no tienes cuenta o tu documento está en trámite, este módulo también es para ti."
        ),
        "en": (
            "Having an account, taking payments on your phone, building a credit history and "
            "saving bring peace of mind and open up opportunities. In this module you see how to "
            "open an account with a PPT, how to use digital wallets such as Nequi and "
            'Daviplata, how to build your history, why to stay away from "gota a gota" '
            "lenders and how to save. If you have no account today or your document is still "
            "being processed, this module is for you too."
        ),
    },
    "lessons": [
        # ------------------------------------------------------------------ 4.1
        {
            "slug": "cuenta-bancaria-con-ppt",
            "title": {
                "es": "Abre tu cuenta con PPT",
                "en": "Open your account with a PPT",
            },
            "summary": {
                "es": (
                    "El PPT sirve para abrir productos financieros en Colombia. Qué llevar, qué "
                    "preguntar y qué hacer si te ponen problemas."
                ),
                "en": (
                    "The PPT can be used to open financial products in Colombia. What to bring, "
                    "what to ask and what to do if you run into problems."
                ),
            },
            "minutes": 10,
            "level": "beginner",
            "topics": ["financial_inclusion", "finance"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>El <strong>Permiso por Protección Temporal (PPT)</strong>, que "
                            "expide Migración Colombia a personas venezolanas, es un documento "
                            "de identificación reconocido para acceder a productos financieros. "
                            "Con él puedes abrir una cuenta de ahorros, usar billeteras "
                            "digitales y, con el tiempo, pedir créditos. La cédula de "
                            "extranjería también sirve.</p>"
                            "<p>Una cuenta te permite recibir pagos de clientes sin cargar "
                            "efectivo, guardar la plata con más seguridad y tener un registro "
                            "de tus movimientos, algo que te servirá para pedir un crédito.</p>"
                        ),
                        "en": (
                            "<p>The <strong>Permiso por Protección Temporal (PPT)</strong>, the "
                            "temporary protection permit issued by Migración Colombia to "
                            "Venezuelans, is a recognised identity document for accessing "
                            "financial products. With it you can open a savings account, use "
                            "digital wallets and, over time, apply for loans. The cédula de "
                            "extranjería (foreign resident ID) works too.</p>"
                            "<p>An account lets you receive payments from customers without "
                            "carrying cash, keep money more safely and have a record of your "
                            "transactions, which will help when you apply for a loan.</p>"
                        ),
                    },
                },
                {
                    "type": "checklist",
                    "title": {
                        "es": "Antes de ir al banco",
                        "en": "Before going to the bank",
                    },
                    "items": {
                        "es": [
                            "Lleva tu PPT o cédula de extranjería vigente.",
                            "Ten a mano un número de celular y un correo que uses.",
                            "Pregunta si la cuenta cobra cuota de manejo y cuánto cuesta retirar.",
                            "Pregunta si existen cuentas sencillas o de bajo monto sin cuota.",
                            "Pide que te expliquen cómo usar la app y las claves.",
                        ],
                        "en": [
                            "Bring your valid PPT or cédula de extranjería.",
                            "Have a phone number and an email you actually use.",
                            "Ask whether the account has a monthly fee and what withdrawals cost.",
                            "Ask whether there are simple or low-balance accounts with no fee.",
                            "Ask them to explain how the app and passwords work.",
                        ],
                    },
                },
                {
                    "type": "tip",
                    "kind": "info",
                    "title": {
                        "es": "Si te niegan la cuenta",
                        "en": "If they refuse to open the account",
                    },
                    "text": {
                        "es": (
                            "Pregunta con calma el motivo y pídelo por escrito. Puedes intentar "
                            "en otra oficina o entidad, y presentar una queja ante el defensor "
                            "del consumidor financiero de esa entidad o ante la Superintendencia "
                            "Financiera."
                        ),
                        "en": (
                            "Calmly ask for the reason and ask for it in writing. You can try "
                            "another branch or institution, and file a complaint with that "
                            "institution's financial consumer ombudsman or with the "
                            "Superintendencia Financiera (the financial regulator)."
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "warning",
                    "title": {
                        "es": "Si tu documento está en trámite",
                        "en": "If your document is being processed",
                    },
                    "text": {
                        "es": (
                            "Mientras llega, pregunta qué documentos aceptan las entidades y "
                            "guarda tu efectivo en un lugar seguro. Evita recibir pagos en la "
                            "cuenta de otra persona: si surge un problema, tu plata queda a su "
                            "nombre."
                        ),
                        "en": (
                            "While you wait, ask which documents institutions accept and keep "
                            "your cash somewhere safe. Avoid receiving payments into someone "
                            "else's account: if a problem comes up, your money is in their name."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Compara dos opciones",
                        "en": "Compare two options",
                    },
                    "text": {
                        "es": (
                            "Escoge dos bancos o cooperativas cerca de ti y averigua, por su "
                            "página o en la oficina, qué cuenta te ofrecen con tu documento, "
                            "qué cobran y cómo se usa desde el celular. Anota cuál te conviene."
                        ),
                        "en": (
                            "Pick two banks or cooperatives near you and find out, online or at "
                            "the branch, which account they offer with your document, what they "
                            "charge and how it works on a phone. Write down which one suits you."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": "¿Para qué sirve el PPT en el sistema financiero?",
                                "en": "What is the PPT useful for in the financial system?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Para nada, solo sirve para trabajar.",
                                        "en": "Nothing, it is only for working.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "No es así: el PPT también es un documento para "
                                            "abrir productos financieros."
                                        ),
                                        "en": (
                                            "Not so: the PPT is also a document for opening "
                                            "financial products."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": (
                                            "Como documento de identificación para abrir "
                                            "cuentas y otros productos."
                                        ),
                                        "en": (
                                            "As an identity document to open accounts and other "
                                            "products."
                                        ),
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto: con el PPT vigente puedes acercarte a "
                                            "bancos, cooperativas y billeteras digitales."
                                        ),
                                        "en": (
                                            "Correct: with a valid PPT you can approach banks, "
                                            "cooperatives and digital wallets."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Solo para recibir remesas del exterior.",
                                        "en": "Only for receiving money from abroad.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Sirve para mucho más: cuentas, billeteras y, con "
                                            "el tiempo, créditos."
                                        ),
                                        "en": (
                                            "It is useful for much more: accounts, wallets and, "
                                            "over time, loans."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 4.2
        {
            "slug": "billeteras-digitales",
            "title": {
                "es": "Cobra con billeteras digitales",
                "en": "Get paid with digital wallets",
            },
            "summary": {
                "es": (
                    "Nequi, Daviplata y otras billeteras te dejan cobrar desde el celular. "
                    "Aprende a usarlas en tu negocio y a protegerte de estafas."
                ),
                "en": (
                    "Nequi, Daviplata and other wallets let you take payments on your phone. "
                    "Learn to use them in your business and protect yourself from scams."
                ),
            },
            "minutes": 10,
            "level": "beginner",
            "topics": ["financial_inclusion", "digital"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Las <strong>billeteras digitales</strong>, como Nequi (de "
                            "Bancolombia) y Daviplata (de Davivienda), son cuentas que se abren "
                            "y se manejan desde una app en el celular. En Colombia son muy "
                            "usadas para pagos entre personas y en pequeños negocios.</p>"
                            "<p>En tu negocio te sirven para:</p>"
                            "<ul>"
                            "<li>Recibir pagos por transferencia o código QR sin dar vueltas.</li>"
                            "<li>Pagarles a tus proveedores sin andar con efectivo.</li>"
                            "<li>Tener un historial de ventas que puedes revisar cuando hagas "
                            "tus cuentas.</li>"
                            "</ul>"
                            "<p>Revisa en la app qué documentos acepta, porque pueden variar. "
                            "Estos productos también pueden tener <strong>topes</strong> de "
                            "saldo o de movimientos al mes: consúltalos en la app para que no te "
                            "bloqueen un pago importante.</p>"
                        ),
                        "en": (
                            "<p><strong>Digital wallets</strong> such as Nequi (from "
                            "Bancolombia) and Daviplata (from Davivienda) are accounts you open "
                            "and manage from a phone app. In Colombia they are widely used for "
                            "payments between people and in small businesses.</p>"
                            "<p>In your business they help you to:</p>"
                            "<ul>"
                            "<li>Receive payments by transfer or QR code without giving change."
                            "</li>"
                            "<li>Pay your suppliers without carrying cash.</li>"
                            "<li>Keep a history of sales that you can check when doing your "
                            "books.</li>"
                            "</ul>"
                            "<p>Check in the app which documents it accepts, as this can vary. "
                            "These products may also have <strong>limits</strong> on balance or "
                            "monthly transactions: look them up in the app so an important "
                            "payment is not blocked.</p>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "warning",
                    "title": {
                        "es": "Estafas comunes",
                        "en": "Common scams",
                    },
                    "text": {
                        "es": (
                            "Nunca compartas tu clave ni los códigos que te llegan por mensaje, "
                            "ni siquiera con alguien que dice ser del banco. Antes de entregar "
                            "un pedido, confirma en tu app que el pago llegó: un pantallazo se "
                            "puede falsificar. Y si alguien dice que te envió plata «por error», "
                            "no devuelvas nada sin verificarlo en tu app."
                        ),
                        "en": (
                            "Never share your password or the codes you receive by text, not "
                            "even with someone claiming to be from the bank. Before handing over "
                            "an order, confirm in your app that the payment arrived: a "
                            "screenshot can be faked. And if someone says they sent you money "
                            '"by mistake", do not send anything back without checking your '
                            "app."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Prepara tu cobro digital",
                        "en": "Set up your digital payments",
                    },
                    "text": {
                        "es": (
                            "Si ya tienes una billetera, genera tu código QR de cobro, "
                            "imprímelo o guárdalo en el celular y ponlo a la vista de tus "
                            "clientes. Si es posible, usa una billetera o un bolsillo solo para "
                            "el negocio."
                        ),
                        "en": (
                            "If you already have a wallet, create your payment QR code, print it "
                            "or save it on your phone and display it where customers can see "
                            "it. If possible, use a wallet or a savings pocket just for the "
                            "business."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": (
                                    "Un cliente te muestra un pantallazo de la transferencia. "
                                    "¿Qué haces?"
                                ),
                                "en": (
                                    "A customer shows you a screenshot of the transfer. What do "
                                    "you do?"
                                ),
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Le entregas el pedido de inmediato.",
                                        "en": "Hand over the order straight away.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Un pantallazo se puede editar. Sin verificar, "
                                            "puedes perder el producto y la plata."
                                        ),
                                        "en": (
                                            "A screenshot can be edited. Without checking, you "
                                            "could lose the product and the money."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Revisas en tu app que el pago haya llegado.",
                                        "en": "Check in your app that the payment arrived.",
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto: la única prueba confiable es el "
                                            "movimiento en tu propia cuenta."
                                        ),
                                        "en": (
                                            "Correct: the only reliable proof is the "
                                            "transaction in your own account."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Le pides tu clave para confirmar.",
                                        "en": "Give them your password to confirm.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Nunca compartas tu clave con nadie, por ningún motivo."
                                        ),
                                        "en": (
                                            "Never share your password with anyone, for any reason."
                                        ),
                                    },
                                },
                            ],
                        },
                        {
                            "question": {
                                "es": (
                                    "Alguien que dice ser del banco te pide el código que te "
                                    "acaba de llegar. ¿Qué haces?"
                                ),
                                "en": (
                                    "Someone claiming to be from the bank asks for the code you "
                                    "just received. What do you do?"
                                ),
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Se lo das si suena amable.",
                                        "en": "Give it if they sound friendly.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Los estafadores suelen ser muy amables. El código "
                                            "le da acceso a tu plata."
                                        ),
                                        "en": (
                                            "Scammers are often very friendly. The code gives "
                                            "them access to your money."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": (
                                            "No lo das, cuelgas y llamas tú a la línea oficial "
                                            "de la entidad."
                                        ),
                                        "en": (
                                            "Do not give it; hang up and call the official line "
                                            "yourself."
                                        ),
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": "Correcto: los códigos son solo para ti.",
                                        "en": "Correct: codes are for you alone.",
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Se lo das solo la mitad del código.",
                                        "en": "Give them only half of the code.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "No compartas ninguna parte: cualquier dato ayuda "
                                            "al estafador."
                                        ),
                                        "en": (
                                            "Share no part of it: any detail helps the scammer."
                                        ),
                                    },
                                },
                            ],
                        },
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 4.3
        {
            "slug": "historial-crediticio",
            "title": {
                "es": "Construye tu historial de crédito",
                "en": "Build your credit history",
            },
            "summary": {
                "es": (
                    "Si los bancos no te conocen, no te prestan. Aprende qué es el historial "
                    "crediticio y cómo empezar a construirlo paso a paso."
                ),
                "en": (
                    "If banks do not know you, they will not lend to you. Learn what a credit "
                    "history is and how to start building it step by step."
                ),
            },
            "minutes": 10,
            "level": "intermediate",
            "topics": ["financial_inclusion", "finance"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Cuando pides un crédito, la entidad revisa tu <strong>historial "
                            "crediticio</strong>: el registro de cómo has pagado tus deudas. En "
                            "Colombia esa información la guardan las centrales de información "
                            "financiera, como DataCrédito Experian y TransUnion.</p>"
                            "<p>Si acabas de llegar o nunca has tenido productos financieros, "
                            "probablemente <strong>no tienes historial</strong>. Eso no es "
                            "malo, pero significa que las entidades todavía no tienen con qué "
                            "conocerte.</p>"
                        ),
                        "en": (
                            "<p>When you apply for a loan, the lender checks your <strong>credit "
                            "history</strong>: the record of how you have paid your debts. In "
                            "Colombia that information is held by credit bureaus such as "
                            "DataCrédito Experian and TransUnion.</p>"
                            "<p>If you have just arrived or have never had financial products, "
                            "you probably <strong>have no history</strong>. That is not bad, but "
                            "it means lenders have nothing to go on yet.</p>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "text": {
                        "es": "Cómo empezar",
                        "en": "How to start",
                    },
                },
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<ol>"
                            "<li>Usa una cuenta o billetera con regularidad: muestra que tienes "
                            "ingresos.</li>"
                            "<li>Empieza con un producto pequeño que puedas pagar sin "
                            "problema, como un microcrédito de una entidad vigilada o un plan "
                            "de celular a tu nombre.</li>"
                            "<li><strong>Paga siempre a tiempo</strong>, aunque sea el valor "
                            "mínimo. Los retrasos se reportan y pesan por mucho tiempo.</li>"
                            "<li>Pide solo lo que necesitas y sabes que puedes pagar.</li>"
                            "<li>Piensa bien antes de ser codeudor: si la otra persona no paga, "
                            "la deuda también es tuya.</li>"
                            "</ol>"
                        ),
                        "en": (
                            "<ol>"
                            "<li>Use an account or wallet regularly: it shows you have income."
                            "</li>"
                            "<li>Start with a small product you can easily pay, such as a "
                            "microloan from a regulated lender or a phone plan in your name.</li>"
                            "<li><strong>Always pay on time</strong>, even if only the minimum. "
                            "Late payments are reported and weigh on you for a long time.</li>"
                            "<li>Borrow only what you need and know you can repay.</li>"
                            "<li>Think carefully before co-signing: if the other person does "
                            "not pay, the debt is yours too.</li>"
                            "</ol>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "info",
                    "title": {
                        "es": "Tienes derecho a conocer tu información",
                        "en": "You have the right to see your information",
                    },
                    "text": {
                        "es": (
                            "La ley te permite consultar lo que dicen de ti las centrales de "
                            "información y pedir que corrijan datos equivocados. Revísalo antes "
                            "de pedir un crédito."
                        ),
                        "en": (
                            "The law lets you check what credit bureaus say about you and ask "
                            "them to correct wrong information. Check it before applying for a "
                            "loan."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Consulta tu historial",
                        "en": "Check your history",
                    },
                    "text": {
                        "es": (
                            "Entra a la página oficial de una central de información y consulta "
                            "tu reporte con tu documento. Anota si tienes historial, si hay "
                            "deudas pendientes y qué paso pequeño puedes dar este mes para "
                            "construirlo."
                        ),
                        "en": (
                            "Go to a credit bureau's official website and check your report with "
                            "your document. Note whether you have a history, whether any debts "
                            "are outstanding and what small step you can take this month to "
                            "build it."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": "¿Qué ayuda más a construir un buen historial?",
                                "en": "What helps most to build a good history?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Pedir muchos créditos al mismo tiempo.",
                                        "en": "Applying for many loans at once.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Endeudarte de más aumenta el riesgo de atrasarte, "
                                            "y eso daña tu historial."
                                        ),
                                        "en": (
                                            "Borrowing too much raises the risk of falling "
                                            "behind, which damages your history."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Pagar a tiempo productos pequeños.",
                                        "en": "Paying small products on time.",
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto: la puntualidad es lo que más muestra que "
                                            "eres buen pagador."
                                        ),
                                        "en": (
                                            "Correct: punctuality is what best shows you are a "
                                            "reliable payer."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Manejar todo en efectivo.",
                                        "en": "Handling everything in cash.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "El efectivo no deja rastro, así que las entidades "
                                            "no pueden conocer tu comportamiento."
                                        ),
                                        "en": (
                                            "Cash leaves no trace, so lenders cannot see how "
                                            "you manage money."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 4.4
        {
            "slug": "evita-el-gota-a-gota",
            "title": {
                "es": "Aléjate del gota a gota",
                "en": 'Stay away from "gota a gota" loans',
            },
            "summary": {
                "es": (
                    "El préstamo gota a gota parece fácil, pero sale carísimo y puede ser "
                    "peligroso. Conoce alternativas seguras y dónde pedir ayuda."
                ),
                "en": (
                    '"Gota a gota" loans look easy but end up very expensive and can be '
                    "dangerous. Learn about safe alternatives and where to get help."
                ),
            },
            "minutes": 10,
            "level": "beginner",
            "topics": ["financial_inclusion", "finance"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>El <strong>gota a gota</strong> es un préstamo informal: "
                            "alguien te presta plata sin papeles ni estudio y luego pasa a "
                            "cobrarte cuotas todos los días. Parece una ayuda rápida, pero:</p>"
                            "<ul>"
                            "<li>Los intereses suelen ser muchísimo más altos que los de "
                            "cualquier entidad vigilada. Cobrar por encima del límite legal, "
                            "llamado tasa de usura, es un delito en Colombia.</li>"
                            "<li>Las cuotas diarias se comen la plata del negocio.</li>"
                            "<li>Cuando alguien se atrasa, vienen las presiones, las amenazas "
                            "y a veces la violencia contra la persona y su familia.</li>"
                            "</ul>"
                        ),
                        "en": (
                            '<p><strong>Gota a gota</strong> ("drop by drop") is an informal '
                            "loan: someone lends you money with no paperwork or checks and then "
                            "comes to collect payments every day. It looks like quick help, "
                            "but:</p>"
                            "<ul>"
                            "<li>Interest is usually far higher than at any regulated lender. "
                            "Charging above the legal limit, called the usury rate, is a crime "
                            "in Colombia.</li>"
                            "<li>Daily payments eat up the business's money.</li>"
                            "<li>When someone falls behind, pressure, threats and sometimes "
                            "violence follow, against the borrower and their family.</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "heading",
                    "text": {
                        "es": "Alternativas más seguras",
                        "en": "Safer alternatives",
                    },
                },
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<ul>"
                            "<li>Microcréditos de bancos y entidades de microfinanzas vigiladas "
                            "por la Superintendencia Financiera.</li>"
                            "<li>Cooperativas y fondos vigilados por la Superintendencia de la "
                            "Economía Solidaria.</li>"
                            "<li>Programas de apoyo de alcaldías, cámaras de comercio y "
                            "organizaciones sociales.</li>"
                            "<li>Negociar con tus proveedores más plazo para pagar.</li>"
                            "</ul>"
                            "<p>Antes de firmar, revisa en la página de la superintendencia que "
                            "la entidad esté vigilada y pide que te expliquen el costo total "
                            "del crédito.</p>"
                        ),
                        "en": (
                            "<ul>"
                            "<li>Microloans from banks and microfinance institutions regulated "
                            "by the Superintendencia Financiera.</li>"
                            "<li>Cooperatives and funds supervised by the Superintendencia de la "
                            "Economía Solidaria (the cooperatives regulator).</li>"
                            "<li>Support programmes from city halls, chambers of commerce and "
                            "community organisations.</li>"
                            "<li>Negotiating longer payment terms with your suppliers.</li>"
                            "</ul>"
                            "<p>Before signing, check on the regulator's website that the "
                            "institution is supervised, and ask them to explain the total cost "
                            "of the loan.</p>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "warning",
                    "title": {
                        "es": "Si ya estás en un gota a gota y te amenazan",
                        "en": "If you already have a gota a gota loan and are threatened",
                    },
                    "text": {
                        "es": (
                            "Tu seguridad es lo primero. Llama a la línea de emergencias 123 o "
                            "a la línea 165 del GAULA contra la extorsión, y busca apoyo en una "
                            "organización de confianza. No tienes que enfrentarlo sin ayuda."
                        ),
                        "en": (
                            "Your safety comes first. Call the emergency line 123 or the GAULA "
                            "anti-extortion line 165, and seek support from an organisation you "
                            "trust. You do not have to face it alone."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Ten un plan B antes de necesitarlo",
                        "en": "Have a plan B before you need it",
                    },
                    "text": {
                        "es": (
                            "Busca una entidad vigilada o una cooperativa cerca de ti que dé "
                            "microcrédito y anota qué requisitos pide. Así, si un día necesitas "
                            "plata, ya sabes a dónde ir."
                        ),
                        "en": (
                            "Find a regulated lender or cooperative near you that offers "
                            "microloans and note its requirements. That way, if you ever need "
                            "money, you already know where to go."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": "¿Cómo sabes si una entidad que presta plata es segura?",
                                "en": "How do you know whether a lender is safe?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Porque no pide ningún papel.",
                                        "en": "Because it asks for no paperwork.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Al contrario: prestar sin ningún estudio es típico "
                                            "del gota a gota."
                                        ),
                                        "en": (
                                            "The opposite: lending with no checks at all is "
                                            "typical of gota a gota."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": (
                                            "Porque está vigilada por la Superintendencia "
                                            "Financiera o la de Economía Solidaria."
                                        ),
                                        "en": (
                                            "Because it is supervised by the Superintendencia "
                                            "Financiera or the cooperatives regulator."
                                        ),
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto: puedes verificarlo en sus páginas "
                                            "oficiales antes de firmar."
                                        ),
                                        "en": (
                                            "Correct: you can check it on their official "
                                            "websites before signing."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Porque te entrega la plata el mismo día.",
                                        "en": "Because it hands over the money the same day.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "La rapidez no dice nada sobre si es legal ni "
                                            "cuánto te va a costar."
                                        ),
                                        "en": (
                                            "Speed tells you nothing about whether it is legal "
                                            "or how much it will cost."
                                        ),
                                    },
                                },
                            ],
                        }
                    ],
                },
            ],
        },
        # ------------------------------------------------------------------ 4.5
        {
            "slug": "ahorra-para-tu-negocio",
            "title": {
                "es": "Ahorra para tu negocio y tu familia",
                "en": "Save for your business and your family",
            },
            "summary": {
                "es": (
                    "Ahorrar poquito y seguido da resultados. Metas, fondo de emergencia, "
                    "herramientas del celular y grupos de ahorro con cuidado."
                ),
                "en": (
                    "Saving a little, often, pays off. Goals, an emergency fund, phone tools "
                    "and savings groups used with care."
                ),
            },
            "minutes": 8,
            "level": "beginner",
            "topics": ["financial_inclusion", "finance"],
            "required": True,
            "body": [
                {
                    "type": "paragraph",
                    "html": {
                        "es": (
                            "<p>Ahorrar no es solo para quien gana mucho. Lo que importa es la "
                            "<strong>costumbre</strong>: separar una parte fija de lo que entra, "
                            "apenas entra, y no al final cuando ya no queda nada.</p>"
                            "<p>Piensa en dos ahorros distintos:</p>"
                            "<ul>"
                            "<li><strong>Fondo de emergencia:</strong> para una enfermedad, "
                            "un robo o una semana sin ventas. Te evita endeudarte en malas "
                            "condiciones.</li>"
                            "<li><strong>Ahorro con meta:</strong> para algo concreto del "
                            "negocio, como una máquina, mercancía para temporada o el registro "
                            "en la Cámara de Comercio.</li>"
                            "</ul>"
                        ),
                        "en": (
                            "<p>Saving is not only for people who earn a lot. What matters is "
                            "the <strong>habit</strong>: setting aside a fixed share of what "
                            "comes in, as soon as it comes in, not at the end when nothing is "
                            "left.</p>"
                            "<p>Think of two different kinds of savings:</p>"
                            "<ul>"
                            "<li><strong>Emergency fund:</strong> for an illness, a theft or a "
                            "week without sales. It keeps you from borrowing on bad terms.</li>"
                            "<li><strong>Savings with a goal:</strong> for something specific "
                            "for the business, like a machine, stock for the busy season or "
                            "registering with the Cámara de Comercio.</li>"
                            "</ul>"
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "tip",
                    "title": {
                        "es": "Usa las herramientas de tu celular",
                        "en": "Use the tools on your phone",
                    },
                    "text": {
                        "es": (
                            "Algunas billeteras y bancos tienen funciones para separar plata en "
                            "«bolsillos» o «metas» dentro de la misma cuenta. Lo que no ves a "
                            "la mano, gastas menos."
                        ),
                        "en": (
                            "Some wallets and banks have features to set money aside in "
                            '"pockets" or "goals" inside the same account. What you do not '
                            "see at hand, you spend less of."
                        ),
                    },
                },
                {
                    "type": "tip",
                    "kind": "warning",
                    "title": {
                        "es": "Natilleras y cadenas: con confianza y reglas claras",
                        "en": "Savings circles: with trust and clear rules",
                    },
                    "text": {
                        "es": (
                            "Los grupos de ahorro entre vecinos o compañeros, como las "
                            "natilleras, ayudan a ahorrar, pero no están vigilados. Participa "
                            "solo con personas de confianza, con reglas escritas y cuentas "
                            "claras, y desconfía de quien prometa ganancias muy altas."
                        ),
                        "en": (
                            "Savings groups among neighbours or co-workers, such as the "
                            "natilleras common in Colombia, help people save, but they are not "
                            "regulated. Join only with people you trust, with written rules and "
                            "clear accounts, and distrust anyone promising very high returns."
                        ),
                    },
                },
                {
                    "type": "action_step",
                    "title": {
                        "es": "Empieza tu ahorro esta semana",
                        "en": "Start saving this week",
                    },
                    "text": {
                        "es": (
                            "Decide una cantidad pequeña que puedas separar de cada día de "
                            "ventas, escribe para qué es y guárdala aparte: en un bolsillo de tu "
                            "billetera, una cuenta o una alcancía. Revísala el domingo."
                        ),
                        "en": (
                            "Choose a small amount you can set aside from each day's sales, "
                            "write down what it is for and keep it separate: in a wallet pocket, "
                            "an account or a piggy bank. Check it on Sunday."
                        ),
                    },
                },
                {
                    "type": "quiz",
                    "questions": [
                        {
                            "question": {
                                "es": "¿Cuál es el mejor momento para separar el ahorro?",
                                "en": "When is the best moment to set savings aside?",
                            },
                            "options": [
                                {
                                    "text": {
                                        "es": "Al final del mes, con lo que sobre.",
                                        "en": "At the end of the month, with what is left.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Casi nunca sobra: los gastos tienden a comerse "
                                            "toda la plata disponible."
                                        ),
                                        "en": (
                                            "There is rarely anything left: spending tends to "
                                            "use up all available money."
                                        ),
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Apenas entra la plata, antes de gastar.",
                                        "en": "As soon as money comes in, before spending.",
                                    },
                                    "correct": True,
                                    "explanation": {
                                        "es": (
                                            "Correcto: ahorrar primero convierte el ahorro en "
                                            "una costumbre."
                                        ),
                                        "en": "Correct: saving first turns saving into a habit.",
                                    },
                                },
                                {
                                    "text": {
                                        "es": "Solo cuando el negocio gane mucho.",
                                        "en": "Only when the business earns a lot.",
                                    },
                                    "correct": False,
                                    "explanation": {
                                        "es": (
                                            "Empezar poquito y ya es mejor que esperar: el "
                                            "hábito vale más que la cantidad."
                                        ),
                                        "en": (
                                            "Starting small now beats waiting: the habit "
                                            "matters more than the amount."
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
