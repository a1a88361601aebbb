//! The article an event comes from, with its source sentence marked and
//! scrolled into view. Also shows an article opened from the list.

use leptos::prelude::*;

use crate::app::AppState;

/// The text cut at the given byte spans: `(piece, marked)` in order. Spans
/// that overlap, run backwards or cut a character are skipped, so a bad
/// offset can only lose a highlight, never the text.
pub fn segments(text: &str, spans: &[(usize, usize)]) -> Vec<(String, bool)> {
    let mut spans: Vec<(usize, usize)> = spans
        .iter()
        .copied()
        .filter(|&(s, e)| {
            s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        })
        .collect();
    // Unstable sorts only (equal spans are alike): the page's module then
    // needs no stable-sort routine for them.
    spans.sort_unstable();
    let mut out = Vec::new();
    let mut at = 0;
    for (s, e) in spans {
        if s < at {
            continue;
        }
        if s > at {
            out.push((text[at..s].to_string(), false));
        }
        out.push((text[s..e].to_string(), true));
        at = e;
    }
    if at < text.len() {
        out.push((text[at..].to_string(), false));
    }
    out
}

#[component]
pub fn Evidence() -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = move || state.strings();

    // (article id, spans to mark, how many reports, which one) for what is open.
    let open = Memo::new(move |_| {
        if let Some(id) = state.selected.get() {
            let rows = state.rows.get();
            let row = rows.iter().find(|r| *r.id == *id)?;
            let idx = state.report_index.get().min(row.reports.len() - 1);
            let rep = &row.reports[idx];
            let spans: Vec<(usize, usize)> = rep
                .event
                .evidence
                .iter()
                .map(|s| (s.start, s.end))
                .collect();
            let arts: Vec<u32> = row.reports.iter().map(|r| r.article_id).collect();
            return Some((rep.article_id, spans, arts, idx));
        }
        state.reading.get().map(|a| (a, Vec::new(), Vec::new(), 0))
    });
    let article = move || {
        let (id, ..) = open.get()?;
        state
            .articles
            .with(|arts| arts.iter().find(|a| a.id == id).cloned())
    };
    let title_of = move |id: u32| {
        state
            .articles
            .with(|arts| {
                arts.iter().find(|a| a.id == id).map(|a| {
                    let title = crate::state::articles::shorten(&a.title, 40);
                    if a.outlet.is_empty() {
                        title
                    } else {
                        format!("{} — {title}", a.outlet)
                    }
                })
            })
            .unwrap_or_default()
    };
    // Closing returns the keyboard to where the reader came from: the
    // event's row in the timeline.
    let close = move |_| {
        let back = state.selected.get_untracked().and_then(|id| {
            state.rows.with_untracked(|rows| {
                rows.iter()
                    .find(|r| *r.id == *id)
                    .map(crate::components::event_card::dom_id)
            })
        });
        state.selected.set(None);
        state.reading.set(None);
        if let Some(id) = back {
            crate::web::location::focus_later(id);
        }
    };

    view! {
        <section class="panel evidence" aria-labelledby="evidence-heading">
            <h2 id="evidence-heading">{move || s().evidence}</h2>
            {move || match (open.get(), article()) {
                (Some((_, spans, reports, idx)), Some(a)) => {
                    let lang = state.lang.get();
                    let many = reports.len() > 1;
                    let pieces = segments(&a.text, &spans);
                    view! {
                        <div class="evidence-head">
                            <h3 dir="auto">{a.title.clone()}</h3>
                            <button type="button" on:click=close>{s().close}</button>
                        </div>
                        <p class="meta">
                            {(!a.outlet.is_empty()).then(|| format!("{} · ", a.outlet))}
                            {a.published.map(|d| lang.date_long(d))}
                        </p>
                        {many.then(|| view! {
                            <div class="reports" role="group" aria-label=s().reported_by>
                                <span>{s().reported_by}": "</span>
                                {reports
                                    .iter()
                                    .enumerate()
                                    .map(|(i, &aid)| {
                                        view! {
                                            <button
                                                type="button"
                                                aria-pressed=(i == idx).to_string()
                                                on:click=move |_| {
                                                    state.report_index.set(i);
                                                    crate::web::location::scroll_mark_into_view();
                                                }
                                            >
                                                {title_of(aid)}
                                            </button>
                                        }
                                    })
                                    .collect_view()}
                            </div>
                        })}
                        <div class="article-text" dir="rtl" lang="ar" tabindex="0" role="region" aria-label=a.title.clone()>
                            {pieces
                                .into_iter()
                                .map(|(t, marked)| {
                                    if marked {
                                        view! { <mark>{t}</mark> }.into_any()
                                    } else {
                                        view! { <span>{t}</span> }.into_any()
                                    }
                                })
                                .collect_view()}
                        </div>
                    }
                        .into_any()
                }
                _ => view! { <p class="hint">{s().evidence_empty}</p> }.into_any(),
            }}
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_spans_and_survives_bad_offsets() {
        let t = "قصف حمص. اشتباك في حلب.";
        let s = t.find('ا').unwrap();
        let segs = segments(t, &[(s, t.len())]);
        assert_eq!(
            segs,
            vec![
                ("قصف حمص. ".to_string(), false),
                ("اشتباك في حلب.".to_string(), true)
            ]
        );
        // inside a character, past the end, overlapping: ignored
        let segs = segments(t, &[(1, 3), (0, 999), (0, 2), (1, 4)]);
        assert_eq!(segs.iter().map(|(p, _)| p.as_str()).collect::<String>(), t);
        assert_eq!(segs.iter().filter(|(_, m)| *m).count(), 1);
    }
}
