import type { HttpFailure } from '../ports';

/** Usage bodies are a few KB; anything past this is not an answer Pacewatch can use. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * The allow-list every Http adapter applies before sending: a URL whose origin is one of the API
 * hosts, or why not (the request is then never sent).
 */
export function allowedUrl(
  raw: string,
  allowed: ReadonlySet<string>,
): { ok: true; url: URL } | { ok: false; failure: HttpFailure } {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, failure: { kind: 'blocked', message: 'not a valid URL' } };
  }
  if (!allowed.has(url.origin)) {
    const message = `${url.origin} is not an allowed endpoint`;
    return { ok: false, failure: { kind: 'blocked', message } };
  }
  return { ok: true, url };
}

/** The origins of an allow-list, normalised as URL.origin spells them. */
export function originSet(origins: readonly string[]): ReadonlySet<string> {
  return new Set(origins.map((origin) => new URL(origin).origin));
}

/** The failure for an answer past `maxBytes`: the server answered, with too much to read. */
export function tooLargeFailure(maxBytes: number): { kind: 'too-large'; message: string } {
  const mb = maxBytes / (1024 * 1024);
  const size = Number.isInteger(mb) ? `${mb} MB` : `${maxBytes} bytes`;
  return { kind: 'too-large', message: `over ${size}` };
}
