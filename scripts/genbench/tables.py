"""Table families (CSV / TSV) and record families (JSON Lines).

A family fixes what a document is about (its required columns, optional extras, languages,
formats); the document draws its header spellings, column order, countries, name style, date
format and line layout.  Which split a family belongs to is decided in split.py.
"""
from __future__ import annotations

from people import event_date, fmt_date, make_person, pick_style
from values import ID_COUNTRIES, Ctx, cell_value, person_address, refnum
from vocab import pick_header, pick_key
from docbuild import K, P, name_parts
from traps import include_trap_country

TABLE_FAMILIES = {
    "T-roster-residents": dict(formats=["csv"], langs=["zh", "en", "mixed"],
                               cols=["seq", "name", "sex", "nationality", "passport", "dob", "address", "phone"],
                               extra=["reg_date", "email", "employer", "doctype"]),
    "T-staff-directory": dict(formats=["csv", "tsv"], langs=["en", "de", "fr", "nl"],
                              cols=["surname", "given", "job", "employer", "phone", "email"],
                              extra=["city", "address", "dob"]),
    "T-visa-applicants": dict(formats=["tsv", "csv"], langs=["en", "es", "it", "pt"],
                              cols=["case_no", "surname", "given", "dob", "passport", "nationality", "email", "address"],
                              extra=["phone", "sex", "reg_date"]),
    "T-event-attendees": dict(formats=["csv"], langs=["en", "fr", "de", "mixed"],
                              cols=["name", "employer", "country", "email", "phone", "reg_date"],
                              extra=["job", "city", "dob"]),
    "T-clinic-contacts": dict(formats=["csv", "tsv"], langs=["en", "nl", "it", "de"],
                              cols=["case_no", "name", "dob", "sex", "address", "phone"],
                              extra=["email", "national_id"]),
    "T-guest-register": dict(formats=["csv", "tsv"], langs=["en", "ja", "zht", "zh"],
                             cols=["seq", "name", "nationality", "doctype", "passport", "dob", "reg_date"],
                             extra=["phone", "address", "sex"]),
    "T-id-register-zh": dict(formats=["csv"], langs=["zh", "zht"],
                             cols=["seq", "name", "sex", "doctype", "passport", "dob", "address", "phone"],
                             extra=["national_id", "employer", "reg_date"]),
    "T-payroll-export": dict(formats=["tsv", "csv"], langs=["en", "de", "es", "fr"],
                             cols=["case_no", "name", "national_id", "dob", "address", "email"],
                             extra=["job", "phone"]),
    "T-alumni-list": dict(formats=["csv"], langs=["en", "pt", "it", "mixed"],
                          cols=["name", "dob", "city", "email", "phone"],
                          extra=["employer", "job", "address", "country"]),
    "T-tenant-list": dict(formats=["csv", "tsv"], langs=["en", "nl", "de", "zh"],
                          cols=["seq", "surname", "given", "address", "phone", "reg_date"],
                          extra=["email", "dob", "nationality"]),
    "T-volunteer-roster": dict(formats=["csv", "tsv"], langs=["en", "zh", "mixed", "fr"],
                               cols=["name", "dob", "phone", "national_id", "city"],
                               extra=["email", "sex", "job", "address"]),
}

JSON_FAMILIES = ["J-crm-contacts", "J-booking-records", "J-records-zh", "J-hr-nested", "J-flat-export"]

DATE_FMTS_BY_LANG = {"zh": ["iso", "zh", "ymd_slash", "compact"], "zht": ["zh", "roc", "ymd_slash", "iso"],
                     "ja": ["zh", "ymd_slash", "iso"], "de": ["dot", "de_long", "iso"], "fr": ["eu_slash", "fr_long"],
                     "es": ["eu_slash", "es_long", "dash_dmy"], "it": ["eu_slash", "dash_dmy"],
                     "pt": ["eu_slash", "dash_dmy"], "nl": ["dash_dmy", "eu_slash", "iso"],
                     "en": ["iso", "us_slash", "eu_slash", "d_month_y", "month_d_y", "d_mon_y", "d_mon_y_sp", "dot"],
                     "mixed": ["iso", "zh", "d_mon_y", "eu_slash"]}

def countries_for(rng, all_countries, lang, need_id=False):
    pool = all_countries
    if need_id:
        pool = [c for c in pool if c.code in ID_COUNTRIES]
    k = rng.randint(3, min(12, len(pool)))
    pool = rng.sample(pool, k)
    return pool if need_id else include_trap_country(rng, pool, all_countries)


def make_ctx(rng, fakes, lang, split):
    fmt = rng.choice(DATE_FMTS_BY_LANG.get(lang, DATE_FMTS_BY_LANG["en"]))
    if rng.trap_month and lang in ("en", "mixed") and rng.random() < 0.7:
        fmt = rng.choice(["d_month_y", "month_d_y"])  # month names, where "June" can be both
    zh_bias = 0.4 if lang in ("zh", "zht", "ja") else 0.0
    fixed = {}

    def style(p):  # one style per document (per script), as real tables have
        key = bool(p.native)
        if key not in fixed:
            fixed[key] = pick_style(rng, p, zh_bias)
        return fixed[key]

    return Ctx(rng, fakes, lang, fmt, style, rng.random() < 0.5, split)


