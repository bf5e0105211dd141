"""Prose families: memos, e-mails, reports, news (EN / ZH / mixed), letters, case notes.

Private people's values are PII; officials with their titles, reporters' bylines, outlets,
event dates, years and reference numbers are keep items -- the material a newsroom needs.
"""
from __future__ import annotations

import datetime as dt

import ids
from docbuild import K, P, name_parts
from people import (email, event_date, fmt_date, make_person, name_segments, pick_style)
from traps import include_trap_country
from vocab import pick_header
from values import ID_COUNTRIES, Ctx, national_id, person_address, refnum

OFFICIAL_TITLES_EN = ["Premier", "Minister", "Mayor", "Ambassador", "Governor", "Senator", "Commissioner",
                      "Foreign Minister", "Deputy Mayor"]
OFFICIAL_TITLES_ZH = ["外交部发言人", "市长", "部长", "大使", "副市长", "发言人"]
OUTLETS = ["Reuters", "Associated Press", "The Guardian", "Le Monde", "Der Spiegel", "South China Morning Post",
           "The Irish Times", "ABC News"]
OUTLETS_ZH = ["新华社", "中新社", "人民日报", "澎湃新闻"]
BODIES = ["Ministry of Foreign Affairs", "Home Office", "Immigration Department", "City Council",
          "Department of Justice"]
BODIES_ZH = ["外交部", "公安局", "出入境管理局", "市政府"]


def lab(rng, kind, split, lang="en"):
    """A label before a value in prose: a header spelling of the document's split, so prose
    cues follow the same dev / heldout division as table headers."""
    return pick_header(rng, kind, split, lang)


def an(word):
    return "an" if word[0] in "AEIOU" else "a"


def official(rng, fakes, zh=False):
    if zh:
        f = fakes("zh_CN")
        return K("PUBLIC_PERSON", f.last_name() + f.first_name())
    if rng.random() < 0.3:  # "Premier Li Qiang": a romanised Chinese official in English text
        f = fakes("zh_CN")
        return K("PUBLIC_PERSON", f"{f.last_romanized_name()} {f.first_romanized_name()}")
    f = fakes(rng.choice(["en_US", "en_GB", "fr_FR", "de_DE", "en_AU"]))
    return K("PUBLIC_PERSON", f"{f.first_name()} {f.last_name()}")


def ctx_for(rng, fakes, lang, split):
    fmt = rng.choice({"zh": ["zh", "iso"], "mixed": ["iso", "zh", "d_month_y"]}.get(
        lang, ["d_month_y", "month_d_y", "iso", "eu_slash", "us_slash", "d_mon_y_sp", "dot"]))
    if getattr(rng, "trap_month", None) and lang != "zh" and rng.random() < 0.7:
        fmt = rng.choice(["d_month_y", "month_d_y"])
    return Ctx(rng, fakes, lang, fmt, lambda p: pick_style(rng, p), rng.random() < 0.5, split)


def person_bits(ctx, p):
    rng = ctx.rng
    ph, phv = p.country.phone(rng)
    return dict(dob=P("DATE_OF_BIRTH", fmt_date(p.dob, ctx.date_fmt), "dob:" + ctx.date_fmt),
                pp=P("PASSPORT_NUMBER", p.passport, f"pp:{p.country.code}"),
                phone=P("PHONE_NUMBER", ph, phv), email=email(rng, p), addr=person_address(ctx, p),
                year=P("DATE_OF_BIRTH", str(p.dob.year), "dob:year"))


def people(rng, fakes, countries, n, need_id=False):
    pool = [c for c in countries if c.code in ID_COUNTRIES] if need_id else include_trap_country(rng, countries, countries)
    if getattr(rng, "trap_country", None) and rng.random() < 0.5:
        pool = [c for c in pool if c.code == rng.trap_country] + list(pool)  # likelier to be picked
    out = []
    for _ in range(n):
        out.append(make_person(rng, fakes, rng.choice(pool)))
    return out


