//! A built-in dataset as the app reads it fastest: the records and problems that validating its JSON
//! file gave ([`Loaded`]), in a compact binary form (postcard). The build writes one next to each
//! catalogue dataset (`data/projects.json` → `data/projects.bsnap`, `cargo xtask split-wasm`) from that
//! very file, with this crate's validator, so it says exactly what the file says. Reading one costs a
//! few milliseconds where validating the JSON costs a few hundred; the JSON file stays the published
//! data, and the app reads it whenever a snapshot is missing, stale or damaged.
//!
//! A snapshot starts with [`MAGIC`] and [`FORMAT`]. Any change to the serialised types changes the
//! bytes, which the golden test below notices: bump [`FORMAT`] then, so that an app never reads a
//! snapshot of another format (a service worker may keep an old one for a moment).

use std::sync::Arc;

use crate::validate::Loaded;

/// The first bytes of every snapshot.
pub const MAGIC: &[u8; 6] = b"BRSNAP";
/// The layout of the serialised types; bumped whenever they change.
pub const FORMAT: u16 = 1;
/// The extension that replaces a dataset file's `.json`.
pub const EXTENSION: &str = "bsnap";

/// Why a snapshot cannot be used (the app then reads the JSON file).
#[derive(Clone, Debug, PartialEq)]
pub enum SnapshotError {
    /// Not a snapshot (too short, or another file).
    NotSnapshot,
    /// A snapshot of another format.
    Format { found: u16 },
    /// The bytes do not decode.
    Damaged(String),
    /// A snapshot of another file: its problems name `found`.
    OtherSource { found: String },
}

impl std::fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SnapshotError::NotSnapshot => write!(f, "not a Bridges snapshot"),
            SnapshotError::Format { found } => {
                write!(f, "snapshot format {found}, this version reads {FORMAT}")
            }
            SnapshotError::Damaged(e) => write!(f, "damaged snapshot: {e}"),
            SnapshotError::OtherSource { found } => write!(f, "a snapshot of {found}"),
        }
    }
}

/// The snapshot of dataset file `file` (`data/projects.json` → `data/projects.bsnap`); `None` for a
/// file that is not a `.json` file.
pub fn path_of(file: &str) -> Option<String> {
    file.strip_suffix(".json")
        .map(|stem| format!("{stem}.{EXTENSION}"))
}

/// The snapshot of what a file gave.
pub fn write(loaded: &Loaded) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&FORMAT.to_le_bytes());
    // Serialising owned values into a Vec cannot fail; an empty snapshot would be refused when read.
    postcard::to_extend(loaded, out).unwrap_or_default()
}

