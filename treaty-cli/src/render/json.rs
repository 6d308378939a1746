//! `--format json`: one document; its schema is `schemas/validation-report.schema.json`.

use treaty_model::diagnostic::Report;

/// The report as pretty JSON.
pub fn render(report: &Report, elapsed_ms: Option<u64>) -> String {
    let doc = report.to_document("treaty", env!("CARGO_PKG_VERSION"), elapsed_ms);
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
