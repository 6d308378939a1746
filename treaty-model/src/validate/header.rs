//! The header every dataset file starts with: `kind` and `schema_version`, and the editor
//! modeline that names the kind's schema. A file whose header fails goes no further.

use std::path::Path;

use serde_json::Value;

use super::locate::Locator;
use super::suppress;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::model::{FileKind, SchemaVersion};
use crate::schema::MODELINE;
use crate::suggest::closest;

/// Checks `kind` and `schema_version`; returns the kind when the file can go on to the schema.
pub(super) fn header(
    value: &Value,
    locator: &Locator<'_>,
    out: &mut Vec<Diagnostic>,
) -> Option<FileKind> {
    let Some(map) = value.as_object() else {
        out.push(
            Diagnostic::new(
                Code::MissingKind,
                "the document is not a mapping with `kind` and `schema_version`",
                Some(locator.node("")),
            )
            .with_help(kinds_help()),
        );
        return None;
    };
    let kind = match map.get("kind") {
        None => {
            out.push(
                Diagnostic::new(
                    Code::MissingKind,
                    "missing `kind`",
                    Some(locator.start_of("")),
                )
                .with_help(kinds_help()),
            );
            return None;
        }
        Some(Value::String(s)) => match s.parse::<FileKind>() {
            Ok(FileKind::Bundle) | Err(()) => {
                let names = FileKind::FILE_KINDS.iter().map(|k| k.as_str());
                let help = match closest(s, names) {
                    _ if s == FileKind::Bundle.as_str() => "a bundle is what `treaty convert` \
                        writes from a whole dataset, for readers of JSON; it is not read back: \
                        validate the dataset's files"
                        .to_owned(),
                    Some(m) => format!("did you mean `{m}`?"),
                    None => kinds_help(),
                };
                out.push(
                    Diagnostic::new(
                        Code::UnknownKind,
                        format!("`{s}` is not a kind of dataset file"),
                        Some(locator.node("/kind")),
                    )
                    .with_help(help),
                );
                return None;
            }
            Ok(k) => k,
        },
        Some(_) => {
            out.push(
                Diagnostic::new(
                    Code::UnknownKind,
                    "`kind` must be text",
                    Some(locator.node("/kind")),
                )
                .with_help(kinds_help()),
            );
            return None;
        }
    };
    match map.get("schema_version") {
        Some(Value::String(s)) => match s.parse::<SchemaVersion>() {
            Ok(v) if v.major != SchemaVersion::CURRENT.major => {
                out.push(
                    Diagnostic::new(
                        Code::UnsupportedSchemaVersion,
                        format!(
                            "the file was written for schema {v}; this validator reads schema {}.x",
                            SchemaVersion::CURRENT.major
                        ),
                        Some(locator.node("/schema_version")),
                    )
                    .with_help("a new major version changes the format: upgrade treaty-model"),
                );
                return None;
            }
            Ok(v) if v.minor > SchemaVersion::CURRENT.minor => out.push(
                Diagnostic::new(
                    Code::NewerSchemaVersion,
                    format!(
                        "the file was written for schema {v}, newer than this validator's {}",
                        SchemaVersion::CURRENT
                    ),
                    Some(locator.node("/schema_version")),
                )
                .with_help(
                    "fields and vocabulary values added after this version are warned of as unknown, not checked: upgrade treaty-model to check them",
                ),
            ),
            Ok(_) => {}
            Err(e) => out.push(
                Diagnostic::new(
                    Code::MissingSchemaVersion,
                    e.to_string(),
                    Some(locator.node("/schema_version")),
                )
                .with_help(format!(
                    "write `schema_version: \"{}\"`",
                    SchemaVersion::CURRENT
                )),
            ),
        },
        Some(other) => out.push(
            Diagnostic::new(
                Code::MissingSchemaVersion,
                format!("`schema_version` must be quoted text, found `{other}`"),
                Some(locator.node("/schema_version")),
            )
            .with_help(format!(
                "write `schema_version: \"{}\"` with the quotes: unquoted, YAML reads a number",
                SchemaVersion::CURRENT
            )),
        ),
        None => out.push(
            Diagnostic::new(
                Code::MissingSchemaVersion,
                "missing `schema_version`",
                Some(locator.start_of("")),
            )
            .with_help(format!(
                "add `schema_version: \"{}\"`",
                SchemaVersion::CURRENT
            )),
        ),
    }
    Some(kind)
}

