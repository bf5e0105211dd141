#!/usr/bin/env python3
"""Throughput and memory benchmark for `redact` (Python 3.7+, standard library only).

1. Generates a deterministic mixed English/Chinese corpus (default 8 MB, `--mb N`) into
   `.build/bench/corpus`: ~1 MB prose files in both languages with personal data embedded at
   about one item per 300 bytes among many dates and numbers that are *not* personal data,
   CSV rosters (every other registry file UTF-8 BOM + CRLF, like an Excel export) and JSON
   Lines exports (rosters and exports are denser: one item per 30-60 bytes).
   Same flags -> byte-identical files; the corpus SHA-256 is printed. All values are fake
   (NANP 555-01xx, UK drama ranges, example.* e-mail domains, ...).
2. Runs, `--repeat` times each (default 3):
       redact scan CORPUS --format jsonl                      (stdout -> /dev/null)
       redact run  CORPUS --out OUT --audit TMP.sqlite --key-file TMP.key
   measuring wall time and the peak RSS of each child separately (os.wait4 in a small
   launcher process, see LAUNCHER), and prints
   best / median seconds, MB/s (10^6 bytes of input per second) and peak RSS.
   Exit status 0 or 1 of `redact` is success; anything else is an error and this script
   then exits 1.

    python3 scripts/bench.py                      # generate + benchmark .build/release/redact
    python3 scripts/bench.py --generate-only --mb 32
    python3 scripts/bench.py --redact .build/debug/redact --repeat 5 --json .build/bench/last.json
"""

import argparse
import csv
import hashlib
import io
import json
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

SEED = 2026
GENERATOR_VERSION = 1
MB = 1000 * 1000

# --------------------------------------------------------------------------------------
# Vocabulary (all invented or generic)
# --------------------------------------------------------------------------------------

GIVEN = ["Emily", "Daniel", "Charlotte", "Jonas", "Camille", "Haruto", "Sofia", "Liam", "Priya",
         "Michael", "Fiona", "Lukas", "Chloé", "Kenji", "Erik", "Grace", "Oliver", "Hannah",
         "James", "Isabelle", "Yuki", "Rebecca", "Matteo", "Astrid", "Marc", "Jessica", "Thomas",
         "Léa", "Karin", "Sophie", "Gareth", "Julien", "Ben", "Oskar", "Isla", "Étienne", "Lena",
         "Manon", "Hugo", "Olivia", "Ryan", "Rachel", "Henrik", "Katrin", "Naoki", "Brian",
         "Margaret", "Anders", "Aoife", "Siobhan", "Mateus", "Ingrid", "Tobias", "Noor", "Zoë"]
SURNAME = ["Tremblay", "Adebayo", "Whitfield", "Weber", "Laurent", "Sato", "Bergström",
           "O'Connor", "Venkatesan", "Brennan", "MacLeod", "Hoffmann", "Martin", "Watanabe",
           "Johansson", "Nguyen", "Grant", "Schäfer", "Whitaker", "Roy", "Tanaka", "Stein",
           "Rossi", "Nilsson", "Miller", "Harris", "Müller", "Dubois", "Wilson", "Andersson",
           "Leblanc", "Evans", "Klein", "Moreau", "Taylor", "Garcia", "Campbell", "Becker",
           "Petit", "Kelly", "Berg", "Robinson", "Morris", "Wagner", "Girard", "Brown", "Greene",
           "Sjöberg", "Vogel", "Yamamoto", "Kowalczyk", "Holm", "Fitzgerald", "Lindahl", "Okoro"]
CN_SURNAME = "王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
CN_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉建文红志海晓云峰宇浩凯鑫婷雪琳欣然思源子涵梓轩一诺雨桐嘉怡俊熙"
PINYIN = {"王": "Wang", "李": "Li", "张": "Zhang", "刘": "Liu", "陈": "Chen", "杨": "Yang",
          "黄": "Huang", "赵": "Zhao", "周": "Zhou", "吴": "Wu", "徐": "Xu", "孙": "Sun"}
PINYIN_GIVEN = ["Haiyang", "Xiaowen", "Jianhua", "Min", "Lihua", "Zhiqiang", "Yuting", "Wenjie",
                "Xinyi", "Junhao", "Meiling", "Guoqiang"]

COUNTRIES = [  # code, English, Chinese, cities
    ("CA", "Canada", "加拿大", ["Vancouver", "Toronto", "Montreal", "Ottawa", "Calgary"]),
    ("US", "United States", "美国", ["Houston", "Boston", "San Jose", "New York", "Seattle"]),
    ("GB", "United Kingdom", "英国", ["London", "Edinburgh", "Manchester", "Leeds", "Bristol"]),
    ("DE", "Germany", "德国", ["Berlin", "Munich", "Hamburg", "Cologne"]),
    ("FR", "France", "法国", ["Paris", "Lyon", "Bordeaux", "Toulouse"]),
    ("AU", "Australia", "澳大利亚", ["Sydney", "Melbourne", "Brisbane", "Perth"]),
    ("JP", "Japan", "日本", ["Tokyo", "Osaka", "Yokohama", "Kyoto"]),
    ("SE", "Sweden", "瑞典", ["Stockholm", "Gothenburg", "Malmö", "Uppsala"]),
]
JOBS = [("教授", "Professor"), ("研究员", "Researcher"), ("工程师", "Engineer"),
        ("投资经理", "Investment manager"), ("医生", "Physician"), ("律师", "Lawyer"),
        ("首席执行官", "CEO"), ("建筑师", "Architect"), ("顾问", "Consultant"),
        ("设计师", "Designer"), ("讲师", "Lecturer"), ("创始人", "Founder")]
