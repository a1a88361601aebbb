//! Interface strings in Arabic and English, text direction, and the way
//! numbers and dates are written in each language.
//!
//! Strings live in two `Strings` tables so that a missing translation is a
//! compile error, not a blank button.

use waqai_engine::{Date, DatePrecision, EventType, Side};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ar,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
        }
    }

    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "ltr",
            Lang::Ar => "rtl",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Lang::En),
            "ar" => Some(Lang::Ar),
            _ => None,
        }
    }

    /// The language to start in: a `?lang=` in the address wins, then the
    /// reader's last choice, then the browser's language (Arabic for any `ar-*`).
    pub fn choose(query: Option<&str>, saved: Option<Lang>, browser: &[String]) -> Lang {
        if let Some(l) = query.and_then(Lang::from_code) {
            return l;
        }
        if let Some(l) = saved {
            return l;
        }
        for tag in browser {
            let primary = tag.split(['-', '_']).next().unwrap_or("");
            if primary.eq_ignore_ascii_case("ar") {
                return Lang::Ar;
            }
            if primary.eq_ignore_ascii_case("en") {
                return Lang::En;
            }
        }
        Lang::En
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Ar => &AR,
        }
    }

    pub fn type_name(self, t: EventType) -> &'static str {
        match self {
            Lang::En => t.name_en(),
            Lang::Ar => t.name_ar(),
        }
    }

    pub fn side_name(self, s: Side) -> &'static str {
        match self {
            Lang::En => s.name_en(),
            Lang::Ar => s.name_ar(),
        }
    }

    /// A whole number with the language's digits (Arabic-Indic in Arabic).
    pub fn num(self, n: u64) -> String {
        let s = n.to_string();
        match self {
            Lang::En => s,
            Lang::Ar => arabic_digits(&s),
        }
    }

    /// "1 event", "5 events" / "حدث واحد"، "حدثان"، "٥ أحداث"، "١٢ حدثاً": the
    /// noun agrees with the number (Arabic: the singular and dual words, a
    /// plural from three to ten, an accusative singular when the last two
    /// digits are 11–99, else the singular).
    pub fn events_count(self, n: u64) -> String {
        match self {
            Lang::En if n == 1 => "1 event".to_string(),
            Lang::En => format!("{n} events"),
            Lang::Ar => match n {
                1 => "حدث واحد".to_string(),
                2 => "حدثان".to_string(),
                3..=10 => format!("{} أحداث", self.num(n)),
                _ if (11..=99).contains(&(n % 100)) => format!("{} حدثاً", self.num(n)),
                _ => format!("{} حدث", self.num(n)),
            },
        }
    }

    /// "Wed 22 Mar 2017" / "الأربعاء ٢٢ آذار ٢٠١٧".
    pub fn date_long(self, d: Date) -> String {
        let (wd, m) = (d.weekday() as usize, d.month() as usize - 1);
        match self {
            Lang::En => format!(
                "{} {} {} {}",
                WEEKDAYS_EN[wd],
                d.day(),
                MONTHS_EN[m],
                d.year()
            ),
            Lang::Ar => format!(
                "{} {} {} {}",
                WEEKDAYS_AR[wd],
                self.num(d.day() as u64),
                MONTHS_AR[m],
                self.num(d.year() as u64)
            ),
        }
    }

    /// "22 Mar" / "٢٢ آذار": chart labels.
    pub fn date_short(self, d: Date) -> String {
        let m = d.month() as usize - 1;
        match self {
            Lang::En => format!("{} {}", d.day(), MONTHS_EN[m]),
            Lang::Ar => format!("{} {}", self.num(d.day() as u64), MONTHS_AR[m]),
        }
    }

    /// "March 2016" / "آذار ٢٠١٦".
    pub fn month_year(self, d: Date) -> String {
        let m = d.month() as usize - 1;
        match self {
            Lang::En => format!("{} {}", MONTHS_EN[m], d.year()),
            Lang::Ar => format!("{} {}", MONTHS_AR[m], self.num(d.year() as u64)),
        }
    }

    /// "1 article", "3 articles" / "مقال واحد", "مقالان", "٣ مقالات".
    pub fn articles_count(self, n: usize) -> String {
        match (self, n) {
            (Lang::En, 1) => "1 article".into(),
            (Lang::En, n) => format!("{n} articles"),
            (Lang::Ar, 1) => "مقال واحد".into(),
            (Lang::Ar, 2) => "مقالان".into(),
            (Lang::Ar, n) if (3..=10).contains(&n) => format!("{} مقالات", self.num(n as u64)),
            (Lang::Ar, n) => format!("{} مقالاً", self.num(n as u64)),
        }
    }

    /// How exactly the date is known, shown after it ("" for a known day).
    pub fn precision(self, p: DatePrecision) -> &'static str {
        let s = self.strings();
        match p {
            DatePrecision::Day => s.prec_day,
            DatePrecision::Week => s.prec_week,
            DatePrecision::Month => s.prec_month,
            DatePrecision::Unknown => s.prec_unknown,
        }
    }
}

