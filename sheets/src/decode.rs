//! Text encodings of CSV files: a byte-order mark decides; without one, valid UTF-8 is UTF-8, and
//! otherwise GBK (Chinese Excel's default "CSV") is tried before Windows-1252 (Western Excel's).

use encoding_rs::{Encoding, GBK, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Gbk,
    Windows1252,
}

impl TextEncoding {
    fn encoding(self) -> &'static Encoding {
        match self {
            TextEncoding::Utf8 => UTF_8,
            TextEncoding::Utf16Le => UTF_16LE,
            TextEncoding::Utf16Be => UTF_16BE,
            TextEncoding::Gbk => GBK,
            TextEncoding::Windows1252 => WINDOWS_1252,
        }
    }
}

/// The decoded text, which encoding it was read as, and whether any bytes were invalid in it (they
/// become U+FFFD, and the reader reports it once).
pub struct Decoded {
    pub text: String,
    pub encoding: TextEncoding,
    pub had_errors: bool,
}

/// Decodes `bytes`; `forced` overrides detection (the user's explicit setting). A BOM is removed.
pub fn decode(bytes: &[u8], forced: Option<TextEncoding>) -> Decoded {
    let encoding = forced.unwrap_or_else(|| detect(bytes));
    // `decode` sniffs a BOM itself and would let it override the encoding; a forced setting should win,
    // so strip a matching BOM by hand and decode without BOM handling.
    let enc = encoding.encoding();
    let body = match Encoding::for_bom(bytes) {
        Some((e, n)) if e == enc => &bytes[n..],
        _ => bytes,
    };
    let (text, had_errors) = enc.decode_without_bom_handling(body);
    Decoded {
        text: text.into_owned(),
        encoding,
        had_errors,
    }
}

fn detect(bytes: &[u8]) -> TextEncoding {
    if let Some((e, _)) = Encoding::for_bom(bytes) {
        return if e == UTF_16LE {
            TextEncoding::Utf16Le
        } else if e == UTF_16BE {
            TextEncoding::Utf16Be
        } else {
            TextEncoding::Utf8
        };
    }
    if std::str::from_utf8(bytes).is_ok() {
        return TextEncoding::Utf8;
    }
    // UTF-16 without a BOM: ASCII text then has a zero byte in every other position.
    let sample = &bytes[..bytes.len().min(4096)];
    let zeros = |odd: usize| {
        sample
            .iter()
            .skip(odd)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    if sample.len() >= 8 && zeros(1) * 3 > sample.len() {
        return TextEncoding::Utf16Le;
    }
    if sample.len() >= 8 && zeros(0) * 3 > sample.len() {
        return TextEncoding::Utf16Be;
    }
    // Invalid UTF-8: GBK or the Western legacy code page. Latin-1 text often decodes as GBK without
    // error ("ô" then "t" is a GBK pair), so GBK must also look Chinese: in real Chinese text nearly
    // every two-byte pair is in the GB2312 area (both bytes 0xA1 and up), where common characters are.
    let (_, _, gbk_errors) = GBK.decode(bytes);
    if !gbk_errors && looks_like_gb2312(bytes) {
        TextEncoding::Gbk
    } else {
        TextEncoding::Windows1252
    }
}

fn looks_like_gb2312(bytes: &[u8]) -> bool {
    let (mut pairs, mut common) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        let t = bytes.get(i + 1).copied().unwrap_or(0);
        pairs += 1;
        if (0xA1..=0xF7).contains(&b) && (0xA1..=0xFE).contains(&t) {
            common += 1;
        }
        i += 2;
    }
    pairs > 0 && common * 10 >= pairs * 9
}
