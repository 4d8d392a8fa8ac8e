#!/usr/bin/env node
'use strict';
// The `pacewatch` command: loads the bundled CLI (built by `npm install` / `npm run build`).
// A bare `pacewatch statusline` (Claude Code runs it on every prompt) loads its own small bundle.
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const args = process.argv.slice(2);
const name = args.length === 1 && args[0] === 'statusline' ? 'statusline.cjs' : 'cli.cjs';
const bundle = join(__dirname, '..', 'dist', name);
if (!existsSync(bundle)) {
  process.stderr.write(
    'pacewatch: the CLI is not built yet. Run `npm run build` in the checkout.\n',
  );
  process.exit(1);
}
// V8's compiled code for the bundles is kept beside them (Node 22.1 and later; older Nodes skip
// this), so a run after the first does not compile a megabyte of JavaScript again. The folder is
// writable only by whoever installed Pacewatch; where it is not, Node runs without the cache.
// Not for the long-lived `watch`: a cached compile holds the bytecode of every function the cache
// has seen (12 MB more at idle), a lazy one only what runs, and start-up speed matters less there.
if (args[0] !== 'watch') {
  require('node:module').enableCompileCache?.(join(__dirname, '..', 'dist', '.compile-cache'));
}
require(bundle);
