import { describe, expect, it } from 'vitest';
import { formatClock } from '../../shared/domain/format';
import type { CardModel, PopoverModel } from '../../shared/ipc/popover-model';
import { axeViolations, blocking } from './support/axe';
import { screenshot, useBrowser } from './support/browser';
import { HOUR, MINUTE } from './support/seeds';
import { useStubServer } from './support/stub-server';
import { unpricedLogsSummary } from '../support/logs-summary';

const newPage = useBrowser();
const serve = useStubServer();

function card(now: number, overrides: Partial<CardModel>): CardModel {
  return {
    id: 'five_hour',
    label: 'Session',
    short: 'S',
    headline: 'S 42%',
    utilization: 42,
    resetsAt: now + 2 * HOUR,
    resetAt: null,
    level: 'normal',
    lockoutSoon: false,
    binding: false,
    stale: false,
    source: 'oauth',
    fetchedAt: now - 2 * MINUTE,
    projection: { status: 'safe', lockoutAt: null, blockedMs: null, note: null, ratePerHour: 1 },
    pace: { elapsedPct: 60, sentence: '18 points under an even pace' },
    chart: {
      recent: Array.from({ length: 24 }, (_, i) => ({
        at: now - (24 - i) * 10 * MINUTE,
        utilization: 10 + i * 1.3,
      })),
      week: [],
      resets: [],
    },
    thresholds: [50, 75, 90],
    money: null,
    ...overrides,
  };
}

function model(now: number, overrides: Partial<PopoverModel> = {}): PopoverModel {
  return {
    assembledAt: now,
    phase: 'ready',
    glance: { level: 'normal', binding: 'five_hour', headline: 'S 42%' },
    banners: [],
    cards: [],
    extraUsage: null,
    spend: null,
    prepaidCredits: null,
    updated: { fetchedAt: now - 2 * MINUTE, stale: false },
    route: 'API key (ANTHROPIC_API_KEY), not your subscription',
    logs: null,
    notices: [],
    snoozedUntil: null,
    warnAt: 50,
    criticalAt: 90,
    banked: { resets: [], advice: null },
    ...overrides,
  };
}