def add_mrz(doc, rng, p, number):
    """Two MRZ lines of p's passport, with the name, number and birth date inside them labelled."""
    exp = dt.date(2026 + rng.randrange(8), rng.randint(1, 12), rng.randint(1, 28))
    l1, l2, namef, num, dobf = ids.mrz_td3(p.family, p.given, number, p.country.iso3, p.dob,
                                          "M" if p.sex == "M" else "F", exp)
    i1 = l1.index(namef, 5)
    doc.add(l1[:i1], P("PERSON", namef, "name:mrz", name_parts(namef.replace("<", " "))), l1[i1 + len(namef):], "\n")
    doc.add(P("PASSPORT_NUMBER", num, "pp:mrz"), l2[len(num):13], P("DATE_OF_BIRTH", dobf, "dob:mrz"), l2[19:], "\n")


# ---------------------------------------------------------------- English memo
def memo_en(doc, rng, fakes, countries, split):
    ctx = ctx_for(rng, fakes, "en", split)
    d = fmt_date(event_date(rng), ctx.date_fmt)
    doc.add("MEMORANDUM\n\nTo: Records Unit\nFrom: Compliance Office\nDate: ", K("DATE", d),
            "\nRef: ", K("REFNUM", refnum(rng)), "\n\n")
    doc.add("The following individuals were identified in the files received from the ", K("ORG", rng.choice(BODIES)),
            ". Handle under the usual restrictions.\n\n")
    for p in people(rng, fakes, countries, rng.randint(3, 8)):
        b = person_bits(ctx, p)
        style = pick_style(rng, p)
        t = rng.randrange(4)
        if t == 0:
            doc.add("- ", name_segments(rng, p, style), " (", K("PLACE", p.country.en), "), born ", b["dob"],
                    ", passport ", b["pp"], f". {lab(rng, 'phone', split)} ", b["phone"], f"; {lab(rng, 'email', split)} ", b["email"], ".\n")
        elif t == 1:
            h = lambda kind: pick_header(rng, kind, split, "en")
            doc.add("- ", name_segments(rng, p, style), f", {h('dob')} ", b["dob"], f", {h('passport')} ", b["pp"],
                    f"\n  {h('address')}:\n", person_address(ctx, p, multiline=True), f"\n  {h('phone')}: ", b["phone"], "\n")
        elif t == 2:
            doc.add("- ", name_segments(rng, p, style), " was born in ", b["year"], " and holds ", an(p.country.adj), " ", K("PLACE", p.country.adj),
                    " passport (", b["pp"], "). Contact: ", b["email"], ".\n")
        else:
            doc.add("- ", name_segments(rng, p, style), " — ", b["phone"], " — lives at ", b["addr"], ".\n")
    doc.add("\nNext review: ", K("DATE", fmt_date(event_date(rng), ctx.date_fmt)), ".\n")
    return dict(format="text", lang="en")


# ---------------------------------------------------------------- English e-mail
def email_en(doc, rng, fakes, countries, split):
    ctx = ctx_for(rng, fakes, "en", split)
    sender, other = people(rng, fakes, countries, 2)
    sb, ob = person_bits(ctx, sender), person_bits(ctx, other)
    doc.add("From: ", name_segments(rng, sender, "gs"), " <", sb["email"], ">\nTo: ",
            name_segments(rng, other, "gs"), " <", ob["email"], ">\nDate: ",
            K("DATE", fmt_date(event_date(rng), "d_month_y")), "\nSubject: Re: booking ",
            K("REFNUM", refnum(rng)), "\n\n")
    doc.add("Hi ", name_segments(rng, other, "given"), ",\n\nThanks for the forms. For the visa file I still need a copy of your"
            " passport (", ob["pp"], ") and the date of birth, which I have as ", ob["dob"], ". Please confirm your address:\n\n",
            person_address(ctx, other, multiline=True), "\n\nIf easier, call me on ", sb["phone"], ".\n\nBest regards,\n",
            name_segments(rng, sender, rng.choice(["gs", "G. S"])), f"\n{lab(rng, 'phone', split)}: ", P("PHONE_NUMBER", *sender.country.phone(rng)),
            "\n")
    return dict(format="text", lang="en")


