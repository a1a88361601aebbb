//! Stage 5: assemble events from the mentions of each clause.
//!
//! Each clause's triggers are grouped (consecutive strike words are one
//! strike); each group takes the places written after it (or, failing that,
//! before it, or in the clause before), its actor, the clause's time and
//! denial, and one draft is made per (type, place). Casualty figures go to the
//! events of their own clause, or — after "مما أدى"، "أسفر" — to the clause before.

mod actors;
mod casualties;
mod few;
pub mod places;
mod shared;

use std::ops::Range;
use std::rc::Rc;

use crate::document::Document;
use crate::gazetteer::Hints;
use crate::lexicon::{
    kinds, CasualtyForm, CasualtyWhat, Delivery, Entry, SyntaxRole, TriggerClass,
};
use crate::model::{Count, EventType, Side};
use crate::time::{parse_time, TimeRef};

use actors::ActorHit;
use casualties::Casualty;
use few::Few;
use places::{FoundPlace, PlaceFinder, PlaceRoleInClause, Recent};

/// The most words a time expression may take, doubled month names and all.
const TIME_WORDS: usize = 10;
/// An event before places and dates are resolved.
#[derive(Debug, Clone)]
pub struct Draft<'a> {
    pub kind: EventType,
    pub place: FoundPlace<'a>,
    /// What the other places of the sentence say about where it is, for
    /// choosing among homonyms (shared by the sentence's drafts); the
    /// article's governorate when the sentence names none.
    pub context: Rc<Hints>,
    /// The governorate the article was talking about.
    pub article_governorate: Option<&'static str>,
    pub side: Option<Side>,
    /// The actor as written ("قوات الأسد").
    pub actor_name: Option<&'a str>,
    pub killed: Option<Count>,
    pub wounded: Option<Count>,
    pub time: Option<TimeRef>,
    pub denied: bool,
    pub source: Option<&'static str>,
    /// Weapons as written, shared by the drafts of a trigger group (`None`
    /// when there are none, which costs no allocation).
    weapons: Option<Rc<[&'a str]>>,
    /// Tokens of the sentence the event came from.
    pub sentence: Range<usize>,
}

impl<'a> Draft<'a> {
    /// Weapons as written.
    pub fn weapons(&self) -> &[&'a str] {
        self.weapons.as_deref().unwrap_or_default()
    }
}

/// A run of triggers read as one event (or one per type).
#[derive(Debug, Clone)]
struct Group {
    start: usize,
    end: usize,
    /// End of the group's first trigger: a verb's subject follows it.
    first_end: usize,
    /// Distinct, in order of appearance (13 is every class).
    classes: Few<TriggerClass, 13>,
    verb: bool,
    /// A definite bare noun ("القصف") that refers back to a strike already told.
    anaphoric: bool,
    /// A cause word stands before it ("جراء انفجار", "إثر قصف").
    caused: bool,
    denied: bool,
}

/// What one clause holds.
#[derive(Debug, Default)]
struct Clause<'a> {
    range: Range<usize>,
    groups: Vec<Group>,
    places: Vec<FoundPlace<'a>>,
    casualties: Vec<Casualty>,
    time: Option<TimeRef>,
    linker: bool,
    weapons: Vec<(Range<usize>, Delivery)>,
    /// Indices into the sentence's drafts made from this clause.
    drafts: Vec<usize>,
}

impl<'a> Clause<'a> {
    /// The places where the clause's events happened (not locators, origins
    /// or routes).
    fn event_places(&self) -> impl Iterator<Item = &FoundPlace<'a>> {
        self.places
            .iter()
            .filter(|p| p.role == PlaceRoleInClause::Event)
    }

    /// Empties it for another clause, keeping what its vectors hold room for.
    /// Every field is named, so a field added to `Clause` must be emptied here.
    fn clear(&mut self) {
        let Clause {
            range,
            groups,
            places,
            casualties,
            time,
            linker,
            weapons,
            drafts,
        } = self;
        *range = 0..0;
        groups.clear();
        places.clear();
        casualties.clear();
        *time = None;
        *linker = false;
        weapons.clear();
        drafts.clear();
    }
}

/// Clauses already read, emptied, whose vectors the next sentences' clauses
/// fill again: without them a document's dozen vectors per sentence are
/// allocated and freed anew, sentence after sentence.
#[derive(Default)]
struct Spare<'a> {
    clauses: Vec<Clause<'a>>,
    /// The list a sentence's clauses are read into.
    list: Vec<Clause<'a>>,
    /// A sentence's actors.
    actors: Vec<ActorHit>,
    /// The places of the trigger group being made into drafts, and of the
    /// group before it in its clause.
    places: Vec<FoundPlace<'a>>,
    last_places: Vec<FoundPlace<'a>>,
}

