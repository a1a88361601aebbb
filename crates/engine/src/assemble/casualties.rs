//! Casualty statements in a clause: "مقتل عشرين شخصا"، "خمسة شهداء"،
//! "ثلاثة مدنيين قتلوا"، "سقوط قتيل"، "جريحين"، "دون وقوع إصابات".

use std::ops::Range;

use crate::document::Document;
use crate::lexicon::{kinds, CasualtyForm, CasualtyWhat, Entry};
use crate::model::Count;
use crate::numbers::{parse_quantity, Quantity};

/// One casualty figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Casualty {
    pub killed: bool,
    pub count: Count,
    pub at: usize,
}

fn count(q: Quantity) -> Count {
    match q {
        Quantity::Exact(n) => Count::Exact(n),
        Quantity::Vague => Count::Some,
    }
}

/// The folded words of tokens `from..to` (at most [`WINDOW`]), for the number parser.
fn words<'d>(doc: &'d Document, from: usize, to: usize) -> ([&'d str; WINDOW], usize) {
    let mut words = [""; WINDOW];
    let n = to.saturating_sub(from).min(WINDOW);
    for (k, w) in words[..n].iter_mut().enumerate() {
        *w = doc.word(from + k);
    }
    (words, n)
}

/// The most words a quantity is read from: on the stack, not the heap, for
/// a look-up made at every victim noun.
const WINDOW: usize = 6;

/// A quantity that ends exactly at token `end` (it may start up to 5 tokens before).
fn quantity_ending_at(doc: &Document, clause: &Range<usize>, end: usize) -> Option<Count> {
    for len in 1..=5 {
        let Some(start) = end.checked_sub(len) else {
            break;
        };
        if start < clause.start {
            break;
        }
        let (w, n) = words(doc, start, end);
        if let Some((q, used)) = parse_quantity(&w[..n]) {
            if used == len {
                return Some(count(q));
            }
        }
    }
    None
}

/// A quantity starting at `at`, and the token after it.
fn quantity_at(doc: &Document, clause: &Range<usize>, at: usize) -> Option<(Count, usize)> {
    if at >= clause.end {
        return None;
    }
    let (w, n) = words(doc, at, clause.end.min(at + WINDOW));
    parse_quantity(&w[..n]).map(|(q, used)| (count(q), at + used))
}

/// A victim noun at `at` ("مدنيين", "طفلة", "شخصين") and its count when bare.
fn victim_at(doc: &Document, at: usize) -> Option<(Count, usize)> {
    doc.mentions_with(at, kinds::CASUALTY).iter().find_map(|m| {
        m.entries().find_map(|e| match e {
            Entry::Casualty {
                what: CasualtyWhat::Victim,
                form,
            } => Some((
                match form {
                    CasualtyForm::Single => Count::Exact(1),
                    CasualtyForm::Dual => Count::Exact(2),
                    _ => Count::Some,
                },
                m.end,
            )),
            _ => None,
        })
    })
}

/// Adds every casualty figure in `clause` to `found`.
pub fn find_into(doc: &Document, clause: Range<usize>, found: &mut Vec<Casualty>) {
    let mut i = clause.start;
    while i < clause.end {
        let hit = doc.find_at(
            i,
            kinds::CASUALTY,
            |e| matches!(e, Entry::Casualty { what, .. } if *what != CasualtyWhat::Victim),
        );
        let Some((m, &Entry::Casualty { what, form })) = hit else {
            i += 1;
            continue;
        };
        let killed = what == CasualtyWhat::Killed;
        let mut push = |c: Count, killed: bool| {
            found.push(Casualty {
                killed,
                count: c,
                at: i,
            })
        };
        match (what, form) {
            (CasualtyWhat::Zero, _) => {
                push(Count::Exact(0), true);
                push(Count::Exact(0), false);
            }
            (_, CasualtyForm::Verbal) => {
                // "مقتل عشرين شخصا", "إصابة مئة آخرين", "بمقتل طفلة", "جرح العشرات".
                let c = quantity_at(doc, &clause, m.end)
                    .map(|(c, _)| c)
                    .or_else(|| victim_at(doc, m.end).map(|(c, _)| c))
                    .unwrap_or(Count::Some);
                push(c, killed);
            }
            (_, CasualtyForm::Plural) => {
                // "خمسة شهداء", "عدد كبير من الجرحى"; "ارتفع عدد الشهداء … إلى ثلاث".
                let c = toll_rose_to(doc, &clause, i, m.end)
                    .or_else(|| quantity_ending_at(doc, &clause, i))
                    .unwrap_or(Count::Some);
                push(c, killed);
            }
            (_, CasualtyForm::Single) => {
                let c = quantity_ending_at(doc, &clause, i).unwrap_or(Count::Exact(1));
                push(c, killed);
            }
            (_, CasualtyForm::Dual) => push(Count::Exact(2), killed),
            (_, CasualtyForm::Passive) => {
                // "ثلاثة مدنيين قتلوا", "عددا من الأشخاص … قتلوا": the nearest figure before.
                let c = (clause.start.max(i.saturating_sub(8))..i)
                    .rev()
                    .find_map(|s| quantity_at(doc, &(s..i), s).map(|(c, _)| c))
                    .unwrap_or(Count::Some);
                push(c, killed);
            }
            (_, CasualtyForm::Phrase) => {}
        }
        i = m.end;
    }
}

/// "ارتفع عدد الشهداء في منطقة X إلى ثلاث سيدات": a toll that rose to a figure.
fn toll_rose_to(doc: &Document, clause: &Range<usize>, noun: usize, after: usize) -> Option<Count> {
    if noun == 0 || doc.stem(noun - 1) != "عدد" {
        return None;
    }
    (after..clause.end.min(after + 8))
        .find(|&k| doc.stem(k) == "الي")
        .and_then(|k| quantity_at(doc, clause, k + 1))
        .map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn casualties(text: &str) -> Vec<(bool, Count)> {
        let doc = Document::new(text);
        let n = doc.tokens.len();
        let mut found = Vec::new();
        find_into(&doc, 0..n, &mut found);
        found.into_iter().map(|c| (c.killed, c.count)).collect()
    }

    #[test]
    fn figures_in_every_position() {
        use Count::*;
        for (text, want) in [
            (
                "مما أدى إلى مقتل عشرين شخصا وإصابة مئة آخرين",
                vec![(true, Exact(20)), (false, Exact(100))],
            ),
            (
                "وأسقطت عشرين قتيلا ومئة جريح",
                vec![(true, Exact(20)), (false, Exact(100))],
            ),
            (
                "أدى القصف إلى سقوط خمسة شهداء وعدد كبير من الجرحى",
                vec![(true, Exact(5)), (false, Some)],
            ),
            (
                "ثلاثة مدنيين قُتلوا وجُرح العشرات",
                vec![(true, Exact(3)), (false, Some)],
            ),
            (
                "مما تسبب بسقوط قتيل وعدة جرحى",
                vec![(true, Exact(1)), (false, Some)],
            ),
            (
                "بمقتل طفلة وجرح آخرين",
                vec![(true, Exact(1)), (false, Some)],
            ),
            (
                "سقط قتيلان وثلاثة جرحى",
                vec![(true, Exact(2)), (false, Exact(3))],
            ),
            ("مقتل خمسة وعشرين مدنيا", vec![(true, Exact(25))]),
            (
                "ارتفع عدد الشهداء في البلدة إلى ثلاث سيدات",
                vec![(true, Exact(3))],
            ),
            (
                "دون تسجيل إصابات",
                vec![(true, Exact(0)), (false, Exact(0))],
            ),
            ("مقتل ما لا يقل عن 15 شخصا", vec![(true, Exact(15))]),
            ("وقوع جرحى في صفوف المدنيين", vec![(false, Some)]),
            ("لا شيء هنا", vec![]),
        ] {
            assert_eq!(casualties(text), want, "{text}");
        }
    }
}
