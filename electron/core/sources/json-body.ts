import { scrubSecretsDeep } from '../../../shared/domain/secret';

/** A response body read as JSON, or a few words on why it is not (never quoting the body). */
export type JsonBody = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Reads a body as JSON: empty, HTML, cut-off and otherwise broken bodies get their own words.
 * Every server body becomes values here, so every string in it is scrubbed of credentials here
 * (docs/RELIABILITY.md, defect 4): a server that echoes a token in a label or a currency puts it
 * nowhere.
 */
export function readJsonBody(body: string): JsonBody {
  const text = body.trim();
  if (text.length === 0) return { ok: false, message: 'an empty body' };
  if (text.startsWith('<')) return { ok: false, message: 'an HTML page instead of JSON' };
  try {
    return { ok: true, value: scrubSecretsDeep(JSON.parse(text)) };
  } catch {
    // JSON.parse's own message quotes the input: never pass it on.
    return { ok: false, message: looksTruncated(text) ? 'truncated JSON' : 'not valid JSON' };
  }
}

/** True when the text opens more brackets or strings than it closes: the body was cut off. */
function looksTruncated(text: string): boolean {
  if (!text.startsWith('{') && !text.startsWith('[')) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
  }
  return inString || depth > 0;
}
