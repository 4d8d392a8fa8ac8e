#!/usr/bin/env node
// Measures `pacewatch statusline`, which Claude Code runs on every prompt (budget: 50 ms of work).
// Run after `npm run build`:  node test/bench/statusline-bench.mjs [runs]
//
// It reports, as medians over fresh processes:
//  - node itself (`node -e 0`) and the CLI bundle doing nothing (`pacewatch --version`), for scale;
//  - the whole `pacewatch statusline` process, on the usual path (the history was appended less
//    than 2 minutes ago, so the run only writes the cache) and on the path that also appends the
//    history;
//  - the work alone: a fresh process that bundles only the command's module times from just
//    before its import to the line being written (module init + stdin parse + cache write with
//    fsync + history read + projection).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const runs = Number(process.argv[2] ?? 30);
const root = resolve(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'pacewatch.cjs');
const work = mkdtempSync(join(tmpdir(), 'pacewatch-bench-'));
const now = Math.floor(Date.now() / 1000);
const input = JSON.stringify({
  session_id: 'bench',
  model: { id: 'claude-opus-4-5', display_name: 'Opus' },
  rate_limits: {
    five_hour: { used_percentage: 42, resets_at: now + 2 * 3600 },
    seven_day: { used_percentage: 61, resets_at: now + 3 * 86400 },
  },
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

function wall(args, env, stdin = '') {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, input: stdin, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function measure(label, once) {
  const times = Array.from({ length: runs }, once);
  console.log(
    `${label.padEnd(58)} median ${median(times).toFixed(1)} ms  (min ${Math.min(...times).toFixed(1)})`,
  );
}

const env = (dir) => ({ PATH: process.env.PATH, HOME: work, PACEWATCH_DATA_DIR: dir, TZ: 'UTC' });
const warm = join(work, 'warm');
wall([bin, 'statusline'], env(warm), input);

measure('node -e 0', () => wall(['-e', '0'], env(warm)));
measure('pacewatch --version (bundle load + commander)', () => wall([bin, '--version'], env(warm)));
measure('pacewatch statusline, usual path (cache write only)', () =>
  wall([bin, 'statusline'], env(warm), input),
);
let fresh = 0;
measure('pacewatch statusline, history due (cache + history)', () =>
  wall([bin, 'statusline'], env(join(work, `fresh-${fresh++}`)), input),
);

// The work alone, in a fresh process each time.
const harness = join(work, 'harness.ts');
writeFileSync(
  harness,
  `const started = performance.now();
import(${JSON.stringify(join(root, 'electron/cli/commands/statusline-run.ts'))}).then(async ({ runStatusline }) => {
  let line = '';
  await runStatusline({
    readStdin: () => Promise.resolve(process.env.BENCH_INPUT ?? ''),
    write: (text) => { line = text; },
    pathEnv: { env: process.env, platform: process.platform, home: process.env.HOME ?? '' },
    now: () => Date.now(),
  });
  process.stdout.write(JSON.stringify({ ms: performance.now() - started, line }));
});
`,
);
await build({
  entryPoints: [harness],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: join(work, 'harness.cjs'),
  external: ['keytar', 'node-notifier', 'electron'],
  logLevel: 'warning',
});
const inner = (dir) => {
  const result = spawnSync(process.execPath, [join(work, 'harness.cjs')], {
    // V8's compile cache, as bin/pacewatch.cjs keeps it for users (Node 22.1+).
    env: { ...env(dir), BENCH_INPUT: input, NODE_COMPILE_CACHE: join(work, 'compile-cache') },
    encoding: 'utf8',
  });
  return JSON.parse(result.stdout).ms;
};
measure('work alone, usual path', () => inner(warm));
fresh = 0;
measure('work alone, history due', () => inner(join(work, `inner-${fresh++}`)));

rmSync(work, { recursive: true, force: true });
