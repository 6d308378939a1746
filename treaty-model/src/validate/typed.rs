//! Reading a checked value into the typed model. The value is read by reference, so that when
//! the model rejects it the same value is read again with its path tracked, to place the error
//! at its node: no second parse.

use serde_json::Value;

use crate::model::{Document, FileKind};

/// Reads `value` into the model of `kind`; on failure, the JSON pointer of the node that
/// caused it and the model's message.
pub(super) fn read(kind: FileKind, value: &Value) -> Result<Document, (String, String)> {
    // Tracking the path costs a third of the reading time, so only a failed read pays for it.
    typed(kind, value, false).or_else(|_| typed(kind, value, true))
}

fn typed<'de, V>(kind: FileKind, value: V, track: bool) -> Result<Document, (String, String)>
where
    V: serde::Deserializer<'de, Error = serde_json::Error>,
{
    macro_rules! read {
        ($variant:ident) => {
            if track {
                serde_path_to_error::deserialize(value)
                    .map(Document::$variant)
                    .map_err(|e| (pointer_of(e.path()), e.into_inner().to_string()))
            } else {
                serde::Deserialize::deserialize(value)
                    .map(Document::$variant)
                    .map_err(|e: serde_json::Error| (String::new(), e.to_string()))
            }
        };
    }
    match kind {
        FileKind::Instrument => read!(Instrument),
        FileKind::Sources => read!(Sources),
        FileKind::Chapter => read!(Chapter),
        FileKind::Definitions => read!(Definitions),
        FileKind::DataCategories => read!(DataCategories),
        FileKind::SensitivityCategories => read!(SensitivityCategories),
        FileKind::Safeguards => read!(Safeguards),
        FileKind::Powers => read!(Powers),
        FileKind::Offences => read!(Offences),
        FileKind::Analysis => read!(Analysis),
        FileKind::Concordance => read!(Concordance),
        FileKind::Crosswalk => read!(Crosswalk),
        FileKind::Participation => read!(Participation),
        FileKind::Assessment => read!(Assessment),
        _ => Err((
            String::new(),
            format!("`{kind}` is not a kind of dataset file"),
        )),
    }
}

fn pointer_of(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut s = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => s.push_str(&format!("/{index}")),
            Segment::Map { key } => {
                s.push('/');
                s.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    s
}