FIELDS = [("人工智能", "AI"), ("生物医药", "Biomedicine"), ("半导体", "Semiconductors"),
          ("新能源", "New energy"), ("金融科技", "Fintech"), ("材料科学", "Materials science"),
          ("海洋科学", "Marine science"), ("量子计算", "Quantum computing"), ("机器人", "Robotics")]
ORGS_EN = ["Shenzhen Municipal Foreign Affairs Office", "Municipal Public Security Bureau",
           "United Front Work Department", "Global Affairs Canada", "Ministry of Commerce",
           "Provincial Talent Office", "City Science and Technology Commission",
           "Foreign, Commonwealth and Development Office", "Exit-Entry Administration"]
ORGS_ZH = ["深圳市人民政府外事办公室", "市公安局出入境管理支队", "市委统战部", "市科技创新委员会",
           "南山区人民政府", "福田区外事办", "省人才工作领导小组办公室", "市商务局"]
OFFICIALS_EN = [("Mayor", "Tan Zhiyuan"), ("spokesperson", "Lin Xiaomei"),
                ("bureau director", "Wang Jianguo"), ("deputy director", "Chen Lihua"),
                ("minister", "Claire Dupuis"), ("Senator", "Harold Pike")]
OFFICIALS_ZH = ["局长王建国", "副局长陈丽华", "市长谭志远", "新闻发言人林晓梅", "处长何振东"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
MON_ABBR = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
            "Nov.", "Dec."]
EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "example.cn"]

CN_CITIES = [("广东省", "深圳市", ["南山区", "福田区", "罗湖区", "宝安区", "龙岗区"]),
             ("北京市", "", ["朝阳区", "海淀区", "东城区"]),
             ("上海市", "", ["浦东新区", "徐汇区", "静安区"]),
             ("湖南省", "长沙市", ["岳麓区", "芙蓉区", "天心区"]),
             ("四川省", "成都市", ["武侯区", "锦江区", "青羊区"])]
CN_ROADS = ["科苑南路", "侨香路", "沙河西路", "东门中路", "望海路", "新安六路", "福华三路", "后海大道",
            "建国路", "中山路", "人民南路", "解放大道", "滨河大道", "学府路", "湖滨路", "创业路"]
CN_ESTATES = ["海韵嘉园", "翠林苑", "锦绣山庄", "金桂华庭", "榕湖雅居", "云峰花园", "星汇公寓", "碧湖雅苑",
              "滨海云邸", "榆香花园", "荔林晓苑", "松涛苑", "海湾明苑", "桃溪居", "景榕村"]
PINYIN_ROADS = ["Keyuan South Road", "Qiaoxiang Road", "Shahe West Road", "Houhai Avenue",
                "Renmin South Road", "Binhe Avenue"]
PINYIN_ESTATES = ["Haiyun Jiayuan", "Cuilin Garden", "Jinxiu Villa", "Yuxiang Garden",
                  "Binhai Yundi"]
EN_STREETS = ["Larch Crescent", "Bellaire Court", "Wrenfield Road", "Maple Avenue",
              "Hawthorn Hill", "Glenholme Avenue", "Fernbrook Lane", "Elmstead Road",
              "Wattle Grove", "Banksia Street", "Larkfield Rise", "Orchard Close", "Cedar Drive",
              "Willow Way", "Kingfisher Lane", "Birch Terrace"]


