import { describe, expect, it } from 'vitest';
import { dispatchInvoke, type InvokeHandlers } from '../../../electron/app/dispatch';
import { INVOKE_NAMES } from '../../../shared/ipc/contract';

/** Handlers that record what reached them. */
function recording() {
  const calls: [string, unknown[]][] = [];
  const handlers = Object.fromEntries(
    INVOKE_NAMES.map((name) => [
      name,
      (...args: unknown[]) => (calls.push([name, args]), Promise.resolve(null)),
    ]),
  ) as unknown as InvokeHandlers;
  return { calls, handlers };
}

const SECRET = 'sk-ant-sid01-test-session-abc';

describe('a request at the door', () => {
  it('runs the handler with the checked arguments', async () => {
    const { calls, handlers } = recording();
    expect(
      await dispatchInvoke(handlers, 'saveSettings', [
        { thresholds: [60], sources: { web: true } },
      ]),
    ).toEqual({ ok: true, result: null });
    expect(calls).toEqual([['saveSettings', [{ thresholds: [60], sources: { web: true } }]]]);
  });

  it.each([
    { name: 'readFile', args: ['/etc/passwd'], reason: 'unknown request' },
    { name: 'constructor', args: [], reason: 'unknown request' },
    { name: 'getPopover', args: [1], reason: 'malformed getPopover request: arguments (too_big)' },
    {
      name: 'saveSettings',
      args: [],
      reason: 'malformed saveSettings request: arguments (too_small)',
    },
    {
      name: 'saveSettings',
      args: [{ pollIntervalSeconds: { oauth: 5 } }],
      reason: 'malformed saveSettings request: 0.pollIntervalSeconds.oauth (too_small)',
    },
    {
      name: 'saveSettings',
      args: [{ quietHours: { start: '7pm', end: '08:00' } }],
      reason: 'malformed saveSettings request: 0.quietHours.start (invalid_format)',
    },
    {
      name: 'saveSettings',
      args: [{ snoozeUntil: 0 }],
      reason: 'malformed saveSettings request: 0 (unrecognized_keys)',
    },
    {
      name: 'storeCredential',
      args: [{ id: 'oauth', value: SECRET }],
      reason: 'malformed storeCredential request: 0.id (invalid_value)',
    },
    {
      name: 'storeCredential',
      args: [{ id: 'web', value: SECRET.repeat(200) }],
      reason: 'malformed storeCredential request: 0.value (too_big)',
    },
    {
      name: 'storeCredential',
      args: [{ id: 'web', value: 42 }],
      reason: 'malformed storeCredential request: 0.value (invalid_type)',
    },
    {
      name: 'snooze',
      args: [{ choice: 'forever' }],
      reason: 'malformed snooze request: 0.choice (invalid_value)',
    },
  ])('refuses $name($args) before any handler runs: $reason', async ({ name, args, reason }) => {
    const { calls, handlers } = recording();
    const result = await dispatchInvoke(handlers, name, args);
    expect(result).toEqual({ ok: false, reason });
    expect(JSON.stringify(result)).not.toContain('test-session-abc');
    expect(calls).toEqual([]);
  });
});