impl<'a> Spare<'a> {
    fn clause(&mut self) -> Clause<'a> {
        self.clauses.pop().unwrap_or_default()
    }

    fn keep(&mut self, mut clause: Clause<'a>) {
        clause.clear();
        self.clauses.push(clause);
    }
}

fn trigger_family(c: TriggerClass) -> u8 {
    if c.is_strike() {
        1
    } else {
        2 + c as u8
    }
}

/// A phrase that is no event ("تحت سيطرة"): the triggers inside it are not read.
fn is_block(e: &Entry) -> bool {
    matches!(
        e,
        Entry::Trigger {
            class: TriggerClass::Block,
            ..
        }
    )
}

/// Words after which a bare place name may stand.
fn opens_slot(stem: &str) -> bool {
    matches!(
        stem,
        "في" | "علي"
            | "الي"
            | "نحو"
            | "باتجاه"
            | "من"
            | "عن"
            | "داخل"
            | "قرب"
            | "حول"
            | "تجاه"
            | "عند"
            | "بين"
            | "جنوب"
            | "شمال"
            | "شرق"
            | "غرب"
            // "على بلدات عدة أبرزها كفرنبودة والهبيط": the list that names them.
            | "ابرزها"
            | "اهمها"
            | "بينها"
    )
}

/// Assembles the drafts of a whole document.
pub fn assemble<'a>(doc: &Document<'a>) -> Vec<Draft<'a>> {
    // News gives three or four drafts a sentence (the sample articles 3.4):
    // reserved at once, the drafts are not copied again as the list grows.
    let mut drafts = Vec::with_capacity(doc.segments.sentences.len() * 4);
    let mut recent = Recent::default();
    // The side that acted last, for "سيطرته" in a later sentence.
    let mut subject: Option<ActorHit> = None;
    let mut spare = Spare::default();
    for sentence in &doc.segments.sentences {
        sentence_drafts(
            doc,
            sentence,
            &mut recent,
            &mut subject,
            &mut spare,
            &mut drafts,
        );
    }
    drafts
}