class Gen(object):
    """Fake value generators; every method that returns personal data bumps self.pii."""

    def __init__(self, seed):
        self.r = random.Random(seed)
        self.pii = 0

    # ---- helpers
    def c(self, seq):
        return self.r.choice(seq)

    def d(self, n):
        return "".join(str(self.r.randrange(10)) for _ in range(n))

    def up(self, n, alphabet="ABCDEFGHJKLMNPRSTUVWXYZ"):
        return "".join(self.c(alphabet) for _ in range(n))

    def _pii(self, v):
        self.pii += 1
        return v

    def country(self):
        return self.c(COUNTRIES)

    # ---- names
    def name(self, style=None):
        g, s = self.c(GIVEN), self.c(SURNAME)
        style = style if style is not None else self.r.randrange(4)
        if style == 0:
            v = "%s %s" % (g, s)
        elif style == 1:
            v = "%s %s" % (s.upper(), g)
        elif style == 2:
            v = "%s, %s" % (s, g)
        else:
            v = self.cn_name()
            self.pii -= 1
        return self._pii(v)

    def cn_name(self):
        v = self.c(CN_SURNAME) + "".join(self.c(CN_GIVEN) for _ in range(self.r.choice((1, 2, 2))))
        return self._pii(v)

    def pinyin_name(self):
        v = "%s %s" % (self.c(sorted(PINYIN.values())), self.c(PINYIN_GIVEN))
        return self._pii(v)

    # ---- dates of birth (personal) and event dates (not personal)
    def _ymd(self, y0, y1):
        return self.r.randint(y0, y1), self.r.randint(1, 12), self.r.randint(1, 28)

    def fmt_date(self, y, m, d, style):
        if style == 0:
            return "%04d-%02d-%02d" % (y, m, d)
        if style == 1:
            return "%d年%d月%d日" % (y, m, d)
        if style == 2:
            return "%02d.%02d.%04d" % (d, m, y)
        if style == 3:
            return "%02d/%02d/%04d" % (d, m, y)
        if style == 4:
            return "%d %s %d" % (d, MONTHS[m - 1], y)
        if style == 5:
            return "%s %d, %d" % (MONTHS[m - 1], d, y)
        return "%s %d, %d" % (MON_ABBR[m - 1], d, y)

    def dob(self, styles=(0, 1, 2, 3, 4, 5)):
        return self._pii(self.fmt_date(*self._ymd(1950, 2003), style=self.c(styles)))

    def event_date(self, styles=(0, 1, 3, 4, 5, 6)):
        return self.fmt_date(*self._ymd(2015, 2025), style=self.c(styles))

    # ---- passports and national IDs
    def passport(self, cc=None):
        cc = cc or self.country()[0]
        r = self.r
        if cc == "CA":
            v = self.up(2) + self.d(6)
        elif cc == "US":
            v = self.d(9) if r.random() < 0.6 else self.c("AC") + self.d(8)
        elif cc == "GB":
            v = self.d(9)
        elif cc == "DE":
            v = "C" + "".join(self.c("CFGHJKLMNPRTVWXYZ0123456789") for _ in range(8))
        elif cc == "FR":
            v = self.d(2) + self.up(2) + self.d(5)
        elif cc == "AU":
            v = (self.up(1) if r.random() < 0.4 else "P" + self.up(1)) + self.d(7)
        elif cc == "JP":
            v = self.c(["TK", "TR", "MZ", "TZ", "TH"]) + self.d(7)
        elif cc == "SE":
            v = self.d(8)
        else:  # CN
            v = self.c("EG") + self.d(8)
        return self._pii(v)

    def cn_id(self):
        w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        y, m, d = self._ymd(1950, 2003)
        body = self.c(["440305", "440304", "110105", "310104", "430104", "510107"]) + \
            "%04d%02d%02d" % (y, m, d) + self.d(3)
        check = "10X98765432"[sum(int(a) * b for a, b in zip(body, w)) % 11]
        return self._pii(body + check)

    def ssn(self):  # 9xx area numbers are never issued
        return self._pii("9%s-%s-%s" % (self.d(2), self.d(2), self.d(4)))

    def nino(self):
        return self._pii("%s %s %s %s %s" % (self.c(["QQ", "AB", "JG", "NZ"]), self.d(2),
                                             self.d(2), self.d(2), self.c("ABCD")))

    # ---- phones
    def cn_mobile(self):
        p, a, b = "1" + self.c("3578") + self.d(1), "0000", self.d(4)  # 0000 block: fake
        s = self.r.randrange(6)
        v = [p + a + b, "%s-%s-%s" % (p, a, b), "%s %s %s" % (p, a, b), "+86 %s %s %s" % (p, a, b),
             "+86" + p + a + b, "(+86) %s-%s-%s" % (p, a, b)][s]
        return self._pii(v)

    def cn_landline(self):
        return self._pii(self.c(["0755-2660", "010-6552", "021-5080", "(0755) 8321 "]) + self.d(4))

    def phone(self, cc=None):
        cc = cc or self.country()[0]
        x = self.d(2)
        if cc in ("CA", "US"):
            area = self.c(["604", "416", "514", "613", "713", "617", "212", "408", "206"])
            v = self.c(["(%s) 555-01%s", "%s-555-01%s", "+1 %s 555 01%s", "%s.555.01%s",
                        "+1-%s-555-01%s", "+1 (%s) 555-01%s"]) % (area, x)
        elif cc == "GB":
            v = self.c(["07700 900%s" % self.d(3), "+44 7700 900%s" % self.d(3),
                        "020 7946 0%s" % self.d(3), "+44 161 496 0%s" % self.d(3)])
        elif cc == "AU":
            v = self.c(["0491 570 1%s" % x, "+61 491 570 1%s" % x, "(02) 5550 %s" % self.d(4)])
        elif cc == "DE":
            v = self.c(["+49 30 555%s" % self.d(4), "030 555%s" % self.d(4),
                        "+49 151 5550%s" % self.d(4)])
        elif cc == "FR":
            v = self.c(["+33 1 99 00 %s %s" % (x, self.d(2)), "01 99 00 %s %s" % (x, self.d(2))])
        elif cc == "JP":
            v = self.c(["+81 90-1234-%s" % self.d(4), "03-1234-%s" % self.d(4)])
        elif cc == "SE":
            v = self.c(["070-174 06 %s" % x, "+46 70 174 06 %s" % x])
        else:
            return self.cn_mobile()
        return self._pii(v)

    def phone_number_json(self):
        """A phone stored as a JSON number."""
        v = self.c([int("86" + "1" + self.c("3578") + self.d(1) + "0000" + self.d(4)),
                    int("1604555" + "01" + self.d(2)), int("447700900" + self.d(3))])
        self.pii += 1
        return v

    # ---- e-mail and addresses
    def email(self, name=None):
        base = self.c(GIVEN).lower() + self.c([".", "_", ""]) + self.c(SURNAME).lower()
        base = base.replace("'", "").replace(" ", "")
        base = base.translate(str.maketrans("éèöüäçë", "eeouace"))
        if self.r.random() < 0.4:
            base += self.d(2)
        return self._pii("%s@%s" % (base, self.c(EMAIL_DOMAINS)))

    def cn_address(self):
        prov, city, districts = self.c(CN_CITIES)
        r = self.r
        head = (prov if r.random() < 0.4 else "") + city + self.c(districts)
        if not city:
            head = prov + self.c(districts)
        core = "%s%d号%s" % (self.c(CN_ROADS), r.randint(1, 3999), self.c(CN_ESTATES))
        s = r.randrange(4)
        if s == 0:
            unit = "%d栋%d单元%d%02d室" % (r.randint(1, 30), r.randint(1, 6), r.randint(1, 33), r.randint(1, 8))
        elif s == 1:
            unit = "%d号楼%d%02d" % (r.randint(1, 20), r.randint(1, 33), r.randint(1, 8))
        elif s == 2:
            unit = "%d-%d-%d%02d" % (r.randint(1, 30), r.randint(1, 6), r.randint(1, 33), r.randint(1, 8))
        else:
            unit = "%s座%d%02d室" % (self.c("ABCD"), r.randint(1, 33), r.randint(1, 8))
        return self._pii(head + core + unit)

    def cn_address_en(self):
        r = self.r
        v = "Room %d%02d, Building %d, %s, No. %d %s, %s District, Shenzhen" % (
            r.randint(1, 33), r.randint(1, 8), r.randint(1, 30), self.c(PINYIN_ESTATES),
            r.randint(1, 3999), self.c(PINYIN_ROADS), self.c(["Nanshan", "Futian", "Luohu"]))
        return self._pii(v)

    def foreign_address(self, cc=None):
        cc = cc or self.country()[0]
        r = self.r
        n, st = r.randint(1, 4999), self.c(EN_STREETS)
        if cc == "US":
            v = "%d %s, %sSpringfield, IL 627%02d" % (n, st, self.c(["", "Apt %d%s, " % (r.randint(1, 12), self.c("ABCD"))]), r.randint(1, 99))
        elif cc == "CA":
            v = "%d %s, Vancouver, BC V%d%s %d%s%d" % (n, st, r.randint(1, 9), self.up(1), r.randint(1, 9), self.up(1), r.randint(1, 9))
        elif cc == "GB":
            v = "%d %s, Cambridge CB%d %d%s" % (r.randint(1, 120), st, r.randint(1, 5), r.randint(1, 9), self.up(2))
        elif cc == "AU":
            v = "Unit %d, %d %s, Marrickville NSW 22%02d" % (r.randint(1, 20), r.randint(1, 200), st, r.randint(0, 99))
        elif cc == "DE":
            v = "%s %d, 10%03d Berlin" % (self.c(["Birkenweg", "Ahornweg", "Eichenallee", "Lindenhof"]), r.randint(1, 80), r.randint(100, 999))
        elif cc == "FR":
            v = "%d rue des %s, 750%02d Paris" % (r.randint(1, 90), self.c(["Tanneurs", "Lilas", "Vignes", "Acacias"]), r.randint(1, 20))
        elif cc == "JP":
            v = "%d-%d-%d Hongo, Bunkyo-ku, Tokyo 113-00%02d" % (r.randint(1, 7), r.randint(1, 30), r.randint(1, 20), r.randint(1, 99))
        else:
            v = "%s %d, 1%02d %02d Solna" % (self.c(["Björkvägen", "Kastanjegatan", "Lindgatan"]), r.randint(1, 60), r.randint(10, 99), r.randint(10, 99))
        return self._pii(v)

    # ---- things that are NOT personal data
    def docno(self):
        return "%s〔%d〕%d号" % (self.c(["深外办", "深公出", "公出入", "市科创"]), self.r.randint(2015, 2025), self.r.randint(1, 400))

    def case_no(self):
        return "Case No. %d-%04d" % (self.r.randint(2015, 2025), self.r.randint(1, 9999))

    def amount(self):
        return self.c(["US$%d million" % self.r.randint(2, 900), "%d.%d亿元" % (self.r.randint(1, 90), self.r.randint(1, 9)),
                       "€%d,%03d" % (self.r.randint(1, 999), self.r.randint(0, 999)), "%d万元" % self.r.randint(5, 900)])

    def isbn(self):
        return "978-7-%04d-%04d-%d" % (self.r.randint(1000, 9999), self.r.randint(0, 9999), self.r.randint(0, 9))


