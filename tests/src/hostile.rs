//! Hostile inputs, generated in memory (or on disk), shared by `tests/tests/hostile.rs`, which
//! asserts each one's diagnostic, and the `hostile-measure` binary, which measures each one's
//! wall time and peak memory in a process of its own (`docs/RELIABILITY.md`).

use std::path::{Path, PathBuf};

use treaty_model::diagnostic::Report;
use treaty_model::validate::{Input, Options, Validation, validate_inputs, validate_paths};

/// The path under which an in-memory hostile file is validated.
pub const FILE: &str = "hostile.yaml";

/// Depth of the deep-nesting cases.
pub const DEEP: usize = 100_000;

/// Depth of the block-mapping case: a block mapping nested `n` deep needs `n * (n - 1) / 2`
/// bytes of indentation at one space per level, so 100 000 levels would be a 5 GB file (over
/// the size limit); 10 000 levels (50 MB) is the deepest that fits under 64 MiB with room.
pub const DEEP_BLOCK_MAP: usize = 10_000;

/// Size of the huge-scalar case: 100 MB, above the default 64 MiB limit.
pub const HUGE: usize = 100_000_000;

/// The first lines of a valid `sources` file (the modeline, `kind`, `schema_version`).
pub const HEADER: &str = "# yaml-language-server: $schema=../schemas/sources.schema.json\n\
                          kind: sources\n\
                          schema_version: \"1.0\"\n";

/// One valid source entry, for files that must otherwise be valid.
pub const SOURCE: &str = "  - id: hostile-source\n    title: Hostile source\n    kind: reference\n    verification: unverified\n    url: https://example.org/hostile-source\n";

/// A file that is valid beside the base: header and one source.
pub fn valid_sources() -> String {
    format!("{HEADER}sources:\n{SOURCE}")
}

/// Billion laughs: nine levels, each anchor a list of nine aliases to the one before
/// (9^9 = 387 420 489 strings if expanded).
pub fn billion_laughs() -> Vec<u8> {
    let mut s = format!("{HEADER}a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    for pair in names.windows(2) {
        let (prev, next) = (pair[0], pair[1]);
        let items = vec![format!("*{prev}"); 9].join(", ");
        s.push_str(&format!("{next}: &{next} [{items}]\n"));
    }
    s.into_bytes()
}

/// `sources:` then a block sequence nested [`DEEP`] levels on one line: `- - - - ... x`.
pub fn deep_block_seq() -> Vec<u8> {
    let mut s = format!("{HEADER}sources:\n  ");
    s.push_str(&"- ".repeat(DEEP));
    s.push_str("x\n");
    s.into_bytes()
}

/// `sources: [[[[...]]]]`, [`DEEP`] levels.
pub fn deep_flow_seq() -> Vec<u8> {
    let mut s = format!("{HEADER}sources: ");
    s.push_str(&"[".repeat(DEEP));
    s.push_str(&"]".repeat(DEEP));
    s.push('\n');
    s.into_bytes()
}

/// `sources: {a: {a: ... {a: x} ...}}`, [`DEEP`] levels.
pub fn deep_flow_map() -> Vec<u8> {
    let mut s = format!("{HEADER}sources: ");
    s.push_str(&"{a: ".repeat(DEEP));
    s.push('x');
    s.push_str(&"}".repeat(DEEP));
    s.push('\n');
    s.into_bytes()
}

/// A block mapping nested [`DEEP_BLOCK_MAP`] levels, one space of indentation per level.
pub fn deep_block_map() -> Vec<u8> {
    let n = DEEP_BLOCK_MAP;
    let mut s = String::with_capacity(HEADER.len() + n * (n + 5) / 2 + 16);
    s.push_str(HEADER);
    s.push_str("sources:\n");
    for level in 1..=n {
        s.extend(std::iter::repeat_n(' ', level));
        s.push_str("a:\n");
    }
    s.into_bytes()
}

/// A valid sources file whose one source has a [`HUGE`]-byte title (a plain scalar).
pub fn huge_scalar() -> Vec<u8> {
    let mut s = String::with_capacity(HUGE + 512);
    s.push_str(HEADER);
    s.push_str("sources:\n  - id: hostile-source\n    kind: reference\n");
    s.push_str(
        "    verification: unverified\n    url: https://example.org/hostile-source\n    title: ",
    );
    s.extend(std::iter::repeat_n('a', HUGE));
    s.push('\n');
    s.into_bytes()
}

/// A valid file with one Latin-1 byte (`é` as 0xE9) in a title on line 6.
pub fn invalid_utf8() -> Vec<u8> {
    let mut b = format!("{HEADER}sources:\n  - id: hostile-source\n    title: caf").into_bytes();
    b.push(0xE9);
    b.extend_from_slice(b"\n    kind: reference\n    verification: unverified\n");
    b
}

/// A valid file with a NUL byte in a title on line 6.
pub fn nul_byte() -> Vec<u8> {
    format!("{HEADER}sources:\n  - id: hostile-source\n    title: a\0b\n    kind: reference\n    verification: unverified\n").into_bytes()
}

/// A valid file preceded by a UTF-8 byte order mark.
pub fn byte_order_mark() -> Vec<u8> {
    let mut b = b"\xEF\xBB\xBF".to_vec();
    b.extend_from_slice(valid_sources().as_bytes());
    b
}

