//! Who carried an event out: the passive agent ("من قبل X"), the subject before
//! the verb ("المعارضة استهدفت …"), the subject after it ("قصفت قوات النظام …"),
//! the owner of a nominal trigger ("قصف مدفعي لقوات النظام"), or "its forces"
//! ("نفت الوزارة انسحاب قواتها") pointing back to the sentence's subject.

use std::ops::Range;

use crate::document::Document;
use crate::lexicon::{kinds, Entry, SyntaxRole};
use crate::model::Side;

/// An actor mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorHit {
    pub tokens: (usize, usize),
    /// `None` for "its forces" (قواتها), which points back to a named actor.
    pub side: Option<Side>,
    /// An air force.
    pub air: bool,
}

/// Adds to `hits` the actor mentions in `range`, longest at each start, not
/// inside a source's name.
pub fn find_into(doc: &Document, range: Range<usize>, hits: &mut Vec<ActorHit>) {
    let mut i = range.start;
    while i < range.end {
        if let Some((m, _)) = doc.find_at(i, kinds::SOURCE, |e| matches!(e, Entry::Source(_))) {
            i = m.end;
            continue;
        }
        if let Some((
            m,
            &Entry::Actor {
                side,
                air,
                adjective,
            },
        )) = doc.find_at(i, kinds::ACTOR, |e| matches!(e, Entry::Actor { .. }))
        {
            // "غارات جوية روسية": a nationality names the actor only right after
            // a strike word or a weapon (up to one adjective between).
            // So does one after a body of troops ("أرتال عسكرية تركية").
            let after_strike = (i.saturating_sub(2)..i).any(|k| {
                doc.mentions_with(k, kinds::TRIGGER | kinds::WEAPON)
                    .iter()
                    .any(|w| {
                        w.end >= i.saturating_sub(1)
                            && w.entries()
                                .any(|e| matches!(e, Entry::Trigger { .. } | Entry::Weapon(_)))
                    })
                    || is_force(doc, k)
            });
            if !adjective || after_strike {
                let air = air
                    || (adjective
                        && (i.saturating_sub(2)..i).any(|k| {
                            doc.has_at(k, kinds::WEAPON | kinds::TRIGGER, |e| {
                                matches!(e, Entry::Weapon(crate::lexicon::Delivery::Air))
                                    || matches!(
                                        e,
                                        Entry::Trigger {
                                            class: crate::lexicon::TriggerClass::Air,
                                            ..
                                        }
                                    )
                            })
                        }));
                hits.push(ActorHit {
                    tokens: (m.start, m.end.min(range.end)),
                    side: Some(side),
                    air,
                });
                i = m.end;
                continue;
            }
        }
        if doc.has_at(i, kinds::syntax(SyntaxRole::Possessive), |e| {
            matches!(e, Entry::Syntax(SyntaxRole::Possessive))
        }) {
            hits.push(ActorHit {
                tokens: (i, i + 1),
                side: None,
                air: false,
            });
        }
        i += 1;
    }
}

/// Whether an actor stands after a preposition or an object word.
fn before_marker_of(doc: &Document, h: &ActorHit) -> bool {
    let a = doc.analysis(h.tokens.0);
    let prev = h.tokens.0.checked_sub(1).map(|p| doc.stem(p)).unwrap_or("");
    a.prep.is_some() || is_object_marker(prev)
}

/// Words after which an actor is the target, not the one acting.
fn is_object_marker(word: &str) -> bool {
    matches!(
        word,
        "علي"
            | "ضد"
            | "مواقع"
            | "صفوف"
            | "تجمعات"
            | "معاقل"
            | "مقرات"
            | "عناصر"
            | "عن"
            | "مع"
            // "قيادي في الجيش الحر": a member, not the one acting.
            | "في"
            | "من"
            | "الي"
            | "بين"
    )
}

/// The actor of a trigger at `trigger` (a token) in `clause`, among `hits`
/// (the actors of the whole sentence). `verb` says the trigger is a verb.
pub fn choose(
    doc: &Document,
    hits: &[ActorHit],
    clause: &Range<usize>,
    trigger: Range<usize>,
    verb: bool,
) -> Option<ActorHit> {
    let trigger_end = trigger.end;
    let trigger = trigger.start;
    let in_clause = |h: &&ActorHit| h.tokens.0 >= clause.start && h.tokens.0 < clause.end;
    let resolve = |h: &ActorHit| -> Option<ActorHit> {
        if h.side.is_none() {
            // "قواتها": the nearest named actor before it in the sentence that
            // is a subject (no preposition before it: not "لقوات النظام", "عن النظام").
            let before = || {
                hits.iter()
                    .rev()
                    .filter(|o| o.tokens.0 < h.tokens.0 && o.side.is_some())
            };
            before()
                .find(|o| !before_marker_of(doc, o))
                .or_else(|| before().next())
                .copied()
        } else {
            Some(*h)
        }
    };
    let before_marker = |h: &ActorHit| before_marker_of(doc, h);
    // An actor right after another trigger noun is that noun's ("تقدم داعش").
    let owned = |h: &ActorHit| {
        h.tokens.0 > 0
            && h.tokens.0 - 1 != trigger
            && doc.has_at(h.tokens.0 - 1, kinds::TRIGGER, |e| {
                matches!(e, Entry::Trigger { .. })
            })
    };
    // 1. Passive agent: "من قبل قوات الأسد".
    for h in hits.iter().filter(in_clause) {
        if h.tokens.0 >= 2 && doc.stem(h.tokens.0 - 2) == "من" && doc.stem(h.tokens.0 - 1) == "قبل"
        {
            return resolve(h);
        }
        if doc.stem(h.tokens.0.saturating_sub(1)) == "يد" {
            return resolve(h);
        }
    }
    // 2. A noun's owner right after it ("هجوم لوحدات حماية الشعب", "غارات روسية")
    //    outranks a subject before it, which is often only the one reporting.
    if !verb {
        if let Some(h) = owner_after(doc, hits, clause, trigger, trigger_end, false) {
            return resolve(&h);
        }
    }
    // 2b. Subject before the trigger: the nearest, not a target nor another noun's owner.
    if let Some(h) = hits
        .iter()
        .filter(in_clause)
        .rfind(|h| h.tokens.1 <= trigger && !before_marker(h) && !owned(h))
    {
        return resolve(h);
    }
    // 3. After the trigger: a verb's subject ("قصفت قوات النظام").
    owner_after(doc, hits, clause, trigger, trigger_end, verb).and_then(|h| resolve(&h))
}

