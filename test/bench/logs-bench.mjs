#!/usr/bin/env node
// The logs benchmark (docs/PRODUCT.md §4), not part of `npm test`:
//   npm run bench            (node test/bench/logs-bench.mjs [--runs 5] [--bytes 1000000000])
// Builds a ~1 GB, ~2,600-file transcript tree once under test/bench/.work/ (git-ignored), then
// measures, side by side with `ccusage daily --json --offline` (v20, native): a cold scan (wall
// time, peak RSS, CPU), a warm run on the unchanged tree (index on disk), and a refresh after
// appending 1 MB, both in a long-lived reader (the app, `pacewatch watch`) and as a CLI run.
// Each figure is the median of --runs runs; ccusage and Pacewatch runs are interleaved, so a busy
// machine slows both alike. Both read from a warm page cache.
import { execFileSync, spawnSync } from 'node:child_process';
import { ccusagePath } from '../../scripts/ccusage-path.mjs';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  copyFileSync,
  readdirSync,
} from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { watEsbuildPlugin } from '../../scripts/wat.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = join(repo, 'test', 'bench', '.work');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const RUNS = option('--runs', 5);
const BYTES = option('--bytes', 1_000_000_000);
const SEED = 20261121;
const APPEND = 1_000_000;

const config = join(work, 'claude');
const projects = join(config, 'projects');
const home = join(work, 'home');
const data = join(work, 'data');
// The reference ccusage, installed outside the project's dependencies on first use.
execFileSync(process.execPath, [join(repo, 'scripts', 'install-ccusage.mjs')], { stdio: 'ignore' });
const ccusage = ccusagePath(repo);
// The package ships the binary without its execute bit (ccusage's own wrapper sets it too).
if (existsSync(ccusage)) chmodSync(ccusage, 0o755);
const pacewatch = join(repo, 'bin', 'pacewatch.cjs');
const hasTime = existsSync('/usr/bin/time');

function log(line = '') {
  process.stdout.write(`${line}\n`);
}

