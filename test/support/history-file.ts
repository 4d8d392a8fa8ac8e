import { readFileSync } from 'node:fs';
import type { History } from '../../shared/domain/history';
import { historySchema } from '../../shared/domain/history-schema';

/** A history file on disk, read through its schema; throws with the schema's reason if refused. */
export function readHistoryFile(path: string): History {
  const parsed = historySchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues[0]?.message ?? 'refused'}`);
  return parsed.data;
}
