//! `treaty schema`.

use crate::args::SchemaArgs;
use crate::exit;
use crate::output::{Failure, check_file, note, print, write_file};

pub fn run(args: SchemaArgs) -> Result<u8, Failure> {
    if let Some(dir) = args.check {
        let drifts = crate::drift::check_dir(&dir)
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        if drifts.is_empty() {
            note(&format!(
                "treaty: {} matches the generated schemas",
                dir.display()
            ));
            return Ok(exit::OK);
        }
        let listing: String = drifts.iter().map(|d| format!("{d}\n")).collect();
        print(&listing)?;
        note(&format!(
            "treaty: {} schema file(s) in {} drifted from the code; regenerate with `treaty schema --out {}`",
            drifts.len(),
            dir.display(),
            dir.display()
        ));
        return Ok(exit::INVALID);
    }
    match args.output {
        Some(dir) => {
            // Only its own file names are written, and nothing is removed, so a directory
            // holding other files is fine; every target is checked before the first write.
            let files = treaty_model::schema::published();
            for (name, _) in &files {
                check_file(&dir.join(name))?;
            }
            for (name, text) in &files {
                write_file(&dir.join(name), text.as_bytes())?;
            }
            note(&format!(
                "treaty: wrote {} schemas to {}",
                treaty_model::schema::all().len(),
                dir.display()
            ));
        }
        None => {
            // Without a directory, print the bundle schema: the one other languages load.
            let bundle =
                treaty_model::schema::for_kind(treaty_model::FileKind::Bundle).unwrap_or_default();
            print(&treaty_model::schema::to_pretty(&bundle))?;
        }
    }
    Ok(exit::OK)
}
