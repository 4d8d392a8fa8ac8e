import { describe, expect, it } from 'vitest';
import {
  parseOverage,
  parsePrepaidCredits,
  pickChatOrganization,
} from '../../../../../electron/core/sources/web/parse';

describe("claude.ai's side answers", () => {
  it.each([
    {
      name: 'the first organisation with chat',
      body: [
        { uuid: 'a', capabilities: ['api'] },
        { uuid: 'b', capabilities: ['chat'] },
        { uuid: 'c', capabilities: ['chat'] },
      ],
      expected: { ok: true, uuid: 'b' },
    },
    {
      name: 'entries of other shapes skipped',
      body: [{ uuid: 5, capabilities: ['chat'] }, 'x', { uuid: 'd', capabilities: ['chat'] }],
      expected: { ok: true, uuid: 'd' },
    },
    {
      name: 'no organisation with chat',
      body: [{ uuid: 'a', capabilities: null }, { uuid: 'b' }],
      expected: { ok: false, kind: 'no-chat', message: 'no organisation with chat' },
    },
    {
      name: 'an empty list',
      body: [],
      expected: { ok: false, kind: 'no-chat', message: 'no organisation with chat' },
    },
  ])('picks $name', ({ body, expected }) => {
    expect(pickChatOrganization(JSON.stringify(body))).toEqual(expected);
  });

  it.each([
    {
      name: 'cents, with a cap',
      body: { monthly_credit_limit: 5000, used_credits: 1234, is_enabled: true, currency: 'usd' },
      expected: { enabled: true, used: 12.34, limit: 50, currency: 'USD', utilization: 24.68 },
    },
    {
      name: 'no cap (0), switched off',
      body: { monthly_credit_limit: 0, used_credits: 0, is_enabled: false, currency: 'EUR' },
      expected: { enabled: false, used: 0, limit: null, currency: 'EUR', utilization: null },
    },
    {
      name: 'all null (no extra usage)',
      body: { monthly_credit_limit: null, used_credits: null, is_enabled: null },
      expected: null,
    },
    {
      name: 'no is_enabled while $41 is spent (enterprise): on',
      body: { monthly_credit_limit: null, used_credits: 4100, currency: 'USD' },
      expected: { enabled: true, used: 41, limit: null, currency: 'USD', utilization: null },
    },
    { name: 'not an object', body: ['x'], expected: null },
  ])('reads a spend limit: $name', ({ body, expected }) => {
    expect(parseOverage(JSON.stringify(body))).toEqual(expected);
  });

  it('reads prepaid credits in cents, and nothing from a broken body', () => {
    expect(parsePrepaidCredits('{"amount": 10050, "currency": "usd"}')).toEqual({
      amount: 100.5,
      currency: 'USD',
    });
    expect(parsePrepaidCredits('{"amount": 700}')).toEqual({ amount: 7, currency: 'USD' });
    expect(parsePrepaidCredits('{"amount": "700"}')).toBeNull();
    expect(parsePrepaidCredits('<html>')).toBeNull();
    expect(parsePrepaidCredits('')).toBeNull();
  });

  it('treats a negative prepaid balance as no balance, never "-$0.01"', () => {
    expect(parsePrepaidCredits('{"amount": -1, "currency": "USD"}')).toBeNull();
    expect(parsePrepaidCredits('{"amount": 0, "currency": "USD"}')).toEqual({
      amount: 0,
      currency: 'USD',
    });
  });
});
