#!/usr/bin/env python3
"""Generates crates/engine/data/gazetteer/places.tsv, the engine's gazetteer.

Inputs (paths relative to the repository root):
  ../shared/data/gazetteer/syria_gazetteer.csv                (OCHA admin units + WOF/GeoNames places)
  ../shared/data/gazetteer/syria_aleppo_neighbourhoods_ocha.csv (OCHA Aleppo neighbourhoods)
  ../shared/data/gazetteer/syria_admin1_simplified.geojson    (only to keep generated points inside
                                                               their governorate; nothing is copied)
  crates/engine/data/gazetteer/curated.tsv                    (hand-written supplement)

The OSM subset in the shared folder is deliberately NOT read: it is ODbL and
would make the merged file share-alike.

Output: one TSV row per place, keeping only what the engine needs:
  id  kind  admin1  lat  lon  rank  city  name_en  names_ar
where kind is a one-letter code (see KIND_CODES), city is the match key of the
city a neighbourhood belongs to, and names_ar is the preferred Arabic name
followed by its Arabic variants, separated by '|'. Rows without an Arabic name
are dropped. The engine computes its own match keys at load time; the Python
match_key below only de-duplicates variants and writes city keys, and a Rust
test checks that those agree with the engine's.

Run from the repository root:
  python3 tools/gen_gazetteer.py
"""
import csv
import json
import math
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared", "data", "gazetteer")
MAIN_CSV = os.path.join(SHARED, "syria_gazetteer.csv")
ALEPPO_CSV = os.path.join(SHARED, "syria_aleppo_neighbourhoods_ocha.csv")
ADMIN1_GEOJSON = os.path.join(SHARED, "syria_admin1_simplified.geojson")
OUT_DIR = os.path.join(ROOT, "crates", "engine", "data", "gazetteer")
CURATED = os.path.join(OUT_DIR, "curated.tsv")
OUT = os.path.join(OUT_DIR, "places.tsv")

# Syria's bounding box; the engine's tests assert every point lies inside it.
LAT_MIN, LAT_MAX, LON_MIN, LON_MAX = 32.3, 37.4, 35.7, 42.4

KIND_CODES = {
    "governorate": "G", "district": "D", "sub-district": "S", "subdistrict": "S",
    "city": "C", "town": "T", "village": "V", "neighbourhood": "N", "camp": "K",
    "airport": "A", "base": "B", "field": "F", "facility": "X", "mountain": "M",
    "crossing": "P", "region": "R", "road": "W",
}

# Rank (higher = more important). Districts and sub-districts rank below the
# towns they are named after: in news text "الرستن" means the town, not the
# administrative area, and the town's point is the better one.
KIND_RANK = {
    "G": 9, "C": 8, "T": 6, "D": 4, "S": 3, "N": 4, "K": 4, "A": 6, "B": 6,
    "F": 6, "X": 5, "M": 5, "P": 6, "R": 7, "W": 5,
}
CAPITAL_RANK = 10
CURATED_NEIGHBOURHOOD_RANK = 5

# Names that are generic in every city: indexing them would tie one city's
# industrial zone to every mention of any other.
GENERIC_NAMES = {"منطقه صناعيه", "سكن شبابي", "جامعه", "مدينه قديمه"}

# Everyday words that GeoNames also has as (mostly tiny) place names: "علي",
# "فيديو", "تحت", "حول" (al-Hol's variant spelling), "الشهداء" (an Aleppo
# neighbourhood). Indexed, they would turn ordinary text into places. Source
# names equal to one of these are dropped; a neighbourhood keeps the name in
# the unambiguous form "حي X". Curated and administrative names are not touched.
COMMON_WORDS = set("""
علي عمر خالد عثمان عبد الله رامي بشار محمد احمد حسن حسين ابو ام بن
فيديو صور شركة محطة كتيبة لواء فرقة فوج معسكر ثكنة مدينة قرية بلدة حي منطقة محافظة
له لها بهم تحت فوق على الى في من عن مع حول بين عند بعد قبل خلال ضد منذ حتى
واسعة كبير كبيرة صغير صغيرة حالات حالة وقف قرى عالقين مزارع طفلة طفل امرأة أصبح بداية فورا
بدا فور دور شبه جند عليا العليا إدارة علمية روسية روسيا كبرى صفر شباط آذار نيسان أيار حزيران
تموز آب أيلول سهل شرقي غربي شمالي جنوبي شرقية غربية شمالية جنوبية الكبير الصغير الجديد
حريق الحرية النصر المدرسة المسجد الجامع النهر الجبل السهل الكردية الحياة النور السعادة
الرابعة الخامسة الثالثة الثانية الأولى شهداء الشهداء المدينة المحافظة القرية البلدة
السلام الأمن الوطن الشعب الجيش النظام المعارضة الدولة الحكومة الموت قتلى جرحى غارة قصف
""".split())
# Prefixes of admin aliases ("محافظة حمص", "ناحية تل تمر"): a type word plus a
# name that is already indexed, so they only add noise.
TYPE_WORD_ALIASES = ("محافظه ", "منطقه ", "ناحيه ")

