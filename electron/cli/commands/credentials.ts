import { Argument, type Command } from 'commander';

const ID = new Argument(
  '<id>',
  'which credential: web (claude.ai session key) or admin (Admin API key)',
).choices(['web', 'admin']);

/** Registers `pacewatch credentials status|set|clear`. */
export function registerCredentialsCommand(program: Command): void {
  const credentials = program
    .command('credentials')
    .description(
      'Store, check or remove the keys Pacewatch keeps in the system keychain: the claude.ai session key (web) and the Admin API key (admin). A key is never shown, and never taken from the command line.',
    );

  credentials
    .command('status')
    .description('Say whether each key is stored, and since when (never the key itself).')
    .option('--json', 'print [{ id, label, stored, storedAt }] as JSON')
    .action(async (options: { json?: true }) => {
      const { runCredentialsStatus } = await import('./credentials-run');
      process.exitCode = await runCredentialsStatus({ json: options.json === true });
    });

  credentials
    .command('set')
    .description(
      'Store a key in the system keychain and turn its source on. The key is read from stdin when piped (`pbpaste | pacewatch credentials set web`), else from a hidden prompt.',
    )
    .addArgument(ID)
    .allowExcessArguments(true)
    .action(async (id: 'web' | 'admin', _options: unknown, command: Command) => {
      const { runCredentialsSet } = await import('./credentials-run');
      process.exitCode = await runCredentialsSet(id, { extraArguments: command.args.length - 1 });
    });

  credentials
    .command('clear')
    .description('Remove a key from the system keychain and turn its source off.')
    .addArgument(ID)
    .action(async (id: 'web' | 'admin') => {
      const { runCredentialsClear } = await import('./credentials-run');
      process.exitCode = await runCredentialsClear(id);
    });
}
