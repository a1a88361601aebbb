//! The CLI on inputs nobody should have to clean first: empty, whitespace only,
//! no Arabic, binary, invalid UTF-8, Windows-1256 and UTF-16 files, markup,
//! bidirectional controls and very long lines. Each gets a clear message or a
//! graceful result, never a crash.

use std::path::PathBuf;
use std::process::{Command, Output};

const AR: &str = "قصفت قوات النظام الأربعاء حي الوعر في حمص، مما أدى إلى مقتل ثلاثة مدنيين.\n";

struct Dir(PathBuf);

impl Dir {
    fn new(name: &str) -> Dir {
        let dir = std::env::temp_dir().join(format!("waqai-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        Dir(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

fn run(file: &PathBuf) -> Output {
    Command::new(env!("CARGO_BIN_EXE_waqai"))
        .args(["extract", "--published", "2017-03-22"])
        .arg(file)
        .output()
        .unwrap()
}

/// The events of one file's JSON line, and what was said on stderr.
fn events(out: &Output) -> (Vec<serde_json::Value>, String) {
    assert!(out.status.success(), "{out:?}");
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    (
        line["events"].as_array().unwrap().clone(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn windows_1256(text: &str) -> Vec<u8> {
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1256.encode(text);
    assert!(!lossy);
    bytes.into_owned()
}

#[test]
fn empty_whitespace_and_no_arabic_give_no_events_and_say_why() {
    let dir = Dir::new("empty");
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", b" \n\t\r\n  \n"),
        (
            "english.txt",
            b"Shelling in Homs killed 3 people yesterday.\n",
        ),
    ] {
        let (found, err) = events(&run(&dir.file(name, bytes)));
        assert!(found.is_empty(), "{name}");
        assert!(
            err.contains(name) && err.contains("no Arabic text"),
            "{name}: {err}"
        );
    }
    // A file with Arabic says nothing on stderr.
    let (found, err) = events(&run(&dir.file("ar.txt", AR.as_bytes())));
    assert_eq!(found.len(), 1);
    assert_eq!(err, "");
}

#[test]
fn windows_1256_and_utf16_files_are_read_as_arabic() {
    let dir = Dir::new("enc");
    let utf16le: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(AR.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let utf16_no_bom: Vec<u8> = AR.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf8_bom: Vec<u8> = [0xef, 0xbb, 0xbf].into_iter().chain(AR.bytes()).collect();
    for (name, bytes) in [
        ("cp1256.txt", windows_1256(AR)),
        ("utf16.txt", utf16le),
        ("utf16-nobom.txt", utf16_no_bom),
        ("utf8-bom.txt", utf8_bom),
    ] {
        let (found, err) = events(&run(&dir.file(name, &bytes)));
        assert_eq!(found.len(), 1, "{name}: {err}");
        assert_eq!(found[0]["places"][0]["name"], "الوعر", "{name}");
        assert_eq!(found[0]["killed"], 3, "{name}");
        // Offsets point into the decoded text.
        assert_eq!(found[0]["evidence"][0]["start"], 0, "{name}");
    }
}

#[test]
fn invalid_utf8_is_read_with_replacements_and_binary_is_refused() {
    let dir = Dir::new("bytes");
    // UTF-8 with damaged bytes in the middle: still UTF-8, still the event.
    let mut damaged = AR.as_bytes().to_vec();
    damaged.splice(20..20, [0xff, 0xc0, 0x80, 0xed, 0xa0, 0x80]);
    let (found, _) = events(&run(&dir.file("damaged.txt", &damaged)));
    assert_eq!(found.len(), 1);
    // Bytes that are no encoding at all (no NULs): a graceful, empty result.
    let noise: Vec<u8> = (0..4096u32)
        .map(|i| (i * 7919 % 251) as u8 | 0x80)
        .collect();
    let out = run(&dir.file("noise.bin", &noise));
    assert!(out.status.success());
    // A binary file (NULs): refused by name, the others still run.
    let bin = dir.file(
        "image.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0",
    );
    let ok = dir.file("ok.txt", AR.as_bytes());
    let out = Command::new(env!("CARGO_BIN_EXE_waqai"))
        .arg("extract")
        .arg(&bin)
        .arg(&ok)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("image.png") && err.contains("binary"), "{err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

#[test]
fn markup_bidi_controls_zero_width_and_long_lines() {
    let dir = Dir::new("odd");
    let markup = format!(
        "<script>alert(1)</script><p onclick=\"x()\">{}</p>",
        AR.trim()
    );
    let (found, _) = events(&run(&dir.file("page.txt", markup.as_bytes())));
    assert_eq!(found.len(), 1);
    // Evidence is the text as given (markup is text to the CLI), and valid JSON.
    let sneaky = "\u{202E}قصفت\u{202C} قوات\u{200B} النظام حي\u{200D} الوعر في حمص\u{FEFF}.";
    let (found, _) = events(&run(&dir.file("bidi.txt", sneaky.as_bytes())));
    assert_eq!(found.len(), 1);
    let ev = &found[0]["evidence"][0];
    let (start, end) = (
        ev["start"].as_u64().unwrap() as usize,
        ev["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&sneaky[start..end], ev["text"].as_str().unwrap());
    // One line of 600 KB with no line break (longer than the engine's 256 KB pieces).
    let long = AR.trim_end().repeat(600_000 / AR.len());
    let (found, _) = events(&run(&dir.file("long.txt", long.as_bytes())));
    assert!(!found.is_empty());
}
