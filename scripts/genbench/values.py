"""Cell values for one person and one column kind, as labelled segments."""
from __future__ import annotations

import ids
from addresses import MULTILINE_STYLES, address, render
from docbuild import K, P
from countries import CAPITALS
from people import email, event_date, fmt_date, name_segments

ID_COUNTRIES = {"CN", "CA", "AU", "US", "GB", "SE", "NL", "ES", "TW"}
JOBS = {"en": ["Engineer", "Teacher", "Accountant", "Nurse", "Consultant", "Sales manager", "Researcher",
               "Translator", "Student", "Technician", "Designer", "Analyst"],
        "zh": ["工程师", "教师", "会计", "护士", "顾问", "销售经理", "研究员", "翻译", "学生", "技术员"]}
EMPLOYERS = ["Northwind Logistics Ltd", "Bluefield Analytics", "Harbourline Shipping", "Ostwerk GmbH",
             "Lumen Textiles SA", "Kestrel Software BV", "Pinecrest Foods", "Meridian Consulting",
             "Sunvale Trading Co.", "华信科技有限公司", "东方贸易集团", "Tradewind Imports"]
DOCTYPE = {"en": ["Passport", "passport", "P"], "zh": ["护照", "普通护照"], "zht": ["護照"], "ja": ["旅券"],
           "de": ["Reisepass"], "fr": ["Passeport"], "es": ["Pasaporte"], "it": ["Passaporto"],
           "pt": ["Passaporte"], "nl": ["Paspoort"]}
SEX = {"en": {"M": ["M", "Male"], "F": ["F", "Female"]}, "zh": {"M": ["男"], "F": ["女"]},
       "de": {"M": ["m"], "F": ["w"]}, "fr": {"M": ["H"], "F": ["F"]}}


def national_id(rng, p, grouped=False):
    c = p.country.code
    if c == "CN":
        return ids.cn_resident_id(rng, p.dob, grouped)
    if c == "CA":
        return ids.ca_sin(rng)
    if c == "AU":
        return ids.au_tfn(rng)
    if c == "US":
        return ids.us_ssn(rng)
    if c == "GB":
        return ids.uk_nino(rng)
    if c == "SE":
        return ids.se_personnummer(rng, p.dob)
    if c == "NL":
        return ids.nl_bsn(rng)
    if c == "ES":
        return ids.es_dni(rng)
    if c == "TW":
        return ids.tw_id(rng, p.sex == "F")
    raise ValueError(c)


def refnum(rng, year=None):
    y = year or rng.randint(2015, 2024)
    return rng.choice([f"CASE-{y}-{rng.randint(1, 99999):05d}", f"INV-{rng.randint(10000, 999999)}",
                       f"{rng.randint(100000000, 999999999)}", f"{y}/{rng.choice(['IMM', 'REG', 'HR'])}/{rng.randint(1, 9999):04d}",
                       f"ORD{rng.randint(1000000, 9999999)}", f"〔{y}〕{rng.randint(1, 999)}号",
                       f"Az. {rng.randint(1, 99)} {rng.choice(['C', 'O', 'K'])} {rng.randint(1, 999)}/{y % 100:02d}"])


def lang_base(lang):
    return "zh" if lang in ("zh", "zht", "ja") else lang


class Ctx:
    """Per-document choices shared by every row: language, date format, name style, layout."""

    def __init__(self, rng, fakes, lang, date_fmt, name_style, multiline, split):
        self.rng, self.fakes, self.lang, self.date_fmt = rng, fakes, lang, date_fmt
        self.name_style, self.multiline, self.split = name_style, multiline, split
        self.grouped_ids = rng.random() < 0.3
        self.compound_id = False  # set by a table whose passport header also names ID cards


def person_address(ctx, p, multiline=None):
    zh = ctx.lang in ("zh", "zht", "ja", "mixed") and ctx.rng.random() < 0.7
    lines, parts, style = address(ctx.rng, ctx.fakes(p.country.locale), p.country, "zh" if zh else "en")
    ml = ctx.multiline if multiline is None else multiline
    text = render(lines, ml and len(lines) > 1 and style in MULTILINE_STYLES)
    return P("ADDRESS", text, f"addr:{p.country.code}:{style}:{'ml' if chr(10) in text else 'line'}", parts)


def cell_value(ctx, kind, p, i, extra=None):
    """Segments for column `kind` of row i (person p)."""
    rng, lang = ctx.rng, ctx.lang
    zh = lang_base(lang) == "zh"
    if kind == "seq":
        return str(i)
    if kind == "name":
        return name_segments(rng, p, ctx.name_style(p))
    if kind == "surname":
        s = p.family.upper() if rng.random() < 0.3 else p.family
        return P("PERSON", s, "name:surname_cell", [t for t in [s] if len(s) >= 3] or None)
    if kind == "given":
        return P("PERSON", p.given, "name:given_cell", [p.given] if len(p.given) >= 3 else None)
    if kind == "passport":
        # a compound column ("Passport/ID No.", 证件号码) holds some national IDs too
        if ctx.compound_id and p.country.code in ID_COUNTRIES and rng.random() < 0.3:
            v, var = national_id(rng, p, ctx.grouped_ids)
            return P("NATIONAL_ID", v, var)
        return P("PASSPORT_NUMBER", p.passport, f"pp:{p.country.code}")
    if kind == "doctype":
        return rng.choice(DOCTYPE.get(lang, DOCTYPE["en"]))
    if kind == "national_id":
        v, var = national_id(rng, p, ctx.grouped_ids)
        return P("NATIONAL_ID", v, var)
    if kind == "dob":
        return P("DATE_OF_BIRTH", fmt_date(p.dob, ctx.date_fmt), "dob:" + ctx.date_fmt)
    if kind == "address":
        return person_address(ctx, p)
    if kind == "phone":
        v, var = p.country.phone(rng)
        return P("PHONE_NUMBER", v, var)
    if kind == "email":
        return email(rng, p)
    if kind == "sex":
        return rng.choice(SEX.get(lang_base(lang), SEX["en"])[p.sex])
    if kind == "job":
        return rng.choice(JOBS["zh" if zh else "en"])
    if kind == "employer":
        return rng.choice(EMPLOYERS)
    if kind == "nationality":
        if not zh and p.country.code == getattr(rng, "trap_country", None):
            return K("PLACE", p.country.en)  # "Jordan" in the cell, a Jordan in the name column
        return K("PLACE", p.country.zh if zh else rng.choice([p.country.adj, p.country.en, p.country.iso3]))
    if kind == "country":
        return K("PLACE", p.country.zh if zh else p.country.en)
    if kind == "city":
        return K("PLACE", CAPITALS[p.country.code])
    if kind == "reg_date":
        return K("DATE", fmt_date(event_date(rng), ctx.date_fmt))
    if kind == "case_no":
        return K("REFNUM", refnum(rng))
    raise ValueError(kind)
