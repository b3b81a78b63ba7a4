//! One colour per sector and per status, the same on every chart, slide, embed and download: a stacked
//! timeline of Health must not be red on one slide and blue on the next. Colours are keyed by the code,
//! never by the rank a filter happens to give.

/// An RGB colour.
pub type Rgb = (u8, u8, u8);

/// "Other" (the series folded together) and unknown values.
pub const OTHER: Rgb = (128, 128, 128);

/// OECD CRS sector groups (three-digit codes) and their colours: hues spread so that the sectors most
/// often stacked together (transport, energy, industry, health, education, agriculture) stay apart;
/// the first six are Okabe–Ito colours, distinguishable with the common colour-vision deficiencies.
const SECTORS: [(u16, Rgb); 22] = [
    (210, (230, 159, 0)),   // Transport and storage: orange
    (230, (0, 114, 178)),   // Energy: blue
    (320, (213, 94, 0)),    // Industry, mining, construction: vermilion
    (120, (204, 121, 167)), // Health: reddish purple
    (110, (86, 180, 233)),  // Education: sky blue
    (310, (0, 158, 115)),   // Agriculture, forestry, fishing: bluish green
    (140, (68, 170, 153)),  // Water supply and sanitation: teal
    (150, (117, 112, 179)), // Government and civil society: purple
    (160, (166, 118, 29)),  // Other social infrastructure: brown
    (220, (51, 34, 136)),   // Communications: indigo
    (240, (136, 34, 85)),   // Banking and financial services: wine
    (250, (153, 153, 51)),  // Business and other services: olive
    (330, (221, 204, 119)), // Trade policies: sand
    (410, (34, 136, 51)),   // General environmental protection: green
    (430, (170, 68, 153)),  // Other multisector: magenta
    (510, (238, 102, 119)), // General budget support: rose
    (520, (187, 85, 51)),   // Development food assistance: rust
    (530, (102, 153, 204)), // Other commodity assistance: steel blue
    (600, (170, 170, 0)),   // Action relating to debt: mustard
    (700, (238, 119, 51)),  // Humanitarian aid: orange red
    (910, (119, 170, 221)), // Administrative costs of donors: light blue
    (998, (170, 170, 170)), // Unallocated / unspecified: light grey
];

/// A sector's colour. Codes outside the table (a file may use any) get one of the table's colours,
/// chosen by the code, so that it is still the same everywhere.
pub fn sector_colour(code: u16) -> Rgb {
    match SECTORS.iter().find(|(c, _)| *c == code) {
        Some((_, rgb)) => *rgb,
        None => SECTORS[code as usize % SECTORS.len()].1,
    }
}

/// Statuses in [`crate::model::Status::ALL`] order: pipeline (pledge, commitment), implementation,
/// completed, suspended, cancelled.
const STATUSES: [Rgb; 6] = [
    (204, 121, 167),
    (86, 180, 233),
    (230, 159, 0),
    (0, 114, 178),
    (213, 94, 0),
    (80, 80, 80),
];

/// The colour of the status at `index` of [`crate::model::Status::ALL`]; unknown is grey.
pub fn status_colour(index: usize) -> Rgb {
    STATUSES.get(index).copied().unwrap_or(OTHER)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sector_colours_are_distinct_and_stable() {
        let mut seen: Vec<Rgb> = SECTORS.iter().map(|s| s.1).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(
            seen.len(),
            SECTORS.len(),
            "every listed sector has its own colour"
        );
        assert!(!seen.contains(&OTHER), "grey stays for Other");
        assert_eq!(sector_colour(120), sector_colour(120));
        assert_eq!(sector_colour(999), sector_colour(999));
    }
}
