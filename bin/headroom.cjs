#!/usr/bin/env node
'use strict';
// The `headroom` command: loads the bundled CLI (built by `npm install` / `npm run build`).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const bundle = join(__dirname, '..', 'dist', 'cli.cjs');
if (!existsSync(bundle)) {
  process.stderr.write(
    'headroom: the CLI is not built yet. Run `npm run build` in the checkout.\n',
  );
  process.exit(1);
}
require(bundle);
