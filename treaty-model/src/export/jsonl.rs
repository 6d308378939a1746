//! JSON Lines: one entity per line.

use serde::Serialize;
use serde_json::{Map, Value};

use super::{Entry, NewerSchema, exportable, provisions};
use crate::dataset::Dataset;
use crate::model::Bundle;

/// Writes the dataset as JSON Lines: one JSON object per entity, each on its own line ended by
/// `\n`.
///
/// Each object starts with `"entity"`, the name of the matching table of
/// [`tables`](crate::export::tables), then the ids of its parents that it needs to be read on
/// its own (a power carries `"text_version"`, a concern `"analysis"`, a recommendation
/// `"analysis"` and `"concern"`), then the entity's own fields exactly as serde writes them.
/// Lists of child entities that have lines of their own are left out of the parent (a concern
/// line has no `recommendations`); lists of ids stay (a power keeps its `data_categories`,
/// so there are no `power_data_categories` lines). The file headers `kind` and
/// `schema_version` are left out. Entities come in table order, then file and entry order.
///
/// Entities that differ from their table: `provisions` lines are paragraphs, points and
/// subpoints (the article level is the `articles` line, with all of its fields), and
/// `assessments` lines are the assessed powers and, with a `"safeguard"`, their safeguards,
/// each carrying the assessment's `"assessment_summary"` (when it has one) and
/// `"assessment_sources"`. Quotations stay inside their provision, definition or concern, with
/// their own note and sources: there are no `quotes` lines. The signature period and the
/// reported counts have lines of their own (`signature_period`, `reported_counts`), as the
/// tables do.
///
/// ```
/// let dataset = treaty_model::bundled().expect("the bundled dataset is valid");
/// let text = treaty_model::export::jsonl(dataset)?;
/// for line in text.lines() {
///     let value: serde_json::Value = serde_json::from_str(line).expect("one JSON object");
///     assert!(value["entity"].is_string());
/// }
/// # Ok::<(), treaty_model::export::NewerSchema>(())
/// ```
///
/// # Errors
///
/// [`NewerSchema`] when a file of the dataset was written for a newer schema version.
pub fn jsonl(dataset: &Dataset) -> Result<String, NewerSchema> {
    exportable(dataset)?;
    let b = dataset.bundle();
    let mut w = Lines::default();
    structure(&mut w, b);
    vocabularies(&mut w, b);
    powers(&mut w, b);
    offences(&mut w, b);
    analyses(&mut w, b);
    concordances(&mut w, b);
    participation(&mut w, b);
    assessments(&mut w, b);
    for s in b.sources.iter().flat_map(|f| &f.sources) {
        w.line("sources", Vec::new(), s, &[]);
    }
    Ok(w.out)
}

