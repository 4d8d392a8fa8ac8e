import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { Secret } from '../../../../shared/domain/secret';
import type { SecretStore } from '../../ports';
import { claudeConfigDirs, type PathEnv } from '../../platform/paths';
import {
  KEYCHAIN_UNAVAILABLE_MESSAGE,
  NO_CREDENTIALS_MESSAGE,
  malformedCredentialMessage,
  unreadableCredentialMessage,
} from './messages';

// Claude Code's own login (docs/PROTOCOLS.md "Claude Code's own credential"), read-only. Nothing
// here writes or refreshes it: Claude Code's refresh tokens are single-use, so a refresh by
// Pacewatch would sign Claude Code out.

/** Claude Code's OAuth login, as read from where Claude Code keeps it. */
export interface ClaudeCredential {
  readonly token: Secret;
  /** epoch ms; null when the credential does not say. */
  readonly expiresAt: number | null;
  readonly subscriptionType: string | null;
  readonly rateLimitTier: string | null;
  readonly scopes: readonly string[];
  /** Where it came from: 'macOS Keychain "Claude Code-credentials"' or the file path. */
  readonly origin: string;
}

/** A credential, or why there is none usable. */
export type ClaudeCredentialRead =
  | { ok: true; credential: ClaudeCredential }
  | { ok: false; kind: 'no-credentials' | 'parse'; message: string };

/** Reads Claude Code's credential; `stamp()` changes whenever the credential may have changed. */
export interface ClaudeCredentialReader {
  read(): Promise<ClaudeCredentialRead>;
  /** `path:mtimeMs:size` or `keychain:<expiresAt>`; never the secret nor a hash of it. */
  stamp(): Promise<string | null>;
}

const DEFAULT_KEYCHAIN_SERVICE = 'Claude Code-credentials';

/**
 * The macOS Keychain service Claude Code stores its login under: the plain name for the
 * default config dir, else suffixed with the first 8 hex digits of sha256(absolute dir).
 */
export function claudeKeychainService(configDir: string | null): string {
  if (configDir === null) return DEFAULT_KEYCHAIN_SERVICE;
  const hash = createHash('sha256').update(resolve(configDir)).digest('hex').slice(0, 8);
  return `${DEFAULT_KEYCHAIN_SERVICE}-${hash}`;
}

const credentialSchema = z.object({
  claudeAiOauth: z
    .object({
      accessToken: z.string().nullish(),
      expiresAt: z.number().nullish().catch(null),
      scopes: z.array(z.string()).nullish().catch(null),
      subscriptionType: z.string().nullish().catch(null),
      rateLimitTier: z.string().nullish().catch(null),
    })
    .nullish(),
});

type Parsed = { ok: true; credential: ClaudeCredential } | { ok: false; kind: 'absent' | 'parse' };

/** Parses the JSON Claude Code stores; the refresh token is never kept. */
function parseCredential(text: string, origin: string): Parsed {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, kind: 'parse' };
  }
  const parsed = credentialSchema.safeParse(json);
  if (!parsed.success) return { ok: false, kind: 'parse' };
  const oauth = parsed.data.claudeAiOauth;
  const token = oauth?.accessToken?.trim();
  if (!oauth || !token) return { ok: false, kind: 'absent' };
  return {
    ok: true,
    credential: {
      token: new Secret(token),
      expiresAt: oauth.expiresAt ?? null,
      subscriptionType: oauth.subscriptionType ?? null,
      rateLimitTier: oauth.rateLimitTier ?? null,
      scopes: oauth.scopes ?? [],
      origin,
    },
  };
}

interface Deps {
  readonly secrets: SecretStore | null;
  readonly pathEnv: PathEnv;
  /** The login name: Claude Code's keychain account. */
  readonly account: string;
}

interface KeychainItem {
  readonly store: SecretStore;
  readonly service: string;
}

