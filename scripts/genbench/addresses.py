"""Street addresses per country, as lines.

`address(rng, fake, country)` returns (lines, parts, style): the address's lines (written on one
line joined by ", " or over several lines), and its scorer `parts` -- the street/house line,
the dwelling-unit line and fine-grained postcodes -- which must all disappear.
Street and city names come from Faker's locale where it has one, else from small lists here
(test values only).
"""
from __future__ import annotations

PINYIN_ROADS = ["Renmin", "Jiefang", "Zhongshan", "Jianguo", "Heping", "Xinhua", "Changjiang", "Huaihai",
                "Dongfeng", "Yan'an", "Beijing", "Furong", "Xueyuan", "Wenhua", "Guangming", "Binhe"]
PINYIN_ESTATES = ["Jinxiu Garden", "Lijing Court", "Yuhua Residence", "Tianyi Apartments", "Hengda Mansion",
                  "Lvdi Garden", "Xinghe Estate", "Wanke City Garden", "Baoli Huayuan", "Haiyue Court"]
CN_CITIES = [("北京市", "Beijing", ["朝阳区", "海淀区", "东城区", "丰台区"]),
             ("上海市", "Shanghai", ["浦东新区", "徐汇区", "静安区", "长宁区"]),
             ("广东省广州市", "Guangzhou", ["天河区", "越秀区", "海珠区"]),
             ("广东省深圳市", "Shenzhen", ["南山区", "福田区", "罗湖区"]),
             ("浙江省杭州市", "Hangzhou", ["西湖区", "上城区", "滨江区"]),
             ("四川省成都市", "Chengdu", ["锦江区", "武侯区", "青羊区"]),
             ("湖北省武汉市", "Wuhan", ["江汉区", "武昌区", "洪山区"]),
             ("江苏省南京市", "Nanjing", ["鼓楼区", "玄武区", "建邺区"]),
             ("陕西省西安市", "Xi'an", ["雁塔区", "碑林区", "未央区"])]
CN_ESTATES = ["锦绣花园", "丽景苑", "阳光新城", "金色家园", "翠湖山庄", "万科城", "保利花园", "星河湾", "滨江名苑",
              "SOHO现代城", "碧桂园", "龙湖天街"]
TW_CITIES = [("臺北市", "Taipei", "大安區", "Da'an", "106"), ("臺北市", "Taipei", "信義區", "Xinyi", "110"),
             ("新北市", "New Taipei", "板橋區", "Banqiao", "220"), ("臺中市", "Taichung", "西屯區", "Xitun", "407"),
             ("高雄市", "Kaohsiung", "苓雅區", "Lingya", "802")]
TW_ROADS = [("和平東路", "Heping E."), ("忠孝東路", "Zhongxiao E."), ("復興南路", "Fuxing S."),
            ("中山北路", "Zhongshan N."), ("民生西路", "Minsheng W."), ("文心路", "Wenxin")]
JP_PLACES = [("東京都", "千代田区", "Chiyoda-ku", "Tokyo", "丸の内", "Marunouchi"),
             ("東京都", "新宿区", "Shinjuku-ku", "Tokyo", "西新宿", "Nishi-Shinjuku"),
             ("大阪府", "大阪市北区", "Kita-ku", "Osaka", "梅田", "Umeda"),
             ("神奈川県", "横浜市中区", "Naka-ku", "Yokohama", "山下町", "Yamashita-cho"),
             ("京都府", "京都市左京区", "Sakyo-ku", "Kyoto", "下鴨", "Shimogamo")]
JP_MANSIONS = [("グランドメゾン", "Grand Maison"), ("パークハイツ", "Park Heights"), ("サンライズ", "Sunrise Court")]
KR_ROADS = ["Banpo-daero", "Teheran-ro", "Sejong-daero", "Hangang-daero", "Olympic-ro", "Dosan-daero"]
KR_GU = ["Seocho-gu", "Gangnam-gu", "Mapo-gu", "Jongno-gu", "Songpa-gu"]
HK_ROADS = ["Nathan Road", "Queen's Road East", "King's Road", "Hennessy Road", "Castle Peak Road"]
HK_AREAS = ["Mong Kok, Kowloon", "Wan Chai, Hong Kong", "North Point, Hong Kong", "Tsuen Wan, New Territories"]
GENERIC_STREETS = {
    "sg": ["Ang Mo Kio Avenue 3", "Tampines Street 21", "Bedok North Road", "Jurong West Street 52"],
    "my": ["Jalan Ampang", "Jalan Bukit Bintang", "Jalan Tun Razak", "Jalan Sultan Ismail"],
    "th": ["Sukhumvit", "Ratchadaphisek", "Phahonyothin", "Silom"],
    "ph": ["Rizal Street", "Mabini Street", "Bonifacio Avenue", "Del Pilar Street"],
    "vn": ["Nguyen Trai", "Le Loi", "Tran Hung Dao", "Hai Ba Trung"],
    "ae": ["Al Barsha 2", "Jumeirah 1", "Al Nahda 1", "Mirdif"],
    "ru": ["Tverskaya", "Arbat", "Lenina", "Sadovaya"],
    "td": ["Moursal", "Chagoua", "Sabangali", "Farcha"],
    "pk": ["F-7/2", "G-9/4", "Gulberg III", "DHA Phase 5"],
}