async function prepare() {
  log('building dist/ (CLI and logs worker) …');
  execFileSync(process.execPath, [join(repo, 'scripts', 'build.mjs')], {
    cwd: repo,
    stdio: 'inherit',
  });
  mkdirSync(work, { recursive: true });
  await build({
    entryPoints: [join(repo, 'test', 'bench', 'bench-helpers.ts')],
    outfile: join(work, 'helpers.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    external: ['zod'],
    plugins: [watEsbuildPlugin()],
  });
  return import(pathToFileURL(join(work, 'helpers.mjs')).href);
}

function ensureTree(helpers) {
  const stampPath = join(work, 'tree.json');
  const wanted = { seed: SEED, bytes: BYTES, generator: 1 };
  const stamp = existsSync(stampPath) ? JSON.parse(readFileSync(stampPath, 'utf8')) : null;
  if (
    stamp !== null &&
    stamp.seed === wanted.seed &&
    stamp.bytes === wanted.bytes &&
    stamp.generator === wanted.generator &&
    existsSync(projects)
  ) {
    return stamp.stats;
  }
  log(`generating a ${(BYTES / 1e9).toFixed(2)} GB transcript tree (seed ${SEED}) — once …`);
  rmSync(config, { recursive: true, force: true });
  const started = performance.now();
  const stats = helpers.generateTree({
    root: config,
    seed: SEED,
    startAt: Date.UTC(2026, 8, 1),
    days: 60,
    targetBytes: BYTES,
  });
  log(
    `  ${stats.files} files, ${(stats.bytes / 1e9).toFixed(2)} GB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  writeFileSync(stampPath, JSON.stringify({ ...wanted, stats }));
  return stats;
}

/** Runs a command; returns wall ms (measured here), peak RSS MB and CPU s (from /usr/bin/time -v). */
function measure(command, commandArgs, env) {
  const argv = hasTime ? ['-v', command, ...commandArgs] : commandArgs;
  const started = performance.now();
  const result = spawnSync(hasTime ? '/usr/bin/time' : command, argv, {
    env,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  const wallMs = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`${command} failed (${result.status}): ${result.stderr.slice(-2000)}`);
  const field = (name) => {
    const match = new RegExp(`${name}[^:]*: ([0-9.]+)`).exec(result.stderr);
    return match === null ? NaN : Number(match[1]);
  };
  const read = /read \d+ of \d+ transcripts, (\d+) bytes/.exec(result.stderr);
  return {
    wallMs,
    rssMb: field('Maximum resident set size') / 1024,
    cpuS: field('User time') + field('System time'),
    bytesRead: read === null ? NaN : Number(read[1]),
    stdout: result.stdout,
  };
}

const median = (values) => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function main() {
  const helpers = await prepare();
  const stats = ensureTree(helpers);
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    CLAUDE_CONFIG_DIR: config,
    TZ: 'UTC',
    LANG: 'C.UTF-8',
    PACEWATCH_DATA_DIR: data,
    PACEWATCH_OFFLINE: '1',
    NO_COLOR: '1',
  };
  mkdirSync(home, { recursive: true });
  const ccArgs = ['daily', '--json', '--offline'];
  const hrArgs = [pacewatch, 'report', 'daily', '--json', '--verbose'];

  log(
    `machine: ${cpus()[0]?.model ?? 'cpu'} × ${availableParallelism()}, Node ${process.version}; tree: ${stats.files} files, ${(stats.bytes / 1e9).toFixed(2)} GB, ${stats.usageLines} usage lines`,
  );
  log('warming the page cache and checking both tools agree …');
  const warmCc = measure(ccusage, ccArgs, env);
  rmSync(data, { recursive: true, force: true });
  const warmHr = measure(process.execPath, hrArgs, env);
  const totals = (text) => JSON.parse(text).totals;
  const [a, b] = [totals(warmCc.stdout), totals(warmHr.stdout)];
  const same =
    ['inputTokens', 'outputTokens', 'cacheCreationTokens', 'cacheReadTokens', 'totalTokens'].every(
      (key) => a[key] === b[key],
    ) && Math.abs(a.totalCost - b.totalCost) < 0.01;
  log(
    `  totals ${same ? 'agree' : 'DIFFER'}: ccusage ${a.totalTokens} tokens $${a.totalCost.toFixed(2)}, Pacewatch ${b.totalTokens} tokens $${b.totalCost.toFixed(2)}`,
  );

  const rows = { cc: [], cold: [], warm: [], append: [], appendCli: [], restart: [], persist: [] };
  const indexDir = join(data, 'logs-index');
  for (let run = 1; run <= RUNS; run += 1) {
    log(`run ${run}/${RUNS} …`);
    rows.cc.push(measure(ccusage, ccArgs, env));
    rmSync(data, { recursive: true, force: true });
    rows.cold.push(measure(process.execPath, hrArgs, env));
    rows.warm.push(measure(process.execPath, hrArgs, env));
    // A long-lived reader (the app, `pacewatch watch`): restart from the index, then a refresh
    // after 1 MB was appended. The index write is deferred, as in the app, and timed apart.
    const saved = join(work, 'index-before-append');
    rmSync(saved, { recursive: true, force: true });
    mkdirSync(saved);
    for (const name of readdirSync(indexDir)) copyFileSync(join(indexDir, name), join(saved, name));
    const indexPath = join(
      indexDir,
      readdirSync(indexDir).find((name) => name.endsWith('.bin')),
    );
    let started = performance.now();
    const reader = helpers.createLogsReader({
      roots: [projects],
      indexPath,
      persistDelayMs: 3_600_000,
      workerScript: join(repo, 'dist', 'logs-worker.cjs'),
    });
    const restart = await reader.refresh();
    rows.restart.push({ wallMs: performance.now() - started, bytesRead: restart.bytesRead });
    const appended = helpers.appendToTree(projects, join(work, 'scratch'), APPEND, SEED + run);
    started = performance.now();
    const refresh = await reader.refresh();
    rows.append.push({
      wallMs: performance.now() - started,
      bytesRead: refresh.bytesRead,
      appended: appended.appended,
    });
    started = performance.now();
    reader.persist();
    rows.persist.push({ wallMs: performance.now() - started });
    reader.close();
    // The same append seen by a CLI run (index from before the append).
    for (const name of readdirSync(saved)) copyFileSync(join(saved, name), join(indexDir, name));
    rows.appendCli.push(measure(process.execPath, hrArgs, env));
    appended.undo();
    for (const name of readdirSync(saved)) copyFileSync(join(saved, name), join(indexDir, name));
  }

  const m = (list, key) => median(list.map((row) => row[key]));
  const cc = { wall: m(rows.cc, 'wallMs'), rss: m(rows.cc, 'rssMb'), cpu: m(rows.cc, 'cpuS') };
  const ratio = (value) => `${(value / cc.wall).toFixed(2)}×`;
  const fmt = (ms) => `${ms.toFixed(0)} ms`;
  const mb = (value) => (Number.isFinite(value) ? `${value.toFixed(0)} MB` : 'n/a');
  const bytes = (value) => (Number.isFinite(value) ? `${value.toLocaleString('en-US')} B` : 'n/a');
  /** A whole-CLI run's row: medians of its wall time, peak RSS, CPU and bytes read. */
  const cliRow = (label, runs) => [
    label,
    fmt(m(runs, 'wallMs')),
    ratio(m(runs, 'wallMs')),
    mb(m(runs, 'rssMb')),
    `${m(runs, 'cpuS').toFixed(2)} s`,
    bytes(m(runs, 'bytesRead')),
  ];
  log();
  log(`medians of ${RUNS} runs`);
  const table = [
    ['', 'wall', 'vs ccusage', 'peak RSS', 'CPU', 'bytes read'],
    [
      'ccusage daily --json --offline (cold, no index)',
      fmt(cc.wall),
      '1.00×',
      mb(cc.rss),
      `${cc.cpu.toFixed(2)} s`,
      'all',
    ],
    cliRow('pacewatch report daily --json, cold (no index)', rows.cold),
    cliRow('pacewatch report daily --json, warm (index, no change)', rows.warm),
    cliRow('pacewatch report daily --json, after appending 1 MB', rows.appendCli),
    [
      'long-lived reader: restart from the index',
      fmt(m(rows.restart, 'wallMs')),
      ratio(m(rows.restart, 'wallMs')),
      '',
      '',
      bytes(m(rows.restart, 'bytesRead')),
    ],
    [
      'long-lived reader: refresh after appending 1 MB',
      fmt(m(rows.append, 'wallMs')),
      ratio(m(rows.append, 'wallMs')),
      '',
      '',
      `${bytes(m(rows.append, 'bytesRead'))} of ${bytes(m(rows.append, 'appended'))} appended`,
    ],
    [
      'long-lived reader: write the index (deferred)',
      fmt(m(rows.persist, 'wallMs')),
      '',
      '',
      '',
      '',
    ],
  ];
  const widths = table[0].map((_, column) =>
    Math.max(...table.map((row) => String(row[column]).length)),
  );
  for (const row of table)
    log(
      row
        .map((cell, column) =>
          column === 0
            ? String(cell).padEnd(widths[column])
            : String(cell).padStart(widths[column]),
        )
        .join('  '),
    );
  log();
  const checks = [
    ['cold ≤ 0.5× ccusage wall time', m(rows.cold, 'wallMs') <= 0.5 * cc.wall],
    ['cold peak RSS ≤ 150 MB', m(rows.cold, 'rssMb') <= 150],
    ['warm run reads nothing', m(rows.warm, 'bytesRead') === 0],
    [
      'append: reads only the new bytes',
      m(rows.append, 'bytesRead') === m(rows.append, 'appended'),
    ],
    ['append refresh < 50 ms', m(rows.append, 'wallMs') < 50],
    [
      'reader restart with the index < 150 ms (load index, check tree)',
      m(rows.restart, 'wallMs') < 150,
    ],
    ['whole CLI warm run < 150 ms (includes Node and CLI start-up)', m(rows.warm, 'wallMs') < 150],
  ];
  for (const [name, ok] of checks) log(`${ok ? 'PASS' : 'FAIL'}  ${name}`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
