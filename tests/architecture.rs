//! The layering of `docs/ARCHITECTURE.md`, checked on the sources: the model
//! is a leaf, and the repository cites no document outside it.

use std::fs;
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "md") {
            out.push(path);
        }
    }
}

fn files(dir: &str) -> Vec<(PathBuf, String)> {
    let mut paths = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut paths);
    paths
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).expect("utf-8 source");
            (p, text)
        })
        .collect()
}

#[test]
fn the_model_imports_nothing_above_the_value_types() {
    let layers_above = [
        "crate::de::",
        "crate::validate::",
        "crate::parser::",
        "crate::json::",
        "crate::xml::",
        "crate::task::",
        "use crate::{",
    ];
    for (path, text) in files("src/model") {
        for layer in layers_above {
            assert!(!text.contains(layer), "{} uses {layer}", path.display());
        }
    }
    for (path, text) in files("src")
        .into_iter()
        .filter(|(p, _)| p.ends_with("value.rs") || p.ends_with("scalar.rs"))
    {
        for layer in [
            "use crate::model",
            "crate::de::",
            "crate::validate::",
            "crate::json::",
            "crate::xml::",
        ] {
            assert!(!text.contains(layer), "{} uses {layer}", path.display());
        }
    }
}

#[test]
fn no_document_outside_the_repository_is_cited() {
    let outside = ["api-facts", "SPEC.md", "SPEC §", "ENGINEERING.md", "../shared"];
    for dir in ["src", "tests", "benches", "docs"] {
        for (path, text) in files(dir) {
            if path.ends_with("architecture.rs") {
                continue;
            }
            for name in outside {
                assert!(!text.contains(name), "{} cites {name}", path.display());
            }
        }
    }
}
