import { readFile } from 'node:fs/promises';
import { defaultSettings, recoverSettings, type Settings } from '../../../shared/domain/settings';
import { withoutBom } from './json-file';

/**
 * settings.json as a process that never writes it sees it (`report`, `advise`, the status line):
 * every valid field, the defaults for the rest, and the defaults when the file is missing or is not
 * JSON. The file is left as it is: repairing it, and saying what was dropped, is the business of
 * the app and `watch`, which own it (electron/core/create-core.ts).
 */
export async function readSettingsReadOnly(path: string): Promise<Settings> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return defaultSettings();
  }
  let data: unknown;
  try {
    data = JSON.parse(withoutBom(text));
  } catch {
    return defaultSettings();
  }
  return recoverSettings(data).settings;
}
