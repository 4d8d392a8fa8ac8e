import type { SourceId } from '../../../shared/domain/snapshot';
import { emptyRecord, type SourceRecord } from '../../../shared/domain/source-record';
import type { DataLayout } from './data-layout';
import { jsonStore, type JsonStore } from './json-store';
import { sourceRecordSchema } from './record-schema';
import { RECORD_FORMAT } from './stored-formats';

/** A source's record in the shared cache (`cache/<source>.json`). */
export function recordStore(layout: DataLayout, source: SourceId): JsonStore<SourceRecord> {
  return jsonStore(
    layout.cache(source),
    sourceRecordSchema,
    () => emptyRecord(source),
    RECORD_FORMAT,
  );
}
