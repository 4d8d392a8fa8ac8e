import { describe, expect, it } from 'vitest';
import { buildReport, type ReportKind } from '../../../../shared/domain/logs/reports';
import { reportText } from '../../../../electron/cli/render/report-text';
import { createPaint } from '../../../../electron/cli/terminal/paint';
import { widthOf } from '../../../../electron/cli/terminal/text';
import { entriesOf } from '../../../shared/domain/logs/entries-factory';

const NOW = Date.parse('2026-09-02T12:05:00.000Z');

const entries = entriesOf([
  {
    at: '2026-09-01T09:30:00.000Z',
    model: 'claude-sonnet-4-5-20250929',
    input: 12_345,
    output: 67_890,
    cacheWrite5m: 1_234_567,
    cacheRead: 98_765_432,
    cost: 41.5,
    session: '0b7c3a52-1f0e-4d7e-9a51-6a1f3f0c2d11',
    project: '-home-dev-projects-a-rather-long-project-name',
  },
  {
    at: '2026-09-01T10:00:00.000Z',
    model: 'claude-opus-4-6',
    input: 500,
    output: 9_000,
    cost: 1234.56,
    session: '0b7c3a52-1f0e-4d7e-9a51-6a1f3f0c2d11',
    project: '-home-dev-projects-a-rather-long-project-name',
  },
  {
    at: '2026-09-02T08:10:00.000Z',
    model: 'claude-opus-4-6',
    input: 10,
    output: 2_000,
    cost: 3,
    session: 's2',
    project: 'web',
  },
  {
    at: '2026-09-02T08:20:00.000Z',
    model: 'claude-haiku-4-5-20251001',
    input: 10,
    output: 500,
    cost: 0.02,
    session: 's2',
    project: 'web',
  },
  {
    at: '2026-09-02T08:30:00.000Z',
    model: 'claude-sonnet-4-5-20250929',
    input: 10,
    output: 500,
    cost: 0.2,
    session: 's2',
    project: 'web',
  },
]);

function render(kind: ReportKind, width: number, color = false): string {
  const report = buildReport(entries, kind, {
    since: null,
    until: null,
    timeZone: 'UTC',
    mode: 'auto',
    now: NOW,
  });
  return reportText(report, {
    timeZone: 'UTC',
    now: NOW,
    width,
    paint: createPaint(color ? 1 : 0),
  });
}

const KINDS: readonly ReportKind[] = ['daily', 'monthly', 'blocks', 'sessions'];
const ESCAPE = /\x1b/; // eslint-disable-line no-control-regex

describe('report tables fit the terminal', () => {
  for (const kind of KINDS) {
    for (const width of [80, 160]) {
      it(`${kind} at ${width} columns: no line wider than the terminal`, () => {
        const text = render(kind, width);
        expect(text).toMatchSnapshot();
        for (const line of text.split('\n')) expect(widthOf(line)).toBeLessThanOrEqual(width);
        expect(text).not.toMatch(ESCAPE);
      });
    }
  }

  it('says what the compact layout hid, and only when it hid something', () => {
    expect(render('daily', 80)).toContain(
      'narrow terminal: cache columns hidden, widen to 100+ for all',
    );
    expect(render('daily', 160)).not.toContain('narrow terminal');
    expect(render('blocks', 80)).toContain(
      'narrow terminal: models, burn rate and projection columns hidden, widen to 100+\nfor all',
    );
    expect(render('sessions', 80)).toContain(
      'narrow terminal: models column hidden, widen to 100+ for all',
    );
  });

  it('lists models in one fixed order on every row', () => {
    const lines = render('daily', 160).split('\n');
    expect(lines.find((line) => line.startsWith('2026-09-01'))).toMatch(
      /^2026-09-01 {2}opus-4-6, sonnet-4-5 /,
    );
    expect(lines.find((line) => line.startsWith('2026-09-02'))).toMatch(
      /^2026-09-02 {2}haiku-4-5, opus-4-6, sonnet-4-5 /,
    );
  });

  it('gives an active block’s time left in the one duration format', () => {
    expect(render('blocks', 160)).toContain('active, 55 m left');
    expect(render('blocks', 160)).not.toMatch(/min left/);
  });

  it('colours the heading and totals on a colour terminal, and nothing when plain', () => {
    const coloured = render('daily', 80, true);
    expect(coloured).toMatch(ESCAPE);
    expect(JSON.stringify(coloured.split('\n').slice(0, 3))).toMatchSnapshot();
    // Colour never changes the layout: stripped of its codes it is the plain text.
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, '')).toBe(render('daily', 80)); // eslint-disable-line no-control-regex
  });
});

describe('report tables with models the price table lacks', () => {
  const mixed = entriesOf(
    [
      {
        at: '2026-09-01T09:30:00.000Z',
        model: 'claude-opus-4-6',
        input: 100,
        output: 1_000,
        cost: 2.5,
        session: 's1',
        project: 'api',
      },
      {
        at: '2026-09-01T10:00:00.000Z',
        model: 'claude-mystery-1',
        input: 1_200,
        output: 34_000,
        session: 's1',
        project: 'api',
      },
      {
        at: '2026-09-02T08:00:00.000Z',
        model: 'claude-opus-4-6',
        input: 10,
        output: 100,
        cost: 0.25,
        session: 's2',
        project: 'web',
      },
      {
        at: '2026-09-02T08:05:00.000Z',
        model: 'claude-enigma-2',
        input: 5,
        output: 7,
        session: 's2',
        project: 'web',
      },
    ],
    ['claude-mystery-1', 'claude-enigma-2'],
  );
  const text = (kind: ReportKind): string[] =>
    reportText(
      buildReport(mixed, kind, {
        since: null,
        until: null,
        timeZone: 'UTC',
        mode: 'auto',
        now: NOW,
      }),
      { timeZone: 'UTC', now: NOW, width: 160, paint: createPaint(0) },
    ).split('\n');

  it('marks costs that leave tokens out as lower bounds and says how many tokens of which model', () => {
    const daily = text('daily');
    expect(daily.find((line) => line.startsWith('2026-09-01'))).toMatch(/ ≥ \$2\.50$/);
    expect(daily.find((line) => line.startsWith('2026-09-02'))).toMatch(/ ≥ \$0\.25$/);
    expect(daily.find((line) => line.startsWith('Total'))).toMatch(/ ≥ \$2\.75$/);
    expect(daily.slice(-3)).toEqual([
      '+ 35,200 tokens of claude-mystery-1 not priced',
      '+ 12 tokens of claude-enigma-2 not priced',
      '≥: a lower bound, the cost of unpriced tokens is left out.',
    ]);
  });

  it('does the same in sessions and blocks', () => {
    const sessions = text('sessions');
    expect(sessions.find((line) => line.startsWith('s1'))).toMatch(/ ≥ \$2\.50 /);
    expect(sessions.find((line) => line.startsWith('Total'))).toMatch(/ ≥ \$2\.75/);
    expect(sessions.at(-3)).toBe('+ 35,200 tokens of claude-mystery-1 not priced');
    const blocks = text('blocks');
    expect(blocks.filter((line) => line.includes('≥ $')).length).toBe(2);
    expect(blocks.at(-2)).toBe('+ 12 tokens of claude-enigma-2 not priced');
  });

  it('prints plain costs and no note when every token is priced', () => {
    const daily = render('daily', 160);
    expect(daily).not.toContain('≥');
    expect(daily).not.toContain('not priced');
  });
});
