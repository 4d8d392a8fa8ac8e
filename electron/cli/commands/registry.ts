import type { Command } from 'commander';

/** Adds every `headroom` subcommand; each module registers its own and loads its work lazily. */
export function registerCommands(_program: Command): void {
  // Commands are added here as they land.
}
