"""Header and JSON-key vocabularies, per column kind and language.

Spellings are the kind real spreadsheets and exports carry: abbreviations, punctuation,
compounds, and translations (de, fr, es, it, pt, nl, zh = simplified, zht = traditional, ja).
Each spelling is assigned to dev or heldout by `split.split_of("header:<kind>", spelling)`
(JSON keys: "key:<kind>"), so the heldout split reads headers the dev split never shows.
"""
from __future__ import annotations

from split import split_of

# kind -> [(spelling, lang)]
HEADERS = {
    "seq": [("#", "en"), ("No.", "en"), ("S/N", "en"), ("Item", "en"), ("Nr.", "de"), ("N°", "fr"),
            ("Núm.", "es"), ("N.", "it"), ("Volgnr.", "nl"), ("序号", "zh"), ("编号", "zh"), ("序號", "zht"),
            ("番号", "ja"), ("Ref", "en")],
    "name": [("Full Name", "en"), ("Name", "en"), ("NAME", "en"), ("Name (as in passport)", "en"),
             ("Holder", "en"), ("Applicant", "en"), ("Person", "en"), ("Name of person", "en"),
             ("Vollständiger Name", "de"), ("Name, Vorname", "de"), ("Nom complet", "fr"),
             ("Nom et prénom", "fr"), ("Nombre completo", "es"), ("Nombre y apellidos", "es"),
             ("Nome e cognome", "it"), ("Nome completo", "pt"), ("Volledige naam", "nl"),
             ("Naam", "nl"), ("姓名", "zh"), ("人员姓名", "zh"), ("外籍人员姓名", "zh"), ("姓名（中英文）", "zh"),
             ("中文姓名", "zh"), ("姓名", "zht"), ("申請人姓名", "zht"), ("氏名", "ja"), ("お名前", "ja")],
    "surname": [("Surname", "en"), ("Last name", "en"), ("Family Name", "en"), ("LAST NAME", "en"),
                ("Surname/Family name", "en"), ("Nachname", "de"), ("Familienname", "de"), ("Nom", "fr"),
                ("Nom de famille", "fr"), ("Apellidos", "es"), ("Apellido", "es"), ("Cognome", "it"),
                ("Apelido", "pt"), ("Sobrenome", "pt"), ("Achternaam", "nl"), ("姓", "zh"), ("姓氏", "zh"),
                ("姓氏", "zht"), ("姓（ローマ字）", "ja"), ("Lname", "en")],
    "given": [("Given name(s)", "en"), ("First name", "en"), ("Forename", "en"), ("FIRST NAME", "en"),
              ("Given Names", "en"), ("Fname", "en"), ("Vorname", "de"), ("Vornamen", "de"),
              ("Prénom", "fr"), ("Prénoms", "fr"), ("Nombre", "es"), ("Nombre(s)", "es"), ("Nome", "it"),
              ("Nome próprio", "pt"), ("Voornaam", "nl"), ("Voornamen", "nl"), ("名", "zh"), ("名字", "zh"),
              ("名字", "zht"), ("名（ローマ字）", "ja")],
    "passport": [("Passport No.", "en"), ("Passport Number", "en"), ("Ppt no.", "en"), ("PPT #", "en"),
                 ("Doc #", "en"), ("Document No.", "en"), ("Travel doc. no", "en"), ("Pass. No", "en"),
                 ("Passport/ID No.", "en"), ("PP No", "en"), ("Reisepassnummer", "de"), ("Pass-Nr.", "de"),
                 ("N° de passeport", "fr"), ("Numéro de passeport", "fr"), ("Nº de pasaporte", "es"),
                 ("Número de pasaporte", "es"), ("N. passaporto", "it"), ("Numero di passaporto", "it"),
                 ("Nº do passaporte", "pt"), ("Paspoortnummer", "nl"), ("Paspoort nr.", "nl"),
                 ("护照号码", "zh"), ("护照号", "zh"), ("证件号码", "zh"), ("旅行证件号", "zh"), ("证件号", "zh"),
                 ("护照/证件号码", "zh"), ("護照號碼", "zht"), ("證件號碼", "zht"), ("旅行證件號碼", "zht"),
                 ("旅券番号", "ja"), ("パスポート番号", "ja")],
    "doctype": [("Doc type", "en"), ("Document type", "en"), ("ID type", "en"), ("Dokumentart", "de"),
                ("Type de document", "fr"), ("Tipo de documento", "es"), ("Tipo documento", "it"),
                ("Documenttype", "nl"), ("证件类型", "zh"), ("证件种类", "zh"), ("證件類型", "zht"),
                ("書類の種類", "ja")],
    "national_id": [("ID No.", "en"), ("National ID", "en"), ("ID number", "en"), ("SIN", "en"),
                    ("TFN", "en"), ("SSN", "en"), ("NI number", "en"), ("Tax ID", "en"), ("Personal No.", "en"),
                    ("Ausweisnummer", "de"), ("Steuer-ID", "de"), ("N° d'identité", "fr"), ("DNI/NIE", "es"),
                    ("Codice fiscale", "it"), ("Nº de identificação", "pt"), ("BSN", "nl"),
                    ("身份证号码", "zh"), ("公民身份号码", "zh"), ("身份证号", "zh"), ("居民身份证号", "zh"),
                    ("身份证件号码", "zh"), ("公民身份证号", "zh"), ("身分證字號", "zht"),
                    ("統一證號", "zht"), ("個人番号", "ja")],
    "dob": [("Date of Birth", "en"), ("DOB", "en"), ("D.O.B", "en"), ("D.O.B.", "en"), ("Birth date", "en"),
            ("Born", "en"), ("Birthday", "en"), ("B'day", "en"), ("Birth", "en"), ("Geburtsdatum", "de"),
            ("Geb.-Datum", "de"), ("geb.", "de"), ("Date de naissance", "fr"), ("Né(e) le", "fr"),
            ("Fecha de nacimiento", "es"), ("F. nac.", "es"), ("Data di nascita", "it"),
            ("Data de nascimento", "pt"), ("Geboortedatum", "nl"), ("出生日期", "zh"), ("出生年月", "zh"),
            ("生日", "zh"), ("出生年月日", "zht"), ("出生日期", "zht"), ("生年月日", "ja")],
    "address": [("Address", "en"), ("Home Address", "en"), ("Residential address", "en"), ("Addr.", "en"),
                ("Street address", "en"), ("Mailing address", "en"), ("Residence", "en"), ("Current address", "en"),
                ("Anschrift", "de"), ("Wohnadresse", "de"), ("Adresse", "fr"), ("Domicile", "fr"),
                ("Dirección", "es"), ("Domicilio", "es"), ("Indirizzo", "it"), ("Residenza", "it"),
                ("Morada", "pt"), ("Endereço", "pt"), ("Adres", "nl"), ("Woonadres", "nl"), ("住址", "zh"),
                ("家庭住址", "zh"), ("现住址", "zh"), ("居住地址", "zh"), ("通讯地址", "zh"), ("住址", "zht"),
                ("通訊地址", "zht"), ("住所", "ja"), ("現住所", "ja")],
    "phone": [("Phone", "en"), ("Tel.", "en"), ("Tel/Fax", "en"), ("Mobile", "en"), ("Mob.", "en"),
              ("Contact No.", "en"), ("Cell", "en"), ("Phone #", "en"), ("Telephone", "en"), ("Ph.", "en"),
              ("Telefon", "de"), ("Handy", "de"), ("Téléphone", "fr"), ("Portable", "fr"), ("Teléfono", "es"),
              ("Móvil", "es"), ("Telefono", "it"), ("Cellulare", "it"), ("Telemóvel", "pt"), ("Telefone", "pt"),
              ("Telefoonnummer", "nl"), ("Mobiel", "nl"), ("电话", "zh"), ("联系电话", "zh"), ("手机", "zh"),
              ("手机号码", "zh"), ("移动电话", "zh"), ("联系方式", "zh"), ("电话号码", "zh"),
              ("聯絡電話", "zht"), ("電話", "zht"), ("手機", "zht"), ("電話番号", "ja"),
              ("携帯電話", "ja")],
    "email": [("Email", "en"), ("E-mail", "en"), ("e-mail address", "en"), ("Mail", "en"), ("Email ID", "en"),
              ("EMAIL", "en"), ("E-Mail-Adresse", "de"), ("Courriel", "fr"), ("Adresse e-mail", "fr"),
              ("Correo electrónico", "es"), ("Correo", "es"), ("Posta elettronica", "it"),
              ("Endereço de e-mail", "pt"), ("E-mailadres", "nl"), ("电子邮箱", "zh"), ("邮箱", "zh"),
              ("电子邮件", "zh"), ("电邮", "zh"), ("邮件地址", "zh"), ("電子郵件", "zht"), ("電郵", "zht"), ("メールアドレス", "ja")],
    "sex": [("Sex", "en"), ("Gender", "en"), ("M/F", "en"), ("Geschlecht", "de"), ("Sexe", "fr"),
            ("Sexo", "es"), ("Sesso", "it"), ("Geslacht", "nl"), ("性别", "zh"), ("性別", "zht"), ("性別", "ja")],
    "job": [("Job title", "en"), ("Position", "en"), ("Occupation", "en"), ("Role", "en"), ("Beruf", "de"),
            ("Profession", "fr"), ("Cargo", "es"), ("Professione", "it"), ("Functie", "nl"), ("职务", "zh"),
            ("职业", "zh"), ("職稱", "zht"), ("職業", "ja")],
    "employer": [("Employer", "en"), ("Organisation", "en"), ("Company", "en"), ("Arbeitgeber", "de"),
                 ("Employeur", "fr"), ("Empresa", "es"), ("Datore di lavoro", "it"), ("Werkgever", "nl"),
                 ("工作单位", "zh"), ("单位", "zh"), ("服務單位", "zht"), ("勤務先", "ja")],
    "nationality": [("Nationality", "en"), ("Citizenship", "en"), ("Nat.", "en"), ("Staatsangehörigkeit", "de"),
                    ("Nationalité", "fr"), ("Nacionalidad", "es"), ("Nazionalità", "it"),
                    ("Nacionalidade", "pt"), ("Nationaliteit", "nl"), ("国籍", "zh"), ("國籍", "zht"), ("国籍", "ja")],
    "country": [("Country", "en"), ("Country of residence", "en"), ("Land", "de"), ("Pays", "fr"),
                ("País", "es"), ("Paese", "it"), ("Woonland", "nl"), ("国家", "zh"), ("居住国", "zh"),
                ("國家", "zht"), ("居住国", "ja")],
    "city": [("City", "en"), ("Town/City", "en"), ("Stadt", "de"), ("Ville", "fr"), ("Ciudad", "es"),
             ("Città", "it"), ("Cidade", "pt"), ("Woonplaats", "nl"), ("城市", "zh"), ("所在城市", "zh"),
             ("城市", "zht"), ("都市", "ja")],
    "reg_date": [("Registration date", "en"), ("Date registered", "en"), ("Entry date", "en"), ("Reg. date", "en"),
                 ("Anmeldedatum", "de"), ("Date d'inscription", "fr"), ("Fecha de registro", "es"),
                 ("Data di registrazione", "it"), ("Inschrijfdatum", "nl"), ("登记日期", "zh"), ("录入时间", "zh"),
                 ("入境日期", "zh"), ("登記日期", "zht"), ("登録日", "ja")],
    "case_no": [("Case No.", "en"), ("File ref.", "en"), ("Ref #", "en"), ("Order no.", "en"), ("Invoice #", "en"),
                ("Aktenzeichen", "de"), ("N° de dossier", "fr"), ("Nº de expediente", "es"),
                ("Numero pratica", "it"), ("Dossiernummer", "nl"), ("案件编号", "zh"), ("档案号", "zh"),
                ("案號", "zht"), ("整理番号", "ja")],
}

