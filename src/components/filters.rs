//! The filters. Each group says how many events it keeps on its own; all
//! of them together decide what the timeline, the chart and the map show.

use leptos::prelude::*;
use waqai_engine::{EventType, Side};

use crate::app::AppState;
use crate::components::map_data::GOVERNORATES;
use crate::components::types::TypeIcon;
use crate::i18n::Lang;
use crate::state::filters::{side_id, Facet, Filters, UNKNOWN};

/// "keeps 5 of 12" for one filter group.
#[component]
fn Keeps(facet: Facet) -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = move || {
        let lang = state.lang.get();
        let rows = state.rows.with(|r| r.len());
        let n = state.filtered.with(|x| x.kept_by(facet));
        match lang {
            Lang::En => format!("keeps {} of {}", n, rows),
            Lang::Ar => format!("يُبقي {} من {}", lang.num(n as u64), lang.num(rows as u64)),
        }
    };
    view! { <p class="keeps">{text}</p> }
}

#[component]
pub fn FilterPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = move || state.strings();
    let f = state.filters;
    let set = move |g: &dyn Fn(&mut Filters)| f.update(|x| g(x));
    // Every type's and side's count in one pass over the rows, made again
    // only when the rows change: the list of sides follows the filters too,
    // and a count per side and per change was ten passes over 10,000 rows.
    let counts = Memo::new(move |_| {
        state.rows.with(|r| {
            let mut types = [0usize; EventType::ALL.len()];
            let mut sides: Vec<(&'static str, usize)> = Vec::new();
            for e in r.iter() {
                types[e.facts.kind as usize] += 1;
                let id = side_id(e);
                match sides.iter_mut().find(|(s, _)| *s == id) {
                    Some((_, n)) => *n += 1,
                    None => sides.push((id, 1)),
                }
            }
            (types, sides)
        })
    });
    let count_type = move |t: EventType| counts.with(|(types, _)| types[t as usize]);
    let count_side = move |id: &str| {
        counts.with(|(_, sides)| sides.iter().find(|(s, _)| *s == id).map_or(0, |(_, n)| *n))
    };
    // Sides present in the events, plus any hidden one (so it can be shown again).
    let sides = move || {
        let mut ids: Vec<&'static str> = Side::ALL
            .iter()
            .map(|s| s.id())
            .chain([UNKNOWN])
            .filter(|id| count_side(id) > 0 || f.with(|x| x.hidden_sides.contains(*id)))
            .collect();
        ids.dedup();
        ids
    };
    let date_value = |d: Option<waqai_engine::Date>| d.map(|d| d.to_string()).unwrap_or_default();

    view! {
        <section class="panel filters" aria-labelledby="filters-heading">
            <div class="filters-head">
                <h2 id="filters-heading">{move || s().filters}</h2>
                <button type="button" on:click=move |_| f.set(Filters::default())>
                    {move || s().clear_filters}
                </button>
            </div>
            <p class="shown" aria-live="polite">
                {move || {
                    let lang = state.lang.get();
                    format!(
                        "{} / {} {}",
                        lang.num(state.visible.with(|v| v.len()) as u64),
                        lang.num(state.rows.with(|r| r.len()) as u64),
                        s().showing,
                    )
                }}
            </p>

            // On a phone the filters start folded, so the timeline is near.
            <details class="collapsible" open=!crate::web::location::narrow_screen()>
                <summary>{move || s().show_filters}</summary>
                <fieldset>
                    <legend>{move || s().f_type}</legend>
                    <ul class="checks">
                        {EventType::ALL
                            .into_iter()
                            .map(|t| {
                                let id = format!("ft-{}", t.id());
                                view! {
                                    <li>
                                        <input
                                            type="checkbox"
                                            id=id.clone()
                                            prop:checked=move || f.with(|x| !x.hidden_types.contains(&t))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                set(&|x| {
                                                    if on {
                                                        x.hidden_types.remove(&t);
                                                    } else {
                                                        x.hidden_types.insert(t);
                                                    }
                                                });
                                            }
                                        />
                                        <TypeIcon kind=t />
                                        <label for=id>{move || state.lang.get().type_name(t)}</label>
                                        <span class="n">{move || state.lang.get().num(count_type(t) as u64)}</span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <Keeps facet=Facet::Type />
                </fieldset>

                <fieldset>
                    <legend>{move || s().f_side}</legend>
                    <ul class="checks">
                        {move || {
                            sides()
                                .into_iter()
                                .map(|sid| {
                                    let id = format!("fs-{sid}");
                                    let name = move || {
                                        let lang = state.lang.get();
                                        Side::from_id(sid)
                                            .map_or(lang.strings().unknown_side, |s| lang.side_name(s))
                                    };
                                    view! {
                                        <li>
                                            <input
                                                type="checkbox"
                                                id=id.clone()
                                                prop:checked=move || f.with(|x| !x.hidden_sides.contains(sid))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    set(&|x| {
                                                        if on {
                                                            x.hidden_sides.remove(sid);
                                                        } else {
                                                            x.hidden_sides.insert(sid.to_string());
                                                        }
                                                    });
                                                }
                                            />
                                            <label for=id>{name}</label>
                                            <span class="n">{move || state.lang.get().num(count_side(sid) as u64)}</span>
                                        </li>
                                    }
                                })
                                .collect_view()
                        }}
                    </ul>
                    <Keeps facet=Facet::Side />
                </fieldset>

                <fieldset>
                    <legend>{move || s().f_gov}</legend>
                    <label for="f-gov" class="sr-only">{move || s().f_gov}</label>
                    <select
                        id="f-gov"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            set(&|x| x.governorate = (!v.is_empty()).then(|| v.clone()));
                        }
                        prop:value=move || f.with(|x| x.governorate.clone().unwrap_or_default())
                    >
                        <option value="">{move || s().all}</option>
                        {move || {
                            let lang = state.lang.get();
                            let mut govs: Vec<_> = GOVERNORATES.iter().collect();
                            govs.sort_unstable_by_key(|g| if lang == Lang::Ar { g.name_ar } else { g.name_en });
                            govs.into_iter()
                                .map(|g| {
                                    let name = if lang == Lang::Ar { g.name_ar } else { g.name_en };
                                    view! {
                                        <option
                                            value=g.pcode
                                            selected=move || f.with(|x| x.governorate.as_deref() == Some(g.pcode))
                                        >
                                            {name}
                                        </option>
                                    }
                                })
                                .collect_view()
                        }}
                        <option value=UNKNOWN selected=move || f.with(|x| x.governorate.as_deref() == Some(UNKNOWN))>
                            {move || s().unknown}
                        </option>
                    </select>
                    <Keeps facet=Facet::Governorate />
                </fieldset>

                <fieldset>
                    <legend>{move || s().f_place}</legend>
                    <label for="f-place">{move || s().place_search}</label>
                    <input
                        id="f-place"
                        type="search"
                        dir="auto"
                        prop:value=move || f.with(|x| x.place.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            set(&|x| x.place = v.clone());
                        }
                    />
                    <Keeps facet=Facet::Place />
                </fieldset>

                <fieldset>
                    <legend>{move || s().f_dates}</legend>
                    <div class="row">
                        <div class="field">
                            <label for="f-from">{move || s().date_from}</label>
                            <input
                                id="f-from"
                                type="date"
                                prop:value=move || f.with(|x| date_value(x.from))
                                on:change=move |ev| {
                                    let v = event_target_value(&ev).parse().ok();
                                    set(&|x| x.from = v);
                                }
                            />
                        </div>
                        <div class="field">
                            <label for="f-to">{move || s().date_to}</label>
                            <input
                                id="f-to"
                                type="date"
                                prop:value=move || f.with(|x| date_value(x.to))
                                on:change=move |ev| {
                                    let v = event_target_value(&ev).parse().ok();
                                    set(&|x| x.to = v);
                                }
                            />
                        </div>
                    </div>
                    <Show when=move || f.with(|x| x.from.is_some() || x.to.is_some())>
                        <p class="hint">{move || s().dates_hide_undated}</p>
                    </Show>
                    <Keeps facet=Facet::Dates />
                </fieldset>

                <fieldset>
                    <legend>{move || s().f_killed}</legend>
                    <label for="f-killed">{move || s().min_killed}</label>
                    <input
                        id="f-killed"
                        type="number"
                        min="0"
                        step="1"
                        inputmode="numeric"
                        prop:value=move || f.with(|x| if x.min_killed == 0 { String::new() } else { x.min_killed.to_string() })
                        on:input=move |ev| {
                            let v = event_target_value(&ev).trim().parse().unwrap_or(0);
                            set(&|x| x.min_killed = v);
                        }
                    />
                    <Keeps facet=Facet::Killed />
                </fieldset>

                <fieldset>
                    <legend>{move || s().f_denied}</legend>
                    <input
                        id="f-denied"
                        type="checkbox"
                        prop:checked=move || f.with(|x| !x.hide_denied)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            set(&|x| x.hide_denied = !on);
                        }
                    />
                    <label for="f-denied">{move || s().show_denied}</label>
                    <Keeps facet=Facet::Denied />
                </fieldset>

                <fieldset>
                    <legend>{move || s().f_article}</legend>
                    <label for="f-article" class="sr-only">{move || s().f_article}</label>
                    <select
                        id="f-article"
                        dir="auto"
                        on:change=move |ev| {
                            let v = event_target_value(&ev).parse().ok();
                            set(&|x| x.article = v);
                        }
                        prop:value=move || f.with(|x| x.article.map(|a| a.to_string()).unwrap_or_default())
                    >
                        <option value="">{move || s().all}</option>
                        // Ids and titles only (never a copy of every text), keyed:
                        // a thousand options are not drawn again when one article
                        // is added. The select's value follows the filter; an
                        // option is marked selected only as it is made, for the
                        // value it finds then.
                        <For
                            each=move || state.articles.with(|arts| {
                                arts.iter().map(|a| (a.id, a.title.clone())).collect::<Vec<_>>()
                            })
                            key=|option| option.clone()
                            children=move |(id, title)| {
                                view! {
                                    <option
                                        value=id.to_string()
                                        selected=f.with_untracked(|x| x.article == Some(id))
                                    >
                                        {title}
                                    </option>
                                }
                            }
                        />
                    </select>
                    <Keeps facet=Facet::Article />
                </fieldset>
            </details>
        </section>
    }
}
