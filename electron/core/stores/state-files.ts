import { emptyHistory, type History } from '../../../shared/domain/history';
import { historySchema } from '../../../shared/domain/history-schema';
import type { SourceId } from '../../../shared/domain/snapshot';
import { emptyRecord, type SourceRecord } from '../../../shared/domain/source-record';
import type { DataLayout } from './data-layout';
import { jsonStore, type JsonStore } from './json-store';
import { sourceRecordSchema } from './record-schema';
import { HISTORY_FORMAT, RECORD_FORMAT } from './stored-formats';

/** A source's record in the shared cache (`cache/<source>.json`). */
export function recordStore(layout: DataLayout, source: SourceId): JsonStore<SourceRecord> {
  return jsonStore(
    layout.cache(source),
    sourceRecordSchema,
    () => emptyRecord(source),
    RECORD_FORMAT,
  );
}

/** A source's usage history (`history/<source>.json`). */
export function historyStore(layout: DataLayout, source: SourceId): JsonStore<History> {
  return jsonStore(layout.history(source), historySchema, emptyHistory, HISTORY_FORMAT);
}
