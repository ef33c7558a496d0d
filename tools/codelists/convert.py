#!/usr/bin/env python3
"""Build the SSTC Exchange codelists (schema/codelists/*.json) from the shared source data.

Run by hand, not by the build:

    python3 tools/codelists/convert.py [DATA_DIR] [--out OUT_DIR]

DATA_DIR defaults to ../shared/data relative to the repository root; OUT_DIR defaults to
schema/codelists. Python 3.11 standard library only. See tools/codelists/README.md.

Every list has the same shape: name, title, source, sourceFile, licence, version, open,
parentList, items (keys without a value are left out, except items). Every item has code,
names (language map, English always) and withdrawn; optionally description, parent,
shortNames, colour (SDG goals) and minorUnits (currencies).
"""

import argparse
import csv
import json
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO / ".." / "shared" / "data"
DEFAULT_OUT = REPO / "schema" / "codelists"

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CODEFORIATI_NS = "{https://codeforiati.org/}"

# English first, then the other UN languages (and anything else) by tag, so that output is stable.
LANG_ORDER = ["en", "ar", "es", "fr", "ru", "zh"]

# Descriptions are only kept when short: the lists ship inside the SDK and long texts (some
# registration-agency notes run to several thousand characters) belong on the source's site.
MAX_DESCRIPTION_CHARS = 500

IATI_VERSION = "2.03"
IATI_LICENCE = "CC BY 4.0"

# Counts we expect (shared/data/SOURCES.md, plus what this converter adds); a mismatch is
# reported, not fatal, so that a source update shows up as a warning to look at.
EXPECTED_COUNTS = {
    "UNSDG-Goals": 17,
    "UNSDG-Targets": 169,
    "UNSDG-Indicators": 247 + 5,
    "Country": 251,
    "OrganisationRegistrationAgency": 539,
    "Sector": 325,
    "SectorCategory": 44,
    "Region": 26,
    "OrganisationType": 16,
    "CollaborationType": 7,
    "ActivityStatus": 6,
    "TransactionType": 13,
    "DocumentCategory": 30,
    "Language": 181,
    "FinanceType": 68,
    "AidType": 24,
    "RegionM49": 249 + 31,  # 249 countries/areas + 31 M49 regions (global, region, sub-, intermediate)
}

# Official UN SDG colours (UN Department of Global Communications guidelines).
SDG_COLOURS = {
    "1": "#E5243B", "2": "#DDA63A", "3": "#4C9F38", "4": "#C5192D", "5": "#FF3A21",
    "6": "#26BDE2", "7": "#FCC30B", "8": "#A21942", "9": "#FD6925", "10": "#DD1367",
    "11": "#FD9D24", "12": "#BF8B2E", "13": "#3F7E44", "14": "#0A97D9", "15": "#56C02B",
    "16": "#00689D", "17": "#19486A",
}