fn arabic_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x0660 + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

const WEEKDAYS_EN: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS_AR: [&str; 7] = [
    "الأحد",
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
];
// The Levantine month names Syrian outlets use.
const MONTHS_AR: [&str; 12] = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
];

/// Every interface string, one table per language.
pub struct Strings {
    pub app_tagline: &'static str,
    pub lang_switch: &'static str,
    pub lang_switch_label: &'static str,
    pub load_samples: &'static str,
    pub add_section: &'static str,
    pub article_text: &'static str,
    pub outlet: &'static str,
    pub published: &'static str,
    pub add_article: &'static str,
    pub upload: &'static str,
    pub drop_hint: &'static str,
    pub drop_here: &'static str,
    pub articles: &'static str,
    pub no_articles: &'static str,
    pub remove: &'static str,
    pub from_text: &'static str,
    pub filters: &'static str,
    pub clear_filters: &'static str,
    pub keeps: &'static str,
    pub f_type: &'static str,
    pub f_side: &'static str,
    pub f_gov: &'static str,
    pub f_place: &'static str,
    pub f_dates: &'static str,
    pub f_killed: &'static str,
    pub f_denied: &'static str,
    pub f_article: &'static str,
    pub all: &'static str,
    pub unknown: &'static str,
    pub unknown_side: &'static str,
    pub place_search: &'static str,
    pub date_from: &'static str,
    pub date_to: &'static str,
    pub min_killed: &'static str,
    pub show_denied: &'static str,
    pub timeline: &'static str,
    pub timeline_empty: &'static str,
    pub showing: &'static str,
    pub undated: &'static str,
    pub legend: &'static str,
    pub side: &'static str,
    pub killed: &'static str,
    pub wounded: &'static str,
    pub some: &'static str,
    pub date: &'static str,
    pub denied: &'static str,
    pub corrected: &'static str,
    pub source: &'static str,
    pub reported_by: &'static str,
    pub correct: &'static str,
    pub delete: &'static str,
    pub revert: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub event_type: &'static str,
    pub place: &'static str,
    pub restore_deleted: &'static str,
    pub chart: &'static str,
    pub chart_hint: &'static str,
    pub map: &'static str,
    pub map_hint: &'static str,
    pub attribution: &'static str,
    pub evidence: &'static str,
    pub evidence_empty: &'static str,
    pub close: &'static str,
    pub prec_day: &'static str,
    pub prec_week: &'static str,
    pub prec_month: &'static str,
    pub prec_unknown: &'static str,
    pub err_empty: &'static str,
    pub err_huge: &'static str,
    pub err_binary: &'static str,
    pub err_read: &'static str,
    pub err_storage: &'static str,
    pub err_storage_off: &'static str,
    pub err_saved_broken: &'static str,
    pub added_n: &'static str,
    pub samples_loaded: &'static str,
    pub err_samples: &'static str,
    /// The views fetched after the first paint could not be fetched.
    pub err_deferred: &'static str,
    pub try_again: &'static str,
    /// While those views are on their way and there are events to show.
    pub loading: &'static str,
    pub dismiss: &'static str,
    pub dates_hide_undated: &'static str,
    pub show_filters: &'static str,
    pub show_articles: &'static str,
    pub removed: &'static str,
    pub undo: &'static str,
    pub none_found: &'static str,
    pub reading_one: &'static str,
    pub not_read: &'static str,
    pub read_now: &'static str,
}

