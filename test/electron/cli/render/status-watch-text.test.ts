import { describe, expect, it } from 'vitest';
import { mergedOutput } from '../../../../electron/cli/render/status-output';
import { stamped, watchHeader, watchLines } from '../../../../electron/cli/render/watch-text';
import { createPaint, type Look } from '../../../../electron/cli/terminal/paint';
import { widthOf } from '../../../../electron/cli/terminal/text';
import { assessViews, DEFAULT_VERDICT_SETTINGS } from '../../../../shared/domain/verdict';
import type { EngineState } from '../../../../electron/core/services/engine';
import { unpricedLogsSummary } from '../../../support/logs-summary';
import { NOW, STATES, type StatusState } from './status-watch-states';

const ESCAPE = /\x1b/; // eslint-disable-line no-control-regex
const WIDTHS = [80, 160] as const;

const look = (width: number, color: boolean): Look => ({
  width,
  paint: createPaint(color ? 1 : 0),
});

function status(state: StatusState, width: number, color: boolean): string {
  const output = mergedOutput(state.visits, {
    json: false,
    settings: DEFAULT_VERDICT_SETTINGS,
    now: NOW,
    look: look(width, color),
  });
  return `exit ${output.code}\n--- stdout\n${output.stdout}--- stderr\n${output.stderr}`;
}

/** What `watch` prints for one engine tick in this state: its header, then the tick's lines. */
function watch(state: StatusState, width: number, color: boolean, failure = false): string {
  const views = state.visits.map((visit) => visit.view);
  const failureMessage =
    'Polling failed: the cache file could not be written (disk full?). Free some space; Pacewatch keeps the last figures and tries again at the next poll.';
  const assessed = assessViews(
    views,
    DEFAULT_VERDICT_SETTINGS,
    NOW,
    failure ? failureMessage : null,
  );
  const engineState: EngineState = {
    updatedAt: NOW,
    views,
    overview: assessed.overview,
    verdict: assessed.verdict,
    logs: null,
    problems: [],
    failure: failure ? { message: failureMessage, since: NOW } : null,
  };
  const chosen = look(width, color);
  return [
    ...watchHeader('/home/dev/.local/share/Pacewatch', chosen),
    ...watchLines(engineState, chosen).flatMap((line) =>
      stamped(NOW, line.text, chosen, line.style),
    ),
  ].join('\n');
}

describe('pacewatch status, per state, width and colour', () => {
  for (const state of STATES) {
    for (const width of WIDTHS) {
      for (const color of [false, true]) {
        it(`${state.name} at ${width} columns, colour ${color ? 'on' : 'off'}`, () => {
          const text = status(state, width, color);
          expect(text).toMatchSnapshot();
          for (const line of text.split('\n')) expect(widthOf(line)).toBeLessThanOrEqual(width);
          if (!color) expect(text).not.toMatch(ESCAPE);
        });
      }
    }
  }
});

describe('pacewatch watch, per state, width and colour', () => {
  for (const state of STATES) {
    for (const width of WIDTHS) {
      for (const color of [false, true]) {
        it(`${state.name} at ${width} columns, colour ${color ? 'on' : 'off'}`, () => {
          const text = watch(state, width, color);
          expect(text).toMatchSnapshot();
          for (const line of text.split('\n')) expect(widthOf(line)).toBeLessThanOrEqual(width);
          if (!color) expect(text).not.toMatch(ESCAPE);
        });
      }
    }
  }
  for (const width of WIDTHS) {
    it(`a failing engine at ${width} columns says so in the error colour`, () => {
      const [fresh] = STATES;
      if (fresh === undefined) throw new Error('no states');
      const coloured = watch(fresh, width, true, true);
      expect(coloured).toMatchSnapshot();
      expect(coloured.split('\n').filter((line) => line.includes('Polling failed'))).toEqual([
        expect.stringMatching(/\x1b\[31m! Polling failed/), // eslint-disable-line no-control-regex
      ]);
    });
  }
});

describe('pacewatch watch, the local estimate', () => {
  it('marks a cost that leaves unpriced tokens out as a lower bound and names them', () => {
    const logs = unpricedLogsSummary(NOW);
    const assessed = assessViews([], DEFAULT_VERDICT_SETTINGS, NOW, null);
    const state: EngineState = {
      updatedAt: NOW,
      views: [],
      overview: assessed.overview,
      verdict: assessed.verdict,
      logs,
      problems: [],
      failure: null,
    };
    expect(watchLines(state, look(160, false)).map((line) => line.text)).toEqual([
      'logs (estimate at API prices): block 1.2 M tokens · ≥ $4.10 · 38 k tokens/min; today ≥ $12.30 + 35 k tokens of claude-mystery-1 not priced',
    ]);
  });
});
