//! Which rows of a long timeline to draw: those on screen and a few either
//! side. Plain arithmetic over an estimated row height (measured from the rows
//! drawn), so ten thousand events cost what fifty do.

/// Timelines this long or shorter are drawn whole.
pub const DRAW_ALL_UP_TO: usize = 200;
/// Rows drawn beyond each edge of the screen, so scrolling shows no gap:
/// about a screen's worth. Every drawn row is work at every filter change
/// (twelve made a change on 10,000 events take a fifth longer).
pub const OVERSCAN: usize = 8;
/// The first row moves in steps of this many, so small scrolls redraw nothing.
const STEP: usize = 10;

/// The rows to draw, `first..end`, and the space the others take (in px).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub first: usize,
    pub end: usize,
    pub above: f64,
    pub below: f64,
}

/// `len` rows, the list's top `top` px from the top of the screen (negative
/// once scrolled past), a screen `screen` px high, rows about `row` px high;
/// a list of up to `whole` rows is drawn whole.
pub fn range(whole: usize, len: usize, top: f64, screen: f64, row: f64) -> Range {
    if len <= whole {
        return Range {
            first: 0,
            end: len,
            above: 0.0,
            below: 0.0,
        };
    }
    let row = row.max(1.0);
    let on_top = ((-top).max(0.0) / row) as usize;
    let first = (on_top.saturating_sub(OVERSCAN) / STEP * STEP).min(len.saturating_sub(1));
    let per_screen = (screen.max(0.0) / row).ceil() as usize;
    // The end moves in steps too, so one scroll changes both edges together.
    let end = (first + per_screen + 2 * OVERSCAN + STEP).min(len);
    Range {
        first,
        end,
        above: first as f64 * row,
        below: (len - end) as f64 * row,
    }
}

/// Where the list's top must be (relative to the screen) for row `i` to sit
/// a third of the way down a screen `screen` px high.
pub fn top_showing(i: usize, screen: f64, row: f64) -> f64 {
    screen / 3.0 - i as f64 * row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lists_are_drawn_whole() {
        let r = range(DRAW_ALL_UP_TO, DRAW_ALL_UP_TO, -5000.0, 800.0, 100.0);
        assert_eq!(
            (r.first, r.end, r.above, r.below),
            (0, DRAW_ALL_UP_TO, 0.0, 0.0)
        );
    }

    #[test]
    fn a_long_list_draws_the_screen_and_some_more() {
        // Table: (top, expected first row)
        for (top, first) in [
            (500.0, 0),
            (0.0, 0),
            (-1_500.0, 0),
            (-2_000.0, 10),
            (-10_000.0, 90),
            (-10_450.0, 90),
            (-11_000.0, 100),
        ] {
            let r = range(DRAW_ALL_UP_TO, 10_000, top, 800.0, 100.0);
            assert_eq!(r.first, first, "top {top}");
            // What is on screen is drawn.
            let on_top = ((-top).max(0.0) / 100.0) as usize;
            assert!(r.first <= on_top && on_top + 8 <= r.end, "{r:?} for {top}");
            assert!(r.end - r.first <= 8 + 2 * OVERSCAN + STEP);
            assert_eq!(r.above, r.first as f64 * 100.0);
            assert_eq!(r.below, (10_000 - r.end) as f64 * 100.0);
        }
    }

    #[test]
    fn the_end_of_the_list_is_reachable_and_never_passed() {
        let r = range(DRAW_ALL_UP_TO, 1_000, -1.0e9, 800.0, 100.0);
        assert!(r.first < 1_000 && r.end == 1_000 && r.below == 0.0);
        let r = range(DRAW_ALL_UP_TO, 1_000, 0.0, 0.0, 0.0);
        assert!(r.end <= 1_000);
    }

    #[test]
    fn jumping_to_a_row_puts_it_on_screen() {
        let top = top_showing(5_000, 900.0, 120.0);
        let r = range(DRAW_ALL_UP_TO, 10_000, top, 900.0, 120.0);
        assert!(r.first <= 5_000 && 5_000 < r.end);
    }
}
