//! Table-driven tests of the gazetteer: lookups, hint resolution, governorates,
//! data sanity (points inside Syria, keys in match-key form) and coverage of
//! the names in the sample articles.

use super::*;
use crate::text::normalize::match_key;

fn resolve(name: &str, hints: &Hints) -> Option<&'static Entry> {
    gazetteer().resolve(&match_key(name), hints)
}

#[test]
fn sample_names_are_found() {
    for name in [
        "الرستن",
        "تلبيسة",
        "معرة النعمان",
        "تيرمعلة",
        "تير معلة",
        "الشرائع",
        "الشرايع",
        "السعن الأسود",
        "درعا البلد",
        "مطار التيفور",
        "حقل المهر",
        "ديرالزور",
        "كفر نبل",
        "أبوالظهور",
        "مخيم اليرموك",
        "كراجات العباسيين",
        "معبر باب الهوى",
        "اللجاة",
        "كفرحمرة",
        "كفرنبودة",
        "كفرسجنة",
        "كفربطنا",
        "الشيفونية",
        "بصر الحرير",
        "الشدادي",
        "كوباني",
        "تل مرديخ",
        "مغير المير",
        "الريف الشمالي لحمص",
    ] {
        let key = match_key(name);
        assert!(gazetteer().contains(&key), "{name} ({key}) not found");
        assert!(!gazetteer().lookup(&key).is_empty(), "{name}");
    }
    assert!(gazetteer().lookup("لا يوجد مكان بهذا الاسم").is_empty());
}

#[test]
fn resolve_with_hints() {
    let homs = Hints::from_keys(["حمص"]);
    let damascus = Hints::from_keys(["دمشق"]);
    let none = Hints::new();
    // (name, hints, expected id, expected governorate)
    let cases: [(&str, &Hints, Option<&str>, &str); 15] = [
        ("جوبر", &damascus, Some("waqai:jobar-damascus"), "SY01"),
        ("جوبر", &homs, None, "SY04"),
        ("الخالدية", &homs, Some("waqai:khalidiyeh-homs"), "SY04"),
        ("الوعر", &homs, Some("waqai:waer-homs"), "SY04"),
        ("القابون", &none, Some("waqai:qaboun-damascus"), "SY01"),
        ("تشرين", &damascus, Some("waqai:tishreen-damascus"), "SY01"),
        (
            "ريف حمص الشمالي",
            &none,
            Some("waqai:rif-homs-north"),
            "SY04",
        ),
        ("ريف دمشق", &none, Some("ocha:SY03"), "SY03"),
        ("حمص", &none, None, "SY04"),
        ("مطار التيفور", &none, Some("waqai:t4-airbase"), "SY04"),
        ("حقل المهر", &none, Some("waqai:mahr-field"), "SY04"),
        ("درعا البلد", &none, Some("waqai:daraa-al-balad"), "SY12"),
        (
            "نوى",
            &Hints::from_keys(["ريف درعا"]),
            Some("wof:421184049"),
            "SY12",
        ),
        ("بصرى الشام", &none, None, "SY12"),
        ("القصور", &Hints::new().with_city("دير زور"), None, "SY09"),
    ];
    for (name, hints, id, admin1) in cases {
        let e = resolve(name, hints).unwrap_or_else(|| panic!("{name} unresolved"));
        if let Some(id) = id {
            assert_eq!(e.id, id, "{name}");
        }
        assert_eq!(e.admin1, Some(admin1), "{name}: {e:?}");
    }
    // A well-known town or region near the name hints its governorate.
    let near_palmyra = Hints::from_keys(["تدمر"]);
    assert_eq!(*near_palmyra.governorates, ["SY04"]);
    assert_eq!(*near_palmyra.cities, ["تدمر"]);
    assert_eq!(*Hints::from_keys(["غوطه شرقيه"]).governorates, ["SY03"]);
    assert!(Hints::from_keys(["جديده"]).is_empty());
    assert!(Hints::from_keys(["تل"]).is_empty());
    // Without a hint, a curated neighbourhood does not beat a town of the same name.
    assert_eq!(resolve("الزهراء", &none).unwrap().admin1, Some("SY02"));
    assert_eq!(resolve("الزهراء", &homs).unwrap().id, "waqai:zahraa-homs");
    // lookup's first entry is resolve's choice without hints.
    for name in [
        "جوبر",
        "الزهراء",
        "الخالدية",
        "حمص",
        "الحولة",
        "تشرين",
        "دوما",
    ] {
        let key = match_key(name);
        assert_eq!(
            gazetteer().lookup(&key).first(),
            gazetteer().resolve(&key, &none)
        );
    }
    // A governorate capital means the city, not the governorate's centroid.
    assert_eq!(resolve("حمص", &none).unwrap().kind, PlaceKind::City);
    assert_eq!(resolve("لا شيء هنا", &none), None);
}

