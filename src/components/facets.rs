use bridges_core::explore::{Bar, View};
use bridges_core::query::ViewState;
use leptos::prelude::*;

use crate::app_data::AppData;
use crate::i18n::{count, fill, t, use_lang};
use crate::tr;

/// A facet: checkboxes with live counts (every filter applied except this facet's own).
#[component]
pub fn Facet(
    /// Which dimension.
    view: View,
    /// Legend text (a catalogue entry).
    legend: bridges_core::i18n::Key,
    /// Options with their counts, in display order.
    #[prop(into)]
    bars: Signal<Vec<Bar>>,
    /// Toggles an option (always additive: checkboxes combine).
    on_toggle: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    // One row per position in the list, kept across changes: a change of filters updates only the
    // labels, counts and checks that changed. The Recipients and Agency facets show the top 25 under
    // the other filters, so most of their options change places on a click; rows keyed by option
    // moved or rebuilt two dozen list items a facet (48 removals and insertions a click, with their
    // keyed diffing and new memos: a CPU profile of bench_click_to_repaint). Rebuilding every row
    // on every click instead re-set each row's id, type, for and class and re-attached its listener
    // (about 6 ms a click over the explorer's ten facets). A row at a position that the user is on
    // keeps its element and focus.
    //
    // One effect a facet writes what changed to its rows' elements. A memo with six bindings a row
    // woke 1,500 bindings a click (the explorer has about 250 rows); an effect a row still woke 250
    // effects, each a task of the reactive runtime, each leaving and rejoining the language signal's
    // and its facet's subscribers (a CPU profile of the clicks put most of their script outside the
    // app's own code, in the runtime).
    let rows = StoredValue::new(Vec::<Option<RowEls>>::new());
    Effect::new(move |_| {
        let l = lang.get();
        bars.with(|b| {
            rows.update_value(|rows| {
                for (i, slot) in rows.iter_mut().enumerate().take(b.len()) {
                    if let Some(r) = slot {
                        r.show(Row::of(b.get(i), l), view);
                    }
                }
            })
        });
    });
    let positions = move || 0..bars.with(Vec::len);
    let row = move |i: usize| {
        let first = untrack(|| bars.with(|b| Row::of(b.get(i), lang.get())));
        let els = RowEls {
            shown: first.clone(),
            li: NodeRef::new(),
            input: NodeRef::new(),
            label: NodeRef::new(),
            text: NodeRef::new(),
            tally: NodeRef::new(),
        };
        let (li, input, label, text, tally) = (els.li, els.input, els.label, els.text, els.tally);
        rows.update_value(|rows| {
            if rows.len() <= i {
                rows.resize_with(i + 1, || None);
            }
            rows[i] = Some(els);
        });
        let id = first.id(view);
        view! {
            <li node_ref=li class:empty=first.count == 0>
                <input node_ref=input type="checkbox" id=id.clone() prop:checked=first.selected
                    on:change=move |_| {
                        let key = rows
                            .try_with_value(|r| {
                                r.get(i).and_then(Option::as_ref).map(|r| r.shown.key.clone())
                            })
                            .flatten();
                        if let Some(key) = key.filter(|k| !k.is_empty()) {
                            on_toggle.run(key);
                        }
                    }/>
                <label node_ref=label for=id>
                    // Agencies keep the source's spelling (English), as on their actor pages.
                    <span node_ref=text class="facet-label" lang=(view == View::Agency).then_some("en")>{first.label.clone()}</span>
                    <span node_ref=tally class="facet-count">{count(first.lang, first.count)}</span>
                </label>
            </li>
        }
    };
    view! {
        <fieldset class="facet" data-testid=format!("facet-{}", view.param())>
            <legend>{move || legend(t(lang.get()))}</legend>
            <ul>
                <For each=positions key=|i| *i children=row/>
            </ul>
        </fieldset>
    }
}