# ---------------------------------------------------------------- incident report
def incident_en(doc, rng, fakes, countries, split):
    ctx = ctx_for(rng, fakes, "en", split)
    doc.add("INCIDENT REPORT ", K("REFNUM", refnum(rng)), "\nDate of incident: ",
            K("DATE", fmt_date(event_date(rng), ctx.date_fmt)), "\n\n")
    ps = people(rng, fakes, countries, rng.randint(2, 5))
    for k, p in enumerate(ps):
        b = person_bits(ctx, p)
        if k == 0:
            doc.add("Officers attended the home of ", name_segments(rng, p, "title"), " at\n",
                    person_address(ctx, p, multiline=True), "\nafter a call from a neighbour. ")
            doc.add("The complainant, who was born in ", b["year"], ", gave the number ", b["phone"], ".\n\n")
        else:
            doc.add(f"Witness {k}: ", name_segments(rng, p, rng.choice(["SU, G", "S, G", "G M. S", "gs"])),
                    f", {lab(rng, 'dob', split)} ", b["dob"], f", {lab(rng, 'phone', split)} ", b["phone"])
            if p.country.code in ID_COUNTRIES and rng.random() < 0.6:  # a bare identifier, no label
                nid, var = national_id(rng, p, grouped=rng.random() < 0.5)
                doc.add(" (", P("NATIONAL_ID", nid, var), ")")
            doc.add(".\n")
    doc.add("\nReport filed with the ", K("ORG", rng.choice(BODIES)), " on ",
            K("DATE", fmt_date(event_date(rng), ctx.date_fmt)), ".\n")
    return dict(format="text", lang="en")


# ---------------------------------------------------------------- English news
def news_en(doc, rng, fakes, countries, split):
    ctx = ctx_for(rng, fakes, "en", split)
    doc.add("Leaked register lists hundreds of residents\n\nBy ", official(rng, fakes), ", ",
            K("ORG", rng.choice(OUTLETS)), "\n", K("DATE", fmt_date(event_date(rng), "month_d_y")), "\n\n")
    t1 = rng.choice(OFFICIAL_TITLES_EN)
    doc.add(f"{t1} ", official(rng, fakes), " said on ", K("DATE", fmt_date(event_date(rng), "d_month_y")),
            " that the ", K("ORG", rng.choice(BODIES)), " would investigate. The file, first seen in ",
            K("YEAR", str(rng.randint(2016, 2024))), ", was shared by a contractor.\n\n")
    for p in people(rng, fakes, countries, rng.randint(2, 5)):
        b = person_bits(ctx, p)
        t = rng.randrange(3)
        if t == 0:
            doc.add("One entry names ", name_segments(rng, p, rng.choice(["gs", "G M. S"])), ", ", an(p.country.adj), " ",
                    K("PLACE", p.country.adj), " national born in ", b["year"], ", with passport number ", b["pp"], ".\n\n")
        elif t == 1:
            doc.add("Another lists ", name_segments(rng, p, "gs"), " of ", b["addr"], ", reachable at ", b["phone"], ".\n\n")
        else:
            doc.add("The records of ", name_segments(rng, p, "gs"), " include a birth date (", b["dob"],
                    ") and the e-mail address ", b["email"], ".\n\n")
    doc.add(f"{rng.choice(OFFICIAL_TITLES_EN)} ", official(rng, fakes), " declined to comment. Case number ",
            K("REFNUM", refnum(rng)), ".\n")
    return dict(format="text", lang="en")


# ---------------------------------------------------------------- Chinese news
def news_zh(doc, rng, fakes, countries, split):
    ctx = ctx_for(rng, fakes, "zh", split)
    doc.add(K("ORG", rng.choice(OUTLETS_ZH)), "北京", K("DATE", fmt_date(event_date(rng), "zh")), "电（记者",
            official(rng, fakes, zh=True), "）", rng.choice(OFFICIAL_TITLES_ZH), official(rng, fakes, zh=True),
            "表示，", K("ORG", rng.choice(BODIES_ZH)), "已对泄露名单展开调查。\n\n")
    cn = [c for c in countries if c.code == "CN"]
    for p in people(rng, fakes, cn or countries, rng.randint(2, 5)):
        b = person_bits(ctx, p)
        nid, var = national_id(rng, p, rng.random() < 0.3)
        t = rng.randrange(3)
        if t == 0:
            doc.add("名单显示，", name_segments(rng, p, "native"), "，", b["year"], "年出生，" + lab(rng, "national_id", split, "zh"),
                    P("NATIONAL_ID", nid, var), "，" + lab(rng, "phone", split, "zh"), b["phone"], "。\n")
        elif t == 1:
            doc.add(name_segments(rng, p, "native"), "，出生于", b["dob"], "，现住", b["addr"], "，" + lab(rng, "phone", split, "zh"), b["phone"], "。\n")
        else:
            doc.add("另有", name_segments(rng, p, "native"), "（" + lab(rng, "passport", split, "zh"), b["pp"], "，" + lab(rng, "email", split, "zh"), b["email"], "）。\n")
    doc.add("\n案件编号：", K("REFNUM", refnum(rng)), "。\n")
    return dict(format="text", lang="zh")


