import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type HttpLimits } from '../../../electron/core/create-core';
import { createCoreEngine } from '../../../electron/core/create-engine';
import type { Http, SecretStore } from '../../../electron/core/ports';
import { MAX_PRICE_LIST_BYTES } from '../../../electron/core/prices/price-refresh';
import type { EngineState } from '../../../electron/core/services/engine';
import { litellmEntry } from '../../fakes/price-list';
import { assistantText, transcript } from '../../fakes/transcripts/line-factory';
import { fakeTimers } from '../../support/fake-timers';
import { recordingLogger } from '../../support/recording-logger';
import { useTempDir } from '../../support/temp-dir';

const tempDir = useTempDir('pacewatch-create-engine-');
/** Never contacted: the core's Http factory below answers everything. */
const LIST_URL = 'http://127.0.0.1:9/model_prices.json';

const noSecrets: SecretStore = {
  get: () => Promise.resolve(null),
  set: () => Promise.resolve(),
  delete: () => Promise.resolve(false),
};

describe('the engine over a core', () => {
  it('refreshes prices through the Http factory the app gives the core, bounded for the list', async () => {
    const root = tempDir();
    const project = join(root, 'claude', 'projects', '-home-dev-api');
    mkdirSync(project, { recursive: true });
    writeFileSync(
      join(project, 's1.jsonl'),
      transcript(
        assistantText({
          at: new Date(Date.now() - 10 * 60_000).toISOString(),
          model: 'claude-opus-6',
          input: 1_000,
          output: 2_000,
        }),
      ),
    );
    const env = {
      HOME: root,
      CLAUDE_CONFIG_DIR: join(root, 'claude'),
      PACEWATCH_DATA_DIR: join(root, 'data'),
      PACEWATCH_PRICES_URL: LIST_URL,
    };
    const made: { origins: string[]; limits: HttpLimits | undefined }[] = [];
    const asked: string[] = [];
    // The app's network stand-in: the price list answers, every other host is unreachable.
    const appHttp: Http = {
      request(req) {
        asked.push(req.url);
        if (req.url !== LIST_URL)
          return Promise.resolve({ ok: false, failure: { kind: 'network', message: 'offline' } });
        const body = JSON.stringify({ 'claude-opus-6': litellmEntry(6, 30) });
        return Promise.resolve({ ok: true, response: { status: 200, header: () => null, body } });
      },
    };
    const created = await createCore({
      pathEnv: { env, platform: 'linux', home: root },
      secrets: noSecrets,
      http: (origins, limits) => {
        made.push({ origins: [...origins], limits });
        return appHttp;
      },
    });
    if (!created.ok) throw new Error(created.message);
    const engine = createCoreEngine(created.core, {
      notifier: { notify: () => Promise.resolve() },
      logger: recordingLogger(),
      timers: fakeTimers(),
    });
    const states: EngineState[] = [];
    engine.subscribe((state) => states.push(state));
    engine.start();
    for (let i = 0; i < 200 && !states.some((s) => (s.logs?.today.costUsd ?? 0) > 0); i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    await engine.stop();

    // 1,000 × $6 + 2,000 × $30 per million, priced by the list the app's Http fetched.
    expect(states.at(-1)?.logs?.today.costUsd).toBeCloseTo(0.066, 10);
    expect(asked.filter((url) => url === LIST_URL)).toEqual([LIST_URL]);
    expect(made).toContainEqual({
      origins: ['http://127.0.0.1:9'],
      limits: { maxBodyBytes: MAX_PRICE_LIST_BYTES },
    });
  });
});
