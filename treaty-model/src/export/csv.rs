//! RFC 4180 CSV.

use super::Table;

/// Writes a table as RFC 4180 CSV: a header row, then one record per row, each ended by CRLF.
///
/// A field is quoted when it contains `"`, `,`, CR or LF, or starts or ends with whitespace
/// (which many readers would otherwise trim); inner quotes are doubled. Text is written as is:
/// nothing is prefixed to cells that a spreadsheet might read as a formula, since that would
/// change the data for every other reader.
///
/// ```
/// let dataset = treaty_model::bundled().expect("the bundled dataset is valid");
/// for table in treaty_model::export::tables(dataset) {
///     let csv = treaty_model::export::to_csv(&table);
///     assert!(csv.ends_with("\r\n"));
/// }
/// ```
pub fn to_csv(table: &Table) -> String {
    let mut out = String::new();
    write_record(&mut out, table.columns.iter().copied());
    for row in &table.rows {
        write_record(&mut out, row.iter().map(String::as_str));
    }
    out
}

fn write_record<'a>(out: &mut String, fields: impl Iterator<Item = &'a str>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_field(out, field);
    }
    out.push_str("\r\n");
}

fn write_field(out: &mut String, field: &str) {
    if !needs_quotes(field) {
        out.push_str(field);
        return;
    }
    out.push('"');
    out.push_str(&field.replace('"', "\"\""));
    out.push('"');
}

fn needs_quotes(field: &str) -> bool {
    field.contains(['"', ',', '\r', '\n'])
        || field.starts_with(char::is_whitespace)
        || field.ends_with(char::is_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Table {
        Table {
            name: "t",
            columns: vec!["a", "b"],
            rows: rows
                .iter()
                .map(|r| r.iter().map(|s| (*s).to_owned()).collect())
                .collect(),
        }
    }

    #[test]
    fn plain_fields_are_not_quoted() {
        assert_eq!(to_csv(&table(&[&["x", ""]])), "a,b\r\nx,\r\n");
    }

    #[test]
    fn special_fields_are_quoted_and_quotes_doubled() {
        let csv = to_csv(&table(&[
            &["a, b", "say \"no\""],
            &["line\nbreak", "cr\r"],
            &[" lead", "trail "],
        ]));
        assert_eq!(
            csv,
            "a,b\r\n\"a, b\",\"say \"\"no\"\"\"\r\n\"line\nbreak\",\"cr\r\"\r\n\" lead\",\"trail \"\r\n"
        );
    }

    #[test]
    fn an_empty_table_is_its_header() {
        assert_eq!(to_csv(&table(&[])), "a,b\r\n");
    }
}
