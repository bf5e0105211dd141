"""Synthetic people: names in many cultures and orders, birth dates in many formats, e-mails.

Names come from Faker's locales (values only: the product must never learn from these lists).
Some given names are also ordinary words, months or places (June, Jordan, Olivia...): the
same words appear elsewhere as keep items, the trap issue 12 describes.
"""
from __future__ import annotations

import datetime as dt
import unicodedata

from docbuild import P, name_parts

TRAP_GIVEN = ["June", "April", "May", "Jordan", "Olivia", "Grace", "Hope", "Georgia", "Florence", "Austin",
              "Victoria", "Sydney", "Chelsea", "Paris", "Madison", "Lincoln", "Summer", "Dakota", "Israel"]
KR_FAMILY = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin"]
KR_GIVEN = ["Min-jun", "Seo-yeon", "Ji-hoon", "Ha-eun", "Do-yoon", "Su-bin", "Jae-won", "Ye-jin", "Hyun-woo"]
TITLES = {"M": ["Mr", "Mr.", "Dr", "Dr."], "F": ["Ms", "Mrs", "Ms.", "Miss", "Dr"]}


class Person:
    """One private individual: names (Latin script, and native script where the culture has
    one), sex, birth date, country."""

    def __init__(self, given, family, sex, dob, country, native=None, middle=None):
        self.given, self.family, self.sex, self.dob = given, family, sex, dob
        self.country, self.native, self.middle = country, native, middle


def make_person(rng, fakes, country, trap_rate=0.08):
    f = fakes(country.locale)
    sex = rng.choice("MF")
    native = None
    if country.code == "CN":
        native = f.last_name() + (f.first_name_male() if sex == "M" else f.first_name_female())
        given, family = f.first_romanized_name(), f.last_romanized_name()
    elif country.code == "TW":
        native = f.last_name() + (f.first_name_male() if sex == "M" else f.first_name_female())
        given = f.first_romanized_name().capitalize()
        family = f.last_romanized_name().capitalize()
    elif country.code == "JP":
        native = f.last_name() + f.first_name()
        given, family = f.first_romanized_name(), f.last_romanized_name()
    elif country.code == "KR":
        given, family = rng.choice(KR_GIVEN), rng.choice(KR_FAMILY)
    else:
        given = f.first_name_male() if sex == "M" else f.first_name_female()
        family = f.last_name()
    given, family = given.split()[0], family.strip()
    if getattr(rng, "trap_given", None) and rng.random() < 0.3:
        given = rng.trap_given
    elif rng.random() < trap_rate:
        given = rng.choice(TRAP_GIVEN)
    middle = fakes("en_US").first_name() if rng.random() < 0.15 else None
    dob = dt.date(1938, 1, 1) + dt.timedelta(days=rng.randrange(0, 67 * 365))
    p = Person(given, family, sex, dob, country, native, middle)
    p.passport = country.passport(rng)
    return p


def _person(text, style):
    return P("PERSON", text, "name:" + style, name_parts(text))


def name_segments(rng, p, style):
    """Segments that write the person's name in `style` (titles stay outside the span)."""
    g, s = p.given, p.family
    if style == "gs":
        return [_person(f"{g} {s}", style)]
    if style == "SG":
        return [_person(f"{s.upper()} {g}", style)]
    if style == "S, G":
        return [_person(f"{s}, {g}", style)]
    if style == "SU, G":
        return [_person(f"{s.upper()}, {g}", style)]
    if style == "G. S":
        return [_person(f"{g[0]}. {s}", style)]
    if style == "G M. S":
        m = p.middle[0] if p.middle else rng.choice("ABCDEFGHJKLMNPRSTW")
        return [_person(f"{g} {m}. {s}", style)]
    if style == "title":
        return [rng.choice(TITLES[p.sex]) + " ", _person(f"{g[0]}. {s}", style)]
    if style == "native" and p.native:
        return [_person(p.native, style)]
    if style == "native+roman" and p.native:
        return [_person(p.native, "native"), " (", _person(f"{g} {s}", "roman"), ")"]
    if style == "given":
        return [_person(g, style)]
    if style == "surname":
        return [_person(s, style)]
    return [_person(f"{g} {s}", "gs")]