# --- match_key: mirrors crates/engine/src/text/normalize (fold + match_key) ---

LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي",
    "ی": "ي", "ک": "ك", "ہ": "ه", "ە": "ه",
}


def _dropped(c):
    o = ord(c)
    return (0x610 <= o <= 0x61A or 0x64B <= o <= 0x65F or o == 0x670
            or 0x6D6 <= o <= 0x6ED or o == 0x640
            or 0x200B <= o <= 0x200F or 0x202A <= o <= 0x202E or 0x2060 <= o <= 0x206F
            or o in (0xFEFF, 0xAD, 0x61C))


def fold(s):
    return "".join(LETTERS.get(c, c) for c in s if not _dropped(c))


def strip_article(w):
    return w[2:] if w.startswith("ال") and len(w) >= 4 else w


def match_key(name):
    words = [w for w in re.split(r"[\W_]+", fold(name)) if w]
    return " ".join(strip_article(w) for w in words)


# --- geometry: keep generated points inside their governorate ---

def load_polygons():
    with open(ADMIN1_GEOJSON, encoding="utf-8") as f:
        gj = json.load(f)
    polys = {}
    for feat in gj["features"]:
        geom = feat["geometry"]
        rings = ([geom["coordinates"]] if geom["type"] == "Polygon" else geom["coordinates"])
        polys[feat["properties"]["ADM1_PCODE"]] = [poly[0] for poly in rings]
    return polys


def inside(polys, pcode, lat, lon):
    for ring in polys.get(pcode, []):
        hit = False
        j = len(ring) - 1
        for i in range(len(ring)):
            xi, yi = ring[i]
            xj, yj = ring[j]
            if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
                hit = not hit
            j = i
        if hit:
            return True
    return False


# --- rows ---

def rank_of(kind, population, feature_code):
    if kind != "V":
        return KIND_RANK[kind]
    if feature_code == "PPLQ":  # abandoned
        return 0
    try:
        pop = int(float(population or 0))
    except ValueError:
        pop = 0
    return 3 if pop >= 1000 else 2 if pop > 0 else 1


def clean_names(names):
    """Arabic names, deduplicated by match key, generic and type-word aliases dropped."""
    out, seen = [], set()
    for n in names:
        for part in n.split("/"):
            part = " ".join(part.split())
            key = match_key(part)
            if not key or key in seen or key in GENERIC_NAMES:
                continue
            if any(key.startswith(p) for p in TYPE_WORD_ALIASES):
                continue
            seen.add(key)
            out.append(part)
    return out


def in_bbox(lat, lon):
    return LAT_MIN <= lat <= LAT_MAX and LON_MIN <= lon <= LON_MAX


def source_rows(path, city_of):
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            names = clean_names([r["name_ar"]] + [a for a in r["alt_names_ar"].split("|") if a])
            if not names:
                continue
            lat, lon = float(r["lat"]), float(r["lon"])
            if not in_bbox(lat, lon):
                print(f"skipped (outside Syria's box): {r['id']} {r['name_ar']}", file=sys.stderr)
                continue
            kind = KIND_CODES[r["place_type"]]
            rows.append({
                "id": r["id"], "kind": kind, "admin1": r["admin1_pcode"],
                "lat": lat, "lon": lon,
                "rank": rank_of(kind, r["population"], r["gn_feature_code"]),
                "city": city_of(r, kind), "name_en": clean_en(r["name_en"]), "names": names,
            })
    return rows


def clean_en(s):
    return " ".join(s.replace("\t", " ").replace("|", "/").split())


def dedupe(rows):
    """WOF holds some places twice (same name, same point): keep the first id."""
    seen, out = set(), []
    for r in rows:
        sig = (match_key(r["names"][0]), r["kind"], round(r["lat"], 3), round(r["lon"], 3))
        if sig in seen:
            continue
        seen.add(sig)
        out.append(r)
    return out


