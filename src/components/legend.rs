//! What the colours and shapes mean.

use leptos::prelude::*;
use waqai_engine::EventType;

use crate::app::AppState;
use crate::components::types::TypeIcon;

#[component]
pub fn Legend() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="legend" aria-labelledby="legend-heading">
            <h2 id="legend-heading" class="sr-only">{move || state.strings().legend}</h2>
            <ul>
                {EventType::ALL
                    .into_iter()
                    .map(|t| {
                        view! {
                            <li>
                                <TypeIcon kind=t />
                                <span>{move || state.lang.get().type_name(t)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
