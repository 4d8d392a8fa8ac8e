/** Fields ccusage v20 refuses to read as `null` anywhere in a line (its schema's required ones). */
export const NOT_NULLABLE_FIELDS = [
  'id',
  'cwd',
  'model',
  'speed',
  'costUSD',
  'version',
  'sessionId',
  'requestId',
  'isApiErrorMessage',
  'cache_read_input_tokens',
  'cache_creation_input_tokens',
] as const;
const NOT_NULLABLE: ReadonlySet<string> = new Set(NOT_NULLABLE_FIELDS);

/**
 * Whether a parsed line holds `null` in a field ccusage v20 requires to be non-null, at any
 * depth, so Pacewatch skips the same lines. Two exceptions: `model` inside `usage.iterations[]`
 * (ccusage allows it too), and anything inside a `content` array — a tool's input may hold a
 * null `id`, and that does not make the response free (ccusage drops such lines; Pacewatch counts
 * them).
 */
export function hasForbiddenNull(line: Record<string, unknown>): boolean {
  return walk(line, false);
}

function walk(value: unknown, inIterations: boolean): boolean {
  if (Array.isArray(value)) {
    for (const item of value) if (walk(item, inIterations)) return true;
    return false;
  }
  if (typeof value !== 'object' || value === null) return false;
  for (const key in value) {
    const child = (value as Record<string, unknown>)[key];
    if (child === null) {
      if (NOT_NULLABLE.has(key) && !(inIterations && key === 'model')) return true;
      continue;
    }
    if (typeof child !== 'object') continue;
    if (key === 'content' && Array.isArray(child)) continue;
    if (walk(child, key === 'iterations')) return true;
  }
  return false;
}
