import { Command } from 'commander';
import { scrubSecrets } from '../../shared/domain/secret';
import { PACEWATCH_VERSION } from '../../shared/domain/version';
import { errorSentence } from '../core/platform/file-errors';
import { registerCommands } from './commands/registry';

const program = new Command('pacewatch')
  .description(
    'How much of your Claude session and weekly limits you have used, and when they reset.',
  )
  .version(PACEWATCH_VERSION)
  // Read by the terminal layer (electron/cli/terminal/terminal.ts) from argv, like NO_COLOR.
  .option('--no-color', 'plain text without colours (as NO_COLOR=1 does)')
  .showHelpAfterError('(add --help for usage)')
  .showSuggestionAfterError(true);

registerCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`pacewatch: ${scrubSecrets(errorSentence(error))}\n`);
  process.exit(1);
});
