import { describe, expect, it } from 'vitest';
import { hashString } from '../../../../shared/domain/logs/hash';

describe('hashing ids', () => {
  it('gives different ids different keys', () => {
    expect(hashString('msg_01abc')).not.toBe(hashString('msg_01abd'));
  });
});
