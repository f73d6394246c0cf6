// Host test: it reads the crate's sources.
#![cfg(not(target_arch = "wasm32"))]
//! The crate's modules form layers: no two import each other, directly or
//! through others. The graph is read from the sources (`crate::<module>`
//! paths), plus the edges generated code adds: `#[model]` expands to paths in
//! `model`, `shape`, `wire` and `validate`, `open_enum!` to `shape`, and the
//! registry `build.rs` writes into `schema` names every provider module.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const PROVIDERS: &[&str] = &["cegos", "lara", "france_travail", "campus_skills"];

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut g: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().map_or(true, |e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(&src).unwrap().to_string_lossy().to_string();
            let module = rel.split('/').next().unwrap().trim_end_matches(".rs").to_string();
            if module == "lib" {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code: String = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
            let deps = g.entry(module.clone()).or_default();
            for (i, _) in code.match_indices("crate::") {
                // `$crate::` is a macro body: the edge belongs to where it expands.
                if i > 0 && code.as_bytes()[i - 1] == b'$' {
                    continue;
                }
                let name: String = code[i + 7..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                deps.insert(name);
            }
            if code.contains("#[model") {
                deps.extend(["model", "shape", "wire", "validate"].map(String::from));
            }
            if code.contains("open_enum! {") && !code.contains("macro_rules! open_enum") {
                deps.insert("shape".into());
            }
            if module == "schema" && code.contains("registry.rs") {
                deps.extend(PROVIDERS.iter().map(|p| p.to_string()));
            }
        }
    }
    let modules: BTreeSet<String> = g.keys().cloned().collect();
    for (m, deps) in g.iter_mut() {
        deps.retain(|d| d != m && modules.contains(d));
    }
    g
}

/// A cycle through `start`, if any (depth first).
fn cycle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(g: &BTreeMap<String, BTreeSet<String>>, m: &str, path: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == m) {
            let mut c = path[i..].to_vec();
            c.push(m.to_string());
            return Some(c);
        }
        if done.contains(m) {
            return None;
        }
        path.push(m.to_string());
        for d in g.get(m).into_iter().flatten() {
            if let Some(c) = visit(g, d, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(m.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for m in g.keys() {
        if let Some(c) = visit(g, m, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

#[test]
fn the_module_graph_has_no_cycle() {
    let g = graph();
    if let Some(c) = cycle(&g) {
        panic!("import cycle: {}", c.join(" -> "));
    }
}

#[test]
fn providers_sit_between_the_shared_core_and_the_registries() {
    let g = graph();
    for p in PROVIDERS {
        for other in PROVIDERS.iter().filter(|o| *o != p) {
            assert!(!g[*p].contains(*other), "{p} imports {other}: providers are independent features");
        }
        for low in ["model", "shape", "wire", "validate", "dates", "text", "formats", "endpoint", "check", "error"] {
            if let Some(deps) = g.get(low) {
                assert!(!deps.contains(*p), "{low} imports {p}: the shared core must not know a provider");
            }
        }
    }
    // The boundary is the top: nothing in the core imports it.
    for (m, deps) in &g {
        assert!(!deps.contains("js"), "{m} imports the wasm boundary");
    }
}

#[test]
fn the_detector_finds_a_cycle() {
    let mut g = graph();
    g.get_mut("wire").unwrap().insert("schema".into());
    assert!(cycle(&g).is_some());
}
