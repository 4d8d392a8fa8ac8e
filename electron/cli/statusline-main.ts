// `pacewatch statusline` with nothing else on the command line: Claude Code runs it on every
// prompt, so bin/pacewatch.cjs loads this small bundle instead of the whole CLI.
import { processStatuslineIo, runStatusline } from './commands/statusline-run';

void runStatusline(processStatuslineIo()).then((code) => {
  process.exitCode = code;
});
