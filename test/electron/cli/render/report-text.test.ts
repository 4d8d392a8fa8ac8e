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