def curated_rows():
    """The curated places, and the extra names that alias rows give existing ids."""
    rows, aliases = [], {}
    with open(CURATED, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 9:
                sys.exit(f"curated.tsv:{lineno}: expected 9 columns, got {len(cols)}")
            slug, kind, admin1, lat, lon, city, name_en, names, _note = cols
            if ":" in slug:  # a row about an existing place: extra names, maybe a new kind
                names_, kinds_ = aliases.setdefault(slug, ([], []))
                names_.extend(n for n in names.split("|") if n and n != "-")
                if kind != "alias":
                    kinds_.append(KIND_CODES[kind])
                continue
            lat, lon = float(lat), float(lon)
            if not in_bbox(lat, lon):
                sys.exit(f"curated.tsv:{lineno}: {slug} lies outside Syria's box")
            code = KIND_CODES[kind]
            rank = CURATED_NEIGHBOURHOOD_RANK if code == "N" else KIND_RANK.get(code, 2)
            if code == "V":
                rank = 2
            rows.append({
                "id": "waqai:" + slug, "kind": code, "admin1": admin1, "lat": lat, "lon": lon,
                "rank": rank, "city": match_key(city) if city else "",
                "name_en": name_en, "names": clean_names(names.split("|")),
            })
    ids = [r["id"] for r in rows]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        sys.exit(f"curated.tsv: duplicate slugs {sorted(dup)}")
    return rows, aliases


DIRECTIONS = [
    # (Arabic adjective, Arabic noun, slug, English, dlat, dlon) in units of the offset.
    ("الشمالي", "شمال", "north", "Northern", 1, 0),
    ("الجنوبي", "جنوب", "south", "Southern", -1, 0),
    ("الشرقي", "شرق", "east", "Eastern", 0, 1),
    ("الغربي", "غرب", "west", "Western", 0, -1),
    ("الشمالي الشرقي", "شمال شرق", "northeast", "Northeastern", 0.7, 0.7),
    ("الشمالي الغربي", "شمال غرب", "northwest", "Northwestern", 0.7, -0.7),
    ("الجنوبي الشرقي", "جنوب شرق", "southeast", "Southeastern", -0.7, 0.7),
    ("الجنوبي الغربي", "جنوب غرب", "southwest", "Southwestern", -0.7, -0.7),
]


def direction_names(city, adj, noun):
    """The ways news writes "the northern countryside of Homs"."""
    # "لحمص", "للرقة"; a third lam is not written: "للاذقية".
    if city.startswith("الل"):
        with_li = city[1:]
    elif city.startswith("ال"):
        with_li = "ل" + city[1:]
    else:
        with_li = "ل" + city
    nouns = noun.split()
    adjectival = " ".join(n + "ي" for n in nouns)  # "شمالي", "شمالي غربي"
    return [
        f"ريف {city} {adj}",
        f"الريف {adj} {with_li}",
        f"ريفي {city} {adj}",
        f"{noun} {city}",
        f"{adjectival} {city}",
    ]
OFFSET_DEG = 0.3  # about 33 km: where "the northern countryside" of a city typically is


def countryside_rows(main_rows, polys):
    """"ريف X" and "ريف X الشمالي" … for each governorate.

    The plain "ريف X" sits at the governorate centroid. The directional ones are
    offset from the governorate's capital city rather than from the centroid:
    "ريف حمص الشمالي" (Rastan, Talbiseh) lies north of Homs city, while the
    governorate centroid is out in the desert near Palmyra. Each point is pulled
    back toward the city until it lies inside the governorate.
    """
    govs = [r for r in main_rows if r["kind"] == "G"]
    cities = {(match_key(r["names"][0]), r["admin1"]): r for r in main_rows if r["kind"] in "CT"}
    slugs = {
        "SY01": "damascus", "SY02": "aleppo", "SY03": "damascus", "SY04": "homs",
        "SY05": "hama", "SY06": "lattakia", "SY07": "idleb", "SY08": "hasakeh",
        "SY09": "deir-ez-zor", "SY10": "tartous", "SY11": "raqqa", "SY12": "daraa",
        "SY13": "sweida", "SY14": "quneitra",
    }
    out = []
    for g in sorted(govs, key=lambda r: r["admin1"]):
        pcode = g["admin1"]
        if pcode == "SY01":
            continue  # "ريف دمشق" is a governorate of its own (SY03), handled below
        if pcode == "SY03":
            city_name, city_pcode, en = "دمشق", "SY01", "Damascus"
        else:
            city_name, city_pcode, en = g["names"][0], pcode, g["name_en"]
        city = cities.get((match_key(city_name), city_pcode))
        base_lat, base_lon = (city["lat"], city["lon"]) if city else (g["lat"], g["lon"])
        slug = slugs[pcode]
        rif = "ريف " + city_name
        if pcode != "SY03":
            out.append(region(f"rif-{slug}", pcode, g["lat"], g["lon"], f"{en} countryside", rif))
        for adj, noun, dslug, den, dlat, dlon in DIRECTIONS:
            # Shrink toward the city until inside; on the coast (Lattakia, Tartous)
            # also try a step inland, east, before giving up on the city itself.
            candidates = [
                (base_lat + dlat * OFFSET_DEG * shrink,
                 base_lon + dlon * OFFSET_DEG * shrink / math.cos(math.radians(base_lat)) + inland)
                for inland in (0, 0.1, 0.2)
                for shrink in (1, 0.75, 0.5, 0.3, 0.15)
            ]
            lat, lon = next(((la, lo) for la, lo in candidates
                             if inside(polys, pcode, la, lo) and in_bbox(la, lo)),
                            (base_lat, base_lon))
            out.append(region(f"rif-{slug}-{dslug}", pcode, lat, lon, f"{den} {en} countryside",
                              *direction_names(city_name, adj, noun)))
    return out


DISTRICT_OFFSET_DEG = 0.12  # about 13 km: a district's countryside lies nearer its town


def district_countryside_rows(main_rows, polys, taken):
    """"ريف منبج" and "ريف منبج الشرقي" … for each district (OCHA admin2) whose
    town is not a governorate's capital (those are the governorates' own).

    News names the countryside of a district town as a place of its own, like a
    governorate's. The plain one sits at the district's centroid; the four
    directional ones are offset from the district's town, kept inside its
    governorate. `taken` holds the match keys already used, which are skipped.
    """
    towns = {(match_key(r["names"][0]), r["admin1"]): r for r in main_rows if r["kind"] in "CT"}
    out = []
    for d in sorted((r for r in main_rows if r["kind"] == "D"), key=lambda r: r["id"]):
        name = d["names"][0]
        rif = "ريف " + name
        if name.startswith(("مركز", "جبل")) or match_key(rif) in taken:
            continue  # "مركز ريف دمشق", "جبل سمعان": no town of that name
        pcode, en = d["admin1"], d["name_en"]
        town = towns.get((match_key(name), pcode))
        base_lat, base_lon = (town["lat"], town["lon"]) if town else (d["lat"], d["lon"])
        slug = "rif-" + re.sub(r"[^a-z]+", "-", en.lower()).strip("-")
        out.append(region(slug, pcode, d["lat"], d["lon"], f"{en} countryside", rif))
        for adj, noun, dslug, den, dlat, dlon in DIRECTIONS[:4]:
            candidates = [
                (base_lat + dlat * DISTRICT_OFFSET_DEG * shrink,
                 base_lon + dlon * DISTRICT_OFFSET_DEG * shrink / math.cos(math.radians(base_lat)))
                for shrink in (1, 0.5, 0.25)
            ]
            lat, lon = next(((la, lo) for la, lo in candidates
                             if inside(polys, pcode, la, lo) and in_bbox(la, lo)),
                            (base_lat, base_lon))
            # "ريف منبج الشرقي", "الريف الشرقي لمنبج"; not "شرق منبج", which names a place
            # east of the town itself. ("ريفي منبج الشمالي والشرقي" is read by the engine.)
            out.append(region(f"{slug}-{dslug}", pcode, lat, lon, f"{den} {en} countryside",
                              *direction_names(name, adj, noun)[:2]))
    return out


def region(slug, pcode, lat, lon, en, *names):
    return {"id": "waqai:" + slug, "kind": "R", "admin1": pcode, "lat": lat, "lon": lon,
            "rank": KIND_RANK["R"], "city": "", "name_en": en, "names": clean_names(names)}


def fmt(x):
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return s


def main():
    main_rows = source_rows(MAIN_CSV, city_of_main)
    aleppo = source_rows(ALEPPO_CSV, lambda r, k: "حلب")
    curated, aliases = curated_rows()
    for r in main_rows + aleppo:
        if r["id"] in aliases:
            names, kinds = aliases.pop(r["id"])
            r["names"] = clean_names(r["names"] + names)
            for kind in kinds:  # GeoNames under-types some well-known towns
                r["kind"], r["rank"] = kind, KIND_RANK[kind]
    if aliases:
        sys.exit(f"curated.tsv: alias rows for unknown ids {sorted(aliases)}")
    # A governorate capital's city row outranks the governorate: "في حمص" means the city.
    # GeoNames types some capitals as villages (Daraa) or towns (Quneitra): the
    # best-typed settlement of each governorate's name becomes its capital city.
    gov_keys = {(match_key(r["names"][0]), r["admin1"]) for r in main_rows if r["kind"] == "G"}
    capitals = {}
    for r in main_rows:
        sig = (match_key(r["names"][0]), r["admin1"])
        if r["kind"] in "CTV" and sig in gov_keys:
            best = capitals.get(sig)
            if best is None or "CTV".index(r["kind"]) < "CTV".index(best["kind"]):
                capitals[sig] = r
    for r in capitals.values():
        r["kind"], r["rank"] = "C", CAPITAL_RANK
    promote_seats(main_rows)
    main_rows = drop_common_words(main_rows)
    aleppo = drop_common_words(aleppo)
    polys = load_polygons()
    generated = countryside_rows(main_rows, polys)
    taken = {match_key(n) for r in main_rows + aleppo + curated + generated for n in r["names"]}
    generated += district_countryside_rows(main_rows, polys, taken)
    rows = dedupe(main_rows) + aleppo + curated + generated

    header = [
        "# generated by tools/gen_gazetteer.py from ../shared/data/gazetteer/syria_gazetteer.csv, "
        "../shared/data/gazetteer/syria_aleppo_neighbourhoods_ocha.csv and "
        "crates/engine/data/gazetteer/curated.tsv; do not edit by hand",
        "# Place names: Who's On First (CC0) / GeoNames (CC BY 4.0); administrative units: "
        "UN OCHA COD-AB (CC BY 3.0 IGO) via OpenSyria (CC BY 4.0); see SOURCES.md",
        "# kinds: " + " ".join(f"{c}={k}" for k, c in KIND_CODES.items() if k != "subdistrict"),
        "# id\tkind\tadmin1\tlat\tlon\trank\tcity\tname_en\tnames_ar (preferred|variants)",
    ]
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header) + "\n")
        for r in rows:
            f.write("\t".join([
                r["id"], r["kind"], r["admin1"], fmt(r["lat"]), fmt(r["lon"]), str(r["rank"]),
                r["city"], r["name_en"], "|".join(r["names"]),
            ]) + "\n")
    print(f"wrote {OUT}: {len(rows)} places, {os.path.getsize(OUT)} bytes", file=sys.stderr)