# JSON member names, per kind (flat records).
KEYS = {
    "name": ["name", "full_name", "fullName", "Name", "person", "holder", "nom", "nombre", "naam", "姓名", "氏名"],
    "surname": ["family", "last_name", "surname", "lastName", "nachname", "apellidos", "姓", "familyName"],
    "given": ["given", "first_name", "firstName", "vorname", "prenom", "nombre_pila", "名", "givenName"],
    "passport": ["passport", "passport_no", "passportNumber", "ppt", "doc_no", "travel_doc", "reisepass",
                 "护照号码", "证件号码", "旅券番号"],
    "national_id": ["id_no", "national_id", "nid", "sin", "tfn", "tax_id", "身份证号", "personal_no"],
    "dob": ["dob", "birth", "birth_date", "birthDate", "born", "geb", "date_naissance", "出生日期", "生年月日"],
    "address": ["address", "addr", "home_address", "residence", "anschrift", "adresse", "direccion", "住址",
                "现住址", "住所"],
    "phone": ["phone", "tel", "mobile", "cell", "telefon", "telephone", "contact_no", "电话", "手机"],
    "email": ["email", "e_mail", "mail", "emailAddress", "courriel", "邮箱", "correo"],
    "nationality": ["nationality", "citizenship", "nat", "国籍", "nacionalidad"],
    "reg_date": ["registered", "created_at", "entry_date", "录入时间", "fecha_registro", "reg_date"],
    "case_no": ["case_no", "ref", "file_ref", "order_no", "档案号", "booking_ref"],
}

CJK_LANGS = ("zh", "zht", "ja")


def headers_for(kind, split):
    return [(s, lang) for s, lang in HEADERS[kind] if split_of("header:" + kind, s) == split]


def keys_for(kind, split):
    return [k for k in KEYS[kind] if split_of("key:" + kind, k) == split]


def pick_header(rng, kind, split, lang):
    """A header spelling of `kind` from `split`, in `lang` when the split has one."""
    pool = headers_for(kind, split)
    same = [s for s, l in pool if l == lang or (lang == "zh" and l == "zht" and rng.random() < 0.2)]
    if lang == "mixed":
        zh = [s for s, l in pool if l in CJK_LANGS]
        en = [s for s, l in pool if l == "en"]
        if zh and en and rng.random() < 0.7:
            return f"{rng.choice(zh)} {rng.choice(en)}"
    return rng.choice(same or [s for s, _ in pool])


def pick_key(rng, kind, split):
    return rng.choice(keys_for(kind, split))
