from episodetui.cli import main

raise SystemExit(main())
