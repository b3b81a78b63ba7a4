//! A chart in one sentence, for screen readers and as a caption.

use crate::crossfilter::Group;
use crate::i18n::{t, Lang};
use crate::money::Unit;
use crate::state::Measure;

use super::{Bar, View};

/// One sentence that says what a chart shows, for screen readers and as a caption.
/// The chart in one sentence: its largest bar and, where `total` (the filtered headline in the measure)
/// is given and the chart shows exactly the filtered projects (nothing selected on its own dimension), the
/// bar's share of that total.
pub fn sentence(
    view: View,
    bars: &[Bar],
    measure: Measure,
    unit: &Unit,
    total: Option<f64>,
    lang: Lang,
) -> String {
    let tx = t(lang);
    let value = |g: &Group| match measure {
        Measure::Count => crate::i18n::fill(
            tx.n_projects,
            &[("n", &crate::i18n::count(lang, g.count as u64))],
        ),
        Measure::Amount => {
            crate::i18n::fill(tx.amount_of_known, &[("amount", &unit.amount(lang, g.sum))])
        }
    };
    let Some(top) = bars
        .iter()
        .max_by(|a, b| a.value(measure).total_cmp(&b.value(measure)))
    else {
        return tx.no_match.into();
    };
    if top.value(measure) <= 0.0 {
        return tx.no_match.into();
    }
    // A selection on the chart's own dimension shows bars outside the filtered total: no share then.
    let own_selection = bars.iter().any(|b| b.selected);
    let share = match total {
        Some(whole) if whole > 0.0 && !own_selection => {
            let pct = format!("{:.0}", 100.0 * top.value(measure) / whole);
            match measure {
                Measure::Count => crate::i18n::fill(
                    tx.share_of_total_count,
                    &[
                        ("pct", &pct),
                        ("n", &crate::i18n::count(lang, whole.round() as u64)),
                    ],
                ),
                Measure::Amount => crate::i18n::fill(tx.share_of_total_amount, &[("pct", &pct)]),
            }
        }
        _ => String::new(),
    };
    let template = match view {
        View::Timeline => tx.sentence_peak_year,
        _ => tx.sentence_leads,
    };
    crate::i18n::fill(
        template,
        &[
            ("label", &top.label),
            ("value", &value(&top.group)),
            ("share", &share),
        ],
    )
}