fn sentence_drafts<'a>(
    doc: &Document<'a>,
    sentence: &crate::text::segment::Sentence,
    recent: &mut Recent<'a>,
    subject: &mut Option<ActorHit>,
    spare: &mut Spare<'a>,
    out: &mut Vec<Draft<'a>>,
) {
    let told = sentence.tokens.clone().any(|i| {
        doc.has_at(i, kinds::TRIGGER, |e| matches!(e, Entry::Trigger { .. }))
            || kills_by_actor(doc, i)
    });
    if !told && !debugging() {
        return quiet_sentence(doc, sentence, recent, spare, out);
    }
    let mut actors_found = std::mem::take(&mut spare.actors);
    actors_found.clear();
    actors::find_into(doc, sentence.tokens.clone(), &mut actors_found);
    let source = (sentence.tokens.clone()).find_map(|i| {
        doc.find_at(i, kinds::SOURCE, |e| matches!(e, Entry::Source(_)))
            .and_then(|(_, e)| match e {
                Entry::Source(name) => Some(*name),
                _ => None,
            })
    });
    let mut clauses = std::mem::take(&mut spare.list);
    for range in doc.segments.clauses(sentence) {
        let mut clause = read_clause(doc, range.clone(), recent, true, spare.clause());
        recent.set_list(&clause.places);
        if !clause.groups.is_empty() {
            for p in clause.event_places() {
                recent.mark_event(&p.key);
            }
        }
        clause.range = range.clone();
        clauses.push(clause);
    }
    // ", وعلى منطقة X": a clause that only adds places continues the event before it.
    for ci in 1..clauses.len() {
        let start = clauses[ci].range.start;
        let continues = clauses[ci].groups.is_empty()
            && !clauses[ci - 1].groups.is_empty()
            && !clauses[ci].places.is_empty()
            && doc.analysis(start).conj
            && matches!(doc.stem(start), "علي" | "في" | "الي" | "نحو" | "باتجاه");
        if continues {
            let places = std::mem::take(&mut clauses[ci].places);
            clauses[ci - 1].places.extend(places);
            clauses[ci - 1].range.end = clauses[ci].range.end;
        }
    }
    if debugging() {
        trace(doc, &actors_found, &clauses);
    }
    let sentence_time = clauses.iter().find_map(|c| c.time);
    // Made for the sentence's first draft: many sentences with a trigger have none.
    let mut context: Option<(Rc<Hints>, Option<&'static str>)> = None;
    // The sentence's drafts are made at the end of `out`, from `first` on.
    let first = out.len();
    let mut last_actor: Option<ActorHit> = None;
    // The trigger family of the event that named `last_actor` (None: a bare subject).
    let mut last_family: Option<u8> = None;
    for ci in 0..clauses.len() {
        // Taken out while the clause's drafts are recorded (put back below):
        // nothing reads a clause's own groups meanwhile, and a copy would
        // allocate for every clause.
        let groups = std::mem::take(&mut clauses[ci].groups);
        let (places, last_places) = (&mut spare.places, &mut spare.last_places);
        // The places the last group of this clause with any took.
        last_places.clear();
        if groups.is_empty() {
            // "وكان الطيران الحربي حاول …، فقصف …": the subject carries over.
            let range = &clauses[ci].range;
            if let Some(h) = actors_found.iter().find(|h| {
                range.contains(&h.tokens.0)
                    && h.side.is_some()
                    && doc.analysis(h.tokens.0).prep.is_none()
            }) {
                last_actor = Some(*h);
                last_family = None;
            }
        }
        for (gi, group) in groups.iter().enumerate() {
            let clause = &clauses[ci];
            let next_start = groups.get(gi + 1).map_or(clause.range.end, |g| g.start);
            let prev_end = if gi == 0 {
                clause.range.start
            } else {
                groups[gi - 1].end
            };
            // Puts into `into` the clause's event places that start between `from` and `to`.
            let event_places = |from: usize, to: usize, into: &mut Vec<FoundPlace<'a>>| {
                into.clear();
                into.extend(
                    clause
                        .event_places()
                        .filter(|p| p.tokens.start >= from && p.tokens.start < to)
                        .cloned(),
                );
            };
            // "مجزرة … جراء انفجار لغم": the cause after a cause word is the event,
            // at the place of what it caused.
            let caused_by_next = groups.get(gi + 1).is_some_and(|n| n.caused);
            if caused_by_next && group.classes.iter().all(|c| *c == TriggerClass::Violence) {
                continue;
            }
            event_places(group.start, next_start, places);
            if places.is_empty() && gi > 0 && group.caused {
                let before = if gi >= 2 {
                    groups[gi - 2].end
                } else {
                    clause.range.start
                };
                event_places(before, groups[gi - 1].start.max(before), places);
                if places.is_empty() {
                    event_places(groups[gi - 1].start, group.start, places);
                }
            }
            if places.is_empty() && gi == 0 {
                // Places before the first trigger ("حي الوعر تعرض لـ 48 غارة");
                // places between two triggers belong to the earlier one.
                event_places(prev_end, group.start, places);
            }
            if places.is_empty() && group.anaphoric {
                // "وقد أدى القصف إلى …": no new event; its casualties go to the last one.
                continue;
            }
            if places.is_empty() && gi > 0 {
                // "اقتحمت حي بابا عمرو وشنت حملة اعتقالات": a second verb with no
                // place of its own acts where the first did.
                places.clone_from(last_places);
            }
            if places.is_empty() {
                // The sentence goes on after a comma with no trigger of its own:
                // "تدور اشتباكات بين الفصائل من جهة وقوات النظام من جهة أخرى، على
                // محاور في جبل التركمان".
                // Clauses an opener starts ("من جهة أخرى") are passed over when
                // they name no place.
                let after_comma = |c: &&Clause| {
                    c.range.start > 0
                        && doc.tokens[c.range.start - 1].kind
                            == crate::text::token::TokenKind::ClauseEnd
                };
                let has_place = |c: &&Clause| c.event_places().next().is_some();
                let after = clauses[ci + 1..]
                    .iter()
                    .take_while(|c| c.groups.is_empty() && (after_comma(c) || !has_place(c)))
                    .find(|c| after_comma(c) && has_place(c));
                if let Some(c) = after {
                    places.extend(c.event_places().cloned());
                }
            }
            if places.is_empty() {
                // The clause before in this sentence, or a pronoun (انسحبت منه).
                let before = clauses[..ci]
                    .iter()
                    .rev()
                    .find(|c| c.event_places().next().is_some());
                if let Some(c) = before {
                    places.extend(c.event_places().cloned());
                }
            }
            if places.is_empty() {
                let pronoun = matches!(
                    doc.word(group.end),
                    "منه" | "منها" | "عليه" | "عليها" | "فيه" | "فيها" | "اليها" | "اليه"
                );
                if pronoun {
                    if let Some(p) = recent.latest(None) {
                        let mut p = p.clone();
                        p.anaphoric = true;
                        places.push(p);
                    }
                }
            }
            if places.is_empty() {
                continue;
            }
            // People fleeing, or a ceasefire, have no actor to carry over.
            let passive = group
                .classes
                .iter()
                .all(|c| matches!(c, TriggerClass::Displacement | TriggerClass::Other));
            // Verbs joined in one clause share their subject ("اقتحمت قوات الأمن
            // الحي وشنت حملة اعتقالات"); across clauses only a like event does.
            let same_clause = last_actor.is_some_and(|a| clause.range.contains(&a.tokens.0));
            let inherited = last_actor.filter(|_| {
                !passive
                    && (same_clause
                        || last_family
                            .is_none_or(|f| group.classes.iter().any(|c| trigger_family(*c) == f)))
            });
            let actor = actors::choose(
                doc,
                &actors_found,
                &clause.range,
                group.start..group.first_end,
                group.verb,
            )
            .or_else(|| {
                // "وذلك من قبل قوات الأسد" in the next clause.
                clauses
                    .get(ci + 1)
                    .filter(|c| c.groups.is_empty())
                    .and_then(|c| {
                        actors_found.iter().copied().find(|h| {
                            h.tokens.0 >= c.range.start + 2
                                && h.tokens.0 < c.range.end
                                && doc.stem(h.tokens.0 - 1) == "قبل"
                        })
                    })
            })
            .or_else(|| actors::air_actor(&actors_found, &clause.range))
            .or(inherited)
            .or_else(|| {
                // "تظهر سيطرته على …": the pronoun on the trigger names the side
                // that acted last, even in an earlier sentence.
                let a = doc.analysis(group.start);
                (a.stem.end < doc.word(group.start).len())
                    .then_some(*subject)
                    .flatten()
            });
            if let Some(a) = actor.filter(|a| a.side.is_some()) {
                *subject = Some(a);
            }
            if actor.is_some() {
                last_actor = actor;
                last_family = Some(trigger_family(group.classes[0]));
            }
            // "القصف" that refers back keeps the side of the strike it refers to.
            let anaphoric_side = if actor.is_none() && group.anaphoric {
                // The earlier sentences' drafts, latest first, then this one's.
                let (earlier, drafts) = out.split_at(first);
                earlier
                    .iter()
                    .rev()
                    .chain(drafts.iter().rev())
                    .find(|d| matches!(d.kind, EventType::Airstrike | EventType::Shelling))
                    .and_then(|d| d.side)
            } else {
                None
            };
            // An air force makes a bare strike an airstrike: one named in this
            // clause, or the subject before it when no weapon says otherwise.
            let clause_air = actor.filter(|a| {
                a.air && (clause.range.contains(&a.tokens.0) || clause.weapons.is_empty())
            });
            let types = event_types(group, &clause.weapons, clause_air.as_ref(), &out[first..]);
            let actor_name = actor.map(|h| doc.name_text(h.tokens.0..h.tokens.1));
            let weapons: Option<Rc<[&str]>> = (!clause.weapons.is_empty()).then(|| {
                clause
                    .weapons
                    .iter()
                    .map(|(r, _)| doc.name_text(r.clone()))
                    .collect()
            });
            for place in places.iter() {
                recent.mark_event(&place.key);
            }
            for &kind in types.iter() {
                let (context, article_governorate) = context
                    .get_or_insert_with(|| sentence_context(&clauses, recent))
                    .clone();
                for place in places.iter() {
                    clauses[ci].drafts.push(out.len() - first);
                    out.push(Draft {
                        kind,
                        place: place.clone(),
                        context: context.clone(),
                        article_governorate,
                        side: actor.and_then(|a| a.side).or(anaphoric_side),
                        actor_name,
                        killed: None,
                        wounded: None,
                        time: clauses[ci].time.or(sentence_time),
                        denied: group.denied,
                        source,
                        weapons: weapons.clone(),
                        sentence: sentence.tokens.clone(),
                    });
                }
            }
            std::mem::swap(places, last_places);
        }
        clauses[ci].groups = groups;
    }
    let (earlier, drafts) = out.split_at_mut(first);
    attach_casualties(&clauses, drafts, earlier);
    for clause in clauses.drain(..) {
        spare.keep(clause);
    }
    spare.list = clauses;
    spare.actors = actors_found;
}

