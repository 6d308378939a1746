//! `treaty explain POWER`: one power in plain language.

use treaty_model::explain::ExplainError;

use crate::args::{ExplainArgs, ShowFormat};
use crate::output::{Failure, note, print};
use crate::render::explain as render;
use crate::{exit, load};

pub fn run(args: ExplainArgs) -> Result<u8, Failure> {
    let dataset = match load::dataset(args.data.as_deref()) {
        Ok(d) => d,
        Err(stop) => return Ok(stop.exit()?),
    };
    match dataset.explain(&args.power) {
        Ok(e) => {
            match args.format {
                ShowFormat::Human => print(&render::human(&dataset, &e))?,
                ShowFormat::Json => print(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(&e).map_err(|e| e.to_string())?
                ))?,
            }
            Ok(exit::OK)
        }
        Err(e) => {
            note(&format!("treaty: {e}"));
            if matches!(e, ExplainError::NoSuchPower { .. }) {
                note("  `treaty coverage` lists every power");
            }
            Ok(exit::INVALID)
        }
    }
}
