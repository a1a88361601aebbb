//! One timeline row: what happened, where, who, how many, when, who says so,
//! and the reader's correction form.

use leptos::prelude::*;
use waqai_engine::{Count, EventType, Side, Status};

use crate::app::AppState;
use crate::components::timeline::Item;
use crate::components::types::{colour, TypeIcon};
use crate::i18n::Lang;
use crate::state::articles::shorten;
use crate::state::corrections::{
    correction_key, diff, fields_of, parse_count, record, Correction, EventFields,
};
use crate::state::events::{GroupKey, TimelineEvent};

fn count_text(lang: Lang, c: Option<Count>) -> String {
    match c {
        Some(Count::Exact(n)) => lang.num(n as u64),
        Some(Count::Some) => lang.strings().some.to_string(),
        None => "–".to_string(),
    }
}

fn count_input(c: Option<Count>) -> String {
    match c {
        Some(Count::Exact(n)) => n.to_string(),
        Some(Count::Some) => "some".to_string(),
        None => String::new(),
    }
}

/// A DOM id for a row (row ids hold Arabic and punctuation).
pub fn dom_id(row: &TimelineEvent) -> String {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut h = DefaultHasher::new();
    row.id.hash(&mut h);
    format!("ev-{:x}", h.finish())
}

#[component]
pub fn EventCard(item: Item) -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = move || state.strings();
    let row = item.row.clone();
    let id = row.id.clone();
    let uid = dom_id(&row);
    let ev = row.event.clone();
    let kind = ev.kind;
    let editing = RwSignal::new(false);

    let header = item.header.map(|k| {
        move || {
            let lang = state.lang.get();
            match k {
                GroupKey::Day(d) => lang.date_long(d),
                GroupKey::Undated(a) => {
                    let title = state
                        .articles
                        .with(|arts| arts.iter().find(|x| x.id == a).map(|x| x.title.clone()))
                        .unwrap_or_default();
                    format!("{} — {}", lang.strings().undated, shorten(&title, 50))
                }
            }
        }
    });
    let header_class = match item.header {
        Some(GroupKey::Day(_)) => "day-heading",
        _ => "day-heading undated",
    };

    let selected = {
        let id = id.clone();
        move || state.selected.with(|s| s.as_deref() == Some(&*id))
    };
    let select = {
        let id = id.clone();
        move |_| state.select(id.to_string())
    };

    // Corrections apply to every article's report of the row.
    let keys: Vec<String> = row
        .reports
        .iter()
        .map(|r| correction_key(r.article_id, &r.key))
        .collect();
    let keys_del = keys.clone();
    let keys_rev = keys.clone();
    let delete = move |_| {
        state.corrections.update(|c| {
            for k in &keys_del {
                c.insert(k.clone(), Correction::Delete);
            }
        });
        crate::web::location::focus_later("timeline-heading".into());
    };
    let revert = move |_| {
        state.corrections.update(|c| {
            for k in &keys_rev {
                c.remove(k);
            }
        })
    };

    let place = ev.places.first().cloned();
    let place_view = {
        let place = place.clone();
        move || {
            let lang = state.lang.get();
            match &place {
                None => {
                    view! { <span class="place unknown">{lang.strings().unknown}</span> }.into_any()
                }
                Some(p) => {
                    let gov = p.governorate.as_ref().map(|g| {
                        if lang == Lang::Ar {
                            g.name_ar.clone()
                        } else {
                            g.name_en.clone()
                        }
                    });
                    let en = p.name_en.clone().filter(|_| lang == Lang::En);
                    view! {
                        <span class="place">
                            <bdi lang="ar">{p.name.clone()}</bdi>
                            {en.map(|n| view! { " (" <bdi>{n}</bdi> ")" })}
                            {gov.map(|g| view! { <span class="gov-name">" · " <bdi>{g}</bdi></span> })}
                        </span>
                    }
                        .into_any()
                }
            }
        }
    };

    let side = ev.actor.side;
    let actor_name = ev.actor.name.clone();
    let killed = ev.killed;
    let wounded = ev.wounded;
    let date = ev.date;
    let precision = ev.precision;
    let denied = ev.status == Status::Denied;
    let corrected = row.corrected();
    let sources = row.sources();
    let article_ids = row.article_ids();
    let n_articles = article_ids.len();

    let details = move || {
        let lang = state.lang.get();
        let s = lang.strings();
        let side_text = match side {
            Some(sd) => lang.side_name(sd).to_string(),
            None => s.unknown_side.to_string(),
        };
        let date_text = match date {
            Some(d) => {
                let p = lang.precision(precision);
                if p.is_empty() {
                    lang.date_long(d)
                } else {
                    format!("{} ({p})", lang.date_long(d))
                }
            }
            None => s.undated.to_string(),
        };
        let titles: Vec<String> = article_ids
            .iter()
            .map(|a| {
                state
                    .articles
                    .with(|arts| {
                        arts.iter().find(|x| x.id == *a).map(|x| {
                            if x.outlet.is_empty() {
                                shorten(&x.title, 40)
                            } else {
                                x.outlet.clone()
                            }
                        })
                    })
                    .unwrap_or_default()
            })
            .collect();
        view! {
            <dl class="facts">
                <div>
                    <dt>{s.side}</dt>
                    <dd>
                        {side_text}
                        {actor_name.clone().map(|n| view! { " (" <bdi lang="ar">{n}</bdi> ")" })}
                    </dd>
                </div>
                <div>
                    <dt>{s.killed}</dt>
                    <dd>{count_text(lang, killed)}</dd>
                </div>
                <div>
                    <dt>{s.wounded}</dt>
                    <dd>{count_text(lang, wounded)}</dd>
                </div>
                <div>
                    <dt>{s.date}</dt>
                    <dd>{date_text}</dd>
                </div>
                {(!sources.is_empty()).then(|| view! {
                    <div>
                        <dt>{s.source}</dt>
                        <dd><bdi lang="ar">{sources.join("، ")}</bdi></dd>
                    </div>
                })}
                <div>
                    <dt>{s.reported_by}</dt>
                    <dd>
                        {format!("{}: ", lang.articles_count(n_articles))}
                        <bdi>{titles.join(" · ")}</bdi>
                    </dd>
                </div>
            </dl>
        }
    };

    let form_row = row.clone();
    let keys_save = keys.clone();

    view! {
        <li class="event" class:selected=selected class:denied=denied data-type=kind.id()>
            {header.map(|h| view! { <h3 class=header_class>{h}</h3> })}
            <div class="card" style=("--type-colour", colour(kind))>
                <button
                    type="button"
                    class="event-title"
                    id=uid.clone()
                    aria-pressed={
                        let selected = selected.clone();
                        move || selected().to_string()
                    }
                    on:click=select
                >
                    <TypeIcon kind=kind />
                    <span class="type-name">{move || state.lang.get().type_name(kind)}</span>
                    <span class="sep" aria-hidden="true">" — "</span>
                    {place_view}
                </button>
                <span class="badges">
                    {denied.then(|| view! { <span class="badge denied">"⊘ " {move || s().denied}</span> })}
                    {corrected.then(|| view! { <span class="badge corrected">"✎ " {move || s().corrected}</span> })}
                </span>
                {details}
                <div class="actions no-print">
                    <button
                        type="button"
                        id=format!("{uid}-correct")
                        aria-expanded=move || editing.get().to_string()
                        on:click=move |_| {
                            editing.update(|e| *e = !*e);
                        }
                    >
                        {move || s().correct}
                    </button>
                    <button type="button" on:click=delete>{move || s().delete}</button>
                    {corrected.then(|| view! { <button type="button" on:click=revert>{move || s().revert}</button> })}
                </div>
                <Show when=move || editing.get()>
                    <EditForm row=form_row.clone() keys=keys_save.clone() editing=editing uid=uid.clone() />
                </Show>
            </div>
        </li>
    }
}

