use std::sync::Arc;

use leptos::prelude::*;

use super::model::{field_code, Conventions, Label, Proposed, FIELDS};
use crate::i18n::{count, fill, fill_view, use_lang, Lang};
use bridges_core::i18n::ts;

/// Columns shown at first; "show more" adds as many again (a sheet may have up to 512).
const COLUMNS_AT_ONCE: usize = 40;

/// Amount scales offered (the proposal's own is added when it is another).
const SCALES: [(f64, Label); 6] = [
    (1.0, |t| t.scale_1),
    (1e3, |t| t.scale_1e3),
    (1e4, |t| t.scale_1e4),
    (1e6, |t| t.scale_1e6),
    (1e8, |t| t.scale_1e8),
    (1e9, |t| t.scale_1e9),
];

/// A text from the file in a template: shown as it is, never translated (`translate="no"`).
fn verbatim(s: &str) -> AnyView {
    view! { <code translate="no">{s.to_string()}</code> }.into_any()
}

/// What Bridges reads in a sample: the value it reads (codes, numbers, names: as they are), or why it
/// reads nothing, in the page's language where the catalogue has the reason.
fn reading_view(lang: Lang, reads: String) -> AnyView {
    let body = match reads.strip_prefix("not read: ") {
        Some(why) => {
            let (why, tag) = crate::i18n::message(lang, why);
            let text = fill(ts(lang).not_read_because, &[("why", &why)]);
            view! { <span class="mapper-reads mapper-not-read" lang=tag>{text}</span> }.into_any()
        }
        None => {
            view! { <span class="mapper-reads" lang="en" translate="no">{reads}</span> }.into_any()
        }
    };
    view! { " → " {body} }.into_any()
}

