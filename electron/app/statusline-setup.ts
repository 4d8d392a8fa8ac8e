import which from 'which';
import type { IpcResult } from '../../shared/ipc/contract';
import type { StatusLineSetup } from '../../shared/ipc/settings-model';
import type { PathEnv } from '../core/platform/paths';
import {
  claudeSettingsPath,
  installStatusLineAt,
  shellWord,
} from '../core/sources/statusline/install';

/** What setting up the status line from the settings window needs. */
export interface StatusLineSetupDeps {
  readonly pathEnv: PathEnv;
  /** The shell command Claude Code should run; null when no `pacewatch` command is installed. */
  readonly command: () => Promise<string | null>;
  readonly now: () => number;
}

/** Said when there is no `pacewatch` command for Claude Code to run. */
export const NO_COMMAND_MESSAGE =
  'The pacewatch command was not found on your PATH. Install it with npm install -g pacewatch, then press the button again.';

/**
 * `pacewatch statusline` by the absolute path of the `pacewatch` found on PATH (Claude Code may
 * run with another PATH); null when there is none.
 */
export async function pacewatchOnPath(env: NodeJS.ProcessEnv): Promise<string | null> {
  const found = await which('pacewatch', { nothrow: true, path: env.PATH ?? '' });
  return found === null ? null : `${shellWord(found)} statusline`;
}

/**
 * The settings window's "Set up the status line": the same merge as `pacewatch statusline
 * --install` (every other key kept, a backup of the old file). A status line that is already
 * there is replaced only when the user confirmed (`replace`).
 */
export async function installStatusLine(
  deps: StatusLineSetupDeps,
  replace: boolean,
): Promise<IpcResult<StatusLineSetup>> {
  const command = await deps.command();
  if (command === null) return { ok: false, message: NO_COMMAND_MESSAGE };
  const path = claudeSettingsPath(deps.pathEnv);
  try {
    // Without the user's yes (`replace`) another status line is kept and the window asks.
    const outcome = await installStatusLineAt(path, command, {
      replace: () => replace,
      now: deps.now,
    });
    switch (outcome.kind) {
      case 'invalid':
        return {
          ok: false,
          message: `${path} was left as it is: ${outcome.reason}. Fix the file (or move it aside) and try again.`,
        };
      case 'same':
        return done(`Claude Code's status line already runs Pacewatch (${path}). Nothing changed.`);
      case 'kept':
        return {
          ok: true,
          value: {
            message: `${path} already has a status line: \u201c${outcome.current}\u201d. Replace it with Pacewatch's? The old file is backed up first.`,
            replaceable: true,
          },
        };
      case 'written': {
        const kept =
          outcome.backup === null ? '' : ` The previous file is kept at ${outcome.backup}.`;
        return done(
          `Added Pacewatch's status line to ${path}.${kept} It shows from Claude Code's next prompt.`,
        );
      }
    }
  } catch (error) {
    return {
      ok: false,
      message: `Could not update ${path}: ${(error as Error).message}. Check that the folder is writable, then try again.`,
    };
  }
}

function done(message: string): IpcResult<StatusLineSetup> {
  return { ok: true, value: { message, replaceable: false } };
}