#[component]
fn EditForm(
    row: TimelineEvent,
    keys: Vec<String>,
    editing: RwSignal<bool>,
    uid: String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = move || state.strings();
    let first_report = (row.reports[0].article_id, row.reports[0].key.clone());
    let start = fields_of(&row.event);
    let original = start.clone();
    let kind = RwSignal::new(start.kind);
    let place = RwSignal::new(start.place.clone());
    let date = RwSignal::new(start.date.map(|d| d.to_string()).unwrap_or_default());
    let side = RwSignal::new(start.side.map(|s| s.id().to_string()).unwrap_or_default());
    let killed = RwSignal::new(count_input(start.killed));
    let wounded = RwSignal::new(count_input(start.wounded));
    let error = RwSignal::new(false);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Ok(k), Ok(w)) = (
            parse_count(&killed.get_untracked()),
            parse_count(&wounded.get_untracked()),
        ) else {
            error.set(true);
            return;
        };
        let now = EventFields {
            kind: kind.get_untracked(),
            place: place.get_untracked(),
            date: date.get_untracked().parse().ok(),
            side: Side::from_id(&side.get_untracked()),
            killed: k,
            wounded: w,
        };
        // Only what the reader changed is stored; the rest keeps following
        // the engine (a new publication date still moves the event).
        let edit = diff(&original, &now);
        if !edit.is_empty() {
            state.corrections.update(|c| {
                for key in &keys {
                    record(c, key.clone(), edit.clone());
                }
            });
        }
        editing.set(false);
        // The corrected row is redrawn (its content, maybe its place in the
        // timeline, changed): give the keyboard back to it once it is drawn.
        let (article, key) = (first_report.0, first_report.1.clone());
        leptos::prelude::request_animation_frame(move || {
            let id = state.rows.with_untracked(|rows| {
                rows.iter()
                    .find(|r| {
                        r.reports
                            .iter()
                            .any(|x| x.article_id == article && x.key == key)
                    })
                    .map(dom_id)
            });
            if let Some(id) = id {
                crate::web::location::focus_later(id);
            }
        });
    };
    let uid2 = uid.clone();
    let f = |name: &str| format!("{uid}-{name}");
    crate::web::location::focus_later(f("type"));

    view! {
        <form class="edit" on:submit=save>
            <div class="field">
                <label for=f("type")>{move || s().event_type}</label>
                <select id=f("type") on:change=move |ev| {
                    if let Some(t) = EventType::from_id(&event_target_value(&ev)) { kind.set(t) }
                }>
                    {EventType::ALL.into_iter().map(|t| view! {
                        <option value=t.id() selected=move || kind.get() == t>{move || state.lang.get().type_name(t)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=f("place")>{move || s().place}</label>
                <input id=f("place") type="text" dir="auto" prop:value=move || place.get()
                    on:input=move |ev| place.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=f("date")>{move || s().date}</label>
                <input id=f("date") type="date" prop:value=move || date.get()
                    on:input=move |ev| date.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=f("side")>{move || s().side}</label>
                <select id=f("side") on:change=move |ev| side.set(event_target_value(&ev))>
                    <option value="" selected=move || side.get().is_empty()>{move || s().unknown_side}</option>
                    {Side::ALL.into_iter().map(|sd| view! {
                        <option value=sd.id() selected=move || side.get() == sd.id()>{move || state.lang.get().side_name(sd)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for=f("killed")>{move || s().killed}</label>
                <input id=f("killed") type="text" inputmode="numeric" prop:value=move || killed.get()
                    on:input=move |ev| killed.set(event_target_value(&ev)) />
            </div>
            <div class="field">
                <label for=f("wounded")>{move || s().wounded}</label>
                <input id=f("wounded") type="text" inputmode="numeric" prop:value=move || wounded.get()
                    on:input=move |ev| wounded.set(event_target_value(&ev)) />
            </div>
            <Show when=move || error.get()>
                <p class="notice error" role="alert">
                    {move || if state.lang.get() == Lang::Ar {
                        "اكتب عدداً أو \"some\" أو اترك الحقل فارغاً."
                    } else {
                        "Write a number, \"some\", or leave the field empty."
                    }}
                </p>
            </Show>
            <div class="actions">
                <button type="submit" class="primary">{move || s().save}</button>
                <button type="button" on:click=move |_| {
                    editing.set(false);
                    crate::web::location::focus_later(format!("{uid2}-correct"));
                }>{move || s().cancel}</button>
            </div>
        </form>
    }
}