def w(x):
    return x if isinstance(x, str) else str(x)


# --------------------------------------------------------------------------------------
# Document builders: each returns bytes of about `target` bytes
# --------------------------------------------------------------------------------------

def en_pii_sentence(g):
    cc, country, _, cities = g.country()
    k = g.r.randrange(9)
    if k == 0:
        return "The list describes %s, a %s from %s, born %s, who holds passport number %s." % (
            g.name(0), g.c(JOBS)[1].lower(), g.c(cities), g.dob(), g.passport(cc))
    if k == 1:
        return "Reached at %s, %s declined to comment on the entry." % (g.phone(cc), g.name(0))
    if k == 2:
        return "According to the file, %s lives at %s and uses the e-mail address %s." % (
            g.name(0), g.foreign_address(cc), g.email())
    if k == 3:
        return "A second entry gives the mobile number of %s as %s and a date of birth of %s." % (
            g.name(g.c([0, 1])), g.phone(cc), g.dob())
    if k == 4:
        return "The registry records passport %s for %s, a citizen of %s, registered on %s." % (
            g.passport(cc), g.name(1), country, g.event_date())
    if k == 5:
        return "%s (DOB: %s) was listed with Social Security number %s." % (g.name(0), g.dob((3, 5)), g.ssn())
    if k == 6:
        return "The landlord, %s, is listed with resident ID %s and phone %s." % (
            g.pinyin_name(), g.cn_id(), g.cn_mobile())
    if k == 7:
        return "Contact: %s, %s, tel. %s." % (g.name(2), g.email(), g.phone(cc))
    return "Her address in the file is %s; the National Insurance number given is %s." % (
        g.foreign_address("GB"), g.nino())


