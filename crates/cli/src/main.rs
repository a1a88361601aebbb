//! `waqai`: the command-line face of the engine.
//!
//! ```text
//! waqai extract [--published YYYY-MM-DD] [--format json|csv|geojson] [--jobs N] FILE...
//! ```
//! `-` reads standard input. With `--format json` (the default) it prints one
//! JSON object per file on its own line, `{"article": "<path>", "published":
//! ..., "events": [...]}`; `csv` prints one table (ACLED columns) and
//! `geojson` one FeatureCollection for all files. Files are read in parallel
//! (`--jobs`, default: every core) and printed in the order given.

use std::io::{self, IsTerminal, Read, Write};
use std::process::ExitCode;

use rayon::prelude::*;
use waqai_engine::{extract_with_progress, Date, Extraction, Options};
use waqai_export::Article;

const USAGE: &str = "usage: waqai extract [--published YYYY-MM-DD] [--format json|csv|geojson] [--jobs N] FILE...   (- reads standard input)";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Csv,
    GeoJson,
}

struct Args {
    published: Option<Date>,
    format: Format,
    jobs: Option<usize>,
    files: Vec<String>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("extract") => match parse(&args[1..]) {
            Ok(a) => run_extract(a),
            Err(message) => {
                eprintln!("waqai: {message}\n{USAGE}");
                ExitCode::from(2)
            }
        },
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn parse(args: &[String]) -> Result<Args, String> {
    let mut parsed = Args {
        published: None,
        format: Format::Json,
        jobs: None,
        files: Vec::new(),
    };
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name {
            "--published" => {
                parsed.published = Some(value()?.parse().map_err(|e| format!("--published: {e}"))?)
            }
            "--format" => {
                parsed.format = match value()?.as_str() {
                    "json" => Format::Json,
                    "csv" => Format::Csv,
                    "geojson" => Format::GeoJson,
                    other => return Err(format!("--format: unknown format {other:?}")),
                }
            }
            "--jobs" => {
                let n: usize = value()?
                    .parse()
                    .map_err(|_| "--jobs takes a whole number".to_string())?;
                parsed.jobs = Some(n.max(1));
            }
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s}")),
            _ => parsed.files.push(arg.clone()),
        }
    }
    if parsed.files.is_empty() {
        return Err("no input files".into());
    }
    Ok(parsed)
}

fn run_extract(args: Args) -> ExitCode {
    let options = Options {
        published: args.published,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .expect("a thread pool");
    // Extraction in parallel; results keep the order of the files given.
    let results: Vec<Result<(Extraction, bool), String>> = pool.install(|| {
        args.files
            .par_iter()
            .map(|file| {
                read_input(file)
                    .map(|text| (extract_shown(file, &text, &options), has_arabic(&text)))
                    .map_err(|e| format!("waqai: {file}: {e}"))
            })
            .collect()
    });
    let mut failed = false;
    let mut done = Vec::new();
    for (file, result) in args.files.iter().zip(results) {
        match result {
            Ok((found, arabic)) => {
                if !arabic {
                    // Still a result (no events), but say why: an empty file,
                    // or one in a language or encoding the engine cannot read.
                    eprintln!("waqai: {file}: no Arabic text in it, so no events");
                }
                done.push((file.as_str(), found));
            }
            Err(message) => {
                eprintln!("{message}");
                failed = true;
            }
        }
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        Format::Json => done.iter().try_for_each(|(file, found)| {
            let line = serde_json::json!({
                "article": file,
                "published": found.published,
                "published_from": found.published_from,
                "events": found.events,
            });
            writeln!(out, "{line}")
        }),
        Format::Csv | Format::GeoJson => {
            let articles: Vec<Article> = done
                .iter()
                .map(|(file, found)| Article {
                    name: file,
                    published: found.published,
                    events: &found.events,
                })
                .collect();
            let text = if args.format == Format::Csv {
                waqai_export::to_csv(&articles)
            } else {
                waqai_export::to_geojson(&articles) + "\n"
            };
            out.write_all(text.as_bytes())
        }
    };
    if written.is_err() {
        // The reader went away (a closed pipe): stop quietly.
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Texts at least this long show their progress (on a terminal).
const SHOW_PROGRESS: usize = 4 << 20;

/// [`waqai_engine::extract`]; a long text shows how far it got on stderr when
/// that is a terminal (`waqai: big.txt: 40%`).
fn extract_shown(file: &str, text: &str, options: &Options) -> Extraction {
    let show = text.len() >= SHOW_PROGRESS && io::stderr().is_terminal();
    let mut last = 0;
    let found = extract_with_progress(text, options, |done, total| {
        let percent = done * 100 / total.max(1);
        if show && percent >= last + 5 {
            last = percent;
            eprint!("\rwaqai: {file}: {percent}%");
        }
        true
    });
    if show {
        eprintln!("\rwaqai: {file}: done");
    }
    found
}

/// Whether the text holds any Arabic letter.
fn has_arabic(text: &str) -> bool {
    text.chars()
        .any(|c| matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{FB50}'..='\u{FEFC}'))
}

/// Reads a file (or stdin for `-`) as text: UTF-8, UTF-16 or Windows-1256
/// (see `decode`). Invalid UTF-8 in a UTF-8 file is replaced, not refused: an
/// article with one bad byte still has events worth finding. A file that is
/// mostly NUL bytes (and not UTF-16) is not text at all and is refused.
fn read_input(path: &str) -> io::Result<String> {
    let mut bytes = Vec::new();
    if path == "-" {
        io::stdin().read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(path)?;
    }
    let (text, _encoding) = waqai_engine::text::decode::decode(&bytes);
    let nuls = text.chars().filter(|&c| c == '\0').count();
    if nuls > 0 && nuls * 10 > text.chars().count() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "this looks like a binary file, not text",
        ));
    }
    Ok(text)
}
