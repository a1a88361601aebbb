//! Splits the page's WebAssembly module at its split points, after linking.
//!
//! ```text
//! waqai-wasm-split MODULE.wasm OUT_DIR
//! ```
//!
//! The page marks the views that have nothing to show before there are events
//! (`src/components/deferred.rs`) with `wasm_split`. Their code, and
//! everything only they reach, goes into modules of their own that the page
//! fetches after its first paint. This runs on the linker's output, before
//! Trunk's wasm-bindgen: `tools/wasm-link` (the wasm32 linker named in
//! `.cargo/config.toml`) calls it after every link, with
//! `OUT_DIR = <profile dir>/wasm-split/<binary>`. Trunk's post-build hook
//! (`scripts/trunk-split.sh`) then copies OUT_DIR's files into the site.
//!
//! * A module without split points (the engine's worker) is left as it is,
//!   and OUT_DIR removed.
//! * Otherwise MODULE is replaced by the main part; OUT_DIR receives the
//!   split modules (`split_*.wasm`) and their loader, `waqai-split.js`, which
//!   imports `initSync` from `./waqai-web.js` (the hook puts in the name the
//!   build gave the page's script).
//!
//! The split modules share the main module's function table. The splitter
//! exports it as `__indirect_function_table`, an export wasm-bindgen removes
//! (it takes it for a leftover of the linker's); it is exported here as
//! `waqai_split_table` instead, and the loader is told so.
//!
//! The module must be linked with `--emit-relocs` (the page's `build.rs`).

use std::{fs, path::Path, process::ExitCode};

use wasm_encoder::{ExportKind, ExportSection, Module, RawSection};
use wasmparser::{ExternalKind, Parser, Payload, TypeRef};

/// Where `wasm_split` functions import their loaders from, before splitting.
const PLACEHOLDER_MODULE: &str = "__wasm_split_placeholder__";
/// The loader script, as the main module imports it (next to the page's script).
const LOADER: &str = "waqai-split.js";
/// The page's script, as the loader imports it (the hook writes the real name).
const MAIN_SCRIPT: &str = "./waqai-web.js";
const TABLE_EXPORT: &str = "__indirect_function_table";
const TABLE_EXPORT_KEPT: &str = "waqai_split_table";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [module, out_dir] = &args[..] else {
        eprintln!("usage: waqai-wasm-split MODULE.wasm OUT_DIR");
        return ExitCode::from(2);
    };
    match run(Path::new(module), Path::new(out_dir)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("waqai-wasm-split: {module}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(module: &Path, out_dir: &Path) -> Result<(), String> {
    let wasm = fs::read(module).map_err(|e| e.to_string())?;
    if out_dir.exists() {
        fs::remove_dir_all(out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    }
    if !has_split_points(&wasm)? {
        return Ok(());
    }
    let main_out = out_dir.join("main.wasm");
    let link_name = format!("./{LOADER}");
    let mut opts = wasm_split_cli_support::Options::new(&wasm);
    opts.output_dir = out_dir;
    opts.main_out_path = &main_out;
    opts.link_name = &link_name;
    opts.main_module = MAIN_SCRIPT;
    wasm_split_cli_support::transform(opts).map_err(|e| format!("{e:#}"))?;

    let main = fs::read(&main_out).map_err(|e| e.to_string())?;
    fs::write(
        module,
        rename_export(&main, TABLE_EXPORT, TABLE_EXPORT_KEPT)?,
    )
    .map_err(|e| e.to_string())?;
    fs::remove_file(&main_out).map_err(|e| e.to_string())?;

    let loader_path = out_dir.join(LOADER);
    let loader = fs::read_to_string(&loader_path).map_err(|e| e.to_string())?;
    fs::write(&loader_path, loader_reading_kept_table(&loader)?).map_err(|e| e.to_string())
}

/// Whether the module imports a split loader (a `wasm_split` function's).
fn has_split_points(wasm: &[u8]) -> Result<bool, String> {
    for payload in Parser::new(0).parse_all(wasm) {
        if let Payload::ImportSection(imports) = payload.map_err(|e| e.to_string())? {
            for import in imports.into_imports() {
                let import = import.map_err(|e| e.to_string())?;
                if import.module == PLACEHOLDER_MODULE && matches!(import.ty, TypeRef::Func(_)) {
                    return Ok(true);
                }
            }
        }
    }
    Ok(false)
}

/// The module with its export `from` named `to`; every other byte kept.
fn rename_export(wasm: &[u8], from: &str, to: &str) -> Result<Vec<u8>, String> {
    let mut out = Module::new();
    let mut renamed = false;
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| e.to_string())?;
        if let Payload::ExportSection(reader) = &payload {
            let mut exports = ExportSection::new();
            for export in reader.clone() {
                let export = export.map_err(|e| e.to_string())?;
                let name = if export.name == from {
                    renamed = true;
                    to
                } else {
                    export.name
                };
                exports.export(name, export_kind(export.kind), export.index);
            }
            out.section(&exports);
        } else if let Some((id, range)) = payload.as_section() {
            let (start, end) = (range.start as usize, range.end as usize);
            out.section(&RawSection {
                id,
                data: &wasm[start..end],
            });
        }
    }
    if !renamed {
        return Err(format!("the split main module exports no {from}"));
    }
    Ok(out.finish())
}

