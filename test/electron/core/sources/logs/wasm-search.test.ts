import { describe, expect, it } from 'vitest';
import { NEEDLES, createReadBuffer } from '../../../../../electron/core/sources/logs/read-buffer';
import { instantiateSearch } from '../../../../../electron/core/sources/logs/wasm-search';
import { createPrng } from '../../../../fakes/transcripts/prng';

const USAGE = Buffer.from('"usage":{');
const ALPHABET = Buffer.from('"usage":{\n],stop_reason:[message content x');

describe('the SIMD search over read buffers', () => {
  it('runs on this runtime (WebAssembly SIMD), so the fast path is the one tested', () => {
    expect(instantiateSearch()).not.toBeNull();
  });

  it('finds what Buffer#indexOf finds, on thousands of random buffers', () => {
    const prng = createPrng(7);
    const wasm = createReadBuffer(1 << 16);
    const plain = createReadBuffer(1 << 16, false);
    let checks = 0;
    for (let round = 0; round < 2000; round += 1) {
      const length = prng.int(0, 400);
      const bytes = Buffer.alloc(length);
      for (let at = 0; at < length; at += 1)
        bytes[at] = ALPHABET[prng.int(0, ALPHABET.length - 1)] ?? 0;
      for (const needle of [USAGE, ...NEEDLES.map((text) => Buffer.from(text))]) {
        if (length > needle.length && prng.chance(0.5))
          needle.copy(bytes, prng.int(0, length - needle.length));
      }
      for (const buffer of [wasm, plain]) bytes.copy(buffer.bytes);
      const from = prng.int(0, length);
      const to = prng.int(from, length);
      const expectedUsage = bytes.subarray(0, to).indexOf(USAGE, from);
      const expectedEnd = bytes.subarray(0, to).indexOf(10, from);
      const before = from === 0 ? -1 : bytes.lastIndexOf(10, from - 1);
      for (const buffer of [wasm, plain]) {
        expect(buffer.findUsage(from, to)).toBe(expectedUsage);
        expect(buffer.lineEnd(from, to)).toBe(expectedEnd < 0 ? to : expectedEnd);
        expect(buffer.lineStart(from, 0)).toBe(before + 1);
        NEEDLES.forEach((text, needle) => {
          expect(buffer.findNeedle(needle as 0 | 1 | 2, from, to)).toBe(
            bytes.subarray(0, to).indexOf(text, from, 'latin1'),
          );
        });
        checks += 1;
      }
    }
    expect(checks).toBe(4000);
  });

  it('keeps working after growing past its first memory', () => {
    const buffer = createReadBuffer(1024);
    buffer.grow(20 << 20);
    const at = (20 << 20) - 100;
    USAGE.copy(buffer.bytes, at);
    expect(buffer.findUsage(0, 20 << 20)).toBe(at);
  });

  it('lists JSON structural bytes outside strings as the reference does, on random buffers', () => {
    const prng = createPrng(8);
    const wasm = createReadBuffer(1 << 16);
    const plain = createReadBuffer(1 << 16, false);
    const alphabet = Buffer.from('""""::,,{}[]ab \\\t\u0001\u00e9', 'latin1');
    let listed = 0;
    for (let round = 0; round < 3000; round += 1) {
      const length = prng.int(0, 300);
      const bytes = Buffer.alloc(length);
      // Mostly clean buffers (no backslash or control byte), so most lists are complete.
      const clean = prng.chance(0.8);
      for (let at = 0; at < length; at += 1) {
        do bytes[at] = alphabet[prng.int(0, alphabet.length - 1)] ?? 0;
        while (clean && ((bytes[at] ?? 0) === 0x5c || (bytes[at] ?? 0) < 0x20));
      }
      for (const buffer of [wasm, plain]) bytes.copy(buffer.bytes);
      const from = prng.int(0, length);
      const to = prng.int(from, length);
      const start = prng.int(0, 3);
      const counts = [wasm, plain].map((buffer) => buffer.tokens(from, to, start));
      expect(counts[0]).toBe(counts[1]);
      const count = counts[0] ?? -1;
      if (count < 0) continue;
      listed += 1;
      expect([...wasm.positions.subarray(start, count)]).toEqual([
        ...plain.positions.subarray(start, count),
      ]);
    }
    expect(listed).toBeGreaterThan(500);
  });
});
