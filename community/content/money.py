"""Guides on money: opening an account or a digital wallet, and borrowing safely."""

from ._shape import SUPERFINANCIERA, guide, heading, para, source, text, tip

ACCOUNT = guide(
    "abrir-cuenta-o-billetera",
    "money",
    title=text(
        "Abre una cuenta de ahorros o una billetera digital",
        "Open a savings account or a digital wallet",
    ),
    summary=text(
        "Con tu PPT puedes abrir productos financieros. Cómo elegir una entidad vigilada, qué "
        "revisar en los costos y qué hacer si te niegan la cuenta por tu documento.",
        "With your PPT you can open financial products. How to choose a supervised "
        "institution, what to check in the costs and what to do if you are refused because of "
        "your document.",
    ),
    needs=text(
        [
            "Tu PPT vigente.",
            "Un celular con una línea a tu nombre (para billeteras digitales).",
            "Un correo electrónico y tu dirección.",
            "Para algunas cuentas: una referencia o un comprobante de ingresos.",
        ],
        [
            "Your valid PPT.",
            "A phone with a line in your name (for digital wallets).",
            "An e-mail address and your address.",
            "For some accounts: a reference or proof of income.",
        ],
    ),
    body=[
        heading("Tu documento sirve", "Your document counts"),
        para(
            "<p>La Superintendencia Financiera ha indicado a las entidades que vigila que el PPT "
            "es un documento válido para identificarte y abrir productos. Hay cuentas de "
            "ahorro con trámite sencillo y <strong>billeteras digitales</strong> (depósitos "
            "electrónicos) que se abren desde el celular, con límites en los montos que puedes "
            "mover cada mes.</p>",
            "<p>The Superintendencia Financiera has told the institutions it supervises that "
            "the PPT is a valid document to identify you and open products. There are savings "
            "accounts with simple procedures and <strong>digital wallets</strong> (electronic "
            "deposits) you open from your phone, with limits on the amounts you can move each "
            "month.</p>",
        ),
        heading("Antes de elegir", "Before you choose"),
        para(
            "<ul><li>Verifica que la entidad esté <strong>vigilada</strong> por la "
            "Superintendencia Financiera (o, si es una cooperativa, por la Superintendencia de "
            "la Economía Solidaria).</li>"
            "<li>Pregunta por la cuota de manejo, el costo de retiros y transferencias y los "
            "límites de la cuenta.</li>"
            "<li>Puedes marcar una cuenta como exenta del gravamen a los movimientos "
            'financieros (el "4 por mil") hasta un monto mensual: pregunta cómo.</li>'
            "<li>Los depósitos en entidades inscritas tienen un seguro de depósitos "
            "(Fogafín, o Fogacoop en cooperativas).</li></ul>",
            "<ul><li>Check that the institution is <strong>supervised</strong> by the "
            "Superintendencia Financiera (or, for a cooperative, by the Superintendencia de la "
            "Economía Solidaria).</li>"
            "<li>Ask about the monthly fee, the cost of withdrawals and transfers, and the "
            "account's limits.</li>"
            "<li>You can mark one account as exempt from the financial transactions levy (the "
            '"4 per thousand") up to a monthly amount: ask how.</li>'
            "<li>Deposits in registered institutions are covered by deposit insurance (Fogafín, "
            "or Fogacoop for cooperatives).</li></ul>",
        ),
        heading("Si te niegan la cuenta", "If you are refused"),
        para(
            "<p>Pide la respuesta por escrito. Cada entidad tiene un <strong>Defensor del "
            "Consumidor Financiero</strong>, que atiende quejas gratis; también puedes quejarte "
            "ante la Superintendencia Financiera.</p>",
            "<p>Ask for the answer in writing. Every institution has a <strong>Financial "
            "Consumer Ombudsman</strong> (Defensor del Consumidor Financiero) who handles "
            "complaints for free; you can also complain to the Superintendencia "
            "Financiera.</p>",
        ),
        tip(
            "warning",
            "Tu clave es solo tuya",
            "Your PIN is yours alone",
            "Ninguna entidad te pide tu clave por teléfono, mensaje o redes. No la compartas ni "
            "con quien te ayude a abrir la cuenta.",
            "No institution asks for your PIN by phone, message or social media. Do not share it, "
            "not even with whoever helps you open the account.",
        ),
    ],
    sources=[
        source(
            "Superintendencia Financiera de Colombia",
            "Entidades vigiladas, derechos del consumidor financiero y quejas",
            "Supervised institutions, financial consumer rights and complaints",
            SUPERFINANCIERA,
        ),
        source(
            "Fogafín",
            "Seguro de depósitos",
            "Deposit insurance",
            "https://www.fogafin.gov.co/",
        ),
    ],
)

