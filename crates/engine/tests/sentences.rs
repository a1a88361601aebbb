//! The whole engine on single sentences written for these tests, one row per
//! construction it must read: coordination, clitics, denial, anaphora, actor
//! forms, casualty forms and dates. Each row lists the events expected as
//! `type @ place / side / killed / wounded / date / status`.

use waqai_engine::{extract, Count, Options};

fn summary(text: &str, published: &str) -> Vec<String> {
    let found = extract(text, &Options::published(published.parse().unwrap()));
    found
        .events
        .iter()
        .map(|e| {
            let count = |c: Option<Count>| match c {
                None => "-".to_string(),
                Some(Count::Exact(n)) => n.to_string(),
                Some(Count::Some) => "some".to_string(),
            };
            format!(
                "{} @ {} / {} / {} / {} / {} / {}",
                e.kind.id(),
                e.places.first().map_or("", |p| p.name.as_str()),
                e.actor.side.map_or("-", |s| s.id()),
                count(e.killed),
                count(e.wounded),
                e.date.map_or("-".to_string(), |d| d.to_string()),
                if e.status == waqai_engine::Status::Denied {
                    "denied"
                } else {
                    "reported"
                },
            )
        })
        .collect()
}

const PUBLISHED: &str = "2021-05-12"; // a Wednesday