# The standard's own closed lists (design/standard.md). Code -> (English name, description).
STANDARD_LISTS = {
    "Modality": ("Modality", {
        "bilateral": ("Bilateral", "Two partners cooperate: one shares its resources, capacities or experience (provider) and the other receives them (recipient)."),
        "triangular": ("Triangular", "A first provider shares its capacities with a recipient, supported by a second provider (often a developed country or an international organisation)."),
        "regional": ("Regional", "At least three countries of a region pursue shared development goals together, under an agreed coordination mechanism."),
    }),
    "Instrument": ("Instrument", {
        "programme": ("Programme", "A set of projects or actions that pursue a common objective, usually over several years."),
        "project": ("Project", "Related activities with a defined objective, budget, time frame and expected results."),
        "action": ("Action", "A one-off, time-bound activity such as a course, seminar, internship, study visit or expert mission."),
    }),
    "SupportType": ("Support Type", {
        "technical-cooperation": ("Technical cooperation", "Transfer of technical know-how and expertise, e.g. through experts and advisory services."),
        "capacity-development": ("Capacity development", "Strengthening the skills of people and the capabilities of institutions, e.g. training and mentoring."),
        "knowledge-exchange": ("Knowledge exchange", "Peer sharing of experiences, good practices and solutions, e.g. study visits, workshops and knowledge products."),
        "policy-dialogue": ("Policy dialogue", "Dialogue between partners on policies, strategies and regulatory frameworks."),
        "financial-cooperation": ("Financial cooperation", "Provision of funds: grants, loans or other financial instruments."),
        "in-kind": ("In-kind support", "Provision of goods, equipment, premises or services instead of money."),
        "volunteer-exchange": ("Volunteer exchange", "Deployment or exchange of volunteers between partners."),
        "partnership-facilitation": ("Partnership facilitation", "Brokering partnerships and matching demands with available solutions and partners."),
        "trade-and-investment": ("Trade and investment", "Promotion of trade, investment and economic cooperation between partners."),
    }),
    "ParticipationRole": ("Participation Role", {
        "provider": ("Provider", "Shares its resources, capacities or experience with the recipient (bilateral and regional cooperation)."),
        "recipient": ("Recipient", "Receives the cooperation; its capacities are strengthened."),
        "first-provider": ("First provider", "In triangular cooperation, the partner that shares its own capacities and experience with the recipient."),
        "second-provider": ("Second provider", "In triangular cooperation, the partner that supports the exchange technically, financially or otherwise."),
        "facilitator": ("Facilitator", "Brokers, coordinates or facilitates the cooperation without being a provider or the recipient."),
        "funder": ("Funder", "Provides funds for the initiative."),
        "implementer": ("Implementer", "Carries out the initiative's activities."),
    }),
    "SdgContribution": ("SDG Contribution", {
        "principal": ("Principal", "Contributing to this SDG goal, target or indicator is a main objective of the initiative."),
        "significant": ("Significant", "Contributing to this SDG goal, target or indicator is an important but secondary objective of the initiative."),
    }),
    "ContributionKind": ("Contribution Kind", {
        "financial": ("Financial", "A contribution in money."),
        "in-kind": ("In-kind", "A contribution of goods, equipment, premises or services, not paid in money."),
        "expertise": ("Expertise", "A contribution of staff time, know-how or technical expertise."),
    }),
    "InitiativeRelation": ("Initiative Relation", {
        "parent": ("Parent", "The related initiative contains this one (e.g. the programme this project belongs to)."),
        "child": ("Child", "The related initiative is part of this one."),
        "sibling": ("Sibling", "The related initiative shares a parent with this one."),
        "co-funded": ("Co-funded", "The related initiative is funded jointly with this one by more than one partner."),
        "third-party": ("Third party", "The related record is another organisation's report of this same initiative."),
        "scales-up": ("Scales up", "This initiative scales up or replicates the related initiative, e.g. in new countries."),
    }),
    "SolutionMaturity": ("Solution Maturity", {
        "piloted": ("Piloted", "Tried at small scale, in one place, to see whether it works."),
        "implemented": ("Implemented", "Applied beyond a pilot in the country where it was developed."),
        "replicated": ("Replicated", "Taken up in at least one other country, adapted to its context."),
        "scaled-up": ("Scaled up", "Applied at national or regional scale, or in many countries."),
    }),
}

# The version of the standard that introduced each of its own lists; "1.0" when not named here.
STANDARD_LISTS_SINCE = {"SolutionMaturity": "1.1"}

warnings = []


def warn(message):
    warnings.append(message)


# ---------------------------------------------------------------- text helpers

def clean(text):
    """NFC-normalise and collapse whitespace; None when nothing is left.

    NFC because open-sdg ships some French/Spanish text decomposed (e + combining accent),
    which would otherwise differ byte-wise from the same name in the IATI files.
    """
    if text is None:
        return None
    text = " ".join(unicodedata.normalize("NFC", text).split())
    return text or None


def ordered_langs(names):
    """Language map in a fixed order: en first, then by tag."""
    rank = {lang: i for i, lang in enumerate(LANG_ORDER)}
    return {k: names[k] for k in sorted(names, key=lambda k: (rank.get(k, len(rank)), k))}