/// What a facet row shows: the option at its position (empty past the end of the list).
#[derive(Clone, Debug, PartialEq)]
struct Row {
    key: String,
    label: String,
    count: u64,
    selected: bool,
    lang: bridges_core::i18n::Lang,
}

impl Row {
    fn of(b: Option<&Bar>, lang: bridges_core::i18n::Lang) -> Self {
        match b {
            Some(b) => Row {
                key: b.key.clone(),
                label: b.label.clone(),
                count: b.group.count as u64,
                selected: b.selected,
                lang,
            },
            None => Row {
                key: String::new(),
                label: String::new(),
                count: 0,
                selected: false,
                lang,
            },
        }
    }

    fn id(&self, view: View) -> String {
        format!("facet-{}-{}", view.param(), self.key)
    }
}

/// A facet row's elements and what they show.
struct RowEls {
    shown: Row,
    li: NodeRef<leptos::html::Li>,
    input: NodeRef<leptos::html::Input>,
    label: NodeRef<leptos::html::Label>,
    text: NodeRef<leptos::html::Span>,
    tally: NodeRef<leptos::html::Span>,
}

impl RowEls {
    /// Writes to the row's elements what differs between `next` and what they show. Where the row's
    /// element references are disposed (a shorter list dropped the row, or the page is going), it
    /// writes nothing: a panic there would kill the page.
    fn show(&mut self, next: Row, view: View) {
        let was = &self.shown;
        if next == *was {
            return;
        }
        if next.key != was.key {
            let id = next.id(view);
            if let Some(el) = self.input.try_get_untracked().flatten() {
                el.set_id(&id);
            }
            if let Some(el) = self.label.try_get_untracked().flatten() {
                el.set_html_for(&id);
            }
        }
        if next.label != was.label {
            if let Some(el) = self.text.try_get_untracked().flatten() {
                el.set_text_content(Some(&next.label));
            }
        }
        if (next.count, next.lang) != (was.count, was.lang) {
            if let Some(el) = self.tally.try_get_untracked().flatten() {
                el.set_text_content(Some(&count(next.lang, next.count)));
            }
        }
        if (next.count == 0) != (was.count == 0) {
            if let Some(el) = self.li.try_get_untracked().flatten() {
                let _ = el.class_list().toggle_with_force("empty", next.count == 0);
            }
        }
        // Against the box, not the last value: a click has ticked it before the URL changed, and the
        // row may now show another option.
        if let Some(el) = self.input.try_get_untracked().flatten() {
            if el.checked() != next.selected {
                el.set_checked(next.selected);
            }
        }
        self.shown = next;
    }
}

