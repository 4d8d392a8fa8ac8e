import { z } from 'zod';
import { Secret } from '../../../shared/domain/secret';
import { HEADROOM_KEYCHAIN_SERVICE } from '../adapters/keytar-secret-store';
import type { Clock, SecretStore } from '../ports';
import { jsonStore } from '../stores/json-store';

/** Headroom's own credentials, pasted by the user; each lives in the OS keychain only. */
export type CredentialId = 'web' | 'admin';

/** Every credential id, in the order settings list them. */
export const CREDENTIAL_IDS: readonly CredentialId[] = ['web', 'admin'];

/** What surfaces may know about a credential: whether it is stored, and since when. Never the value. */
export interface CredentialStatus {
  readonly id: CredentialId;
  readonly label: string;
  readonly stored: boolean;
  readonly storedAt: number | null;
}

/** An expected failure, as a sentence that says what to do. */
export type CredentialResult =
  { readonly ok: true } | { readonly ok: false; readonly message: string };

/** Stores, reads and clears Headroom's own credentials. */
export interface CredentialService {
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
  readonly prefix: string;
  readonly wrongShape: string;
}

const KINDS: Readonly<Record<CredentialId, Kind>> = {
  web: {
    label: 'claude.ai session key',
    account: 'web-session-key',
    prefix: 'sk-ant-sid',
    wrongShape:
      'That does not look like a claude.ai session key (it starts with sk-ant-sid). In a browser signed in to claude.ai, open the developer tools, copy the value of the sessionKey cookie, and paste it again.',
  },
  admin: {
    label: 'Admin API key',
    account: 'admin-api-key',
    prefix: 'sk-ant-admin',
    wrongShape:
      'That does not look like an Admin API key (it starts with sk-ant-admin). Create one in the Anthropic Console under Settings → Admin keys, and paste it again.',
  },
};

const metadataSchema = z.object({
  web: z.object({ storedAt: z.number() }).optional(),
  admin: z.object({ storedAt: z.number() }).optional(),
});
type Metadata = z.output<typeof metadataSchema>;

/**
 * Credentials in the keychain under service "Headroom"; `credentials.json` in the data dir keeps
 * only when each was stored, so surfaces can say "stored 3 days ago" without reading a secret.
 */
export function createCredentialService(deps: {
  readonly secrets: SecretStore;
  readonly metadataPath: string;
  readonly clock: Clock;
}): CredentialService {
  const metadata = jsonStore<Metadata>(deps.metadataPath, metadataSchema, () => ({}));

  async function guarded(work: () => Promise<void>): Promise<CredentialResult> {
    try {
      await work();
      return { ok: true };
    } catch (error) {
      return { ok: false, message: (error as Error).message };
    }
  }

  async function setStoredAt(id: CredentialId, storedAt: number | null): Promise<void> {
    const current = (await metadata.load()).value;
    const entries = Object.entries({ ...current, [id]: storedAt === null ? undefined : { storedAt } });
    await metadata.save(Object.fromEntries(entries.filter(([, value]) => value !== undefined)));
  }

  return {
    async status() {
      const stored = (await metadata.load()).value;
      return Promise.all(
        CREDENTIAL_IDS.map(async (id) => {
          const present =
            (await deps.secrets.get(HEADROOM_KEYCHAIN_SERVICE, KINDS[id].account)) !== null;
          return {
            id,
            label: KINDS[id].label,
            stored: present,
            storedAt: present ? (stored[id]?.storedAt ?? null) : null,
          };
        }),
      );
    },
    read: (id) => deps.secrets.get(HEADROOM_KEYCHAIN_SERVICE, KINDS[id].account),
    store(id, value) {
      const kind = KINDS[id];
      const trimmed = value.reveal().trim();
      if (!trimmed.startsWith(kind.prefix) || /\s/.test(trimmed))
        return Promise.resolve({ ok: false, message: kind.wrongShape });
      return guarded(async () => {
        await deps.secrets.set(HEADROOM_KEYCHAIN_SERVICE, kind.account, new Secret(trimmed));
        await setStoredAt(id, deps.clock.now());
      });
    },
    clear: (id) =>
      guarded(async () => {
        await deps.secrets.delete(HEADROOM_KEYCHAIN_SERVICE, KINDS[id].account);
        await setStoredAt(id, null);
      }),
    async stamp(id) {
      const storedAt = (await metadata.load()).value[id]?.storedAt;
      return storedAt === undefined ? null : `stored:${storedAt}`;
    },
  };
}