def table_doc(doc, rng, fakes, countries, family, split):
    spec = TABLE_FAMILIES[family]
    fmt = rng.choice(spec["formats"])
    lang = rng.choice(spec["langs"])
    delim = "," if fmt == "csv" else "\t"
    cols = list(spec["cols"]) + [c for c in spec["extra"] if rng.random() < 0.5]
    if rng.random() < 0.6:  # column orders vary; keep a sequence column first when present
        head = [c for c in cols if c == "seq"]
        rest = [c for c in cols if c != "seq"]
        rng.shuffle(rest)
        cols = head + rest
    # the trap plan's keep material needs its column: event dates, nationality, city
    if rng.trap_month and "reg_date" not in cols:
        cols.append("reg_date")
    if rng.trap_country == "JO" and not {"nationality", "country"} & set(cols):
        cols.append("nationality")
    if rng.trap_country == "FR" and "city" not in cols:
        cols.append("city")
    need_id = "national_id" in cols
    pool = countries_for(rng, countries, lang, need_id)
    ctx = make_ctx(rng, fakes, lang, split)
    eol = "\r\n" if rng.random() < 0.25 else "\n"
    if rng.random() < 0.3:
        title_date = fmt_date(event_date(rng), ctx.date_fmt)
        title = {"zh": "名单（导出于 ", "zht": "名冊（匯出於 ", "ja": "一覧（出力日 "}.get(lang)
        # one field, quoted when the date holds the delimiter ("Export of July 17, 2019")
        doc.cell([title, K("DATE", title_date), "）"] if title else ["Export of ", K("DATE", title_date)], delim)
        doc.add(eol)
    headers = [pick_header(rng, c, split, lang) for c in cols]
    ctx.compound_id = any(c == "passport" and any(w in h for w in ("ID", "证件", "證件", "Doc"))
                          for c, h in zip(cols, headers))
    for j, h in enumerate(headers):
        doc.cell(h, delim)
        doc.add(delim if j < len(headers) - 1 else eol)
    n_rows = rng.randint(6, 30)
    for i in range(1, n_rows + 1):
        p = make_person(rng, fakes, rng.choice(pool))
        for j, c in enumerate(cols):
            doc.cell(cell_value(ctx, c, p, i), delim)
            doc.add(delim if j < len(cols) - 1 else eol)
    return dict(format=fmt, lang=lang)


# ---------------------------------------------------------------- JSON Lines
def _member(doc, key, value_segments, first):
    if not first:
        doc.add(", ")
    doc.json_string(key)
    doc.add(": ")
    if isinstance(value_segments, (int, float)):
        doc.add(str(value_segments))
    else:
        doc.json_string(value_segments)


def jsonl_doc(doc, rng, fakes, countries, family, split):
    lang = "zh" if family == "J-records-zh" else rng.choice(["en", "en", "mixed"])
    ctx = make_ctx(rng, fakes, lang, split)
    pool = countries_for(rng, countries, lang, need_id=family in ("J-flat-export", "J-records-zh"))
    n = rng.randint(5, 25)
    key = lambda k: pick_key(rng, k, split)
    keys = {k: key(k) for k in ("name", "surname", "given", "passport", "national_id", "dob", "address", "phone",
                                 "email", "nationality", "reg_date", "case_no")}
    for i in range(1, n + 1):
        p = make_person(rng, fakes, rng.choice(pool))
        doc.add("{")
        if family == "J-crm-contacts":
            _member(doc, "id", i, True)
            doc.add(", ")
            doc.json_string(keys["name"])
            doc.add(": {")
            _member(doc, keys["given"], P("PERSON", p.given, "name:json_given", name_parts(p.given)), True)
            _member(doc, keys["surname"], P("PERSON", p.family, "name:json_family", name_parts(p.family)), False)
            doc.add("}, ")
            doc.json_string("contacts")
            doc.add(": [")
            contacts = [("mobile", "phone"), ("email", "email")] + ([("home", "phone")] if rng.random() < 0.4 else [])
            rng.shuffle(contacts)
            for j, (typ, kind) in enumerate(contacts):
                if j:
                    doc.add(", ")
                doc.add("{")
                _member(doc, "type", typ, True)
                _member(doc, "value", cell_value(ctx, kind, p, i), False)
                doc.add("}")
            doc.add("]")
            if rng.random() < 0.7:
                _member(doc, keys["dob"], cell_value(ctx, "dob", p, i), False)
            if rng.random() < 0.7:
                _member(doc, keys["address"], person_address(ctx, p, multiline=True), False)
        elif family == "J-hr-nested":
            _member(doc, keys["case_no"], K("REFNUM", refnum(rng)), True)
            doc.add(", ")
            doc.json_string("employee")
            doc.add(": {")
            _member(doc, keys["name"], cell_value(ctx, "name", p, i), True)
            _member(doc, keys["dob"], cell_value(ctx, "dob", p, i), False)
            _member(doc, "title", rng.choice(["Engineer", "Analyst", "Nurse", "Driver"]), False)
            doc.add("}, ")
            doc.json_string("home")
            doc.add(": {")
            _member(doc, keys["address"], person_address(ctx, p, multiline=rng.random() < 0.5), True)
            _member(doc, keys["phone"], cell_value(ctx, "phone", p, i), False)
            doc.add("}")
            _member(doc, keys["reg_date"], K("DATE", fmt_date(event_date(rng), ctx.date_fmt)), False)
        else:
            members = ["case_no", "name", "passport", "dob", "nationality", "phone", "email"]
            if family == "J-booking-records":
                members = ["case_no", "name", "passport", "dob", "nationality", "email"]
            elif family in ("J-flat-export", "J-records-zh"):
                members = ["case_no", "name", "national_id", "dob", "address", "phone", "reg_date"]
            for j, m in enumerate(members):
                if m == "name" and family == "J-booking-records":
                    t = f"{p.family.upper()}, {p.given}"
                    val = P("PERSON", t, "name:SU, G", name_parts(t))
                elif m == "case_no":
                    val = K("REFNUM", refnum(rng))
                else:
                    val = cell_value(ctx, m, p, i)
                _member(doc, keys[m], val, j == 0)
        doc.add("}\n")
    return dict(format="jsonl", lang=lang)
