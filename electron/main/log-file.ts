import { existsSync } from 'node:fs';
import type { Shell } from 'electron';
import type { IpcResult } from '../../shared/ipc/contract';

/**
 * Opens the log file in the system's viewer for text files; where none opens it, shows it in its
 * folder instead and says so. The path is the app's own (the data dir), never one a page sent.
 */
export async function openLogFile(
  shell: Pick<Shell, 'openPath' | 'showItemInFolder'>,
  path: string,
): Promise<IpcResult<null>> {
  if (!existsSync(path))
    return { ok: false, message: `There is no log file yet: it will be ${path}.` };
  const failure = await shell.openPath(path);
  if (failure === '') return { ok: true, value: null };
  shell.showItemInFolder(path);
  return {
    ok: false,
    message: `The log file could not be opened (${failure}); its folder is shown instead.`,
  };
}
