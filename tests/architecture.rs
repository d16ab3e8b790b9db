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
        // unit tests may build their inputs with the layers above
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
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

/// Every file name in the repository (to check the documents a text names).
fn repository_names(dir: &Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).expect("readable dir") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name == "target" || name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            repository_names(&path, out);
        } else {
            out.push(name);
        }
    }
}

/// A text cites only what the repository holds: every relative path that
/// climbs (`../…`) resolves inside the repository, every `*.md` document it
/// names is one of the repository's, and nothing cites a section of a
/// specification by its section sign.
#[test]
fn no_document_outside_the_repository_is_cited() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut names = Vec::new();
    repository_names(root, &mut names);
    let token = |rest: &str| -> String {
        rest.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '/' | '_' | '-'))
            .collect()
    };
    let mut texts: Vec<(PathBuf, String)> = ["src", "tests", "benches", "docs", "python"]
        .iter()
        .flat_map(|dir| files(dir))
        .collect();
    for top in ["README.md", "CHANGELOG.md"] {
        let path = root.join(top);
        let text = fs::read_to_string(&path).expect("utf-8 document");
        texts.push((path, text));
    }
    for (path, text) in texts {
        let dir = path.parent().expect("a file has a folder");
        for (at, _) in text.match_indices("../") {
            // only where a path starts: a climb of two levels is one path
            if text[..at].ends_with(['.', '/']) {
                continue;
            }
            let relative = token(&text[at..]);
            let target = dir.join(&relative).canonicalize();
            let inside = target.as_ref().is_ok_and(|t| t.starts_with(root));
            assert!(
                inside,
                "{} cites {relative}, outside the repository",
                path.display()
            );
        }
        for (at, _) in text.match_indices(".md") {
            let start = text[..at]
                .rfind(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-')))
                .map_or(0, |i| i + 1);
            let name = format!("{}.md", &text[start..at]);
            if start < at {
                assert!(
                    names.contains(&name),
                    "{} cites {name}, not in the repository",
                    path.display()
                );
            }
        }
        assert!(
            !text.contains('\u{a7}'),
            "{} cites a section of a specification",
            path.display()
        );
    }
}

/// The model's wire names (`field: Type = "Wire",` lines of its table).
fn wire_names() -> std::collections::BTreeSet<String> {
    let table = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model/mod.rs"))
        .expect("the model");
    table
        .lines()
        .filter_map(|l| {
            l.trim()
                .strip_suffix("\",")?
                .rsplit_once("= \"")
                .map(|(_, w)| w.to_owned())
        })
        .collect()
}

/// The wire names a source's code spells in quotes (a string literal, or
/// a quoted name inside a raw string such as a schema's text): doc and line
/// comments and its unit tests (after `#[cfg(test)]`) left out.
fn quoted_wire_names(text: &str, wires: &std::collections::BTreeSet<String>) -> Vec<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    code.lines()
        .map(str::trim_start)
        .filter(|line| !line.starts_with("//"))
        .flat_map(|line| {
            wires
                .iter()
                .filter(move |w| line.contains(&format!("\"{w}\"")))
                .cloned()
        })
        .collect()
}

/// Code outside the model names members through `Wire::<Shape>::field`, so a
/// misspelled wire name does not compile. A ratchet: the files below still
/// spell some; a file leaves the list when it is moved, and no file joins it.
#[test]
fn wire_names_are_spelled_only_in_the_model() {
    const NOT_YET_MOVED: &[&str] = &[
        // the envelope test inside the schema's text: wants the envelope's own table
        "src/schema.rs",
    ];
    let wires = wire_names();
    assert!(wires.len() > 100, "{}", wires.len());
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (path, text) in files("src") {
        let relative = path
            .strip_prefix(root)
            .expect("inside")
            .to_string_lossy()
            .replace('\\', "/");
        if relative.starts_with("src/model/") || !relative.ends_with(".rs") {
            continue;
        }
        let spelled = quoted_wire_names(&text, &wires);
        if NOT_YET_MOVED.contains(&relative.as_str()) {
            assert!(
                !spelled.is_empty(),
                "{relative} spells no wire name now: take it off the list"
            );
        } else {
            assert!(
                spelled.is_empty(),
                "{relative} spells wire names {spelled:?}: use Wire::<Shape>::field"
            );
        }
    }
}
