import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../electron/core/create-core';
import { defaultSettings } from '../../shared/domain/settings';
import { useCliWorld } from '../support/cli-world';

// Defect 6 of the fault audit: a settings.json with only a UTF-8 byte-order mark, or one field out
// of range, reset every setting (sources, thresholds, budget) to its default.

const newWorld = useCliWorld();
const BOM = '\uFEFF';

async function coreOver(world: Awaited<ReturnType<typeof newWorld>>, text: string) {
  mkdirSync(world.dataDir, { recursive: true });
  writeFileSync(join(world.dataDir, 'settings.json'), text);
  const created = await createCore({
    pathEnv: { env: world.env, platform: 'linux', home: world.home },
  });
  if (!created.ok) throw new Error(created.message);
  return created.core;
}

const chosen = {
  alerts: { thresholds: [60, 85], lockoutLeadMinutes: 45 },
  sources: { oauth: { enabled: false }, admin: { enabled: true, monthlyBudgetUsd: 200 } },
  requestTimeoutSeconds: 20,
};

describe('a settings.json the schema does not fully take', () => {
  it('with a byte-order mark, loads every field as written, with no complaint', async () => {
    const world = await newWorld();
    const core = await coreOver(world, `${BOM}${JSON.stringify(chosen)}`);
    expect(core.problems).toEqual([]);
    expect(core.settings()).toEqual({
      ...defaultSettings(),
      alerts: { ...defaultSettings().alerts, thresholds: [60, 85], lockoutLeadMinutes: 45 },
      sources: {
        ...defaultSettings().sources,
        oauth: { enabled: false },
        admin: { enabled: true, monthlyBudgetUsd: 200 },
      },
      requestTimeoutSeconds: 20,
    });
  });

  it('with one field out of range, keeps every other field and names the one dropped', async () => {
    const world = await newWorld();
    const text = `${BOM}${JSON.stringify({ ...chosen, requestTimeoutSeconds: 900 })}`;
    const core = await coreOver(world, text);
    const path = join(world.dataDir, 'settings.json');
    expect(core.settings()).toMatchObject({
      alerts: { thresholds: [60, 85], lockoutLeadMinutes: 45 },
      sources: { oauth: { enabled: false }, admin: { enabled: true, monthlyBudgetUsd: 200 } },
      requestTimeoutSeconds: 15,
    });
    const sentence = `In ${path}, this setting was not usable and left at the default: requestTimeoutSeconds (Too big: expected number to be <=120). Every other setting is kept; fix or remove it in that file, or save Settings again.`;
    expect(core.problems).toEqual([sentence]);
    // The file is left as the user wrote it: nothing is lost, nothing moved aside.
    expect(readFileSync(path, 'utf8')).toBe(text);
    const run = await world.run(['status', '--source', 'statusline']);
    expect(run.stderr).toContain(`pacewatch: ${sentence}\n`);
  });
});
