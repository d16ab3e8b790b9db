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

/// A source's code without its unit tests: what follows `#[cfg(test)]`, and
/// all of a unit-test module kept in its own file (`*_tests.rs`).
fn without_tests<'a>(path: &Path, text: &'a str) -> &'a str {
    if path.to_string_lossy().ends_with("_tests.rs") {
        return "";
    }
    text.split("#[cfg(test)]").next().unwrap_or_default()
}

/// The Rust sources under `src/`, with their paths relative to it (`/`
/// separated).
fn rust_sources() -> Vec<(String, PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    files("src")
        .into_iter()
        .filter_map(|(path, text)| {
            let relative = path
                .strip_prefix(&root)
                .ok()?
                .to_string_lossy()
                .replace('\\', "/");
            relative.ends_with(".rs").then_some((relative, path, text))
        })
        .collect()
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
        let text = without_tests(&path, &text);
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
            // `field: Type = "Wire",` or `field: Type = "Wire" [markers],`
            let (_, rest) = l.trim().split_once(" = \"")?;
            let (wire, after) = rest.split_once('"')?;
            (after == "," || after.starts_with(" [")).then(|| wire.to_owned())
        })
        .collect()
}

/// The wire names a source's code (its unit tests left out: see
/// [`without_tests`]) spells in quotes (a string literal, or a quoted name
/// inside a raw string such as a schema's text): doc and line comments left out.
fn quoted_wire_names(code: &str, wires: &std::collections::BTreeSet<String>) -> Vec<String> {
    code.lines()
        .map(str::trim_start)
        .filter(|line| !line.starts_with("//"))
        .map(|line| line.split(" // ").next().unwrap_or_default())
        .flat_map(|line| {
            wires
                .iter()
                .filter(move |w| line.contains(&format!("\"{w}\"")))
                .cloned()
        })
        .collect()
}

/// Code outside the model names members through `Wire::<Shape>::field` (or
/// the table's markers), so a misspelled wire name does not compile: no
/// source outside `src/model` spells one (model v3; unit tests aside).
#[test]
fn wire_names_are_spelled_only_in_the_model() {
    let wires = wire_names();
    assert!(wires.len() > 100, "{}", wires.len());
    assert!(
        wires.contains("Checkpoint") && wires.contains("HostId"),
        "marked lines too"
    );
    let mut checked = 0;
    for (relative, path, text) in rust_sources() {
        if relative.starts_with("model/") {
            continue;
        }
        let spelled = quoted_wire_names(without_tests(&path, &text), &wires);
        assert!(
            spelled.is_empty(),
            "src/{relative} spells wire names {spelled:?}: use Wire::<Shape>::field or a marker"
        );
        checked += 1;
    }
    assert!(checked > 40, "{checked}");
    // the scan sees a quoted name, in code and in a raw string alike
    let sample = "let x = \"DtsJobId\";\nlet y = r#\"{\"Checkpoint\":1}\"#; // \"Delay\"";
    assert_eq!(quoted_wire_names(sample, &wires), ["DtsJobId", "Checkpoint"]);
}

/// The layers of `docs/ARCHITECTURE.md`, bottom first: a source may name
/// (`crate::…`) only what its own layer or a layer below holds.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "values",
        &["value.rs", "scalar.rs", "stack.rs", "timestamp.rs", "error.rs"],
    ),
    ("model", &["model/"]),
    ("decoding contract", &["de/"]),
    ("forms", &["codec/"]),
    ("meaning", &["task/", "embedded.rs"]),
    ("validation", &["validate/"]),
    ("entry points", &["parser.rs", "deserialize.rs"]),
    ("facade", &["lib.rs", "json.rs", "xml.rs"]),
    (
        "after reading",
        &["export/", "diff.rs", "metrics.rs", "schema.rs"],
    ),
    ("command line", &["cli/", "main.rs"]),
];

/// The layer of a source, by its path under `src/`.
fn layer_of(relative: &str) -> usize {
    LAYERS
        .iter()
        .position(|(_, members)| {
            members
                .iter()
                .any(|m| relative == *m || (m.ends_with('/') && relative.starts_with(m)))
        })
        .unwrap_or_else(|| panic!("src/{relative} is in no layer: add it to LAYERS and the picture"))
}

