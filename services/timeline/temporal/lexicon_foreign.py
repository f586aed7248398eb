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
    # Durations. Plain vague quantities ("mehrere Jahre") become X in the value.
    vague: str
    # Words before a number kept in a duration's extent ("mehr als zwei Jahre").
    approx: str
    # Prepositions that make a duration reach back to the publication ("seit", "depuis").
    since: str
    # Prepositions that make "ein Tag" a duration rather than "one day, ...".
    lasting: str
    # Text before or after "N years" that makes it an age, not a duration.
    age_before: str
    age_after: str
    # Text before an "ago" pattern that turns it into a duration ("desde hace dos años").
    ago_blocked: str
    # Clock times: regex with groups cue, t (extent), h, mi, unit, half, part, noon and, where
    # the language needs one before the hour, art.
    clock: str
    # Hour words that alone read as a length ("24 heures"), so need a preposition or minutes.
    clock_weak_unit: str
    # Part-of-day words (also the adverbs of clock times) -> TimeML code.
    parts: dict[str, str]
    # (phrase pattern, day offset or None for the group `day`, part code or None for the
    # group `part`): "gestern Abend", "anoche".
    day_parts: tuple[tuple[str, int | None, str | None], ...]
    seasons: dict[str, str]
    # Season words need a preposition (group cue) or an article when they have no year or
    # modifier: French "été" is also the participle of "être".
    season_cue: str
    season_article: str
    # Between a season and its year: "verano de 2024".
    season_year_link: str
    # Modifier pattern -> relation (last, next, coming, this) before or after a weekday or
    # season; weekday_article is kept in the extent only together with a modifier.
    before: dict[str, str]
    after: dict[str, str]
    weekday_article: str
    # Future verb forms: a weekday, month or day after one lies ahead ("se celebrarán el
    # domingo", "se tiendra lundi", "wird am Sonntag stattfinden").
    future: str = r"(?!)"
    # A part of day written into the weekday's word ("Dienstagabend").
    weekday_part: str = r"(?!)"


_DE_PART = r"(?:(?:Anfang|Mitte|Ende)\s+)?"
_DE_UNIT = r"(?P<unit>Woche|Monats?|Jahr(?:es)?|Wochenende[ns]?)"

