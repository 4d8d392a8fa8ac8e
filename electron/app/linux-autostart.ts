import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LaunchAtLogin } from './app-session';

/** The XDG autostart entry that starts Pacewatch at login (freedesktop.org Desktop Entry). */
function autostartEntry(command: readonly string[]): string {
  const exec = command.map(quoteExecArg).join(' ');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Pacewatch',
    'Comment=Claude usage in the menu bar',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Quotes an Exec argument as the Desktop Entry spec asks (reserved characters inside quotes). */
function quoteExecArg(arg: string): string {
  if (/^[A-Za-z0-9_./:=+-]+$/.test(arg)) return arg;
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** Launch at login on Linux: `~/.config/autostart/pacewatch.desktop`, written or removed. */
export function linuxAutostart(options: {
  readonly configHome: string;
  readonly command: readonly string[];
}): LaunchAtLogin {
  const dir = join(options.configHome, 'autostart');
  const file = join(dir, 'pacewatch.desktop');
  return {
    supported: true,
    note: null,
    async apply(enabled) {
      if (!enabled) {
        await rm(file, { force: true });
        return;
      }
      await mkdir(dir, { recursive: true });
      await writeFile(file, autostartEntry(options.command), { mode: 0o644 });
    },
  };
}
