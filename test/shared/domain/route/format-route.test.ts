import { describe, expect, it } from 'vitest';
import { formatRouteReport } from '../../../../shared/domain/route/format-route';
import type { RouteReport } from '../../../../shared/domain/route/route-report';

const report = (overrides: Partial<RouteReport>): RouteReport => ({
  route: 'subscription',
  plan: 'Max',
  headline: 'Claude Code bills your Max subscription (claude.ai login)',
  summary: 'Max subscription',
  evidence: [{ source: '~/.claude.json', detail: 'records a claude.ai login' }],
  fix: [],
  ...overrides,
});

describe('formatRouteReport', () => {
  it('prints the headline, aligned evidence and numbered steps back to the subscription', () => {
    const text = formatRouteReport(
      report({
        route: 'api-key',
        headline: 'Claude Code bills your API key (ANTHROPIC_API_KEY), not your Max subscription',
        evidence: [
          { source: '~/.zshrc:12', detail: 'exports ANTHROPIC_API_KEY' },
          { source: '~/.claude.json', detail: 'records a claude.ai login' },
        ],
        fix: ['Delete the line.', 'Check /status.'],
      }),
    );
    expect(text).toBe(
      [
        'Claude Code bills your API key (ANTHROPIC_API_KEY), not your Max subscription.',
        '',
        'Evidence:',
        '  ~/.zshrc:12     exports ANTHROPIC_API_KEY',
        '  ~/.claude.json  records a claude.ai login',
        '',
        'To go back to your subscription:',
        '  1. Delete the line.',
        '  2. Check /status.',
        '',
      ].join('\n'),
    );
  });

  it('says there is nothing to change on the subscription', () => {
    expect(formatRouteReport(report({}))).toBe(
      [
        'Claude Code bills your Max subscription (claude.ai login).',
        '',
        'Evidence:',
        '  ~/.claude.json  records a claude.ai login',
        '',
        'Nothing to change.',
        '',
      ].join('\n'),
    );
  });

  it('heads the steps "To sign in" when the route is unknown', () => {
    const text = formatRouteReport(report({ route: 'unknown', fix: ['Run `claude login`.'] }));
    expect(text).toContain('\nTo sign in:\n  1. Run `claude login`.\n');
  });
});
