import type { Command } from 'commander';

interface StatuslineOptions {
  readonly install?: true;
  readonly force?: true;
}

/** Registers `pacewatch statusline [--install [--force]]`. */
export function registerStatuslineCommand(program: Command): void {
  program
    .command('statusline')
    .description(
      "Print one compact usage line for Claude Code's status line. Reads the JSON Claude Code passes on stdin, records its rate limits in Pacewatch's shared cache, makes no network request, and always exits 0.",
    )
    .option(
      '--install',
      "add `pacewatch statusline` to Claude Code's settings.json (a backup is made; other settings are kept)",
    )
    .option('--force', 'with --install: replace a status line that is already configured')
    .action(async (options: StatuslineOptions, command: Command) => {
      if (options.install === true) {
        const { runStatuslineInstall } = await import('./statusline-install');
        process.exitCode = await runStatuslineInstall({ force: options.force === true });
        return;
      }
      if (options.force === true) command.error('error: --force goes with --install');
      const { processStatuslineIo, runStatusline } = await import('./statusline-run');
      process.exitCode = await runStatusline(processStatuslineIo());
    });
}
