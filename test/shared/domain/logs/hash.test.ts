import { describe, expect, it } from 'vitest';
import { hashBytes, hashString } from '../../../../shared/domain/logs/hash';
import { createPrng } from '../../../fakes/transcripts/prng';

describe('hashing ids', () => {
  it('hashes bytes as it hashes their latin1 text (ids are hashed without making strings)', () => {
    const prng = createPrng(9);
    for (let round = 0; round < 2000; round += 1) {
      const bytes = Buffer.alloc(prng.int(0, 80));
      for (let at = 0; at < bytes.length; at += 1) bytes[at] = prng.int(0, 255);
      const start = prng.int(0, bytes.length);
      const end = prng.int(start, bytes.length);
      expect(hashBytes(bytes, start, end)).toBe(hashString(bytes.toString('latin1', start, end)));
    }
  });

  it('gives different ids different keys', () => {
    expect(hashString('msg_01abc')).not.toBe(hashString('msg_01abd'));
    expect(hashString('')).toBe(hashBytes(Buffer.alloc(4), 2, 2));
  });
});
