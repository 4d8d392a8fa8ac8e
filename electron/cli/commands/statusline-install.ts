import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { processPathEnv, type PathEnv } from '../../core/platform/paths';
import {
  claudeSettingsPath,
  planInstall,
  readSettingsText,
  shellWord,
  writeSettings,
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

/** This very `pacewatch`, by absolute paths, so the command works whatever Claude Code's PATH. */
export function pacewatchCommand(): string {
  const script = process.argv[1] === undefined ? 'pacewatch' : resolve(process.argv[1]);
  return `${shellWord(process.execPath)} ${shellWord(script)} statusline`;
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
  const plan = planInstall(await readSettingsText(path), io.command);
  if (plan.kind === 'invalid') {
    io.err(
      `pacewatch: ${path} was left as it is: ${plan.reason}. Fix the file (or move it aside) and run \`pacewatch statusline --install\` again.\n`,
    );
    return 1;
  }
  if (plan.kind === 'same') {
    io.out(`Claude Code's status line already runs Pacewatch (${path}). Nothing changed.\n`);
    return 0;
  }
  if (plan.kind === 'replace' && !options.force) {
    const question = `${path} already has a status line: \`${plan.current}\`. Replace it with Pacewatch's? A backup is kept. [y/N] `;
    if (io.confirm === null) {
      io.err(
        `pacewatch: ${path} already has a status line (\`${plan.current}\`); it was left as it is. Run \`pacewatch statusline --install --force\` to replace it (the old file is backed up first).\n`,
      );
      return 1;
    }
    if (!(await io.confirm(question))) {
      io.out('Your status line was left as it is.\n');
      return 1;
    }
  }
  const existed = plan.kind === 'replace' || plan.existed;
  const backup = await writeSettings(path, plan.settings, existed, io.now());
  const kept = backup === null ? '' : ` The previous file is kept at ${backup}.`;
  io.out(
    `Added Pacewatch's status line to ${path}.${kept} It shows from Claude Code's next prompt.\n`,
  );
  return 0;
}
