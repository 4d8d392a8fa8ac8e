import { EventEmitter } from 'node:events';
import type { ForkOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PRICE_ROWS } from '../../../shared/domain/logs/prices';
import {
  FIRST_READ_TIMEOUT_MS,
  firstReadInChild,
} from '../../../electron/core/sources/logs/first-read';
import { FIRST_READ_FLAG } from '../../../electron/core/sources/logs/scan-protocol';
import {
  utilityForkScript,
  type ForkedUtility,
  type UtilityProcessModule,
} from '../../../electron/main/utility-fork';

/** A utility process that records kills and exits when told. */
class FakeUtilityProcess extends EventEmitter implements ForkedUtility {
  kills = 0;
  kill(): boolean {
    this.kills += 1;
    return true;
  }
}

/** A typed fake of Electron's `utilityProcess`: records each fork. */
function fakeUtilityProcess(fails = false) {
  const forks: { modulePath: string; args: string[]; options: ForkOptions | undefined }[] = [];
  const children: FakeUtilityProcess[] = [];
  const module: UtilityProcessModule = {
    fork(modulePath, args = [], options) {
      if (fails) throw new Error('utilityProcess.fork can only be called after ready');
      forks.push({ modulePath, args, options });
      const child = new FakeUtilityProcess();
      children.push(child);
      return child;
    },
  };
  return { module, forks, children };
}

const job = { roots: ['/home/u/.claude/projects'], indexPath: '/data/index.bin', priceRows: [] };

afterEach(() => {
  vi.useRealTimers();
});

describe('the app’s first read through Electron’s utilityProcess', () => {
  it('forks the bundled worker as a utility process with the job, and no run-as-node variable', async () => {
    const fake = fakeUtilityProcess();
    const read = firstReadInChild(utilityForkScript(fake.module), '/app/dist/logs-worker.cjs', {
      ...job,
      priceRows: DEFAULT_PRICE_ROWS.slice(0, 1),
    });
    expect(fake.forks).toEqual([
      {
        modulePath: '/app/dist/logs-worker.cjs',
        args: [
          FIRST_READ_FLAG,
          JSON.stringify({ ...job, priceRows: DEFAULT_PRICE_ROWS.slice(0, 1) }),
        ],
        options: { stdio: 'ignore', serviceName: 'Pacewatch transcript reader' },
      },
    ]);
    expect(fake.forks[0]?.options?.env).toBeUndefined();
    fake.children[0]?.emit('exit', 0);
    expect(await read).toBe(true);
  });

  it('reads in-process instead when the child fails or cannot start', async () => {
    const fake = fakeUtilityProcess();
    const read = firstReadInChild(utilityForkScript(fake.module), '/w.cjs', job);
    fake.children[0]?.emit('exit', 1);
    expect(await read).toBe(false);
    const refused = fakeUtilityProcess(true);
    expect(await firstReadInChild(utilityForkScript(refused.module), '/w.cjs', job)).toBe(false);
  });

  it('stops a child that runs past the deadline', async () => {
    vi.useFakeTimers();
    const fake = fakeUtilityProcess();
    const read = firstReadInChild(utilityForkScript(fake.module), '/w.cjs', job);
    const child = fake.children[0] as FakeUtilityProcess;
    vi.advanceTimersByTime(FIRST_READ_TIMEOUT_MS - 1);
    expect(child.kills).toBe(0);
    vi.advanceTimersByTime(1);
    expect(child.kills).toBe(1);
    child.emit('exit', 15);
    expect(await read).toBe(false);
  });
});
