import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { groupEntries } from '../../../../../shared/domain/logs/aggregate';
import { dailyJson } from '../../../../../shared/domain/logs/ccusage-json';
import { DEFAULT_PRICE_ROWS, createPriceTable } from '../../../../../shared/domain/logs/prices';
import { createDayKey } from '../../../../../shared/domain/logs/time-zone';
import {
  createLogsReader,
  type LogsReaderOptions,
} from '../../../../../electron/core/sources/logs/reader';
import { assistantText, transcript, userText } from '../../../../fakes/transcripts/line-factory';
import { useTempDir } from '../../../../support/temp-dir';

const tempDir = useTempDir('pacewatch-logs-');

/** A Claude config dir with a projects/ folder, and an index path in a separate data dir. */
function setup(): {
  projects: string;
  file: (name: string) => string;
  reader: (options?: Partial<LogsReaderOptions>) => ReturnType<typeof createLogsReader>;
  indexPath: string;
} {
  const root = tempDir();
  const projects = join(root, 'claude', 'projects');
  mkdirSync(join(projects, 'proj'), { recursive: true });
  const indexPath = join(root, 'data', 'logs-index', 'index.bin');
  return {
    projects,
    indexPath,
    file: (name) => join(projects, 'proj', name),
    reader: (options = {}) =>
      createLogsReader({ roots: [projects], indexPath, threads: 0, ...options }),
  };
}

function daily(reader: ReturnType<typeof createLogsReader>): ReturnType<typeof dailyJson> {
  const entries = reader.entries();
  const day = createDayKey('UTC');
  return dailyJson(
    groupEntries(entries, (index) => day(entries.timestamp[index] ?? 0), { mode: 'auto' }),
  );
}

const line = (id: string, output: number, at = '2026-09-01T10:00:00.000Z'): string =>
  assistantText({ messageId: id, requestId: `req_${id}`, output, at });

