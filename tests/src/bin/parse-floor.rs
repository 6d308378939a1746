//! The speed floor of any YAML validator built on saphyr-parser: reads each file and pulls
//! every event from the parser, building nothing. `parse-floor FILE...` prints the event count.
//!
//! The comparison script (`bench/compare.sh`) runs it beside `treaty validate` so the cost of
//! everything `treaty` does beyond parsing is visible.

use std::process::ExitCode;

use saphyr_parser::Parser;

fn main() -> ExitCode {
    let mut events = 0u64;
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("parse-floor: {path}: {e}");
                return ExitCode::from(2);
            }
        };
        let mut parser = Parser::new_from_str(&text);
        while let Some(item) = parser.next_event() {
            match item {
                Ok((event, _)) => {
                    events += 1;
                    if matches!(event, saphyr_parser::Event::StreamEnd) {
                        break;
                    }
                }
                Err(e) => {
                    eprintln!("parse-floor: {path}: {e}");
                    return ExitCode::FAILURE;
                }
            }
        }
    }
    println!("{events} events");
    ExitCode::SUCCESS
}