/// What `crate::a::b::…` names, as a source path under `src/`: the deepest
/// module file that exists; a name the crate root re-exports (`crate::Error`)
/// resolves to the module it comes from.
fn resolve(path: &str, root_names: &std::collections::HashMap<String, String>) -> String {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let Some(first) = segments.first() else {
        return "lib.rs".into();
    };
    if let Some(module) = root_names.get(*first) {
        return resolve(module, root_names);
    }
    let mut found = String::from("lib.rs");
    for depth in 1..=segments.len() {
        let dir = segments[..depth].join("/");
        for candidate in [format!("{dir}.rs"), format!("{dir}/mod.rs")] {
            if src.join(&candidate).is_file() {
                found = candidate;
            }
        }
    }
    found
}

/// The names the crate root re-exports (`pub use module::{A, B}`), by the
/// module they come from.
fn root_names(lib: &str) -> std::collections::HashMap<String, String> {
    let mut names = std::collections::HashMap::new();
    for statement in lib.split(';') {
        let Some(rest) = statement.trim().strip_prefix("pub use ") else {
            continue;
        };
        let (module, list) = match rest.split_once("::{") {
            Some((module, list)) => (module, list.trim_end_matches('}')),
            None => match rest.rsplit_once("::") {
                Some(pair) => pair,
                None => continue,
            },
        };
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            names.insert(name.to_owned(), module.to_owned());
        }
    }
    names
}

/// Every `crate::…` path a source's code (unit tests left out) names,
/// comments aside; `crate::{a, b}` counts as `crate::a` and `crate::b`.
fn crate_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    for line in code.lines().map(str::trim_start).filter(|l| !l.starts_with("//")) {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let end = group.find('}').unwrap_or(group.len());
                paths.extend(
                    group[..end]
                        .split(',')
                        .map(|n| n.trim().to_owned())
                        .filter(|n| !n.is_empty()),
                );
            } else {
                let end = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                    .unwrap_or(rest.len());
                paths.push(rest[..end].to_owned());
            }
        }
    }
    paths
}

/// The whole layer picture, not only its bottom: no source names a layer
/// above its own, so there is no import circle between layers (model v3:
/// the JSON and XML readers imported the `Parser`, which imports them).
#[test]
fn every_layer_names_only_itself_and_the_layers_below() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = fs::read_to_string(root.join("lib.rs")).expect("lib.rs");
    let names = root_names(&lib);
    assert!(names.get("Parser").is_some_and(|m| m == "parser"), "{names:?}");
    let mut checked = 0;
    for (relative, path, text) in rust_sources() {
        let own = layer_of(&relative);
        for named in crate_paths(without_tests(&path, &text)) {
            let target = resolve(&named, &names);
            let theirs = layer_of(&target);
            assert!(
                theirs <= own,
                "src/{relative} ({}) names crate::{named} in src/{target} ({}), a layer above",
                LAYERS[own].0,
                LAYERS[theirs].0
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn the_layer_check_notices_a_name_from_above() {
    let names = root_names("pub use parser::{Format, Parser};\npub use error::{Error, ErrorKind};");
    assert_eq!(resolve("Parser::new", &names), "parser.rs");
    assert_eq!(resolve("codec::json::de::read", &names), "codec/json/de.rs");
    assert_eq!(resolve("json::to_string", &names), "json.rs");
    assert_eq!(
        crate_paths("use crate::{Document, Parser};\n// crate::cli\nlet x = crate::de::deeper;"),
        ["Document", "Parser", "de::deeper"]
    );
    assert!(layer_of(&resolve("Parser", &names)) > layer_of("codec/json/mod.rs"));
}

/// Small rooms (model v3): no source over 800 lines, but the model's table.
#[test]
fn no_module_is_over_800_lines_but_the_models_table() {
    let mut checked = 0;
    for (relative, _, text) in rust_sources() {
        if relative == "model/mod.rs" {
            continue;
        }
        let lines = text.lines().count();
        assert!(
            lines <= 800,
            "src/{relative} has {lines} lines: split it by concern"
        );
        checked += 1;
    }
    assert!(checked > 40, "{checked}");
}