def narratives(element, default_lang="en"):
    """Language map from <narrative xml:lang=..> children; the first text per language wins
    (BudgetType/BudgetStatus repeat the English name with an explicit xml:lang="en")."""
    names = {}
    if element is None:
        return names
    for narrative in element.findall("narrative"):
        lang = narrative.get(XML_LANG) or default_lang
        text = clean(narrative.text)
        if text and lang not in names:
            names[lang] = text
    return names


def short_description(text):
    return {"en": text} if text and len(text) <= MAX_DESCRIPTION_CHARS else None


def sdg_key(code):
    """Numeric order for SDG codes: 1 < 2 < 10, and 1.9 < 1.10 < 1.a < 1.b."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in code.split("."))


def sdg_prefix(code):
    """Parent of an SDG code: '1.a' -> '1', '1.a.1' -> '1.a'."""
    return code.rsplit(".", 1)[0]


# ---------------------------------------------------------------- builders

def make_item(code, names, withdrawn=False, description=None, parent=None, **extra):
    if "en" not in names:
        raise ValueError(f"item {code!r} has no English name")
    item = {"code": code, "names": ordered_langs(names)}
    if extra.get("shortNames"):
        item["shortNames"] = ordered_langs(extra["shortNames"])
    if description:
        item["description"] = description
    if parent:
        item["parent"] = parent
    if extra.get("minorUnits") is not None:
        item["minorUnits"] = extra["minorUnits"]
    if extra.get("colour"):
        item["colour"] = extra["colour"]
    item["withdrawn"] = bool(withdrawn)
    return item


def make_list(name, title, source, licence, items, open_=False, source_file=None, version=None,
              parent_list=None):
    codelist = {"name": name, "title": title, "source": source}
    if source_file:
        codelist["sourceFile"] = source_file
    codelist["licence"] = licence
    if version:
        codelist["version"] = version
    codelist["open"] = open_
    if parent_list:
        codelist["parentList"] = parent_list
    codelist["items"] = items
    return codelist


def iati_source(name):
    return f"IATI Standard {IATI_VERSION} codelist {name} (http://iatistandard.org/)"


# ---------------------------------------------------------------- readers

def read_clv3(path):
    """Read an IATI "CLv3" codelist XML file into plain Python data."""
    root = ET.parse(path).getroot()
    raw = {
        "name": root.get("name"),
        "title": narratives(root.find("metadata/name")).get("en") or root.get("name"),
        "embedded": root.get("embedded") == "1",
        "category_list": root.get("category-codelist"),
        "items": [],
    }
    for element in root.iter("codelist-item"):
        code = clean(element.findtext("code"))
        names = narratives(element.find("name"))
        if not names:
            # Version.xml items carry only a code and a URL.
            names = {"en": code}
        description = narratives(element.find("description")).get("en")
        raw["items"].append({
            "code": code,
            "names": names,
            "description": description,
            "category": clean(element.findtext("category")),
            "withdrawn": element.get("status") == "withdrawn",
            "element": element,
        })
    return raw


def read_flat_yaml(path):
    """Parse an open-sdg translation file: a flat `key: value` map.

    PyYAML is not guaranteed, and these files only use a small YAML subset: long values fold
    onto indented continuation lines, and a few are single- or double-quoted.
    """
    parts = {}
    key = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line[0] in " \t":
            if key is None:
                raise ValueError(f"{path}:{number}: continuation line before any key")
            parts[key].append(line.strip())
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"{path}:{number}: expected 'key: value'")
        key = key.strip()
        parts[key] = [value.strip()]
    return {k: unquote_yaml(" ".join(p for p in v if p), path, k) for k, v in parts.items()}


def unquote_yaml(value, path, key):
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        escapes = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t"}
        return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(0)), value[1:-1])
    if value[:1] in ("'", '"', "|", ">", "&", "*", "!"):
        raise ValueError(f"{path}: {key}: YAML feature not supported by this parser")
    return value


def read_open_sdg(data, kind):
    """{lang: {key: text}} for kind in goals/targets/indicators, languages en/es/fr."""
    base = data / "sdg" / "open-sdg-translations"
    return {lang: read_flat_yaml(base / lang / f"global_{kind}.yml") for lang in ("en", "es", "fr")}


def sdg_yaml_key(code, field="title"):
    return code.replace(".", "-") + "-" + field


def read_csv(path):
    # utf-8-sig: the UNSD files start with a byte-order mark.
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


# ---------------------------------------------------------------- IATI lists

def convert_iati(raw, source_file):
    """Generic IATI conversion: open unless embedded; parent from <category>."""
    items = []
    for r in raw["items"]:
        items.append(make_item(r["code"], r["names"], r["withdrawn"],
                               short_description(r["description"]),
                               r["category"] if raw["category_list"] else None))
    return make_list(raw["name"], raw["title"], iati_source(raw["name"]), IATI_LICENCE, items,
                     open_=not raw["embedded"], source_file=source_file, version=IATI_VERSION,
                     parent_list=raw["category_list"])


def add_open_sdg_names(names, translations, key):
    """Spanish from open-sdg; French only where IATI has none (IATI's text is the list's own)."""
    names = dict(names)
    for lang in ("es", "fr", "en"):
        text = clean(translations[lang].get(key))
        if text and lang not in names:
            names[lang] = text
    return names


def convert_sdg_goals(raw, data, source_file):
    osdg = read_open_sdg(data, "goals")
    items = []
    for r in sorted(raw["items"], key=lambda r: sdg_key(r["code"])):
        code = r["code"]
        short = {lang: clean(osdg[lang].get(sdg_yaml_key(code, "short"))) for lang in osdg}
        items.append(make_item(code, add_open_sdg_names(r["names"], osdg, sdg_yaml_key(code)),
                               r["withdrawn"], short_description(r["description"]),
                               shortNames={k: v for k, v in short.items() if v},
                               colour=SDG_COLOURS[code]))
    return make_list(raw["name"], raw["title"],
                     iati_source(raw["name"]) + "; es names and short names from open-sdg/sdg-translations",
                     IATI_LICENCE, items, source_file=source_file, version=IATI_VERSION)


def convert_sdg_targets(raw, data, source_file):
    # UNSDG-Targets.xml has no <category> elements: the goal is the code's first segment.
    osdg = read_open_sdg(data, "targets")
    items = []
    for r in sorted(raw["items"], key=lambda r: sdg_key(r["code"])):
        code = r["code"]
        items.append(make_item(code, add_open_sdg_names(r["names"], osdg, sdg_yaml_key(code)),
                               r["withdrawn"], short_description(r["description"]),
                               parent=sdg_prefix(code)))
    return make_list(raw["name"], raw["title"],
                     iati_source(raw["name"]) + "; es names from open-sdg/sdg-translations",
                     IATI_LICENCE, items, source_file=source_file, version=IATI_VERSION,
                     parent_list="UNSDG-Goals")


def convert_sdg_indicators(raw, data, source_file):
    """codeforIATI's replicated list (2020 framework) plus the indicators open-sdg still has
    but the 2020 comprehensive review deleted or renumbered, marked withdrawn."""
    osdg = read_open_sdg(data, "indicators")
    by_code = {}
    for r in raw["items"]:
        code = r["code"]
        if code in by_code:
            warn(f"UNSDG-Indicators: duplicate code {code} dropped")
            continue
        if r["category"] != sdg_prefix(code):
            warn(f"UNSDG-Indicators: {code} filed under target {r['category']}; parent set to {sdg_prefix(code)}")
        by_code[code] = make_item(code, add_open_sdg_names(r["names"], osdg, sdg_yaml_key(code)),
                                  r["withdrawn"], short_description(r["description"]),
                                  parent=sdg_prefix(code))
    extra = []
    for key in osdg["en"]:
        code = key[: -len("-title")].replace("-", ".")
        if key.endswith("-title") and code not in by_code:
            names = {lang: clean(osdg[lang].get(key)) for lang in osdg}
            by_code[code] = make_item(
                code, {k: v for k, v in names.items() if v}, withdrawn=True,
                description={"en": "Not in the 2020 global indicator framework: deleted or renumbered "
                                   "in the 2020 comprehensive review (title kept from open-sdg)."},
                parent=sdg_prefix(code))
            extra.append(code)
    warn(f"UNSDG-Indicators: added as withdrawn from open-sdg: {', '.join(sorted(extra, key=sdg_key))}")
    items = [by_code[c] for c in sorted(by_code, key=sdg_key)]
    return make_list(raw["name"], raw["title"],
                     "codeforIATI Unofficial-Codelists UNSDG-Indicators (replicated from "
                     "https://unstats.un.org/sdgs/indicators/indicators-list/); es names and the "
                     "withdrawn indicators from open-sdg/sdg-translations",
                     "MIT", items, source_file=source_file, parent_list="UNSDG-Targets")


def convert_country(raw, data, source_file):
    """ISO 3166-1 alpha-2 as IATI lists it, closed; names in the six UN languages (UNTERM)."""
    rows = {r["ISO3166-1-Alpha-2"]: r for r in read_csv(data / "countries/datasets-country-codes/country-codes.csv")}
    unterm = {"en": "UNTERM English Short", "fr": "UNTERM French Short", "es": "UNTERM Spanish Short",
              "ar": "UNTERM Arabic Short", "zh": "UNTERM Chinese Short", "ru": "UNTERM Russian Short"}
    # UNTERM is empty for non-UN-member territories and, oddly, for CI and TR; the same table's
    # official_name_* columns (UNSD M49 names) then fill the non-English languages. Not for TW:
    # its row was added by the dataset maintainers, it is not UN data.
    official = {"fr": "official_name_fr", "es": "official_name_es", "ar": "official_name_ar",
                "zh": "official_name_cn", "ru": "official_name_ru"}
    no_official_fallback = {"TW"}
    items = []
    for r in raw["items"]:
        code, names = r["code"], {"en": r["names"]["en"]}
        row = rows.get(code)
        if row:
            for lang, column in unterm.items():
                # UNTERM marks some names with footnote asterisks ("Holy See (the) *").
                text = clean(re.sub(r"\s*\*+\s*$", "", row[column]))
                if text:
                    names[lang] = text
            if code not in no_official_fallback:
                for lang, column in official.items():
                    text = clean(row[column])
                    if text and lang not in names:
                        names[lang] = text
        else:
            warn(f"Country: {code} not in country-codes.csv, IATI English name only")
        items.append(make_item(code, names, r["withdrawn"], short_description(r["description"])))
    return make_list("Country", raw["title"],
                     iati_source("Country") + "; names from UNTERM via datasets/country-codes",
                     IATI_LICENCE, items, source_file=source_file, version=IATI_VERSION)


def convert_currency(data):
    """ISO 4217 alphabetic codes: table A.1 (current), updated from codes-all.csv.

    table_a1.xml is the 2024-06-25 publication; codes-all.csv is newer (2026) and knows later
    changes (ANG, BGN, CUC withdrawn; XCG, XAD added). A code is current when codes-all has a
    row for it without a WithdrawalDate, withdrawn when every row it has there is dated.
    """
    root = ET.parse(data / "currency/table_a1.xml").getroot()
    table = {}
    for entry in root.iter("CcyNtry"):
        code = clean(entry.findtext("Ccy"))
        if not code:  # "No universal currency" (Antarctica, ...)
            continue
        if code not in table:  # one row per country using the currency
            units = clean(entry.findtext("CcyMnrUnts"))
            table[code] = {"name": clean(entry.findtext("CcyNm")),
                           "minor": int(units) if units and units.isdigit() else None}

    rows = [r for r in read_csv(data / "currency/codes-all.csv") if r["AlphabeticCode"].strip()]
    current, withdrawn = {}, {}
    for r in rows:
        code = r["AlphabeticCode"].strip()
        units = r["MinorUnit"].strip()
        entry = {"name": clean(r["Currency"]), "minor": int(units) if units.isdigit() else None,
                 "date": r["WithdrawalDate"].strip()}
        if entry["date"]:
            # Keep the latest name a withdrawn code had (HRK: "Croatian Kuna", then "Kuna").
            if code not in withdrawn or entry["date"] >= withdrawn[code]["date"]:
                withdrawn[code] = entry
        else:
            current.setdefault(code, entry)

    items = []
    for code, t in table.items():
        if code in current:
            items.append(make_item(code, {"en": t["name"]}, minorUnits=t["minor"]))
        else:
            warn(f"Currency: {code} is current in table_a1.xml but withdrawn in codes-all.csv "
                 f"({withdrawn[code]['date']}): marked withdrawn")
            items.append(make_item(code, {"en": t["name"]}, True,
                                   {"en": f"Withdrawn from ISO 4217: {withdrawn[code]['date']}."},
                                   minorUnits=t["minor"]))
    for code, c in current.items():
        if code not in table:
            warn(f"Currency: {code} ({c['name']}) is in codes-all.csv but not in table_a1.xml: added")
            items.append(make_item(code, {"en": c["name"]}, minorUnits=c["minor"]))
    for code, w in withdrawn.items():
        if code not in table and code not in current:
            items.append(make_item(code, {"en": w["name"]}, True,
                                   {"en": f"Withdrawn from ISO 4217: {w['date']}."},
                                   minorUnits=w["minor"]))
    return make_list("Currency", "Currency (ISO 4217)", "ISO 4217 via datasets/currency-codes",
                     "ODC-PDDL-1.0", items, source_file="currency/table_a1.xml")


def convert_region_m49(data, source_file):
    """UN M49 from codeforIATI: the 249 countries/areas it lists, plus the M49 regions those
    rows name (World, Africa, Latin America and the Caribbean, ...), which are the codes a
    region with RegionVocabulary "2" actually carries. Regions first, in the order met."""
    root = ET.parse(data / source_file).getroot()
    regions, countries = {}, []
    levels = [("global", "M49 global"), ("region", "M49 region"), ("sub-region", "M49 sub-region"),
              ("intermediate-region", "M49 intermediate region")]
    for element in root.iter("codelist-item"):
        for level, label in levels:
            code = clean(element.findtext(f"{CODEFORIATI_NS}{level}-code"))
            if code and code not in regions:
                names = narratives(element.find(f"{CODEFORIATI_NS}{level}-name"))
                regions[code] = make_item(code, names, description={"en": label})
        countries.append(make_item(clean(element.findtext("code")), narratives(element.find("name")),
                                   element.get("status") == "withdrawn"))
    overlap = set(regions) & {c["code"] for c in countries}
    if overlap:
        raise ValueError(f"RegionM49: region and country codes overlap: {overlap}")
    return make_list("RegionM49", narratives(root.find("metadata/name")).get("en"),
                     "codeforIATI Unofficial-Codelists RegionM49 (replicated from UN M49, "
                     "https://unstats.un.org/unsd/methodology/m49/)",
                     "MIT", list(regions.values()) + countries, source_file=source_file)


def convert_standard_lists():
    lists = []
    for name, (title, codes) in STANDARD_LISTS.items():
        items = [make_item(code, {"en": label}, description={"en": text})
                 for code, (label, text) in codes.items()]
        since = STANDARD_LISTS_SINCE.get(name, "1.0")
        lists.append(make_list(name, title, f"SSTC Exchange Standard {since}", "Apache-2.0", items,
                               version=since))
    return lists


# ---------------------------------------------------------------- checks and output

def resolve_parents(lists):
    """Make every parent name a code of its parentList, when we ship that list.

    IATI sometimes files a code under another code of the same list (AidType B021 under B02,
    itself in category B): follow that one step. Anything else that does not resolve (a
    placeholder "-", "XI" for international agencies, a vanished 450) is dropped with a warning.
    """
    by_name = {c["name"]: c for c in lists}
    for codelist in lists:
        parent_list = by_name.get(codelist.get("parentList"))
        if parent_list is None:
            if codelist.get("parentList"):
                warn(f"{codelist['name']}: parentList {codelist['parentList']} is not shipped; parents not checked")
            continue
        parent_codes = {i["code"] for i in parent_list["items"]}
        own = {i["code"]: i for i in codelist["items"]}
        dropped = []
        for item in codelist["items"]:
            parent = item.get("parent")
            if parent is None or parent in parent_codes:
                continue
            via = own.get(parent, {}).get("parent")
            if via in parent_codes:
                warn(f"{codelist['name']}: {item['code']} filed under {parent} (same list); parent set to {via}")
                item["parent"] = via
            else:
                dropped.append(f"{item['code']}->{parent}")
                del item["parent"]
        if dropped:
            warn(f"{codelist['name']}: parent not in {parent_list['name']}, dropped: {', '.join(dropped)}")


def check(lists):
    ok = True
    for codelist in lists:
        codes = [i["code"] for i in codelist["items"]]
        if len(codes) != len(set(codes)):
            print(f"ERROR {codelist['name']}: duplicate codes", file=sys.stderr)
            ok = False
        expected = EXPECTED_COUNTS.get(codelist["name"])
        if expected is not None and expected != len(codes):
            warn(f"{codelist['name']}: {len(codes)} items, expected {expected}")
    return ok


def dump(value):
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def write_all(lists, out):
    out.mkdir(parents=True, exist_ok=True)
    index = []
    for codelist in sorted(lists, key=lambda c: c["name"]):
        path = out / f"{codelist['name']}.json"
        path.write_text(dump(codelist), encoding="utf-8")
        json.loads(path.read_text(encoding="utf-8"))  # every file must parse back
        index.append({"name": codelist["name"], "file": path.name, "open": codelist["open"]})
    (out / "index.json").write_text(dump(index), encoding="utf-8")
    return index


def build(data):
    iati_dir = data / "iati-codelists" / "xml"
    unofficial = "iati-codelists/xml-codeforiati-unofficial"
    special = {
        "Country": lambda raw, rel: convert_country(raw, data, rel),
        "Currency": lambda raw, rel: convert_currency(data),
        "UNSDG-Goals": lambda raw, rel: convert_sdg_goals(raw, data, rel),
        "UNSDG-Targets": lambda raw, rel: convert_sdg_targets(raw, data, rel),
    }
    lists = []
    for path in sorted(iati_dir.glob("*.xml")):
        raw = read_clv3(path)
        rel = path.relative_to(data).as_posix()
        convert = special.get(raw["name"], convert_iati)
        lists.append(convert(raw, rel))
    indicators = f"{unofficial}/UNSDG-Indicators.xml"
    lists.append(convert_sdg_indicators(read_clv3(data / indicators), data, indicators))
    lists.append(convert_region_m49(data, f"{unofficial}/RegionM49.xml"))
    lists.extend(convert_standard_lists())
    # Lists IATI embeds, plus ISO countries/currencies and SDG codes, are closed (standard.md).
    for codelist in lists:
        if codelist["name"] in ("Country", "Currency", "UNSDG-Goals", "UNSDG-Targets", "UNSDG-Indicators", "RegionM49"):
            codelist["open"] = False
    return lists


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA,
                        help="shared data folder (default: ../shared/data from the repository root)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT,
                        help="output folder (default: schema/codelists)")
    args = parser.parse_args()
    data = args.data.resolve()
    if not (data / "iati-codelists" / "xml").is_dir():
        parser.error(f"{data} does not look like the shared data folder (no iati-codelists/xml)")

    lists = build(data)
    resolve_parents(lists)
    ok = check(lists)
    index = write_all(lists, args.out)

    for message in warnings:
        print(f"note: {message}", file=sys.stderr)
    by_name = {c["name"]: c for c in lists}
    for entry in index:
        items = by_name[entry["name"]]["items"]
        withdrawn = sum(1 for i in items if i["withdrawn"])
        print(f"{entry['file']:40} {len(items):4} items {withdrawn:4} withdrawn  "
              f"{'open' if entry['open'] else 'closed'}")
    print(f"{len(index)} codelists written to {args.out}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
