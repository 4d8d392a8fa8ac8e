import { describe, expect, it, vi } from 'vitest';
import { settled } from '../../renderer/settings/settled';

describe('settled', () => {
  it('hands the answer on and confirms with the sentence given, or one made from the answer', () => {
    const onValue = vi.fn();
    expect(settled({ ok: true, value: 7 }, 'Saved.', onValue)).toEqual({
      text: 'Saved.',
      error: false,
    });
    expect(onValue).toHaveBeenCalledWith(7);
    expect(settled({ ok: true, value: { message: 'Done.' } }, (value) => value.message)).toEqual({
      text: 'Done.',
      error: false,
    });
  });

  it("shows main's reason when refused, and hands nothing on", () => {
    const onValue = vi.fn();
    expect(settled({ ok: false, message: 'No keychain.' }, 'Saved.', onValue)).toEqual({
      text: 'No keychain.',
      error: true,
    });
    expect(onValue).not.toHaveBeenCalled();
  });
});
