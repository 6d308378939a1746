//! Benchmarks of each phase of validation and conversion, on generated data
//! (`treaty_tests::generate`). `cargo bench -p treaty-tests --bench phases`.
//!
//! The data is generated on first use into `target/bench-phases/`: one big powers file of
//! `TREATY_BENCH_MB` megabytes (default 5) for the per-phase benchmarks, a split dataset of the
//! same size for whole-dataset validation, and a broken copy of it for rendering diagnostics.
//! Each group reports throughput in bytes of YAML per second.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use treaty_model::FileKind;
use treaty_model::syntax::{Limits, parse_json, parse_yaml};
use treaty_model::validate::{Input, Options, bench, validate_inputs, validate_paths};
use treaty_tests::generate::{Layout, generate};

// Measure with the allocator the `treaty` binary uses.
#[global_allocator]
static ALLOCATOR: treaty_cli::Allocator = treaty_cli::ALLOCATOR;

fn megabytes() -> f64 {
    std::env::var("TREATY_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5.0)
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// `target/bench-phases/<name>-<MB>`, generated when missing.
fn data(name: &str, layout: Layout) -> PathBuf {
    let mb = megabytes();
    let dir = root().join(format!("target/bench-phases/{name}-{mb}"));
    if !dir.exists() {
        let tmp = dir.with_extension("tmp");
        let _ = std::fs::remove_dir_all(&tmp);
        generate(&root().join("datasets"), &tmp, (mb * 1e6) as u64, layout)
            .expect("benchmark data generated");
        std::fs::rename(&tmp, &dir).expect("benchmark data in place");
    }
    dir
}

fn inputs(dir: &Path) -> Vec<Input> {
    let (files, _) = treaty_model::validate::discover(&[dir.to_owned()]);
    files
        .into_iter()
        .map(|p| {
            Input::new(
                p.display().to_string(),
                std::fs::read(&p).expect("readable"),
            )
        })
        .collect()
}

fn phases(c: &mut Criterion) {
    let dir = data("single", Layout::Single);
    let path = dir.join("powers/generated.yaml");
    let shown = path.display().to_string();
    let bytes = std::fs::read(&path).expect("generated file");
    let limits = Limits::default();
    let doc = parse_yaml(&bytes, &limits).doc.expect("parses");
    let json = treaty_model::convert::to_json(&doc.value);

    let mut g = c.benchmark_group(format!("phase ({} MB powers file)", megabytes()));
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("parse_yaml (value + spans)", |b| {
        b.iter(|| parse_yaml(black_box(&bytes), &limits));
    });
    g.bench_function("schema", |b| {
        b.iter(|| bench::schema(FileKind::Powers, &shown, black_box(&doc)));
    });
    g.bench_function("typed + references", |b| {
        b.iter(|| bench::references(FileKind::Powers, &shown, black_box(&doc)));
    });
    g.bench_function("typed (by move)", |b| {
        b.iter_batched(
            || doc.value.clone(),
            |v| serde_json::from_value::<treaty_model::Powers>(v).expect("typed"),
            BatchSize::LargeInput,
        );
    });
    g.bench_function("one file, every check", |b| {
        let one = [Input::new(shown.clone(), bytes.clone())];
        b.iter(|| bench::check(black_box(&one)));
    });
    g.bench_function(
        "yaml -> json (validate_file, then to_json of its value)",
        |b| {
            let options = treaty_model::validate::Options::default();
            b.iter(|| {
                let v = treaty_model::validate::validate_file(black_box(&path), &options);
                v.value.as_ref().map(treaty_model::convert::to_json)
            });
        },
    );
    g.bench_function(
        "yaml -> json (parse_yaml + to_json of the whole value)",
        |b| {
            b.iter(|| {
                let doc = parse_yaml(black_box(&bytes), &limits).doc.expect("parses");
                treaty_model::convert::to_json(&doc.value)
            });
        },
    );
    g.bench_function("json -> yaml", |b| {
        b.iter(|| {
            let doc = parse_json(black_box(json.as_bytes()), &limits)
                .doc
                .expect("parses");
            treaty_model::convert::to_yaml(&doc.value)
        });
    });
    g.finish();
}

fn dataset(c: &mut Criterion) {
    let dir = data("split", Layout::Split);
    let files = inputs(&dir);
    let total: usize = files.iter().map(|i| i.bytes.len()).sum();
    let checked = bench::check(&files);
    let mut g = c.benchmark_group(format!("dataset ({} MB split)", megabytes()));
    g.sample_size(10);
    g.throughput(Throughput::Bytes(total as u64));
    g.bench_function("cross-file checks", |b| {
        b.iter(|| bench::cross_file(black_box(&checked)));
    });
    g.bench_function("validate_inputs (parallel, with dataset)", |b| {
        b.iter(|| validate_inputs(black_box(&files), &Options::default()));
    });
    let mut report_only = Options::default();
    report_only.dataset = false;
    g.bench_function("validate_paths (parallel, report only)", |b| {
        b.iter(|| validate_paths(std::slice::from_ref(&dir), &report_only));
    });
    g.finish();
}

/// The split dataset with every assessment's source misspelt: one unknown-reference error
/// (with a "did you mean") per entry.
fn broken() -> PathBuf {
    let dir = data("split", Layout::Split);
    let broken = dir.with_file_name(format!(
        "{}-broken",
        dir.file_name().unwrap_or_default().to_string_lossy()
    ));
    if !broken.exists() {
        let (files, _) = treaty_model::validate::discover(std::slice::from_ref(&dir));
        for f in files {
            let rel = f.strip_prefix(&dir).expect("inside");
            let to = broken.join(rel);
            std::fs::create_dir_all(to.parent().expect("parent")).expect("dir");
            let text = std::fs::read_to_string(&f).expect("text");
            let text = if rel.starts_with("assessments") {
                text.replace("- reference-facts", "- reference-fact")
            } else {
                text
            };
            std::fs::write(&to, text).expect("written");
        }
    }
    broken
}

fn render(c: &mut Criterion) {
    let dir = broken();
    let report = validate_paths(&[dir], &Options::default()).report;
    let mut g = c.benchmark_group(format!("render {} diagnostics", report.diagnostics.len()));
    g.sample_size(10);
    g.throughput(Throughput::Elements(report.diagnostics.len() as u64));
    let plain = treaty_cli::render::human::Style::plain();
    g.bench_function("human (with snippets)", |b| {
        b.iter(|| treaty_cli::render::human::render(black_box(&report), None, plain));
    });
    g.bench_function("json", |b| {
        b.iter(|| treaty_cli::render::json::render(black_box(&report), None, usize::MAX));
    });
    g.bench_function("github", |b| {
        b.iter(|| treaty_cli::render::github::render(black_box(&report), usize::MAX));
    });
    g.bench_function("sarif", |b| {
        b.iter(|| treaty_cli::render::sarif::render(black_box(&report), usize::MAX));
    });
    g.finish();
}

fn bundled(c: &mut Criterion) {
    let mut g = c.benchmark_group("bundled");
    let files: Vec<Input> = treaty_model::bundled_files()
        .iter()
        .map(|(path, text)| Input::new((*path).to_owned(), text.as_bytes().to_vec()))
        .collect();
    // What the first call to `bundled()` does; later calls return the cached dataset.
    g.bench_function("first access (validate the embedded files)", |b| {
        b.iter(|| validate_inputs(black_box(&files), &Options::default()));
    });
    let _ = treaty_model::bundled();
    g.bench_function("repeated access", |b| b.iter(treaty_model::bundled));
    g.finish();
}

criterion_group!(benches, phases, dataset, render, bundled);
criterion_main!(benches);
