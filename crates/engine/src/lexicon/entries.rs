//! What a lexicon phrase means, and how each data file's rows are read.

use crate::model::Side;

/// What a trigger word announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TriggerClass {
    /// Always an airstrike (غارة).
    Air,
    /// Always ground bombardment (قصف مدفعي).
    Shell,
    /// A strike whose type the weapons or the actor decide (قصف).
    Bombard,
    /// A strike only when a weapon says which kind (استهدف).
    Target,
    Explosion,
    Clash,
    Advance,
    Withdrawal,
    Violence,
    Arrest,
    Displacement,
    Other,
    /// Not an event although it contains a trigger ("تحت سيطرة").
    Block,
}

impl TriggerClass {
    /// A strike of some kind: the air, shell, bombard and target classes.
    pub fn is_strike(self) -> bool {
        matches!(
            self,
            TriggerClass::Air | TriggerClass::Shell | TriggerClass::Bombard | TriggerClass::Target
        )
    }
}

/// How a weapon is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Delivery {
    Air,
    Ground,
}

/// What a casualty word counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CasualtyWhat {
    Killed,
    Wounded,
    /// A counted person (مدنيين، أطفال، عناصر).
    Victim,
    /// "No casualties".
    Zero,
}

/// Where a casualty word's count stands (see casualties.tsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CasualtyForm {
    Verbal,
    /// A verb of killing whose object is its victims ("أعدم"): a count only
    /// when a figure or a victim noun follows.
    Object,
    Plural,
    Single,
    Dual,
    Passive,
    Phrase,
}

/// Sentence-shaping words (see syntax.tsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SyntaxRole {
    Opener,
    OpenerIfTrigger,
    Linker,
    Cause,
    Purpose,
    Agent,
    Origin,
    Locator,
    Denial,
    Negation,
    Stop,
    Possessive,
    /// An aside that counts a part of a group just named ("بينهم أربعة أطفال").
    Part,
    /// "Toward": after a withdrawal or a flight, the place that follows is
    /// where they went (انسحبت من X باتجاه Y).
    Toward,
    /// "By way of": the place that follows is the way taken (عبر معبر X).
    Via,
    /// A body of troops ("أرتال"، "دوريات"): a nationality after it names
    /// the actor ("أرتال عسكرية تركية").
    Force,
}

/// Words around place names (see places.tsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceRole {
    Type,
    Head,
    Modifier,
    Capital,
    Region,
}

/// Grammatical number of a place word: one, two (dual) or many.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Plurality {
    One,
    Two,
    Many,
}

/// Kinds of [`Entry`] as bits ([`Entry::kind`]): what a token's entries
/// are, tested at once before any entry is read.
pub mod kinds {
    use super::SyntaxRole;

    /// A set of entry kinds.
    pub type Kinds = u32;

    pub const TRIGGER: Kinds = 1 << 0;
    pub const WEAPON: Kinds = 1 << 1;
    pub const ACTOR: Kinds = 1 << 2;
    pub const CASUALTY: Kinds = 1 << 3;
    pub const PLACE_WORD: Kinds = 1 << 4;
    pub const DIRECTION: Kinds = 1 << 5;
    pub const SOURCE: Kinds = 1 << 6;
    pub const PLACE: Kinds = 1 << 7;
    /// Syntax words: one bit per role, from bit 8.
    pub const fn syntax(role: SyntaxRole) -> Kinds {
        1 << (8 + role as u32)
    }
    /// Every syntax role.
    pub const SYNTAX: Kinds = 0xFFFF << 8;
}

/// One meaning of a lexicon phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entry {
    Trigger {
        class: TriggerClass,
        verb: bool,
    },
    Weapon(Delivery),
    Actor {
        side: Side,
        /// An air force: its bombardment is an airstrike.
        air: bool,
        /// A nationality adjective ("روسية"): an actor only after a strike word or weapon.
        adjective: bool,
    },
    Casualty {
        what: CasualtyWhat,
        form: CasualtyForm,
    },
    Syntax(SyntaxRole),
    PlaceWord {
        role: PlaceRole,
        plurality: Plurality,
        kind: &'static str,
    },
    Direction {
        /// An adjective after a name (الشرقي) rather than a preposition (شرقي X).
        adj: bool,
    },
    /// An attributed source, with the name shown to readers.
    Source(&'static str),
    /// A gazetteer key.
    Place,
}

