import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashString } from '../../../../../shared/domain/logs/hash';
import { readUsageRecords, type UsageRecord } from '../../../../../shared/domain/logs/usage-record';
import { FastLineReader } from '../../../../../electron/core/sources/logs/fast-line';
import { skeletonCut } from '../../../../../electron/core/sources/logs/line-scanner';
import {
  createReadBuffer,
  type ReadBuffer,
} from '../../../../../electron/core/sources/logs/read-buffer';
import {
  emptyFields,
  type RecordFields,
} from '../../../../../electron/core/sources/logs/record-batch';
import { createPrng, type Prng } from '../../../../fakes/transcripts/prng';
import { generateTree } from '../../../../fakes/transcripts/tree';

/** What the usual path (JSON.parse of the skeleton, else of the line) reads from one line. */
function usualPath(line: string): { records: UsageRecord[]; skeletonParsed: boolean } {
  const buffer = createReadBuffer(1 << 16, false);
  const length = buffer.bytes.write(line, 0, 'latin1');
  const cut = skeletonCut(buffer, 0, length);
  const records: UsageRecord[] = [];
  if (cut !== null) {
    const skeleton = line.slice(0, cut.cut) + line.slice(cut.resume, length);
    try {
      readUsageRecords(JSON.parse(skeleton), records);
      return { records, skeletonParsed: true };
    } catch {
      // not JSON: the whole line is parsed below
    }
  }
  try {
    readUsageRecords(JSON.parse(line), records);
  } catch {
    // malformed: no records
  }
  return { records, skeletonParsed: false };
}

/** A usage record as a batch row takes it (RecordBatch.push's conversion). */
function asFields(record: UsageRecord): RecordFields {
  return {
    timestamp: record.timestamp,
    messageKey: record.messageId === null ? NaN : hashString(record.messageId),
    requestKey: record.requestId === null ? NaN : hashString(record.requestId),
    sessionId: record.sessionId,
    model: record.model,
    speed: record.speed,
    isSidechain: record.isSidechain,
    isAdvisor: record.isAdvisor,
    input: record.input,
    output: record.output,
    cacheWrite5m: record.cacheWrite5m,
    cacheWrite1h: record.cacheWrite1h,
    cacheRead: record.cacheRead,
    costUsd: record.costUsd,
  };
}

/** The fast path over one file's lines in order (one reader per buffer, as the scanner has). */
class FastPath {
  readonly #buffer: ReadBuffer;
  readonly #reader = new FastLineReader();

  constructor(wasm: boolean) {
    this.#buffer = createReadBuffer(1 << 20, wasm);
  }

  /** The fields the fast path reads from `line` at `offset` of the buffer, or null (declined). */
  read(line: string, offset: number): RecordFields | null {
    const length = this.#buffer.bytes.write(line, offset, 'latin1');
    const cut = skeletonCut(this.#buffer, offset, offset + length);
    if (cut === null) return null;
    const out = emptyFields();
    const { cut: at, resume } = cut;
    return this.#reader.read(this.#buffer, offset, at, resume, offset + length, out) ? out : null;
  }
}

/** Compares both paths on a sequence of lines; returns how many the fast path read. */
function compare(lines: readonly string[], prng: Prng): number {
  const paths = [new FastPath(true), new FastPath(false)];
  let accepted = 0;
  for (const line of lines) {
    const offset = prng.int(0, 4096);
    const results = paths.map((path) => path.read(line, offset));
    // The SIMD walk and the reference walk always agree.
    expect(results[1], line).toEqual(results[0]);
    const fast = results[0] ?? null;
    if (fast === null) continue;
    accepted += 1;
    const usual = usualPath(line);
    // What the fast path reads, JSON.parse reads too, from the same skeleton, exactly.
    expect({ line, skeletonParsed: usual.skeletonParsed }).toEqual({ line, skeletonParsed: true });
    expect({ line, fields: usual.records.map(asFields) }).toEqual({ line, fields: [fast] });
  }
  return accepted;
}

function usageLines(dir: string): string[][] {
  const files: string[][] = [];
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.jsonl'))
        files.push(
          readFileSync(path, 'latin1')
            .split('\n')
            .filter((line) => line.includes('"usage":{')),
        );
    }
  };
  walk(dir);
  return files;
}