#[test]
fn governorates() {
    let gaz = gazetteer();
    assert_eq!(gaz.governorates().count(), 14);
    for g in gaz.governorates() {
        assert_eq!(g.kind, PlaceKind::Governorate);
        assert_eq!(gaz.governorate(g.admin1.unwrap()).map(|e| e.id), Some(g.id));
    }
    let cases = [
        ("حمص", "SY04"),
        ("إدلب", "SY07"),
        ("دير الزور", "SY09"),
        ("ديرالزور", "SY09"),
        ("الرقة", "SY11"),
        ("الحسكة", "SY08"),
        ("دمشق", "SY01"),
        ("ريف دمشق", "SY03"),
        ("درعا", "SY12"),
        ("القنيطرة", "SY14"),
        ("السويداء", "SY13"),
        ("حماه", "SY05"),
        ("حماة", "SY05"),
        ("حلب", "SY02"),
        ("اللاذقية", "SY06"),
        ("طرطوس", "SY10"),
        ("محافظة إدلب", "SY07"),
        ("ريف حمص", "SY04"),
        ("ريف إدلب الجنوبي", "SY07"),
        ("ريف حماة الشمالي الغربي", "SY05"),
    ];
    for (name, pcode) in cases {
        assert_eq!(governorate_of_key(&match_key(name)), Some(pcode), "{name}");
    }
    assert_eq!(governorate_of_key(&match_key("تلبيسة")), None);
    assert_eq!(gaz.governorate("SY99"), None);
    let model = gaz.governorate_model("SY04").unwrap();
    assert_eq!((&*model.name_ar, &*model.name_en), ("حمص", "Homs"));
}

#[test]
fn countryside_regions_exist_for_every_governorate() {
    let gaz = gazetteer();
    for g in gaz.governorates() {
        let pcode = g.admin1.unwrap();
        // Damascus city's countryside is the governorate Rural Damascus.
        let city = if pcode == "SY03" || pcode == "SY01" {
            "دمشق"
        } else {
            g.name_ar
        };
        for dir in [
            "",
            " الشمالي",
            " الجنوبي",
            " الشرقي",
            " الغربي",
            " الشمالي الغربي",
        ] {
            let name = format!("ريف {city}{dir}");
            let e = resolve(&name, &Hints::new()).unwrap_or_else(|| panic!("{name}"));
            let want = if pcode == "SY01" { "SY03" } else { pcode };
            assert_eq!(e.admin1, Some(want), "{name}");
        }
    }
}

#[test]
fn countryside_phrasings() {
    let cases = [
        ("الريف الشمالي لحمص", "waqai:rif-homs-north"),
        ("الريف الشرقي لدرعا", "waqai:rif-daraa-east"),
        ("الريف الشرقي للاذقية", "waqai:rif-lattakia-east"),
        ("الريف الغربي للرقة", "waqai:rif-raqqa-west"),
        ("ريفي حماة الشمالي", "waqai:rif-hama-north"),
        ("غرب حلب", "waqai:rif-aleppo-west"),
        ("شرق دمشق", "waqai:rif-damascus-east"),
        ("شمال غرب حماة", "waqai:rif-hama-northwest"),
        ("ريف دير الزور الشرقي", "waqai:rif-deir-ez-zor-east"),
    ];
    for (name, id) in cases {
        assert_eq!(
            resolve(name, &Hints::new()).map(|e| e.id),
            Some(id),
            "{name}"
        );
    }
    assert_eq!(
        resolve("شرق دمشق", &Hints::new()).unwrap().admin1,
        Some("SY03")
    );
}

