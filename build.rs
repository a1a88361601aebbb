//! The page's WebAssembly is linked with its relocations kept: the splitter
//! run after linking (`tools/wasm-link`, `tools/wasm-split`) needs them to
//! tell which code each split point alone reaches. Native builds are as usual.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bin=waqai-web=--emit-relocs");
    }
}