LATIN_STYLES = ["gs", "gs", "SG", "S, G", "SU, G", "G. S", "G M. S", "title"]


def pick_style(rng, p, zh_bias=0.0):
    if p.native and rng.random() < 0.4 + zh_bias:
        return rng.choice(["native", "native", "native+roman"])
    return rng.choice(LATIN_STYLES)


# ---------------------------------------------------------------- dates
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DE_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember"]
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"]
ES_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
             "noviembre", "diciembre"]

DATE_FORMATS = ["iso", "zh", "dot", "eu_slash", "us_slash", "d_month_y", "month_d_y", "d_mon_y", "d_mon_y_sp",
                "ymd_slash", "de_long", "fr_long", "es_long", "roc", "dash_dmy", "compact"]


def fmt_date(d: dt.date, fmt: str) -> str:
    m, day, y = d.month, d.day, d.year
    return {
        "iso": f"{y}-{m:02d}-{day:02d}",
        "zh": f"{y}年{m}月{day}日",
        "dot": f"{day:02d}.{m:02d}.{y}",
        "eu_slash": f"{day:02d}/{m:02d}/{y}",
        "us_slash": f"{m:02d}/{day:02d}/{y}",
        "d_month_y": f"{day} {MONTHS[m - 1]} {y}",
        "month_d_y": f"{MONTHS[m - 1]} {day}, {y}",
        "d_mon_y": f"{day:02d}-{MONTHS[m - 1][:3]}-{y}",
        "d_mon_y_sp": f"{day} {MONTHS[m - 1][:3]} {y}",
        "ymd_slash": f"{y}/{m:02d}/{day:02d}",
        "de_long": f"{day}. {DE_MONTHS[m - 1]} {y}",
        "fr_long": f"{day} {FR_MONTHS[m - 1]} {y}",
        "es_long": f"{day} de {ES_MONTHS[m - 1]} de {y}",
        "roc": f"民國{y - 1911}年{m}月{day}日",
        "dash_dmy": f"{day:02d}-{m:02d}-{y}",
        "compact": f"{y}{m:02d}{day:02d}",
    }[fmt]


def event_date(rng, lo=2015, hi=2024):
    d = dt.date(lo, 1, 1) + dt.timedelta(days=rng.randrange(0, (hi - lo + 1) * 365))
    month = getattr(rng, "trap_month", None)
    if month and rng.random() < 0.5:  # the trap plan's month: "12 June 2021" next to a June
        d = d.replace(month=month, day=min(d.day, 30))
    return d


# ---------------------------------------------------------------- e-mail
DOMAINS = {"default": ["gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "proton.me", "icloud.com"],
           "CN": ["qq.com", "163.com", "126.com", "sina.com"], "DE": ["web.de", "gmx.de", "t-online.de"],
           "FR": ["orange.fr", "free.fr", "laposte.net"], "GB": ["btinternet.com", "yahoo.co.uk"],
           "JP": ["yahoo.co.jp", "docomo.ne.jp"], "KR": ["naver.com", "daum.net"], "IN": ["rediffmail.com"],
           "AU": ["bigpond.com"], "NL": ["ziggo.nl", "kpnmail.nl"], "IT": ["libero.it", "virgilio.it"],
           "ES": ["telefonica.net"], "BR": ["uol.com.br"], "TW": ["hinet.net"]}


def ascii_fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if c.isascii() and (c.isalnum() or c in "-"))


def email(rng, p):
    g, s = ascii_fold(p.given).lower().replace("-", ""), ascii_fold(p.family).lower().replace("-", "")
    local = rng.choice([f"{g}.{s}", f"{g[0]}.{s}", f"{s}{g}{rng.randint(1, 99)}", f"{g}_{s}", f"{g}{rng.randint(60, 2005)}",
                        f"{s}.{g[0]}", f"{g}{s}"])
    dom = rng.choice(DOMAINS.get(p.country.code, []) + DOMAINS["default"])
    return P("EMAIL_ADDRESS", f"{local}@{dom}", "email:plain", [local])
