//! RFC 4180 CSV, written by the `csv` crate.

use super::Table;

/// Writes a table as RFC 4180 CSV: a header row, then one record per row, each ended by CRLF.
///
/// A field is quoted when it contains `"`, `,`, CR or LF; inner quotes are doubled. Text is
/// written as is: nothing is prefixed to cells that a spreadsheet might read as a formula,
/// since that would change the data for every other reader.
///
/// ```
/// let dataset = treaty_model::bundled().expect("the bundled dataset is valid");
/// for table in treaty_model::export::tables(dataset)? {
///     let csv = treaty_model::export::to_csv(&table);
///     assert!(csv.ends_with("\r\n"));
/// }
/// # Ok::<(), treaty_model::export::NewerSchema>(())
/// ```
pub fn to_csv(table: &Table) -> String {
    // Every row has a cell per column (the tables' tests check it); `flexible` keeps a row
    // that had not from turning into an error this function could only swallow.
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    const IN_MEMORY: &str = "writing CSV to memory cannot fail";
    w.write_record(&table.columns).expect(IN_MEMORY);
    for row in &table.rows {
        w.write_record(row).expect(IN_MEMORY);
    }
    let bytes = w.into_inner().expect(IN_MEMORY);
    String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
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
        assert_eq!(
            to_csv(&table(&[&["x", ""], &[" lead", "trail "]])),
            "a,b\r\nx,\r\n lead,trail \r\n"
        );
    }

    #[test]
    fn special_fields_are_quoted_and_quotes_doubled() {
        let csv = to_csv(&table(&[&["a, b", "say \"no\""], &["line\nbreak", "cr\r"]]));
        assert_eq!(
            csv,
            "a,b\r\n\"a, b\",\"say \"\"no\"\"\"\r\n\"line\nbreak\",\"cr\r\"\r\n"
        );
    }

    #[test]
    fn an_empty_table_is_its_header() {
        assert_eq!(to_csv(&table(&[])), "a,b\r\n");
    }
}