pub static EN: Strings = Strings {
    app_tagline: "A timeline of events from Arabic reports on the war in Syria. Nothing leaves your browser.",
    lang_switch: "العربية",
    lang_switch_label: "Switch the interface to Arabic",
    load_samples: "Load sample articles",
    add_section: "Add articles",
    article_text: "Article text",
    outlet: "Source / outlet",
    published: "Publication date",
    add_article: "Add article",
    upload: "Upload files (.txt, .md, .html)",
    drop_hint: "or drop files anywhere on the page.",
    drop_here: "Drop the files to add them",
    articles: "Articles",
    no_articles: "No articles yet. Paste one, upload files or load the samples.",
    remove: "Remove",
    from_text: "found in the text",
    filters: "Filters",
    clear_filters: "Clear filters",
    keeps: "keeps",
    f_type: "Event type",
    f_side: "Side",
    f_gov: "Governorate",
    f_place: "Place",
    f_dates: "Dates",
    f_killed: "Killed",
    f_denied: "Denied",
    f_article: "Article",
    all: "All",
    unknown: "Unknown",
    unknown_side: "Not stated",
    place_search: "Place name contains",
    date_from: "From",
    date_to: "To",
    min_killed: "At least this many killed",
    show_denied: "Show denied events",
    timeline: "Timeline",
    timeline_empty: "No events to show.",
    showing: "events shown",
    undated: "Date not stated",
    legend: "Event types",
    side: "Side",
    killed: "Killed",
    wounded: "Wounded",
    some: "some",
    date: "Date",
    denied: "Denied",
    corrected: "Corrected",
    source: "Source",
    reported_by: "Reported by",
    correct: "Correct",
    delete: "Delete",
    revert: "Undo correction",
    save: "Save",
    cancel: "Cancel",
    event_type: "Event type",
    place: "Place",
    restore_deleted: "Restore deleted events",
    chart: "Events per day",
    chart_hint: "Select a day to show only its events.",
    map: "Map",
    map_hint: "Select a mark to open its event; arrow keys move between marks.",
    attribution: "Boundaries: UN OCHA COD-AB (CC BY 3.0 IGO)",
    evidence: "Source text",
    evidence_empty: "Select an event to read the sentence it comes from.",
    close: "Close",
    prec_day: "",
    prec_week: "week approximate",
    prec_month: "month approximate",
    prec_unknown: "date uncertain",
    err_empty: "The article is empty: paste some text first.",
    err_huge: "This text is too long (more than 1 MB); split it into articles.",
    err_binary: "This does not look like a text file; it was not added.",
    err_read: "The file could not be read.",
    err_storage: "Your work could not be saved in this browser (storage is full). It stays in this tab; remove articles or export before closing.",
    err_storage_off: "Browser storage is disabled, so your work will not survive a reload. It stays in this tab.",
    err_saved_broken: "The saved data could not be read; it was kept aside under waqai.v1.broken and the page started empty.",
    added_n: "Added",
    samples_loaded: "Sample articles loaded.",
    err_samples: "The sample articles could not be loaded from this site. Check the connection and try again.",
    err_deferred: "The timeline, chart and map could not be loaded from this site. Your articles are kept. Check the connection and try again.",
    try_again: "Try again",
    loading: "Loading the timeline…",
    dismiss: "Dismiss",
    dates_hide_undated: "Events without a date are hidden while a range is set.",
    show_filters: "Choose filters",
    show_articles: "Show the articles",
    removed: "Removed",
    undo: "Undo",
    none_found: "no events found",
    reading_one: "Reading…",
    not_read: "Not read (stopped).",
    read_now: "Read",
};

