/** What a test says about one assistant line; everything else gets a plain default. */
export interface LineSpec {
  readonly at?: string;
  readonly session?: string | null;
  readonly messageId?: string | null;
  readonly requestId?: string | null;
  readonly model?: string | null;
  readonly input?: number;
  readonly output?: number;
  readonly cacheWrite?: number;
  readonly cacheRead?: number;
  /** Adds `cache_creation` with this 5m / 1h split. */
  readonly breakdown?: { readonly fiveMinute: number; readonly oneHour: number };
  readonly speed?: 'standard' | 'fast';
  readonly sidechain?: boolean;
  readonly costUSD?: number;
  readonly version?: string;
  /** Extra top-level fields, applied last. */
  readonly extra?: Record<string, unknown>;
}

/** The object of one Claude Code assistant line, as Claude Code lays it out. */
export function assistantRecord(spec: LineSpec = {}): Record<string, unknown> {
  const usage: Record<string, unknown> = {
    input_tokens: spec.input ?? 10,
    cache_creation_input_tokens: spec.cacheWrite ?? 0,
    cache_read_input_tokens: spec.cacheRead ?? 0,
    output_tokens: spec.output ?? 100,
  };
  if (spec.breakdown !== undefined) {
    usage.cache_creation = {
      ephemeral_5m_input_tokens: spec.breakdown.fiveMinute,
      ephemeral_1h_input_tokens: spec.breakdown.oneHour,
    };
  }
  if (spec.speed !== undefined) usage.speed = spec.speed;
  const message: Record<string, unknown> = {
    ...(spec.model === null ? {} : { model: spec.model ?? 'claude-sonnet-4-5-20250929' }),
    ...(spec.messageId === null ? {} : { id: spec.messageId ?? 'msg_01test' }),
    type: 'message',
    role: 'assistant',
    content: [{ type: 'text', text: 'hello' }],
    stop_reason: null,
    stop_sequence: null,
    usage,
  };
  return {
    parentUuid: null,
    isSidechain: spec.sidechain ?? false,
    userType: 'external',
    cwd: '/home/dev/project',
    ...(spec.session === null ? {} : { sessionId: spec.session ?? 'session-a' }),
    version: spec.version ?? '2.1.200',
    gitBranch: 'main',
    message,
    ...(spec.requestId === null ? {} : { requestId: spec.requestId ?? 'req_01test' }),
    type: 'assistant',
    uuid: 'uuid-1',
    timestamp: spec.at ?? '2026-09-01T10:00:00.000Z',
    ...(spec.costUSD === undefined ? {} : { costUSD: spec.costUSD }),
    ...spec.extra,
  };
}

/** One assistant line (JSON text, no newline). */
export function assistantText(spec: LineSpec = {}): string {
  return JSON.stringify(assistantRecord(spec));
}

/** Lines joined as a transcript file's content (each line ends with a newline). */
export function transcript(...lines: readonly string[]): string {
  return lines.map((line) => `${line}\n`).join('');
}

/** A user line with no usage (most of a transcript's bytes). */
export function userText(text = 'please fix the tests'): string {
  return JSON.stringify({
    type: 'user',
    sessionId: 'session-a',
    message: { role: 'user', content: text },
    timestamp: '2026-09-01T09:59:00.000Z',
  });
}
