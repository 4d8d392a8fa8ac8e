#!/usr/bin/env node
// Engine idle cost (docs/PRODUCT.md §4), not part of `npm test`:
//   node test/bench/watch-idle.mjs [--seconds 300] [--settle 15] [--no-logs] [--tree <dir>]
// Runs a headless `pacewatch watch` with 5-minute polls against a loopback fake of the usage
// endpoint, over the ~1 GB transcript tree that `npm run bench` generates (run that first), and
// samples the process from /proc once a second after its first look at the tree: resident memory
// and CPU time (mean % of one core over the whole run). Budgets: < 80 MB RSS, < 0.5 % of one core.
// Memory is judged once the process is idle: the first --settle seconds are start-up, reported
// apart (V8 hands the start-up burst's young generation back ~8 s after it goes quiet).
// --no-logs turns the local estimate off in settings: the engine's cost without transcripts.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const option = (name) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const tree = resolve(option('--tree') ?? join(repo, 'test', 'bench', '.work', 'claude'));
const SECONDS = Number(option('--seconds') ?? 300);
const SETTLE = Number(option('--settle') ?? 15);
if (!(SECONDS > SETTLE)) {
  console.error(`--seconds (${SECONDS}) must be longer than --settle (${SETTLE}).`);
  process.exit(2);
}
const LOGS = !process.argv.includes('--no-logs');
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

if (!existsSync(join(tree, 'projects'))) {
  console.error('No benchmark tree: run `npm run bench` once to generate test/bench/.work/claude.');
  process.exit(1);
}

const resets = new Date(Date.now() + 3 * 3_600_000).toISOString();
const api = createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(
    JSON.stringify({
      five_hour: { utilization: 12, resets_at: resets },
      seven_day: { utilization: 30, resets_at: resets },
    }),
  );
});
await new Promise((ready) => api.listen(0, '127.0.0.1', ready));

const root = mkdtempSync(join(tmpdir(), 'pacewatch-idle-'));
const home = join(root, 'home');
mkdirSync(join(home, '.claude'), { recursive: true });
mkdirSync(join(root, 'data'), { recursive: true });
if (!LOGS)
  writeFileSync(
    join(root, 'data', 'settings.json'),
    JSON.stringify({ sources: { logs: { enabled: false } } }),
  );
writeFileSync(
  join(tree, '.credentials.json'),
  JSON.stringify({
    claudeAiOauth: { accessToken: 'sk-ant-oat01-bench', expiresAt: 4_102_444_800_000 },
  }),
  { mode: 0o600 },
);
const env = {
  PATH: process.env.PATH,
  HOME: home,
  CLAUDE_CONFIG_DIR: tree,
  PACEWATCH_DATA_DIR: join(root, 'data'),
  PACEWATCH_ANTHROPIC_URL: `http://127.0.0.1:${api.address().port}`,
  PACEWATCH_OFFLINE: '1',
};
const child = spawn(
  process.execPath,
  [join(repo, 'bin', 'pacewatch.cjs'), 'watch', '--interval', '5m'],
  { env, stdio: ['ignore', 'pipe', 'pipe'] },
);
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));

const started = performance.now();
while (!output.includes(LOGS ? 'logs (estimate' : 'oauth:')) {
  if (performance.now() - started > 60_000)
    throw new Error(`watch did not read the tree within 60 s:\n${output}`);
  await new Promise((r) => setTimeout(r, 100));
}
const firstLook = performance.now() - started;

const proc = (file) => readFileSync(`/proc/${child.pid}/${file}`, 'utf8');
const cpuTicks = () => {
  const fields = proc('stat')
    .slice(proc('stat').lastIndexOf(')') + 2)
    .split(' ');
  return Number(fields[11]) + Number(fields[12]);
};
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(proc('status'))[1]) / 1024;

console.log(
  LOGS
    ? `watch read the tree (cold, no index) in ${(firstLook / 1000).toFixed(1)} s; sampling for ${SECONDS} s …`
    : `watch started (local estimate off) in ${(firstLook / 1000).toFixed(1)} s; sampling for ${SECONDS} s …`,
);
const ticks0 = cpuTicks();
const samples = [];
for (let i = 0; i < SECONDS; i++) {
  await new Promise((r) => setTimeout(r, 1_000));
  samples.push(rssMb());
}
const cpuSeconds = (cpuTicks() - ticks0) / TICKS_PER_SECOND;
// Its data folder is removed only once it has exited (it may be writing there as it stops).
const exited = new Promise((done) => child.once('exit', done));
child.kill('SIGTERM');
await exited;
api.close();
rmSync(root, { recursive: true, force: true });
rmSync(join(tree, '.credentials.json'), { force: true });

const startUp = samples.slice(0, SETTLE);
const idle = samples.slice(SETTLE);
const peak = Math.max(...idle);
const mean = idle.reduce((a, b) => a + b, 0) / idle.length;
const cpuPercent = (cpuSeconds / SECONDS) * 100;
console.log(`RSS during start-up (first ${SETTLE} s): peak ${Math.max(...startUp).toFixed(1)} MB`);
console.log(
  `RSS idle (${idle.length} s after that): peak ${peak.toFixed(1)} MB, mean ${mean.toFixed(1)} MB (budget < 80 MB: ${peak < 80 ? 'PASS' : 'FAIL'})`,
);
console.log(
  `CPU ${cpuSeconds.toFixed(2)} s over ${SECONDS} s = ${cpuPercent.toFixed(3)} % of one core (budget < 0.5 %: ${cpuPercent < 0.5 ? 'PASS' : 'FAIL'})`,
);
