import type { RouteReport } from './route-report';

const SOURCE_WIDTH_CAP = 34;

/** Breaks a line to a width, continuation lines starting with `indent` (the CLI measures text). */
export type WrapLine = (text: string, width: number, indent: string) => string[];

/** How the report is laid out: a width and a wrap for a terminal; unbounded by default. */
export interface RouteLayout {
  readonly width: number;
  readonly wrap: WrapLine;
  /** Styles the headline (bold on a colour terminal). */
  readonly heading?: (text: string) => string;
}

const UNBOUNDED: RouteLayout = { width: Infinity, wrap: (text) => [text] };

function stepsHeading(report: RouteReport): string {
  if (report.route === 'unknown') return 'To sign in:';
  // The login already wins: the steps only stop `claude -p` billing a key.
  if (report.route === 'subscription') return 'To stop `claude -p` billing the API key:';
  return 'To go back to your subscription:';
}

/** `pacewatch route` for people: the headline, the evidence lines, then numbered steps. */
export function formatRouteReport(report: RouteReport, layout: RouteLayout = UNBOUNDED): string {
  const { width, wrap } = layout;
  const cap = Math.min(SOURCE_WIDTH_CAP, Math.floor(width / 3));
  const sourceWidth = Math.min(cap, Math.max(0, ...report.evidence.map((e) => e.source.length)));
  const heading = layout.heading ?? ((text: string) => text);
  const lines = [...wrap(`${report.headline}.`, width, '').map(heading), '', 'Evidence:'];
  for (const { source, detail } of report.evidence) {
    const indent = ' '.repeat(sourceWidth + 4);
    if (source.length > sourceWidth) {
      // A long path gets its own line rather than pushing every detail to the right.
      lines.push(`  ${source}`, ...wrap(`${indent}${detail}`, width, indent));
    } else lines.push(...wrap(`  ${source.padEnd(sourceWidth)}  ${detail}`, width, indent));
  }
  lines.push('');
  if (report.fix.length === 0) {
    lines.push('Nothing to change.');
  } else {
    lines.push(stepsHeading(report));
    report.fix.forEach((step, index) =>
      lines.push(...wrap(`  ${index + 1}. ${step}`, width, '     ')),
    );
  }
  return `${lines.join('\n')}\n`;
}