/// A labelled `<select>` of one convention: `options` are `(code, label)`.
fn convention_select(
    id: &'static str,
    label: Label,
    options: Vec<(&'static str, Label)>,
    conventions: RwSignal<Conventions>,
    get: fn(&Conventions) -> &String,
    set: fn(&mut Conventions, String),
    lang: Signal<Lang>,
) -> impl IntoView {
    view! {
        <div class="mapper-setting">
            <label for=id>{move || label(ts(lang.get()))}</label>
            <select id=id on:change:target=move |ev| {
                let v = ev.target().value();
                conventions.update(|c| set(c, v));
            }>
                {options.into_iter().map(|(code, text)| view! {
                    <option value=code prop:selected=move || conventions.with(|c| get(c) == code)>
                        {move || text(ts(lang.get()))}
                    </option>
                }).collect_view()}
            </select>
        </div>
    }
}

/// The column mapper: one `<select data-column="<header>">` per column with the proposed field chosen,
/// five sample values per column and what Bridges reads in each, the units and conventions as labelled
/// controls, and the button that imports with this mapping.
/// Test contract: `data-testid="column-mapper"`, `select[data-column]`, `data-testid="mapping-apply"`.
#[component]
pub fn ColumnMapper(
    /// The read sheet and the engine's proposal.
    proposed: Arc<Proposed>,
    /// The field code of each column (`None`: not read); starts as proposed, the selects edit it.
    fields: RwSignal<Vec<Option<&'static str>>>,
    /// Units and conventions; the controls edit them.
    conventions: RwSignal<Conventions>,
    /// What each column's samples read as under the current mapping (empty until computed).
    #[prop(into)]
    reads: Signal<Vec<Vec<String>>>,
    /// While an import runs, the button is disabled.
    #[prop(into)]
    busy: Signal<bool>,
    /// Imports with the current mapping.
    on_apply: Callback<()>,
) -> impl IntoView {
    let lang = use_lang();
    let shown = RwSignal::new(COLUMNS_AT_ONCE.min(proposed.columns.len()));
    let total = proposed.columns.len();
    let p = Arc::clone(&proposed);
    let columns = move || {
        let n = shown.get();
        p.columns
            .iter()
            .take(n)
            .enumerate()
            .map(|(i, col)| {
                let id = format!("map-col-{i}");
                // The samples describe the select: a screen reader reads them with the field.
                let samples_id = format!("map-samples-{i}");
                let header = col.header.clone();
                let samples = col.samples.clone();
                view! {
                    <li class="mapper-column">
                        <label class="mapper-header" for=id.clone()><span translate="no">{header.clone()}</span></label>
                        <select id=id data-column=header aria-describedby=samples_id.clone() on:change:target=move |ev| {
                            let v = field_code(&ev.target().value());
                            fields.update(|f| if let Some(slot) = f.get_mut(i) { *slot = v });
                        }>
                            <option value="" prop:selected=move || fields.with(|f| f.get(i).copied().flatten().is_none())>
                                {move || ts(lang.get()).not_read}
                            </option>
                            {FIELDS.iter().map(|&(code, label)| view! {
                                <option value=code prop:selected=move || fields.with(|f| f.get(i).copied().flatten() == Some(code))>
                                    {move || label(ts(lang.get()))}
                                </option>
                            }).collect_view()}
                        </select>
                        <ul class="mapper-samples" id=samples_id>
                            {if samples.is_empty() {
                                Some(view! { <li class="note">{move || ts(lang.get()).no_values}</li> })
                            } else { None }}
                            {samples.into_iter().enumerate().map(|(j, s)| {
                                let read = move || reads.with(|r| r.get(i).and_then(|c| c.get(j)).cloned().unwrap_or_default());
                                view! {
                                    <li>
                                        <span class="mapper-row">{move || fill(ts(lang.get()).row_n, &[("n", &s.row.to_string())])}</span>" "
                                        <span class="mapper-value" translate="no">{s.value.clone()}</span>
                                        {move || { let r = read(); (!r.is_empty()).then(|| reading_view(lang.get(), r)) }}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </li>
                }
            })
            .collect_view()
    };
    let more = move || {
        let left = total.saturating_sub(shown.get());
        (left > 0).then(|| {
            let step = left.min(COLUMNS_AT_ONCE);
            view! {
                <button type="button" class="mapper-more" on:click=move |_| shown.update(|n| *n = (*n + COLUMNS_AT_ONCE).min(total))>
                    {move || fill(ts(lang.get()).more_columns, &[("n", &count(lang.get(), step as u64))])}
                </button>
            }
        })
    };
    let ids_from_rows = move || {
        fields
            .with(|f| !f.contains(&Some("id")))
            .then(|| view! { <p class="note" data-testid="ids-from-rows">{move || ts(lang.get()).ids_from_rows}</p> })
    };
    let read_issues = proposed.read_issues;
    let mut scales: Vec<f64> = SCALES.iter().map(|s| s.0).collect();
    let proposed_scale = proposed.conventions.scale;
    if !scales.contains(&proposed_scale) {
        scales.push(proposed_scale);
    }
    let file_name = proposed.file.clone();
    let (file, sheet, rows) = (proposed.file.clone(), proposed.sheet.clone(), proposed.rows);
    let (currency_defaulted, price_base_defaulted) =
        (proposed.currency_defaulted, proposed.price_base_defaulted);
    let defaulted_note = move || view! { <span class="note mapper-defaulted">{move || ts(lang.get()).defaulted}</span> };
    let country_forms = || {
        vec![
            ("iso3", (|t| t.form_iso3) as Label),
            ("iso2", |t| t.form_iso2),
            ("names", |t| t.form_names),
        ]
    };
    view! {
        <section class="column-mapper" data-testid="column-mapper" aria-labelledby="mapper-title">
            <h3 id="mapper-title">{move || {
                let f = file.clone();
                fill_view(ts(lang.get()).mapper_title, move |_| Some(verbatim(&f)))
            }}</h3>
            <p>{move || {
                let (s, l) = (sheet.clone(), lang.get());
                // A text file's one sheet is named after the file: not worth saying twice.
                let template = if s == file_name { ts(l).mapper_lede_text } else { ts(l).mapper_lede };
                fill_view(template, move |slot| match slot {
                    "sheet" => Some(verbatim(&s)),
                    "rows" => Some(count(l, rows as u64).into_any()),
                    _ => None,
                })
            }}</p>
            {ids_from_rows}
            {(read_issues > 0).then(|| view! {
                <p class="note">{move || fill(ts(lang.get()).read_issues, &[("n", &count(lang.get(), read_issues as u64))])}</p>
            })}
            <div class="mapper-heads" aria-hidden="true">
                <span>{move || ts(lang.get()).col_column}</span>
                <span>{move || ts(lang.get()).col_field}</span>
                <span>{move || ts(lang.get()).col_samples}</span>
            </div>
            <ol class="mapper-columns">{columns}</ol>
            {more}
            <fieldset class="mapper-conventions">
                <legend>{move || ts(lang.get()).conventions_title}</legend>
                <div class="mapper-setting">
                    <label for="map-currency">{move || ts(lang.get()).currency_label}</label>
                    <input id="map-currency" type="text" maxlength="3" autocomplete="off" spellcheck="false"
                        prop:value=move || conventions.with(|c| c.currency.clone())
                        on:change:target=move |ev| { let v = ev.target().value(); conventions.update(|c| c.currency = v) }/>
                    {currency_defaulted.then(defaulted_note)}
                </div>
                <div class="mapper-setting">
                    <label for="map-price-base">{move || ts(lang.get()).price_base_label}</label>
                    <input id="map-price-base" type="text" maxlength="60" autocomplete="off"
                        prop:value=move || conventions.with(|c| c.price_base.clone())
                        on:change:target=move |ev| { let v = ev.target().value(); conventions.update(|c| c.price_base = v) }/>
                    {price_base_defaulted.then(defaulted_note)}
                </div>
                <div class="mapper-setting">
                    <label for="map-scale">{move || ts(lang.get()).scale_label}</label>
                    <select id="map-scale" on:change:target=move |ev| {
                        if let Ok(v) = ev.target().value().parse::<f64>() { conventions.update(|c| c.scale = v) }
                    }>
                        {scales.into_iter().map(|s| {
                            let label = SCALES.iter().find(|x| x.0 == s).map(|x| x.1);
                            view! {
                                <option value=s.to_string() prop:selected=move || conventions.with(|c| c.scale == s)>
                                    {move || label.map_or_else(|| format!("× {s}"), |l| l(ts(lang.get())).to_string())}
                                </option>
                            }
                        }).collect_view()}
                    </select>
                </div>
                {convention_select("map-decimal", |t| t.decimal_label,
                    vec![("point", |t| t.decimal_point), ("comma", |t| t.decimal_comma)],
                    conventions, |c| &c.decimal, |c, v| c.decimal = v, lang)}
                {convention_select("map-dates", |t| t.dates_label,
                    vec![("year_month_day", |t| t.dates_ymd), ("day_month_year", |t| t.dates_dmy), ("month_day_year", |t| t.dates_mdy)],
                    conventions, |c| &c.dates, |c, v| c.dates = v, lang)}
                {convention_select("map-recipients", |t| t.recipients_label, country_forms(),
                    conventions, |c| &c.recipients, |c, v| c.recipients = v, lang)}
                {convention_select("map-providers", |t| t.providers_label, country_forms(),
                    conventions, |c| &c.providers, |c, v| c.providers = v, lang)}
            </fieldset>
            <button type="button" class="mapping-apply" data-testid="mapping-apply"
                disabled=move || busy.get() on:click=move |_| on_apply.run(())>
                {move || if busy.get() { ts(lang.get()).applying } else { ts(lang.get()).apply }}
            </button>
        </section>
    }
}
