"""Per-country value shapes: passport numbers, phone numbers, names' locale, country names.

Shapes follow each country's published formats (passport series, numbering plans); the digits
are random.  Pattern letters: `L` upper-case letter, `D` digit, `A` letter or digit, `#` digit
(phones), `N` digit 2-9; anything else is literal.
"""
from __future__ import annotations

import string

from ids import de_passport_serial


def fill(rng, pattern):
    out = []
    for ch in pattern:
        if ch == "L":
            out.append(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ"))
        elif ch in "D#":
            out.append(str(rng.randrange(10)))
        elif ch == "N":
            out.append(str(rng.randrange(2, 10)))
        elif ch == "A":
            out.append(rng.choice(string.ascii_uppercase.replace("O", "") + string.digits))
        else:
            out.append(ch)
    return "".join(out)


class Country:
    """One country: ISO codes, names (en / zh), name locale, passport and phone shapes."""

    def __init__(self, code, iso3, en, zh, adj, locale, passports, cc, nat, intl, addr):
        self.code, self.iso3, self.en, self.zh, self.adj = code, iso3, en, zh, adj
        self.locale, self.passports, self.cc = locale, passports, cc
        self.nat, self.intl, self.addr = nat, intl, addr

    def passport(self, rng):
        pattern = rng.choice(self.passports)
        if pattern == "DE":
            return de_passport_serial(rng)
        return fill(rng, pattern)

    def phone(self, rng):
        """(text, variant) in a national or international form of this country."""
        r = rng.random()
        if r < 0.45:
            return fill(rng, rng.choice(self.nat)), f"phone:{self.code}:nat"
        intl = fill(rng, rng.choice(self.intl))
        if r < 0.8:
            return intl, f"phone:{self.code}:intl"
        digits = "".join(c for c in intl if c.isdigit())
        if r < 0.88:
            return "+" + digits, f"phone:{self.code}:e164"
        if r < 0.94:
            rest = digits[len(self.cc):]
            return f"{self.cc}-{rest}", f"phone:{self.code}:cc_dash"
        return "00" + intl.lstrip("+"), f"phone:{self.code}:00"


C = Country
COUNTRIES = [
    C("US", "USA", "United States", "美国", "American", "en_US", ["DDDDDDDDD"], "1",
      ["(N##) N##-####", "N##-N##-####", "N##.N##.####"], ["+1 N##-N##-####", "+1 (N##) N##-####"], "us"),
    C("CA", "CAN", "Canada", "加拿大", "Canadian", "en_CA", ["LLDDDDDD"], "1",
      ["(N##) N##-####", "N##-N##-####"], ["+1 N##-N##-####", "+1 N## N## ####"], "ca"),
    C("GB", "GBR", "United Kingdom", "英国", "British", "en_GB", ["DDDDDDDDD"], "44",
      ["07### ######", "020 #### ####", "0161 ### ####"], ["+44 7### ######", "+44 (0)20 #### ####", "+44 161 ### ####"], "gb"),
    C("IE", "IRL", "Ireland", "爱尔兰", "Irish", "en_IE", ["LLDDDDDDD"], "353",
      ["087 ### ####", "01 ### ####", "(021) ### ####"], ["+353 87 ### ####", "+353 1 ### ####"], "ie"),
    C("AU", "AUS", "Australia", "澳大利亚", "Australian", "en_AU", ["LDDDDDDD", "LLDDDDDDD"], "61",
      ["04## ### ###", "(02) #### ####", "(03) #### ####"], ["+61 4## ### ###", "+61 2 #### ####"], "au"),
    C("NZ", "NZL", "New Zealand", "新西兰", "New Zealander", "en_NZ", ["LLDDDDDD"], "64",
      ["021 ### ####", "(09) ### ####", "027 ### ###"], ["+64 21 ### ####", "+64 9 ### ####"], "nz"),
    C("DE", "DEU", "Germany", "德国", "German", "de_DE", ["DE"], "49",
      ["0151 ########", "030 ########", "0170 #######", "089 / #######"], ["+49 30 ########", "+49 (0)170 #######", "+49 151 ########"], "de"),
    C("AT", "AUT", "Austria", "奥地利", "Austrian", "de_AT", ["LDDDDDDD"], "43",
      ["0664 #######", "01 ### ## ##"], ["+43 664 #######", "+43 1 ### ## ##"], "de"),
    C("CH", "CHE", "Switzerland", "瑞士", "Swiss", "de_CH", ["LDDDDDDD"], "41",
      ["079 ### ## ##", "044 ### ## ##"], ["+41 79 ### ## ##", "+41 44 ### ## ##"], "de"),
    C("FR", "FRA", "France", "法国", "French", "fr_FR", ["DDLLDDDDD"], "33",
      ["06 ## ## ## ##", "01 ## ## ## ##", "07.##.##.##.##"], ["+33 6 ## ## ## ##", "+33 (0)1 ## ## ## ##"], "fr"),
    C("BE", "BEL", "Belgium", "比利时", "Belgian", "nl_BE", ["LLDDDDDD"], "32",
      ["04## ## ## ##", "02 ### ## ##"], ["+32 4## ## ## ##", "+32 2 ### ## ##"], "be"),
    C("ES", "ESP", "Spain", "西班牙", "Spanish", "es_ES", ["LLLDDDDDD"], "34",
      ["6## ### ###", "91# ## ## ##"], ["+34 6## ### ###", "+34 91# ## ## ##"], "es"),
    C("IT", "ITA", "Italy", "意大利", "Italian", "it_IT", ["LLDDDDDDD"], "39",
      ["3## ### ####", "06 #### ####"], ["+39 3## ### ####", "+39 06 #### ####"], "it"),
    C("PT", "PRT", "Portugal", "葡萄牙", "Portuguese", "pt_PT", ["LDDDDDD"], "351",
      ["9## ### ###", "21# ### ###"], ["+351 9## ### ###", "+351 21# ### ###"], "pt"),
    C("NL", "NLD", "Netherlands", "荷兰", "Dutch", "nl_NL", ["LLAAAAAAD"], "31",
      ["06 ########", "06-########", "020 ### ####"], ["+31 6 ########", "+31 (0)20 ### ####"], "nl"),
    C("SE", "SWE", "Sweden", "瑞典", "Swedish", "sv_SE", ["DDDDDDDD"], "46",
      ["07#-### ## ##", "08-### ### ##"], ["+46 7# ### ## ##", "+46 8 ### ### ##"], "nordic"),
    C("DK", "DNK", "Denmark", "丹麦", "Danish", "da_DK", ["DDDDDDDDD"], "45",
      ["## ## ## ##"], ["+45 ## ## ## ##"], "nordic"),
    C("NO", "NOR", "Norway", "挪威", "Norwegian", "no_NO", ["LLDDDDDDD"], "47",
      ["### ## ###", "4## ## ###"], ["+47 ### ## ###"], "nordic"),
    C("FI", "FIN", "Finland", "芬兰", "Finnish", "fi_FI", ["LLDDDDDDD"], "358",
      ["04# ### ####", "09 ### ####"], ["+358 4# ### ####"], "nordic"),
    C("PL", "POL", "Poland", "波兰", "Polish", "pl_PL", ["LLDDDDDDD"], "48",
      ["### ### ###", "22 ### ## ##"], ["+48 ### ### ###"], "pl"),
    C("CN", "CHN", "China", "中国", "Chinese", "zh_CN", ["EDDDDDDDD", "ELDDDDDDD", "GDDDDDDDD"], "86",
      ["1N# #### ####", "1N#-####-####", "1N#########", "010-########", "0755-########"],
      ["+86 1N# #### ####", "86-1N#########", "+86-10-########"], "cn"),
    C("TW", "TWN", "Taiwan", "台湾", "Taiwanese", "zh_TW", ["3DDDDDDDD"], "886",
      ["09##-###-###", "(02) ####-####", "09## ### ###"], ["+886 9## ### ###", "+886-2-####-####"], "tw"),
    C("HK", "HKG", "Hong Kong", "香港", "Hong Konger", "en_US", ["KDDDDDDDD", "HDDDDDDDD"], "852",
      ["9### ####", "6### ####", "2### ####"], ["+852 9### ####", "+852 2### ####"], "hk"),
    C("JP", "JPN", "Japan", "日本", "Japanese", "ja_JP", ["LLDDDDDDD"], "81",
      ["090-####-####", "080-####-####", "03-####-####"], ["+81 90-####-####", "+81 3-####-####"], "jp"),
    C("KR", "KOR", "South Korea", "韩国", "Korean", "ko_KR", ["MDDDDDDDD", "MDDDLDDDD"], "82",
      ["010-####-####", "02-###-####"], ["+82 10-####-####", "+82 2-###-####"], "kr"),
    C("IN", "IND", "India", "印度", "Indian", "en_IN", ["LDDDDDDD"], "91",
      ["9#### #####", "098## #####", "011 ####-####"], ["+91 9#### #####", "+91-98########"], "in"),
    C("PK", "PAK", "Pakistan", "巴基斯坦", "Pakistani", "en_PK", ["LLDDDDDDD"], "92",
      ["03##-#######", "051 #######"], ["+92 3## #######", "+92-3##-#######"], "pk"),
    C("SG", "SGP", "Singapore", "新加坡", "Singaporean", "en_US", ["EDDDDDDDL", "KDDDDDDDL"], "65",
      ["9### ####", "8### ####", "6### ####"], ["+65 9### ####", "+65 6### ####"], "sg"),
    C("MY", "MYS", "Malaysia", "马来西亚", "Malaysian", "en_US", ["ADDDDDDDD"], "60",
      ["01#-### ####", "03-#### ####"], ["+60 1#-### ####", "+60 3-#### ####"], "my"),
    C("TH", "THA", "Thailand", "泰国", "Thai", "en_TH", ["LLDDDDDDD"], "66",
      ["08#-###-####", "02-###-####"], ["+66 8# ### ####", "+66 2 ### ####"], "th"),
    C("PH", "PHL", "Philippines", "菲律宾", "Filipino", "en_PH", ["PDDDDDDDL"], "63",
      ["09## ### ####", "(02) #### ####"], ["+63 9## ### ####", "+63 2 #### ####"], "ph"),
    C("ID", "IDN", "Indonesia", "印度尼西亚", "Indonesian", "id_ID", ["LDDDDDDD"], "62",
      ["08##-####-####", "(021) ####-####"], ["+62 8##-####-####", "+62 21 ####-####"], "id"),
    C("VN", "VNM", "Vietnam", "越南", "Vietnamese", "vi_VN", ["LDDDDDDD"], "84",
      ["09# ### ## ##", "028 #### ####"], ["+84 9# ### ## ##", "+84 28 #### ####"], "vn"),
    C("BR", "BRA", "Brazil", "巴西", "Brazilian", "pt_BR", ["LLDDDDDD"], "55",
      ["(11) 9####-####", "(21) ####-####"], ["+55 11 9####-####", "+55 21 ####-####"], "br"),
    C("MX", "MEX", "Mexico", "墨西哥", "Mexican", "es_MX", ["LDDDDDDDD"], "52",
      ["55 #### ####", "33 #### ####"], ["+52 55 #### ####", "+52 1 55 #### ####"], "mx"),
    C("ZA", "ZAF", "South Africa", "南非", "South African", "zu_ZA", ["LDDDDDDDD"], "27",
      ["08# ### ####", "011 ### ####"], ["+27 8# ### ####", "+27 11 ### ####"], "za"),
    C("NG", "NGA", "Nigeria", "尼日利亚", "Nigerian", "en_NG", ["LDDDDDDDD"], "234",
      ["080# ### ####", "070# ### ####"], ["+234 80# ### ####", "+234 70# ### ####"], "ng"),
    C("KE", "KEN", "Kenya", "肯尼亚", "Kenyan", "en_KE", ["LLDDDDDDD"], "254",
      ["07## ######", "020 #######"], ["+254 7## ######", "+254 20 #######"], "ke"),
    C("TR", "TUR", "Turkey", "土耳其", "Turkish", "tr_TR", ["LDDDDDDDD"], "90",
      ["05## ### ## ##", "0212 ### ## ##"], ["+90 5## ### ## ##", "+90 212 ### ## ##"], "tr"),
    C("AE", "ARE", "United Arab Emirates", "阿联酋", "Emirati", "en_US", ["LDDDDDDDD"], "971",
      ["05# ### ####", "04 ### ####"], ["+971 5# ### ####", "+971 4 ### ####"], "ae"),
    C("RU", "RUS", "Russia", "俄罗斯", "Russian", "en_US", ["DD DDDDDDD", "DDDDDDDDD"], "7",
      ["8 (9##) ###-##-##", "8 (495) ###-##-##"], ["+7 9## ###-##-##", "+7 (495) ###-##-##"], "ru"),
    C("TD", "TCD", "Chad", "乍得", "Chadian", "fr_FR", ["LLDDDDDDD"], "235",
      ["6# ## ## ##", "22 ## ## ##"], ["+235 6# ## ## ##", "+235 22 ## ## ##"], "td"),
    C("JO", "JOR", "Jordan", "约旦", "Jordanian", "en_US", ["LDDDDDDD"], "962",
      ["07# ### ####", "06 ### ####"], ["+962 7# ### ####", "+962 6 ### ####"], "ae"),
    C("MA", "MAR", "Morocco", "摩洛哥", "Moroccan", "fr_FR", ["LLDDDDDDD"], "212",
      ["06## ## ## ##", "05 22 ## ## ##"], ["+212 6## ## ## ##", "+212 5 22 ## ## ##"], "fr"),
]
BY_CODE = {c.code: c for c in COUNTRIES}
CAPITALS = {"US": "Washington", "CA": "Ottawa", "GB": "London", "IE": "Dublin", "AU": "Canberra",
            "NZ": "Wellington", "DE": "Berlin", "AT": "Vienna", "CH": "Bern", "FR": "Paris", "BE": "Brussels",
            "ES": "Madrid", "IT": "Rome", "PT": "Lisbon", "NL": "Amsterdam", "SE": "Stockholm",
            "DK": "Copenhagen", "NO": "Oslo", "FI": "Helsinki", "PL": "Warsaw", "CN": "Beijing", "TW": "Taipei",
            "HK": "Hong Kong", "JP": "Tokyo", "KR": "Seoul", "IN": "New Delhi", "PK": "Islamabad",
            "SG": "Singapore", "MY": "Kuala Lumpur", "TH": "Bangkok", "PH": "Manila", "ID": "Jakarta",
            "VN": "Hanoi", "BR": "Brasília", "MX": "Mexico City", "ZA": "Pretoria", "NG": "Abuja",
            "KE": "Nairobi", "TR": "Ankara", "AE": "Abu Dhabi", "RU": "Moscow", "TD": "N'Djamena",
            "JO": "Amman", "MA": "Rabat"}

