/** A response body read as JSON, or a few words on why it is not (never quoting the body). */
export type JsonBody = { ok: true; value: unknown } | { ok: false; message: string };

/** Reads a body as JSON: empty, HTML, cut-off and otherwise broken bodies get their own words. */
export function readJsonBody(body: string): JsonBody {
  const text = body.trim();
  if (text.length === 0) return { ok: false, message: 'an empty body' };
  if (text.startsWith('<')) return { ok: false, message: 'an HTML page instead of JSON' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    // JSON.parse's own message quotes the input: never pass it on.
    const opened = text.startsWith('{') || text.startsWith('[');
    const closed = text.endsWith('}') || text.endsWith(']');
    return { ok: false, message: opened && !closed ? 'truncated JSON' : 'not valid JSON' };
  }
}