/** One mutation of a transcript line: what real trees or a broken writer could produce. */
const MUTATIONS: readonly ((line: string, prng: Prng) => string)[] = [
  (line, prng) => splice(line, prng, '\\'),
  (line, prng) => splice(line, prng, prng.pick(['"', '{', '}', '[', ']', ',', ':', ' ', '\t'])),
  (line, prng) => splice(line, prng, prng.pick(['\u0001', '\u00e9', '\u00ff', 'null', '-', '0'])),
  (line, prng) => {
    const at = prng.int(0, line.length - 1);
    return line.slice(0, at) + line.slice(at + 1);
  },
  (line, prng) => line.slice(0, prng.int(1, line.length - 1)),
  (line, prng) => `${line}${prng.pick([' ', '\r', ' \t', 'x', '}', ',{}'])}`,
  (line, prng) =>
    line.replace(
      prng.pick(['"message":{', '"usage":{', '{"parentUuid"', '"cache_creation":{']),
      (found) =>
        `${found}${prng.pick(['"model":"claude-x",', '"id":"msg_dup",', '"sessionId":"s2",', '"input_tokens":5,', '"speed":"fast",', '"requestId":"r",', '"ephemeral_5m_input_tokens":1,', '"isSidechain":true,', '"timestamp":"2026-01-01T00:00:00Z",'])}`,
    ),
  (line, prng) =>
    line.replace(
      new RegExp(
        `"${prng.pick(['cwd', 'version', 'sessionId', 'requestId', 'model', 'id', 'parentUuid', 'stop_reason', 'gitBranch', 'isSidechain', 'speed', 'cache_creation', 'timestamp', 'service_tier'])}":("[^"]*"|[a-z0-9.]+|\\{[^}]*\\})`,
      ),
      (found) =>
        `${found.slice(0, found.indexOf(':') + 1)}${prng.pick(['null', '""', '1', 'true', '{}', '[]', '"x"', '" "'])}`,
    ),
  (line, prng) =>
    line.replace(
      new RegExp(
        `"(${prng.pick(['input_tokens', 'output_tokens', 'cache_read_input_tokens', 'cache_creation_input_tokens', 'ephemeral_1h_input_tokens', 'ephemeral_5m_input_tokens'])})":\\d+`,
      ),
      (_found, key: string) =>
        `"${key}":${prng.pick(['1.0', '1e2', '-1', '-0', '01', '0', '123456789012345', '1234567890123456', '9007199254740993', '1.5', '2E0', '1 ', ' 7'])}`,
    ),
  (line, prng) =>
    line.replace(
      /"timestamp":"[^"]*"/,
      `"timestamp":"${prng.pick(['2026-09-01T10:00:00Z', '2026-09-01T10:00:00.5Z', '2026-09-01T10:00:00.123+05:30', '2026-09-01T10:00:00.123-0800', '2026-02-31T23:59:59.999Z', '0099-01-01T00:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-09-01 10:00:00.000Z', '2026-09-01T10:00:00.000+99:99', '2026-09-01T10:00:00.000Z '])}"`,
    ),
  (line, prng) =>
    line.replace(
      /"version":"[^"]*"/,
      `"version":"${prng.pick(['2.1', '2.1.x', '10.20.3-beta', '1.0.0', 'v2.1.3', '', '2..3'])}"`,
    ),
  (line, prng) =>
    line.replace(
      /"usage":\{/,
      `"usage":{${prng.pick(['"speed":"fast",', '"speed":"turbo",', '"speed":"standard",', '"iterations":[],', '"iterations":5,', '"cache_creation":null,', '"server_tool_use":{"web_search_requests":0},'])}`,
    ),
  (line, prng) =>
    line.replace(
      /,"type":"assistant"/,
      `,"costUSD":${prng.pick(['0.25', '1e-3', '-0', '"0.1"', 'null', '12345678901234567890', '0.1000000000000000055511151231257827'])},"type":"assistant"`,
    ),
  (line, prng) =>
    line.replace(
      /"sessionId":"[^"]*"/,
      `"sessionId":"${prng.pick(['s', 's'.repeat(255), 's'.repeat(256), 'caf\u00e9', ''])}"`,
    ),
  (line, prng) =>
    line.replace(
      /"model":"[^"]*"/,
      `"model":"${prng.pick(['<synthetic>', 'claude-opus-4-6', 'm'.repeat(300), ''])}"`,
    ),
  (line, prng) =>
    line.replace(/^\{/, `{"deep":${'['.repeat(prng.int(60, 70))}${']'.repeat(prng.int(60, 70))},`),
  (line, prng) =>
    line.replace(/^\{/, `{"data":${prng.pick(['{}', '{"message":{}}', 'null', '[1,2]'])},`),
  (line) => JSON.stringify(shuffleKeys(JSON.parse(line) as Record<string, unknown>)),
  (line) => JSON.stringify(JSON.parse(line) as unknown, null, 1).replace(/\n/g, ' '),
];

function splice(line: string, prng: Prng, text: string): string {
  const at = prng.int(0, line.length);
  return line.slice(0, at) + text + line.slice(at);
}

function shuffleKeys(value: Record<string, unknown>): Record<string, unknown> {
  const entries = Object.entries(value).reverse();
  return Object.fromEntries(
    entries.map(([key, child]) => [
      key,
      typeof child === 'object' && child !== null && !Array.isArray(child)
        ? shuffleKeys(child as Record<string, unknown>)
        : child,
    ]),
  );
}

describe('the fast line reader', () => {
  let dir: string;
  let files: string[][];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pacewatch-fast-line-'));
    const trees = [
      { seed: 31, sessions: 60, scale: 0.05 },
      { seed: 32, sessions: 6, scale: 1 },
    ];
    for (const tree of trees) {
      generateTree({
        root: join(dir, String(tree.seed)),
        seed: tree.seed,
        startAt: Date.UTC(2026, 5, 1),
        days: 30,
        sessions: tree.sessions,
        scale: tree.scale,
        faults: true,
        divergent: true,
      });
    }
    files = usageLines(dir);
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads what JSON.parse reads, on every usage line of generated transcripts', () => {
    const prng = createPrng(1);
    const lines = files.flat().length;
    let accepted = 0;
    for (const file of files) accepted += compare(file, prng);
    // Not vacuous: nearly every line is read by the fast path (the rest: agent progress, faults).
    expect(lines).toBeGreaterThan(2000);
    expect(accepted / lines).toBeGreaterThan(0.9);
  });

  it('reads what JSON.parse reads, or declines, on thousands of mutated lines', () => {
    const prng = createPrng(2);
    const pool = files.flat();
    let accepted = 0;
    let mutated = 0;
    for (let round = 0; round < 300; round += 1) {
      // Runs of lines through one reader, so its same-session / same-model memory is exercised.
      const run = Array.from({ length: 20 }, () => {
        const line = prng.pick(pool);
        if (!prng.chance(0.7)) return line;
        mutated += 1;
        let changed = line;
        for (let count = prng.int(1, 2); count > 0; count -= 1) {
          try {
            changed = prng.pick(MUTATIONS)(changed, prng);
          } catch {
            // a mutation that needs JSON on an already broken line: keep what there is
          }
        }
        return changed;
      });
      accepted += compare(run, prng);
    }
    expect(mutated).toBeGreaterThan(3000);
    expect(accepted).toBeGreaterThan(2000);
  });
});
