//! Country cells to ISO 3166-1 alpha-3 codes, with the reference tables (names in English or
//! Chinese, ISO-3 or ISO-2 codes). Every name that matches nothing gets a "did you mean".

use std::collections::HashMap;

use bridges_core::ReferenceIndex;
use serde::{Deserialize, Serialize};

/// How a country column writes countries: an explicit setting, proposed from the samples.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountryForm {
    Iso3,
    Iso2,
    /// Names in English or Simplified Chinese (the reference tables' names, plus common variants).
    Names,
}

/// Other names sources use for countries, beyond the reference tables' first English name.
const ALIASES: &[(&str, &str)] = &[
    ("democratic republic of the congo", "COD"),
    ("congo democratic republic of", "COD"),
    ("congo democratic republic of the", "COD"),
    ("dr congo", "COD"),
    ("drc", "COD"),
    ("republic of the congo", "COG"),
    ("congo republic of", "COG"),
    ("cote d ivoire", "CIV"),
    ("ivory coast", "CIV"),
    ("tanzania", "TZA"),
    ("laos", "LAO"),
    ("lao pdr", "LAO"),
    ("vietnam", "VNM"),
    ("viet nam", "VNM"),
    ("syria", "SYR"),
    ("iran", "IRN"),
    ("bolivia", "BOL"),
    ("venezuela", "VEN"),
    ("russia", "RUS"),
    ("north korea", "PRK"),
    ("south korea", "KOR"),
    ("micronesia", "FSM"),
    ("moldova", "MDA"),
    ("cape verde", "CPV"),
    ("swaziland", "SWZ"),
    ("eswatini", "SWZ"),
    ("burma", "MMR"),
    ("myanmar", "MMR"),
    ("turkey", "TUR"),
    ("turkiye", "TUR"),
    ("timor leste", "TLS"),
    ("east timor", "TLS"),
    ("gambia", "GMB"),
    ("the gambia", "GMB"),
    ("macedonia", "MKD"),
    ("north macedonia", "MKD"),
    ("west bank and gaza", "PSE"),
    ("palestine", "PSE"),
    ("sao tome and principe", "STP"),
    ("kyrgyzstan", "KGZ"),
    ("brunei", "BRN"),
    ("czech republic", "CZE"),
    ("刚果金", "COD"),
    ("lao people s democratic republic", "LAO"),
    ("kyrgyz republic", "KGZ"),
    ("democratic people s republic of korea", "PRK"),
    ("republic of korea", "KOR"),
    ("korea republic of", "KOR"),
    ("syrian arab republic", "SYR"),
    ("brunei darussalam", "BRN"),
    ("cabo verde", "CPV"),
    ("saint lucia", "LCA"),
    ("saint vincent and the grenadines", "VCT"),
    ("saint kitts and nevis", "KNA"),
    ("sint maarten dutch part", "SXM"),
    ("west bank and gaza strip", "PSE"),
    ("bosnia and herzegovina", "BIH"),
    ("iran islamic republic of", "IRN"),
    ("united republic of tanzania", "TZA"),
    ("egypt arab republic", "EGY"),
    ("yemen republic", "YEM"),
    ("venezuela rb", "VEN"),
    ("micronesia federated states of", "FSM"),
    ("刚果布", "COG"),
];

pub struct Countries {
    iso3: HashMap<String, String>,
    iso2: HashMap<String, String>,
    names: HashMap<String, String>,
    /// (normalised name, ISO-3) for suggestions.
    all_names: Vec<(String, String)>,
}

/// One cell's countries, and the parts that matched nothing. Suggestions are the caller's (see
/// [`Countries::suggest`]): the import caches them, so 50,000 rows of one unknown name cost one search.
#[derive(Debug, Default, PartialEq)]
pub struct Resolved {
    pub codes: Vec<String>,
    pub unmatched: Vec<String>,
}

/// Separators between several countries in one cell. `,` is tried only when the whole piece is not a
/// name ("Congo, Democratic Republic of" is one country).
const SEPARATORS: &[char] = &[';', '；', '/', '|', '、', '，', '\n'];