# ---------------------------------------------------------------- Chinese daily report
def daily_zh(doc, rng, fakes, countries, split):
    ctx = ctx_for(rng, fakes, "zh", split)
    doc.add("工作日报（", K("DATE", fmt_date(event_date(rng), "zh")), "）\n\n")
    for k, p in enumerate(people(rng, fakes, countries, rng.randint(3, 8)), 1):
        b = person_bits(ctx, p)
        doc.add(f"{k}. ", name_segments(rng, p, pick_style(rng, p, 0.5)), "（", K("PLACE", p.country.zh), "），" + lab(rng, "passport", split, "zh"),
                b["pp"], "，" + lab(rng, "dob", split, "zh"), b["dob"], "，" + lab(rng, "phone", split, "zh"), b["phone"],
                "，现住", b["addr"], "。\n")
    doc.add("\n报送单位：", K("ORG", rng.choice(BODIES_ZH)), "\n")
    return dict(format="text", lang="zh")


# ---------------------------------------------------------------- bilingual list
def mixed_list(doc, rng, fakes, countries, split):
    ctx = ctx_for(rng, fakes, "mixed", split)
    doc.add("外籍人员联系名单 Contact list of foreign nationals\n更新 Updated: ", K("DATE", fmt_date(event_date(rng), "iso")), "\n\n")
    for k, p in enumerate(people(rng, fakes, countries, rng.randint(3, 9)), 1):
        b = person_bits(ctx, p)
        doc.add(f"{k}、", name_segments(rng, p, rng.choice(["SG", "gs", "S, G", "native+roman"])), " / ",
                K("PLACE", p.country.zh), " ", K("PLACE", p.country.en), "\n    ",
                pick_header(rng, "passport", split, "mixed"), ": ", b["pp"], "\n    ",
                pick_header(rng, "phone", split, "mixed"), " ", b["phone"], "   ", b["email"], "\n")
    return dict(format="text", lang="mixed")


# ---------------------------------------------------------------- case notes: bare identifiers, MRZ
def case_notes(doc, rng, fakes, countries, split):
    ctx = ctx_for(rng, fakes, "en", split)
    doc.add("Case notes ", K("REFNUM", refnum(rng)), " — scanned attachments\n\n")
    pool = [c for c in countries if c.code in ("CA", "AU", "CN", "DE", "GB", "US", "SE", "NL", "ES", "TW")]
    for p in people(rng, fakes, pool, rng.randint(3, 6)):
        b = person_bits(ctx, p)
        name = name_segments(rng, p, rng.choice(["gs", "SU, G", "G. S"]))
        if p.country.code == "DE" or rng.random() < 0.3:
            serial = ids.de_passport_serial(rng, with_check=rng.random() < 0.5) if p.country.code == "DE" else p.passport
            doc.add(name, " — document scan:\n")
            add_mrz(doc, rng, p, serial[:9])
            if p.country.code == "DE":
                doc.add("Serial ", P("PASSPORT_NUMBER", serial, "pp:DE_serial"), "\n\n")
            else:
                doc.add("\n")
            continue
        nid, var = national_id(rng, p, grouped=p.country.code == "CN")
        doc.add(name, "  ", P("NATIONAL_ID", nid, var), "  ", b["phone"], "\n")
    doc.add("\nFiled ", K("DATE", fmt_date(event_date(rng), ctx.date_fmt)), ".\n")
    return dict(format="text", lang="en")


