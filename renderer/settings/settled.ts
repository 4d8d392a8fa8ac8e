import type { IpcResult } from '../../shared/ipc/contract';
import type { SettingsModel } from '../../shared/ipc/settings-model';

/** A line that confirms a change, or says why it was refused. */
export interface StatusLine {
  readonly text: string;
  readonly error: boolean;
}

/** What a settings request came to: the new model goes to `onModel`, the line says so or why not. */
export function settled(
  result: IpcResult<SettingsModel>,
  done: string,
  onModel: (model: SettingsModel) => void,
): StatusLine {
  if (!result.ok) return { text: result.message, error: true };
  onModel(result.value);
  return { text: done, error: false };
}
