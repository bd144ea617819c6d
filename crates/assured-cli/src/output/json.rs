//! JSON and NDJSON written record by record, as the records arrive: what
//! was written stays valid output when a listing stops early.

use std::io::Write;

use assured::models::strip_secrets;
use serde::Serialize;

/// The two JSON shapes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JsonStyle {
    /// One array, one record per line inside it.
    Array,
    /// One record per line, nothing around them (NDJSON).
    Lines,
}

/// Writes records one at a time, flushing each so a reader sees it at once.
pub(crate) struct JsonSink<W: Write> {
    out: W,
    style: JsonStyle,
    written: usize,
}

impl<W: Write> JsonSink<W> {
    pub(crate) fn new(out: W, style: JsonStyle) -> Self {
        Self {
            out,
            style,
            written: 0,
        }
    }

    /// Writes one record (one whole line, in one write), without its
    /// credentials.
    pub(crate) fn push<T: Serialize>(&mut self, record: &T) -> std::io::Result<()> {
        let mut line = match (self.style, self.written) {
            (JsonStyle::Array, 0) => b"[\n".to_vec(),
            (JsonStyle::Array, _) => b",\n".to_vec(),
            (JsonStyle::Lines, _) => Vec::new(),
        };
        serde_json::to_writer(&mut line, &shown(record)?)?;
        if self.style == JsonStyle::Lines {
            line.push(b'\n');
        }
        self.out.write_all(&line)?;
        self.out.flush()?;
        self.written += 1;
        Ok(())
    }

    /// Closes the output (the array's `]`).
    pub(crate) fn finish(mut self) -> std::io::Result<()> {
        if self.style == JsonStyle::Array {
            let end: &[u8] = if self.written == 0 { b"[]\n" } else { b"\n]\n" };
            self.out.write_all(end)?;
        }
        self.out.flush()
    }
}

/// A record as output shows it: its JSON without the credentials it
/// carries (CAQH and account passwords).
pub(crate) fn shown<T: Serialize>(record: &T) -> serde_json::Result<serde_json::Value> {
    let mut value = serde_json::to_value(record)?;
    strip_secrets(&mut value);
    Ok(value)
}
