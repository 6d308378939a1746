//! The `treaty` command: validate, convert and explore the UN Convention against Cybercrime
//! datasets.

fn main() -> std::process::ExitCode {
    treaty_cli::main()
}
