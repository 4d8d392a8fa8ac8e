import type { Prng } from './prng';

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'sto',
  'vu',
  'zan',
  'pe',
  'dri',
  'ol',
  'qua',
  'ne',
  'bis',
  'tor',
];
const SNIPPETS = [
  'const value = await read("config.json");\n',
  'if (a < b && c > d) { return "ok"; }\n',
  '\tpath = "C:\\\\Users\\\\me\\\\repo"\n',
  'Grüße, naïve café — 日本語のテキスト 🚀\n',
  '{"usage":"not a usage object","note":"quoted \\"text\\""}\n',
  '$ npm test\n  ✓ 42 passed\n',
];

/**
 * A deterministic pool of transcript-like text (words, code, escapes, non-ASCII) that lines take
 * slices from, so generated files have realistic bytes without generating every character.
 */
export class TextPool {
  readonly #text: string;

  constructor(prng: Prng, chars = 1 << 20) {
    const parts: string[] = [];
    let length = 0;
    while (length < chars) {
      const part = prng.chance(0.04)
        ? prng.pick(SNIPPETS)
        : `${prng.pick(SYLLABLES)}${prng.pick(SYLLABLES)}${prng.chance(0.5) ? prng.pick(SYLLABLES) : ''}${prng.chance(0.08) ? '.\n' : ' '}`;
      parts.push(part);
      length += part.length;
    }
    this.#text = parts.join('');
  }

  /** About `length` characters of text starting at a random word. */
  take(prng: Prng, length: number): string {
    const text = this.#text;
    const size = Math.min(length, text.length - 1);
    let start = prng.int(0, text.length - size - 1);
    let end = start + size;
    // Never split a surrogate pair: Claude Code's own text has none split (see the parity test).
    if (isLowSurrogate(text.charCodeAt(start))) start += 1;
    if (isLowSurrogate(text.charCodeAt(end))) end += 1;
    return text.slice(start, end);
  }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