pub static AR: Strings = Strings {
    app_tagline: "خط زمني للأحداث من التقارير العربية عن الحرب في سوريا. لا يغادر شيء متصفحك.",
    lang_switch: "English",
    lang_switch_label: "تحويل الواجهة إلى الإنكليزية",
    load_samples: "تحميل مقالات نموذجية",
    add_section: "إضافة مقالات",
    article_text: "نص المقال",
    outlet: "المصدر / الوسيلة",
    published: "تاريخ النشر",
    add_article: "إضافة المقال",
    upload: "رفع ملفات: نص أو Markdown أو HTML",
    drop_hint: "أو أفلت الملفات في أي مكان من الصفحة.",
    drop_here: "أفلت الملفات لإضافتها",
    articles: "المقالات",
    no_articles: "لا مقالات بعد. الصق مقالاً أو ارفع ملفات أو حمّل النماذج.",
    remove: "حذف",
    from_text: "من النص",
    filters: "التصفية",
    clear_filters: "مسح التصفية",
    keeps: "يُبقي",
    f_type: "نوع الحدث",
    f_side: "الطرف",
    f_gov: "المحافظة",
    f_place: "المكان",
    f_dates: "التواريخ",
    f_killed: "القتلى",
    f_denied: "المنفي",
    f_article: "المقال",
    all: "الكل",
    unknown: "غير معروف",
    unknown_side: "غير مذكور",
    place_search: "اسم المكان يحتوي",
    date_from: "من",
    date_to: "إلى",
    min_killed: "عدد القتلى على الأقل",
    show_denied: "إظهار الأحداث المنفية",
    timeline: "الخط الزمني",
    timeline_empty: "لا أحداث للعرض.",
    showing: "حدثاً معروضاً",
    undated: "التاريخ غير مذكور",
    legend: "أنواع الأحداث",
    side: "الطرف",
    killed: "قتلى",
    wounded: "جرحى",
    some: "عدد غير محدد",
    date: "التاريخ",
    denied: "منفي",
    corrected: "مصحّح",
    source: "المصدر",
    reported_by: "أوردته",
    correct: "تصحيح",
    delete: "حذف",
    revert: "التراجع عن التصحيح",
    save: "حفظ",
    cancel: "إلغاء",
    event_type: "نوع الحدث",
    place: "المكان",
    restore_deleted: "استعادة الأحداث المحذوفة",
    chart: "الأحداث في كل يوم",
    chart_hint: "اختر يوماً لعرض أحداثه فقط.",
    map: "الخريطة",
    map_hint: "اختر علامة لفتح حدثها؛ تنقّل بين العلامات بمفاتيح الأسهم.",
    attribution: "الحدود: UN OCHA COD-AB (CC BY 3.0 IGO)",
    evidence: "النص المصدر",
    evidence_empty: "اختر حدثاً لقراءة الجملة التي ورد فيها.",
    close: "إغلاق",
    prec_day: "",
    prec_week: "بالأسبوع تقريباً",
    prec_month: "بالشهر تقريباً",
    prec_unknown: "تاريخ غير مؤكد",
    err_empty: "المقال فارغ: الصق نصاً أولاً.",
    err_huge: "النص طويل جداً (أكثر من 1 ميغابايت)؛ قسّمه إلى مقالات.",
    err_binary: "لا يبدو هذا ملفاً نصياً؛ لم تتم إضافته.",
    err_read: "تعذرت قراءة الملف.",
    err_storage: "تعذر حفظ عملك في هذا المتصفح (التخزين ممتلئ). يبقى عملك في هذه النافذة؛ احذف مقالات قبل الإغلاق.",
    err_storage_off: "تخزين المتصفح معطل، فلن يبقى عملك بعد إعادة التحميل. يبقى في هذه النافذة.",
    err_saved_broken: "تعذرت قراءة البيانات المحفوظة؛ حُفظت جانباً باسم waqai.v1.broken وبدأت الصفحة فارغة.",
    added_n: "أضيف",
    samples_loaded: "حُمّلت المقالات النموذجية.",
    err_samples: "تعذر تحميل المقالات النموذجية من هذا الموقع. تحقق من الاتصال وحاول مجدداً.",
    err_deferred: "تعذر تحميل الخط الزمني والرسم البياني والخريطة من هذا الموقع. مقالاتك محفوظة. تحقق من الاتصال وحاول مجدداً.",
    try_again: "حاول مجدداً",
    loading: "جارٍ تحميل الخط الزمني…",
    dismiss: "إخفاء",
    dates_hide_undated: "تُخفى الأحداث غير المؤرخة ما دام نطاق التواريخ محدداً.",
    show_filters: "اختيار التصفية",
    show_articles: "عرض المقالات",
    removed: "حُذف",
    undo: "تراجع",
    none_found: "لم يُعثر على أحداث",
    reading_one: "جارٍ القراءة…",
    not_read: "لم يُقرأ (أُوقف).",
    read_now: "اقرأ",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_counts_agree_with_their_number() {
        // Table: (language, count, words)
        for (lang, n, want) in [
            (Lang::En, 1, "1 event"),
            (Lang::En, 2, "2 events"),
            (Lang::En, 0, "0 events"),
            (Lang::Ar, 1, "حدث واحد"),
            (Lang::Ar, 2, "حدثان"),
            (Lang::Ar, 3, "٣ أحداث"),
            (Lang::Ar, 10, "١٠ أحداث"),
            (Lang::Ar, 11, "١١ حدثاً"),
            (Lang::Ar, 99, "٩٩ حدثاً"),
            (Lang::Ar, 100, "١٠٠ حدث"),
            (Lang::Ar, 112, "١١٢ حدثاً"),
            (Lang::Ar, 102, "١٠٢ حدث"),
        ] {
            assert_eq!(lang.events_count(n), want, "{lang:?} {n}");
        }
    }

    #[test]
    fn query_beats_saved_beats_browser() {
        let ar = vec!["ar-SY".to_string()];
        assert_eq!(Lang::choose(Some("en"), Some(Lang::Ar), &ar), Lang::En);
        assert_eq!(Lang::choose(None, Some(Lang::En), &ar), Lang::En);
        assert_eq!(Lang::choose(None, None, &ar), Lang::Ar);
        assert_eq!(
            Lang::choose(Some("xx"), None, &["fr".into(), "en-GB".into()]),
            Lang::En
        );
        assert_eq!(Lang::choose(None, None, &[]), Lang::En);
    }

    #[test]
    fn numbers_and_dates_follow_the_language() {
        let d: Date = "2017-03-22".parse().unwrap();
        assert_eq!(Lang::En.date_long(d), "Wed 22 Mar 2017");
        assert_eq!(Lang::Ar.date_long(d), "الأربعاء ٢٢ آذار ٢٠١٧");
        assert_eq!(Lang::Ar.num(105), "١٠٥");
        assert_eq!(Lang::En.num(105), "105");
    }
}