/// What the snapshot `bytes` of file `source` holds: every problem names `source` (one shared copy).
pub fn read(bytes: &[u8], source: &str) -> Result<Loaded, SnapshotError> {
    let body = bytes
        .strip_prefix(MAGIC.as_slice())
        .ok_or(SnapshotError::NotSnapshot)?;
    let (format, body) = match body {
        [a, b, rest @ ..] => (u16::from_le_bytes([*a, *b]), rest),
        _ => return Err(SnapshotError::NotSnapshot),
    };
    if format != FORMAT {
        return Err(SnapshotError::Format { found: format });
    }
    let mut loaded: Loaded =
        postcard::from_bytes(body).map_err(|e| SnapshotError::Damaged(e.to_string()))?;
    let shared: Arc<str> = source.into();
    for issue in &mut loaded.issues {
        if *issue.source != *source {
            return Err(SnapshotError::OtherSource {
                found: issue.source.to_string(),
            });
        }
        issue.source = shared.clone();
    }
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::issue::{Consequence, DataIssue, Expected};
    use crate::model::*;

    /// A record with every field set, and a problem.
    fn sample() -> Loaded {
        let project = Project {
            id: "P-1".into(),
            title: "Small hydropower plant".into(),
            title_zh: Some("小水电站".into()),
            description: Some("A plant".into()),
            status: Some(Status::Completed),
            sector: Some(Sector {
                code: 230,
                name: "Energy".into(),
            }),
            sdgs: vec![7, 13],
            recipients: vec!["NPL".into()],
            regional: Some("Asia, regional".into()),
            providers: vec!["CHN".into()],
            partners: vec![Partner {
                actor: "UNDP".into(),
                role: PartnerRole::Pivot,
            }],
            years: Years {
                commitment: Some(2010),
                start: None,
                completion: Some(2013),
            },
            dates: Dates {
                commitment: Some("2010-05-01".into()),
                start: None,
                completion: None,
            },
            amount: Some(Amount {
                value: 1.5e6,
                currency: "USD".into(),
                price_base: "constant 2021".into(),
            }),
            flow_class: Some(FlowClass::OdaLike),
            flow_type: Some("Grant".into()),
            agencies: Agencies {
                funding: vec!["MOFCOM".into()],
                receiving: vec![],
                implementing: vec!["A".into()],
            },
            infrastructure: Some(true),
            locations: vec![Location {
                lon: 85.3,
                lat: 27.7,
                level: Some("adm1".into()),
                name: Some("Bagmati".into()),
            }],
            sources: vec![SourceLink {
                url: "https://example.org".into(),
                label: None,
            }],
            enrichment: Some(Enrichment {
                source: "GCDF 2.0".into(),
                fields: vec!["flow_class".into()],
            }),
        };
        Loaded {
            dataset: Dataset {
                meta: Meta {
                    title: "T".into(),
                    price_base: Some("constant 2021".into()),
                    ..Meta::default()
                },
                projects: vec![project],
                actors: vec![],
                parts: vec![],
            },
            issues: vec![DataIssue {
                source: "data/x.json".into(),
                record: Some(3),
                id: Some("P-4".into()),
                field: Some("amount.value".into()),
                expected: Expected::AtMostChars(40),
                found: Some("\"x\"".into()),
                consequence: Consequence::ValueIgnored,
            }],
        }
    }

    #[test]
    fn a_snapshot_reads_back_as_written() {
        let loaded = sample();
        assert_eq!(read(&write(&loaded), "data/x.json"), Ok(loaded));
    }

    #[test]
    fn the_format_is_pinned() {
        // If this fails, the serialised types changed: bump FORMAT and paste the new bytes here.
        let hex: String = write(&sample())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(hex, GOLDEN, "snapshot bytes changed: bump snapshot::FORMAT");
    }

    const GOLDEN: &str = "4252534e4150010001540000000000010d636f6e7374616e7420323032310103502d3116536d616c6c20687964726f706f77657220706c616e74010ce5b08fe6b0b4e794b5e7ab9901074120706c616e74010301e60106456e6572677902070d01034e504c010e417369612c20726567696f6e616c010343484e0104554e44500101b41f0001ba1f010a323031302d30352d30310000010000000060e33641035553440d636f6e7374616e742032303231010001054772616e7401064d4f46434f4d0001014101010133333333335355403333333333b33b40010461646d3101074261676d617469011368747470733a2f2f6578616d706c652e6f72670001084743444620322e30010a666c6f775f636c6173730000010b646174612f782e6a736f6e01030103502d34010c616d6f756e742e76616c75650628010322782201";

    #[test]
    fn other_files_and_formats_are_refused() {
        let bytes = write(&sample());
        assert_eq!(
            read(&bytes, "data/y.json"),
            Err(SnapshotError::OtherSource {
                found: "data/x.json".into()
            })
        );
        assert_eq!(
            read(b"{\"schema\"", "data/x.json"),
            Err(SnapshotError::NotSnapshot)
        );
        let mut other = bytes.clone();
        other[6] = 99;
        assert_eq!(
            read(&other, "data/x.json"),
            Err(SnapshotError::Format { found: 99 })
        );
        // Cut anywhere, it is refused, never read in part (and never a panic).
        for n in 0..bytes.len() {
            assert!(read(&bytes[..n], "data/x.json").is_err(), "cut at {n}");
        }
        assert_eq!(
            path_of("data/projects.json").as_deref(),
            Some("data/projects.bsnap")
        );
        assert_eq!(path_of("data/projects.csv"), None);
    }
}
