// The byte values the line readers look for in a transcript's JSON (UTF-8).
export const NEWLINE = 0x0a;
export const QUOTE = 0x22;
export const PLUS = 0x2b;
export const COMMA = 0x2c;
export const MINUS = 0x2d;
export const DOT = 0x2e;
export const ZERO = 0x30;
export const NINE = 0x39;
export const COLON = 0x3a;
export const UPPER_E = 0x45;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;
export const LOWER_E = 0x65;
export const LOWER_T = 0x74;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
