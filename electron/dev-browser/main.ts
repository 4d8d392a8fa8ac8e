// `npm run dev:browser`: the real engine and the app's handler table, served to a browser.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { scrubSecrets } from '../../shared/domain/secret';
import { createAppSession } from '../app/app-session';
import { createNodeNotifier } from '../core/adapters/node-notifier';
import { createCore } from '../core/create-core';
import { untilStopSignal } from '../core/platform/stop-signal';
import { nodeTimers } from '../core/create-engine';
import type { Logger } from '../core/ports';
import { checkRoute } from '../core/route/check-route';
import { pacewatchCommand } from '../core/sources/statusline/install';
import { startDevServer } from './dev-server';

const logger: Logger = {
  info: (message) => process.stdout.write(`${scrubSecrets(message)}\n`),
  warn: (message) => process.stderr.write(`dev:browser: ${scrubSecrets(message)}\n`),
  error: (message) => process.stderr.write(`dev:browser: ${scrubSecrets(message)}\n`),
};

function portArgument(argv: readonly string[]): number {
  const index = argv.indexOf('--port');
  const raw = index === -1 ? process.env.PACEWATCH_DEV_PORT : argv[index + 1];
  const port = Number(raw ?? 5217);
  return Number.isInteger(port) && port >= 0 && port < 65_536 ? port : 5217;
}

async function main(): Promise<number> {
  const created = await createCore();
  if (!created.ok) {
    logger.error(created.message);
    return 2;
  }
  const { core } = created;
  const session = createAppSession({
    core,
    notifier: createNodeNotifier(),
    logger,
    timers: nodeTimers,
    shell: {
      openSettings: () => undefined,
      hidePopover: () => {
        logger.info('(the popover would hide now)');
      },
      // A browser tab is as tall as its window: nothing to fit.
      fitPopover: () => undefined,
      // The dev bridge copies in the page (navigator.clipboard); the server has no clipboard.
      copyText: () =>
        Promise.resolve({ ok: false, message: 'dev:browser copies in the page, not here.' }),
      quit: () => {
        logger.info('(the app would quit now; stop this server with Ctrl+C)');
      },
      // dev:browser logs to this terminal, not to a file.
      openLogFile: () =>
        Promise.resolve({ ok: false, message: 'dev:browser logs to its terminal, not to a file.' }),
    },
    launchAtLogin: {
      supported: false,
      note: 'Applies in the app only, not in dev:browser.',
      apply: () => Promise.resolve(),
    },
    checkRoute: () => checkRoute({ processLabel: 'the dev server' }),
    // This checkout's own command, run by this Node.
    statusLineCommand: () =>
      Promise.resolve(pacewatchCommand(join(__dirname, '..', 'bin', 'pacewatch.cjs'))),
  });
  const token = randomBytes(24).toString('hex');
  const server = await startDevServer({
    root: join(__dirname, 'renderer'),
    session,
    token,
    logger,
    port: portArgument(process.argv),
  });
  session.start();
  for (const line of [...core.endpoints.overrides, ...core.problems]) logger.warn(line);
  logger.info(`Pacewatch dev:browser (data in ${core.layout.dir})`);
  logger.info(`Open ${server.origin}/popover.html#token=${token}`);
  await untilStopSignal();
  await server.close();
  await session.stop();
  return 0;
}

void main().then((code) => {
  process.exit(code);
});
