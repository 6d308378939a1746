//! What counts as a breaking change between two versions of a schema.
//!
//! A dataset consumer breaks when data it relied on can disappear or change shape, or when data
//! that was valid becomes invalid. So these are breaking: a property removed, a property newly
//! required, a type changed, a vocabulary value removed, a pattern or bound changed, and a
//! `$defs` entry removed. Adding an optional property, a vocabulary value or a definition is
//! not (see `docs/VERSIONING.md`).

use serde_json::Value;

/// The breaking changes from `old` to `new`, each described with its path in the schema.
pub fn breaking_changes(old: &Value, new: &Value) -> Vec<String> {
    let mut out = Vec::new();
    compare(old, new, "#", &mut out);
    out
}

fn compare(old: &Value, new: &Value, path: &str, out: &mut Vec<String>) {
    let (Some(o), Some(n)) = (old.as_object(), new.as_object()) else {
        if old != new {
            out.push(format!("{path}: changed"));
        }
        return;
    };
    for key in [
        "type",
        "pattern",
        "const",
        "format",
        "$ref",
        "additionalProperties",
    ] {
        if o.get(key) != n.get(key) && o.contains_key(key) {
            out.push(format!(
                "{path}/{key}: {} -> {}",
                show(o.get(key)),
                show(n.get(key))
            ));
        }
    }
    for key in ["maxLength", "maximum", "maxItems"] {
        if let (Some(a), Some(b)) = (
            o.get(key).and_then(Value::as_f64),
            n.get(key).and_then(Value::as_f64),
        ) && b < a
        {
            out.push(format!("{path}/{key}: lowered from {a} to {b}"));
        }
    }
    for key in ["minLength", "minimum", "minItems"] {
        let a = o.get(key).and_then(Value::as_f64).unwrap_or(f64::MIN);
        if let Some(b) = n.get(key).and_then(Value::as_f64)
            && b > a
        {
            out.push(format!("{path}/{key}: raised to {b}"));
        }
    }
    if let (Some(a), Some(b)) = (
        o.get("enum").and_then(Value::as_array),
        n.get("enum").and_then(Value::as_array),
    ) {
        for v in a.iter().filter(|v| !b.contains(v)) {
            out.push(format!("{path}/enum: value {v} removed"));
        }
    }
    let names = |v: Option<&Value>| -> Vec<String> {
        v.and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    };
    let (old_req, new_req) = (names(o.get("required")), names(n.get("required")));
    for r in new_req.iter().filter(|r| !old_req.contains(r)) {
        out.push(format!("{path}/required: `{r}` is now required"));
    }
    for container in ["properties", "$defs"] {
        if let Some(op) = o.get(container).and_then(Value::as_object) {
            let np = n.get(container).and_then(Value::as_object);
            for (k, ov) in op {
                match np.and_then(|m| m.get(k)) {
                    Some(nv) => compare(ov, nv, &format!("{path}/{container}/{k}"), out),
                    None => out.push(format!("{path}/{container}/{k}: removed")),
                }
            }
        }
    }
    if let (Some(a), Some(b)) = (o.get("items"), n.get("items")) {
        compare(a, b, &format!("{path}/items"), out);
    }
}

fn show(v: Option<&Value>) -> String {
    v.map_or_else(|| "absent".to_owned(), ToString::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn additions_are_not_breaking() {
        let old =
            json!({"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]});
        let new = json!({"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "string"}}, "required": ["a"]});
        assert_eq!(breaking_changes(&old, &new), Vec::<String>::new());
        let old = json!({"enum": ["x"]});
        let new = json!({"enum": ["x", "y"]});
        assert!(breaking_changes(&old, &new).is_empty());
    }

    #[test]
    fn removals_and_new_requirements_are_breaking() {
        let old = json!({"properties": {"a": {"type": "string"}, "b": {"enum": ["x", "y"]}}, "required": ["a"]});
        let new = json!({"properties": {"b": {"enum": ["x"]}}, "required": ["a", "b"]});
        assert_eq!(
            breaking_changes(&old, &new),
            [
                "#/required: `b` is now required",
                "#/properties/a: removed",
                "#/properties/b/enum: value \"y\" removed",
            ]
        );
        let old = json!({"properties": {"n": {"type": "integer", "maximum": 10}}});
        let new = json!({"properties": {"n": {"type": "string", "maximum": 5}}});
        assert_eq!(
            breaking_changes(&old, &new),
            [
                "#/properties/n/type: \"integer\" -> \"string\"",
                "#/properties/n/maximum: lowered from 10 to 5"
            ]
        );
    }
}
