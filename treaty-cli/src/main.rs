//! The `treaty` command: validate, convert and explore the UN Convention against Cybercrime
//! datasets.

#[global_allocator]
static ALLOCATOR: treaty_cli::Allocator = treaty_cli::ALLOCATOR;

fn main() -> std::process::ExitCode {
    treaty_cli::main()
}
