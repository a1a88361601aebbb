//! `waqai`: the command-line face of the engine.
//!
//! ```text
//! waqai extract [--published YYYY-MM-DD] FILE...   (FILE may be - for stdin)
//! ```
//! Prints one JSON object per file on its own line:
//! `{"article": "<path>", "published": ..., "events": [...]}`.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use waqai_engine::{extract, Date, Options};

const USAGE: &str =
    "usage: waqai extract [--published YYYY-MM-DD] FILE...   (- reads standard input)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("extract") => run_extract(&args[1..]),
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

fn run_extract(args: &[String]) -> ExitCode {
    let mut published: Option<Date> = None;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--published" => match it.next().map(|v| v.parse::<Date>()) {
                Some(Ok(d)) => published = Some(d),
                Some(Err(e)) => {
                    eprintln!("waqai: --published: {e}");
                    return ExitCode::from(2);
                }
                None => {
                    eprintln!("waqai: --published needs a date (YYYY-MM-DD)");
                    return ExitCode::from(2);
                }
            },
            s if s.starts_with("--published=") => match s["--published=".len()..].parse() {
                Ok(d) => published = Some(d),
                Err(e) => {
                    eprintln!("waqai: --published: {e}");
                    return ExitCode::from(2);
                }
            },
            s if s.starts_with('-') && s != "-" => {
                eprintln!("waqai: unknown option {s}\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => files.push(arg.clone()),
        }
    }
    if files.is_empty() {
        eprintln!("waqai: no input files\n{USAGE}");
        return ExitCode::from(2);
    }
    let options = Options { published };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut failed = false;
    for file in &files {
        let text = match read_input(file) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("waqai: {file}: {e}");
                failed = true;
                continue;
            }
        };
        let found = extract(&text, &options);
        let line = serde_json::json!({
            "article": file,
            "published": found.published,
            "published_from": found.published_from,
            "events": found.events,
        });
        if writeln!(out, "{line}").is_err() {
            // The reader went away (a closed pipe): stop quietly.
            return ExitCode::from(1);
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Reads a file (or stdin for `-`) as text. Invalid UTF-8 is replaced, not refused:
/// an article with one bad byte still has events worth finding.
fn read_input(path: &str) -> io::Result<String> {
    let mut bytes = Vec::new();
    if path == "-" {
        io::stdin().read_to_end(&mut bytes)?;
    } else {
        bytes = std::fs::read(path)?;
    }
    if bytes.contains(&0) && bytes.iter().filter(|&&b| b == 0).count() * 10 > bytes.len() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "this looks like a binary file, not text",
        ));
    }
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}
