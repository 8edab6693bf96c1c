"""PyInstaller entry point: the GUI by default, the command line when called as `idmf cli ...`."""

import sys

if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "cli":
        from idmf.cli.main import main as cli_main

        sys.exit(cli_main(sys.argv[2:]))
    from idmf.ui.app import main

    sys.exit(main())
