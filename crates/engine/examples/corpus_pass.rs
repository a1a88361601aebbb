//! One pass of the engine (or of the Aho-Corasick floor) over the 4 MiB
//! benchmark corpus, for counting instructions instead of timing them:
//! `bash scripts/engine-instructions.sh` runs this under callgrind, which
//! counts only what runs inside [`measured_engine`] or [`measured_floor`].
//! Instruction counts do not drift with the machine's speed, so two engine
//! builds can be compared on a noisy virtual machine where their times cannot.
//!
//! `cargo run --release -p waqai-engine --example corpus_pass -- engine|floor`

use std::hint::black_box;
use std::path::Path;

use aho_corasick::AhoCorasick;
use waqai_engine::{extract, lexicon::lexicon, Options};

fn corpus() -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dev");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/dev")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let articles: Vec<String> = files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("a dev article"))
        .collect();
    // The same corpus as benches/extract.rs: the articles repeated to 4 MiB.
    let mut text = String::new();
    while text.len() < 4 << 20 {
        for a in &articles {
            text.push_str(a);
            text.push('\n');
        }
    }
    text
}

#[inline(never)]
#[no_mangle]
pub fn measured_engine(text: &str, options: &Options) {
    black_box(extract(black_box(text), options));
}

#[inline(never)]
#[no_mangle]
pub fn measured_floor(text: &str, floor: &AhoCorasick) {
    black_box(floor.find_overlapping_iter(black_box(text)).count());
}

fn main() {
    let what = std::env::args().nth(1).unwrap_or_else(|| "engine".into());
    let text = corpus();
    let options = Options::published("2017-03-22".parse().expect("a date"));
    match what.as_str() {
        "engine" => {
            // A first pass builds the tables and fills the word memo, as the
            // benchmark's warm-up does; the second is the one counted.
            black_box(extract(&text, &options));
            measured_engine(&text, &options);
        }
        "floor" => {
            let floor = AhoCorasick::new(lexicon().phrases.iter().map(|p| p.key.as_str()))
                .expect("an automaton");
            black_box(floor.find_overlapping_iter(&text).count());
            measured_floor(&text, &floor);
        }
        other => {
            eprintln!("corpus_pass: say engine or floor, not {other:?}");
            std::process::exit(2);
        }
    }
    println!("{} bytes", text.len());
}