/// What the places of a sentence say about where its events are, with the
/// article's governorate when they name none (added once here rather than
/// to a copy for each draft), and that governorate.
fn sentence_context(clauses: &[Clause], recent: &Recent) -> (Rc<Hints>, Option<&'static str>) {
    let mut context = Hints::from_keys(
        clauses
            .iter()
            .flat_map(|c| c.places.iter())
            .flat_map(|p| std::iter::once(&*p.key).chain(p.locators().iter().map(|l| &**l))),
    );
    let article_governorate = recent.governorate();
    if context.governorates.is_empty() {
        if let Some(g) = article_governorate {
            context.add_governorate(g);
        }
    }
    (Rc::new(context), article_governorate)
}

/// A sentence with no trigger word: it tells no event, so only what later
/// sentences read back is kept — its places, for words that refer back, and
/// a figure that a linker gives to the event before ("وأدى ذلك إلى مقتل …").
/// The same as what [`sentence_drafts`] would do, without the event reading.
fn quiet_sentence<'a>(
    doc: &Document<'a>,
    sentence: &crate::text::segment::Sentence,
    recent: &mut Recent<'a>,
    spare: &mut Spare<'a>,
    out: &mut [Draft],
) {
    for range in doc.segments.clauses(sentence) {
        let clause = read_clause(doc, range.clone(), recent, false, spare.clause());
        recent.set_list(&clause.places);
        if let Some(last) = out.last_mut().filter(|_| clause.linker) {
            for c in &clause.casualties {
                add_casualty(last, c);
            }
        }
        spare.keep(clause);
    }
}

