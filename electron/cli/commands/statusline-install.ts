import { createInterface } from 'node:readline/promises';
import { processPathEnv, type PathEnv } from '../../core/platform/paths';
import {
  claudeSettingsPath,
  installStatusLineAt,
  pacewatchCommand,
} from '../../core/sources/statusline/install';

/** What `--install` reads, asks and prints through, so tests can drive it. */
export interface InstallIo {
  readonly pathEnv: PathEnv;
  /** The shell command Claude Code should run. */
  readonly command: string;
  /** Asks a yes/no question; null when there is no terminal to ask on. */
  readonly confirm: ((question: string) => Promise<boolean>) | null;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly now: () => number;
}

async function askOnTerminal(question: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await prompt.question(question)).trim());
  } finally {
    prompt.close();
  }
}

/** The real terminal, environment and clock. */
export function processInstallIo(): InstallIo {
  const tty = process.stdin.isTTY && process.stderr.isTTY;
  return {
    pathEnv: processPathEnv(),
    command: pacewatchCommand(),
    confirm: tty ? askOnTerminal : null,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    now: () => Date.now(),
  };
}

/**
 * `pacewatch statusline --install`: merges Pacewatch's status line into Claude Code's settings.
 * Returns the exit code: 0 when it is installed (or already was), 1 when the file was left alone.
 */
export async function runStatuslineInstall(
  options: { force: boolean },
  io: InstallIo = processInstallIo(),
): Promise<number> {
  const path = claudeSettingsPath(io.pathEnv);
  const outcome = await installStatusLineAt(path, io.command, {
    // --force replaces without asking; with no terminal to ask on, nothing is replaced.
    replace: (current) => {
      if (options.force) return true;
      if (io.confirm === null) return false;
      return io.confirm(
        `${path} already has a status line: \`${current}\`. Replace it with Pacewatch's? A backup is kept. [y/N] `,
      );
    },
    now: io.now,
  });
  switch (outcome.kind) {
    case 'invalid':
      io.err(
        `pacewatch: ${path} was left as it is: ${outcome.reason}. Fix the file (or move it aside) and run \`pacewatch statusline --install\` again.\n`,
      );
      return 1;
    case 'same':
      io.out(`Claude Code's status line already runs Pacewatch (${path}). Nothing changed.\n`);
      return 0;
    case 'kept':
      // Not asked (no terminal): say how to replace it; asked: the user said no.
      if (io.confirm === null) {
        io.err(
          `pacewatch: ${path} already has a status line (\`${outcome.current}\`); it was left as it is. Run \`pacewatch statusline --install --force\` to replace it (the old file is backed up first).\n`,
        );
      } else {
        io.out('Your status line was left as it is.\n');
      }
      return 1;
    case 'written': {
      const kept =
        outcome.backup === null ? '' : ` The previous file is kept at ${outcome.backup}.`;
      io.out(
        `Added Pacewatch's status line to ${path}.${kept} It shows from Claude Code's next prompt.\n`,
      );
      return 0;
    }
  }
}
