//! Reading the bytes of files the reader picked or dropped.

use std::ops::Range;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The files of a `FileList` (from an `<input type=file>` or a drop).
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// A group of files read at once: their bytes one after another.
#[derive(Default)]
pub struct ReadFiles {
    bytes: Vec<u8>,
    /// Where each file's bytes are; `None` for a file the browser could not read.
    ranges: Vec<Option<Range<usize>>>,
}

impl ReadFiles {
    /// The bytes of the `i`-th file, if it could be read.
    pub fn get(&self, i: usize) -> Option<&[u8]> {
        let r = self.ranges.get(i)?.clone()?;
        self.bytes.get(r)
    }
}

/// A read under way (see [`start_reading`]).
pub struct Reading<'a> {
    files: &'a [web_sys::File],
    /// The joined read, started (a `JsFuture` listens from the start, so a
    /// failure is never an unhandled rejection); `None` if the browser would
    /// not join them.
    joined: Option<JsFuture>,
}

/// Starts reading `files` as one: the browser joins them in one blob and
/// hands over one buffer, instead of a buffer (and a trip through its file
/// reading machinery, ~0.1 ms each) per file; a thousand small articles
/// arrive in a handful of reads. The read starts now and is awaited with
/// [`Reading::finish`], so the browser reads the next group while the page
/// adds the last one.
pub fn start_reading(files: &[web_sys::File]) -> Reading<'_> {
    let joined = match files {
        [one] => Some(one.array_buffer()),
        _ => {
            let parts: js_sys::Array = files.iter().collect();
            web_sys::Blob::new_with_blob_sequence(&parts)
                .ok()
                .map(|b| b.array_buffer())
        }
    }
    .map(JsFuture::from);
    Reading { files, joined }
}

impl Reading<'_> {
    /// The files' bytes. If the joined read fails (a file moved or
    /// unreadable), each file is read on its own, so only the failing one is
    /// lost.
    pub async fn finish(self) -> ReadFiles {
        let files = self.files;
        if let Some(Ok(bytes)) = match self.joined {
            Some(p) => Some(bytes_of(p).await),
            None => None,
        } {
            let mut at = 0;
            let mut ranges = Vec::with_capacity(files.len());
            for f in files {
                let end = at + f.size() as usize;
                ranges.push((end <= bytes.len()).then_some(at..end));
                at = end;
            }
            if at == bytes.len() {
                return ReadFiles { bytes, ranges };
            }
        }
        let mut read = ReadFiles::default();
        for f in files {
            let range = match read_blob(f).await {
                Ok(b) => {
                    let start = read.bytes.len();
                    read.bytes.extend_from_slice(&b);
                    Some(start..read.bytes.len())
                }
                Err(()) => None,
            };
            read.ranges.push(range);
        }
        read
    }
}

async fn read_blob(blob: &web_sys::Blob) -> Result<Vec<u8>, ()> {
    bytes_of(JsFuture::from(blob.array_buffer())).await
}

async fn bytes_of(read: JsFuture) -> Result<Vec<u8>, ()> {
    let buf = read.await.map_err(|_| ())?;
    let buf: js_sys::ArrayBuffer = buf.dyn_into().map_err(|_| ())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Cuts `sizes` (bytes per file, in order) into groups to read at once: at
/// most `max_files` files, and no more than `max_bytes` unless one file alone
/// is bigger. Returns each group's index range.
pub fn groups(sizes: &[f64], max_files: usize, max_bytes: f64) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut bytes = 0.0;
    for (i, &size) in sizes.iter().enumerate() {
        let full = i - start >= max_files.max(1) || (i > start && bytes + size > max_bytes);
        if full {
            out.push(start..i);
            start = i;
            bytes = 0.0;
        }
        bytes += size;
    }
    if start < sizes.len() {
        out.push(start..sizes.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::groups;

    /// (file sizes, most files, most bytes, the groups as (start, end)).
    type Case = (&'static [f64], usize, f64, &'static [(usize, usize)]);

    #[test]
    fn groups_hold_at_most_so_many_files_and_bytes() {
        let cases: &[Case] = &[
            (&[], 3, 100.0, &[]),
            (&[10.0; 7], 3, 100.0, &[(0, 3), (3, 6), (6, 7)]),
            (&[60.0, 60.0, 10.0], 10, 100.0, &[(0, 1), (1, 3)]),
            // A file bigger than the limit is a group of its own.
            (&[500.0, 10.0, 500.0], 10, 100.0, &[(0, 1), (1, 2), (2, 3)]),
            (&[100.0, 0.0], 10, 100.0, &[(0, 2)]),
            (&[1.0, 1.0], 0, 100.0, &[(0, 1), (1, 2)]),
        ];
        for (sizes, max_files, max_bytes, want) in cases {
            let got: Vec<(usize, usize)> = groups(sizes, *max_files, *max_bytes)
                .into_iter()
                .map(|r| (r.start, r.end))
                .collect();
            assert_eq!(&got, want, "{sizes:?} {max_files} {max_bytes}");
        }
    }
}
