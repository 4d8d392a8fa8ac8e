import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EPOCH_MAX_MS,
  EPOCH_MIN_MS,
  finiteNumber,
  isResponseCostUsd,
  isResponseTokenCount,
  validCount,
  validEpochMs,
  validMoney,
  validSnapshot,
  validUtilization,
  validWindow,
} from '../../../shared/domain/valid';
import { snapshot, t, usageWindow, weekWindow } from './factories';

describe('the value checks at every boundary', () => {
  it.each([
    [42, 42],
    ['23.5', 23.5],
    [' 7 ', 7],
    [-0.4, 0],
    [110, 110],
    [-5, null],
    [1e308, null],
    [Infinity, null],
    [NaN, null],
    ['', null],
    ['12%', null],
    [null, null],
    [true, null],
  ])('a utilization of %s reads as %s', (value, expected) => {
    expect(validUtilization(value)).toBe(expected);
  });

  it('a share of a budget may be far above 100', () => {
    expect(validUtilization(250)).toBeNull();
    expect(validUtilization(250, 1e9)).toBe(250);
  });

  it.each([
    [t('2026-11-21T09:00'), t('2026-11-21T09:00')],
    [EPOCH_MIN_MS, EPOCH_MIN_MS],
    [EPOCH_MAX_MS, EPOCH_MAX_MS],
    [EPOCH_MAX_MS + 1, null],
    [1e300, null],
    [1_738_425_600, null],
    [-1, null],
    ['2026-11-21', null],
  ])('a time of %s reads as %s', (value, expected) => {
    expect(validEpochMs(value)).toBe(expected);
  });

  it.each([
    [3.25, 3.25],
    [0, 0],
    [-0.01, null],
    [1e13, null],
    ['20.50', 20.5],
  ])('money of %s reads as %s', (value, expected) => {
    expect(validMoney(value)).toBe(expected);
  });

  it.each([
    [1200, 1200],
    [1.5, null],
    [-1, null],
    [1.2e29, null],
    ['7', 7],
  ])('a count of %s reads as %s', (value, expected) => {
    expect(validCount(value)).toBe(expected);
  });

  it('finiteNumber never returns a non-finite number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.string(), fc.anything()), (value) => {
        const number = finiteNumber(value);
        expect(number === null || Number.isFinite(number)).toBe(true);
      }),
    );
  });

  it('a window keeps its figures, loses an unreal reset time, and is dropped when out of range', () => {
    const resetsAt = t('2026-11-21T11:00');
    expect(validWindow(usageWindow({ utilization: 42, resetsAt: resetsAt }))).toEqual(
      usageWindow({ utilization: 42, resetsAt: resetsAt }),
    );
    expect(validWindow(usageWindow({ utilization: 42, resetsAt: 1e300 }))).toEqual(
      usageWindow({ utilization: 42, resetsAt: null }),
    );
    expect(validWindow(usageWindow({ utilization: 1e308, resetsAt: resetsAt }))).toBeNull();
  });

  it('a snapshot with an unreal time is none; its bad windows are left out', () => {
    const at = t('2026-11-21T09:00');
    const good = weekWindow({ utilization: 61 });
    expect(
      validSnapshot(snapshot(at, [usageWindow({ utilization: -5, resetsAt: null }), good])),
    ).toEqual(snapshot(at, [good]));
    expect(validSnapshot(snapshot(1e300, [good]))).toBeNull();
  });
});

describe("a transcript response's bounds", () => {
  it.each([
    [0, true],
    [1_000_000_000, true],
    [1_000_000_001, false],
    [1.2e29, false],
    [-1, false],
    [2.5, false],
    ['100', false],
    [Number.NaN, false],
  ])('token count %s: %s', (value, believed) => {
    expect(isResponseTokenCount(value)).toBe(believed);
  });

  it.each([
    [0, true],
    [10_000, true],
    [10_000.01, false],
    [7.4e23, false],
    [-0.01, false],
    ['1', false],
    [Number.POSITIVE_INFINITY, false],
  ])('cost in dollars %s: %s', (value, believed) => {
    expect(isResponseCostUsd(value)).toBe(believed);
  });
});
