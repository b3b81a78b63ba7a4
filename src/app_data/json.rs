//! Reading a dataset's JSON file (`bridges_core::incremental`: the scanner, the validation of every
//! record and their located problems) is its own split chunk. The built-in datasets come as snapshots
//! (`snapshot.rs`), so a visitor who never opens another file never downloads this code: it is fetched
//! when a load starts that will read JSON (`?data=`, a local file, an imported sheet) or when a snapshot
//! cannot be used.

use super::*;

lazy_fn! {
    /// Reads up to `max` more records; `true` once the whole file is read ([`DatasetReader::step`]).
    fn step(reader: &mut DatasetReader<'_>, max: usize) -> bool {
        reader.step(max)
    }
    preload: preload_json_reader, in: json_reader;
}

/// Starts fetching the JSON reader's code while the file downloads.
pub(super) fn preload_reader() {
    crate::lazy::preload(preload_json_reader);
}

/// Reads the whole file, `max` records a step, yielding to the browser between steps when a slice of
/// time is used up; `progress` is told the records and bytes read before each pause and at the end.
/// A failed download of the reader's code (the network failed before the offline pack was stored) is
/// the load's error.
pub(super) async fn read_json(
    mut reader: DatasetReader<'_>,
    max: usize,
    source: &str,
    mut progress: impl FnMut(&DatasetReader<'_>),
) -> Result<Loaded, LoadError> {
    let code_missing = |e: crate::lazy::LoadFailed| LoadError::Fetch {
        source: source.to_string(),
        message: format!("the code that reads JSON files could not be downloaded ({e:?})"),
    };
    while !step(&mut reader, max).await.map_err(code_missing)? {
        if slice_due() {
            progress(&reader);
            pause().await;
        }
    }
    progress(&reader);
    // Unreachable: the reader's outcome is set once `step` returns true.
    reader.outcome().unwrap_or_else(|| {
        Err(LoadError::Shape {
            source: source.to_string(),
            expected: "a file read to its end".into(),
            found: "a read cut short".into(),
        })
    })
}
