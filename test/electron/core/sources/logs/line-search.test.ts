import { describe, expect, it } from 'vitest';
import { ReadBuffer, type Needle } from '../../../../../electron/core/sources/logs/read-buffer';
import { createPrng } from '../../../../fakes/transcripts/prng';

const USAGE = Buffer.from('"usage":{');
const NEEDLES: Record<Needle, Buffer> = {
  message: Buffer.from('"message":{'),
  content: Buffer.from('"content":['),
  contentEnd: Buffer.from('],"stop_reason":'),
};
const ALPHABET = Buffer.from('"usage":{\n],stop_reason:[message content x');

describe('the SIMD searches over a read buffer (line-search.wat)', () => {
  it('find what Buffer#indexOf and lastIndexOf find, on thousands of random buffers', () => {
    const prng = createPrng(7);
    const buffer = new ReadBuffer(1 << 16);
    let checks = 0;
    for (let round = 0; round < 3000; round += 1) {
      const length = prng.int(0, 400);
      const bytes = Buffer.alloc(length);
      for (let at = 0; at < length; at += 1)
        bytes[at] = ALPHABET[prng.int(0, ALPHABET.length - 1)] ?? 0;
      for (const needle of [USAGE, ...Object.values(NEEDLES)]) {
        if (length > needle.length && prng.chance(0.5))
          needle.copy(bytes, prng.int(0, length - needle.length));
      }
      bytes.copy(buffer.bytes);
      const from = prng.int(0, length);
      const to = prng.int(from, length);
      const within = bytes.subarray(0, to);
      const newlineBefore = from === 0 ? -1 : bytes.lastIndexOf(10, from - 1);
      const newlineAfter = within.indexOf(10, from);
      expect(buffer.findUsage(from, to)).toBe(within.indexOf(USAGE, from));
      expect(buffer.lineEnd(from, to)).toBe(newlineAfter < 0 ? to : newlineAfter);
      expect(buffer.lineStart(from, 0)).toBe(newlineBefore + 1);
      for (const [needle, text] of Object.entries(NEEDLES))
        expect(buffer.find(needle as Needle, from, to)).toBe(within.indexOf(text, from));
      checks += 1;
    }
    expect(checks).toBe(3000);
  });

  it('gives each needle’s length, for the cut after `"content":[`', () => {
    const buffer = new ReadBuffer(1024);
    expect(buffer.needleLength('content')).toBe(NEEDLES.content.length);
  });

  it('keeps working after growing past its first memory', () => {
    const buffer = new ReadBuffer(1024);
    buffer.grow(20 << 20);
    const at = (20 << 20) - 100;
    USAGE.copy(buffer.bytes, at);
    expect(buffer.findUsage(0, 20 << 20)).toBe(at);
    expect(buffer.lineStart(at, 0)).toBe(0);
  });
});
