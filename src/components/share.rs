use bridges_core::embed_view::EmbedView;
use bridges_core::query::{parse, to_query};
use leptos::html::Dialog;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use qrcode::render::svg;
use qrcode::QrCode;

use crate::i18n::{tm, use_lang, Lang};
use crate::lazy::{lazy_view, preload};
use crate::paths::base_path;

fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// An SVG QR code of `payload` as a data URL (shown as an image: nothing from the URL becomes markup).
pub fn qr_data_url(payload: &str) -> Option<String> {
    let code = QrCode::new(payload.as_bytes()).ok()?;
    let svg = code
        .render::<svg::Color>()
        .min_dimensions(220, 220)
        .quiet_zone(true)
        .build();
    let encoded: String = js_sys::encode_uri_component(&svg).into();
    Some(format!("data:image/svg+xml;charset=utf-8,{encoded}"))
}

/// The embed themes and their names.
/// A catalogue entry of the map and share texts, as a value.
type MapKey = fn(&'static bridges_core::i18n::MapText) -> &'static str;

const THEMES: [(&str, MapKey); 4] = [
    ("auto", |t| t.share_theme_auto),
    ("light", |t| t.share_theme_light),
    ("dark", |t| t.share_theme_dark),
    ("projector", |t| t.share_theme_projector),
];

/// Text for an HTML attribute in a snippet a partner pastes into their page.
fn attr_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn copy(text: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.navigator().clipboard().write_text(text);
    }
}

/// Which view an embed of the current page shows.
fn embed_view_for(path: &str) -> &'static str {
    if path.ends_with("/map") {
        "map"
    } else if path.ends_with("/table") || path.ends_with('/') || path.is_empty() {
        "headline"
    } else {
        "timeline"
    }
}

/// "Share & embed": the link, an iframe snippet, a script snippet, a preview at phone or desktop
/// width and a QR code of the current view. A native modal dialog: focus stays inside, Esc closes,
/// focus returns to the button. The dialog's content (and the QR encoder) is code that loads on demand:
/// when the pointer or focus reaches the button, or at the latest when it is pressed.
#[component]
pub fn ShareButton() -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let location = use_location();
    let open = RwSignal::new(false);
    let embed_view = RwSignal::new(String::new());
    let lang = use_lang();
    let show = move |_| {
        embed_view.set(embed_view_for(&location.pathname.get_untracked()).to_string());
        open.set(true);
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    view! {
        <button type="button" class="share-button" on:click=show
            on:pointerenter=move |_| preload(__preload_share_dialog)
            on:focus=move |_| preload(__preload_share_dialog)>
            {move || tm(lang.get()).share_short}<span class="share-more">{move || tm(lang.get()).share_more}</span>
        </button>
        <dialog node_ref=dialog class="share-dialog" data-testid="share-dialog" aria-labelledby="share-title" on:close=move |_| open.set(false)>
            {move || open.get().then(|| lazy_view(move || share_dialog(dialog, open, embed_view), __preload_share_dialog))}
        </dialog>
    }
}

lazy_fn! {
    /// The open dialog's content.
    fn share_dialog(dialog: NodeRef<Dialog>, open: RwSignal<bool>, embed_view: RwSignal<String>) -> AnyView {
        share_dialog_content(dialog, open, embed_view)
    }
    preload: __preload_share_dialog, in: share_dialog;
}

