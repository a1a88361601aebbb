//! CSV records as the `csv` crate's default writer writes them: fields joined
//! by commas, each line ended by "\n", a field in double quotes (its quotes
//! doubled) when it holds a comma, a quote or a line break. Written here
//! because that writer always links its check for numeric fields (for a
//! quoting style waqai never uses), and with it Rust's float parsing: the
//! crate cost the page's WebAssembly module 11 KB (4 KB gzip).

/// Appends one record and its line end.
pub fn push_record<S: AsRef<str>>(out: &mut String, fields: &[S]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let field = field.as_ref();
        if field.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::push_record;

    #[test]
    fn as_the_csv_crate_writes() {
        let records: [&[&str]; 5] = [
            &["event_id_cnty", "event_date", "notes"],
            &["", "", ""],
            &["a,b", "say \"hi\"", "two\nlines"],
            &["cr\rhere", "12.5", "-3"],
            &["قصف حي الوعر، حمص", "\"", "tab\there"],
        ];
        let mut ours = String::new();
        let mut theirs = csv::Writer::from_writer(Vec::new());
        for r in records {
            push_record(&mut ours, r);
            theirs.write_record(r).unwrap();
        }
        let theirs = String::from_utf8(theirs.into_inner().unwrap()).unwrap();
        assert_eq!(ours, theirs);
    }
}
