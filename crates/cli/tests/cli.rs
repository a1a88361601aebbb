//! The command-line extractor as a user runs it.

use std::io::Write;
use std::process::{Command, Stdio};

fn waqai() -> Command {
    Command::new(env!("CARGO_BIN_EXE_waqai"))
}

fn fixture(name: &str) -> String {
    format!("{}/../engine/tests/dev/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn one_json_line_per_file_in_the_contract_schema() {
    let out = waqai()
        .args(["extract", "--published", "2017-03-22"])
        .arg(fixture("004_1011cbe8db59e945.txt"))
        .arg(fixture("001_d4a60e6ea0d924d6.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    let first: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert!(first["article"]
        .as_str()
        .unwrap()
        .ends_with("004_1011cbe8db59e945.txt"));
    let events = first["events"].as_array().unwrap();
    assert!(events.len() > 20, "{} events", events.len());
    let e = &events[0];
    for field in [
        "type", "places", "actor", "killed", "wounded", "date", "status",
    ] {
        assert!(e.get(field).is_some(), "event lacks {field}: {e}");
    }
    assert!(e["places"][0]["name"].is_string());
    let tishreen = events
        .iter()
        .find(|e| e["places"][0]["name"] == "تشرين")
        .expect("the shelling of Tishreen");
    assert_eq!(tishreen["type"], "shelling");
    assert_eq!(tishreen["killed"], 20);
    assert_eq!(tishreen["wounded"], 100);
    assert_eq!(tishreen["date"], "2017-03-22");
    assert_eq!(tishreen["actor"]["side"], "government");
}

#[test]
fn a_missing_file_is_named_and_the_others_still_run() {
    let out = waqai()
        .args(["extract", "/nonexistent/article.txt"])
        .arg(fixture("002_e6acb38d1f0aefce.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("/nonexistent/article.txt"), "{err}");
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1);
    assert!(text.contains("002_e6acb38d1f0aefce.txt"));
}

#[test]
fn reads_standard_input() {
    let mut child = waqai()
        .args(["extract", "--published=2021-05-12", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("ألقت المروحيات براميل متفجرة على حي الشعار في حلب أمس.".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["article"], "-");
    assert_eq!(v["events"][0]["type"], "airstrike");
    assert_eq!(v["events"][0]["date"], "2021-05-11");
}

#[test]
fn bad_arguments_and_inputs_get_clear_messages() {
    for (args, code, says) in [
        (vec!["extract"], 2, "no input files"),
        (
            vec!["extract", "--published", "22/03/2017", "x"],
            2,
            "--published",
        ),
        (vec!["extract", "--frobnicate", "x"], 2, "unknown option"),
        (vec!["translate"], 2, "usage"),
    ] {
        let out = waqai().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(says),
            "{args:?}"
        );
    }
    // Invalid UTF-8 and empty input are read, not refused.
    let dir = std::env::temp_dir().join(format!("waqai-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"\xff\xfe\xd9 \xd9\x82\xd8\xb5\xd9\x81").unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let out = waqai()
        .arg("extract")
        .arg(&bad)
        .arg(&empty)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn csv_and_geojson_formats() {
    let out = waqai()
        .args([
            "extract",
            "--format",
            "csv",
            "--jobs",
            "2",
            "--published",
            "2017-03-22",
        ])
        .arg(fixture("004_1011cbe8db59e945.txt"))
        .arg(fixture("003_a85404199d995bf9.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with('\u{feff}'),
        "a byte-order mark for spreadsheets"
    );
    let header = text.trim_start_matches('\u{feff}').lines().next().unwrap();
    for column in [
        "event_date",
        "event_type",
        "sub_event_type",
        "actor1",
        "admin1",
        "location",
        "latitude",
        "fatalities",
        "wounded",
        "evidence",
    ] {
        assert!(
            header.split(',').any(|c| c == column),
            "{column} in {header}"
        );
    }
    assert!(text.contains("الوعر"));
    assert!(text.contains("Shelling/artillery/missile attack"));

    let out = waqai()
        .args(["extract", "--format=geojson"])
        .arg(fixture("001_d4a60e6ea0d924d6.txt"))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    assert!(features.len() > 5);
    for f in features {
        let c = f["geometry"]["coordinates"].as_array().unwrap();
        let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
        assert!(
            (35.5..42.5).contains(&lon) && (32.0..37.5).contains(&lat),
            "{f}"
        );
    }
}

#[test]
fn a_binary_file_is_refused_by_name() {
    let dir = std::env::temp_dir().join(format!("waqai-bin-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bin = dir.join("image.png");
    std::fs::write(&bin, [0u8, 1, 0, 0, 2, 0, 0, 0, 3, 0]).unwrap();
    let out = waqai().arg("extract").arg(&bin).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("image.png") && err.contains("binary"), "{err}");
    std::fs::remove_dir_all(dir).ok();
}
