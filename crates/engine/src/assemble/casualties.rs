//! Casualty statements in a clause: "مقتل عشرين شخصا"، "خمسة شهداء"،
//! "ثلاثة مدنيين قتلوا"، "سقوط قتيل"، "جريحين"، "دون وقوع إصابات".

use std::ops::Range;

use crate::document::Document;
use crate::lexicon::{kinds, CasualtyForm, CasualtyWhat, Entry, SyntaxRole};
use crate::model::Count;
use crate::numbers::{parse_quantity, Quantity};
use crate::text::token::TokenKind;

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

/// Victim nouns from `at` joined by و ("رجل وامرأة", "امرأة وطفلها"), their
/// counts added, and the token after them.
fn victims_at(doc: &Document, clause: &Range<usize>, at: usize) -> Option<(Count, usize)> {
    if at >= clause.end {
        return None;
    }
    let (mut total, mut next) = victim_at(doc, at)?;
    while next < clause.end && doc.analysis(next).conj {
        let Some((c, end)) = victim_at(doc, next) else {
            break;
        };
        total = match (total, c) {
            (Count::Exact(a), Count::Exact(b)) => Count::Exact(a.saturating_add(b)),
            _ => Count::Some,
        };
        next = end;
    }
    Some((total, next))
}

/// The figure after a verb or noun of killing or wounding at `at`: a quantity
/// ("عشرين شخصا") or victim nouns ("طفلة", "رجل وامرأة"), right after it or
/// after the actor named between ("قتلت قوات النظام خمسة مدنيين").
fn figure_after(doc: &Document, clause: &Range<usize>, at: usize) -> Option<Count> {
    let read = |k: usize| {
        quantity_at(doc, clause, k)
            .map(|(c, _)| c)
            .or_else(|| victims_at(doc, clause, k).map(|(c, _)| c))
    };
    read(at)
        .or_else(|| {
            let (actor, _) = doc.find_at(at, kinds::ACTOR, |e| matches!(e, Entry::Actor { .. }))?;
            read(actor.end)
        })
        // "وقتل في القصف شاب": past one word after "في".
        .or_else(|| (doc.stem(at) == "في").then(|| read(at + 2)).flatten())
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
                push(
                    figure_after(doc, &clause, m.end).unwrap_or(Count::Some),
                    killed,
                );
            }
            (_, CasualtyForm::Object) => {
                // "أعدم تنظيم داعش أربعة مدنيين"; "اغتيال القيادي فلان" counts no one.
                if let Some(c) = figure_after(doc, &clause, m.end) {
                    push(c, killed);
                }
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
                // "ثلاثة مدنيين قتلوا", "عددا من الأشخاص … قتلوا": the nearest figure
                // before, in the clause or, for a verb that opens it, in the clauses
                // before it ("12 مدنياً، بينهم أربعة أطفال، قتلوا").
                let c = figure_before(doc, clause.start, i)
                    .or_else(|| {
                        (i <= clause.start + 1)
                            .then(|| subject_before(doc, clause.start))
                            .flatten()
                    })
                    .unwrap_or(Count::Some);
                push(c, killed);
            }
            (_, CasualtyForm::Phrase) => {}
        }
        i = m.end;
    }
}

/// The figure nearest before a passive verb at `verb`, within 8 tokens of
/// it and from `start` on. A figure that an aside counting a part of the group
/// opens ("بينهم أربعة أطفال") gives way to the group's own figure before the
/// aside, when there is one.
fn figure_before(doc: &Document, start: usize, verb: usize) -> Option<Count> {
    let from = start.max(verb.saturating_sub(8));
    let (at, c) = (from..verb)
        .rev()
        .find_map(|s| quantity_at(doc, &(s..verb), s).map(|(c, _)| (s, c)))?;
    // The aside opens right before the part's figure ("بينهم أربعة", "من بينهم أربعة").
    let aside = (from.max(at.saturating_sub(2))..at)
        .rev()
        .find(|&k| is_part(doc, k));
    Some(
        aside
            .and_then(|a| group_figure(doc, start.max(verb.saturating_sub(SUBJECT_REACH))..a))
            .unwrap_or(c),
    )
}

/// How far back a passive verb looks for its figure across clauses.
const SUBJECT_REACH: usize = 16;

/// Whether token `k` starts an aside that counts a part ("بينهم"، "منهم").
fn is_part(doc: &Document, k: usize) -> bool {
    doc.has_at(k, kinds::syntax(SyntaxRole::Part), |e| {
        matches!(e, Entry::Syntax(SyntaxRole::Part))
    })
}

