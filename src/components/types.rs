//! How each event type looks: a colour AND a shape, so that colour never
//! carries the meaning alone (the name is always written next to it too).

use leptos::prelude::*;
use waqai_engine::EventType;

use crate::components::svg_num::push_tenths;

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

/// A shape centred on (0,0), about 14 units across. Integers only: see
/// [`shape_at`].
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

/// `shape(t)` scaled by `scale` and moved to (`cx`, `cy`), as path data of its
/// own: many copies joined into one `<path>` cost the page one element
/// instead of one each (the chart draws a glyph on every bar segment).
pub fn shape_at(t: EventType, cx: f64, cy: f64, scale: f64) -> String {
    let mut out = String::new();
    // Which arguments of a command are absolute x, absolute y, or lengths.
    #[derive(Clone, Copy)]
    enum Arg {
        X,
        Y,
        Len,
        Flag,
    }
    let args: fn(char) -> &'static [Arg] = |c| match c {
        'M' | 'L' => &[Arg::X, Arg::Y],
        'H' => &[Arg::X],
        'V' => &[Arg::Y],
        // Relative arc: rx ry rotation large-arc sweep dx dy.
        'a' => &[
            Arg::Len,
            Arg::Len,
            Arg::Flag,
            Arg::Flag,
            Arg::Flag,
            Arg::Len,
            Arg::Len,
        ],
        _ => &[],
    };
    let src = shape(t);
    let mut rest = src;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        out.push(c);
        let kinds = args(c);
        if kinds.is_empty() {
            continue;
        }
        // The command repeats while numbers follow it. The shapes' numbers
        // are integers: read as such, they need none of Rust's float parsing,
        // which with its tables was 17 KB of the page's module (14 KB gzip).
        let mut i = 0;
        loop {
            rest = rest.trim_start_matches([' ', ',']);
            let end = rest
                .char_indices()
                .find(|&(j, ch)| !(ch.is_ascii_digit() || (j == 0 && ch == '-')))
                .map_or(rest.len(), |(j, _)| j);
            if end == 0 {
                break;
            }
            let v = f64::from(rest[..end].parse::<i32>().unwrap_or(0));
            rest = &rest[end..];
            if i > 0 {
                out.push(' ');
            }
            let v = match kinds[i % kinds.len()] {
                Arg::X => v * scale + cx,
                Arg::Y => v * scale + cy,
                Arg::Len => v * scale,
                Arg::Flag => v,
            };
            push_tenths(&mut out, v);
            i += 1;
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_are_scaled_and_moved() {
        // Table: (type, cx, cy, scale, path)
        for (t, cx, cy, k, want) in [
            (EventType::Airstrike, 0.0, 0.0, 1.0, "M-6 -5L6 -5L0 6Z"),
            (
                EventType::Airstrike,
                10.0,
                20.0,
                0.5,
                "M7 17.5L13 17.5L10 23Z",
            ),
            (EventType::Arrest, 100.0, 50.0, 0.8, "M96 46H104V54H96Z"),
            (
                EventType::Shelling,
                10.0,
                10.0,
                0.8,
                "M6 10a4 4 0 1 0 8 0a4 4 0 1 0 -8 0Z",
            ),
        ] {
            assert_eq!(shape_at(t, cx, cy, k), want, "{t:?}");
        }
    }

    #[test]
    fn shapes_hold_integers_only() {
        for t in EventType::ALL {
            let ok = |c: char| "MLHVaZ -".contains(c) || c.is_ascii_digit();
            assert!(shape(t).chars().all(ok), "{t:?}: {}", shape(t));
        }
    }

    #[test]
    fn every_shape_keeps_its_commands() {
        for t in EventType::ALL {
            let letters = |s: &str| {
                s.chars()
                    .filter(char::is_ascii_alphabetic)
                    .collect::<String>()
            };
            assert_eq!(
                letters(&shape_at(t, 3.0, 4.0, 0.8)),
                letters(shape(t)),
                "{t:?}"
            );
        }
    }
}
