import { sep } from 'node:path';

/** A path as users write it: under the home directory it starts with `~`. */
export function displayPath(path: string, home: string): string {
  const base = home.endsWith(sep) ? home.slice(0, -1) : home;
  if (base.length === 0) return path;
  if (path === base) return '~';
  return path.startsWith(`${base}${sep}`) ? `~${path.slice(base.length)}` : path;
}