describe('popover sections the engine adds later or rarely', () => {
  it('the local estimate is labelled as one, under model-scoped weeks and a budget', async () => {
    const now = Date.now();
    const popover = model(now, {
      cards: [
        card(now, { binding: true, utilization: 42 }),
        card(now, {
          id: 'seven_day',
          label: 'Week',
          utilization: 61,
          resetsAt: now + 76 * HOUR,
          level: 'warning',
        }),
        card(now, {
          id: 'seven_day_opus',
          label: 'Week · Opus',
          utilization: 73,
          resetsAt: now + 76 * HOUR,
          level: 'warning',
        }),
        card(now, {
          id: 'monthly_budget',
          label: 'Month · budget',
          utilization: 62,
          level: 'warning',
          money: { used: 123.45, limit: 200, currency: 'USD' },
        }),
      ],
      prepaidCredits: { amount: 25, currency: 'USD', source: 'web' },
      logs: unpricedLogsSummary(now),
    });
    const { page, problems } = await newPage({ viewport: { width: 360, height: 900 } });
    await page.goto((await serve(popover)).url);
    await page.locator('main[data-phase="ready"]').waitFor();
    expect(await page.locator('#logs-heading').innerText()).toBe(
      "Local estimate (from Claude Code's logs, not the enforced limit)",
    );
    expect(await page.locator('.logs p').allInnerTexts()).toEqual([
      // A model without a price: its tokens count, the cost is a lower bound, never $0.00.
      'This block: 1.2 M tokens · ≥ $4.10 at API prices · 38 k tokens/min',
      'Today: 3.4 M tokens · ≥ $12.30 at API prices',
      '+ 35 k tokens of claude-mystery-1 not priced: ≥ is a lower bound. Add the model to prices.json in the data folder (Settings shows where), or update Pacewatch.',
    ]);
    expect(await page.locator('[data-window="monthly_budget"] .figure').innerText()).toBe(
      '$123.45 of $200.00',
    );
    expect(await page.locator('.credits-line').innerText()).toBe('Prepaid credits $25.00 left');
    expect(await page.locator('.spend-line').count()).toBe(0);
    expect(await page.locator('[data-window="seven_day_opus"] h2').innerText()).toBe('Week · Opus');
    expect(await page.locator('.route').innerText()).toBe(
      'Billing API key (ANTHROPIC_API_KEY), not your subscription',
    );
    expect(await page.locator('[data-testid="updated"]').innerText()).toBe('updated 2 min ago');
    // The estimate and the budget sit below the cards: scrolled to, so the picture shows them.
    await page.locator('.logs').scrollIntoViewIfNeeded();
    await screenshot(page, 'logs-and-budget');
    expect(problems).toEqual([]);
  });

  it("colours each card by the verdict's level, and says when a window has already reset", async () => {
    const now = Date.now();
    const popover = model(now, {
      cards: [
        // Reset time passed since the figures: 0 %, "reset at …" until the next poll.
        card(now, {
          utilization: 0,
          headline: 'S 0%',
          resetsAt: null,
          resetAt: now - 30 * MINUTE,
          // As the popover model builds it: no projection or pace once a window has reset.
          projection: {
            status: 'safe',
            lockoutAt: null,
            blockedMs: null,
            note: null,
            ratePerHour: null,
          },
          pace: null,
        }),
        // Per-window thresholds of 25, 40: the verdict reads 30 % as a warning.
        card(now, {
          id: 'seven_day',
          label: 'Week',
          short: 'W',
          headline: 'W 30%',
          utilization: 30,
          resetsAt: now + 76 * HOUR,
          level: 'warning',
          thresholds: [25, 40],
          binding: true,
        }),
        // Thresholds of 95 only: 80 % is normal, one compact row, however full it looks.
        card(now, {
          id: 'seven_day_opus',
          label: 'Week · Opus',
          short: 'Opus',
          headline: 'Opus 80%',
          utilization: 80,
          resetsAt: now + 76 * HOUR,
          thresholds: [95],
        }),
      ],
    });
    const { page, problems } = await newPage({ viewport: { width: 360, height: 900 } });
    await page.goto((await serve(popover)).url);
    await page.locator('main[data-phase="ready"]').waitFor();
    const classes = async (id: string) =>
      (await page.locator(`[data-window="${id}"]`).getAttribute('class'))?.split(' ') ?? [];
    expect(await classes('seven_day')).toContain('level-warning');
    expect(await classes('seven_day_opus')).toEqual(['card', 'compact', 'level-normal']);
    // "08:30", or "Fri 23:50" just after midnight.
    const clock = formatClock(now - 30 * MINUTE, now);
    // A compact row has no reset line: the reset window is normal and unbound, so it is one row.
    expect(
      await page.locator('[data-window="five_hour"] [role="meter"]').getAttribute('aria-valuetext'),
    ).toBe(`0% used, reset at ${clock} — new figures with the next poll`);
    await page.locator('[data-window="five_hour"] .compact-name').click();
    expect(await page.locator('[data-window="five_hour"] .resets').innerText()).toBe(
      `reset at ${clock} — new figures with the next poll`,
    );
    // No projection or pace line, not even an empty one.
    expect(await page.locator('[data-window="five_hour"] .projection').count()).toBe(0);
    expect(await page.locator('[data-window="five_hour"] .pace').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('resets now');
    await screenshot(page, 'verdict-levels-and-reset');
    expect(problems).toEqual([]);
  });

  it('banked resets: how many, what they clear, when they expire, and advice; nothing without any', async () => {
    const now = Date.now();
    const expires = now + 3 * 24 * HOUR;
    const session = card(now, {
      utilization: 100,
      headline: 'S 100%',
      level: 'locked',
      binding: true,
      resetsAt: now + 2 * HOUR,
    });
    const popover = model(now, {
      cards: [session],
      banked: {
        resets: [
          {
            id: 'grant-1',
            label: 'Launch reset',
            left: 1,
            total: 2,
            startsAt: now - 24 * HOUR,
            endsAt: expires,
            clears: ['five_hour', 'seven_day'],
            usableNow: true,
            paused: false,
          },
        ],
        advice:
          'A reset would clear your session now; you are locked for 2 h otherwise. Run /limit-reset in Claude Code to use one.',
      },
    });
    const { page, problems } = await newPage({ viewport: { width: 360, height: 900 } });
    await page.goto((await serve(popover)).url);
    await page.locator('main[data-phase="ready"]').waitFor();
    expect(await page.locator('#banked-heading').innerText()).toBe(
      'Banked resets (spend one with /limit-reset in Claude Code)',
    );
    expect(await page.locator('.banked-line').allInnerTexts()).toEqual([
      `Launch reset: 1 of 2 left · clears session and week · expires ${formatClock(expires, now)}`,
    ]);
    expect(await page.locator('.banked-advice').innerText()).toBe(
      'A reset would clear your session now; you are locked for 2 h otherwise. Run /limit-reset in Claude Code to use one.',
    );
    await screenshot(page, 'banked-resets');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(blocking(await axeViolations(page))).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'banked-resets-dark');

    // Without grants the section is not there at all.
    const { page: plain } = await newPage({ viewport: { width: 360, height: 900 } });
    await plain.goto((await serve(model(now, { cards: [session] }))).url);
    await plain.locator('main[data-phase="ready"]').waitFor();
    expect(await plain.locator('.banked').count()).toBe(0);
    expect(await plain.locator('main').innerText()).not.toContain('Banked');
    expect(problems).toEqual([]);
  });
});