# ---------------------------------------------------------------- German/English letter
def letter_de(doc, rng, fakes, countries, split):
    ctx = ctx_for(rng, fakes, "en", split)
    ctx.date_fmt = "dot"
    de = [c for c in countries if c.code in ("DE", "AT", "CH")] or countries
    p = people(rng, fakes, de, 1)[0]
    b = person_bits(ctx, p)
    doc.add(K("ORG", "Standesamt"), " — Aktenzeichen ", K("REFNUM", refnum(rng)), "\n\nBetreff: ",
            name_segments(rng, p, rng.choice(["S, G", "gs"])), f" ({lab(rng, 'dob', split, 'de')} ", b["dob"], f")\n{lab(rng, 'address', split, 'de')}:\n",
            person_address(ctx, p, multiline=True), f"\n{lab(rng, 'phone', split, 'de')} ", b["phone"], "\n\n")
    if rng.random() < 0.6:
        doc.add("Kopie des Reisepasses (maschinenlesbare Zone):\n")
        add_mrz(doc, rng, p, ids.de_passport_serial(rng) if p.country.code == "DE" else p.passport[:9])
        doc.add("\n")
    q = people(rng, fakes, countries, 1)[0]
    qb = person_bits(ctx, q)
    doc.add("Re the above: the applicant's partner, ", name_segments(rng, q, "G M. S"), ", born ", qb["dob"],
            ", can be reached at ", qb["email"], ". Hearing on ", K("DATE", fmt_date(event_date(rng), "dot")), ".\n")
    return dict(format="text", lang="mixed")


# ---------------------------------------------------------------- profile (year of birth)
def profile_en(doc, rng, fakes, countries, split):
    ctx = ctx_for(rng, fakes, "en", split)
    for p in people(rng, fakes, countries, rng.randint(2, 4)):
        b = person_bits(ctx, p)
        city = K("PLACE", p.country.en)
        doc.add(name_segments(rng, p, "gs"), " was born in ", b["year"], " in ", city, ". ",
                name_segments(rng, p, "given"), " moved in ", K("YEAR", str(rng.randint(2000, 2020))),
                " and now lives at ", b["addr"], f". {lab(rng, 'phone', split)}: ", b["phone"], ".\n\n")
    doc.add("Compiled ", K("DATE", fmt_date(event_date(rng), ctx.date_fmt)), ".\n")
    return dict(format="text", lang="en")


# ---------------------------------------------------------------- press release (officials quoted)
def press_release_en(doc, rng, fakes, countries, split):
    ctx = ctx_for(rng, fakes, "en", split)
    body = rng.choice(BODIES)
    doc.add("PRESS RELEASE — ", K("ORG", body), "\n", K("DATE", fmt_date(event_date(rng), "month_d_y")), "\n\n")
    doc.add(f"{rng.choice(OFFICIAL_TITLES_EN)} ", official(rng, fakes), " today announced a review of the register "
            "after details of residents were posted online in ", K("YEAR", str(rng.randint(2018, 2024))), ". ")
    doc.add("Spokesperson ", official(rng, fakes), " told ", K("ORG", rng.choice(OUTLETS)),
            " that those affected would be contacted by ", K("DATE", fmt_date(event_date(rng), "d_month_y")), ".\n\n")
    doc.add("Examples of the exposed entries (shown here with consent):\n")
    for p in people(rng, fakes, countries, rng.randint(2, 4)):
        b = person_bits(ctx, p)
        doc.add("  * ", name_segments(rng, p, rng.choice(["title", "gs", "SG"])), ", ", b["dob"], ", ",
                b["phone"], ", ", b["email"], "\n")
    doc.add("\nMedia enquiries: reference ", K("REFNUM", refnum(rng)), ".\n")
    return dict(format="text", lang="en")


# ---------------------------------------------------------------- Chinese notice
def notice_zh(doc, rng, fakes, countries, split):
    ctx = ctx_for(rng, fakes, "zh", split)
    doc.add("关于核查外籍人员信息的通知\n", K("REFNUM", refnum(rng)), "\n\n")
    doc.add(rng.choice(OFFICIAL_TITLES_ZH), official(rng, fakes, zh=True), "于", K("DATE", fmt_date(event_date(rng), "zh")),
            "在", K("ORG", rng.choice(BODIES_ZH)), "会议上要求逐一核实以下人员：\n")
    for k, p in enumerate(people(rng, fakes, countries, rng.randint(3, 7)), 1):
        b = person_bits(ctx, p)
        doc.add(f"（{k}）", name_segments(rng, p, pick_style(rng, p, 0.5)), "，国籍", K("PLACE", p.country.zh), "，",
                pick_header(rng, "passport", split, "zh"), b["pp"], "，", pick_header(rng, "dob", split, "zh"), b["dob"],
                "，", pick_header(rng, "phone", split, "zh"), b["phone"], "；\n")
    doc.add("\n", K("ORG", rng.choice(BODIES_ZH)), "\n", K("DATE", fmt_date(event_date(rng), "zh")), "\n")
    return dict(format="text", lang="zh")