def en_filler_sentence(g):
    k = g.r.randrange(10)
    title, official = g.c(OFFICIALS_EN)
    if k == 0:
        return "The document, dated %s, was circulated to %d departments under reference %s." % (
            g.event_date(), g.r.randint(2, 40), g.docno())
    if k == 1:
        return "At a briefing on %s, %s %s said the office had spent %s on the programme since %d." % (
            g.event_date(), title, official, g.amount(), g.r.randint(1990, 2020))
    if k == 2:
        return "Court records in %s show a hearing set for %s at %d:%02d %s." % (
            g.case_no(), g.event_date(), g.r.randint(1, 12), g.r.choice([0, 15, 30, 45]), g.c(["AM", "PM"]))
    if k == 3:
        return "The courier slip, tracking number %s, is dated %s." % (g.d(9), g.event_date())
    if k == 4:
        return "Invoice INV-%d-%04d for %s was paid on %s." % (g.r.randint(2015, 2025), g.r.randint(1, 9999), g.amount(), g.event_date())
    if k == 5:
        return "A training manual cited in the files (ISBN %s) was published in %d." % (g.isbn(), g.r.randint(1995, 2024))
    if k == 6:
        return "The %s said in a statement on %s that it had reviewed %d files." % (g.c(ORGS_EN), g.event_date(), g.r.randint(10, 5000))
    if k == 7:
        y = g.r.randint(2010, 2020)
        return "Registrations rose %d.%d%% between %d and %d, according to figures released on %s." % (
            g.r.randint(1, 80), g.r.randint(0, 9), y, y + g.r.randint(1, 4), g.event_date())
    if k == 8:
        return "Version %d.%d.%d of the database was installed on %s; it holds %d,%03d records." % (
            g.r.randint(1, 9), g.r.randint(0, 20), g.r.randint(0, 9), g.event_date(), g.r.randint(1, 900), g.r.randint(0, 999))
    return "The meeting on %s was chaired by %s %s of the %s." % (g.event_date(), title, official, g.c(ORGS_EN))


def zh_pii_sentence(g):
    cc, _, country_zh, _ = g.country()
    k = g.r.randrange(5)
    if k == 0:
        return "%s（%s籍，%s），护照号码：%s，出生日期：%s，住址：%s，联系电话：%s，邮箱：%s。" % (
            g.name(g.c([0, 1])), country_zh, g.c("男女"), g.passport(cc), g.dob((0, 1, 2)),
            g.cn_address(), g.cn_mobile(), g.email())
    if k == 1:
        return "房东%s，身份证号：%s，手机：%s，已签署租赁登记承诺书。" % (g.cn_name(), g.cn_id(), g.cn_mobile())
    if k == 2:
        return "该人称其现住%s，工作电话%s，护照号%s。" % (g.cn_address(), g.cn_landline(), g.passport(cc))
    if k == 3:
        return "担保人%s（电话：%s）陪同%s接受询问，后者生日为%s。" % (g.cn_name(), g.cn_mobile(), g.name(1), g.dob((1, 0)))
    return "经核查，%s登记住址为%s，与实际居住地不一致，电子邮箱%s。" % (g.name(0), g.cn_address_en(), g.email())


def zh_filler_sentence(g):
    k = g.r.randrange(6)
    if k == 0:
        return "%s，%s召开专题会议，%s出席并讲话。" % (g.event_date((1,)), g.c(ORGS_ZH), g.c(OFFICIALS_ZH))
    if k == 1:
        return "根据%s文件要求，共走访%d人次，经费%s。" % (g.docno(), g.r.randint(3, 300), g.amount())
    if k == 2:
        return "拟于%d月%d日%s召开协调会，研究%d年第%s季度工作。" % (
            g.r.randint(1, 12), g.r.randint(1, 28), g.c(["上午9时", "下午3点", "14:30"]), g.r.randint(2016, 2025), g.c("一二三四"))
    if k == 3:
        return "截至%s，系统内共登记境外人员%d名，较%d年增长%d.%d%%。" % (
            g.event_date((1, 0)), g.r.randint(100, 90000), g.r.randint(2010, 2022), g.r.randint(1, 60), g.r.randint(0, 9))
    if k == 4:
        return "%s，快递单号%s，已于%s签收。" % (g.case_no(), g.d(9), g.event_date((0, 1)))
    return "本期共印%d份，报送%s，抄送%s。" % (g.r.randint(5, 60), g.c(ORGS_ZH), g.c(ORGS_ZH))


