import { describe, expect, it } from 'vitest';
import type { BannerModel, CardModel } from '../../shared/ipc/popover-model';
import {
  bannerTimes,
  blockLine,
  cardFigure,
  extraUsageLine,
  isCompact,
  projectionLine,
  resetsLine,
} from '../../renderer/popover/card-text';
import { formatTokens } from '../../shared/domain/format';
import { HOUR, MINUTE, t } from '../shared/domain/factories';

const NOW = t('2026-11-21T09:00');

function card(overrides: Partial<CardModel> = {}): CardModel {
  return {
    id: 'five_hour',
    label: 'Session',
    short: 'S',
    headline: 'S 42%',
    utilization: 42,
    resetsAt: NOW + 2 * HOUR + 13 * MINUTE,
    resetAt: null,
    level: 'normal',
    lockoutSoon: false,
    binding: true,
    stale: false,
    source: 'oauth',
    fetchedAt: NOW,
    projection: { status: 'safe', lockoutAt: null, blockedMs: null, note: null, ratePerHour: null },
    pace: null,
    chart: { recent: [], week: [], resets: [] },
    thresholds: [50, 75, 90],
    money: null,
    ...overrides,
  };
}

const banner = (overrides: Partial<BannerModel>): BannerModel => ({
  kind: 'error',
  title: '',
  message: '',
  source: null,
  retryAt: null,
  until: null,
  actions: [],
  ...overrides,
});

describe('card wording', () => {
  it.each([
    [
      {
        status: 'at-risk' as const,
        lockoutAt: NOW + 102 * MINUTE,
        blockedMs: 18 * MINUTE,
        note: null,
        ratePerHour: null,
      },
      // The duration keeps its unit on its line (no-break spaces) when the sentence wraps.
      'At this pace: locked 10:42, blocked 18\u00a0m',
    ],
    [
      { status: 'safe' as const, lockoutAt: null, blockedMs: null, note: null, ratePerHour: null },
      'At this pace: no lockout before the reset',
    ],
    [
      {
        status: 'locked' as const,
        lockoutAt: NOW - HOUR,
        blockedMs: 3 * HOUR,
        note: null,
        ratePerHour: null,
      },
      'Limit reached · back at 11:13',
    ],
    [
      {
        status: 'insufficient-data' as const,
        lockoutAt: null,
        blockedMs: null,
        note: 'Not enough readings yet.',
        ratePerHour: null,
      },
      'No projection yet: too few readings',
    ],
  ])('projection %o reads "%s"', (projection, text) => {
    expect(projectionLine(card({ projection }), NOW)).toBe(text);
  });

  it('folds a window to one row only when the verdict reads it normal, current and unbound', () => {
    const quiet = card({ binding: false, utilization: 4 });
    expect(isCompact(quiet)).toBe(true);
    // The level is the verdict's: per-window thresholds may make 30 % a warning.
    expect(isCompact({ ...quiet, utilization: 30, level: 'warning' })).toBe(false);
    // And a high figure the verdict reads normal (thresholds of 95 only) stays one row.
    expect(isCompact({ ...quiet, utilization: 80, level: 'normal', thresholds: [95] })).toBe(true);
    expect(isCompact({ ...quiet, binding: true })).toBe(false);
    expect(isCompact({ ...quiet, stale: true, level: 'stale' })).toBe(false);
    expect(
      isCompact({
        ...quiet,
        projection: {
          status: 'at-risk',
          lockoutAt: NOW + 3 * HOUR,
          blockedMs: HOUR,
          note: null,
          ratePerHour: 9,
        },
      }),
    ).toBe(false);
  });

  it('says when a window resets, and that one whose reset time passed has reset', () => {
    expect(resetsLine(card(), NOW)).toBe('resets in 2 h 13 m (11:13)');
    const reset = card({ utilization: 0, resetsAt: null, resetAt: NOW - 30 * MINUTE });
    expect(resetsLine(reset, NOW)).toBe('reset at 08:30 — new figures with the next poll');
    // No projection until new figures arrive.
    expect(projectionLine(reset, NOW)).toBe('');
    expect(resetsLine(card({ resetsAt: null }), NOW)).toBe('reset time unknown');
  });

  it('shows money for a budget and spend in plain words', () => {
    expect(cardFigure(card({ utilization: 42.25 }))).toBe('42.3%');
    expect(cardFigure(card({ money: { used: 123.45, limit: 200, currency: 'USD' } }))).toBe(
      '$123.45 of $200.00',
    );
    const extra = {
      enabled: true,
      used: 3.25,
      limit: 20.5,
      currency: 'USD',
      utilization: 15.85,
      source: 'oauth' as const,
      level: 'normal' as const,
    };
    expect(extraUsageLine(extra)).toBe('$3.25 of $20.50 spent this month');
    expect(extraUsageLine({ ...extra, limit: null })).toBe('$3.25 spent this month (no cap)');
    expect(extraUsageLine({ ...extra, enabled: false })).toBe('Extra usage is off');
  });

  it('words banner times against the clock', () => {
    expect(bannerTimes(banner({ until: NOW + 2 * HOUR + 13 * MINUTE }), NOW)).toBe(
      'Back at 11:13 (in 2 h 13 m).',
    );
    expect(bannerTimes(banner({ retryAt: NOW + 9 * MINUTE }), NOW)).toBe(
      'Next try at 09:09 (in 9 m).',
    );
    expect(bannerTimes(banner({ retryAt: NOW - 1 }), NOW)).toBe('Trying again now.');
    expect(bannerTimes(banner({}), NOW)).toBe('');
  });

  it('counts tokens as people read them', () => {
    expect([formatTokens(950), formatTokens(38_200), formatTokens(1_234_567)]).toEqual([
      '950',
      '38 k',
      '1.2 M',
    ]);
    const tokens = { input: 0, output: 0, cacheCreation: 0, cacheRead: 0, total: 1_200_000 };
    const block = {
      startAt: NOW,
      endAt: NOW,
      lastActivityAt: NOW,
      isActive: true,
      tokens,
      costUsd: 4.1,
      unpricedTokens: {},
      tokensPerMinute: 38_000,
      costPerHour: 1,
      projectedTokens: null,
      projectedCostUsd: null,
    };
    expect(blockLine(block)).toBe('1.2 M tokens · $4.10 at API prices · 38 k tokens/min');
    // Tokens of a model without a price: the cost leaves them out, so it is a lower bound.
    expect(blockLine({ ...block, unpricedTokens: { 'claude-mystery-1': 900 } })).toBe(
      '1.2 M tokens · ≥ $4.10 at API prices · 38 k tokens/min',
    );
  });
});
