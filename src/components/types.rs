//! How each event type looks: a colour AND a shape, so that colour never
//! carries the meaning alone (the name is always written next to it too).

use leptos::prelude::*;
use waqai_engine::EventType;

/// Fill colour of a type (chosen to stay apart for common colour blindness
/// as far as ten colours can; the shape tells them apart where they don't).
pub fn colour(t: EventType) -> &'static str {
    match t {
        EventType::Airstrike => "#c62828",
        EventType::Shelling => "#ef6c00",
        EventType::Explosion => "#6d4c41",
        EventType::Clash => "#7b1fa2",
        EventType::Advance => "#1565c0",
        EventType::Withdrawal => "#00838f",
        EventType::ViolenceAgainstCivilians => "#ad1457",
        EventType::Arrest => "#546e7a",
        EventType::Displacement => "#2e7d32",
        EventType::Other => "#9e9d24",
    }
}

/// A shape centred on (0,0), about 14 units across.
pub fn shape(t: EventType) -> &'static str {
    match t {
        // from the sky: a triangle pointing down
        EventType::Airstrike => "M-6 -5L6 -5L0 6Z",
        EventType::Shelling => "M-5 0a5 5 0 1 0 10 0a5 5 0 1 0 -10 0Z",
        EventType::Explosion => "M0 -7L2 -2L7 -2L3 1L5 6L0 3L-5 6L-3 1L-7 -2L-2 -2Z",
        EventType::Clash => "M-6 -4L-4 -6L0 -2L4 -6L6 -4L2 0L6 4L4 6L0 2L-4 6L-6 4L-2 0Z",
        EventType::Advance => "M-6 -5L6 0L-6 5L-3 0Z",
        EventType::Withdrawal => "M6 -5L-6 0L6 5L3 0Z",
        EventType::ViolenceAgainstCivilians => "M0 -7L7 0L0 7L-7 0Z",
        EventType::Arrest => "M-5 -5H5V5H-5Z",
        EventType::Displacement => "M-6 5L6 5L0 -6Z",
        EventType::Other => "M-2 -6H2V-2H6V2H2V6H-2V2H-6V-2H-2Z",
    }
}

/// The type's icon, decorative (its name is always written beside it).
#[component]
pub fn TypeIcon(kind: EventType) -> impl IntoView {
    view! {
        <svg class="type-icon" viewBox="-8 -8 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d=shape(kind) fill=colour(kind) stroke="#1a1a1a" stroke-width="1"></path>
        </svg>
    }
}
