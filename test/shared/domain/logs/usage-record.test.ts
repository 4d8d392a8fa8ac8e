import { describe, expect, it } from 'vitest';
import { readUsageRecords, type UsageRecord } from '../../../../shared/domain/logs/usage-record';
import { assistantRecord } from '../../../fakes/transcripts/line-factory';

function read(line: unknown): UsageRecord[] {
  const out: UsageRecord[] = [];
  readUsageRecords(line, out);
  return out;
}

describe('reading a usage record from a transcript line', () => {
  it('reads ids, tokens, cache split, speed and cost of an assistant line', () => {
    const [record] = read(
      assistantRecord({
        messageId: 'msg_1',
        requestId: 'req_1',
        input: 10,
        output: 135,
        cacheWrite: 9907,
        cacheRead: 22820,
        breakdown: { fiveMinute: 907, oneHour: 9000 },
        speed: 'fast',
        model: 'claude-opus-4-6',
        costUSD: 0.5,
      }),
    );
    expect(record).toEqual({
      timestamp: Date.parse('2026-09-01T10:00:00.000Z'),
      sessionId: 'session-a',
      messageId: 'msg_1',
      requestId: 'req_1',
      isSidechain: false,
      model: 'claude-opus-4-6',
      modelLabel: 'claude-opus-4-6-fast',
      speed: 'fast',
      input: 10,
      output: 135,
      cacheWrite5m: 907,
      cacheWrite1h: 9000,
      cacheRead: 22820,
      costUsd: 0.5,
      isAdvisor: false,
    });
  });

  it('counts every cache write as a 5-minute write when the line has no breakdown', () => {
    const [record] = read(assistantRecord({ cacheWrite: 700 }));
    expect([record?.cacheWrite5m, record?.cacheWrite1h]).toEqual([700, 0]);
  });

  it('takes the breakdown over cache_creation_input_tokens when both are there (as ccusage)', () => {
    const [record] = read(
      assistantRecord({ cacheWrite: 100_000, breakdown: { fiveMinute: 0, oneHour: 50_000 } }),
    );
    expect([record?.cacheWrite5m, record?.cacheWrite1h]).toEqual([0, 50_000]);
  });

  it('keeps the tokens of a <synthetic> line but names no model', () => {
    const [record] = read(assistantRecord({ model: '<synthetic>', input: 5, output: 7 }));
    expect([record?.model, record?.modelLabel, record?.input, record?.output]).toEqual([
      null,
      null,
      5,
      7,
    ]);
  });

  it('reads a sub-agent response nested in an agent_progress line, sidechain flag included', () => {
    const nested = assistantRecord({ messageId: 'msg_sub', requestId: 'req_sub', output: 60 });
    const line = {
      type: 'progress',
      sessionId: 'parent',
      timestamp: '2026-09-01T11:00:00.000Z',
      data: {
        type: 'agent_progress',
        message: {
          type: 'assistant',
          timestamp: '2026-09-01T10:30:00.000Z',
          requestId: 'req_sub',
          isSidechain: true,
          message: nested.message,
        },
      },
    };
    const [record] = read(line);
    expect(record).toMatchObject({
      timestamp: Date.parse('2026-09-01T10:30:00.000Z'),
      sessionId: 'parent',
      messageId: 'msg_sub',
      requestId: 'req_sub',
      isSidechain: true,
      output: 60,
    });
  });

  it('bills an advisor iteration as its own response of its own model', () => {
    const line = assistantRecord({ messageId: 'msg_1', model: 'claude-opus-4-6', output: 100 });
    (line.message as { usage: Record<string, unknown> }).usage.iterations = [
      { type: 'message', model: null, input_tokens: 2, output_tokens: 100 },
      {
        type: 'advisor_message',
        model: 'claude-haiku-4-5-20251001',
        input_tokens: 1000,
        output_tokens: 50,
        cache_read_input_tokens: 7,
      },
    ];
    const records = read(line);
    expect(
      records.map((record) => [
        record.messageId,
        record.model,
        record.input,
        record.output,
        record.cacheRead,
        record.isAdvisor,
      ]),
    ).toEqual([
      ['msg_1', 'claude-opus-4-6', 10, 100, 0, false],
      ['msg_1:advisor:0', 'claude-haiku-4-5-20251001', 1000, 50, 7, true],
    ]);
  });

  it.each([
    [
      'a user line',
      {
        type: 'user',
        message: { role: 'user', content: 'hi' },
        timestamp: '2026-09-01T10:00:00.000Z',
      },
    ],
    [
      'a tool result whose structured copy holds a usage object',
      {
        type: 'user',
        timestamp: '2026-09-01T10:00:00.000Z',
        message: { role: 'user', content: [] },
        toolUseResult: { usage: { input_tokens: 1, output_tokens: 2 } },
      },
    ],
    ['a version that is not semver', assistantRecord({ version: 'not-a-version' })],
    ['a speed ccusage does not know', withUsage({ speed: 'turbo' })],
    ['a null speed', withUsage({ speed: null })],
    ['negative tokens', withUsage({ output_tokens: -5 })],
    ['fractional tokens', withUsage({ input_tokens: 2.5 })],
    ['missing input_tokens', withUsage({ input_tokens: undefined })],
    ['a null cache read count', withUsage({ cache_read_input_tokens: null })],
    ['a null cwd', assistantRecord({ extra: { cwd: null } })],
    ['a null costUSD', assistantRecord({ extra: { costUSD: null } })],
    ['an empty sessionId', assistantRecord({ session: '' })],
    ['an empty requestId', assistantRecord({ requestId: '' })],
    ['a non-boolean isSidechain', assistantRecord({ extra: { isSidechain: 'yes' } })],
    ['microsecond timestamps', assistantRecord({ at: '2026-09-01T10:00:00.000123Z' })],
    ['a +0000 offset', assistantRecord({ at: '2026-09-01T10:00:00+0000' })],
  ])('skips %s, as ccusage v20 does', (_name, line) => {
    expect(read(line)).toEqual([]);
  });

  // Defect 8 of the fault audit: a transcript line claiming 1.2e29 tokens was counted ($7.4e23).
  it.each([
    ['1.2e29 input tokens', withUsage({ input_tokens: 1.2e29 })],
    ['an output count past a billion', withUsage({ output_tokens: 1_000_000_001 })],
    ['a cache read count past a billion', withUsage({ cache_read_input_tokens: 2 ** 53 })],
    ['a cache write count past a billion', withUsage({ cache_creation_input_tokens: 4e12 })],
    [
      'a 1h cache write count past a billion',
      assistantRecord({ breakdown: { fiveMinute: 0, oneHour: 5e15 } }),
    ],
    ['a costUSD of 1e308', assistantRecord({ costUSD: 1e308 })],
    [
      'a costUSD that overflowed to Infinity',
      assistantRecord({ costUSD: JSON.parse('1e400') as number }),
    ],
    ['a negative costUSD', assistantRecord({ costUSD: -3 })],
  ])('rejects %s as an impossible value: the line adds nothing', (_name, line) => {
    expect(read(line)).toEqual([]);
  });

  it('still counts the largest real responses: a million tokens in, 128k out, $1,000', () => {
    const [record] = read(
      assistantRecord({
        input: 1_000_000,
        output: 128_000,
        cacheRead: 999_999_999,
        costUSD: 1000,
      }),
    );
    expect([record?.input, record?.output, record?.cacheRead, record?.costUsd]).toEqual([
      1_000_000, 128_000, 999_999_999, 1000,
    ]);
  });

  it('still counts a response whose content holds a null id (ccusage drops it; it was billed)', () => {
    const line = assistantRecord();
    (line.message as { content: unknown }).content = [{ type: 'tool_use', id: null, input: {} }];
    expect(read(line)).toHaveLength(1);
  });

  it('allows a null model inside usage.iterations (Claude Code writes it)', () => {
    const line = withUsage({
      iterations: [{ type: 'message', model: null, input_tokens: 1, output_tokens: 2 }],
    });
    expect(read(line)).toHaveLength(1);
  });

  it('reads offset time zones', () => {
    const [record] = read(assistantRecord({ at: '2026-09-01T10:00:00.000+05:30' }));
    expect(record?.timestamp).toBe(Date.parse('2026-09-01T04:30:00.000Z'));
  });
});

function withUsage(changes: Record<string, unknown>): Record<string, unknown> {
  const line = assistantRecord();
  const usage = (line.message as { usage: Record<string, unknown> }).usage;
  const changed = Object.fromEntries(
    Object.entries({ ...usage, ...changes }).filter(([, value]) => value !== undefined),
  );
  (line.message as { usage: Record<string, unknown> }).usage = changed;
  return line;
}
