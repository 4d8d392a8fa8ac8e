import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, recoverSettings, settingsSchema } from '../../shared/domain/settings';

// Defect 6 of the fault audit: one field out of range reset every setting to its default. A
// settings file is now recovered field by field: every valid field is kept, each refused one is
// dropped (its default applies) and named.

const RUNS = { numRuns: 300 };

/** One settings field: where it lives, values the schema takes, values it refuses. */
interface Field {
  readonly path: readonly string[];
  /** What is reported when the value is refused (a group is dropped whole). */
  readonly dropPath: string;
  readonly valid: fc.Arbitrary<unknown>;
  readonly invalid: fc.Arbitrary<unknown>;
}

const FIELDS: readonly Field[] = [
  {
    path: ['alerts', 'thresholds'],
    dropPath: 'alerts.thresholds',
    valid: fc.array(fc.integer({ min: 1, max: 100 }), { maxLength: 10 }),
    invalid: fc.constantFrom([0], [50, 500], '50', [1e300], Array(11).fill(50)),
  },
  {
    path: ['alerts', 'lockoutLeadMinutes'],
    dropPath: 'alerts.lockoutLeadMinutes',
    valid: fc.integer({ min: 0, max: 24 * 60 }),
    invalid: fc.constantFrom(-1, 1441, 1e300, '30', null),
  },
  {
    path: ['alerts', 'notifyOnReset'],
    dropPath: 'alerts.notifyOnReset',
    valid: fc.boolean(),
    invalid: fc.constantFrom('yes', 1, []),
  },
  {
    path: ['pollIntervalSeconds', 'web'],
    dropPath: 'pollIntervalSeconds.web',
    valid: fc.integer({ min: 1, max: 86_400 }),
    invalid: fc.constantFrom(0, -300, 'often'),
  },
  {
    path: ['requestTimeoutSeconds'],
    dropPath: 'requestTimeoutSeconds',
    valid: fc.integer({ min: 1, max: 120 }),
    invalid: fc.constantFrom(0, 121, '15', {}),
  },
  {
    path: ['quietHours'],
    dropPath: 'quietHours',
    valid: fc.constantFrom(null, { start: '22:30', end: '07:00' }),
    invalid: fc.constantFrom({ start: '25:00', end: '07:00' }, { start: '22:00' }, 'night'),
  },
  {
    path: ['trayTitle'],
    dropPath: 'trayTitle',
    valid: fc.constantFrom('binding', 'session', 'week', 'both'),
    invalid: fc.constantFrom('everything', 3),
  },
  {
    path: ['launchAtLogin'],
    dropPath: 'launchAtLogin',
    valid: fc.boolean(),
    invalid: fc.constantFrom('true', 0),
  },
  {
    path: ['sources', 'oauth', 'enabled'],
    dropPath: 'sources.oauth.enabled',
    valid: fc.boolean(),
    invalid: fc.constantFrom('no', null),
  },
  {
    path: ['sources', 'admin', 'monthlyBudgetUsd'],
    dropPath: 'sources.admin.monthlyBudgetUsd',
    valid: fc.oneof(fc.constant(null), fc.integer({ min: 1, max: 1_000_000 })),
    invalid: fc.constantFrom(-5, 0, 1e300, '100'),
  },
];

function setAt(root: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let at = root;
  for (const key of path.slice(0, -1)) {
    at[key] ??= {};
    at = at[key] as Record<string, unknown>;
  }
  at[path[path.length - 1] ?? ''] = value;
}

function getAt(root: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], root);
}

/** A settings file: each field absent, valid or refused, and whether it was valid. */
const settingsFile = fc
  .tuple(
    ...FIELDS.map((field) =>
      fc.oneof(
        fc.constant({ kind: 'absent' as const }),
        field.valid.map((value) => ({ kind: 'valid' as const, value })),
        field.invalid.map((value) => ({ kind: 'invalid' as const, value })),
      ),
    ),
  )
  .map((choices) => {
    const file: Record<string, unknown> = {};
    choices.forEach((choice, index) => {
      const field = FIELDS[index];
      if (field && choice.kind !== 'absent') setAt(file, field.path, choice.value);
    });
    return { file, choices };
  });

describe('settings recovered field by field', () => {
  it('keeps every valid field, gives every refused one its default, and names exactly those', () => {
    fc.assert(
      fc.property(settingsFile, ({ file, choices }) => {
        const { settings, dropped } = recoverSettings(file);
        expect(settingsSchema.safeParse(settings).success).toBe(true);
        const defaults = defaultSettings();
        const expectedDropped: string[] = [];
        choices.forEach((choice, index) => {
          const field = FIELDS[index];
          if (!field) return;
          const kept = getAt(settings, field.path);
          if (choice.kind === 'valid') expect(kept).toEqual(choice.value);
          else expect(kept).toEqual(getAt(defaults, field.path));
          if (choice.kind === 'invalid') expectedDropped.push(field.dropPath);
        });
        expect(dropped.map((entry) => entry.slice(0, entry.indexOf(' (')))).toEqual(
          expect.arrayContaining(expectedDropped),
        );
        expect(dropped).toHaveLength(expectedDropped.length);
      }),
      RUNS,
    );
  });

  it('never throws on any JSON value, and always yields settings the schema takes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(settingsSchema.safeParse(recoverSettings(value).settings).success).toBe(true);
      }),
      RUNS,
    );
  });

  it('says what was wrong with each dropped field', () => {
    expect(
      recoverSettings({ requestTimeoutSeconds: 500, alerts: { thresholds: [50, 75] } }),
    ).toEqual({
      settings: {
        ...defaultSettings(),
        alerts: { ...defaultSettings().alerts, thresholds: [50, 75] },
      },
      dropped: ['requestTimeoutSeconds (Too big: expected number to be <=120)'],
    });
  });
});
