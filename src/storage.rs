//! The browser's localStorage (the language choice, the story draft); `None` where it is unavailable
//! (private modes, sandboxed frames), and every caller then goes on without it.

pub fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