#[test]
fn data_is_sane() {
    let gaz = gazetteer();
    assert!(gaz.keys().count() > 10_000);
    assert!(gaz.max_words() >= 4);
    let mut previous = "";
    for key in gaz.keys() {
        assert!(previous < key, "keys not sorted and unique at {key}");
        previous = key;
        // The engine finds keys in folded, single-spaced text. (match_key is not
        // idempotent: "الألمه جي" keys as "المه جي", which would strip again.)
        assert_eq!(crate::text::normalize::fold(key), key);
        assert!(
            !key.starts_with(' ') && !key.ends_with(' ') && !key.contains("  "),
            "{key:?}"
        );
        for e in gaz.lookup(key) {
            assert!((32.3..=37.4).contains(&e.lat), "{} lat {}", e.id, e.lat);
            assert!((35.7..=42.4).contains(&e.lon), "{} lon {}", e.id, e.lon);
            assert!(!e.name_ar.is_empty());
            assert!(
                e.admin1.is_some_and(|p| gaz.governorate(p).is_some()),
                "{}",
                e.id
            );
            if let Some(city) = e.city {
                assert_eq!(crate::text::normalize::fold(city), city, "{}", e.id);
                assert!(gaz.is_city(city));
                // The city itself is a place too.
                assert!(
                    gaz.lookup(city).iter().any(|c| c.kind == PlaceKind::City),
                    "{}: no city {city}",
                    e.id
                );
            }
        }
    }
}

#[test]
fn resolve_is_deterministic() {
    let a = Hints::new()
        .with_governorate("SY04")
        .with_governorate("SY02");
    let b = Hints::new()
        .with_governorate("SY02")
        .with_governorate("SY04");
    for name in [
        "الخالدية",
        "العامرية",
        "جديدة",
        "المشيرفة",
        "الصالحية",
        "دوما",
    ] {
        let key = match_key(name);
        let first = gazetteer().resolve(&key, &a).map(|e| e.id);
        assert!(first.is_some(), "{name}");
        for _ in 0..3 {
            assert_eq!(gazetteer().resolve(&key, &a).map(|e| e.id), first);
            assert_eq!(gazetteer().resolve(&key, &b).map(|e| e.id), first);
        }
    }
}

/// The 69 place names of the sample articles
/// (../shared/data/gazetteer/coverage_check_sample_names.csv).
const SAMPLE_NAMES: [&str; 69] = [
    "حمص",
    "الوعر",
    "الحولة",
    "الغنطو",
    "تيرمعلة",
    "غرناطة",
    "الفرحانية الغربية",
    "الحلموز",
    "أم شرشوح",
    "تلبيسة",
    "الرستن",
    "الفرقلس",
    "حقل المهر",
    "تدمر",
    "جبل الهيال",
    "الخالدية",
    "دمشق",
    "القابون",
    "جوبر",
    "حرستا",
    "داريا",
    "معضمية الشام",
    "معرة النعمان",
    "الحارة",
    "نوى",
    "الشرائع",
    "اللجاة",
    "خربة غزالة",
    "درعا",
    "السويداء",
    "دير الزور",
    "إزرع",
    "نصيب",
    "الدوة",
    "البيارات",
    "التيفور",
    "أبو الفوارس",
    "العامرية",
    "الرقة",
    "السعن الأسود",
    "تشرين",
    "اليرموك",
    "التضامن",
    "زملكا",
    "دوما",
    "جسرين",
    "المحمدية",
    "الغوطة الشرقية",
    "حلب",
    "الراشدين",
    "إدلب",
    "بعربو",
    "الهبيط",
    "النقير",
    "معرة حرمة",
    "تلعاس",
    "حماة",
    "المغير",
    "بريديج",
    "سلحب",
    "محردة",
    "السقيلبية",
    "الزيارة",
    "التوبة",
    "الجابرية",
    "تل هواش",
    "الكرك الشرقي",
    "المنشية",
    "الشعيرات",
];

#[test]
fn covers_the_sample_names() {
    let missing: Vec<&str> = SAMPLE_NAMES
        .iter()
        .copied()
        .filter(|n| !gazetteer().contains(&match_key(n)))
        .collect();
    assert!(missing.is_empty(), "missing: {missing:?}");
}

#[test]
fn the_first_words_of_many_names_are_known_as_such() {
    let prefix = |w: &str| gazetteer().facts(&match_key(w)).is_some_and(|f| f.prefix);
    for w in ["كفر", "خربة", "تل", "دير", "مزرعة"] {
        assert!(prefix(w), "{w}");
    }
    for w in ["حلب", "حمص", "دوما", "الرستن"] {
        assert!(!prefix(w), "{w}");
    }
}
