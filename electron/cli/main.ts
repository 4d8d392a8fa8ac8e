import { Command } from 'commander';
import { HEADROOM_VERSION } from '../../shared/domain/version';
import { registerCommands } from './commands/registry';

const program = new Command('headroom')
  .description(
    'How much of your Claude session and weekly limits you have used, and when they reset.',
  )
  .version(HEADROOM_VERSION)
  .showHelpAfterError('(add --help for usage)')
  .showSuggestionAfterError(true);

registerCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`headroom: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
