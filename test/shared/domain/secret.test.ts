import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scrubSecrets, scrubSecretsDeep } from '../../../shared/domain/secret';

describe('scrubSecrets', () => {
  it.each([
    [
      'OAuth access token',
      'token sk-ant-oat01-abc_DEF-123 here',
      'token sk-ant-oat01-[redacted] here',
    ],
    ['OAuth refresh token', 'sk-ant-ort01-xyz', 'sk-ant-ort01-[redacted]'],
    ['API key', 'key=sk-ant-api03-AbC-9', 'key=sk-ant-api03-[redacted]'],
    ['Admin API key', 'sk-ant-admin01-q_q', 'sk-ant-admin01-[redacted]'],
    ['session key', 'sk-ant-sid01-zz9', 'sk-ant-sid01-[redacted]'],
    ['upper-cased token', 'SK-ANT-OAT01-TEST-TOKEN-ABC USD', 'SK-ANT-OAT01-[redacted] USD'],
    ['mixed case', 'Sk-Ant-Api03-Key', 'Sk-Ant-Api03-[redacted]'],
    [
      'sessionKey cookie',
      'Cookie: sessionKey=abc.def; other=1',
      'Cookie: sessionKey=[redacted]; other=1',
    ],
    [
      'bearer header',
      'Authorization: Bearer abcdefghijklmnop1234',
      'Authorization: Bearer [redacted]',
    ],
    ['x-api-key header', 'x-api-key: secretvalue', 'x-api-key: [redacted]'],
  ])('hides a %s', (_kind, text, scrubbed) => {
    expect(scrubSecrets(text)).toBe(scrubbed);
  });

  it('leaves ordinary text alone', () => {
    expect(scrubSecrets('Week · Opus: 92% used, resets 14:00 (USD 12.34)')).toBe(
      'Week · Opus: 92% used, resets 14:00 (USD 12.34)',
    );
  });

  it('gives the same text when run twice, and never leaves a token it was given', () => {
    const token = fc
      .tuple(
        fc.constantFrom('oat', 'ort', 'api', 'admin', 'sid'),
        fc.nat(99),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
        fc.boolean(),
      )
      .map(([kind, n, value, upper]) => {
        const raw = `sk-ant-${kind}${String(n).padStart(2, '0')}-${value}`;
        return upper ? raw.toUpperCase() : raw;
      });
    fc.assert(
      fc.property(fc.string(), token, fc.string(), (before, raw, after) => {
        const once = scrubSecrets(`${before} ${raw} ${after}`);
        expect(scrubSecrets(once)).toBe(once);
        expect(once.toLowerCase()).not.toContain(raw.toLowerCase());
      }),
      { numRuns: 300 },
    );
  });
});

describe('scrubSecretsDeep', () => {
  it('scrubs every string of a parsed body, keys included, and keeps its shape', () => {
    const body = {
      limits: [{ scope: { model: { display_name: 'Opus sk-ant-oat01-tok' } }, percent: 9 }],
      extra_usage: { currency: 'SK-ANT-OAT01-TOK', used: 12, on: true, none: null },
      'sk-ant-api03-key': 'x',
    };
    expect(scrubSecretsDeep(body)).toEqual({
      limits: [{ scope: { model: { display_name: 'Opus sk-ant-oat01-[redacted]' } }, percent: 9 }],
      extra_usage: { currency: 'SK-ANT-OAT01-[redacted]', used: 12, on: true, none: null },
      'sk-ant-api03-[redacted]': 'x',
    });
  });
});
