import { emptyHistory, type History } from '../../../shared/domain/history';
import { historySchema } from '../../../shared/domain/history-schema';
import type { SourceId } from '../../../shared/domain/snapshot';
import type { DataLayout } from './data-layout';
import { jsonStore, type JsonStore } from './json-store';
import { HISTORY_FORMAT } from './stored-formats';

/** A source's usage history (`history/<source>.json`); loads without zod (see history-schema.ts). */
export function historyStore(layout: DataLayout, source: SourceId): JsonStore<History> {
  return jsonStore(layout.history(source), historySchema, emptyHistory, HISTORY_FORMAT);
}
