const REDACTED = '[redacted]';

/**
 * A credential value that cannot be logged or serialised by accident: `String()`, template
 * literals, `JSON.stringify` and Node's inspector all print "[redacted]". Only `reveal()` gives
 * the value, and only the code that puts it on the wire should call it.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  /** The raw value, for the request header or keychain write that needs it. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Secret(${REDACTED})`;
  }
}

// Every kind of Anthropic credential is `sk-ant-<kind><n>-<value>`: OAuth access (`oat`) and
// refresh (`ort`) tokens, API keys (`api`), Admin API keys (`admin`) and the claude.ai
// `sessionKey` cookie (`sid`). Matched in any case: text from outside may have been upper-cased
// (a currency) before it is shown. The kind is kept so a message still says which one it was.
const ANTHROPIC_KEY = /(sk-ant-[a-z]+\d*-)[a-z0-9_-]+/gi;
// The same credentials in the forms they travel in, whatever their shape.
const SESSION_COOKIE = /(sessionKey\s*[=:]\s*"?)[^\s;",]+/gi;
const BEARER = /(bearer\s+)[a-z0-9._~+/=-]{16,}/gi;
const API_KEY_HEADER = /(x-api-key\s*[=:]\s*"?)[^\s;",]+/gi;
// A value already replaced is left as it is, so scrubbing twice changes nothing.
const keep = (prefix: string, match: string) =>
  match.endsWith(REDACTED) ? match : `${prefix}${REDACTED}`;

/**
 * Removes anything shaped like an Anthropic credential from text that may reach a user, a file
 * or a log: every `sk-ant-…` kind in any case, a `sessionKey` cookie, a bearer token, an
 * `x-api-key` header. Scrubbing twice gives the same text.
 */
export function scrubSecrets(text: string): string {
  return text
    .replace(ANTHROPIC_KEY, (match, prefix: string) => `${prefix}${REDACTED}`)
    .replace(SESSION_COOKIE, (match, prefix: string) => keep(prefix, match))
    .replace(BEARER, (match, prefix: string) => keep(prefix, match))
    .replace(API_KEY_HEADER, (match, prefix: string) => keep(prefix, match));
}

/**
 * `scrubSecrets` over every string (keys and values) of a parsed JSON value: where text from a
 * server or another program becomes values (docs/RELIABILITY.md, defect 4), so no credential it
 * echoes reaches the cache, the history, a surface or a notification.
 */
export function scrubSecretsDeep(value: unknown): unknown {
  if (typeof value === 'string') return scrubSecrets(value);
  if (Array.isArray(value)) return value.map(scrubSecretsDeep);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [scrubSecrets(key), scrubSecretsDeep(inner)]),
  );
}