describe('the logs reader', () => {
  it('counts each response once, with its largest streamed line', async () => {
    const { file, reader } = setup();
    writeFileSync(
      file('s1.jsonl'),
      transcript(userText(), line('a', 10), line('a', 400), line('a', 200), line('b', 5)),
    );
    const logs = reader();
    const refresh = await logs.refresh();
    expect([refresh.filesRead, refresh.added, refresh.replaced]).toEqual([1, 2, 0]);
    expect(daily(logs).totals.outputTokens).toBe(405);
  });

  it('reads only the appended bytes on the next refresh', async () => {
    const { file, reader } = setup();
    writeFileSync(file('s1.jsonl'), transcript(line('a', 10)));
    const logs = reader();
    await logs.refresh();
    const appended = transcript(line('b', 20), line('a', 30));
    appendFileSync(file('s1.jsonl'), appended);
    const refresh = await logs.refresh();
    expect([refresh.filesRead, refresh.bytesRead, refresh.added, refresh.replaced]).toEqual([
      1,
      Buffer.byteLength(appended),
      1,
      1,
    ]);
    expect(daily(logs).totals.outputTokens).toBe(50);
    expect((await logs.refresh()).filesRead).toBe(0);
  });

  it('holds a torn last line until Claude Code completes it, then counts it once', async () => {
    const { file, reader } = setup();
    const torn = line('b', 70);
    writeFileSync(file('s1.jsonl'), `${transcript(line('a', 10))}${torn.slice(0, 50)}`);
    const logs = reader();
    await logs.refresh();
    expect(daily(logs).totals.outputTokens).toBe(10);
    expect(logs.problems().malformedLines).toBe(0);
    appendFileSync(file('s1.jsonl'), `${torn.slice(50)}\n`);
    await logs.refresh();
    await logs.refresh();
    expect(daily(logs).totals.outputTokens).toBe(80);
    expect(logs.entries().count).toBe(2);
  });

  it('counts a complete last line that lacks its newline (as ccusage does)', async () => {
    const { file, reader } = setup();
    writeFileSync(file('s1.jsonl'), `${transcript(line('a', 10))}${line('b', 70)}`);
    const logs = reader();
    await logs.refresh();
    appendFileSync(file('s1.jsonl'), `\n${line('c', 5)}\n`);
    await logs.refresh();
    expect(daily(logs).totals.outputTokens).toBe(85);
  });

  it('counts and reports malformed lines, and reads on past them', async () => {
    const { file, reader } = setup();
    const broken = line('x', 1).replace('"usage":{', '"usage":{,,');
    writeFileSync(
      file('s1.jsonl'),
      transcript(line('a', 10), broken, 'not json at all', line('b', 20)),
    );
    const logs = reader();
    const refresh = await logs.refresh();
    expect(refresh.malformedLines).toBe(1);
    expect(logs.problems().malformedLines).toBe(1);
    expect(daily(logs).totals.outputTokens).toBe(30);
  });

  it('reads a file again from the start when it shrank under the reader', async () => {
    const { file, reader } = setup();
    writeFileSync(file('s1.jsonl'), transcript(line('a', 10), line('b', 20), line('c', 30)));
    writeFileSync(file('s2.jsonl'), transcript(line('z', 1000)));
    const logs = reader();
    await logs.refresh();
    writeFileSync(file('s1.jsonl'), transcript(line('d', 4)));
    const refresh = await logs.refresh();
    expect(refresh.rebuilt).toBe(`${file('s1.jsonl')} shrank`);
    expect(daily(logs).totals.outputTokens).toBe(1004);
    expect(logs.problems().notices.map((notice) => notice.kind)).toEqual(['rescanned']);
  });

  it('reads a file again when it was replaced by one as long or longer', async () => {
    const { file, reader } = setup();
    writeFileSync(file('s1.jsonl'), transcript(line('a', 10)));
    const logs = reader();
    await logs.refresh();
    rmSync(file('s1.jsonl'));
    writeFileSync(file('s1.jsonl'), transcript(line('b', 20), line('c', 30)));
    const refresh = await logs.refresh();
    expect(refresh.rebuilt).toBe(`${file('s1.jsonl')} was replaced`);
    expect(daily(logs).totals.outputTokens).toBe(50);
  });

  // Issue 11: Claude Code versions that wrote no requestId streamed one response as several lines.
  it('counts request-less lines of one message once per session, with the largest usage', async () => {
    const { file, reader } = setup();
    const bare = (output: number, at: string, session = 'session-a'): string =>
      assistantText({ messageId: 'msg_x', requestId: null, output, at, session });
    writeFileSync(
      file('s1.jsonl'),
      transcript(
        bare(10, '2026-09-01T10:00:00.000Z'),
        bare(400, '2026-09-01T10:00:01.500Z'),
        bare(200, '2026-09-01T10:00:02.000Z'),
      ),
    );
    writeFileSync(file('s1-more.jsonl'), transcript(bare(450, '2026-09-01T10:00:03.000Z')));
    writeFileSync(file('s2.jsonl'), transcript(bare(7, '2026-09-01T10:00:00.000Z', 'session-b')));
    const logs = reader();
    const refresh = await logs.refresh();
    expect([refresh.added, daily(logs).totals.outputTokens]).toEqual([2, 457]);
  });

  // Defect 11 of the fault audit: an edit that kept the file's size was never read.
  it('reads a transcript again when it was edited in place and kept its size', async () => {
    const { file, reader, projects, indexPath } = setup();
    writeFileSync(file('s1.jsonl'), transcript(userText(), line('a', 135), line('b', 20)));
    const logs = reader();
    await logs.refresh();
    const edited = readFileSync(file('s1.jsonl'), 'utf8').replace(
      '"output_tokens":135',
      '"output_tokens":975',
    );
    writeFileSync(file('s1.jsonl'), edited);
    // An editor may keep the size to the byte and the clock may not move between the two writes.
    utimesSync(
      file('s1.jsonl'),
      new Date('2026-09-02T00:00:00Z'),
      new Date('2026-09-02T00:00:00Z'),
    );
    const refresh = await logs.refresh();
    expect(refresh.rebuilt).toBe(`${file('s1.jsonl')} was changed in place`);
    expect(daily(logs).totals.outputTokens).toBe(995);
    const fresh = createLogsReader({
      roots: [projects],
      indexPath: `${indexPath}.fresh`,
      threads: 0,
    });
    await fresh.refresh();
    expect(daily(logs)).toEqual(daily(fresh));
  });

  it('does not read a transcript again when only its time changed (touch)', async () => {
    const { file, reader } = setup();
    writeFileSync(file('s1.jsonl'), transcript(line('a', 135)));
    const logs = reader();
    await logs.refresh();
    utimesSync(
      file('s1.jsonl'),
      new Date('2026-09-02T00:00:00Z'),
      new Date('2026-09-02T00:00:00Z'),
    );
    const refresh = await logs.refresh();
    expect([refresh.rebuilt, refresh.bytesRead, daily(logs).totals.outputTokens]).toEqual([
      null,
      0,
      135,
    ]);
  });

  it('keeps the totals of a deleted transcript and marks its days retained', async () => {
    const { file, reader, indexPath } = setup();
    writeFileSync(file('old.jsonl'), transcript(line('a', 10, '2026-08-01T10:00:00.000Z')));
    writeFileSync(file('new.jsonl'), transcript(line('b', 20, '2026-09-01T10:00:00.000Z')));
    const logs = reader();
    await logs.refresh();
    rmSync(file('old.jsonl'));
    expect((await logs.refresh()).deleted).toBe(1);
    logs.close();
    // The history survives a restart too.
    const restarted = createLogsReader({
      roots: [join(file('x'), '..', '..')],
      indexPath,
      threads: 0,
    });
    await restarted.refresh();
    expect(
      daily(restarted).daily.map((day) => [day.date, day.outputTokens, day.retained ?? false]),
    ).toEqual([
      ['2026-08-01', 10, true],
      ['2026-09-01', 20, false],
    ]);
  });

  it('upgrades a format 1 index as it loads, keeping the history of deleted transcripts', async () => {
    const { file, reader, indexPath } = setup();
    writeFileSync(file('old.jsonl'), transcript(line('a', 10, '2026-08-01T10:00:00.000Z')));
    writeFileSync(file('new.jsonl'), transcript(line('b', 20, '2026-09-01T10:00:00.000Z')));
    const logs = reader();
    await logs.refresh();
    rmSync(file('old.jsonl'));
    await logs.refresh();
    logs.close();
    writeFileSync(indexPath, asFormat1(readFileSync(indexPath)));
    const upgraded = reader();
    const refresh = await upgraded.refresh();
    expect([refresh.rebuilt, refresh.bytesRead, upgraded.problems().notices]).toEqual([
      null,
      0,
      [],
    ]);
    expect(
      daily(upgraded).daily.map((day) => [day.date, day.outputTokens, day.retained ?? false]),
    ).toEqual([
      ['2026-08-01', 10, true],
      ['2026-09-01', 20, false],
    ]);
  });

  it('reports a transcript it cannot read, by path, and counts the rest', async () => {
    const { file, reader } = setup();
    // Tests run as root, where chmod 000 does not stop a read: a folder named like a transcript does.
    mkdirSync(file('broken.jsonl'));
    writeFileSync(file('s1.jsonl'), transcript(line('a', 10)));
    const logs = reader();
    await logs.refresh();
    expect(logs.problems().unreadable).toEqual([
      { path: file('broken.jsonl'), error: 'not a regular file' },
    ]);
    expect(daily(logs).totals.outputTokens).toBe(10);
  });

  it('does not read anything again after a restart with its index', async () => {
    const { file, reader } = setup();
    writeFileSync(file('s1.jsonl'), transcript(line('a', 10), line('b', 20)));
    const first = reader();
    await first.refresh();
    first.close();
    const second = reader();
    const refresh = await second.refresh();
    expect([refresh.filesRead, refresh.bytesRead, refresh.rebuilt]).toEqual([0, 0, null]);
    expect(daily(second)).toEqual(daily(first));
  });

  it('rebuilds a corrupt index from the transcripts, keeps the damaged copy and says so', async () => {
    const { file, reader, indexPath } = setup();
    writeFileSync(file('s1.jsonl'), transcript(line('a', 10)));
    const first = reader();
    await first.refresh();
    first.close();
    writeFileSync(indexPath, 'HRLX garbage');
    const second = reader();
    const refresh = await second.refresh();
    expect(refresh.rebuilt).toMatch(/^the logs index was unreadable/);
    expect(second.problems().notices[0]?.kind).toBe('index-rebuilt');
    expect(
      readdirSync(join(indexPath, '..')).some((name) => name.startsWith('index.bin.corrupt-')),
    ).toBe(true);
    expect(daily(second).totals.outputTokens).toBe(10);
    expect(existsSync(indexPath)).toBe(true);
  });

  it('finds transcripts in new folders, sub-agent files included', async () => {
    const { file, reader } = setup();
    writeFileSync(file('s1.jsonl'), transcript(line('a', 10)));
    const logs = reader();
    await logs.refresh();
    mkdirSync(file('s1/subagents'), { recursive: true });
    writeFileSync(
      file('s1/subagents/agent-1.jsonl'),
      transcript(assistantText({ messageId: 'sub', requestId: 'r', output: 7, sidechain: true })),
    );
    await logs.refresh();
    expect(daily(logs).totals.outputTokens).toBe(17);
  });

  it('recomputes stored costs when the price table changes', async () => {
    const { file, reader } = setup();
    writeFileSync(
      file('s1.jsonl'),
      transcript(assistantText({ model: 'claude-mystery-1', input: 0, output: 1_000_000 })),
    );
    const first = reader();
    await first.refresh();
    first.close();
    const price = DEFAULT_PRICE_ROWS.find((row) => row.models.includes('claude-opus-4-5'))?.price;
    if (price === undefined) throw new Error('no Opus 4.5 price');
    const second = reader({
      prices: createPriceTable([{ models: ['claude-mystery-1'], price }, ...DEFAULT_PRICE_ROWS]),
    });
    await second.refresh();
    expect(daily(second).totals.totalCost).toBe(25);
  });

  it('prices each response by its own date: Sonnet 5.5 cache reads before and after the 2026-10-07 cut, a [1m] Haiku 5.5 over its prompt tier', async () => {
    const { file, reader } = setup();
    const read = (id: string, at: string) =>
      assistantText({
        messageId: id,
        requestId: `r-${id}`,
        model: 'claude-sonnet-5-5',
        at,
        input: 0,
        output: 0,
        cacheRead: 1_000_000,
      });
    writeFileSync(
      file('s1.jsonl'),
      transcript(
        read('before', '2026-10-06T23:00:00.000Z'),
        read('after', '2026-10-07T01:00:00.000Z'),
        assistantText({
          messageId: 'haiku',
          requestId: 'r-haiku',
          model: 'claude-haiku-5-5[1m]',
          at: '2026-12-01T10:00:00.000Z',
          input: 150_000,
          output: 10_000,
        }),
      ),
    );
    const logs = reader();
    await logs.refresh();
    const days = daily(logs).daily.map((day) => [day.date, day.totalCost]);
    // $0.20 before the cut, $0.10 after; Haiku 5.5: 150k × $0.50 + 10k × $2.50 = $0.10.
    expect(days).toEqual([
      ['2026-10-06', 0.2],
      ['2026-10-07', 0.1],
      ['2026-12-01', 0.1],
    ]);
  });

  it('gives the popover’s snapshot, and updates its block when new lines arrive', async () => {
    const { file, reader } = setup();
    writeFileSync(file('s1.jsonl'), transcript(line('a', 100, '2026-09-01T10:05:00.000Z')));
    const logs = reader();
    await logs.refresh();
    const now = Date.parse('2026-09-01T11:00:00.000Z');
    expect(logs.summary(now, 'UTC').activeBlock).toMatchObject({
      isActive: true,
      tokensPerMinute: null,
    });
    appendFileSync(file('s1.jsonl'), transcript(line('b', 200, '2026-09-01T10:35:00.000Z')));
    await logs.refresh();
    const summary = logs.summary(now, 'UTC');
    expect(summary.activeBlock).toMatchObject({
      startAt: Date.parse('2026-09-01T10:00:00.000Z'),
      isActive: true,
      tokens: { input: 20, output: 300, cacheCreation: 0, cacheRead: 0, total: 320 },
      tokensPerMinute: 320 / 30,
    });
    expect(summary.today.tokens.total).toBe(320);
    // Later the same day the block has ended; it is still shown, marked inactive.
    expect(logs.summary(Date.parse('2026-09-01T20:00:00.000Z'), 'UTC').activeBlock?.isActive).toBe(
      false,
    );
  });

  it('calls watch’s listener after a transcript grows', async () => {
    const { file, reader } = setup();
    writeFileSync(file('s1.jsonl'), transcript(line('a', 10)));
    const logs = reader({ pollMs: 200 });
    await logs.refresh();
    const changed = new Promise<void>((resolve) => {
      const stop = logs.watch(() => {
        stop();
        resolve();
      });
    });
    appendFileSync(file('s1.jsonl'), transcript(line('b', 20)));
    await changed;
    expect(daily(logs).totals.outputTokens).toBe(30);
  });

  it('hears appends in nested folders and new session folders without the periodic check', async () => {
    const { file, reader } = setup();
    mkdirSync(file('s1/subagents'), { recursive: true });
    writeFileSync(file('s1/subagents/agent-a.jsonl'), transcript(line('a', 10)));
    const logs = reader({ pollMs: 600_000 });
    await logs.refresh();
    let changes = 0;
    let heard: () => void = () => undefined;
    const stop = logs.watch(() => {
      changes += 1;
      heard();
    });
    const next = (): Promise<void> => new Promise((resolve) => (heard = resolve));
    let change = next();
    appendFileSync(file('s1/subagents/agent-a.jsonl'), transcript(line('b', 20)));
    await change;
    change = next();
    mkdirSync(file('s2/subagents'), { recursive: true });
    writeFileSync(file('s2/subagents/agent-c.jsonl'), transcript(line('c', 40)));
    await change;
    stop();
    expect(changes).toBeGreaterThanOrEqual(2);
    expect(daily(logs).totals.outputTokens).toBe(70);
  });
});

