//! A country's tooltip and accessible name.

use bridges_core::map::Fill;

use crate::app_data::AppData;
use crate::i18n::{count, fill, tm, Lang};

/// A country's tooltip and accessible name in `lang`: projects, known amount, unknown amounts and,
/// when given, the top sectors (by code).
pub fn tooltip_text(
    data: &AppData,
    iso: &str,
    fill_: Option<&Fill>,
    top_sectors: &[(u16, u32)],
    lang: Lang,
) -> String {
    let t = tm(lang);
    let name = data.reference.country_name(iso, lang);
    match fill_ {
        Some(f) if f.count > 0 => {
            let amount = if f.known > 0 {
                data.unit.amount(lang, f.sum)
            } else {
                t.tip_no_amount.into()
            };
            let unknown = f.count - f.known;
            let sectors = if top_sectors.is_empty() {
                String::new()
            } else {
                let list = top_sectors
                    .iter()
                    .map(|(code, n)| {
                        fill(
                            t.tip_sector,
                            &[
                                ("sector", &data.reference.sector_name(*code, lang)),
                                ("n", &count(lang, *n as u64)),
                            ],
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(t.list_sep);
                fill(t.tip_top_sectors, &[("sectors", &list)])
            };
            let mut text = fill(
                t.tip_projects,
                &[
                    ("name", name),
                    ("count", &count(lang, f.count as u64)),
                    ("amount", &amount),
                    ("unknown", &count(lang, unknown as u64)),
                ],
            );
            text.push_str(&sectors);
            text
        }
        _ => fill(t.tip_no_projects, &[("name", name)]),
    }
}
