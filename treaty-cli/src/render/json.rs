//! `--format json`: one document; its schema is `schemas/validation-report.schema.json`.

use treaty_model::diagnostic::{Omitted, Report};

use super::shown::shown;

/// The report as pretty JSON, with at most `max_per_file` diagnostics of each file listed and
/// the others counted in `omitted`.
pub fn render(report: &Report, elapsed_ms: Option<u64>, max_per_file: usize) -> String {
    let mut doc = report.to_document("treaty", env!("CARGO_PKG_VERSION"), elapsed_ms);
    let shown = shown(report, max_per_file);
    if !shown.omitted.is_empty() {
        doc.diagnostics = shown.diagnostics.into_iter().cloned().collect();
        doc.omitted = shown
            .omitted
            .into_iter()
            .map(|(file, count)| Omitted::new(file, count))
            .collect();
    }
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