/// Whether to print how each clause was read (`WAQAI_DEBUG=1`).
fn debugging() -> bool {
    static DEBUG: std::sync::LazyLock<bool> =
        std::sync::LazyLock::new(|| std::env::var_os("WAQAI_DEBUG").is_some());
    *DEBUG
}

/// Gives each clause's casualty figures to the drafts they belong to.
fn attach_casualties(clauses: &[Clause], drafts: &mut [Draft], earlier: &mut [Draft]) {
    for (ci, clause) in clauses.iter().enumerate() {
        if clause.casualties.is_empty() {
            continue;
        }
        let previous = || clauses[..ci].iter().rev().find(|c| !c.drafts.is_empty());
        let next = || clauses[ci + 1..].iter().find(|c| !c.drafts.is_empty());
        let violent: Vec<usize>;
        let targets: &[usize] = if !clause.drafts.is_empty() {
            &clause.drafts
        } else if clause.linker {
            previous().map_or(&[], |c| &c.drafts)
        } else {
            // A toll with no cause in its clause: the violence told next
            // ("… ثلاث سيدات، قتلتهن قوات الأسد"), else the nearest event.
            violent = next().map_or_else(Vec::new, |c| {
                c.drafts
                    .iter()
                    .copied()
                    .filter(|&d| drafts[d].kind == EventType::ViolenceAgainstCivilians)
                    .collect()
            });
            if violent.is_empty() {
                previous().or_else(next).map_or(&[], |c| &c.drafts)
            } else {
                &violent
            }
        };
        if targets.is_empty() {
            // "وقد أدى القصف …" opening its own sentence, or "وقتل في القصف شاب":
            // the strike told before, so the last event told.
            if clause.linker || clause.groups.iter().any(|g| g.anaphoric) {
                if let Some(last) = earlier.last_mut() {
                    for c in &clause.casualties {
                        add_casualty(last, c);
                    }
                }
            }
            continue;
        }
        for &d in targets {
            for c in &clause.casualties {
                add_casualty(&mut drafts[d], c);
            }
        }
    }
}

/// Keeps the lowest exact figure; an exact figure beats a vague one.
fn add_casualty(draft: &mut Draft, c: &Casualty) {
    let slot = if c.killed {
        &mut draft.killed
    } else {
        &mut draft.wounded
    };
    *slot = match (*slot, c.count) {
        (None, n) => Some(n),
        (Some(Count::Some), n) => Some(n),
        (Some(Count::Exact(a)), Count::Exact(b)) => Some(Count::Exact(a.min(b))),
        (Some(e), Count::Some) => Some(e),
    };
}

/// The event types a trigger group stands for.
fn event_types(
    group: &Group,
    weapons: &[(Range<usize>, Delivery)],
    actor: Option<&ActorHit>,
    earlier: &[Draft],
) -> Few<EventType, { EventType::ALL.len() }> {
    let mut types = Few::empty(EventType::Other);
    let mut add = |t: EventType| {
        if !types.contains(&t) {
            types.push(t);
        }
    };
    let air = weapons.iter().any(|(_, d)| *d == Delivery::Air) || actor.is_some_and(|a| a.air);
    let ground = weapons.iter().any(|(_, d)| *d == Delivery::Ground);
    for class in group.classes.iter() {
        match class {
            TriggerClass::Air => add(EventType::Airstrike),
            TriggerClass::Shell => add(EventType::Shelling),
            TriggerClass::Bombard | TriggerClass::Target => {
                if air {
                    add(EventType::Airstrike);
                }
                if ground {
                    add(EventType::Shelling);
                }
                if !air && !ground && *class == TriggerClass::Bombard {
                    // A bare "القصف" repeats the strike told before; a bare "قصف" is ground fire.
                    let last_strike = earlier
                        .iter()
                        .rev()
                        .find(|d| matches!(d.kind, EventType::Airstrike | EventType::Shelling));
                    match last_strike {
                        Some(d) if group.anaphoric => add(d.kind),
                        _ => add(EventType::Shelling),
                    }
                }
            }
            TriggerClass::Explosion => add(EventType::Explosion),
            TriggerClass::Clash => add(EventType::Clash),
            TriggerClass::Advance => add(EventType::Advance),
            TriggerClass::Withdrawal => add(EventType::Withdrawal),
            // "ارتكبت الطائرات الحربية مجزرة", "اغتالت طائرة مسيرة …": the
            // weapon says how the civilians were killed.
            TriggerClass::Violence if air => add(EventType::Airstrike),
            TriggerClass::Violence if ground => add(EventType::Shelling),
            TriggerClass::Violence => add(EventType::ViolenceAgainstCivilians),
            TriggerClass::Arrest => add(EventType::Arrest),
            TriggerClass::Displacement => add(EventType::Displacement),
            TriggerClass::Other => add(EventType::Other),
            TriggerClass::Block => {}
        }
    }
    types
}

