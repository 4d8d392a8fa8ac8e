import type { Command } from 'commander';
import { registerAdviseCommand } from './advise';
import { registerCredentialsCommand } from './credentials';
import { registerReportCommand } from './report';
import { registerRouteCommand } from './route';
import { registerStatusCommand } from './status';
import { registerStatuslineCommand } from './statusline';
import { registerWatchCommand } from './watch';

/** Adds every `pacewatch` subcommand; each module registers its own and loads its work lazily. */
export function registerCommands(program: Command): void {
  registerStatusCommand(program);
  registerWatchCommand(program);
  registerRouteCommand(program);
  registerStatuslineCommand(program);
  registerCredentialsCommand(program);
  registerReportCommand(program);
  registerAdviseCommand(program);
}