/// A modeline: its line's index and start, the line, and the target it names.
type Modeline<'t> = (usize, usize, &'t str, &'t str);

/// The modeline in the file's header.
fn find_modeline(text: &str) -> Option<Modeline<'_>> {
    crate::diagnostic::source_lines(text)
        .enumerate()
        .take_while(|(_, (_, l))| crate::schema::in_header(l))
        .find_map(|(i, (start, l))| {
            l.trim_start()
                .strip_prefix(MODELINE)
                .map(|s| (i, start, l, s.trim()))
        })
}

/// The kind whose schema a modeline's target names (`../../schemas/powers.schema.json`).
fn kind_of_schema(target: &str) -> Option<FileKind> {
    let name = target.rsplit('/').next().unwrap_or(target);
    name.strip_suffix(".schema.json")?.parse().ok()
}

/// The kind the modeline of `text` names, for a file whose own header cannot be read: what it
/// most likely is, since a modeline that contradicts `kind` is an error of its own.
pub(super) fn modeline_kind(text: &str) -> Option<FileKind> {
    kind_of_schema(find_modeline(text)?.3)
}

fn kinds_help() -> String {
    let names: Vec<&str> = FileKind::FILE_KINDS.iter().map(|k| k.as_str()).collect();
    format!("`kind` is one of: {}", names.join(", "))
}

/// The editor modeline must name the schema of the file's kind. `text` starts `base` bytes into
/// the file (after a byte order mark). Returns the other kind whose schema it names, if any.
///
/// A file with a place on disk (`on_disk`: its path) is asked more, since a modeline is read
/// from the file's folder: the help of a missing modeline gives the line to write, and a
/// modeline that finds no schema from there is warned of ([`modeline_not_found`]). A file
/// given in memory has no folder, and is not asked.
pub(super) fn modeline(
    path: &str,
    text: &str,
    base: usize,
    kind: FileKind,
    on_disk: Option<&Path>,
    out: &mut Vec<Diagnostic>,
) -> Option<FileKind> {
    let expected = crate::schema::file_name(kind);
    let folder = on_disk.map(crate::schema::folder_of);
    let Some(modeline) = find_modeline(text) else {
        let target = folder
            .and_then(|f| crate::schema::schema_above(f, &expected))
            .unwrap_or_else(|| format!("<relative path>/schemas/{expected}"));
        out.push(
            Diagnostic::new(
                Code::MissingModeline,
                "the file has no `# yaml-language-server: $schema=...` line",
                Some(Location::file_start(path)),
            )
            .with_help(format!(
                "add `{MODELINE}{target}` as the first line so editors validate as you type"
            )),
        );
        return None;
    };
    let target = modeline.3;
    let name = target.rsplit('/').next().unwrap_or(target);
    if name != expected {
        let named = kind_of_schema(name);
        out.push(
            Diagnostic::new(
                Code::ModelineMismatch,
                format!("the modeline names `{name}`, but the file's kind is `{kind}`"),
                Some(target_location(path, base, modeline)),
            )
            .with_help(match named {
                Some(named) => format!(
                    "if `kind: {kind}` is right, point the modeline at `{expected}`; \
                     if the modeline is right, write `kind: {named}`"
                ),
                None => format!("point it at `{expected}`"),
            }),
        );
        return named;
    }
    if let Some(folder) = folder {
        out.extend(modeline_not_found(path, base, modeline, folder, &expected));
    }
    None
}

