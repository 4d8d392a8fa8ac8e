const TWO_32 = 4294967296;

/** A 53-bit hash of a string (cyrb53): ids are stored and compared as numbers, not strings. */
export function hashString(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  return finish(h1, h2);
}

/** A 53-bit hash of a tag and up to three non-negative numbers (NaN allowed), for composite map keys. */
export function mixKeys(tag: number, a: number, b: number, c = 0): number {
  let h1 = 0xdeadbeef ^ tag;
  let h2 = 0x41c6ce57 ^ tag;
  for (let part = 0; part < 3; part += 1) {
    const raw = part === 0 ? a : part === 1 ? b : c;
    const value = Number.isNaN(raw) ? 2 ** 53 : raw;
    const low = (value % TWO_32) >>> 0;
    const high = Math.floor(value / TWO_32) >>> 0;
    h1 = Math.imul(h1 ^ low, 2654435761);
    h2 = Math.imul(h2 ^ low, 1597334677);
    h1 = Math.imul(h1 ^ high, 2654435761);
    h2 = Math.imul(h2 ^ high, 1597334677);
  }
  return finish(h1, h2);
}

function finish(h1In: number, h2In: number): number {
  let h1 = h1In;
  let h2 = h2In;
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return TWO_32 * (2097151 & h2) + (h1 >>> 0);
}
