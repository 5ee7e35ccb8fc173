"""Starter free-help offices for the eight cities: the institutions present in each and
their official national pages. No address, phone or opening hours here: staff add them in
the console once they have checked them locally."""

from ._shape import CONFECAMARAS, DEFENSORIA, MIGRACION, MINTRABAJO

CITIES = {
    "barranquilla": ("Barranquilla", "Cámara de Comercio de Barranquilla"),
    "bogota": ("Bogotá", "Cámara de Comercio de Bogotá"),
    "bucaramanga": ("Bucaramanga", "Cámara de Comercio de Bucaramanga"),
    "cali": ("Cali", "Cámara de Comercio de Cali"),
    "cartagena": ("Cartagena", "Cámara de Comercio de Cartagena"),
    "cucuta": ("Cúcuta", "Cámara de Comercio de Cúcuta"),
    "medellin": ("Medellín", "Cámara de Comercio de Medellín para Antioquia"),
    "riohacha": ("Riohacha", "Cámara de Comercio de La Guajira"),
}

#: (kind, name es, name en, description es, description en, website); {city} and {chamber}
#: are filled in for each city
KINDS = [
    (
        "migration",
        "Migración Colombia en {city}",
        "Migración Colombia in {city}",
        "PPT, permisos y trámites migratorios. Consulta en la página oficial los puntos de "
        "atención de {city} y si necesitas cita; los trámites del Estatuto son gratuitos.",
        "PPT, permits and migration procedures. Check the official page for the service "
        "points in {city} and whether you need an appointment; Statute procedures are free.",
        MIGRACION,
    ),
    (
        "rights",
        "Defensoría del Pueblo en {city}",
        "Defensoría del Pueblo in {city}",
        "Orientación gratuita sobre tus derechos, discriminación, derechos de petición y "
        "tutelas. La página oficial lista su regional en {city}.",
        "Free advice on your rights, discrimination, petitions and tutelas. The official page "
        "lists its regional office in {city}.",
        DEFENSORIA,
    ),
    (
        "rights",
        "Personería de {city}",
        "Personería of {city}",
        "Recibe quejas contra entidades públicas y ayuda a redactar derechos de petición y "
        "tutelas, gratis.",
        "Takes complaints against public bodies and helps you write petitions and tutelas, "
        "for free.",
        "",
    ),
    (
        "labour",
        "Inspección del trabajo en {city}",
        "Labour inspection in {city}",
        "Quejas por salarios o prestaciones sin pagar y audiencias de conciliación con tu "
        "empleador, sin abogado y sin costo. La página oficial lista la dirección territorial.",
        "Complaints about unpaid wages or benefits and conciliation hearings with your "
        "employer, without a lawyer and at no cost. The official page lists the territorial "
        "office.",
        MINTRABAJO,
    ),
    (
        "legal_clinic",
        "Consultorios jurídicos universitarios de {city}",
        "University legal clinics in {city}",
        "Las facultades de derecho de {city} asesoran gratis a personas de pocos recursos "
        "(Ley 2113 de 2021). Nuestro equipo agrega aquí los que ha verificado.",
        "The law schools in {city} give free advice to people of limited means (Law 2113 of "
        "2021). Our team adds here the ones it has checked.",
        "",
    ),
    (
        "business",
        "{chamber}",
        "{chamber}",
        "Matrícula mercantil, RUT en el mismo trámite y asesoría para quien empieza un "
        "negocio. Encuentra su página en el directorio de Confecámaras.",
        "Business registration, the RUT in the same procedure and advice for people starting "
        "a business. Find its page in Confecámaras' directory.",
        CONFECAMARAS,
    ),
]


def _offices() -> list[dict]:
    offices = []
    for city, (city_name, chamber) in CITIES.items():
        for order, (kind, name_es, name_en, text_es, text_en, website) in enumerate(KINDS):
            values = {"city": city_name, "chamber": chamber}
            offices.append(
                {
                    "city": city,
                    "kind": kind,
                    "sort_order": order,
                    "name": {"es": name_es.format(**values), "en": name_en.format(**values)},
                    "description": {
                        "es": text_es.format(**values),
                        "en": text_en.format(**values),
                    },
                    "website": website,
                }
            )
    return offices


HELP_OFFICES = _offices()