impl Entry {
    /// This entry's kind as one bit of [`kinds::Kinds`].
    pub fn kind(&self) -> kinds::Kinds {
        match self {
            Entry::Trigger { .. } => kinds::TRIGGER,
            Entry::Weapon(_) => kinds::WEAPON,
            Entry::Actor { .. } => kinds::ACTOR,
            Entry::Casualty { .. } => kinds::CASUALTY,
            Entry::Syntax(role) => kinds::syntax(*role),
            Entry::PlaceWord { .. } => kinds::PLACE_WORD,
            Entry::Direction { .. } => kinds::DIRECTION,
            Entry::Source(_) => kinds::SOURCE,
            Entry::Place => kinds::PLACE,
        }
    }
}

type RowParser = fn(&[&'static str]) -> Option<Entry>;

/// Every lexicon file and how to read its rows (the first field is the phrase).
pub(super) const FILES: [(&str, RowParser); 8] = [
    (table!("triggers.tsv"), trigger),
    (table!("weapons.tsv"), weapon),
    (table!("actors.tsv"), actor),
    (table!("casualties.tsv"), casualty),
    (table!("syntax.tsv"), syntax),
    (table!("places.tsv"), place_word),
    (table!("directions.tsv"), direction),
    (table!("sources.tsv"), source),
];

fn trigger(row: &[&'static str]) -> Option<Entry> {
    let class = match *row.get(1)? {
        "air" => TriggerClass::Air,
        "shell" => TriggerClass::Shell,
        "bombard" => TriggerClass::Bombard,
        "target" => TriggerClass::Target,
        "explosion" => TriggerClass::Explosion,
        "clash" => TriggerClass::Clash,
        "advance" => TriggerClass::Advance,
        "withdrawal" => TriggerClass::Withdrawal,
        "violence" => TriggerClass::Violence,
        "arrest" => TriggerClass::Arrest,
        "displacement" => TriggerClass::Displacement,
        "other" => TriggerClass::Other,
        "block" => TriggerClass::Block,
        _ => return None,
    };
    Some(Entry::Trigger {
        class,
        verb: row.get(2) == Some(&"v"),
    })
}

fn weapon(row: &[&'static str]) -> Option<Entry> {
    match *row.get(1)? {
        "air" => Some(Entry::Weapon(Delivery::Air)),
        "ground" => Some(Entry::Weapon(Delivery::Ground)),
        _ => None,
    }
}

fn actor(row: &[&'static str]) -> Option<Entry> {
    Some(Entry::Actor {
        side: Side::from_id(row.get(1)?)?,
        air: row.get(2) == Some(&"air"),
        adjective: row.get(2) == Some(&"adj"),
    })
}

fn casualty(row: &[&'static str]) -> Option<Entry> {
    let what = match *row.get(1)? {
        "killed" => CasualtyWhat::Killed,
        "wounded" => CasualtyWhat::Wounded,
        "victim" => CasualtyWhat::Victim,
        "zero" => CasualtyWhat::Zero,
        _ => return None,
    };
    let form = match *row.get(2)? {
        "verbal" => CasualtyForm::Verbal,
        "object" => CasualtyForm::Object,
        "plural" => CasualtyForm::Plural,
        "single" => CasualtyForm::Single,
        "dual" => CasualtyForm::Dual,
        "passive" => CasualtyForm::Passive,
        "phrase" => CasualtyForm::Phrase,
        _ => return None,
    };
    Some(Entry::Casualty { what, form })
}

fn syntax(row: &[&'static str]) -> Option<Entry> {
    let role = match *row.get(1)? {
        "opener" => SyntaxRole::Opener,
        "opener_t" => SyntaxRole::OpenerIfTrigger,
        "linker" => SyntaxRole::Linker,
        "cause" => SyntaxRole::Cause,
        "purpose" => SyntaxRole::Purpose,
        "agent" => SyntaxRole::Agent,
        "origin" => SyntaxRole::Origin,
        "locator" => SyntaxRole::Locator,
        "denial" => SyntaxRole::Denial,
        "negation" => SyntaxRole::Negation,
        "stop" => SyntaxRole::Stop,
        "possessive" => SyntaxRole::Possessive,
        "part" => SyntaxRole::Part,
        "toward" => SyntaxRole::Toward,
        "via" => SyntaxRole::Via,
        "force" => SyntaxRole::Force,
        _ => return None,
    };
    Some(Entry::Syntax(role))
}

fn place_word(row: &[&'static str]) -> Option<Entry> {
    let role = match *row.get(1)? {
        "type" => PlaceRole::Type,
        "head" => PlaceRole::Head,
        "modifier" => PlaceRole::Modifier,
        "capital" => PlaceRole::Capital,
        "region" => PlaceRole::Region,
        _ => return None,
    };
    let plurality = match *row.get(2)? {
        "2" => Plurality::Two,
        "p" => Plurality::Many,
        _ => Plurality::One,
    };
    Some(Entry::PlaceWord {
        role,
        plurality,
        kind: row.get(3).copied().unwrap_or("-"),
    })
}

fn direction(row: &[&'static str]) -> Option<Entry> {
    Some(Entry::Direction {
        adj: *row.get(2)? == "adj",
    })
}

fn source(row: &[&'static str]) -> Option<Entry> {
    Some(Entry::Source(row.get(1)?))
}

#[cfg(test)]
mod tests {
    /// build.rs empties comment lines and changes nothing else.
    #[test]
    fn embedded_tables_are_the_data_files_with_comments_emptied() {
        let pairs = [
            (
                table!("triggers.tsv"),
                include_str!("../../data/lexicon/triggers.tsv"),
            ),
            (
                table!("weapons.tsv"),
                include_str!("../../data/lexicon/weapons.tsv"),
            ),
            (
                table!("actors.tsv"),
                include_str!("../../data/lexicon/actors.tsv"),
            ),
            (
                table!("casualties.tsv"),
                include_str!("../../data/lexicon/casualties.tsv"),
            ),
            (
                table!("syntax.tsv"),
                include_str!("../../data/lexicon/syntax.tsv"),
            ),
            (
                table!("places.tsv"),
                include_str!("../../data/lexicon/places.tsv"),
            ),
            (
                table!("directions.tsv"),
                include_str!("../../data/lexicon/directions.tsv"),
            ),
            (
                table!("sources.tsv"),
                include_str!("../../data/lexicon/sources.tsv"),
            ),
            (
                table!("numbers.tsv"),
                include_str!("../../data/lexicon/numbers.tsv"),
            ),
            (
                table!("quantifiers.tsv"),
                include_str!("../../data/lexicon/quantifiers.tsv"),
            ),
            (
                table!("months.tsv"),
                include_str!("../../data/lexicon/months.tsv"),
            ),
            (
                table!("weekdays.tsv"),
                include_str!("../../data/lexicon/weekdays.tsv"),
            ),
            (
                table!("ordinals.tsv"),
                include_str!("../../data/lexicon/ordinals.tsv"),
            ),
            (
                table!("relative_days.tsv"),
                include_str!("../../data/lexicon/relative_days.tsv"),
            ),
            (
                table!("presentation_forms.tsv"),
                include_str!("../../data/presentation_forms.tsv"),
            ),
        ];
        for (embedded, original) in pairs {
            let want: Vec<&str> = original
                .lines()
                .map(|l| if l.starts_with('#') { "" } else { l })
                .collect();
            assert_eq!(embedded.lines().collect::<Vec<_>>(), want);
            assert!(
                original.lines().any(|l| l.starts_with('#')),
                "every table says where it comes from"
            );
        }
    }
}
