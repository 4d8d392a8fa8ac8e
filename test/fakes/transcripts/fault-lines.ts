import { assistantLine, type AssistantPart, type LineContext } from './lines';
import type { Prng } from './prng';

const iso = (at: number): string => new Date(at).toISOString();

function part(prng: Prng, at: number, model = 'claude-sonnet-4-5-20250929'): AssistantPart {
  return {
    uuid: `${prng.hex(8)}-fault`,
    parentUuid: null,
    at,
    messageId: `msg_01${prng.hex(22)}`,
    requestId: `req_011C${prng.hex(20)}`,
    model,
    block: { type: 'text', text: 'fault case' },
    usage: {
      input_tokens: prng.int(1, 50),
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: prng.int(1000, 9000),
      output_tokens: prng.int(10, 900),
    },
  };
}

function edit(line: string, change: (record: Record<string, unknown>) => void): string {
  const record = JSON.parse(line) as Record<string, unknown>;
  change(record);
  return JSON.stringify(record);
}

function usageOf(record: Record<string, unknown>): Record<string, unknown> {
  return (record.message as { usage: Record<string, unknown> }).usage;
}

/**
 * Lines real trees contain now and then, one kind per call: torn and malformed lines, lines both
 * ccusage and Pacewatch ignore (null fields, bad versions, unknown speeds, microsecond stamps), and
 * odd but valid ones (offset time zones, CRLF, synthetic notices, advisor iterations, costUSD).
 */
export function faultLines(prng: Prng, ctx: LineContext, at: number, divergent: boolean): string[] {
  const base = (): string => assistantLine(ctx, part(prng, at));
  const kinds: (() => string[])[] = [
    () => [base().slice(0, 200)], // torn mid-file, then the writer went on
    () => [base().replace('"usage":{', '"usage":{"input_tokens":1,,')], // broken usage object
    () => ['this is not json at all', '', '   '],
    () => [`${base()}\r`],
    () => [edit(base(), (r) => (r.cwd = null))],
    () => [edit(base(), (r) => (r.version = 'not-a-version'))],
    () => [edit(base(), (r) => (usageOf(r).speed = 'turbo'))],
    () => [edit(base(), (r) => (usageOf(r).output_tokens = -5))],
    () => [edit(base(), (r) => (r.timestamp = iso(at).replace('Z', '123Z')))], // microseconds
    () => [edit(base(), (r) => (r.sessionId = ''))],
    () => [
      edit(base(), (r) => {
        const local = new Date(at + 5.5 * 3_600_000).toISOString().slice(0, 23);
        r.timestamp = `${local}+05:30`;
      }),
    ],
    () => [
      edit(assistantLine(ctx, part(prng, at, '<synthetic>')), (r) => {
        r.isApiErrorMessage = true;
        delete r.requestId;
        const usage = usageOf(r);
        usage.input_tokens = 0;
        usage.output_tokens = 0;
        usage.cache_read_input_tokens = 0;
      }),
    ],
    () => [
      edit(assistantLine(ctx, part(prng, at, 'claude-opus-4-6')), (r) => {
        usageOf(r).iterations = [
          { type: 'message', model: null, input_tokens: 3, output_tokens: 40 },
          {
            type: 'advisor_message',
            model: 'claude-haiku-4-5-20251001',
            input_tokens: 900,
            output_tokens: 120,
            cache_read_input_tokens: 300,
          },
        ];
      }),
    ],
    () => [edit(base(), (r) => (r.costUSD = Math.round(prng.next() * 1e6) / 1e6))],
    () => [edit(assistantLine(ctx, part(prng, at, 'claude-mystery-2')), (r) => (r.costUSD = 0.25))],
  ];
  if (divergent) {
    // Request-less lines of one message at one time: every ccusage loader and Pacewatch count them
    // once (at other times, ccusage's daily loader counts each: see ccusage-parity.test.ts).
    kinds.push(() => {
      const first = part(prng, at);
      const noRequest = { ...first, requestId: undefined };
      return [
        assistantLine(ctx, noRequest),
        assistantLine(ctx, {
          ...noRequest,
          usage: { ...first.usage, output_tokens: first.usage.output_tokens + 50 },
        }),
      ];
    });
  }
  return prng.pick(kinds)();
}

/** A usage line cut short, with no newline: what a reader sees while Claude Code is writing. */
export function tornTail(lines: readonly string[]): string {
  const template = lines.find((line) => line.includes('"usage":{')) ?? '{"type":"assistant"}';
  return template.slice(0, Math.floor(template.length * 0.6));
}