/// Reads one clause into `clause` (an empty one, see [`Spare`]): its trigger
/// groups, places, casualties, time and weapons. Without `events` (a
/// sentence with no trigger), its time is not read, nor its casualties
/// unless a linker gives them to the event before.
fn read_clause<'a>(
    doc: &Document<'a>,
    range: Range<usize>,
    recent: &mut Recent<'a>,
    events: bool,
    mut clause: Clause<'a>,
) -> Clause<'a> {
    clause.range = range.clone();
    let mut blocked_until = 0;
    // A trigger phrase covers the triggers inside it ("تبادل الطرفان السيطرة").
    let mut trigger_until = 0;
    let mut skip_until = range.start;
    let mut slot = true;
    let mut i = range.start;
    while i < range.end {
        // Sources and actors are names, never places or triggers.
        if let Some((m, _)) = doc.find_at(i, kinds::SOURCE | kinds::ACTOR, |e| {
            matches!(e, Entry::Source(_) | Entry::Actor { .. })
        }) {
            if i >= skip_until {
                skip_until = m.end;
            }
        }
        for m in doc.mentions_with(i, kinds::TRIGGER | kinds::syntax(SyntaxRole::Linker)) {
            for e in m.entries() {
                match e {
                    e if is_block(e) => blocked_until = blocked_until.max(m.end),
                    Entry::Syntax(SyntaxRole::Linker) => clause.linker = true,
                    _ => {}
                }
            }
        }
        let timed = doc.tokens[i].kind == crate::text::token::TokenKind::Number || doc.is_word(i);
        let n = range.end.min(i + TIME_WORDS) - i;
        if events
            && clause.time.is_none()
            && timed
            && doc.time_facts(i).may_start
            && (i..i + n).any(|k| doc.time_facts(k).head)
        {
            // Long enough for "يوم السبت 23 كانون الثاني / يناير 2014" (9 tokens).
            let mut words = [""; TIME_WORDS];
            for (k, w) in words[..n].iter_mut().enumerate() {
                *w = doc.word(i + k);
            }
            // "متواصل منذ أسبوع" says how long, not when: no date of its own.
            if let Some((t, _)) =
                parse_time(&words[..n]).filter(|(t, _)| !matches!(t, TimeRef::SinceDays(_)))
            {
                clause.time = Some(t);
            }
        }
        if let Some((m, &Entry::Weapon(d))) =
            doc.find_at(i, kinds::WEAPON, |e| matches!(e, Entry::Weapon(_)))
        {
            if !clause.weapons.iter().any(|(r, _)| r.contains(&i)) {
                clause.weapons.push((m.start..m.end.min(range.end), d));
            }
        }
        if i >= skip_until && i >= blocked_until && i >= trigger_until {
            if let Some((m, &Entry::Trigger { class, verb })) =
                doc.find_at(i, kinds::TRIGGER, |e| matches!(e, Entry::Trigger { .. }))
            {
                trigger_until = m.end;
                if !is_intended(doc, i, &range) {
                    add_trigger(doc, &mut clause, i, m.end.min(range.end), class, verb);
                }
            } else if kills_by_actor(doc, i) {
                // "قتلت قوات النظام خمسة مدنيين": a killing its doer names.
                trigger_until = i + 1;
                if !is_intended(doc, i, &range) {
                    add_trigger(doc, &mut clause, i, i + 1, TriggerClass::Violence, true);
                }
            }
        }
        // Places: explicit place words anywhere; bare names only in a slot.
        let explicit = doc.direction_at(i, false).is_some()
            || doc.has_at(i, kinds::PLACE_WORD, |e| {
                matches!(e, Entry::PlaceWord { .. })
            });
        let a = doc.analysis(i);
        let in_slot = slot || a.prep.is_some() || explicit;
        if i >= skip_until && in_slot && doc.is_word(i) {
            // Read into the clause's places, and taken back if it is no place list.
            let before = clause.places.len();
            let found = PlaceFinder::new(doc, range.end, recent).list_into(i, &mut clause.places);
            if let Some(end) = found {
                if accept_list(doc, i, explicit, &clause.places[before..]) {
                    let origin = is_origin(doc, i, &range, &clause);
                    let route = is_route(doc, i, &clause, before);
                    // "شمال المدينة" after a place only says where that place is.
                    let locating = before > 0 && doc.direction_at(i, false).is_some();
                    for p in &mut clause.places[before..] {
                        if p.role == PlaceRoleInClause::Event {
                            if origin {
                                p.role = PlaceRoleInClause::Origin;
                            } else if route {
                                p.role = PlaceRoleInClause::Route;
                            } else if locating {
                                p.role = PlaceRoleInClause::Locator;
                            }
                        }
                        recent.push(p);
                    }
                    // A phrase that is no event may start among the words the list
                    // took ("كفرنبل الخاضعة لسيطرة الفصائل"): it still blocks.
                    for k in i..end {
                        for m in doc.mentions_with(k, kinds::TRIGGER) {
                            if m.entries().any(is_block) {
                                blocked_until = blocked_until.max(m.end);
                            }
                        }
                    }
                    i = end;
                    slot = false;
                    continue;
                }
                clause.places.truncate(before);
            }
        }
        slot = opens_slot(doc.stem(i))
            || doc.has_at(i, kinds::TRIGGER | kinds::WEAPON, |e| {
                matches!(e, Entry::Trigger { .. } | Entry::Weapon(_))
            })
            || doc
                .mentions_with(i, kinds::TRIGGER | kinds::ACTOR)
                .iter()
                .any(|m| {
                    m.end == i + 1
                        && m.entries()
                            .any(|e| matches!(e, Entry::Trigger { .. } | Entry::Actor { .. }))
                })
            || (doc.is_word(i) && doc.time_facts(i).alone);
        i += 1;
    }
    // A casualty statement is read over the whole clause.
    if events || clause.linker {
        casualties::find_into(doc, range, &mut clause.casualties);
    }
    clause
}

