"""Government identifiers with valid check digits, and passport MRZ lines.

Each generator returns the identifier as it is printed (with its usual grouping); the
check-digit algorithms are the published ones, so a detector that validates them is rewarded
and one that only pattern-matches a label is not.
"""
from __future__ import annotations

import datetime as dt


def luhn_check_digit(digits: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


def luhn_valid(digits: str) -> bool:
    return luhn_check_digit(digits[:-1]) == int(digits[-1])


def ca_sin(rng):
    """Canadian SIN: 9 digits, Luhn; first digit 1-7 or 9."""
    body = str(rng.choice([1, 2, 3, 4, 5, 6, 7, 9])) + "".join(str(rng.randrange(10)) for _ in range(7))
    s = body + str(luhn_check_digit(body))
    sep = rng.choice([" ", "-", ""])
    return sep.join((s[:3], s[3:6], s[6:])), "id:ca_sin"


TFN_WEIGHTS = (1, 4, 3, 7, 5, 8, 6, 9, 10)


def au_tfn(rng):
    """Australian TFN: 9 digits whose weighted sum is divisible by 11."""
    while True:
        d = [rng.randrange(10) for _ in range(9)]
        d[0] = rng.randrange(1, 10)
        r = sum(w * x for w, x in zip(TFN_WEIGHTS, d)) % 11
        if r == 0:
            break
        # fix the last digit if possible (weight 10: 10*x = -rest mod 11)
        rest = sum(w * x for w, x in zip(TFN_WEIGHTS[:8], d[:8])) % 11
        for x in range(10):
            if (rest + 10 * x) % 11 == 0:
                d[8] = x
                break
        else:
            continue
        break
    s = "".join(map(str, d))
    return " ".join((s[:3], s[3:6], s[6:])), "id:au_tfn"


CN_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CN_CHECK = "10X98765432"
CN_REGIONS = ("110105", "310104", "440305", "430104", "510107", "320102", "330106", "420111", "370202",
              "210102", "350203", "610113", "120101", "500103", "530102", "450103", "460106", "220102")


def cn_resident_id_raw(rng, dob: dt.date):
    body = rng.choice(CN_REGIONS) + dob.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
    return body + CN_CHECK[sum(int(a) * b for a, b in zip(body, CN_WEIGHTS)) % 11]


def cn_resident_id(rng, dob, grouped=False):
    s = cn_resident_id_raw(rng, dob)
    if not grouped:
        return s, "id:cn"
    if rng.random() < 0.5:
        return " ".join((s[0:4], s[4:8], s[8:12], s[12:16], s[16:])), "id:cn_groups4"
    return " ".join((s[:6], s[6:14], s[14:])), "id:cn_groups684"


def us_ssn(rng):
    while True:
        a = rng.randrange(1, 900)
        if a != 666:
            break
    return f"{a:03d}-{rng.randrange(1, 100):02d}-{rng.randrange(1, 10000):04d}", "id:us_ssn"


def uk_nino(rng):
    first = "ABCEGHJKLMNOPRSTWXYZ"
    second = "ABCEGHJKLMNPRSTWXYZ"
    d = "".join(str(rng.randrange(10)) for _ in range(6))
    s = f"{rng.choice(first)}{rng.choice(second)} {d[:2]} {d[2:4]} {d[4:]} {rng.choice('ABCD')}"
    return (s if rng.random() < 0.6 else s.replace(" ", "")), "id:uk_nino"


def se_personnummer(rng, dob):
    body = dob.strftime("%y%m%d") + "".join(str(rng.randrange(10)) for _ in range(3))
    return f"{body[:6]}-{body[6:]}{luhn_check_digit(body)}", "id:se_pnr"


def nl_bsn(rng):
    while True:
        d = [rng.randrange(10) for _ in range(8)]
        d[0] = rng.randrange(1, 10)
        s = sum((9 - i) * x for i, x in enumerate(d))
        last = s % 11
        if last < 10:
            return "".join(map(str, d)) + str(last), "id:nl_bsn"


def es_dni(rng):
    n = rng.randrange(10_000_000, 100_000_000)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}", "id:es_dni"


TW_LETTERS = {c: v for c, v in zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36))}


def tw_id(rng, female=False):
    letter = rng.choice("ABCDEFGHJKLMNPQRSTUVXYWZ")
    digits = [2 if female else 1] + [rng.randrange(10) for _ in range(7)]
    v = TW_LETTERS[letter]
    total = v // 10 + (v % 10) * 9 + sum(w * x for w, x in zip((8, 7, 6, 5, 4, 3, 2, 1), digits))
    check = (10 - total % 10) % 10
    return letter + "".join(map(str, digits)) + str(check), "id:tw"


# ---------------------------------------------------------------- ICAO 9303
MRZ_VALUES = {**{str(i): i for i in range(10)}, **{chr(65 + i): 10 + i for i in range(26)}, "<": 0}


def mrz_check(s: str) -> str:
    return str(sum(MRZ_VALUES[c] * (7, 3, 1)[i % 3] for i, c in enumerate(s)) % 10)


DE_SERIAL_CHARS = "CFGHJKLMNPRTVWXYZ0123456789"


def de_passport_serial(rng, with_check=False):
    """German passport serial: 9 characters (letter C,F,G,H,J,K first), ICAO check digit."""
    s = rng.choice("CFGHJK") + "".join(rng.choice(DE_SERIAL_CHARS) for _ in range(8))
    return (s + mrz_check(s)) if with_check else s


def mrz_name(text: str) -> str:
    out = []
    for ch in text.upper():
        if "A" <= ch <= "Z":
            out.append(ch)
        elif ch in " -'":
            out.append("<")
    return "".join(out)


def mrz_td3(surname, given, number, nationality3, dob: dt.date, sex, expiry: dt.date, issuer3=None):
    """Two 44-character lines of a passport MRZ; returns (line1, line2, name_field, number_field,
    dob_field) so the caller can label the name, document number and birth date inside them."""
    issuer3 = issuer3 or nationality3
    name_field = mrz_name(surname) + "<<" + mrz_name(given)
    line1 = ("P<" + issuer3 + name_field + "<" * 44)[:44]
    num = (number + "<" * 9)[:9]
    dob_s = dob.strftime("%y%m%d")
    exp_s = expiry.strftime("%y%m%d")
    personal = "<" * 14
    parts = num + mrz_check(num) + nationality3 + dob_s + mrz_check(dob_s) + sex + exp_s + mrz_check(exp_s) \
        + personal + mrz_check(personal)
    composite = num + mrz_check(num) + dob_s + mrz_check(dob_s) + exp_s + mrz_check(exp_s) + personal + mrz_check(personal)
    line2 = parts + mrz_check(composite)
    assert len(line1) == 44 and len(line2) == 44, (line1, line2)
    return line1, line2, line1[5:].rstrip("<"), number, dob_s
