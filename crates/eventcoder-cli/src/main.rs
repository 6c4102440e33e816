//! The `eventcoder` command-line tool: a thin `main` over the `eventcoder_cli` library.

use std::process::ExitCode;

/// mimalloc: eventcoder allocates many small strings; it codes about a third faster than with
/// the system allocator (benches/coder.rs vs benches/coder_system_alloc.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    eventcoder_cli::main()
}