def _n(rng, a, b):
    return str(rng.randint(a, b))


def _street(fake, rng, style):
    try:
        return fake.street_name()
    except AttributeError:
        return rng.choice(GENERIC_STREETS.get(style, ["Main Road"]))


def address(rng, fake, country, lang="en"):
    """(lines, parts, style) for a home address in `country`; `lang` 'zh' asks for the local
    script where the country has one (CN, TW, JP)."""
    st = country.addr
    f = fake
    if st == "us":
        l1 = f"{_n(rng, 1, 9999)} {f.street_name()}" + (rng.choice(["", f" Apt {_n(rng, 1, 40)}", f" Unit {_n(rng, 1, 20)}"]))
        return [l1, f"{f.city()}, {f.state_abbr()} {f.zipcode()}"], [l1], "us"
    if st == "ca":
        pc = f.postcode().replace(" ", "")
        pc = pc[:3] + " " + pc[3:]
        l1 = f"{_n(rng, 1, 9999)} {f.street_name()}"
        return [l1, f"{f.city()}, {f.province_abbr()} {pc}"], [l1, pc], "ca"
    if st == "gb":
        l1 = f"{_n(rng, 1, 250)} {f.street_name()}"
        pc = f.postcode()
        lines = [l1, f.city(), pc]
        parts = [l1, pc]
        if rng.random() < 0.3:
            flat = f"Flat {_n(rng, 1, 30)}"
            lines.insert(0, flat)
        return lines, parts, "gb"
    if st == "ie":
        l1 = f"{_n(rng, 1, 200)} {f.street_name()}"
        pc = f"{rng.choice('ADEFHKNPRTVWXY')}{rng.randint(1, 99):02d} " + "".join(
            rng.choice("ACDEFHKNPRTVWXY0123456789") for _ in range(4))  # Eircode
        town = rng.choice([f"Dublin {_n(rng, 1, 24)}", f.city(), "Co. Cork", "Galway"])
        return [l1, town, pc], [l1, pc], "ie"
    if st == "au":
        l1 = f"{_n(rng, 1, 400)} {f.street_name()}"
        return [l1, f"{f.city()} {f.state_abbr()} {f.postcode()}"], [l1], "au"
    if st == "nz":
        l1 = f"{_n(rng, 1, 400)} {f.street_name()}"
        return [l1, f.city(), f"{rng.choice(['Auckland', 'Wellington', 'Christchurch', 'Hamilton'])} {f.postcode()}"], [l1], "nz"
    if st == "de":
        l1 = f"{f.street_name()} {_n(rng, 1, 180)}" + rng.choice(["", "a", "b"])
        return [l1, f"{f.postcode()} {f.city()}"], [l1], "de"
    if st == "fr":
        l1 = f"{_n(rng, 1, 150)} {f.street_name()}"
        lines = [l1, f"{f.postcode()} {f.city().upper()}"]
        parts = [l1]
        if rng.random() < 0.35:
            unit = f"Bât. {rng.choice('ABCD')}, appt {_n(rng, 1, 60)}"
            lines.insert(0, unit)
            parts.append(unit)
        return lines, parts, "fr"
    if st == "be":
        l1 = f"{f.street_name()} {_n(rng, 1, 200)}"
        return [l1, f"{f.postcode()} {f.city()}"], [l1], "be"
    if st == "es":
        l1 = f"{f.street_name()} {_n(rng, 1, 150)}"
        full = l1 + f", {_n(rng, 1, 9)}º {rng.choice('ABCD')}"
        return [full, f"{f.postcode()} {f.city()}"], [l1], "es"
    if st == "it":
        l1 = f"{f.street_name()} {_n(rng, 1, 150)}"
        return [l1, f"{f.postcode()} {f.city()} ({rng.choice(['RM', 'MI', 'TO', 'NA', 'FI'])})"], [l1], "it"
    if st == "pt":
        l1 = f"{f.street_name()}, {_n(rng, 1, 200)}"
        return [l1 + f", {_n(rng, 1, 8)}º {rng.choice(['Esq.', 'Dto.'])}", f"{f.postcode()} {f.city()}"], [l1], "pt"
    if st == "nl":
        l1 = f"{f.street_name()} {_n(rng, 1, 300)}"
        pc = f.postcode().replace(" ", "")
        return [l1, f"{pc[:4]} {pc[4:]} {f.city()}"], [l1], "nl"
    if st == "nordic":
        l1 = f"{f.street_name()} {_n(rng, 1, 120)}"
        pc = f.postcode()
        if country.code == "SE" and len(pc) == 5:
            pc = pc[:3] + " " + pc[3:]
        return [l1, f"{pc} {f.city()}"], [l1], "nordic"
    if st == "pl":
        l1 = f"ul. {f.street_name()} {_n(rng, 1, 120)}/{_n(rng, 1, 60)}"
        return [l1, f"{f.postcode()} {f.city()}"], [l1], "pl"
    if st == "cn":
        prov, city_en, districts = rng.choice(CN_CITIES)
        dist = rng.choice(districts)
        b, u, r = _n(rng, 1, 35), _n(rng, 1, 6), f"{rng.randint(1, 32)}{rng.randint(1, 4):02d}"
        if lang == "zh":
            road = f.street_name()
            street = f"{road}{_n(rng, 1, 999)}号"
            estate = rng.choice(CN_ESTATES)
            unit = rng.choice([f"{estate}{b}栋{u}单元{r}室", f"{estate}{b}号楼{r}", f"{estate}{b}-{u}-{r}"])
            return [f"{prov}{dist}{street}{unit}"], [street, unit], "cn:zh"
        road = f"No. {_n(rng, 1, 999)} {rng.choice(PINYIN_ROADS)} {rng.choice(['Road', 'Street', 'Avenue'])}"
        unit = f"Room {r}, Building {b}, {rng.choice(PINYIN_ESTATES)}"
        return [f"{unit}, {road}", city_en], [unit, road], "cn:en"
    if st == "tw":
        city, city_en, dist, dist_en, zc = rng.choice(TW_CITIES)
        road, road_en = rng.choice(TW_ROADS)
        sec, lane, no, fl = _n(rng, 1, 4), _n(rng, 2, 300), _n(rng, 1, 120), _n(rng, 2, 15)
        if lang == "zh":
            street = f"{road}{sec}段{lane}巷{no}號{fl}樓"
            return [f"{zc}{city}{dist}{street}"], [street], "tw:zh"
        l1 = f"{fl}F., No. {no}, Ln. {lane}, Sec. {sec}, {road_en} Rd."
        return [l1, f"{dist_en} Dist., {city_en} City {zc}"], [l1], "tw:en"
    if st == "hk":
        flat = f"Flat {_n(rng, 1, 40)}{rng.choice('ABCDEFGH')}, {_n(rng, 2, 40)}/F, Block {_n(rng, 1, 8)}"
        road = f"{_n(rng, 1, 600)} {rng.choice(HK_ROADS)}"
        return [flat, road, rng.choice(HK_AREAS)], [flat, road], "hk"
    if st == "jp":
        pref, city, ward_en, city_en, town, town_en = rng.choice(JP_PLACES)
        c, b_, g = _n(rng, 1, 5), _n(rng, 1, 20), _n(rng, 1, 30)
        zc = f"{_n(rng, 100, 999)}-{rng.randint(0, 9999):04d}"
        mansion, mansion_en = rng.choice(JP_MANSIONS)
        room = f"{rng.randint(1, 12)}{rng.randint(1, 9):02d}"
        if lang == "zh":
            street = f"{pref}{city}{town}{c}丁目{b_}番{g}号"
            unit = f"{mansion}{room}号室"
            return [f"〒{zc}", street, unit], [street, unit], "jp:ja"
        street = f"{c}-{b_}-{g} {town_en}"
        unit = f"{mansion_en} {room}"
        return [unit, street, f"{ward_en}, {city_en} {zc}"], [unit, street], "jp:en"
    if st == "kr":
        l1 = f"{_n(rng, 101, 120)}-{_n(rng, 101, 2504)}, {_n(rng, 1, 300)} {rng.choice(KR_ROADS)}"
        return [l1, f"{rng.choice(KR_GU)}, Seoul {rng.randint(1000, 9999):05d}"], [l1], "kr"
    if st == "in":
        house = f"H.No. {_n(rng, 1, 999)}" if rng.random() < 0.5 else f"Flat {_n(rng, 101, 905)}, {f.last_name()} Apartments"
        street = f.street_name()
        return [house, street, f"{f.city()} - {f.postcode()}"], [house, street], "in"
    if st == "pk":
        l1 = f"House No. {_n(rng, 1, 999)}, Street {_n(rng, 1, 90)}"
        return [l1, rng.choice(GENERIC_STREETS["pk"]), rng.choice(["Islamabad", "Lahore", "Karachi"])], [l1], "pk"
    if st == "sg":
        pc = f"{rng.randint(100000, 829999)}"
        l1 = f"Blk {_n(rng, 1, 999)} {rng.choice(GENERIC_STREETS['sg'])} #{_n(rng, 2, 25)}-{_n(rng, 10, 999)}"
        return [l1, f"Singapore {pc}"], [l1, pc], "sg"
    if st == "my":
        l1 = f"No. {_n(rng, 1, 300)}, {rng.choice(GENERIC_STREETS['my'])}"
        return [l1, f"{rng.randint(10000, 99999)} Kuala Lumpur"], [l1], "my"
    if st == "th":
        l1 = f"{_n(rng, 1, 300)}/{_n(rng, 1, 99)} Soi {_n(rng, 1, 71)}, {rng.choice(GENERIC_STREETS['th'])} Road"
        return [l1, f"Khlong Toei, Bangkok {rng.randint(10100, 10900)}"], [l1], "th"
    if st == "ph":
        l1 = f"{_n(rng, 1, 999)} {rng.choice(GENERIC_STREETS['ph'])}, Brgy. {_n(rng, 1, 200)}"
        return [l1, f"{rng.choice(['Quezon City', 'Makati', 'Pasig'])} {rng.randint(1000, 1800)}"], [l1], "ph"
    if st == "id":
        l1 = f"{f.street_name()} No. {_n(rng, 1, 200)}"
        return [l1, f"{f.city()} {f.postcode()}"], [l1], "id"
    if st == "vn":
        l1 = f"{_n(rng, 1, 300)} {rng.choice(GENERIC_STREETS['vn'])}, Phuong {_n(rng, 1, 15)}"
        return [l1, f"Quan {_n(rng, 1, 12)}, {rng.choice(['Ho Chi Minh City', 'Hanoi', 'Da Nang'])}"], [l1], "vn"
    if st == "br":
        l1 = f"{f.street_name()}, {_n(rng, 1, 2000)}"
        return [l1 + f", Apto {_n(rng, 11, 180)}", f"{rng.randint(10000, 99999)}-{rng.randint(0, 999):03d} {f.city()} - {rng.choice(['SP', 'RJ', 'MG'])}"], [l1], "br"
    if st == "mx":
        l1 = f"{f.street_name()} {_n(rng, 1, 999)}"
        return [l1 + f", Col. {f.city()}", f"{rng.randint(1000, 99999):05d} Ciudad de México, CDMX"], [l1], "mx"
    if st in ("za", "ng", "ke"):
        l1 = f"{_n(rng, 1, 300)} {f.street_name()}"
        city = {"za": "Johannesburg", "ng": "Lagos", "ke": "Nairobi"}[st]
        return [l1, f.city(), f"{city} {f.postcode()}"], [l1], st
    if st == "tr":
        l1 = f"{f.street_name()} Cd. No: {_n(rng, 1, 200)} D: {_n(rng, 1, 30)}"
        return [l1, f"{rng.randint(34000, 34990)} Kadıköy/İstanbul"], [l1], "tr"
    if st == "ae":
        l1 = f"Villa {_n(rng, 1, 99)}, Street {_n(rng, 1, 40)}, {rng.choice(GENERIC_STREETS['ae'])}"
        return [l1, "Amman" if country.code == "JO" else "Dubai"], [l1], "ae"
    if st == "ru":
        l1 = f"ul. {rng.choice(GENERIC_STREETS['ru'])}, d. {_n(rng, 1, 120)}, kv. {_n(rng, 1, 300)}"
        return [l1, f"Moscow {rng.randint(101000, 129999)}"], [l1], "ru"
    if st == "td":
        l1 = f"Quartier {rng.choice(GENERIC_STREETS['td'])}, Rue {_n(rng, 1000, 9999)}, Porte {_n(rng, 1, 200)}"
        return [l1, "N'Djamena"], [l1], "td"
    raise ValueError(st)


def render(lines, multiline):
    return ("\n" if multiline else ", ").join(lines)


MULTILINE_STYLES = {"gb", "ie", "in", "fr", "de", "jp:ja", "jp:en", "tw:en", "hk", "nz", "za", "ng", "ke", "td",
                    "nl", "pk", "br"}
