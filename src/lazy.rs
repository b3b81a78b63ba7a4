//! Code that loads on demand. In Trunk builds (the `split` feature), a `lazy_fn!` function is a split
//! point (`wasm_split`, which Leptos' `#[lazy]` also uses): its code, and whatever only it uses, is cut out
//! of the main wasm by `cargo xtask split-wasm` (xtask/src/split.rs) and fetched the first time it is
//! called. Elsewhere (component tests, clippy) it is a plain async function that is ready at once.
//!
//! Loading can fail (a flaky venue network, no service worker yet). The split is declared `fallible`, so
//! a failure is an `Err` the view shows with a retry button, never a panic (which would end the page).

use std::future::Future;
use std::pin::Pin;

use futures::FutureExt;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{t, use_lang};

/// Why a lazy function's code is not there.
pub use leptos::wasm_split::SplitLoaderError as LoadFailed;

/// `lazy_fn! { fn name(args) -> T { body } preload: preload_name, in: group; }` (lifetime parameters
/// allowed, `fn name<'a>(…)`; type parameters are not: a split point is one exported function) defines
/// `async fn name(args) -> Result<T, LoadFailed>`, whose code loads on first call, and
/// `async fn preload_name() -> Result<(), LoadFailed>`, which only loads it. Functions of the same `group`
/// share one split module (code only they use is not cut into chunks per combination of them), so any one
/// of their preloads loads them all: the others may go unused. The body
/// runs untracked: a reactive closure that awaits it must not subscribe to what the body reads.
macro_rules! lazy_fn {
    ($(
        $(#[$meta:meta])*
        $vis:vis fn $name:ident $(<$($lt:lifetime),+>)? ($($arg:ident: $ty:ty),* $(,)?) -> $ret:ty $body:block
        preload: $preload:ident, in: $group:ident;
    )*) => {$(
        $(#[$meta])*
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($group, wasm_split_path = ::leptos::wasm_split, preload(#[allow(dead_code)] $preload), fallible)]
        $vis fn $name $(<$($lt),+>)? ($($arg: $ty),*) -> Result<$ret, $crate::lazy::LoadFailed> {
            Ok(::leptos::prelude::untrack(move || $body))
        }
        $(#[$meta])*
        #[cfg(not(feature = "split"))]
        $vis async fn $name $(<$($lt),+>)? ($($arg: $ty),*) -> Result<$ret, $crate::lazy::LoadFailed> {
            Ok(::leptos::prelude::untrack(move || $body))
        }
        #[cfg(not(feature = "split"))]
        #[allow(non_snake_case, dead_code)]
        $vis async fn $preload() -> Result<(), $crate::lazy::LoadFailed> {
            Ok(())
        }
    )*};
}

#[derive(Clone, Copy, PartialEq)]
enum Code {
    Loading,
    Ready,
    Failed,
}

/// The view at once when its code is loaded; otherwise "Loading…" (after a moment) until it is, then the
/// view; if the code cannot be downloaded, a message with a retry button. The wait is owned by the
/// caller's reactive owner (a route, a dialog): when that is gone before the code arrives (the visitor
/// moved on), nothing is built, since a view built under a disposed owner would read disposed signals and
/// panic.
pub fn lazy_view<P, F, L, G>(view: P, preload: L) -> AnyView
where
    P: Fn() -> F + Copy + Send + Sync + 'static,
    F: Future<Output = Result<AnyView, LoadFailed>>,
    L: Fn() -> G + Copy + Send + Sync + 'static,
    G: Future<Output = Result<(), LoadFailed>> + 'static,
{
    // The first attempt is polled once here: when the code is already there (always so without the
    // `split` feature) the view is built at once; otherwise this same attempt is waited for.
    let mut first = Box::pin(preload());
    let polled = first.as_mut().now_or_never();
    if let Some(Ok(())) = polled {
        if let Some(Ok(view)) = view().now_or_never() {
            return view;
        }
    }
    let code = RwSignal::new(match polled {
        None => Code::Loading,
        Some(Ok(())) => Code::Ready,
        Some(Err(_)) => Code::Failed,
    });
    // Waits for one load attempt and records its outcome (a disposed owner just drops it).
    let wait = move |attempt: Pin<Box<G>>| {
        spawn_local(async move {
            let loaded = attempt.await;
            code.try_set(if loaded.is_ok() {
                Code::Ready
            } else {
                Code::Failed
            });
        })
    };
    if polled.is_none() {
        wait(first);
    }
    let retry = move || {
        code.set(Code::Loading);
        wait(Box::pin(preload()));
    };
    let lang = use_lang();
    (move || match code.get() {
        // Shown only if the wait is long enough to notice (style/main.css delays it), so that a fast
        // load does not flash it.
        Code::Loading => Some(
            view! {
                <p class="code-loading" role="status" data-testid="code-loading">{move || t(lang.get()).code_loading}</p>
            }
            .into_any(),
        ),
        Code::Ready => view().now_or_never().and_then(Result::ok),
        Code::Failed => Some(
            view! {
                <div class="code-load-failed" role="alert" data-testid="code-load-failed">
                    <p>{move || t(lang.get()).code_load_failed}</p>
                    <button type="button" on:click=move |_| retry()>{move || t(lang.get()).code_load_retry}</button>
                </div>
            }
            .into_any(),
        ),
    })
    .into_any()
}

/// Starts loading code that will probably be needed soon (e.g. when the pointer reaches a button). A
/// failure here is not shown: the code is asked for again when it is needed.
pub fn preload<L, G>(preload: L)
where
    L: FnOnce() -> G + 'static,
    G: Future<Output = Result<(), LoadFailed>> + 'static,
{
    spawn_local(async move {
        let _ = preload().await;
    });
}