fn share_dialog_content(
    dialog: NodeRef<Dialog>,
    open: RwSignal<bool>,
    embed_view: RwSignal<String>,
) -> AnyView {
    let location = use_location();
    let preview_width = RwSignal::new(360u32);
    let lang = use_lang();
    let t = move || tm(lang.get());
    // A view shared from the Chinese interface opens in Chinese, also when the language came from the
    // visitor's preference rather than the URL.
    let keep_lang = move |state: &mut bridges_core::query::ViewState| {
        if state.lang.is_none() && lang.get() == Lang::Zh {
            state.lang = Some(Lang::Zh);
        }
    };
    let link = move || {
        let search = location.search.get();
        let (mut state, _) = parse(&search);
        state.page = 1;
        keep_lang(&mut state);
        let q = to_query(&state);
        format!(
            "{}{}{}",
            origin(),
            location.pathname.get(),
            if q.is_empty() {
                String::new()
            } else {
                format!("?{q}")
            }
        )
    };
    let filters = move || {
        let (mut state, _) = parse(&location.search.get());
        state.page = 1;
        state.sort = Default::default();
        keep_lang(&mut state);
        to_query(&state)
    };
    // The embed's options, as controls (README "Embedding a view"): each one a URL parameter.
    let theme = RwSignal::new(String::from("auto"));
    let show_controls = RwSignal::new(true);
    let cards = RwSignal::new(false);
    let height = RwSignal::new(String::new());
    let accent = RwSignal::new(String::new());
    let height_px = move || {
        height
            .get()
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|h| (100..=5000).contains(h))
    };
    let embed_url = move || {
        let mut q = filters();
        let mut add = |k: &str, v: &str| {
            if !q.is_empty() {
                q.push('&');
            }
            q.push_str(k);
            q.push('=');
            q.push_str(v);
        };
        let th = theme.get();
        if th != "auto" {
            add("theme", &th);
        }
        if !show_controls.get() {
            add("controls", "0");
        }
        if cards.get() {
            add("cards", "1");
        }
        if let Some(h) = height_px() {
            add("height", &h.to_string());
        }
        let a = accent.get();
        let hex = a.trim_start_matches('#');
        if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            add("accent", hex);
        }
        format!(
            "{}{}/embed/{}{}",
            origin(),
            base_path(),
            embed_view.get(),
            if q.is_empty() {
                String::new()
            } else {
                format!("?{q}")
            }
        )
    };
    // The frame's title says what it shows, as the embed's own heading does.
    let data = use_context::<crate::DataResource>();
    let frame_title = move || {
        let l = lang.get();
        let (state, _) = parse(&location.search.get());
        let subject = data
            .and_then(|d| d.0.get())
            .and_then(|r| r.ok())
            .map(|d| bridges_core::titles::Subject::of(&state.filters, &d.reference, l))
            .unwrap_or_default();
        let view = embed_view.get();
        let title = match EmbedView::from_code(&view) {
            Some(EmbedView::Map) => bridges_core::titles::map_title(state.measure, &subject, l),
            Some(v) => match v.chart() {
                Some(c) => bridges_core::titles::chart_title(c, state.measure, &subject, l),
                None => t().share_snippet_title.to_string(),
            },
            None => t().share_snippet_title.to_string(),
        };
        attr_escape(&title)
    };
    let iframe_snippet = move || {
        format!(
            "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" style=\"width:100%;height:{}px;border:0\"></iframe>",
            embed_url(),
            frame_title(),
            height_px().unwrap_or(480)
        )
    };
    let script_snippet = move || {
        format!(
            "<div data-bridges-embed=\"{}\" data-title=\"{}\"></div>\n<script src=\"{}{}/embed.js\" async></script>",
            embed_url(),
            frame_title(),
            origin(),
            base_path()
        )
    };
    let close = move |_| {
        open.set(false);
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    // When the content arrived after the dialog opened, focus is still on the dialog itself: move it to
    // the first control, as showModal() does when the content is there.
    let close_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move || {
        if let (Some(b), Some(d)) = (close_button.get(), dialog.get_untracked()) {
            let active = document().active_element();
            if active.is_none_or(|a| a == **d || !d.contains(Some(&a))) {
                let _ = b.focus();
            }
        }
    });
    let views = EmbedView::ALL.map(EmbedView::code);
    let view_name = move |v: &str| {
        let t = t();
        match EmbedView::from_code(v) {
            Some(EmbedView::Headline) => t.share_view_headline,
            Some(EmbedView::Timeline) => t.share_view_timeline,
            Some(EmbedView::Sector) => t.share_view_sector,
            Some(EmbedView::Recipients) => t.share_view_recipients,
            Some(EmbedView::Region) => t.share_view_region,
            Some(EmbedView::Sdg) => t.share_view_sdg,
            Some(EmbedView::Status) => t.share_view_status,
            Some(EmbedView::Flow) => t.share_view_flow,
            Some(EmbedView::Map) => t.share_view_map,
            Some(EmbedView::Provider) => t.share_view_provider,
            Some(EmbedView::Dataset) => t.share_view_dataset,
            Some(EmbedView::Similar) => t.share_view_similar,
            None => "",
        }
    };
    view! {
        <div class="share-head">
            <h2 id="share-title">{move || t().share_title}</h2>
            <button type="button" node_ref=close_button on:click=close aria-label=move || t().share_close>"×"</button>
        </div>
        <label class="share-field">{move || t().share_link}
            <span class="share-row">
                <input type="text" readonly prop:value=link data-testid="share-link" lang="en" dir="ltr"/>
                <button type="button" on:click=move |_| copy(&link())>{move || t().share_copy_link}</button>
            </span>
        </label>
        <label class="share-field">{move || t().share_embed}
            <select on:change=move |ev| embed_view.set(event_target_value(&ev))>
                {views.into_iter().map(|v| view! { <option value=v selected=move || embed_view.get() == v>{move || view_name(v)}</option> }).collect_view()}
            </select>
        </label>
        <fieldset class="share-options">
            <legend>{move || t().share_options}</legend>
            <label>{move || t().share_theme} " "
                <select on:change=move |ev| theme.set(event_target_value(&ev))>
                    {THEMES.into_iter().map(|(v, label)| view! { <option value=v selected=move || theme.get() == v>{move || label(t())}</option> }).collect_view()}
                </select>
            </label>
            <label><input type="checkbox" prop:checked=move || show_controls.get() on:change=move |ev| show_controls.set(event_target_checked(&ev))/>" " {move || t().share_controls}</label>
            <label><input type="checkbox" prop:checked=move || cards.get() on:change=move |ev| cards.set(event_target_checked(&ev))/>" " {move || t().share_cards}</label>
            <label>{move || t().share_height} " "
                <input type="number" min="100" max="5000" step="10" inputmode="numeric" placeholder="480" prop:value=move || height.get()
                    on:input=move |ev| height.set(event_target_value(&ev))/>
            </label>
            <label>{move || t().share_accent} " "
                <input type="color" prop:value=move || { let a = accent.get(); if a.is_empty() { "#0b5cad".to_string() } else { a } }
                    on:input=move |ev| accent.set(event_target_value(&ev))/>
            </label>
        </fieldset>
        <label class="share-field">{move || t().share_iframe}
            <span class="share-row">
                <textarea readonly rows="3" prop:value=iframe_snippet data-testid="share-iframe" lang="en" dir="ltr"></textarea>
                <button type="button" on:click=move |_| copy(&iframe_snippet())>{move || t().share_copy}</button>
            </span>
        </label>
        <label class="share-field">{move || t().share_script}
            <span class="share-row">
                <textarea readonly rows="3" prop:value=script_snippet data-testid="share-script" lang="en" dir="ltr"></textarea>
                <button type="button" on:click=move |_| copy(&script_snippet())>{move || t().share_copy}</button>
            </span>
        </label>
        <div class="share-grid">
            <figure class="share-qr">
                {move || {
                    let url = link();
                    qr_data_url(&url).map(|src| view! {
                        <img src=src alt=t().share_qr_alt width="220" height="220" data-testid="qr-code" data-payload=url/>
                    })
                }}
                <figcaption>{move || t().share_qr_caption}</figcaption>
            </figure>
            <div class="share-preview">
                <div role="group" aria-label=move || t().share_preview_width>
                    <button type="button" aria-pressed=move || (preview_width.get() == 360).to_string() on:click=move |_| preview_width.set(360)>{move || t().share_phone}</button>
                    <button type="button" aria-pressed=move || (preview_width.get() == 720).to_string() on:click=move |_| preview_width.set(720)>{move || t().share_desktop}</button>
                </div>
                <iframe inert=true tabindex="-1" title=move || t().share_preview_title src=embed_url style:width=move || format!("{}px", preview_width.get()) style:height="420px"></iframe>
            </div>
        </div>
    }
    .into_any()
}
