//! With the `split` feature (Trunk builds, index.html), the wasm is linked with `--emit-relocs` so that
//! `cargo xtask split-wasm` can cut it at the `#[lazy]` pages (xtask/src/split.rs).
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some();
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    if split && wasm {
        println!("cargo:rustc-link-arg=--emit-relocs");
    }
}