/// A list found at a bare name must look like a place: not a common word.
fn accept_list(doc: &Document, at: usize, explicit: bool, found: &[FoundPlace]) -> bool {
    if explicit || found.is_empty() {
        return true;
    }
    let mut events = found.iter().filter(|p| p.role == PlaceRoleInClause::Event);
    let Some(first) = events.next() else {
        return true;
    };
    if first.key.contains(' ') || events.next().is_some() {
        return true;
    }
    // A single bare word: a known place of some size, not a word a lexicon claims.
    let claimed = doc
        .mentions_with(at, !kinds::PLACE)
        .iter()
        .any(|m| m.entries().any(|e| !matches!(e, Entry::Place)));
    let entries = crate::gazetteer::gazetteer().lookup(&first.key);
    !claimed && entries.iter().any(|e| e.rank >= 3 || e.is_curated())
}

/// Whether a place at `at` is where the attacker fired from: "من مطار …",
/// "من معسكر …" after a strike, "مصدره …", "المتمركزة في …".
fn is_origin(doc: &Document, at: usize, range: &Range<usize>, clause: &Clause) -> bool {
    let prev = |k: usize| if k > range.start { doc.stem(k - 1) } else { "" };
    let origin_word = (range.start..at).rev().take(3).any(|k| {
        doc.has_at(k, kinds::syntax(SyntaxRole::Origin), |e| {
            matches!(e, Entry::Syntax(SyntaxRole::Origin))
        })
    });
    if origin_word {
        return true;
    }
    let strike = clause
        .groups
        .iter()
        .any(|g| g.classes.iter().any(|c| trigger_family(*c) == 1))
        || !clause.weapons.is_empty();
    let military = doc.mentions_with(at, kinds::PLACE_WORD).iter().any(|m| {
        m.entries().any(
            |e| matches!(e, Entry::PlaceWord { kind, .. } if matches!(*kind, "airport" | "base")),
        )
    });
    strike && prev(at) == "من" && military
}

/// Whether token `i` is a word of killing with the actor that did it right
/// after it ("قتلت قوات النظام", "قتل الجيش التركي"): an act of violence of
/// its own, though "قتل" alone only counts the dead.
#[inline]
fn kills_by_actor(doc: &Document, i: usize) -> bool {
    doc.has_at(i, kinds::CASUALTY, |e| {
        matches!(
            e,
            Entry::Casualty {
                what: CasualtyWhat::Killed,
                form: CasualtyForm::Verbal | CasualtyForm::Object,
            }
        )
    }) && doc.has_at(i + 1, kinds::ACTOR, |e| {
        matches!(
            e,
            Entry::Actor {
                adjective: false,
                ..
            }
        )
    })
}

/// Whether a place at `at` is where a withdrawal or a flight went ("انسحبت
/// من X باتجاه Y", "نزحوا نحو Y"), or the way taken when the clause has named
/// where the event happened ("دخلت إلى X عبر معبر Y").
fn is_route(doc: &Document, at: usize, clause: &Clause, before: usize) -> bool {
    let Some(prev) = at.checked_sub(1).filter(|&k| k >= clause.range.start) else {
        return false;
    };
    let role = |r: SyntaxRole| doc.has_at(prev, kinds::syntax(r), |e| *e == Entry::Syntax(r));
    if role(SyntaxRole::Toward) {
        let going =
            |c: &TriggerClass| matches!(c, TriggerClass::Withdrawal | TriggerClass::Displacement);
        return !clause.groups.is_empty()
            && clause.groups.iter().all(|g| g.classes.iter().all(going));
    }
    role(SyntaxRole::Via)
        && clause.places[..before]
            .iter()
            .any(|p| p.role == PlaceRoleInClause::Event)
}

