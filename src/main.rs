//! The `begroting` command: thin glue over the library.
//!
//! Parses arguments (clap), turns them into library options, drives progress bars (indicatif) and
//! decides the exit code once, at the end: 0 when everything held, 1 when a check failed, 2 when
//! any document failed or the run could not be done. A broken pipe on stdout exits 0.

mod cli;

use std::process::ExitCode;

/// The allocator of the command (see Cargo.toml: reading makes and drops many small values).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run()
}
