//! Reading a checked value into the typed model. The value is read by reference, so that when
//! the model rejects it the same value is read again with its path tracked, to place the error
//! at its node: no second parse.
//!
//! An entry of a top-level list that the model cannot read (a power without its `summary`) is
//! set aside and the rest of the file is read: the other entries' ids still count as defined
//! and their references are still checked, so one broken entry does not hide a whole file
//! from the cross-file checks.

use serde_json::Value;

use crate::model::{Document, FileKind};

/// A document the model read, perhaps without some entries of its top-level lists.
#[derive(Debug)]
pub(super) struct Read {
    pub document: Document,
    /// The entries left out, in the order they were found.
    pub set_aside: Vec<SetAside>,
}

/// An entry of a top-level list that the model could not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SetAside {
    /// The list's key (`powers`).
    pub list: String,
    /// The entry's index in the file.
    pub index: usize,
    /// The JSON pointer of the node that the model rejected, and its message.
    pub pointer: String,
    pub message: String,
}

/// Reads `value` into the model of `kind`, setting aside the entries it cannot read; when
/// what it cannot read is not inside such an entry, the JSON pointer of the node that caused
/// it and the model's message.
pub(super) fn read(kind: FileKind, value: &Value) -> Result<Read, (String, String)> {
    // Tracking the path costs a third of the reading time, so only a failed read pays for it.
    if let Ok(document) = typed(kind, value, false) {
        return Ok(Read {
            document,
            set_aside: Vec::new(),
        });
    }
    // The value without the entries set aside so far; copied once, on this path only.
    let mut trimmed: Option<Value> = None;
    let mut set_aside: Vec<SetAside> = Vec::new();
    let mut whole_numbers_read = false;
    loop {
        let (pointer, message) = match typed(kind, trimmed.as_ref().unwrap_or(value), true) {
            Ok(document) => {
                return Ok(Read {
                    document,
                    set_aside,
                });
            }
            Err(e) => e,
        };
        // JSON Schema counts a number with no fractional part (`72.0`) as an integer, and so do
        // the published schemas; serde does not. Such a node is read as the integer it is, and
        // so is every other in the file at once, rather than one read per number. (The model
        // has no float field, which the integer would not fill.)
        if !whole_numbers_read
            && trimmed
                .as_ref()
                .unwrap_or(value)
                .pointer(&pointer)
                .and_then(whole_number)
                .is_some()
        {
            whole_numbers_read = true;
            read_whole_numbers(trimmed.get_or_insert_with(|| value.clone()));
            continue;
        }
        let Some((list, left, rest)) = entry_of(trimmed.as_ref().unwrap_or(value), &pointer) else {
            // Not inside an entry: the file's own fields are wrong. Set-aside entries shift
            // no index above them, so the pointer holds in the file as it is.
            return Err((pointer, message));
        };
        // `left` counts the entries still in the list; the file's index skips those set aside.
        let index = original_index(&set_aside, list, left);
        let list = list.to_owned();
        let pointer = format!("/{list}/{index}{rest}");
        let copy = trimmed.get_or_insert_with(|| value.clone());
        if let Some(items) = copy.get_mut(&list).and_then(Value::as_array_mut) {
            items.remove(left);
        }
        set_aside.push(SetAside {
            list,
            index,
            pointer,
            message,
        });
    }
}

/// Replaces every floating-point number with no fractional part in `value` by its integer.
fn read_whole_numbers(value: &mut Value) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(read_whole_numbers),
        Value::Object(fields) => fields.values_mut().for_each(read_whole_numbers),
        node => {
            if let Some(whole) = whole_number(node) {
                *node = whole;
            }
        }
    }
}

/// The integer a floating-point number with no fractional part stands for (`72.0`).
fn whole_number(node: &Value) -> Option<Value> {
    let n = node.as_number().filter(|n| n.is_f64())?.as_f64()?;
    if n.fract() != 0.0 {
        return None;
    }
    // Within ±2^63, the conversion is exact for every integral double.
    if (-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&n) {
        #[allow(clippy::cast_possible_truncation)]
        Some(Value::from(n as i64))
    } else {
        None
    }
}

/// The list key, the entry's index and the rest of `pointer` when it points inside an entry
/// of a top-level list of `value`.
fn entry_of<'p>(value: &Value, pointer: &'p str) -> Option<(&'p str, usize, &'p str)> {
    let (list, rest) = pointer.strip_prefix('/')?.split_once('/')?;
    let (index, rest) = match rest.find('/') {
        Some(at) => (&rest[..at], &rest[at..]),
        None => (rest, ""),
    };
    let index: usize = index.parse().ok()?;
    let len = value.get(list)?.as_array()?.len();
    (index < len).then_some((list, index, rest))
}

/// The index in the file of the `left`-th entry still in `list`.
fn original_index(set_aside: &[SetAside], list: &str, left: usize) -> usize {
    let mut gone: Vec<usize> = set_aside
        .iter()
        .filter(|s| s.list == list)
        .map(|s| s.index)
        .collect();
    gone.sort_unstable();
    let mut index = left;
    for g in gone {
        if g <= index {
            index += 1;
        }
    }
    index
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
                s.push_str(&super::locate::pointer_token(key));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn power(id: &str, summary: Option<&str>) -> Value {
        let mut p = serde_json::json!({
            "id": id, "name": "A power", "provision": "25", "scope": "domestic",
            "obligation": "mandatory", "data_categories": [], "sources": ["s"]
        });
        if let Some(s) = summary {
            p["summary"] = s.into();
        }
        p
    }

    #[test]
    fn entries_set_aside_keep_their_index_in_the_file() {
        let value = serde_json::json!({
            "kind": "powers", "schema_version": "1.0", "text_version": "final",
            "powers": [
                power("a", None), power("b", Some("ok")), power("c", None), power("d", Some("ok"))
            ]
        });
        let read = read(FileKind::Powers, &value).expect("the file's own fields read");
        let Document::Powers(p) = &read.document else {
            panic!("a powers document")
        };
        let ids: Vec<&str> = p.powers.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["b", "d"]);
        let aside: Vec<(&str, usize, &str)> = read
            .set_aside
            .iter()
            .map(|s| (s.list.as_str(), s.index, s.pointer.as_str()))
            .collect();
        assert_eq!(
            aside,
            [("powers", 0, "/powers/0"), ("powers", 2, "/powers/2")]
        );
        assert!(read.set_aside[0].message.contains("summary"));
    }

    #[test]
    fn a_wrong_field_of_the_file_itself_is_not_set_aside() {
        let value = serde_json::json!({
            "kind": "powers", "schema_version": "1.0", "text_version": 5, "powers": []
        });
        let (pointer, _) = read(FileKind::Powers, &value).expect_err("unreadable");
        assert_eq!(pointer, "/text_version");
    }
}