/** Where to look, in order: keychain items (macOS only), then credentials files. */
function places(deps: Deps): { items: KeychainItem[]; files: string[] } {
  const dirs = claudeConfigDirs(deps.pathEnv);
  const files = dirs.map((dir) => join(dir, '.credentials.json'));
  const store = deps.secrets;
  if (deps.pathEnv.platform !== 'darwin' || !store) return { items: [], files };
  // Claude Code names its item after the config dir only when CLAUDE_CONFIG_DIR is set.
  const custom = Boolean(deps.pathEnv.env.CLAUDE_CONFIG_DIR?.trim());
  const services = custom
    ? dirs.map((dir) => claudeKeychainService(dir))
    : [claudeKeychainService(null)];
  return { items: services.map((service) => ({ store, service })), files };
}

type Lookup =
  | { found: true; credential: ClaudeCredential }
  | { found: false; problem: { kind: 'no-credentials' | 'parse'; message: string } | null };

async function fromKeychain({ store, service }: KeychainItem, account: string): Promise<Lookup> {
  const origin = `macOS Keychain "${service}"`;
  let value: Secret | null;
  try {
    value = await store.get(service, account);
  } catch {
    return {
      found: false,
      problem: { kind: 'no-credentials', message: KEYCHAIN_UNAVAILABLE_MESSAGE },
    };
  }
  if (!value) return { found: false, problem: null };
  const parsed = parseCredential(value.reveal(), origin);
  if (parsed.ok) return { found: true, credential: parsed.credential };
  return parsed.kind === 'parse'
    ? { found: false, problem: { kind: 'parse', message: malformedCredentialMessage(origin) } }
    : { found: false, problem: null };
}

async function fromFile(path: string): Promise<Lookup> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { found: false, problem: null };
    const reason =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'it is a directory'
          : (code ?? 'read error');
    const message = unreadableCredentialMessage(path, reason);
    return { found: false, problem: { kind: 'no-credentials', message } };
  }
  const parsed = parseCredential(text, path);
  if (parsed.ok) return { found: true, credential: parsed.credential };
  return parsed.kind === 'parse'
    ? { found: false, problem: { kind: 'parse', message: malformedCredentialMessage(path) } }
    : { found: false, problem: null };
}

async function readCredential(deps: Deps): Promise<ClaudeCredentialRead> {
  const { items, files } = places(deps);
  const lookups: Array<() => Promise<Lookup>> = [
    ...items.map((item) => () => fromKeychain(item, deps.account)),
    ...files.map((path) => () => fromFile(path)),
  ];
  const problems: Array<{ kind: 'no-credentials' | 'parse'; message: string }> = [];
  for (const lookup of lookups) {
    const result = await lookup();
    if (result.found) return { ok: true, credential: result.credential };
    if (result.problem) problems.push(result.problem);
  }
  // A broken file says more than a locked keychain, which says more than "not signed in".
  const problem = problems.find((p) => p.kind === 'parse') ?? problems[0];
  return { ok: false, ...(problem ?? { kind: 'no-credentials', message: NO_CREDENTIALS_MESSAGE }) };
}

async function keychainStamp({ store, service }: KeychainItem, account: string) {
  try {
    const value = await store.get(service, account);
    if (!value) return null;
    const parsed = parseCredential(value.reveal(), service);
    return parsed.ok ? `keychain:${parsed.credential.expiresAt ?? 'none'}` : null;
  } catch {
    return null;
  }
}

async function readStamp(deps: Deps): Promise<string | null> {
  const { items, files } = places(deps);
  for (const item of items) {
    const stamp = await keychainStamp(item, deps.account);
    if (stamp) return stamp;
  }
  const stamps: string[] = [];
  for (const path of files) {
    try {
      const info = await stat(path);
      stamps.push(`${path}:${info.mtimeMs}:${info.size}`);
    } catch {
      // A missing file is part of the stamp by being absent from it.
    }
  }
  return stamps.length > 0 ? stamps.join('|') : null;
}

/** A read-only reader of Claude Code's login: the macOS Keychain first, then the files. */
export function createClaudeCredentialReader(deps: Deps): ClaudeCredentialReader {
  return {
    read: () => readCredential(deps),
    stamp: () => readStamp(deps),
  };
}