def prose(g, target, lang):
    pii_s, fill_s = (en_pii_sentence, en_filler_sentence) if lang == "en" else (zh_pii_sentence, zh_filler_sentence)
    p_pii = 0.11 if lang == "en" else 0.08
    out, size, para = [], 0, 0
    while size < target:
        para += 1
        if para % 9 == 1:
            head = ("## Section %d — files dated %s\n\n" % (para // 9 + 1, g.event_date()) if lang == "en"
                    else "%s、%s工作情况（%s）\n\n" % ("一二三四五六七八九十"[(para // 9) % 10], g.c(ORGS_ZH), g.event_date((1,))))
            out.append(head)
            size += len(head.encode("utf-8"))
        sents = [(pii_s if g.r.random() < p_pii else fill_s)(g) for _ in range(g.r.randint(3, 8))]
        text = (" " if lang == "en" else "").join(sents) + "\n\n"
        if lang == "zh" and g.r.random() < 0.5:
            text = "%d. " % para + text
        out.append(text)
        size += len(text.encode("utf-8"))
    return "".join(out).encode("utf-8")


class RowWriter(object):
    """csv.writer that keeps the UTF-8 size of what it wrote."""

    def __init__(self, lineterminator):
        self.parts, self.size, self.terminator = [], 0, lineterminator

    def writerow(self, row):
        one = io.StringIO()
        csv.writer(one, lineterminator=self.terminator).writerow(row)
        text = one.getvalue()
        self.parts.append(text)
        self.size += len(text.encode("utf-8"))

    def data(self):
        return "".join(self.parts).encode("utf-8")


def csv_talents(g, target):
    wr = RowWriter("\n")
    english = g.r.random() < 0.3
    wr.writerow(["#", "Full Name", "Country", "City", "Position", "Field", "Phone", "E-mail", "Home Address"] if english else
                ["序号 No.", "姓名 Name", "国家 Country", "城市 City", "职务 Position", "专业领域 Field",
                 "电话 Phone", "电子邮箱 E-mail", "家庭住址 Home Address"])
    i = 0
    while wr.size < target:
        i += 1
        cc, country, country_zh, cities = g.country()
        job, field = g.c(JOBS), g.c(FIELDS)
        addr = g.foreign_address(cc)
        if g.r.random() < 0.05:  # a two-line address, like a pasted postal label
            addr = addr.replace(", ", "\n", 1)
        wr.writerow([i, g.name(g.c([0, 1, 2, 3])), country if english else "%s %s" % (country_zh, country),
                     g.c(cities), job[1] if english else "%s %s" % job, field[1] if english else "%s %s" % field,
                     g.phone(cc), g.email(), addr])
    return wr.data()


def csv_registry(g, target, excel):
    wr = RowWriter("\r\n" if excel else "\n")
    wr.writerow(["序号", "姓名", "性别", "国籍", "护照号码", "出生日期", "现住址", "联系电话", "登记日期"])
    i = 0
    while wr.size < target:
        i += 1
        cc, _, country_zh, _ = g.country()
        addr = g.cn_address() if g.r.random() < 0.85 else g.cn_address_en()
        phone = g.cn_mobile() if g.r.random() < 0.8 else (g.cn_landline() if g.r.random() < 0.5 else g.phone(cc))
        wr.writerow([i, g.name(g.c([1, 1, 1, 3])), g.c("男女"), country_zh, g.passport(cc), g.dob((0, 1)),
                     addr, phone, g.event_date((0, 0, 0, 1))])
    return (b"\xef\xbb\xbf" + wr.data()) if excel else wr.data()


def jsonl_records(g, target):
    lines, size, i = [], 0, 0
    while size < target:
        i += 1
        cc, country, country_zh, cities = g.country()
        zh_keys = g.r.random() < 0.4
        rec = {"id": i} if not zh_keys else {"编号": "R-%d-%05d" % (g.r.randint(2016, 2025), g.r.randint(1, 99999))}
        rec["姓名" if zh_keys or g.r.random() < 0.5 else "name"] = g.name(g.c([0, 1, 3]))
        rec["国籍" if zh_keys else "nationality"] = country_zh if zh_keys else cc
        rec["护照号码" if zh_keys else "passport"] = g.passport(cc)
        rec["出生日期" if zh_keys else "dob"] = g.dob()
        if g.r.random() < 0.5:
            rec["住址" if zh_keys else "address"] = {"street": g.cn_address(), "country": "中国"}
        else:
            rec["住址" if zh_keys else "address"] = {"street": g.foreign_address(cc), "city": g.c(cities), "country": country}
        rec["电话" if zh_keys else "phone"] = g.phone_number_json() if g.r.random() < 0.3 else g.phone(cc)
        rec["邮箱" if zh_keys else "email"] = g.email()
        rec["录入时间" if zh_keys else "registered"] = g.event_date((0,)) + (" %02d:%02d:%02d" % (g.r.randint(0, 23), g.r.randint(0, 59), g.r.randint(0, 59)) if g.r.random() < 0.3 else "")
        if g.r.random() < 0.4:
            rec["contacts"] = [{"name": g.cn_name(), "relation": g.c(["房东", "spouse", "担保人", "colleague"]),
                                "tel": g.cn_mobile()} for _ in range(g.r.randint(1, 2))]
        if g.r.random() < 0.2:
            rec["guarantor"] = {"name": g.cn_name(), "id_card": g.cn_id()}
        rec["notes"] = g.c([None, "", "Listed as a \"key contact\" under %s." % g.docno(),
                            "%s; %s" % (g.case_no(), g.amount()), "中德创新合作论坛嘉宾，%s登记" % g.event_date((1,))])
        line = json.dumps(rec, ensure_ascii=(i % 4 == 0), separators=(", ", ": ")) + "\n"
        lines.append(line)
        size += len(line.encode("utf-8"))
    return "".join(lines).encode("utf-8")


PLAN = [  # kind, extension, target MB
    ("en-prose", "txt", 1.0), ("zh-prose", "txt", 1.0), ("talents", "csv", 0.5),
    ("registry", "csv", 0.5), ("records", "jsonl", 0.5),
]
CORPUS_FILE = re.compile(r"^\d{4}-(en-prose|zh-prose|talents|registry|records)\.(txt|csv|jsonl)$")


def generate(corpus, mb, force=False):
    if os.path.exists(corpus):
        foreign = [n for n in sorted(os.listdir(corpus)) if not CORPUS_FILE.match(n)]
        if foreign and not force:
            sys.exit("bench: %s holds files this script did not write (%s); use --force or another --corpus"
                     % (corpus, ", ".join(foreign[:3])))
        shutil.rmtree(corpus)
    os.makedirs(corpus)
    master = random.Random(SEED)
    left, idx, pii, registry_n = int(mb * MB), 0, 0, 0
    scale = min(1.0, mb / sum(t for _, _, t in PLAN))  # small corpora still get every kind of file
    files, per_kind = [], {}
    h = hashlib.sha256()  # over name, size and bytes of every file, in generation (= name) order
    t0 = time.perf_counter()
    while left > 0:
        kind, ext, tmb = PLAN[idx % len(PLAN)]
        idx += 1
        target = min(max(int(tmb * scale * MB), 1000), left)
        g = Gen(master.getrandbits(64))
        if kind == "en-prose":
            data = prose(g, target, "en")
        elif kind == "zh-prose":
            data = prose(g, target, "zh")
        elif kind == "talents":
            data = csv_talents(g, target)
        elif kind == "registry":
            registry_n += 1
            data = csv_registry(g, target, excel=(registry_n % 2 == 1))
        else:
            data = jsonl_records(g, target)
        name = "%04d-%s.%s" % (idx, kind, ext)
        with open(os.path.join(corpus, name), "wb") as f:
            f.write(data)
        h.update(name.encode("utf-8") + b"\0" + str(len(data)).encode() + b"\0" + data)
        files.append((name, len(data)))
        left -= len(data)
        pii += g.pii
        k = per_kind.setdefault(ext, [0, 0, 0])
        k[0], k[1], k[2] = k[0] + 1, k[1] + len(data), k[2] + g.pii
    nbytes = sum(n for _, n in files)
    print("corpus  %s: %d files, %.2f MB, %d PII items (1 per %d bytes), generated in %.1f s"
          % (corpus, len(files), nbytes / MB, pii, nbytes // max(pii, 1), time.perf_counter() - t0))
    print("corpus  " + "; ".join("%s: %d files %.2f MB, 1 PII item per %d bytes" % (ext, n, b / MB, b // max(p, 1))
                                 for ext, (n, b, p) in sorted(per_kind.items())))
    print("corpus  sha256 %s  (seed %d, generator v%d, --mb %g)" % (h.hexdigest(), SEED, GENERATOR_VERSION, mb))
    return nbytes, h.hexdigest()


# --------------------------------------------------------------------------------------
# Measurement
# --------------------------------------------------------------------------------------

def exit_code(status):
    if os.WIFEXITED(status):
        return os.WEXITSTATUS(status)
    if os.WIFSIGNALED(status):
        return -os.WTERMSIG(status)
    return -1000


# Why a launcher: on Linux a child's ru_maxrss starts at its *parent's* peak RSS (exec folds the
# old address space's high-water mark into it), so a redact started straight from this script
# would never report less than this script's own peak (the corpus generator included). The
# launcher is a fresh, bare interpreter (~5 MB): it forks + execs redact, reaps it with
# os.wait4 -- the rusage of that one child only -- and writes the figures to a pipe. Its own
# small footprint is the floor of the measurement and is printed as "launcher floor".
LAUNCHER = r"""
import os, sys, time
fd, argv = int(sys.argv[1]), sys.argv[2:]
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.close(fd)
    try:
        os.execv(argv[0], argv)
    except OSError as e:
        os.write(2, ("bench launcher: cannot execute %s: %s\n" % (argv[0], e)).encode())
    os._exit(127)
_, status, ru = os.wait4(pid, 0)
seconds = time.perf_counter() - t0
os.write(fd, ("%r %d %d %r %r" % (seconds, status, ru.ru_maxrss, ru.ru_utime, ru.ru_stime)).encode())
"""


def measure(argv, stderr_path, timeout):
    """Runs argv once, stdout to /dev/null.

    Returns a dict: seconds (wall time from fork to reap), rss (peak RSS bytes of that child
    alone), cpu (user + system seconds), exit (exit status, -N for signal N), timeout (bool).
    """
    rd, wr = os.pipe()
    timed_out = []
    t0 = time.perf_counter()
    with open(os.devnull, "wb") as out, open(stderr_path, "wb") as err:
        proc = subprocess.Popen([sys.executable, "-I", "-S", "-c", LAUNCHER, str(wr)] + list(argv),
                                stdout=out, stderr=err, stdin=subprocess.DEVNULL, pass_fds=(wr,),
                                start_new_session=True)
    os.close(wr)

    def kill():
        timed_out.append(True)
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # the launcher's own session: launcher + redact
        except OSError:
            pass
    timer = threading.Timer(timeout, kill) if timeout else None
    if timer:
        timer.start()
    try:
        report = b""
        while True:
            chunk = os.read(rd, 4096)
            if not chunk:
                break
            report += chunk
        proc.wait()
    finally:
        if timer:
            timer.cancel()
        os.close(rd)
    if report:
        sec, status, maxrss, ut, st = report.decode().split()
        scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
        return {"seconds": float(sec), "rss": int(maxrss) * scale, "cpu": float(ut) + float(st),
                "exit": exit_code(int(status)), "timeout": bool(timed_out)}
    # launcher killed (timeout) or broken: report what the outside saw
    return {"seconds": time.perf_counter() - t0, "rss": 0, "cpu": 0.0,
            "exit": proc.returncode if proc.returncode else -1000, "timeout": bool(timed_out)}


def count_files(root):
    return sum(len(fs) for _, _, fs in os.walk(root))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=".build/bench/corpus", help="corpus directory (regenerated each time)")
    ap.add_argument("--mb", type=float, default=8, help="corpus size in MB of 10^6 bytes (default 8)")
    ap.add_argument("--redact", default=".build/release/redact", help="binary to benchmark")
    ap.add_argument("--repeat", type=int, default=3, help="runs per command (default 3)")
    ap.add_argument("--commands", default="scan,run", help="which commands to time: scan,run")
    ap.add_argument("--generate-only", action="store_true", help="write the corpus and stop")
    ap.add_argument("--work", default=".build/bench/work", help="scratch space for outputs, audit DBs, logs")
    ap.add_argument("--key-file", help="existing key file to pass to `run` (default: a fresh path per run)")
    ap.add_argument("--timeout", type=float, default=0, help="kill a run after S seconds (0 = never)")
    ap.add_argument("--keep", action="store_true", help="keep run outputs and audit DBs under --work")
    ap.add_argument("--force", action="store_true", help="replace --corpus even if it holds other files")
    ap.add_argument("--json", help="also write the results as JSON to this path")
    a = ap.parse_args()
    if a.mb <= 0 or a.repeat < 1:
        ap.error("--mb must be > 0 and --repeat >= 1")

    binary = a.redact if os.sep in a.redact else (shutil.which(a.redact) or a.redact)
    if not a.generate_only and not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        print("bench: %s is not an executable file (build it: swift build -c release)" % a.redact, file=sys.stderr)
        return 2
    nbytes, digest = generate(a.corpus, a.mb, a.force)
    if a.generate_only:
        return 0
    commands = [c.strip() for c in a.commands.split(",") if c.strip()]
    for c in commands:
        if c not in ("scan", "run"):
            ap.error("unknown command %r" % c)

    os.makedirs(a.work, exist_ok=True)
    logs = os.path.join(a.work, "logs")
    os.makedirs(logs, exist_ok=True)
    n_in = count_files(a.corpus)
    results, failed = [], False
    true = shutil.which("true")
    floor = measure([true], os.path.join(logs, "floor.stderr"), 10)["rss"] if true else 0
    print("launcher floor: %.1f MiB (the peak RSS it reports for `true`; no figure below can be lower)"
          % (floor / 2**20))
    for cmd in commands:
        runs = []
        for i in range(1, a.repeat + 1):
            tmp = tempfile.mkdtemp(prefix="%s-%d-" % (cmd, i), dir=a.work)
            if cmd == "scan":
                argv = [binary, "scan", a.corpus, "--format", "jsonl"]
            else:
                out = os.path.join(tmp, "out")
                argv = [binary, "run", a.corpus, "--out", out, "--audit", os.path.join(tmp, "audit.sqlite"),
                        "--key-file", a.key_file or os.path.join(tmp, "redact.key")]
            err = os.path.join(logs, "%s-%d.stderr" % (cmd, i))
            m = measure(argv, err, a.timeout)
            ok = m["exit"] in (0, 1) and not m["timeout"]
            note = ""
            if cmd == "run" and ok and count_files(out) < n_in:
                note = " (only %d of %d files written)" % (count_files(out), n_in)
            print("%-5s #%d  %8.3f s  cpu %8.3f s  %9.1f MiB  exit %d%s%s" % (
                cmd, i, m["seconds"], m["cpu"], m["rss"] / 2**20, m["exit"], " TIMEOUT" if m["timeout"] else "", note))
            if not ok:
                failed = True
                tail = open(err, "rb").read()[-800:].decode("utf-8", "replace").strip()
                if tail:
                    print("      stderr: " + tail.replace("\n", "\n      "))
            runs.append({"seconds": m["seconds"], "cpu_seconds": m["cpu"], "peak_rss_bytes": m["rss"],
                         "exit": m["exit"], "timeout": m["timeout"]})
            if not a.keep:
                shutil.rmtree(tmp, ignore_errors=True)
        secs = sorted(r["seconds"] for r in runs)
        best, med = secs[0], statistics.median(secs)
        results.append({"command": cmd, "argv": " ".join(argv), "mb": nbytes / MB, "runs": runs,
                        "best_s": best, "median_s": med,
                        "best_mb_s": nbytes / MB / best, "median_mb_s": nbytes / MB / med,
                        "peak_rss_mib": max(r["peak_rss_bytes"] for r in runs) / 2**20,
                        "exit": sorted(set(r["exit"] for r in runs))})

    print()
    hdr = ("command", "MB", "runs", "best s", "median s", "MB/s best", "MB/s median", "peak RSS MiB", "exit")
    fmt = "%-8s %7s %5s %9s %9s %10s %12s %13s %6s"
    print(fmt % hdr)
    for r in results:
        print(fmt % (r["command"], "%.2f" % r["mb"], len(r["runs"]), "%.3f" % r["best_s"], "%.3f" % r["median_s"],
                     "%.2f" % r["best_mb_s"], "%.2f" % r["median_mb_s"], "%.1f" % r["peak_rss_mib"],
                     ",".join(str(c) for c in r["exit"])))
    print("\nbinary %s   corpus sha256 %s   (peak RSS = max over runs of each child's own ru_maxrss)"
          % (binary, digest))
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"binary": binary, "corpus": a.corpus, "corpus_sha256": digest, "bytes": nbytes,
                   "launcher_floor_rss_bytes": floor,
                       "seed": SEED, "generator_version": GENERATOR_VERSION, "results": results}, f, indent=2)
    if failed:
        print("bench: some runs failed (exit status other than 0/1); logs in %s" % logs, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
