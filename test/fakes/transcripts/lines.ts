/** Who writes a line: the fields Claude Code repeats on every transcript line. */
export interface LineContext {
  readonly cwd: string;
  readonly sessionId: string;
  readonly version: string;
  readonly gitBranch: string;
  readonly isSidechain: boolean;
  readonly agentId?: string;
}

/** `message.usage` as Claude Code writes it. */
export interface UsageJson {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation?: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  output_tokens: number;
  service_tier?: string;
  speed?: 'standard' | 'fast';
}

/** One content block of an assistant message. */
export type ContentBlock =
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

/** The fields of one streamed assistant line that differ from line to line. */
export interface AssistantPart {
  readonly uuid: string;
  readonly parentUuid: string | null;
  readonly at: number;
  readonly messageId: string;
  readonly requestId: string | undefined;
  readonly model: string;
  readonly block: ContentBlock;
  readonly usage: UsageJson;
  readonly costUSD?: number;
}

const iso = (at: number): string => new Date(at).toISOString();

function envelope(ctx: LineContext, uuid: string, parentUuid: string | null) {
  return {
    parentUuid,
    isSidechain: ctx.isSidechain,
    userType: 'external',
    cwd: ctx.cwd,
    sessionId: ctx.sessionId,
    version: ctx.version,
    gitBranch: ctx.gitBranch,
    ...(ctx.agentId === undefined ? {} : { agentId: ctx.agentId }),
  };
}

/** The nested `message` object of an assistant line. */
export function assistantMessage(part: AssistantPart): Record<string, unknown> {
  return {
    model: part.model,
    id: part.messageId,
    type: 'message',
    role: 'assistant',
    content: [part.block],
    stop_reason: part.block.type === 'tool_use' ? 'tool_use' : null,
    stop_sequence: null,
    usage: part.usage,
  };
}

/** One streamed line of an assistant response. */
export function assistantLine(ctx: LineContext, part: AssistantPart): string {
  return JSON.stringify({
    ...envelope(ctx, part.uuid, part.parentUuid),
    message: assistantMessage(part),
    ...(part.requestId === undefined ? {} : { requestId: part.requestId }),
    type: 'assistant',
    uuid: part.uuid,
    timestamp: iso(part.at),
    ...(part.costUSD === undefined ? {} : { costUSD: part.costUSD }),
  });
}

/** A prompt the user typed. */
export function userPromptLine(
  ctx: LineContext,
  uuid: string,
  parentUuid: string | null,
  at: number,
  text: string,
): string {
  return JSON.stringify({
    ...envelope(ctx, uuid, parentUuid),
    type: 'user',
    message: { role: 'user', content: text },
    uuid,
    timestamp: iso(at),
  });
}

/** A tool result, with Claude Code's structured copy of it (most of a transcript's bytes). */
export function toolResultLine(
  ctx: LineContext,
  uuid: string,
  parentUuid: string,
  at: number,
  toolUseId: string,
  text: string,
  structured: Record<string, unknown>,
): string {
  return JSON.stringify({
    ...envelope(ctx, uuid, parentUuid),
    type: 'user',
    message: {
      role: 'user',
      content: [{ tool_use_id: toolUseId, type: 'tool_result', content: text }],
    },
    uuid,
    timestamp: iso(at),
    toolUseResult: structured,
  });
}

/** Claude Code's checkpoint of edited files. */
export function fileHistoryLine(
  messageId: string,
  at: number,
  files: Record<string, unknown>,
): string {
  return JSON.stringify({
    type: 'file-history-snapshot',
    messageId,
    snapshot: { messageId, trackedFileBackups: files, timestamp: iso(at) },
    isSnapshotUpdate: false,
  });
}

/** A hook's progress notice (no usage). */
export function hookProgressLine(
  ctx: LineContext,
  uuid: string,
  at: number,
  command: string,
): string {
  return JSON.stringify({
    ...envelope(ctx, uuid, null),
    type: 'progress',
    data: {
      type: 'hook_progress',
      hookEvent: 'PostToolUse',
      hookName: 'PostToolUse:Edit',
      command,
    },
    toolUseID: `toolu_${uuid.slice(0, 12)}`,
    parentToolUseID: `toolu_${uuid.slice(0, 12)}`,
    uuid,
    timestamp: iso(at),
  });
}

/** A sub-agent's assistant message replayed in the parent transcript as agent progress. */
export function agentProgressLine(
  ctx: LineContext,
  uuid: string,
  at: number,
  nested: AssistantPart,
  agentId: string,
): string {
  return JSON.stringify({
    ...envelope(ctx, uuid, null),
    type: 'progress',
    data: {
      type: 'agent_progress',
      message: {
        type: 'assistant',
        message: assistantMessage(nested),
        ...(nested.requestId === undefined ? {} : { requestId: nested.requestId }),
        isSidechain: true,
        uuid: nested.uuid,
        timestamp: iso(nested.at),
      },
      normalizedMessages: [],
      agentId,
    },
    toolUseID: `toolu_${uuid.slice(0, 12)}`,
    uuid,
    timestamp: iso(at),
  });
}

/** A system notice line. */
export function systemLine(ctx: LineContext, uuid: string, at: number, content: string): string {
  return JSON.stringify({
    ...envelope(ctx, uuid, null),
    type: 'system',
    subtype: 'informational',
    content,
    level: 'info',
    uuid,
    timestamp: iso(at),
  });
}

/** The conversation title Claude Code writes at the top of a transcript. */
export function summaryLine(summary: string, leafUuid: string): string {
  return JSON.stringify({ type: 'summary', summary, leafUuid });
}
