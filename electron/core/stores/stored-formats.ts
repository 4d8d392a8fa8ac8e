import type { StoredData, StoredFormat } from './migrations';

// Every versioned file in the data dir, with its migrations table. The formats and their
// versions are written down in electron/core/stores/README.md; change both together.

/** `settings.json`. */
export const SETTINGS_FORMAT: StoredFormat = { name: 'settings.json', current: 1, migrations: {} };

/** `alerts.json`, the alert ledger. */
export const LEDGER_FORMAT: StoredFormat = { name: 'alerts.json', current: 1, migrations: {} };

/** `history/<source>.json`. */
export const HISTORY_FORMAT: StoredFormat = {
  name: 'a usage history',
  current: 1,
  migrations: {},
};

/** `cache/<source>.json`, the shared cache (the status line writes its readings here too). */
export const RECORD_FORMAT: StoredFormat = {
  name: 'a cached source record',
  current: 2,
  migrations: {
    // Version 1 had no `version` field, and records from before Retry-After was kept have no
    // `cooldownUntil`: none was pending.
    2: (record: StoredData) => ({ ...record, cooldownUntil: record.cooldownUntil ?? null }),
  },
};

/** `credentials.json`: when each pasted credential was stored (never the secret). */
export const CREDENTIALS_FORMAT: StoredFormat = {
  name: 'credentials.json',
  current: 2,
  migrations: {
    // Version 1 had no `version` field; the entries are unchanged.
    2: (metadata: StoredData) => metadata,
  },
};

/** `prices-refreshed.json`: the rows the daily price refresh added, and when it last tried. */
export const PRICE_CACHE_FORMAT: StoredFormat = {
  name: 'prices-refreshed.json',
  current: 1,
  migrations: {},
};
