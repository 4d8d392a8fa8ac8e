import type { Secret } from '../../../shared/domain/secret';
import { keychainUnavailableMessage } from '../adapters/keytar-secret-store';
import type { CredentialId, CredentialService } from '../services/credential-service';
import { fetchFailure, type FetchFailure } from './usage-source';

/**
 * A source's own secret from the keychain, or the failure that says what to do: `missing` when
 * none is stored, `unavailable(why)` when the keychain cannot be read.
 */
export async function storedKey(
  credentials: Pick<CredentialService, 'read'>,
  id: CredentialId,
  missing: string,
  unavailable: (why: string) => string,
): Promise<{ ok: true; key: Secret } | FetchFailure> {
  try {
    const key = await credentials.read(id);
    return key === null ? fetchFailure('no-credentials', missing) : { ok: true, key };
  } catch {
    return fetchFailure('no-credentials', unavailable(keychainUnavailableMessage()));
  }
}
