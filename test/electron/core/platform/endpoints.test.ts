import { describe, expect, it } from 'vitest';
import {
  allowedOrigins,
  isLoopbackHost,
  resolveEndpoints,
} from '../../../../electron/core/platform/endpoints';

const ALLOWED = 'an https:// URL, or an http:// URL on this machine (127.0.0.1, ::1 or localhost)';

describe('resolveEndpoints', () => {
  it('uses the real services when nothing is overridden', () => {
    expect(resolveEndpoints({})).toEqual({
      ok: true,
      endpoints: {
        anthropic: 'https://api.anthropic.com',
        claudeAi: 'https://claude.ai',
        overrides: [],
        anthropicIsLoopback: false,
        claudeAiIsLoopback: false,
      },
    });
  });

  it('treats an empty variable as unset', () => {
    const result = resolveEndpoints({ PACEWATCH_ANTHROPIC_URL: '  ' });
    expect(result.ok && result.endpoints.anthropic).toBe('https://api.anthropic.com');
  });

  it('accepts a loopback fake, trims trailing slashes and says so in a banner', () => {
    expect(
      resolveEndpoints({
        PACEWATCH_ANTHROPIC_URL: 'http://127.0.0.1:4010/',
        PACEWATCH_CLAUDE_AI_URL: 'http://localhost:4011//',
      }),
    ).toEqual({
      ok: true,
      endpoints: {
        anthropic: 'http://127.0.0.1:4010',
        claudeAi: 'http://localhost:4011',
        overrides: [
          'Using PACEWATCH_ANTHROPIC_URL=http://127.0.0.1:4010',
          'Using PACEWATCH_CLAUDE_AI_URL=http://localhost:4011',
        ],
        anthropicIsLoopback: true,
        claudeAiIsLoopback: true,
      },
    });
  });

  it('accepts any https URL, keeping a path prefix', () => {
    expect(
      resolveEndpoints({ PACEWATCH_ANTHROPIC_URL: 'https://proxy.example.com/anthropic/' }),
    ).toEqual({
      ok: true,
      endpoints: {
        anthropic: 'https://proxy.example.com/anthropic',
        claudeAi: 'https://claude.ai',
        overrides: ['Using PACEWATCH_ANTHROPIC_URL=https://proxy.example.com/anthropic'],
        anthropicIsLoopback: false,
        claudeAiIsLoopback: false,
      },
    });
  });

  it('accepts http on ::1 and anywhere in 127.0.0.0/8', () => {
    const result = resolveEndpoints({
      PACEWATCH_ANTHROPIC_URL: 'http://[::1]:4010',
      PACEWATCH_CLAUDE_AI_URL: 'http://127.8.9.10',
    });
    expect(result.ok && [result.endpoints.anthropic, result.endpoints.claudeAi]).toEqual([
      'http://[::1]:4010',
      'http://127.8.9.10',
    ]);
  });

  const refused: Array<[Record<string, string>, string]> = [
    [
      { PACEWATCH_ANTHROPIC_URL: 'http://example.com' },
      `PACEWATCH_ANTHROPIC_URL must be ${ALLOWED}; got http://example.com. Fix it, or unset it.`,
    ],
    [
      { PACEWATCH_CLAUDE_AI_URL: 'http://10.0.0.5:8080' },
      `PACEWATCH_CLAUDE_AI_URL must be ${ALLOWED}; got http://10.0.0.5:8080. Fix it, or unset it.`,
    ],
    [
      { PACEWATCH_ANTHROPIC_URL: 'http://127.0.0.1.example.com' },
      `PACEWATCH_ANTHROPIC_URL must be ${ALLOWED}; got http://127.0.0.1.example.com. Fix it, or unset it.`,
    ],
    [
      { PACEWATCH_ANTHROPIC_URL: 'ftp://127.0.0.1' },
      `PACEWATCH_ANTHROPIC_URL must be ${ALLOWED}; got ftp://127.0.0.1. Fix it, or unset it.`,
    ],
    [
      { PACEWATCH_ANTHROPIC_URL: 'api.anthropic.com' },
      `PACEWATCH_ANTHROPIC_URL is not a URL. Set it to ${ALLOWED}, or unset it.`,
    ],
    [
      { PACEWATCH_ANTHROPIC_URL: 'https://user:pw@api.anthropic.com' },
      'PACEWATCH_ANTHROPIC_URL must be a plain base URL without user name, password, query or fragment. Fix it, or unset it.',
    ],
    [
      { PACEWATCH_CLAUDE_AI_URL: 'https://claude.ai/?x=1' },
      'PACEWATCH_CLAUDE_AI_URL must be a plain base URL without user name, password, query or fragment. Fix it, or unset it.',
    ],
  ];
  it.each(refused)('refuses %j, naming the variable and what is allowed', (env, message) => {
    expect(resolveEndpoints(env)).toEqual({ ok: false, message });
  });

  it('never echoes a password from a refused URL', () => {
    const result = resolveEndpoints({ PACEWATCH_ANTHROPIC_URL: 'http://me:hunter2@evil.example' });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});

describe('allowedOrigins', () => {
  it('lists the origins of both endpoints once each', () => {
    const result = resolveEndpoints({
      PACEWATCH_ANTHROPIC_URL: 'https://proxy.example.com/anthropic',
    });
    if (!result.ok) throw new Error(result.message);
    expect(allowedOrigins(result.endpoints)).toEqual([
      'https://proxy.example.com',
      'https://claude.ai',
    ]);
    const same = resolveEndpoints({
      PACEWATCH_ANTHROPIC_URL: 'http://127.0.0.1:4010',
      PACEWATCH_CLAUDE_AI_URL: 'http://127.0.0.1:4010/',
    });
    if (!same.ok) throw new Error(same.message);
    expect(allowedOrigins(same.endpoints)).toEqual(['http://127.0.0.1:4010']);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST', true],
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['[::1]', true],
    ['::1', true],
    ['128.0.0.1', false],
    ['127.0.0.256', false],
    ['127.0.0', false],
    ['localhost.example.com', false],
    ['0.0.0.0', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