GERMAN = Words(
    months={"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
            "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11,
            "dezember": 12},
    weekdays={"montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
              "samstag": 5, "sonnabend": 5, "sonntag": 6},
    numbers={"einem": 1, "einer": 1, "einen": 1, "ein": 1, "eine": 1, "zwei": 2, "drei": 3,
             "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
             "elf": 11, "zwölf": 12, "fünfzehn": 15, "zwanzig": 20, "dreißig": 30,
             "hundert": 100},
    units={"tag": "day", "tagen": "day", "tage": "day", "woche": "week", "wochen": "week",
           "monat": "month", "monaten": "month", "monate": "month", "jahr": "year",
           "jahren": "year", "jahre": "year"},
    days={"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2},
    relative=(
        # "Ende letzten Jahres": a part of the unit, in the genitive, is still that unit.
        (rf"{_DE_PART}(?:letzte[nrs]?|vergangene[nrs]?|vorige[nrs]?)\s+{_DE_UNIT}", "", -1),
        (rf"{_DE_PART}(?:nächste[nrs]?|kommende[nrs]?)\s+{_DE_UNIT}", "", 1),
        (rf"{_DE_PART}diese[nrs]?\s+{_DE_UNIT}", "", 0),
    ),
    ago=r"vor\s+(?P<q>\d+|{numbers})\s+(?P<unit>{units})",
    month_cue=r"(?:im|in|seit|bis|ab|Anfang|Ende|Mitte|vom|zum|von|nach|vor)\s+$",
    vague=r"mehrere[nm]?|einige[nm]?|ein\s+paar",
    approx=r"mehr\s+als|weniger\s+als|fast|knapp|rund|etwa|gut|über|nahezu",
    since=r"seit",
    lasting=r"seit|für|während|über|binnen|innerhalb",
    age_before=r"Alter\s+von\s+$",
    age_after=r"\s+alte?[nmrs]?\b",
    ago_blocked=r"(?!)",
    clock=(
        r"(?:(?P<cue>um|gegen|ab|bis|seit|vor|nach)\s+)?"
        r"(?P<t>(?P<h>[01]?\d|2[0-3]|{hours})(?:[.:](?P<mi>[0-5]\d))?"
        r"(?:\s*(?P<unit>Uhr)(?:\s+(?P<part>morgens|früh|vormittags|nachmittags|abends|nachts))?)?"
        r"|(?P<noon>Mitternacht))"
    ),
    clock_weak_unit=r"(?!)",
    parts={"morgen": "MO", "früh": "MO", "vormittag": "MO", "nachmittag": "AF", "abend": "EV",
           "nacht": "NI", "morgens": "MO", "vormittags": "MO", "nachmittags": "AF",
           "abends": "EV", "nachts": "NI"},
    day_parts=(
        (r"(?P<day>vorgestern|gestern|heute|morgen|übermorgen)\s+"
         r"(?P<part>früh|morgen|vormittag|nachmittag|abend|nacht)", None, None),
        (r"(?:letzte|vergangene|vorige)\s+Nacht", -1, "NI"),
    ),
    seasons={"frühling": "SP", "frühjahr": "SP", "sommer": "SU", "herbst": "FA",
             "winter": "WI"},
    season_cue=r"im|in|seit\s+dem|bis\s+zum|vom|zum|ab\s+dem|Anfang|Ende|Mitte",
    season_article=r"(?!)",
    season_year_link=r"",
    before={r"letzte[nmrs]?": "last", r"vergangene[nmrs]?": "last", r"vorige[nmrs]?": "last",
            r"nächste[nmrs]?": "next", r"kommende[nmrs]?": "coming", r"diese[nmrs]?": "this"},
    after={},
    weekday_article=r"(?!)",
    future=r"\b(?:wird|werden|wirst|werdet)\b",
    weekday_part=r"morgen|vormittag|mittag|nachmittag|abend|nacht",
)  # fmt: skip

FRENCH = Words(
    months={"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5,
            "juin": 6, "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10,
            "novembre": 11, "décembre": 12, "decembre": 12},
    weekdays={"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
              "dimanche": 6},
    numbers={"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
             "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
             "quinze": 15, "vingt": 20, "trente": 30, "cent": 100},
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
        (r"(?:le\s+)?week-?end\s+(?:dernier|passé)", "weekend", -1),
        (r"(?:le\s+)?week-?end\s+prochain", "weekend", 1),
        (r"ce\s+week-?end", "weekend", 0),
    ),
    ago=r"il\s+y\s+a\s+(?P<q>\d+|{numbers})\s+(?P<unit>{units})",
    month_cue=r"(?:en|depuis|jusqu['’]en|début|fin|mi-|d['’]|de|au|le)\s*$",
    vague=r"plusieurs|quelques",
    approx=r"plus\s+de|moins\s+de|près\s+de|presque|environ|quasiment|au\s+moins",
    since=r"depuis",
    lasting=r"depuis|pendant|durant|pour|en|dans",
    age_before=(
        r"(?:âgée?s?|(?:homme|femme|fille|garçon|enfant|adolescente?|jeune|bébé|retraitée?"
        r"|victime|suspecte?)s?)\s+de\s+$|(?<![\w'’])(?:a|avait|aura|à)\s+$"
    ),
    age_after=r"(?!)",
    ago_blocked=r"(?!)",
    clock=(
        # "pendant 3 h" is three hours long, not three o'clock.
        r"(?<!pendant\s)(?<!durant\s)(?<!\ben\s)(?<!dans\s)"
        r"(?:(?P<cue>à|vers|dès|depuis|jusqu['’]à|avant|après)\s+)?"
        r"(?P<t>(?P<h>[01]?\d|2[0-3]|{hours})\s*(?P<unit>h|heures?)(?:\s*(?P<mi>[0-5]\d))?"
        r"(?:\s+(?P<half>et\s+demie|et\s+quart))?"
        r"(?:\s+(?:du|de\s+l['’])\s*(?P<part>matin|après-midi|soir))?"
        r"|(?P<noon>midi|minuit))"
    ),
    clock_weak_unit=r"heures?",
    parts={"matin": "MO", "après-midi": "AF", "soir": "EV", "nuit": "NI"},
    day_parts=(
        (r"(?P<day>avant-hier|hier|aujourd['’]hui|demain|après-demain)\s+"
         r"(?P<part>matin|après-midi|soir)", None, None),
        (r"(?:ce|cet|cette)\s+(?P<part>matin|après-midi|soir|nuit)", 0, None),
        (r"la\s+nuit\s+dernière", -1, "NI"),
    ),
    seasons={"printemps": "SP", "été": "SU", "automne": "FA", "hiver": "WI"},
    season_cue=r"en|au|à|durant|pendant|depuis|dès|jusqu['’]à|de|du|pour",
    season_article=r"l['’]|le",
    season_year_link=r"",
    before={r"ce|cet|cette": "this"},
    after={r"derni(?:er|ère)": "last", r"passée?": "last", r"prochaine?": "next"},
    weekday_article=r"(?!)",
    # The simple future ("se tiendra", "aura lieu") and the near future ("va signer").
    future=(
        r"\b\w+(?:erai|eras|era|erons|erez|eront|irai|iras|ira|irons|irez|iront|drai|dras|dra"
        r"|drons|drez|dront|aura|auront|sera|seront|fera|feront)\b|\b(?:va|vont)\s+\w+(?:er|ir|re)\b"
    ),
)  # fmt: skip