/// Where a modeline's target stands in the file (`text` starting `base` bytes in).
fn target_location(path: &str, base: usize, (i, start, line, target): Modeline<'_>) -> Location {
    let line_no = u32::try_from(i + 1).unwrap_or(u32::MAX);
    // `target` is a slice of `line`: its byte position there, whatever spaces surround it.
    let at = (target.as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
    let mut loc = Location::file_start(path);
    loc.start = suppress::position(base, line_no, start, line, at);
    loc.end = suppress::position(base, line_no, start, line, at + target.len());
    loc
}

/// A warning when the modeline of a file in `folder`, naming its kind's schema `expected`,
/// leads to no file, while a `schemas/` folder above the file holds the schema.
/// yaml-language-server resolves a relative target from the file's folder and, finding
/// nothing, checks nothing and says nothing: the maintainer loses the checks as they type
/// without knowing (a file moved to another folder, a `../` too few). With no such schema
/// above the file (a copy of a dataset on its own, an editor given the schemas by its
/// settings), what the modeline should say cannot be told, and nothing is said. An address
/// (`https://...`) is not fetched: a validation reads no network.
fn modeline_not_found(
    path: &str,
    base: usize,
    modeline: Modeline<'_>,
    folder: &Path,
    expected: &str,
) -> Option<Diagnostic> {
    let target = modeline.3;
    if is_address(target) {
        return None;
    }
    // A new file in a folder that does not exist yet (an editor's unsaved buffer) has no
    // schema above it to be found.
    let found = crate::schema::modeline_correction(folder, target, expected)?;
    Some(
        Diagnostic::new(
            Code::ModelineNotFound,
            format!(
                "no file is at `{target}` from the file's folder: editors find no schema and check nothing as you type"
            ),
            Some(target_location(path, base, modeline)),
        )
        .with_help(format!(
            "point it at `{found}`, the nearest `schemas/{expected}` above the file"
        )),
    )
}

/// Whether a modeline's target is an address (`https://...`, `file:///...`) rather than a
/// path. A drive letter (`C:/schemas`) is a path: a scheme has two letters or more.
fn is_address(target: &str) -> bool {
    target.split_once(':').is_some_and(|(scheme, _)| {
        scheme.len() > 1
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_told_from_a_path() {
        for address in [
            "https://un-cybercrime-data.github.io/treaty-model/schemas/v1/powers.schema.json",
            "http://localhost:8000/powers.schema.json",
            "file:///home/me/schemas/powers.schema.json",
        ] {
            assert!(is_address(address), "{address}");
        }
        for path in [
            "../../schemas/powers.schema.json",
            "/home/me/schemas/powers.schema.json",
            "C:/schemas/powers.schema.json",
            "schemas/powers.schema.json",
        ] {
            assert!(!is_address(path), "{path}");
        }
    }

    /// An address names the schema as a path would, but is never looked up (a validation reads
    /// no network), where a relative path that leads nowhere, in the same place, is warned of.
    #[test]
    fn a_modeline_naming_an_address_is_not_looked_up() {
        let dir = std::env::temp_dir().join(format!("treaty-header-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("schemas")).unwrap();
        std::fs::create_dir_all(dir.join("powers")).unwrap();
        std::fs::write(dir.join("schemas/powers.schema.json"), "{}").unwrap();
        let file = dir.join("powers/domestic.yaml");
        let codes = |target: &str| {
            let text = format!("{MODELINE}{target}\n");
            let mut out = Vec::new();
            let named = modeline("p.yaml", &text, 0, FileKind::Powers, Some(&file), &mut out);
            assert_eq!(named, None);
            out.iter().map(|d| d.code).collect::<Vec<_>>()
        };
        let address = codes("https://example.org/v1/powers.schema.json");
        let short = codes("../../schemas/powers.schema.json");
        let right = codes("../schemas/powers.schema.json");
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(address, []);
        assert_eq!(short, [Code::ModelineNotFound]);
        assert_eq!(right, []);
    }
}
