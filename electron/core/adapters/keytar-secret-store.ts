import { Secret } from '../../../shared/domain/secret';
import type { SecretStore } from '../ports';
import type * as KeytarModule from 'keytar';

/** The keychain service Pacewatch's own secrets live under (accounts `web-session-key`, `admin-api-key`). */
export const PACEWATCH_KEYCHAIN_SERVICE = 'Pacewatch';

type Keytar = typeof KeytarModule;

/** What to do when the OS keychain cannot be used, worded for this platform. */
export function keychainUnavailableMessage(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') {
    return 'The macOS Keychain is locked or unavailable: unlock it (Keychain Access) and try again.';
  }
  if (platform === 'win32') {
    return 'Windows Credential Manager is unavailable: sign in to Windows normally and try again.';
  }
  return 'The system keychain is locked or unavailable: unlock it, or install a Secret Service such as gnome-keyring.';
}

/** The keychain could not be used; the message says what to do and never carries a secret. */
export class KeychainUnavailableError extends Error {
  constructor(cause: unknown) {
    // keytar's own text stays in `cause` for debugging; the message is ours alone.
    super(keychainUnavailableMessage(), { cause });
    this.name = 'KeychainUnavailableError';
  }
}

let loading: Promise<Keytar> | null = null;

/** Loads the native module on first use, so commands that never touch the keychain never pay for it. */
function loadKeytar(): Promise<Keytar> {
  loading ??= import('keytar').then((module) => {
    // keytar is CommonJS: under Node's ESM interop its functions sit on `default`.
    const withDefault = module as Keytar & { default?: Keytar };
    return withDefault.default ?? module;
  });
  return loading;
}

async function call<T>(work: (keytar: Keytar) => Promise<T>): Promise<T> {
  try {
    return await work(await loadKeytar());
  } catch (error) {
    throw new KeychainUnavailableError(error);
  }
}

/** The OS keychain through keytar (macOS Keychain, Secret Service, Credential Manager). */
export function createKeytarSecretStore(): SecretStore {
  return {
    async get(service, account) {
      const value = await call((keytar) => keytar.getPassword(service, account));
      return value === null ? null : new Secret(value);
    },
    set(service, account, value) {
      return call((keytar) => keytar.setPassword(service, account, value.reveal()));
    },
    delete(service, account) {
      return call((keytar) => keytar.deletePassword(service, account));
    },
  };
}
