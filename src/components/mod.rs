//! The page's views, one small component per file.

pub mod article_list;
pub mod chart;
pub mod deferred;
pub mod event_card;
pub mod evidence;
pub mod export;
pub mod filters;
pub mod input;
pub mod legend;
pub mod map;
pub mod map_data;
pub mod map_outline;
pub mod notices;
pub mod pixel_hash;
pub mod reading;
pub mod share;
pub mod svg_num;
pub mod timeline;
pub mod types;
pub mod windowing;