CREDIT = guide(
    "credito-seguro",
    "money",
    title=text(
        "Pide prestado sin caer en el gota a gota",
        'Borrow without falling into "gota a gota" loans',
    ),
    summary=text(
        "Por qué el préstamo gota a gota sale tan caro y es peligroso, qué opciones formales "
        "hay para un negocio pequeño y cómo comparar un crédito antes de firmarlo.",
        'Why "gota a gota" loans cost so much and are dangerous, which formal options a small '
        "business has and how to compare a loan before signing.",
    ),
    needs=text(
        [
            "Tu documento de identificación.",
            "Tus registros de ventas y gastos de los últimos meses.",
            "Cuánto necesitas, para qué y cómo lo vas a pagar.",
            "Las condiciones por escrito de cada oferta (tasa efectiva anual y costo total).",
        ],
        [
            "Your identity document.",
            "Your records of sales and expenses for the last months.",
            "How much you need, what for and how you will repay it.",
            "Each offer's terms in writing (effective annual rate and total cost).",
        ],
    ),
    body=[
        heading("El gota a gota", '"Gota a gota" loans'),
        para(
            '<p>El préstamo <strong>gota a gota</strong> (o "paga diario") es un crédito '
            "informal: te prestan rápido y sin papeles, pero con intereses muy por encima de lo "
            "legal y, muchas veces, con amenazas cuando te atrasas. Cobrar intereses por encima "
            "de la <strong>tasa de usura</strong>, que certifica la Superintendencia "
            "Financiera, es un delito. Si te amenazan, denuncia.</p>",
            '<p>A <strong>gota a gota</strong> ("pay daily") loan is informal credit: you get '
            "money fast and without paperwork, but at interest far above the legal limit and, "
            "often, with threats when you fall behind. Charging interest above the "
            "<strong>usury rate</strong>, certified by the Superintendencia Financiera, is a "
            "crime. If you are threatened, report it.</p>",
        ),
        heading("Opciones formales", "Formal options"),
        para(
            "<p>Bancos, cooperativas, entidades de microfinanzas y algunas fintech vigiladas "
            "ofrecen <strong>microcrédito</strong> para negocios pequeños. Compara siempre la "
            "<strong>tasa efectiva anual</strong> y el costo total (seguros, comisiones), no "
            "solo la cuota. Tus registros de ventas y gastos te ayudan a mostrar que puedes "
            "pagar.</p>",
            "<p>Banks, cooperatives, microfinance institutions and some supervised fintechs "
            "offer <strong>microcredit</strong> for small businesses. Always compare the "
            "<strong>effective annual rate</strong> and the total cost (insurance, fees), not "
            "just the instalment. Your records of sales and expenses help you show that you "
            "can repay.</p>",
        ),
        heading("Tu historial de crédito", "Your credit history"),
        para(
            "<p>Las centrales de riesgo guardan cómo pagas tus créditos. La Ley 1266 de 2008 te "
            "da derecho a conocer y a pedir que se corrija esa información. Pagar a tiempo, "
            "aunque sean montos pequeños, construye un historial que abre puertas.</p>",
            "<p>Credit bureaus keep a record of how you repay your loans. Law 1266 of 2008 gives "
            "you the right to see that information and ask for it to be corrected. Paying on "
            "time, even small amounts, builds a history that opens doors.</p>",
        ),
        tip(
            "tip",
            "Antes de firmar",
            "Before signing",
            "Pide el plan de pagos por escrito, léelo con calma en casa y pregunta qué pasa si "
            "te atrasas un mes.",
            "Ask for the repayment plan in writing, read it calmly at home and ask what happens "
            "if you fall one month behind.",
        ),
    ],
    sources=[
        source(
            "Superintendencia Financiera de Colombia",
            "Tasa de usura certificada, entidades vigiladas y educación financiera",
            "Certified usury rate, supervised institutions and financial education",
            SUPERFINANCIERA,
        ),
        source(
            "Superintendencia de Industria y Comercio",
            "Habeas data financiero (Ley 1266 de 2008)",
            "Financial data protection (Law 1266 of 2008)",
            "https://www.sic.gov.co/",
        ),
    ],
)

GUIDES = [ACCOUNT, CREDIT]
