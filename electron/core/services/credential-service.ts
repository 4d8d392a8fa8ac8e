import { z } from 'zod';
import { Secret, scrubSecrets } from '../../../shared/domain/secret';
import { PACEWATCH_KEYCHAIN_SERVICE } from '../adapters/keytar-secret-store';
import type { Clock, SecretStore } from '../ports';
import { withFileLock } from '../stores/file-lock';
import { jsonStore } from '../stores/json-store';
import { CREDENTIALS_FORMAT } from '../stores/stored-formats';

/** Pacewatch's own credentials, pasted by the user; each lives in the OS keychain only. */
export type CredentialId = 'web' | 'admin';

/** Every credential id, in the order settings list them. */
export const CREDENTIAL_IDS: readonly CredentialId[] = ['web', 'admin'];

/** What surfaces may know about a credential: whether it is stored, and since when. Never the value. */
export interface CredentialStatus {
  readonly id: CredentialId;
  readonly label: string;
  readonly stored: boolean;
  readonly storedAt: number | null;
  /**
   * Set when the keychain could not be asked: then `stored` is only what Pacewatch last recorded,
   * and this sentence says what to do.
   */
  readonly problem?: string;
}

/** An expected failure, as a sentence that says what to do. */
export type CredentialResult =
  { readonly ok: true } | { readonly ok: false; readonly message: string };

/** Stores, reads and clears Pacewatch's own credentials. */
export interface CredentialService {
  /** Never throws for a locked keychain: each status then carries a `problem`. */
  status(): Promise<CredentialStatus[]>;
  /** The secret, for the source that sends it; null when none is stored. Throws when the keychain is unavailable. */
  read(id: CredentialId): Promise<Secret | null>;
  store(id: CredentialId, value: Secret): Promise<CredentialResult>;
  clear(id: CredentialId): Promise<CredentialResult>;
  /** Changes whenever the credential is stored or cleared (its storedAt), never derived from the value. */
  stamp(id: CredentialId): Promise<string | null>;
}

interface Kind {
  readonly label: string;
  readonly account: string;
  readonly shape: RegExp;
  readonly wrongShape: string;
}

/** Printable, no spaces, nothing that would end a cookie or a header value early. */
const TOKEN_TAIL = String.raw`[!#-+\--:<-\[\]-~]+`;

const KINDS: Readonly<Record<CredentialId, Kind>> = {
  web: {
    label: 'claude.ai session key',
    account: 'web-session-key',
    shape: new RegExp(`^sk-ant-sid\\d*-${TOKEN_TAIL}$`),
    wrongShape:
      'That does not look like a claude.ai session key (it starts with sk-ant-sid). In a browser signed in to claude.ai, open the developer tools, copy the value of the sessionKey cookie, and paste it again.',
  },
  admin: {
    label: 'Admin API key',
    account: 'admin-api-key',
    shape: new RegExp(`^sk-ant-admin\\d*-${TOKEN_TAIL}$`),
    wrongShape:
      'That does not look like an Admin API key (it starts with sk-ant-admin). Create one in the Anthropic Console under Settings → Admin keys, and paste it again.',
  },
};

/** The label a surface shows for a credential ("claude.ai session key"). */
export function credentialLabel(id: CredentialId): string {
  return KINDS[id].label;
}

/**
 * The value as the user probably meant it: trimmed, surrounding quotes dropped, and a copied
 * `sessionKey=…` cookie (or a `Cookie:` line holding it) reduced to the key.
 */
export function normalizeSecret(raw: string): string {
  const text = raw
    .trim()
    .replace(/^(['"])(.*)\1$/s, '$2')
    .trim();
  const cookie = /(?:^|[\s;])sessionKey=([^;\s]+)/.exec(text);
  return cookie?.[1] ?? text;
}

const metadataSchema = z.object({
  web: z.object({ storedAt: z.number() }).optional(),
  admin: z.object({ storedAt: z.number() }).optional(),
});
type Metadata = z.output<typeof metadataSchema>;

function errorMessage(error: unknown): string {
  return scrubSecrets(error instanceof Error ? error.message : String(error));
}

/**
 * Credentials in the keychain under service "Pacewatch"; `credentials.json` in the data dir keeps
 * only when each was stored, so surfaces can say "stored 3 days ago" without reading a secret.
 */
export function createCredentialService(deps: {
  readonly secrets: SecretStore;
  readonly metadataPath: string;
  readonly clock: Clock;
}): CredentialService {
  const metadata = jsonStore<Metadata>(
    deps.metadataPath,
    metadataSchema,
    () => ({}),
    CREDENTIALS_FORMAT,
  );

  async function guarded(work: () => Promise<void>): Promise<CredentialResult> {
    try {
      await work();
      return { ok: true };
    } catch (error) {
      return { ok: false, message: errorMessage(error) };
    }
  }

  /** Read-modify-write under a lock: the app and a terminal may store the two keys at once. */
  function setStoredAt(id: CredentialId, storedAt: number | null): Promise<void> {
    return withFileLock(deps.metadataPath, async () => {
      const current = (await metadata.load()).value;
      const next: Metadata = {};
      for (const key of CREDENTIAL_IDS) {
        const entry = key === id ? (storedAt === null ? undefined : { storedAt }) : current[key];
        if (entry !== undefined) next[key] = entry;
      }
      await metadata.save(next);
    });
  }

  async function statusOf(id: CredentialId, recorded: Metadata): Promise<CredentialStatus> {
    const { label, account } = KINDS[id];
    const storedAt = recorded[id]?.storedAt ?? null;
    try {
      const present = (await deps.secrets.get(PACEWATCH_KEYCHAIN_SERVICE, account)) !== null;
      return { id, label, stored: present, storedAt: present ? storedAt : null };
    } catch (error) {
      return { id, label, stored: storedAt !== null, storedAt, problem: errorMessage(error) };
    }
  }

  return {
    async status() {
      const recorded = (await metadata.load()).value;
      const statuses: CredentialStatus[] = [];
      // One after another: a locked macOS Keychain would otherwise prompt twice at once.
      for (const id of CREDENTIAL_IDS) statuses.push(await statusOf(id, recorded));
      return statuses;
    },
    read: (id) => deps.secrets.get(PACEWATCH_KEYCHAIN_SERVICE, KINDS[id].account),
    store(id, value) {
      const kind = KINDS[id];
      const normalized = normalizeSecret(value.reveal());
      if (!kind.shape.test(normalized)) {
        return Promise.resolve({ ok: false, message: kind.wrongShape });
      }
      return guarded(async () => {
        await deps.secrets.set(PACEWATCH_KEYCHAIN_SERVICE, kind.account, new Secret(normalized));
        await setStoredAt(id, deps.clock.now());
      });
    },
    clear: (id) =>
      guarded(async () => {
        await deps.secrets.delete(PACEWATCH_KEYCHAIN_SERVICE, KINDS[id].account);
        await setStoredAt(id, null);
      }),
    async stamp(id) {
      const storedAt = (await metadata.load()).value[id]?.storedAt;
      return storedAt === undefined ? null : `stored:${storedAt}`;
    },
  };
}