/// One removable chip per active filter, and "clear all".
#[component]
pub fn Chips(
    /// Labels come from the reference tables.
    data: std::sync::Arc<AppData>,
    /// The current view state.
    #[prop(into)]
    state: Signal<ViewState>,
    /// Called with the state to go to.
    on_change: Callback<ViewState>,
    /// What to say when no filter is set: how this page filters ("click a bar", "click a country");
    /// nothing when left out.
    #[prop(optional)]
    empty_hint: Option<bridges_core::i18n::Key>,
) -> impl IntoView {
    let lang = use_lang();
    let chips = move || {
        let s = state.get();
        let l = lang.get();
        let tx = t(l);
        let chip = |kind: &str, value: &str| fill(tx.chip, &[("kind", kind), ("value", value)]);
        let f = &s.filters;
        let r = &data.reference;
        let mut out: Vec<(String, ViewState)> = Vec::new();
        let mut push = |label: String, edit: &dyn Fn(&mut ViewState)| {
            let mut next = s.clone();
            next.page = 1;
            edit(&mut next);
            out.push((label, next));
        };
        for c in &f.countries {
            push(chip(tx.chip_country, r.country_name(c, l)), &|n| {
                n.filters.countries.remove(c);
            });
        }
        for c in &f.regions {
            push(chip(tx.chip_region, r.region_name(c, l)), &|n| {
                n.filters.regions.remove(c);
            });
        }
        for g in &f.income {
            push(chip(tx.chip_income, g.label(l)), &|n| {
                n.filters.income.remove(g);
            });
        }
        for code in &f.sectors {
            push(chip(tx.chip_sector, &r.sector_name(*code, l)), &|n| {
                n.filters.sectors.remove(code);
            });
        }
        for g in &f.sdgs {
            let name = r.sdg_name(*g, l).unwrap_or_default();
            push(chip(tx.chip_sdg, &format!("{g} {name}")), &|n| {
                n.filters.sdgs.remove(g);
            });
        }
        for st in &f.statuses {
            push(chip(tx.chip_status, st.label(l)), &|n| {
                n.filters.statuses.remove(st);
            });
        }
        for fl in &f.flows {
            push(chip(tx.chip_flow, fl.label(l)), &|n| {
                n.filters.flows.remove(fl);
            });
        }
        for id in &f.datasets {
            let label = data
                .engine
                .lock()
                .ok()
                .and_then(|e| e.cols.dataset_name(id, l).map(str::to_string))
                .unwrap_or_else(|| id.clone());
            push(chip(tx.chip_dataset, &label), &|n| {
                n.filters.datasets.remove(id);
            });
        }
        for key in &f.agencies {
            let label = data
                .engine
                .lock()
                .ok()
                .and_then(|e| {
                    let c = &e.cols;
                    let k = c.agencies.iter().position(|x| x == key)?;
                    c.agency_names.get(k).cloned()
                })
                .unwrap_or_else(|| key.clone());
            push(chip(tx.chip_agency, &label), &|n| {
                n.filters.agencies.remove(key);
            });
        }
        for p in &f.providers {
            push(chip(tx.chip_provider, r.country_name(p, l)), &|n| {
                n.filters.providers.remove(p);
            });
        }
        if f.from.is_some() || f.to.is_some() {
            let label = match (f.from, f.to) {
                (Some(a), Some(b)) if a == b => chip(tx.chip_year, &a.to_string()),
                (a, b) => chip(
                    tx.chip_years,
                    &format!(
                        "{}–{}",
                        a.map_or("…".into(), |y| y.to_string()),
                        b.map_or("…".into(), |y| y.to_string())
                    ),
                ),
            };
            push(label, &|n| {
                n.filters.from = None;
                n.filters.to = None;
            });
        }
        if f.amount_min.is_some() || f.amount_max.is_some() {
            let label = chip(
                tx.chip_amount,
                &format!(
                    "{}–{}",
                    f.amount_min
                        .map_or("0".into(), |v| data.unit().amount(l, v as f64)),
                    f.amount_max
                        .map_or("…".into(), |v| data.unit().amount(l, v as f64))
                ),
            );
            push(label, &|n| {
                n.filters.amount_min = None;
                n.filters.amount_max = None;
            });
        }
        if !f.q.trim().is_empty() {
            push(
                chip(tx.chip_search, &format!("“{}”", f.q.trim())),
                &|n| n.filters.q.clear(),
            );
        }
        out
    };
    view! {
        <div class="chips" data-testid="filter-chips" aria-label=tr!(lang, active_filters) role="group">
            {move || {
                let list = chips();
                if list.is_empty() {
                    return empty_hint.map(|hint| view! { <p class="note">{move || hint(t(lang.get()))}</p> }).into_any();
                }
                let mut cleared = state.get();
                cleared.filters = Default::default();
                cleared.page = 1;
                view! {
                    <ul>
                        {list.into_iter().map(|(label, next)| {
                            let aria = fill(t(lang.get_untracked()).remove_filter, &[("label", &label)]);
                            view! {
                                <li class="chip">{label}
                                    <button type="button" aria-label=aria on:click=move |_| on_change.run(next.clone())>"×"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <button type="button" class="clear-all" on:click=move |_| on_change.run(cleared.clone())>{tr!(lang, clear_all)}</button>
                }.into_any()
            }}
        </div>
    }
}