describe('retained history', () => {
  it('folds old entries of deleted transcripts without changing daily totals or costs', async () => {
    const { file, reader } = setup();
    const lines = Array.from({ length: 120 }, (_, index) =>
      assistantText({
        messageId: `m${index}`,
        requestId: `r${index}`,
        output: index + 1,
        model: index % 2 === 0 ? 'claude-opus-4-6' : 'claude-haiku-4-5-20251001',
        at: new Date(Date.UTC(2026, 5, 1, 10, index)).toISOString(),
        ...(index % 5 === 0 ? { costUSD: 0.5 } : {}),
      }),
    );
    writeFileSync(file('old.jsonl'), transcript(...lines));
    writeFileSync(file('recent.jsonl'), transcript(line('z', 7, '2026-09-20T10:00:00.000Z')));
    const logs = reader({ clock: () => Date.parse('2026-09-30T00:00:00Z') });
    await logs.refresh();
    const before = daily(logs);
    rmSync(file('old.jsonl'));
    await logs.refresh();
    expect(logs.entries().count).toBeLessThanOrEqual(1 + 8 * 2 * 2);
    expect(daily(logs)).toEqual(roundCosts(before, daily(logs)));
  });
});

/** `before` with its costs replaced by `after`'s where they differ only by float rounding, and days marked retained. */
function roundCosts(
  before: ReturnType<typeof daily>,
  after: ReturnType<typeof daily>,
): ReturnType<typeof daily> {
  const close = (a: number, b: number): number => (Math.abs(a - b) < 1e-9 ? b : a);
  return {
    daily: before.daily.map((day, index) => {
      const other = after.daily[index];
      return {
        ...day,
        totalCost: close(day.totalCost, other?.totalCost ?? NaN),
        modelBreakdowns: day.modelBreakdowns.map((model, at) => ({
          ...model,
          cost: close(model.cost, other?.modelBreakdowns[at]?.cost ?? NaN),
        })),
        ...(day.date === '2026-06-01' ? { retained: true as const } : {}),
      };
    }),
    totals: { ...before.totals, totalCost: close(before.totals.totalCost, after.totals.totalCost) },
  };
}

/** An index file as Pacewatch's format 1 wrote it: no tail fingerprints (see index-file.ts). */
function asFormat1(bytes: Buffer): Buffer {
  const headerLength = bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.toString('utf8', 16, 16 + headerLength)) as {
    files: Record<string, unknown>[];
  };
  for (const entry of header.files) {
    delete entry.tail;
    delete entry.tailLength;
  }
  const json = Buffer.from(JSON.stringify(header));
  const padded = Buffer.alloc(Math.ceil(json.length / 8) * 8, 0x20);
  json.copy(padded);
  const body = Buffer.concat([padded, bytes.subarray(16 + headerLength)]);
  const preamble = Buffer.from(bytes.subarray(0, 16));
  preamble.writeUInt32LE(1, 4);
  preamble.writeUInt32LE(padded.length, 8);
  preamble.writeUInt32LE(crc32(body), 12);
  return Buffer.concat([preamble, body]);
}
