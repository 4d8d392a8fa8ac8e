import type { Command } from 'commander';

interface RouteOptions {
  readonly json?: boolean;
}

/** `pacewatch route [--json]`: which account Claude Code bills right now, and how to switch back. */
export function registerRouteCommand(program: Command): void {
  program
    .command('route')
    .description(
      'Which account Claude Code bills right now (subscription, API key, token, apiKeyHelper or cloud), where that comes from, and the steps back to your subscription. Secret values are never printed.',
    )
    .option('--json', 'print { route, plan, evidence, fix } as JSON')
    .action(async (options: RouteOptions) => {
      const [{ checkRoute }, { routeJson }, { formatRouteReport }, terminal, paint, text] =
        await Promise.all([
          import('../../core/route/check-route'),
          import('../../../shared/domain/route/route-report'),
          import('../../../shared/domain/route/format-route'),
          import('../terminal/terminal'),
          import('../terminal/paint'),
          import('../terminal/text'),
        ]);
      const { columns, colorLevel } = terminal.processTerminal();
      const report = await checkRoute({ processLabel: 'this terminal' });
      process.stdout.write(
        options.json === true
          ? `${JSON.stringify(routeJson(report), null, 2)}\n`
          : formatRouteReport(report, {
              width: columns,
              wrap: text.wrap,
              heading: paint.createPaint(colorLevel).heading,
            }),
      );
    });
}
