"""Small helpers that keep the guide files readable: each returns the plain data shape
described in ``community.content``."""

LAST_REVIEWED = "2026-12-05"
REVIEW_BY = "2027-06-05"


def text(es: str, en: str) -> dict:
    return {"es": es, "en": en}


def heading(es: str, en: str) -> dict:
    return {"type": "heading", "text": text(es, en)}


def para(es: str, en: str) -> dict:
    return {"type": "paragraph", "html": text(es, en)}


def tip(kind: str, title_es: str, title_en: str, es: str, en: str) -> dict:
    return {"type": "tip", "kind": kind, "title": text(title_es, title_en), "text": text(es, en)}


def source(institution: str, es: str, en: str, url: str) -> dict:
    return {"institution": institution, "title": text(es, en), "url": url}


def guide(
    slug: str,
    topic: str,
    *,
    title: dict,
    summary: dict,
    needs: dict,
    body: list,
    sources: list,
    show_help_offices: bool = False,
) -> dict:
    return {
        "slug": slug,
        "topic": topic,
        "title": title,
        "summary": summary,
        "needs": needs,
        "body": body,
        "sources": sources,
        "last_reviewed": LAST_REVIEWED,
        "review_by": REVIEW_BY,
        "show_help_offices": show_help_offices,
    }


MIGRACION = "https://www.migracioncolombia.gov.co/"
CANCILLERIA = "https://www.cancilleria.gov.co/"
MINTRABAJO = "https://www.mintrabajo.gov.co/"
DIAN = "https://www.dian.gov.co/"
CONFECAMARAS = "https://www.confecamaras.org.co/"
RUES = "https://www.rues.org.co/"
SUPERFINANCIERA = "https://www.superfinanciera.gov.co/"
ADRES = "https://www.adres.gov.co/"
MINSALUD = "https://www.minsalud.gov.co/"
SISBEN = "https://www.sisben.gov.co/"
COLPENSIONES = "https://www.colpensiones.gov.co/"
DEFENSORIA = "https://www.defensoria.gov.co/"
REGISTRADURIA = "https://www.registraduria.gov.co/"
EMPLEO = "https://www.serviciodeempleo.gov.co/"
