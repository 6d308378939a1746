//! `treaty man`: the manual pages, generated from the same definitions as `--help`.

use clap::CommandFactory;

use crate::args::{Cli, ManArgs};
use crate::exit;
use crate::output::{self, Failure};

pub fn run(args: ManArgs) -> Result<u8, Failure> {
    let pages = pages(Cli::command()).map_err(|e| format!("cannot render the pages: {e}"))?;
    // `-o -` is standard output, as for the other commands.
    let Some(dir) = args.output.filter(|d| d.as_os_str() != "-") else {
        let (_, main) = &pages[0];
        output::print_bytes(main)?;
        return Ok(exit::OK);
    };
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    for (name, roff) in &pages {
        let path = dir.join(name);
        output::write_file(&path, roff)?;
    }
    output::note(&format!(
        "treaty: wrote {} manual pages to {}",
        pages.len(),
        dir.display()
    ));
    Ok(exit::OK)
}

/// One page per command, `treaty.1` first, then `treaty-validate.1`, `treaty-new-assessment.1`...:
/// the names `man` and git-style tools give the pages of subcommands.
fn pages(mut cmd: clap::Command) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    // Building the root names every subcommand as it is typed (`treaty new assessment`), which
    // the pages' synopses show.
    cmd.build();
    let mut out = Vec::new();
    collect(&cmd, "treaty", &mut out)?;
    Ok(out)
}

fn collect(
    cmd: &clap::Command,
    name: &str,
    out: &mut Vec<(String, Vec<u8>)>,
) -> std::io::Result<()> {
    let mut roff = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .title(name)
        .render(&mut roff)?;
    out.push((format!("{name}.1"), roff));
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        collect(sub, &format!("{name}-{}", sub.get_name()), out)?;
    }
    Ok(())
}