/// Whether a trigger is only intended ("بهدف استعادة", "لإيقاف تقدم").
fn is_intended(doc: &Document, at: usize, range: &Range<usize>) -> bool {
    (range.start.max(at.saturating_sub(4))..at).any(|k| {
        doc.has_at(k, kinds::syntax(SyntaxRole::Purpose), |e| {
            matches!(e, Entry::Syntax(SyntaxRole::Purpose))
        })
    })
}

fn add_trigger(
    doc: &Document,
    clause: &mut Clause,
    start: usize,
    end: usize,
    class: TriggerClass,
    verb: bool,
) {
    let a = doc.analysis(start);
    // "قصف" is a verb or a noun; with a preposition or the article it is the
    // noun ("بقصف لقوات النظام": the owner after it is the actor).
    let verb = verb && a.prep.is_none() && !a.article;
    let denied = (clause.range.start.max(start.saturating_sub(12))..start).any(|k| {
        doc.has_at(k, kinds::syntax(SyntaxRole::Denial), |e| {
            matches!(e, Entry::Syntax(SyntaxRole::Denial))
        })
    }) || (start > clause.range.start
        && doc.has_at(start - 1, kinds::syntax(SyntaxRole::Negation), |e| {
            matches!(e, Entry::Syntax(SyntaxRole::Negation))
        })
        && verb);
    let anaphoric = a.article && end == start + 1 && class == TriggerClass::Bombard;
    let place_between = |from: usize| clause.places.iter().any(|p| p.tokens.start >= from);
    if let Some(last) = clause.groups.last_mut() {
        let same = trigger_family(class) == trigger_family(last.classes[0]);
        if same && !place_between(last.start) {
            if !last.classes.contains(&class) {
                last.classes.push(class);
            }
            last.end = end;
            last.anaphoric &= anaphoric;
            last.denied |= denied;
            return;
        }
    }
    let caused = (clause.range.start.max(start.saturating_sub(2))..start).any(|k| {
        doc.has_at(k, kinds::syntax(SyntaxRole::Cause), |e| {
            matches!(e, Entry::Syntax(SyntaxRole::Cause))
        })
    });
    clause.groups.push(Group {
        start,
        end,
        first_end: end,
        classes: Few::one(class),
        verb,
        anaphoric,
        caused,
        denied,
    });
}

/// Prints how each clause of a sentence was read: set `WAQAI_DEBUG=1` when
/// running the CLI to see why a lexicon entry did or did not fire.
fn trace(doc: &Document, actors_found: &[ActorHit], clauses: &[Clause]) {
    eprintln!(
        "actors {:?}",
        actors_found
            .iter()
            .map(|h| (h.tokens, h.side, doc.original_text(h.tokens.0..h.tokens.1)))
            .collect::<Vec<_>>()
    );
    for c in clauses {
        eprintln!(
            "clause {:?} «{}»\n  groups {:?}\n  places {:?}\n  casualties {:?} linker {} time {:?}",
            c.range,
            doc.original_text(c.range.clone()),
            c.groups
                .iter()
                .map(|g| (g.start, &g.classes))
                .collect::<Vec<_>>(),
            c.places
                .iter()
                .map(|p| (p.tokens.start, &p.name, p.role))
                .collect::<Vec<_>>(),
            c.casualties,
            c.linker,
            c.time
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A clause read into a spare one (see [`Spare`]) must hold nothing of
    /// the clause that was read into it before.
    #[test]
    fn a_spare_clause_holds_nothing_of_the_clause_before() {
        let text = "قصفت قوات النظام بقذائف الهاون حي الوعر في حمص يوم الأربعاء، مما أدى إلى مقتل ثلاثة مدنيين. \
                    وانسحب المسلحون من قرية الزارة.";
        let doc = Document::new(text);
        assert_eq!(doc.segments.sentences.len(), 2);
        let (full, other) = (
            doc.segments.sentences[0].tokens.clone(),
            doc.segments.sentences[1].tokens.clone(),
        );
        let fresh = read_clause(
            &doc,
            other.clone(),
            &mut Recent::default(),
            true,
            Clause::default(),
        );
        let mut spare = Spare::default();
        let busy = read_clause(
            &doc,
            full.clone(),
            &mut Recent::default(),
            true,
            spare.clause(),
        );
        assert!(
            !busy.groups.is_empty()
                && !busy.places.is_empty()
                && !busy.casualties.is_empty()
                && !busy.weapons.is_empty()
                && busy.time.is_some(),
            "the first clause fills every part: {busy:?}"
        );
        spare.keep(busy);
        let reused = read_clause(&doc, other, &mut Recent::default(), true, spare.clause());
        assert_eq!(format!("{reused:?}"), format!("{fresh:?}"));
    }
}
