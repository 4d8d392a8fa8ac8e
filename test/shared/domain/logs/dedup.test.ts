import { describe, expect, it } from 'vitest';
import {
  ResponseDedup,
  emptyFacts,
  type DedupFacts,
  type DedupStore,
} from '../../../../shared/domain/logs/dedup';

/** A record as the tests write it; ids are small numbers standing for hashed strings. */
interface Line {
  readonly message?: number;
  readonly request?: number;
  readonly session?: number;
  readonly at?: number;
  readonly sidechain?: boolean;
  readonly tokens: number;
  readonly cost?: number;
  readonly speed?: boolean;
  readonly name: string;
}

/** Runs lines through de-duplication in order; returns the names of the counted responses. */
function counted(lines: readonly Line[]): string[] {
  const kept: { facts: DedupFacts; name: string }[] = [];
  const store: DedupStore = { read: (index, into) => Object.assign(into, kept[index]?.facts) };
  const dedup = new ResponseDedup(store);
  for (const line of lines) {
    const facts: DedupFacts = {
      ...emptyFacts(),
      messageKey: line.message ?? NaN,
      requestKey: line.request ?? NaN,
      session: line.session ?? 1,
      timestamp: line.at ?? 0,
      isSidechain: line.sidechain ?? false,
      hasSpeed: line.speed ?? false,
      totalTokens: line.tokens,
      cost: line.cost ?? line.tokens,
    };
    const verdict = dedup.judge(facts);
    if (verdict.kind === 'new') {
      kept.push({ facts, name: line.name });
      dedup.added(kept.length - 1, facts);
    } else if (verdict.replace) {
      kept[verdict.index] = { facts, name: line.name };
    }
  }
  return kept.map((entry) => entry.name);
}

describe('counting each response once', () => {
  it('keeps the largest of a streamed response’s lines, not the first or the last', () => {
    const lines = [
      { message: 1, request: 1, tokens: 100, name: 'first' },
      { message: 1, request: 1, tokens: 900, name: 'largest' },
      { message: 1, request: 1, tokens: 500, name: 'last' },
    ];
    expect(counted(lines)).toEqual(['largest']);
  });

  it('keeps the first of equal lines', () => {
    expect(
      counted([
        { message: 1, request: 1, tokens: 5, name: 'a' },
        { message: 1, request: 1, tokens: 5, name: 'b' },
      ]),
    ).toEqual(['a']);
  });

  it('breaks a token tie on cost, then on a stated speed', () => {
    expect(
      counted([
        { message: 1, request: 1, tokens: 5, cost: 1, name: 'cheap' },
        { message: 1, request: 1, tokens: 5, cost: 2, name: 'dear' },
      ]),
    ).toEqual(['dear']);
    expect(
      counted([
        { message: 1, request: 1, tokens: 5, name: 'plain' },
        { message: 1, request: 1, tokens: 5, speed: true, name: 'speed' },
      ]),
    ).toEqual(['speed']);
  });

  it('counts a sidechain copy of a parent message once, as the parent, even when it is larger', () => {
    const lines = [
      { message: 1, request: 1, tokens: 100, name: 'parent' },
      { message: 1, request: 1, tokens: 900, sidechain: true, name: 'exact copy' },
      { message: 1, request: 2, tokens: 950, sidechain: true, at: 60_000, name: '/btw replay' },
    ];
    expect(counted(lines)).toEqual(['parent']);
  });

  it('lets the parent replace a replay seen first', () => {
    const lines = [
      { message: 1, request: 2, tokens: 950, sidechain: true, name: 'replay' },
      { message: 1, request: 1, tokens: 100, name: 'parent' },
    ];
    expect(counted(lines)).toEqual(['parent']);
  });

  it('does not merge replays across sessions, nor two non-sidechain requests', () => {
    const lines = [
      { message: 1, request: 1, session: 1, tokens: 10, name: 'parent' },
      { message: 1, request: 2, session: 2, sidechain: true, tokens: 20, name: 'other session' },
      { message: 1, request: 3, session: 1, tokens: 30, name: 'second request' },
    ];
    expect(counted(lines)).toEqual(['parent', 'other session', 'second request']);
  });

  it('merges one message + request across sessions (a resumed conversation copies it)', () => {
    expect(
      counted([
        { message: 1, request: 1, session: 1, tokens: 10, name: 'original' },
        { message: 1, request: 1, session: 2, tokens: 10, name: 'copy' },
      ]),
    ).toEqual(['original']);
  });

  it('after a cross-session copy, finds replays from either session', () => {
    const lines = [
      { message: 1, request: 1, session: 1, tokens: 10, name: 'original' },
      { message: 1, request: 1, session: 2, tokens: 10, name: 'copy' },
      {
        message: 1,
        request: 9,
        session: 2,
        sidechain: true,
        tokens: 99,
        name: 'replay in session 2',
      },
    ];
    expect(counted(lines)).toEqual(['original']);
  });

  // Issue 11: streamed lines of one response written without a requestId were counted each.
  it('merges lines without a requestId within a session, keeping the largest (as ccusage)', () => {
    const lines = [
      { message: 1, session: 1, at: 1000, tokens: 10, name: 'a' },
      { message: 1, session: 1, at: 1000, tokens: 30, name: 'same time, larger' },
      { message: 1, session: 1, at: 2000, tokens: 20, name: 'later, smaller' },
      { message: 1, session: 1, at: 3000, tokens: 35, name: 'later, largest' },
      { message: 1, session: 2, at: 1000, tokens: 40, name: 'other session' },
    ];
    expect(counted(lines)).toEqual(['later, largest', 'other session']);
  });

  it('keeps a line with a requestId apart from one without', () => {
    const lines = [
      { message: 1, session: 1, tokens: 10, name: 'without' },
      { message: 1, request: 1, session: 1, tokens: 20, name: 'with' },
    ];
    expect(counted(lines)).toEqual(['without', 'with']);
  });

  it('counts every line without a message id', () => {
    expect(
      counted([
        { tokens: 1, name: 'a' },
        { tokens: 1, name: 'b' },
      ]),
    ).toEqual(['a', 'b']);
  });

  it('keeps messages whose hashed ids collide in the index apart', () => {
    // 7 and 7 + 0x3fffffff share a bucket in the small-integer index; their ids still differ.
    expect(
      counted([
        { message: 7, request: 1, tokens: 1, name: 'a' },
        { message: 7 + 0x3fffffff, request: 1, tokens: 2, name: 'b' },
      ]),
    ).toEqual(['a', 'b']);
  });
});
