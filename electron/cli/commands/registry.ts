import type { Command } from 'commander';
import { registerRouteCommand } from './route';
import { registerStatusCommand } from './status';
import { registerWatchCommand } from './watch';

/** Adds every `headroom` subcommand; each module registers its own and loads its work lazily. */
export function registerCommands(program: Command): void {
  registerStatusCommand(program);
  registerWatchCommand(program);
  registerRouteCommand(program);
}