# ---------------------------------------------------------------- wire story (mixed script)
def wire_mixed(doc, rng, fakes, countries, split):
    ctx = ctx_for(rng, fakes, "mixed", split)
    doc.add("【", K("ORG", rng.choice(OUTLETS_ZH)), "】", K("DATE", fmt_date(event_date(rng), "zh")), " 记者 ",
            official(rng, fakes, zh=True), " / By ", official(rng, fakes), "\n\n")
    doc.add(rng.choice(OFFICIAL_TITLES_ZH), official(rng, fakes, zh=True), "说，名单涉及多国人员。Ambassador ",
            official(rng, fakes), " called it \"a serious breach\".\n\n")
    for p in people(rng, fakes, countries, rng.randint(2, 5)):
        b = person_bits(ctx, p)
        doc.add("- ", name_segments(rng, p, rng.choice(["native+roman", "SG", "gs"])), "，", b["year"], "年生，",
                lab(rng, "phone", split, "mixed") + " ", b["phone"], "，", b["addr"], "\n")
    return dict(format="text", lang="mixed")


# ---------------------------------------------------------------- verification log: bare identifiers
def id_check_log(doc, rng, fakes, countries, split):
    ctx = ctx_for(rng, fakes, "en", split)
    pool = [c for c in countries if c.code in ID_COUNTRIES or c.code == "DE"]
    doc.add("# identity verification log, exported ", K("DATE", fmt_date(event_date(rng), "iso")), "\n")
    for p in people(rng, fakes, pool, rng.randint(6, 14)):
        t = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        if p.country.code == "DE":
            v = P("PASSPORT_NUMBER", ids.de_passport_serial(rng, with_check=True), "pp:DE_serial")
        else:
            nid, var = national_id(rng, p, grouped=rng.random() < 0.5)
            v = P("NATIONAL_ID", nid, var)
        doc.add(K("TIME", t), " | ", v, " | ", name_segments(rng, p, rng.choice(["SU, G", "G. S", "gs"])), " | ",
                rng.choice(["match", "no match", "manual review"]), " | ticket ", K("REFNUM", refnum(rng)), "\n")
    return dict(format="text", lang="en")


# ---------------------------------------------------------------- OCR dump of scanned documents
def ocr_dump(doc, rng, fakes, countries, split):
    ctx = ctx_for(rng, fakes, "en", split)
    doc.add("OCR output — batch ", K("REFNUM", refnum(rng)), "\n")
    pool = [c for c in countries if c.code in ID_COUNTRIES or c.code == "DE"]
    for k, p in enumerate(people(rng, fakes, pool, rng.randint(3, 6)), 1):
        doc.add(f"\n--- page {k} ---\n")
        if p.country.code == "DE" or rng.random() < 0.5:
            number = ids.de_passport_serial(rng) if p.country.code == "DE" else p.passport.replace(" ", "")[:9]
            add_mrz(doc, rng, p, number)
        else:
            nid, var = national_id(rng, p, grouped=True)
            doc.add(name_segments(rng, p, rng.choice(["SU, G", "gs"])), "\n", P("NATIONAL_ID", nid, var), "\n",
                    P("DATE_OF_BIRTH", fmt_date(p.dob, rng.choice(["dot", "iso", "d_mon_y_sp"])), "dob:ocr"), "\n")
    return dict(format="text", lang="en")


PROSE_FAMILIES = {
    "P-memo-en": memo_en, "P-email-en": email_en, "P-incident-en": incident_en, "P-news-en": news_en,
    "P-news-zh": news_zh, "P-daily-zh": daily_zh, "P-list-mixed": mixed_list, "P-case-notes": case_notes,
    "P-letter-de": letter_de, "P-profile-en": profile_en, "P-press-release-en": press_release_en,
    "P-notice-zh": notice_zh, "P-wire-mixed": wire_mixed, "P-id-check-log": id_check_log,
    "P-ocr-dump": ocr_dump,
}