/// A group's figure in `piece`: a number with its victim noun ("12 مدنياً"),
/// the one nearest the end.
fn group_figure(doc: &Document, piece: Range<usize>) -> Option<Count> {
    (piece.start..piece.end).rev().find_map(|s| {
        let (c, next) = quantity_at(doc, &piece, s)?;
        victim_at(doc, next).map(|_| c)
    })
}

/// "12 مدنياً على الأقل، بينهم أربعة أطفال، قتلوا": a passive verb at the head
/// of its clause takes its figure from the pieces of the sentence before it
/// (back to a clause separator, within [`SUBJECT_REACH`] tokens), past asides
/// that count a part; only a number with its victim noun counts.
fn subject_before(doc: &Document, clause_start: usize) -> Option<Count> {
    let from = clause_start.saturating_sub(SUBJECT_REACH);
    let mut end = clause_start;
    while end > from && doc.tokens[end - 1].kind == TokenKind::ClauseEnd {
        let sep = end - 1;
        let start = (from..sep)
            .rev()
            .find(|&k| {
                matches!(
                    doc.tokens[k].kind,
                    TokenKind::ClauseEnd | TokenKind::SentenceEnd
                )
            })
            .map_or(from, |k| k + 1);
        if start < sep && is_part(doc, start) {
            end = start;
            continue;
        }
        return group_figure(doc, start..sep);
    }
    None
}

/// "ارتفع عدد الشهداء في منطقة X إلى ثلاث سيدات", "ارتفعت حصيلة القتلى … إلى 15":
/// a toll that rose to a figure.
fn toll_rose_to(doc: &Document, clause: &Range<usize>, noun: usize, after: usize) -> Option<Count> {
    if noun == 0 || !matches!(doc.stem(noun - 1), "عدد" | "حصيله") {
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
            // The group's figure, not its part's.
            (
                "12 مدنيا بينهم أربعة أطفال قتلوا في الغارات",
                vec![(true, Exact(12))],
            ),
            ("بينهم أربعة أطفال قتلوا", vec![(true, Exact(4))]),
            ("مقتل رجل وامرأة", vec![(true, Exact(2))]),
            ("وقتل في القصف شاب", vec![(true, Exact(1))]),
            // Duals in either case.
            ("قتلت امرأتان", vec![(true, Exact(2))]),
            ("أعدم التنظيم رجلين", vec![(true, Exact(2))]),
            ("ارتفعت حصيلة القتلى إلى 15", vec![(true, Exact(15))]),
            // Past the doer; a killing with no figure after it counts no one.
            ("أعدمت قوات النظام أربعة شبان", vec![(true, Exact(4))]),
            ("اغتيال القيادي في الفصائل", vec![(true, Exact(1))]),
            ("اغتيال أبو علي الحمصي", vec![]),
            ("راح ضحيتها تسعة مدنيين", vec![(true, Exact(9))]),
            ("وقوع جرحى في صفوف المدنيين", vec![(false, Some)]),
            ("لا شيء هنا", vec![]),
        ] {
            assert_eq!(casualties(text), want, "{text}");
        }
    }

    /// The casualties of the clause that holds the verb, as the reader finds them.
    fn in_verb_clause(text: &str, verb: &str) -> Vec<(bool, Count)> {
        let doc = Document::new(text);
        let at = (0..doc.tokens.len())
            .find(|&k| doc.word(k) == verb)
            .unwrap();
        let sentence = &doc.segments.sentences[0];
        let clause = doc
            .segments
            .clauses(sentence)
            .iter()
            .find(|c| c.contains(&at))
            .unwrap()
            .clone();
        let mut found = Vec::new();
        find_into(&doc, clause, &mut found);
        found.into_iter().map(|c| (c.killed, c.count)).collect()
    }

    #[test]
    fn a_verb_that_opens_its_clause_finds_its_group_in_the_clauses_before() {
        use Count::*;
        for (text, want) in [
            (
                "قال المرصد إن 12 مدنيا على الأقل، بينهم أربعة أطفال وامرأتان، قتلوا جراء الغارات",
                vec![(true, Exact(12))],
            ),
            (
                "قال المرصد إن سبعة مقاتلين، من بينهم قائد ميداني، قتلوا في الاشتباكات",
                vec![(true, Exact(7))],
            ),
            ("إن 12 مدنيا، قتلوا جراء الغارات", vec![(true, Exact(12))]),
            // A figure that names no victims is no subject.
            ("قصفت الطائرات 3 قرى، قتلوا فيها", vec![(true, Some)]),
        ] {
            assert_eq!(in_verb_clause(text, "قتلوا"), want, "{text}");
        }
    }
}
