"""The ``eventcoder`` command installed by the pip package: the Rust command line itself
(``eventcoder_cli::main_with``), linked into the extension module, so ``pip install`` gives
the same command, with the same behaviour, as ``cargo install --path crates/eventcoder-cli``.

``python -m eventcoder._cli ARGS`` runs it too."""

from __future__ import annotations

import signal
import sys

from eventcoder._eventcoder import _run_cli


def main() -> None:
    """Runs ``eventcoder`` with this process's arguments and exits with its code."""
    # The Rust code holds the thread while it runs: let Ctrl-C end the process at once (as it
    # ends the Rust binary), and a closed pipe be seen as an error on write (Rust's own
    # convention), not as Python's KeyboardInterrupt or BrokenPipeError afterwards.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    sys.stdout.flush()
    sys.stderr.flush()
    sys.exit(_run_cli(["eventcoder", *sys.argv[1:]]))


if __name__ == "__main__":
    main()