/// A file with three mistakes (an unknown field, a wrong type, a bad value), with `\n` line
/// ends, or `\r\n` when `crlf`.
pub fn line_ends(crlf: bool) -> Vec<u8> {
    let text = format!(
        "{HEADER}sources:\n  - id: hostile-source\n    title: Hostile ☃ source\n    kind: referense\n    verification: unverified\n    publisherr: x\n  - id: hostile-source-2\n    title: [not, text]\n    kind: news\n    verification: unverified\n"
    );
    if crlf {
        text.replace('\n', "\r\n").into_bytes()
    } else {
        text.into_bytes()
    }
}

/// A tab in the indentation of line 7.
pub fn tab_indentation() -> Vec<u8> {
    format!("{HEADER}sources:\n  - id: hostile-source\n    title: Hostile source\n\tkind: reference\n    verification: unverified\n").into_bytes()
}

/// YAML 1.1 booleans and an octal-looking number as values: `no`, `on`, `0755`.
pub fn yaml11() -> Vec<u8> {
    format!("{HEADER}sources:\n  - id: hostile-source\n    title: no\n    publisher: on\n    kind: reference\n    verification: unverified\n    note: 0755\n").into_bytes()
}

/// A merge key `<<: *base`.
pub fn merge_key() -> Vec<u8> {
    format!("{HEADER}sources:\n  - &base\n    id: hostile-source\n    title: Hostile source\n    kind: reference\n    verification: unverified\n  - <<: *base\n    id: hostile-source-2\n").into_bytes()
}

/// A custom tag and a standard one.
pub fn custom_tags() -> Vec<u8> {
    format!("{HEADER}sources:\n  - id: hostile-source\n    title: !custom Hostile source\n    kind: !!str reference\n    verification: unverified\n").into_bytes()
}

/// Two YAML documents.
pub fn multiple_documents() -> Vec<u8> {
    format!("---\n{}---\n{}", valid_sources(), valid_sources()).into_bytes()
}

/// A JSON sources file with a trailing comma after the last source (line 9, column 4).
pub fn json_trailing_comma() -> Vec<u8> {
    b"{\n  \"kind\": \"sources\",\n  \"schema_version\": \"1.0\",\n  \"sources\": [\n    {\"id\": \"hostile-source\",\n     \"title\": \"Hostile source\",\n     \"kind\": \"reference\",\n     \"verification\": \"unverified\"}\n   ,]\n}\n".to_vec()
}

/// Options with the defaults, except the size limit.
pub fn options_with_max_bytes(max_bytes: usize) -> Options {
    let mut options = Options::default();
    options.limits.max_bytes = max_bytes;
    options
}

/// Validates `bytes` as `name` beside the fuzzers' small valid base dataset.
pub fn validate_named(name: &str, bytes: Vec<u8>, options: &Options) -> Validation {
    let mut inputs = crate::fuzz::base_inputs();
    inputs.push(Input::new(name.to_owned(), bytes));
    validate_inputs(&inputs, options)
}

/// Validates `bytes` as [`FILE`] beside the base, with the default options.
pub fn validate(bytes: Vec<u8>) -> Validation {
    validate_named(FILE, bytes, &Options::default())
}

/// `severity code line:column` of every diagnostic (reported or suppressed) located in `file`,
/// in report order, as the fixture `.expected` files write them.
pub fn diagnostics_in(report: &Report, file: &str) -> Vec<String> {
    report
        .diagnostics
        .iter()
        .filter_map(|d| {
            let l = d.location.as_ref()?;
            (l.file == file).then(|| {
                format!(
                    "{} {} {}:{}",
                    d.severity, d.code, l.start.line, l.start.column
                )
            })
        })
        .collect()
}

/// A fresh, empty directory under the system's temporary directory.
pub fn temp_dir(label: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "treaty-hostile-{label}-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos())
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    dir
}

/// How many files [`write_base`] writes.
pub const BASE_FILES: usize = 7;

/// Writes the base dataset into `dir`, so that a directory validation has a valid dataset.
pub fn write_base(dir: &Path) {
    for input in crate::fuzz::base_inputs() {
        let name = Path::new(&input.path)
            .file_name()
            .expect("a file name")
            .to_owned();
        std::fs::write(dir.join(name), &input.bytes).expect("a writable temporary directory");
    }
}

/// A sparse file of `len` bytes (no data written: it costs no disk).
pub fn sparse_file(path: &Path, len: u64) -> std::io::Result<()> {
    std::fs::File::create(path)?.set_len(len)
}

/// Validates the directory `dir` with the default options.
pub fn validate_dir(dir: &Path) -> Validation {
    validate_paths(&[dir.to_path_buf()], &Options::default())
}

/// Whether this process can read a file whose permissions forbid it (root, or a capability
/// such as CAP_DAC_OVERRIDE): then `chmod 000` proves nothing.
pub fn reads_despite_permissions(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("permission-probe");
    if std::fs::write(&probe, b"x").is_err() {
        return false;
    }
    let _ = std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o000));
    let readable = std::fs::read(&probe).is_ok();
    let _ = std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o600));
    let _ = std::fs::remove_file(&probe);
    readable
}