/// The `(key, value)` pairs written between `entity` and the entity's own fields.
type Parents = Vec<(&'static str, Value)>;

fn text(s: impl ToString) -> Value {
    Value::String(s.to_string())
}

#[derive(Default)]
struct Lines {
    out: String,
}

impl Lines {
    /// Writes one line; `drop` names the fields whose entities have lines of their own.
    fn line<T: Serialize>(&mut self, entity: &str, parents: Parents, value: &T, drop: &[&str]) {
        let mut map = Map::new();
        map.insert("entity".to_owned(), text(entity));
        for (key, v) in parents {
            map.insert(key.to_owned(), v);
        }
        if let Ok(Value::Object(own)) = serde_json::to_value(value) {
            for (key, v) in own {
                // Parent keys are named so as not to meet own fields; were one ever to, the
                // parent's value, which says where the entity belongs, is the one kept.
                if !drop.contains(&key.as_str()) && !map.contains_key(&key) {
                    map.insert(key, v);
                }
            }
        }
        // Serialising a map of JSON values cannot fail; a line is written whole or not at all.
        if let Ok(s) = serde_json::to_string(&Value::Object(map)) {
            self.out.push_str(&s);
            self.out.push('\n');
        }
    }
}

fn structure(w: &mut Lines, b: &Bundle) {
    for i in &b.instrument {
        w.line(
            "instrument",
            Vec::new(),
            i,
            &["kind", "schema_version", "text_versions"],
        );
    }
    for i in &b.instrument {
        for v in &i.text_versions {
            w.line("text_versions", vec![("instrument", text(&i.id))], v, &[]);
        }
    }
    for c in &b.chapters {
        w.line(
            "chapters",
            Vec::new(),
            c,
            &["kind", "schema_version", "articles"],
        );
    }
    for c in &b.chapters {
        for a in &c.articles {
            let parents = vec![
                ("text_version", text(&c.text_version)),
                ("chapter", text(&c.number)),
            ];
            w.line("articles", parents, a, &["paragraphs", "points"]);
        }
    }
    for c in &b.chapters {
        for node in c.articles.iter().flat_map(provisions) {
            let parents = vec![
                ("text_version", text(&c.text_version)),
                ("provision", text(&node.reference)),
                ("eid", text(node.reference.to_eid())),
                ("level", text(<&str>::from(node.level))),
            ];
            match node.entry {
                // The article's own fields are on its `articles` line.
                Entry::Article(_) => {}
                Entry::Paragraph(p) => w.line("provisions", parents, p, &["points"]),
                Entry::Point(p) => w.line("provisions", parents, p, &["subpoints"]),
                Entry::Subpoint(s) => w.line("provisions", parents, s, &[]),
            }
        }
    }
    for f in &b.definitions {
        for d in &f.terms {
            w.line(
                "definitions",
                vec![("text_version", text(&f.text_version))],
                d,
                &[],
            );
        }
    }
}

fn vocabularies(w: &mut Lines, b: &Bundle) {
    for c in b.data_categories.iter().flat_map(|f| &f.categories) {
        w.line("data_categories", Vec::new(), c, &[]);
    }
    for c in b.sensitivity_categories.iter().flat_map(|f| &f.categories) {
        w.line("sensitivity_categories", Vec::new(), c, &[]);
    }
    for s in b.safeguards.iter().flat_map(|f| &f.safeguards) {
        w.line("safeguards", Vec::new(), s, &[]);
    }
}

fn powers(w: &mut Lines, b: &Bundle) {
    for f in &b.powers {
        for p in &f.powers {
            w.line(
                "powers",
                vec![("text_version", text(&f.text_version))],
                p,
                &["safeguards"],
            );
        }
    }
    for p in b.powers.iter().flat_map(|f| &f.powers) {
        for s in &p.safeguards {
            w.line("power_safeguards", vec![("power", text(&p.id))], s, &[]);
        }
    }
}

fn offences(w: &mut Lines, b: &Bundle) {
    for f in &b.offences {
        for o in &f.offences {
            w.line(
                "offences",
                vec![("text_version", text(&f.text_version))],
                o,
                &[],
            );
        }
    }
}

fn analyses(w: &mut Lines, b: &Bundle) {
    for a in &b.analyses {
        w.line(
            "analyses",
            Vec::new(),
            a,
            &["kind", "schema_version", "concerns"],
        );
    }
    for a in &b.analyses {
        for c in &a.concerns {
            w.line(
                "concerns",
                vec![("analysis", text(&a.id))],
                c,
                &["recommendations"],
            );
        }
    }
    for a in &b.analyses {
        for c in &a.concerns {
            for r in &c.recommendations {
                let parents = vec![("analysis", text(&a.id)), ("concern", text(&c.id))];
                w.line("recommendations", parents, r, &[]);
            }
        }
    }
}

fn concordances(w: &mut Lines, b: &Bundle) {
    // Each file's own fields (its note, the other treaty) first, then its entries.
    for c in &b.concordances {
        w.line(
            "concordances",
            Vec::new(),
            c,
            &["kind", "schema_version", "entries"],
        );
    }
    for c in &b.crosswalks {
        w.line(
            "crosswalks",
            Vec::new(),
            c,
            &["kind", "schema_version", "entries"],
        );
    }
    for c in &b.concordances {
        for e in &c.entries {
            let parents = vec![("from_version", text(&c.from)), ("to_version", text(&c.to))];
            w.line("concordance", parents, e, &[]);
        }
    }
    for c in &b.crosswalks {
        for e in &c.entries {
            let parents = vec![
                ("text_version", text(&c.text_version)),
                ("other_instrument", text(&c.other.id)),
            ];
            w.line("crosswalk", parents, e, &[]);
        }
    }
}

fn participation(w: &mut Lines, b: &Bundle) {
    for note in b.participation.iter().filter_map(|p| p.note.as_ref()) {
        w.line(
            "participation_notes",
            Vec::new(),
            &serde_json::json!({"note": note}),
            &[],
        );
    }
    for s in b.participation.iter().filter_map(|p| p.signature.as_ref()) {
        w.line("signature_period", Vec::new(), s, &[]);
    }
    for c in b.participation.iter().flat_map(|p| &p.reported_counts) {
        w.line("reported_counts", Vec::new(), c, &[]);
    }
    let states = || b.participation.iter().flat_map(|p| &p.states);
    for s in states() {
        for step in &s.steps {
            w.line(
                "participation_steps",
                vec![("state", text(s.state))],
                step,
                &[],
            );
        }
    }
    for s in states() {
        for st in &s.statements {
            w.line("statements", vec![("state", text(s.state))], st, &[]);
        }
    }
}

fn assessments(w: &mut Lines, b: &Bundle) {
    for a in &b.assessments {
        let mut head = vec![
            ("state", text(a.state)),
            ("text_version", text(&a.text_version)),
            ("as_of", text(a.as_of)),
        ];
        if let Some(by) = &a.assessed_by {
            head.push(("assessed_by", text(by)));
        }
        // The assessment as a whole has no line of its own, so its summary and sources ride on
        // each of its lines, named apart from the entry's own `sources` (as the CSV's
        // `assessment_sources` is) so that they never pass for the entry's.
        if let Some(summary) = &a.summary {
            head.push(("assessment_summary", text(summary)));
        }
        head.push((
            "assessment_sources",
            Value::Array(a.sources.iter().map(text).collect()),
        ));
        for p in &a.powers {
            w.line("assessments", head.clone(), p, &["safeguards"]);
            for s in &p.safeguards {
                let mut parents = head.clone();
                parents.push(("power", text(&p.power)));
                w.line("assessments", parents, s, &[]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::fixture;

    fn lines_of(entity: &str) -> Vec<String> {
        let tag = format!("{{\"entity\":\"{entity}\",");
        jsonl(&fixture::dataset())
            .expect("exportable")
            .lines()
            .filter(|l| l.starts_with(&tag))
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn a_power_line_carries_its_text_version_and_not_its_safeguards() {
        let expected = concat!(
            r#"{"entity":"powers","text_version":"final","id":"expedited-preservation","#,
            r#""name":"Expedited preservation","provision":"25","scope":"domestic","#,
            r#""obligation":"mandatory","#,
            r#""summary":"Orders a holder to keep data \"quickly\", for up to 90 days","#,
            r#""data_categories":["electronic-data"],"#,
            r#""compellable":["person-with-data","service-provider"],"#,
            r#""duration":{"max_days":90,"renewable":true,"provision":"25(2)","sources":["eff-2024-07-electronic-data"]},"#,
            r#""confidentiality":{"status":"mandatory","bound":["service-provider"],"#,
            r#""time_limit":"left-to-domestic-law","provision":"25(3)","sources":["eff-2024-07-electronic-data"]},"#,
            r#""sources":["eff-2024-07-electronic-data"]}"#,
        );
        assert_eq!(lines_of("powers"), [expected]);
        assert_eq!(
            lines_of("power_safeguards"),
            [concat!(
                r#"{"entity":"power_safeguards","power":"expedited-preservation","#,
                r#""safeguard":"prior-judicial-authorisation","status":"absent","#,
                r#""note":"No judge, says \"eff-2024-07-electronic-data\", before preservation","sources":["eff-2024-07-electronic-data"]}"#,
            )]
        );
    }

    #[test]
    fn a_concern_line_carries_its_analysis_and_not_its_recommendations() {
        let expected = concat!(
            r#"{"entity":"concerns","analysis":"eff-2024-07","id":"preservation-without-judge","#,
            r#""summary":"Preservation needs no prior judicial authorisation.","#,
            r#""provisions":["25(2)"],"powers":["expedited-preservation"],"#,
            r#""missing_safeguards":["prior-judicial-authorisation"],"sources":["eff-2024-07-electronic-data"]}"#,
        );
        assert_eq!(lines_of("concerns"), [expected]);
        assert_eq!(
            lines_of("recommendations"),
            [concat!(
                r#"{"entity":"recommendations","analysis":"eff-2024-07","#,
                r#""concern":"preservation-without-judge","action":"make-mandatory","#,
                r#""summary":"Require prior judicial authorisation.","#,
                r#""safeguards":["prior-judicial-authorisation"]}"#,
            )]
        );
    }

    #[test]
    fn the_signature_period_and_the_reported_counts_have_lines() {
        let text =
            jsonl(crate::bundled().expect("the bundled dataset is valid")).expect("exportable");
        let of = |entity: &str| {
            let start = format!("{{\"entity\":\"{entity}\",");
            text.lines().filter(|l| l.starts_with(&start)).count()
        };
        assert_eq!(of("signature_period"), 1);
        assert!(of("reported_counts") >= 1, "{text}");
        let period = text
            .lines()
            .find(|l| l.starts_with(r#"{"entity":"signature_period","provision":"64","opened":"#))
            .unwrap_or_default();
        assert!(period.contains(r#""verification":"#), "{period}");
    }

    #[test]
    fn file_headers_and_child_lists_are_left_out() {
        let analysis = lines_of("analyses").join("\n");
        assert!(analysis.starts_with(r#"{"entity":"analyses","id":"eff-2024-07","#));
        for key in ["\"kind\"", "\"schema_version\"", "\"concerns\""] {
            assert!(!analysis.contains(key), "{key} in {analysis}");
        }
        let chapter = lines_of("chapters").join("\n");
        assert!(!chapter.contains("\"articles\""), "{chapter}");
    }

    #[test]
    fn provision_lines_are_paragraphs_points_and_subpoints() {
        let provisions = lines_of("provisions");
        assert_eq!(provisions.len(), 4);
        assert_eq!(
            provisions[3],
            concat!(
                r#"{"entity":"provisions","text_version":"final","provision":"25(3)(a)","#,
                r#""eid":"art_25__para_3__point_a","level":"point","letter":"a","#,
                r#""summary":"For a period set by domestic law.","verification":"partly","#,
                r#""sources":["eff-2024-07-electronic-data"]}"#,
            )
        );
        assert!(!provisions[2].contains("\"points\""), "{}", provisions[2]);
    }

    #[test]
    fn file_level_records_have_lines_of_their_own() {
        // The instrument (its entry-into-force rule), each concordance's and crosswalk's own
        // note and the participation file's note were in no line.
        let dataset = crate::bundled().expect("the bundled dataset is valid");
        let text = jsonl(dataset).expect("exportable");
        let of = |entity: &str| -> Vec<Value> {
            text.lines()
                .map(|l| serde_json::from_str::<Value>(l).expect("a JSON line"))
                .filter(|v| v["entity"] == entity)
                .collect()
        };
        let instrument = of("instrument");
        assert_eq!(instrument.len(), 1);
        assert_eq!(
            instrument[0]["entry_into_force"]["instruments_required"],
            40
        );
        assert!(instrument[0].get("text_versions").is_none());
        assert!(of("concordances").iter().any(|c| c["note"].is_string()));
        assert!(
            of("crosswalks")
                .iter()
                .all(|c| c["other"]["title"].is_string())
        );
        assert_eq!(of("participation_notes").len(), 1);
    }

    #[test]
    fn every_line_is_one_json_object_tagged_with_its_entity() {
        let text = jsonl(&fixture::dataset()).expect("exportable");
        assert!(text.ends_with("}\n"));
        let mut entities = Vec::new();
        for line in text.lines() {
            let value: Value = serde_json::from_str(line).expect("a JSON line");
            let first = value.as_object().and_then(|o| o.keys().next().cloned());
            assert_eq!(first.as_deref(), Some("entity"), "{line}");
            let entity = value["entity"].as_str().unwrap_or_default().to_owned();
            if entities.last() != Some(&entity) {
                entities.push(entity);
            }
        }
        assert_eq!(
            entities,
            [
                "instrument",
                "text_versions",
                "chapters",
                "articles",
                "provisions",
                "data_categories",
                "safeguards",
                "powers",
                "power_safeguards",
                "analyses",
                "concerns",
                "recommendations",
                "sources",
            ]
        );
    }

    #[test]
    fn assessment_lines_are_powers_then_safeguards_with_their_power() {
        let dataset = fixture::dataset_with(&[("assessment.yaml", fixture::ASSESSMENT)]);
        let text = jsonl(&dataset).expect("exportable");
        let lines: Vec<&str> = text
            .lines()
            .filter(|l| l.starts_with(r#"{"entity":"assessments","#))
            .collect();
        let head = concat!(
            r#"{"entity":"assessments","state":"FRA","text_version":"final","#,
            r#""as_of":"2025-01","assessed_by":"Fixture team","#,
            r#""assessment_summary":"Preservation exists; no judge orders it.","#,
            r#""assessment_sources":["eff-2024-07-electronic-data"],"#,
        );
        assert_eq!(
            lines,
            [
                format!(
                    "{head}{}",
                    concat!(
                        r#""power":"expedited-preservation","implemented":"partly","#,
                        r#""legal_basis":[{"law":"Example Code","provision":"art. 1","#,
                        r#""url":"https://example.org/code"}],"#,
                        r#""sources":["eff-2024-07-electronic-data"]}"#,
                    )
                ),
                format!(
                    "{head}{}",
                    concat!(
                        r#""power":"expedited-preservation","#,
                        r#""safeguard":"prior-judicial-authorisation","implemented":"no"}"#,
                    )
                ),
            ]
        );
    }
}