SPANISH = Words(
    months={"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6,
            "julio": 7, "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10,
            "noviembre": 11, "diciembre": 12},
    weekdays={"lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3,
              "viernes": 4, "sábado": 5, "sabado": 5, "domingo": 6},
    numbers={"un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
             "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12,
             "quince": 15, "veinte": 20, "treinta": 30, "cien": 100},
    units={"día": "day", "días": "day", "dia": "day", "dias": "day", "semana": "week",
           "semanas": "week", "mes": "month", "meses": "month", "año": "year", "años": "year"},
    days={"anteayer": -2, "antier": -2, "ayer": -1, "hoy": 0, "pasado mañana": 2,
          "mañana": 1},
    relative=(
        (r"(?:la\s+|el\s+)?(?P<unit>semana|año|mes)\s+pasad[oa]", "", -1),
        (r"(?:la\s+|el\s+)?(?P<unit>semana|año|mes)\s+(?:próxim[oa]|que\s+viene)", "", 1),
        (r"(?:la\s+|el\s+)?próxim[oa]\s+(?P<unit>semana|año|mes)", "", 1),
        (r"(?:est[ea])\s+(?P<unit>semana|año|mes)", "", 0),
        (r"(?:el\s+)?fin\s+de\s+semana\s+pasado", "weekend", -1),
        (r"(?:el\s+)?(?:próximo\s+fin\s+de\s+semana|fin\s+de\s+semana\s+(?:próximo|que\s+viene))",
         "weekend", 1),
        (r"este\s+fin\s+de\s+semana", "weekend", 0),
    ),
    ago=r"hace\s+(?P<q>\d+|{numbers})\s+(?P<unit>{units})",
    month_cue=r"(?:en|de|desde|hasta|a\s+principios\s+de|a\s+finales\s+de|el)\s+$",
    vague=r"varios|varias|algunos|algunas",
    approx=r"más\s+de|menos\s+de|casi|cerca\s+de|unos|unas|al\s+menos",
    since=r"desde\s+hace",
    lasting=r"desde\s+hace|durante|por|en|dentro\s+de",
    age_before=(
        r"(?:(?:hombre|mujer|joven|niñ[oa]|menor|ancian[oa]|chic[oa]|bebé|víctima)e?s?"
        r"|edad)\s+de\s+$|(?<!\w)(?:tiene|tenía|tenia|cumple|cumplió|cumplirá|cumplir)\s+$"
    ),
    age_after=r"\s+de\s+edad\b",
    ago_blocked=r"(?i:desde)\s+$",
    clock=(
        r"(?:(?P<cue>a|al|desde|hasta|hacia|sobre|antes\s+de|después\s+de)\s+)?"
        r"(?:(?P<art>las|la)\s+)?"
        r"(?P<t>(?P<h>[01]?\d|2[0-3]|{hours})(?:[.:](?P<mi>[0-5]\d))?(?:\s+(?P<unit>horas?))?"
        r"(?:\s+(?P<half>y\s+media|y\s+cuarto))?"
        r"(?:\s+de\s+la\s+(?P<part>mañana|tarde|noche|madrugada))?"
        r"|(?P<noon>mediodía|medianoche))"
    ),
    clock_weak_unit=r"(?!)",
    # Only the clock times read "madrugada" (small hours): its hour needs no shift.
    parts={"mañana": "MO", "tarde": "AF", "noche": "NI", "madrugada": "MO"},
    day_parts=(
        (r"(?P<day>anteayer|antier|ayer|hoy|pasado\s+mañana|mañana)\s+(?:por|en|a)\s+la\s+"
         r"(?P<part>mañana|tarde|noche)", None, None),
        (r"(?:esta|este)\s+(?P<part>mañana|tarde|noche)", 0, None),
        (r"anoche", -1, "NI"),
        (r"anteanoche|antenoche", -2, "NI"),
    ),
    seasons={"primavera": "SP", "verano": "SU", "otoño": "FA", "invierno": "WI"},
    season_cue=r"en|durante|desde|hasta|para|a\s+finales\s+de|a\s+principios\s+de",
    season_article=r"el|la",
    season_year_link=r"de(?:l)?\s+",
    before={r"próxim[oa]": "next", r"pasad[oa]": "last", r"est[ea]": "this"},
    after={r"pasad[oa]": "last", r"próxim[oa]": "next", r"que\s+viene": "coming"},
    weekday_article=r"el",
    # The simple future ("se celebrarán") and "ir a" with an infinitive ("va a firmar").
    future=r"\b\w+(?:ré|rás|rá|remos|réis|rán)\b|\b(?:va|van|vamos)\s+a\s+\w+(?:ar|er|ir)\b",
)  # fmt: skip

LANGUAGES: dict[str, Words] = {"de": GERMAN, "fr": FRENCH, "es": SPANISH}