def promote_seats(rows):
    """A district or sub-district is named after its seat town, and GeoNames types
    some seats as villages without population (Nawa, Daraa's second city): the
    village nearest the admin unit's point becomes a town, unless that governorate
    already has a city or town of the name."""
    settled = {(match_key(r["names"][0]), r["admin1"]) for r in rows if r["kind"] in "CT"}
    villages = {}
    for r in rows:
        if r["kind"] == "V":
            for name in r["names"]:
                villages.setdefault((match_key(name), r["admin1"]), []).append(r)
    for unit in rows:
        if unit["kind"] not in "DS":
            continue
        key = match_key(unit["names"][0])
        key = key[len("مركز "):] if key.startswith("مركز ") else key
        sig = (key, unit["admin1"])
        if sig in settled or sig not in villages:
            continue
        seat = min(villages[sig], key=lambda v: ((v["lat"] - unit["lat"]) ** 2
                                                 + (v["lon"] - unit["lon"]) ** 2, v["id"]))
        seat["kind"], seat["rank"] = "T", KIND_RANK["T"]
        settled.add(sig)


def drop_common_words(rows):
    """Source rows without their everyday-word names (see COMMON_WORDS)."""
    common = {match_key(w) for w in COMMON_WORDS}
    out = []
    for r in rows:
        if r["kind"] in "GDS":
            out.append(r)
            continue
        names = []
        for n in r["names"]:
            if match_key(n) not in common:
                names.append(n)
            elif r["kind"] == "N":
                names.append("حي " + n)
        r["names"] = clean_names(names)
        if r["names"]:
            out.append(r)
        else:
            print(f"dropped (only everyday-word names): {r['id']}", file=sys.stderr)
    return out


def city_of_main(r, kind):
    """Damascus governorate is the city: its settlements are the city's quarters
    (Dummar, Yarmouk camp), so "في دمشق" should pick them over namesakes elsewhere."""
    if kind in "NKVT" and r["admin1_pcode"] == "SY01":
        return "دمشق"
    return ""


if __name__ == "__main__":
    main()
