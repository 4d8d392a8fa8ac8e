import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EngineState } from '../../../../electron/core/services/engine';
import { createLogsMonitor } from '../../../../electron/core/services/logs-monitor';
import { dataLayout } from '../../../../electron/core/stores/data-layout';
import { useTempDir } from '../../../support/temp-dir';
import { silentLogger, testEngine } from '../../../support/test-engine';

const tempDir = useTempDir();

/** One assistant response as Claude Code writes it (Sonnet 4.5: $3 in, $15 out, $0.30 cache read per M). */
function line(
  id: string,
  at: number,
  usage: { input: number; output: number; cacheRead: number },
): string {
  return `${JSON.stringify({
    type: 'assistant',
    timestamp: new Date(at).toISOString(),
    sessionId: 'session-1',
    requestId: `req_${id}`,
    version: '2.1.0',
    cwd: '/home/u/repo',
    message: {
      id: `msg_${id}`,
      model: 'claude-sonnet-4-5-20250929',
      usage: {
        input_tokens: usage.input,
        output_tokens: usage.output,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: usage.cacheRead,
      },
    },
  })}\n`;
}

describe('engine with the logs estimate', () => {
  it('publishes the local-transcript estimate and follows new lines', async () => {
    const root = tempDir();
    const now = Date.now();
    const project = join(root, 'claude', 'projects', '-home-u-repo');
    mkdirSync(project, { recursive: true });
    const transcript = join(project, 'session-1.jsonl');
    writeFileSync(
      transcript,
      line('1', now - 10 * 60_000, { input: 100, output: 50, cacheRead: 1_000 }),
    );
    const layout = dataLayout(join(root, 'data'));
    const clock = { now: () => Date.now() };
    const pathEnv = {
      env: { CLAUDE_CONFIG_DIR: join(root, 'claude'), PACEWATCH_DATA_DIR: layout.dir },
      platform: process.platform,
      home: root,
    };
    const { engine } = testEngine({
      layout,
      clock,
      sources: () => [],
      extra: { logs: createLogsMonitor(pathEnv, silentLogger) },
    });
    const states: EngineState[] = [];
    engine.subscribe((state) => states.push(state));
    engine.start();
    const first = await until(states, (state) => state.logs !== null);
    expect(first.logs?.today.tokens.total).toBe(1_150);
    expect(first.logs?.today.costUsd).toBeCloseTo(0.00135, 10);
    expect(first.logs?.activeBlock?.tokens.total).toBe(1_150);

    appendFileSync(transcript, line('2', now - 60_000, { input: 200, output: 100, cacheRead: 0 }));
    const second = await until(states, (state) => state.logs?.today.tokens.total === 1_450);
    expect(second.logs?.today.costUsd).toBeCloseTo(0.00345, 10);
    expect(second.views).toEqual([]);
    await engine.stop();
  });
});

async function until(
  states: EngineState[],
  condition: (state: EngineState) => boolean,
): Promise<EngineState> {
  for (let i = 0; i < 200; i++) {
    const found = states.find(condition);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(
    `no state matched within 10 s; last: ${JSON.stringify(states.at(-1)?.logs ?? null)}`,
  );
}