fn export_kind(kind: ExternalKind) -> ExportKind {
    match kind {
        ExternalKind::Func | ExternalKind::FuncExact => ExportKind::Func,
        ExternalKind::Table => ExportKind::Table,
        ExternalKind::Memory => ExportKind::Memory,
        ExternalKind::Global => ExportKind::Global,
        ExternalKind::Tag => ExportKind::Tag,
    }
}

/// The loader reads the main module's exports (`initSync`'s answer) by name
/// and hands them to the split modules under the same names: the table is
/// read under the name it is kept by.
fn loader_reading_kept_table(js: &str) -> Result<String, String> {
    let from = format!("const {{ {TABLE_EXPORT},");
    let to = format!("const {{ {TABLE_EXPORT_KEPT}: {TABLE_EXPORT},");
    if js.matches(&from).count() != 1 {
        return Err(format!(
            "{LOADER} does not read `{TABLE_EXPORT}` as expected"
        ));
    }
    Ok(js.replace(&from, &to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_reads_the_table_under_its_kept_name() {
        let js =
            "const { __indirect_function_table, __wasm_split_shared0, memory,  } = initSync();";
        assert_eq!(
            loader_reading_kept_table(js).unwrap(),
            "const { waqai_split_table: __indirect_function_table, __wasm_split_shared0, memory,  } = initSync();"
        );
        assert!(loader_reading_kept_table("const { memory } = initSync();").is_err());
    }

    #[test]
    fn an_export_is_renamed_and_nothing_else_changes() {
        let mut m = Module::new();
        let mut tables = wasm_encoder::TableSection::new();
        tables.table(wasm_encoder::TableType {
            element_type: wasm_encoder::RefType::FUNCREF,
            table64: false,
            minimum: 1,
            maximum: None,
            shared: false,
        });
        m.section(&tables);
        let mut exports = ExportSection::new();
        exports.export(TABLE_EXPORT, ExportKind::Table, 0);
        m.section(&exports);
        let wasm = m.finish();
        let out = rename_export(&wasm, TABLE_EXPORT, TABLE_EXPORT_KEPT).unwrap();
        assert_eq!(
            out.len(),
            wasm.len() + TABLE_EXPORT_KEPT.len() - TABLE_EXPORT.len()
        );
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains(TABLE_EXPORT_KEPT) && !text.contains(TABLE_EXPORT));
        assert!(!has_split_points(&out).unwrap());
        assert!(rename_export(&out, TABLE_EXPORT, TABLE_EXPORT_KEPT).is_err());
    }
}
