from market_impact.cli import main

raise SystemExit(main())
