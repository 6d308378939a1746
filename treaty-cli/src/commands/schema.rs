//! `treaty schema`.

use crate::args::SchemaArgs;
use crate::exit;

pub fn run(args: SchemaArgs) -> Result<u8, String> {
    if let Some(dir) = args.check {
        let drifts = treaty_model::schema::check_dir(&dir)
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        if drifts.is_empty() {
            eprintln!("treaty: {} matches the generated schemas", dir.display());
            return Ok(exit::OK);
        }
        for d in &drifts {
            println!("{d}");
        }
        eprintln!(
            "treaty: {} schema file(s) in {} drifted from the code; regenerate with `treaty schema --out {}`",
            drifts.len(),
            dir.display(),
            dir.display()
        );
        return Ok(exit::INVALID);
    }
    match args.output {
        Some(dir) => {
            treaty_model::schema::write_dir(&dir)
                .map_err(|e| format!("cannot write {}: {e}", dir.display()))?;
            eprintln!(
                "treaty: wrote {} schemas to {}",
                treaty_model::schema::all().len(),
                dir.display()
            );
        }
        None => {
            // Without a directory, print the bundle schema: the one other languages load.
            let bundle =
                treaty_model::schema::for_kind(treaty_model::FileKind::Bundle).unwrap_or_default();
            print!("{}", treaty_model::schema::to_pretty(&bundle));
        }
    }
    Ok(exit::OK)
}
