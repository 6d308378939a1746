//! Property tests: identifiers, dates and provision references round-trip through text; JSON
//! values round-trip through YAML; every typed document round-trips through JSON.

use proptest::prelude::*;
use serde_json::Value;
use treaty_model::{Date, PartialDate, ProvisionRef};

const ROMAN: [&str; 20] = [
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
    "xvi", "xvii", "xviii", "xix", "xx",
];

fn provision() -> impl Strategy<
    Value = (
        Option<String>,
        u16,
        Option<u16>,
        Option<String>,
        Option<usize>,
    ),
> {
    (
        proptest::option::of("[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}"),
        1u16..=999,
        proptest::option::of(1u16..=999),
        proptest::option::of("[a-z]{1,2}"),
        proptest::option::of(0usize..20),
    )
}

fn canonical(
    v: &Option<String>,
    a: u16,
    p: Option<u16>,
    l: &Option<String>,
    r: Option<usize>,
) -> String {
    let mut s = v.as_ref().map(|v| format!("{v}:")).unwrap_or_default();
    s.push_str(&a.to_string());
    if let Some(p) = p {
        s.push_str(&format!("({p})"));
    }
    if let Some(l) = l {
        s.push_str(&format!("({l})"));
        if let Some(r) = r {
            s.push_str(&format!("({})", ROMAN[r]));
        }
    }
    s
}

proptest! {
    #[test]
    fn provision_references_round_trip((v, a, p, l, r) in provision()) {
        let text = canonical(&v, a, p, &l, r);
        let parsed: ProvisionRef = text.parse().map_err(|e| TestCaseError::fail(format!("{e}")))?;
        prop_assert_eq!(parsed.to_string(), text.clone());
        let again: ProvisionRef = parsed.to_string().parse().unwrap();
        prop_assert_eq!(&again, &parsed);
        let from_eid: ProvisionRef = parsed.to_eid().parse().unwrap();
        prop_assert_eq!(from_eid, parsed.unversioned());
        let json = serde_json::to_value(&parsed).unwrap();
        prop_assert_eq!(serde_json::from_value::<ProvisionRef>(json).unwrap(), parsed.clone());
        // Other notations reach the same reference.
        let body = text.rsplit(':').next().unwrap();
        let dotted = body.replace(")(", ".").replace('(', ".").replace(')', "");
        let dotted: ProvisionRef = dotted.parse().unwrap();
        prop_assert_eq!(dotted, parsed.unversioned());
        let article: ProvisionRef = format!("Article {body}").parse().unwrap();
        prop_assert_eq!(article, parsed.unversioned());
    }

    #[test]
    fn arbitrary_text_never_panics_the_provision_parser(s in "\\PC{0,40}") {
        let _ = s.parse::<ProvisionRef>();
    }

    #[test]
    fn dates_round_trip_and_add_up(y in 1900u16..2200, m in 1u8..=12, d in 1u8..=31, a in 0u32..5000, b in 0u32..5000) {
        if let Some(date) = Date::new(y, m, d) {
            let text = date.to_string();
            prop_assert_eq!(text.parse::<Date>().unwrap(), date);
            prop_assert_eq!(text.parse::<PartialDate>().unwrap(), PartialDate::from(date));
            prop_assert_eq!(date.add_days(a).and_then(|x| x.add_days(b)), date.add_days(a + b));
            prop_assert!(date.add_days(a + 1).unwrap() > date.add_days(a).unwrap());
        }
        let month = format!("{y:04}-{m:02}");
        prop_assert_eq!(month.parse::<PartialDate>().unwrap().to_string(), month);
    }
}

fn json_value() -> impl Strategy<Value = Value> {
    let text = prop_oneof![
        Just(String::new()),
        "(yes|no|on|off|y|n|null|~|true|false|Yes|NO|\\.inf|\\.nan|-|\\?|:|#|0755|1e3|0x1F|0o17|2024|2024-12-24|1\\.0|-1|\\+1)",
        "[ -~]{0,20}",
        "\\PC{0,12}",
        "[a-z]{1,5}(: | #|\\n|\\t| )[a-z]{0,5}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        (-1.0e15f64..1.0e15).prop_map(Value::from),
        text.clone().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            proptest::collection::vec((text.clone(), inner), 0..5)
                .prop_map(|entries| { Value::Object(entries.into_iter().collect()) }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn json_values_round_trip_through_yaml(value in json_value()) {
        let yaml = treaty_model::convert::to_yaml(&value);
        let parsed = treaty_model::syntax::parse_yaml(yaml.as_bytes(), &Default::default());
        let errors: Vec<_> = parsed.problems.iter().filter(|p| p.is_error()).collect();
        prop_assert!(errors.is_empty(), "{yaml}\n{errors:?}");
        let back = parsed.doc.map(|d| d.value).unwrap_or(Value::Null);
        prop_assert_eq!(&back, &value, "through:\n{}", yaml);
        // And the JSON text is the same after a second trip.
        let json1 = treaty_model::convert::to_json(&value);
        let json2 = treaty_model::convert::to_json(&back);
        prop_assert_eq!(json1, json2);
    }
}

#[test]
fn every_document_round_trips_through_json() {
    let dataset = treaty_model::bundled().expect("valid");
    let bundle = serde_json::to_value(dataset.bundle()).unwrap();
    let back: treaty_model::Bundle = serde_json::from_value(bundle.clone()).unwrap();
    assert_eq!(&back, dataset.bundle());
    assert_eq!(serde_json::to_value(&back).unwrap(), bundle);
    // The fixture base and valid files use kinds the bundled data does not (assessments).
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let v = treaty_model::validate::validate_paths(
        &[root.join("base"), root.join("valid")],
        &Default::default(),
    );
    let fixtures = v.dataset.expect("fixtures are valid");
    assert!(!fixtures.bundle().assessments.is_empty());
    let value = serde_json::to_value(fixtures.bundle()).unwrap();
    let back: treaty_model::Bundle = serde_json::from_value(value).unwrap();
    assert_eq!(&back, fixtures.bundle());
}
