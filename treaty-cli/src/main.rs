//! The `treaty` command.
fn main() {}
