"""Word tables for German, French and Spanish: a smaller rule set than English, enough for
explicit dates, months, weekdays and the common relative expressions."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    days: dict[str, int]
    # (phrase pattern, unit, offset): "letzte Woche" -> ("week", -1)
    relative: tuple[tuple[str, str, int], ...]
    # Regex for "N units ago" with groups q and unit, e.g. "vor (?P<q>..) (?P<unit>..)".
    ago: str
    month_cue: str


GERMAN = Words(
    months={"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
            "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11,
            "dezember": 12},
    weekdays={"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
              "samstag": 5, "sonnabend": 5, "sonntag": 6},
    numbers={"einem": 1, "einer": 1, "ein": 1, "eine": 1, "zwei": 2, "drei": 3, "vier": 4,
             "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10},
    units={"tag": "day", "tagen": "day", "tage": "day", "woche": "week", "wochen": "week",
           "monat": "month", "monaten": "month", "monate": "month", "jahr": "year",
           "jahren": "year", "jahre": "year"},
    days={"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2},
    relative=(
        (r"letzte[nrs]?\s+(?P<unit>Woche|Monat|Jahr)", "", -1),
        (r"vergangene[nrs]?\s+(?P<unit>Woche|Monat|Jahr)", "", -1),
        (r"nächste[nrs]?\s+(?P<unit>Woche|Monat|Jahr)", "", 1),
        (r"kommende[nrs]?\s+(?P<unit>Woche|Monat|Jahr)", "", 1),
        (r"diese[nrs]?\s+(?P<unit>Woche|Monat|Jahr)", "", 0),
    ),
    ago=r"vor\s+(?P<q>\d+|{numbers})\s+(?P<unit>{units})",
    month_cue=r"(?:im|in|seit|bis|ab|Anfang|Ende|Mitte|vom|zum|von|nach|vor)\s+$",
)  # fmt: skip

FRENCH = Words(
    months={"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5,
            "juin": 6, "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10,
            "novembre": 11, "décembre": 12, "decembre": 12},
    weekdays={"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
              "dimanche": 6},
    numbers={"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
             "sept": 7, "huit": 8, "neuf": 9, "dix": 10},
    units={"jour": "day", "jours": "day", "semaine": "week", "semaines": "week",
           "mois": "month", "an": "year", "ans": "year", "année": "year", "années": "year"},
    days={"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "demain": 1,
          "après-demain": 2},
    relative=(
        (r"(?:la\s+)?(?P<unit>semaine|année|mois)\s+(?:dernière|dernier|passée|passé)", "", -1),
        (r"l['’]an\s+dernier|l['’]an\s+passé", "year", -1),
        (r"(?:la\s+|le\s+)?(?P<unit>semaine|année|mois)\s+(?:prochaine|prochain)", "", 1),
        (r"l['’]an\s+prochain", "year", 1),
        (r"(?:cette|ce)\s+(?P<unit>semaine|année|mois)", "", 0),
    ),
    ago=r"il\s+y\s+a\s+(?P<q>\d+|{numbers})\s+(?P<unit>{units})",
    month_cue=r"(?:en|depuis|jusqu['’]en|début|fin|mi-|d['’]|de|au|le)\s*$",
)  # fmt: skip

SPANISH = Words(
    months={"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6,
            "julio": 7, "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10,
            "noviembre": 11, "diciembre": 12},
    weekdays={"lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3,
              "viernes": 4, "sábado": 5, "sabado": 5, "domingo": 6},
    numbers={"un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
             "siete": 7, "ocho": 8, "nueve": 9, "diez": 10},
    units={"día": "day", "días": "day", "dia": "day", "dias": "day", "semana": "week",
           "semanas": "week", "mes": "month", "meses": "month", "año": "year", "años": "year"},
    days={"anteayer": -2, "antier": -2, "ayer": -1, "hoy": 0, "pasado mañana": 2,
          "mañana": 1},
    relative=(
        (r"(?:la\s+|el\s+)?(?P<unit>semana|año|mes)\s+pasad[oa]", "", -1),
        (r"(?:la\s+|el\s+)?(?P<unit>semana|año|mes)\s+(?:próxim[oa]|que\s+viene)", "", 1),
        (r"(?:la\s+|el\s+)?próxim[oa]\s+(?P<unit>semana|año|mes)", "", 1),
        (r"(?:est[ea])\s+(?P<unit>semana|año|mes)", "", 0),
    ),
    ago=r"hace\s+(?P<q>\d+|{numbers})\s+(?P<unit>{units})",
    month_cue=r"(?:en|de|desde|hasta|a\s+principios\s+de|a\s+finales\s+de|el)\s+$",
)  # fmt: skip

LANGUAGES: dict[str, Words] = {"de": GERMAN, "fr": FRENCH, "es": SPANISH}
