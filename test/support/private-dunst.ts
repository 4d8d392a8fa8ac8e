import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A dunst of the test's own, on its own D-Bus session bus, so other tests' notifications stay out. */
export interface PrivateDunst {
  /** The bus and display a program needs to notify this dunst. */
  readonly env: { readonly DBUS_SESSION_BUS_ADDRESS: string; readonly DISPLAY: string };
  /** What it delivered so far, oldest first: [app name, summary]. */
  delivered(): [string, string][];
  stop(): void;
}

/** Starts a private bus and dunst on the desktop session's display (Xvfb, from `npm test`). */
export async function startPrivateDunst(): Promise<PrivateDunst> {
  const display = process.env.DISPLAY ?? '';
  const bus = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const address = await firstLine(bus);
  const env = { DBUS_SESSION_BUS_ADDRESS: address, DISPLAY: display };
  const dunst = spawn('dunst', [], { env: { ...process.env, ...env }, stdio: 'ignore' });
  const ctl = (...args: string[]) =>
    spawnSync('dunstctl', args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  for (let i = 0; i < 100 && ctl('count').status !== 0; i++)
    await new Promise((r) => setTimeout(r, 50));
  return {
    env,
    delivered() {
      ctl('close-all');
      const history = JSON.parse(ctl('history').stdout) as {
        data: { appname: { data: string }; summary: { data: string } }[][];
      };
      return (history.data[0] ?? [])
        .map((n) => [n.appname.data, n.summary.data] as [string, string])
        .reverse();
    },
    stop() {
      dunst.kill('SIGTERM');
      bus.kill('SIGTERM');
    },
  };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    if (child.stdout === null) {
      reject(new Error('dbus-daemon has no stdout'));
      return;
    }
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      lines.close();
      resolve(line.trim());
    });
    child.once('error', reject);
  });
}