impl Countries {
    pub fn new(reference: &ReferenceIndex) -> Self {
        let mut c = Countries {
            iso3: HashMap::new(),
            iso2: HashMap::new(),
            names: HashMap::new(),
            all_names: Vec::new(),
        };
        for k in &reference.tables.countries {
            c.iso3.insert(k.iso3.clone(), k.iso3.clone());
            c.iso2.insert(k.iso2.clone(), k.iso3.clone());
            for n in [&k.name_en, &k.name_zh] {
                let n = normalise(n);
                c.names.insert(n.clone(), k.iso3.clone());
                c.all_names.push((n, k.iso3.clone()));
            }
        }
        for (n, iso) in ALIASES {
            if c.iso3.contains_key(*iso) {
                c.names
                    .entry(normalise(n))
                    .or_insert_with(|| iso.to_string());
            }
        }
        c
    }

    fn one(&self, part: &str, form: CountryForm) -> Option<&String> {
        match form {
            CountryForm::Iso3 => self.iso3.get(&part.trim().to_ascii_uppercase()),
            CountryForm::Iso2 => self.iso2.get(&part.trim().to_ascii_uppercase()),
            CountryForm::Names => self.names.get(&normalise(part)),
        }
    }

    /// The countries of one cell.
    pub fn resolve(&self, cell: &str, form: CountryForm) -> Resolved {
        let mut r = Resolved::default();
        if cell.trim().is_empty() {
            return r;
        }
        for piece in cell.split(SEPARATORS).filter(|p| !p.trim().is_empty()) {
            if let Some(c) = self.one(piece, form) {
                r.codes.push(c.clone());
                continue;
            }
            let parts: Vec<&str> = piece.split(',').filter(|p| !p.trim().is_empty()).collect();
            let found: Vec<&String> = parts.iter().filter_map(|p| self.one(p, form)).collect();
            if parts.len() > 1 && found.len() == parts.len() {
                r.codes.extend(found.into_iter().cloned());
            } else {
                r.unmatched.push(piece.trim().to_string());
            }
        }
        r.codes.dedup();
        r
    }

    /// The closest known name (or code), if it is close enough to be a likely typo.
    pub fn suggest(&self, text: &str) -> Option<String> {
        let t = normalise(text);
        // A long text is not a mistyped country name, and comparing it with every name costs time.
        if t.chars().count() > 40 {
            return None;
        }
        let upper = text.trim().to_ascii_uppercase();
        if upper.len() <= 3 {
            let codes = self.iso3.keys();
            return codes
                .map(|c| (levenshtein(c, &upper), c))
                .filter(|(d, _)| *d <= 1)
                .min()
                .map(|(_, c)| c.clone());
        }
        let limit = (t.chars().count() / 3).max(1);
        self.all_names
            .iter()
            .map(|(n, iso)| (levenshtein(n, &t), n, iso))
            .filter(|(d, _, _)| *d <= limit)
            .min()
            .map(|(_, n, iso)| format!("{n} ({iso})"))
    }

    /// Fraction (0–1) of `samples` that read as countries in `form`: the proposal picks the best form.
    pub fn score(&self, samples: &[&str], form: CountryForm) -> f64 {
        if samples.is_empty() {
            return 0.0;
        }
        let ok = samples
            .iter()
            .filter(|s| {
                let r = self.resolve(s, form);
                !r.codes.is_empty() && r.unmatched.is_empty()
            })
            .count();
        ok as f64 / samples.len() as f64
    }
}

/// Lower case without accents or punctuation: "Côte d'Ivoire" → "cote d ivoire".
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            c => c,
        };
        if c.is_alphanumeric() {
            out.push(c);
        } else if c == '&' {
            out.push_str(" and ");
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    out.strip_prefix("the ").map(str::to_string).unwrap_or(out)
}

/// Edit distance in characters (insertions, deletions, substitutions, and swaps of two neighbours,
/// the commonest typo: "Keyna"), for "did you mean".
pub fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 0..a.len() {
        let mut cur = vec![i + 1; b.len() + 1];
        for j in 0..b.len() {
            let mut d = (prev[j] + usize::from(a[i] != b[j]))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
            if i > 0 && j > 0 && a[i] == b[j - 1] && a[i - 1] == b[j] {
                d = d.min(before[j - 1] + 1);
            }
            cur[j + 1] = d;
        }
        before = std::mem::replace(&mut prev, cur);
    }
    prev[b.len()]
}
