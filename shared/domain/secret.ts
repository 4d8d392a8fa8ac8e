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

const SECRET_PATTERN = /sk-ant-[a-z]+\d*-[A-Za-z0-9_-]+/g;

/** Removes anything shaped like an Anthropic credential from text that may reach a user or a log. */
export function scrubSecrets(text: string): string {
  return text.replace(
    SECRET_PATTERN,
    (match) => `${match.slice(0, match.indexOf('-', 7) + 1)}${REDACTED}`,
  );
}