#[test]
fn constructions() {
    let table: &[(&str, &[&str])] = &[
        // VSO subject, weekday date, consequence clause with figures.
        (
            "قصفت قوات النظام الأربعاء حي الوعر في حمص بقذائف الهاون، مما أدى إلى مقتل ثلاثة مدنيين وإصابة عشرة آخرين.",
            &["shelling @ الوعر / government / 3 / 10 / 2021-05-12 / reported"],
        ),
        // A coordinated list after a plural type word; unknown names; a locator.
        (
            "شنت طائرات روسية غارات على بلدات كفرنبل والهبيط وبعربو بريف إدلب الجنوبي.",
            &[
                "airstrike @ كفرنبل / russia / - / - / - / reported",
                "airstrike @ الهبيط / russia / - / - / - / reported",
                "airstrike @ بعربو / russia / - / - / - / reported",
            ],
        ),
        // Barrel bombs from helicopters are an airstrike by the government; an absolute date.
        (
            "ألقت المروحيات براميل متفجرة على حي الشعار في حلب، مما أدى إلى سقوط 15 قتيلا في 3 شباط 2014.",
            &["airstrike @ الشعار / government / 15 / - / 2014-02-03 / reported"],
        ),
        // SANA style: passive victims first, a dual, an attack by "terrorists".
        (
            "دمشق-سانا: استشهد مدنيان وأصيب خمسة آخرون جراء اعتداء إرهابيين بقذائف صاروخية على حي باب توما صباح اليوم.",
            &["shelling @ باب توما / opposition / 2 / 5 / 2021-05-12 / reported"],
        ),
        // A denial governs the event; the actor is "its forces" of the one denying.
        (
            "نفت هيئة تحرير الشام الأنباء عن انسحاب قواتها من مدينة خان شيخون.",
            &["withdrawal @ خان شيخون / opposition / - / - / - / denied"],
        ),
        // "did not take": a negated advance is still an event, denied.
        (
            "وأكد القيادي أن قوات النظام لم تسيطر على بلدة اللطامنة.",
            &["advance @ اللطامنة / government / - / - / - / denied"],
        ),
        // A noun's owner after it outranks the one announcing; a dual of soldiers; yesterday.
        (
            "أعلن الجيش التركي مقتل جنديين في هجوم لوحدات حماية الشعب قرب مدينة عفرين أمس.",
            &["clash @ عفرين / sdf / 2 / - / 2021-05-11 / reported"],
        ),
        // No casualties.
        (
            "وقال ناشطون إن قذائف هاون سقطت على حي المزة، دون أنباء عن إصابات.",
            &["shelling @ المزة / - / 0 / 0 / - / reported"],
        ),
        // A place named again as "the neighbourhood itself".
        (
            "اقتحمت قوات النظام حي الخالدية في حمص. ودارت اشتباكات عنيفة في الحي ذاته.",
            &[
                "advance @ الخالدية / government / - / - / - / reported",
                "clash @ الخالدية / - / - / - / - / reported",
            ],
        ),
        // An intention is not an event; a region of its own.
        (
            "تسعى قوات النظام إلى استعادة مدينة إدلب، ونزح آلاف المدنيين من قرى ريف حماة الشمالي.",
            &["displacement @ ريف حماة الشمالي / - / - / - / - / reported"],
        ),
        // Two event types from the weapons of one bombardment.
        (
            "تعرضت بلدة اللجاة لقصف بالطيران الحربي والمدفعية الثقيلة.",
            &[
                "airstrike @ اللجاة / government / - / - / - / reported",
                "shelling @ اللجاة / government / - / - / - / reported",
            ],
        ),
        // Arrest campaign; the places of the attacker are not event places.
        (
            "شنت قوات الأمن حملة دهم واعتقالات في مدينة دوما، بينما قصفت المدفعية من مطار المزة بلدة داريا.",
            &[
                "arrest @ دوما / government / - / - / - / reported",
                "shelling @ داريا / - / - / - / - / reported",
            ],
        ),
        // Regime media: units of the army, a strike named by its weapon.
        (
            "دمرت وحدات من الجيش العربي السوري بضربات مدفعية مركزة تحصينات للإرهابيين في قرية الهبيط بريف إدلب.",
            &["shelling @ الهبيط / government / - / - / - / reported"],
        ),
        // Kurdish media: "mercenaries of the Turkish occupation" are Syrian factions.
        (
            "قصف مرتزقة الاحتلال التركي قرى تل تمر وأم الكيف بقذائف الهاون، ما أدى لإصابة ثلاثة مدنيين.",
            &[
                "shelling @ تل تمر / opposition / - / 3 / - / reported",
                "shelling @ أم الكيف / opposition / - / 3 / - / reported",
            ],
        ),
        // A drone's nationality; a hyphenated road name.
        (
            "استهدفت طائرة مسيرة تركية سيارة على طريق القامشلي-عامودا، ما أسفر عن مقتل شخصين.",
            &["airstrike @ طريق القامشلي-عامودا / turkey / 2 / - / - / reported"],
        ),
        // Two verbs share their subject and their place; a day and month without a year.
        (
            "وفي 15 آذار، اقتحمت قوات الأمن حي بابا عمرو في حمص وشنت حملة اعتقالات طالت العشرات.",
            &[
                "advance @ بابا عمرو / government / - / - / 2021-03-15 / reported",
                "arrest @ بابا عمرو / government / - / - / 2021-03-15 / reported",
            ],
        ),
        // The coalition's aircraft, last night.
        (
            "شنت طائرات التحالف الدولي غارات على مواقع لتنظيم الدولة في مدينة الميادين الليلة الماضية.",
            &["airstrike @ الميادين / coalition / - / - / 2021-05-11 / reported"],
        ),
        // A two-word month with its Gregorian name after a slash, then the year: the year
        // counts (not the publication's), however many words the date takes.
        (
            "في 10 كانون الثاني/يناير 2014 قصفت قوات النظام مدينة داريا، ما أدى إلى مقتل أربعة مدنيين.",
            &["shelling @ داريا / government / 4 / - / 2014-01-10 / reported"],
        ),
        (
            "قصفت قوات النظام بلدة داريا يوم السبت 23 آب/أغسطس 2014.",
            &["shelling @ داريا / government / - / - / 2014-08-23 / reported"],
        ),
        // A front ("محور X") is fought over at X; the toll is the linked clause's.
        (
            "دارت اشتباكات عنيفة بين الفصائل وقوات النظام على محور اللطامنة، أسفرت عن مقتل سبعة عناصر.",
            &["clash @ اللطامنة / - / 7 / - / - / reported"],
        ),
        // A figure before its verb, across an aside that counts a part of the victims.
        (
            "قال المرصد إن 12 مدنياً على الأقل، بينهم أربعة أطفال، قتلوا جراء غارات روسية على بلدة كفرنبل.",
            &["airstrike @ كفرنبل / russia / 12 / - / - / reported"],
        ),
        // A district town's countryside is a place of its own, as a governorate's.
        (
            "قصف الجيش التركي بالمدفعية قرى في ريف منبج الشرقي.",
            &["shelling @ ريف منبج الشرقي / turkey / - / - / - / reported"],
        ),
        (
            "قصفت قوات النظام الريف الغربي لجسر الشغور.",
            &["shelling @ الريف الغربي لجسر الشغور / government / - / - / - / reported"],
        ),
        // Air defences intercepting missiles are no clash at the place struck.
        (
            "استهدف الطيران الإسرائيلي مواقع في محيط مطار المزة، وتصدت وسائط الدفاع الجوي للصواريخ المعادية.",
            &["airstrike @ مطار المزة / israel / - / - / - / reported"],
        ),
        // An assassination by unknown gunmen; a desert named after its town.
        (
            "اغتال مسلحون مجهولون قياديا سابقا بمدينة درعا البلد.",
            &["violence_against_civilians @ درعا البلد / - / - / - / - / reported"],
        ),
        (
            "شن تنظيم داعش هجوما على مواقع لقوات النظام في بادية السخنة.",
            &["clash @ بادية السخنة / isis / - / - / - / reported"],
        ),
        // Shells falling are shelling; a plane falling is no airstrike.
        (
            "أفادت مصادر محلية بمقتل مدني وإصابة آخرين جراء سقوط قذائف هاون على حي الحمدانية.",
            &["shelling @ الحمدانية / - / 1 / some / - / reported"],
        ),
        ("سقطت طائرة حربية في ريف حماة.", &[]),
        // Rockets launched at a place are shelling; a release ("أطلقت سراح") is nothing.
        (
            "أطلقت الفصائل صواريخ غراد على مواقع قوات النظام في مدينة سراقب.",
            &["shelling @ سراقب / opposition / - / - / - / reported"],
        ),
        ("أطلقت قوات النظام سراح 20 معتقلا من سجن حماة.", &[]),
        // A ministry speaks for its side; "its aircraft" are the subject's.
        (
            "نفت وزارة الدفاع الروسية أن تكون طائراتها قد نفذت غارات على مدينة خان شيخون.",
            &["airstrike @ خان شيخون / russia / - / - / - / denied"],
        ),
        // Where a withdrawal or a flight went is not where it happened.
        (
            "انسحبت وحدات حماية الشعب من قرية الدردارة باتجاه مدينة تل تمر.",
            &["withdrawal @ الدردارة / sdf / - / - / - / reported"],
        ),
        (
            "نزح مئات الأهالي من بلدة التمانعة نحو مدينة إدلب.",
            &["displacement @ التمانعة / - / - / - / - / reported"],
        ),
        // The way taken is no second event place; a nationality after a body of troops.
        (
            "دخلت قوات روسية إلى مدينة منبج عبر معبر العريمة.",
            &["advance @ منبج / russia / - / - / - / reported"],
        ),
        (
            "دخل رتل عسكري تركي إلى بلدة الأتارب.",
            &["advance @ الأتارب / turkey / - / - / - / reported"],
        ),
        // A front names its place; a mountain range after a village only locates it.
        (
            "اندلعت اشتباكات عنيفة على جبهة كبانة في جبل الأكراد.",
            &["clash @ كبانة / - / - / - / - / reported"],
        ),
        // Killings whose doer is named, with the victims counted past the doer.
        (
            "أعدم تنظيم داعش ستة شبان في مدينة البوكمال.",
            &["violence_against_civilians @ البوكمال / isis / 6 / - / - / reported"],
        ),
        (
            "قتلت قوات النظام ثلاثة مدنيين في بلدة الحارة.",
            &["violence_against_civilians @ الحارة / government / 3 / - / - / reported"],
        ),
        // Victims named one by one are added up.
        (
            "قتل رجل وامرأة جراء قصف مدفعي على بلدة الهبيط.",
            &["shelling @ الهبيط / - / 2 / - / - / reported"],
        ),
        // A toll (حصيلة) that rose to a figure.
        (
            "ارتفعت حصيلة ضحايا الغارات على مدينة أريحا إلى 21 مدنياً.",
            &["airstrike @ أريحا / - / 21 / - / - / reported"],
        ),
        // A massacre by aircraft is an airstrike; "راح ضحيتها" counts its dead.
        (
            "ارتكب الطيران الحربي الروسي مجزرة في بلدة كفرنبل راح ضحيتها 9 مدنيين.",
            &["airstrike @ كفرنبل / russia / 9 / - / - / reported"],
        ),
        // "سقط" with a weapon is a strike.
        (
            "سقط صاروخ على حي الحمدانية في حلب.",
            &["shelling @ الحمدانية / - / - / - / - / reported"],
        ),
        // The actor after "التابعة ل"; "عناصر X" acts unless it is a strike's target.
        (
            "قصفت المدفعية التابعة لقوات النظام بلدة كفرنبل.",
            &["shelling @ كفرنبل / government / - / - / - / reported"],
        ),
        (
            "انسحب عناصر داعش من بلدة هجين.",
            &["withdrawal @ هجين / isis / - / - / - / reported"],
        ),
        (
            "قصفت الميليشيات الموالية لإيران قرية الجديدة بسهل الغاب.",
            &["shelling @ الجديدة / iran_militias / - / - / - / reported"],
        ),
        // State media's words for a capture; a failed advance; a repelled attack.
        (
            "قالت سانا إن وحدات من الجيش العربي السوري أعادت الأمن والاستقرار إلى قرية الزكاة.",
            &["advance @ الزكاة / government / - / - / - / reported"],
        ),
        ("لم تتمكن الفصائل من السيطرة على بلدة كرناز.", &[]),
        (
            "صدت الفصائل هجوماً على بلدة اللطامنة.",
            &["clash @ اللطامنة / opposition / - / - / - / reported"],
        ),
        // "بقصف لـ…": the noun's owner is the actor, also for a bare headline "قصف لـ…".
        (
            "استشهد مدنيان بقصف للاحتلال التركي على قرية تل جمعة.",
            &["shelling @ تل جمعة / turkey / 2 / - / - / reported"],
        ),
        (
            "قصف لقوات النظام على بلدة كفرنبل.",
            &["shelling @ كفرنبل / government / - / - / - / reported"],
        ),
        // أغارت is an air raid; "بلدية X" is the town X.
        (
            "أغارت طائرات حربية مجهولة على مواقع قرب مدينة البوكمال.",
            &["airstrike @ البوكمال / - / - / - / - / reported"],
        ),
        (
            "أقدم مسلحون مجهولون على اغتيال رئيس بلدية نوى.",
            &["violence_against_civilians @ نوى / - / - / - / - / reported"],
        ),
        // "الأربعاء الماضي" in a Wednesday's paper is a week before it.
        (
            "قتل 4 مدنيين يوم الأربعاء الماضي بغارة روسية على قرية بسقلا.",
            &["airstrike @ بسقلا / russia / 4 / - / 2021-05-05 / reported"],
        ),
        // "No reports of casualties" is no figure of wounded.
        (
            "قصفت قوات النظام بالمدفعية الثقيلة بلدة كفرزيتا، دون ورود أنباء عن إصابات.",
            &["shelling @ كفرزيتا / government / 0 / 0 / - / reported"],
        ),
        // A verb whose pronoun refers back to the weapons names who fired them.
        (
            "سقطت قذائف أطلقتها الفصائل على مدينة القرداحة.",
            &["shelling @ القرداحة / opposition / - / - / - / reported"],
        ),
        // The sentence goes on after commas to where the fighting is.
        (
            "تدور اشتباكات عنيفة بين الفصائل من جهة، وقوات النظام من جهة أخرى، على محاور في جبل التركمان.",
            &["clash @ جبل التركمان / - / - / - / - / reported"],
        ),
        // A side after "في" is the victim's, not the attacker's; a commander is one person.
        (
            "قُتل قيادي في الجيش الحر جراء انفجار عبوة ناسفة بسيارته في مدينة الباب.",
            &["explosion @ الباب / - / 1 / - / - / reported"],
        ),
        // "Under the control of" is no capture, also right after a place's name.
        (
            "قصفت قوات النظام بلدة كفرنبل الخاضعة لسيطرة الفصائل.",
            &["shelling @ كفرنبل / government / - / - / - / reported"],
        ),
        (
            "قُتل خمسة أشخاص في قصف صاروخي على مدينة أعزاز مصدره مناطق سيطرة قسد.",
            &["shelling @ أعزاز / - / 5 / - / - / reported"],
        ),
        // A name's common first word before a word nobody indexed starts an
        // unknown name, not the one village called "الكفر" or "الخربة".
        (
            "قصفت قوات النظام قرية خربة عمو وبلدة كفر عمو.",
            &[
                "shelling @ خربة عمو / government / - / - / - / reported",
                "shelling @ كفر عمو / government / - / - / - / reported",
            ],
        ),
        // Arson at a facility is a strategic development.
        (
            "أحرق مجهولون مقر المجلس المحلي في بلدة كفرتخاريم.",
            &["other @ كفرتخاريم / - / - / - / - / reported"],
        ),
        // A toll in the next sentence that names the strike again ("في القصف").
        (
            "استهدفت المدفعية الثقيلة قرية عابدين. وقتل في القصف شاب وأصيب آخرون.",
            &["shelling @ عابدين / - / 1 / some / - / reported"],
        ),
        // A hospital named after its town is at the town; "أبرزها" names the towns taken.
        (
            "قصفت الطائرات الحربية الروسية مشفى كفرنبل الجراحي.",
            &["airstrike @ كفرنبل / russia / - / - / - / reported"],
        ),
        (
            "سيطرت الفصائل على بلدات عدة أبرزها كفرنبودة والهبيط.",
            &[
                "advance @ كفرنبودة / opposition / - / - / - / reported",
                "advance @ الهبيط / opposition / - / - / - / reported",
            ],
        ),
        // A security operation is an arrest campaign.
        (
            "أعلنت قسد اعتقال عنصرين من داعش خلال عملية أمنية في بلدة ذيبان.",
            &["arrest @ ذيبان / sdf / - / - / - / reported"],
        ),
        // "ضاحية" is part of a suburb's name (the guidelines drop only حي، مدينة …).
        (
            "سقطت قذائف هاون أطلقها الإرهابيون على ضاحية الأسد.",
            &["shelling @ ضاحية الأسد / opposition / - / - / - / reported"],
        ),
        // Nothing to report.
        ("الطقس مشمس اليوم في معظم المناطق.", &[]),
        ("", &[]),
    ];
    let mut failures = Vec::new();
    for (text, want) in table {
        let got = summary(text, PUBLISHED);
        if got != *want {
            failures.push(format!("{text}\n  want {want:#?}\n  got  {got:#?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn evidence_points_at_the_original_sentence() {
    let text = "خبر أول.\nقَصَفَتْ قوّاتُ النظام حيَّ جوبر بدمشق. وخبر آخر 😀.";
    let found = extract(text, &Options::default());
    let span = &found.events[0].evidence[0];
    assert_eq!(&text[span.start..span.end], &*span.text);
    assert!(span.text.starts_with("قَصَفَتْ"));
    let utf16: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(
        String::from_utf16(&utf16[span.start_utf16..span.end_utf16]).unwrap(),
        *span.text
    );
}

#[test]
fn a_dateline_gives_the_publication_day() {
    let text = "حلب، 22 كانون الأول 2016\nقصف الطيران الحربي حي الشعار أمس.";
    let found = extract(text, &Options::default());
    assert_eq!(found.published.unwrap().to_string(), "2016-12-22");
    assert_eq!(found.published_from, "text");
    assert_eq!(found.events[0].date.unwrap().to_string(), "2016-12-21");
}