/// The actor right after a trigger, with no other trigger between: a verb's
/// subject ("قصفت قوات النظام"), a noun's owner ("قصف قوات النظام"، "قصف مدفعي
/// لقوات النظام"), the first side of "اشتباكات بين المعارضة وقوات النظام".
fn owner_after(
    doc: &Document,
    hits: &[ActorHit],
    clause: &Range<usize>,
    trigger: usize,
    trigger_end: usize,
    verb: bool,
) -> Option<ActorHit> {
    // A verb's subject follows closely; a noun's owner may come after an
    // adjective and a weapon ("قصف عنيف براجمات الصواريخ للقوات النظامية").
    let window = if verb { 4 } else { 5 };
    let force = |k: usize| is_force(doc, k);
    // "استهدفت عناصر النظام" names a target; "انسحب عناصر داعش" the ones who went.
    let strike = || {
        doc.has_at(
            trigger,
            kinds::TRIGGER,
            |e| matches!(e, Entry::Trigger { class, .. } if class.is_strike()),
        )
    };
    // Only describing words may stand between: no other trigger, no function
    // word ("بعد إعلان المعارضة" is not "قصف المعارضة"), no place word. A body
    // of troops and its adjectives are the actor's own words ("دخل رتل عسكري
    // تركي"), and so is "التابعة" before "لقوات النظام".
    let other_trigger_between = |h: &ActorHit| {
        let own = (h.tokens.0.saturating_sub(2).max(trigger_end)..h.tokens.0)
            .find(|&k| force(k) || is_affiliation(doc.stem(k)))
            .unwrap_or(h.tokens.0);
        // A verb with a pronoun that refers back to the trigger only
        // describes it: "قذائف أطلقتها الفصائل".
        let describes = |k: usize| doc.analysis(k).stem.end < doc.word(k).len();
        (trigger_end..own).any(|k| {
            doc.has_at(k, kinds::TRIGGER | kinds::SYNTAX | kinds::PLACE_WORD, |e| {
                matches!(e, Entry::Syntax(_) | Entry::PlaceWord { .. })
                    || matches!(e, Entry::Trigger { .. }) && !describes(k)
            })
        })
    };
    hits.iter()
        .filter(|h| h.tokens.0 >= clause.start && h.tokens.0 < clause.end)
        .find(|h| {
            // After the trigger, so never the text's first token.
            if h.tokens.0 <= trigger
                || h.tokens.0 < trigger_end
                || h.tokens.0 >= trigger_end + window
            {
                return false;
            }
            let a = doc.analysis(h.tokens.0);
            let prev = doc.stem(h.tokens.0 - 1);
            let linked = match a.prep {
                None => {
                    !is_object_marker(prev) || prev == "بين" || (force(h.tokens.0 - 1) && !strike())
                }
                // Right after the trigger, "لـ" marks a noun's owner even when
                // the word could be a verb ("قصف لقوات النظام على …").
                Some('ل') => {
                    (!verb || is_affiliation(prev) || h.tokens.0 == trigger_end)
                        && !is_object_marker(prev)
                }
                Some(_) => false,
            };
            linked && !other_trigger_between(h)
        })
        .copied()
}

/// Whether token `k` names a body of troops ("أرتال"، "دورية"): see
/// [`SyntaxRole::Force`].
fn is_force(doc: &Document, k: usize) -> bool {
    doc.has_at(k, kinds::syntax(SyntaxRole::Force), |e| {
        *e == Entry::Syntax(SyntaxRole::Force)
    })
}

/// Words that tie what comes before to the actor after them: "المدفعية
/// التابعة لقوات النظام", "الميليشيات الموالية لإيران" (stems: folded, ة is
/// ه, without the article).
fn is_affiliation(stem: &str) -> bool {
    matches!(
        stem,
        "تابعه" | "تابع" | "تابعين" | "تابعون" | "موالي" | "مواليه" | "موالين"
    )
}

/// The side an air force or the weapons imply when no actor is named
/// ("المروحيات" and barrel bombs are the government's).
pub fn air_actor(hits: &[ActorHit], clause: &Range<usize>) -> Option<ActorHit> {
    hits.iter()
        .find(|h| h.air && h.tokens.0 >= clause.start && h.tokens.0 < clause.end)
        .copied()
}
