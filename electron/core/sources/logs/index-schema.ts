/**
 * The index's format. Bump it when the layout or the meaning of a field changes, and say in
 * `upgradeHeader` how an older header reads (see README.md "The index").
 * 2: files carry `tail` / `tailLength` (edits in place that keep the size are seen).
 */
export const INDEX_FORMAT = 2;

/** What the index remembers about one transcript file. */
export interface IndexedFile {
  path: string;
  sessionId: string;
  projectPath: string;
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  offset: number;
  head: number;
  headLength: number;
  tail: number;
  tailLength: number;
  malformed: number;
  deleted: boolean;
  error: string | null;
}

/** The index's header: everything but the entry columns. */
export interface IndexHeader {
  count: number;
  models: string[];
  sessions: string[];
  files: IndexedFile[];
  dirs: { path: string; mtimeMs: number }[];
  roots: string[];
  priceVersion: string;
}

const FILE_STRINGS = ['path', 'sessionId', 'projectPath'] as const;
const FILE_NUMBERS = [
  'dev',
  'ino',
  'size',
  'mtimeMs',
  'offset',
  'head',
  'headLength',
  'tail',
  'tailLength',
  'malformed',
] as const;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The header of an index whose bytes checked out (magic, format, CRC-32: see index-file.ts), or
 * why it is not one. Checked field by field by hand rather than with zod: this runs on every
 * `pacewatch report`, and loading zod would cost that run more than reading the index does.
 */
export function parseIndexHeader(json: string, format = INDEX_FORMAT): IndexHeader | string {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return `unreadable header (${error instanceof Error ? error.message.slice(0, 120) : 'not JSON'})`;
  }
  if (format === 1) upgradeFrom1(value);
  const problem = headerProblem(value);
  return problem === null ? (value as IndexHeader) : `unreadable header (${problem})`;
}

/**
 * Format 1 had no tail fingerprints: its files read as "tail unknown", which the next read of
 * each file fills in. Upgraded, not rebuilt: the index also holds the entries of deleted
 * transcripts, which a rebuild would lose.
 */
function upgradeFrom1(header: unknown): void {
  if (!isObject(header) || !Array.isArray(header.files)) return;
  for (const file of header.files as unknown[])
    if (isObject(file)) Object.assign(file, { tail: 0, tailLength: 0 });
}

function headerProblem(header: unknown): string | null {
  if (!isObject(header)) return 'not an object';
  const { count } = header;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0)
    return 'count is not a whole number';
  if (typeof header.priceVersion !== 'string') return 'priceVersion is not a string';
  for (const key of ['models', 'sessions', 'roots'] as const)
    if (!isStringArray(header[key])) return `${key} is not a list of strings`;
  const { files, dirs } = header;
  if (!Array.isArray(files)) return 'files is not a list';
  for (const [index, file] of files.entries()) {
    const problem = fileProblem(file);
    if (problem !== null) return `files[${index}]${problem}`;
  }
  if (!Array.isArray(dirs)) return 'dirs is not a list';
  for (const [index, dir] of dirs.entries()) {
    if (!isObject(dir) || typeof dir.path !== 'string' || typeof dir.mtimeMs !== 'number')
      return `dirs[${index}] is not a folder`;
  }
  return null;
}

function fileProblem(file: unknown): string | null {
  if (!isObject(file)) return ' is not an object';
  for (const key of FILE_STRINGS)
    if (typeof file[key] !== 'string') return `.${key} is not a string`;
  for (const key of FILE_NUMBERS)
    if (typeof file[key] !== 'number') return `.${key} is not a number`;
  if (typeof file.deleted !== 'boolean') return '.deleted is not a boolean';
  if (file.error !== null && typeof file.error !== 'string') return '.error is not a string';
  return null;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
