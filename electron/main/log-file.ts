import { existsSync } from 'node:fs';
import type { Shell } from 'electron';
import type { IpcResult } from '../../shared/ipc/contract';

/**
 * Opens the log file in the system's viewer for text files (the app writes a line at every start,
 * so a missing file means the log could not be written); where none opens it, shows it in its
 * folder instead and says so. The path is the app's own (the data dir), never one a page sent.
 */
export async function openLogFile(
  shell: Pick<Shell, 'openPath' | 'showItemInFolder'>,
  path: string,
): Promise<IpcResult<null>> {
  if (!existsSync(path))
    return {
      ok: false,
      message: `Pacewatch has not written its log at ${path}: check that its folder exists and is writable, then restart Pacewatch.`,
    };
  const failure = await shell.openPath(path);
  if (failure === '') return { ok: true, value: null };
  shell.showItemInFolder(path);
  return {
    ok: false,
    message: `The log file could not be opened (${failure}); its folder is shown instead.`,
  };
}
