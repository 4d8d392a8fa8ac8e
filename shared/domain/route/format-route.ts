import type { RouteReport } from './route-report';

const SOURCE_WIDTH_CAP = 34;

/** `pacewatch route` for people: the headline, the evidence lines, then numbered steps. */
export function formatRouteReport(report: RouteReport): string {
  const width = Math.min(
    SOURCE_WIDTH_CAP,
    Math.max(0, ...report.evidence.map((line) => line.source.length)),
  );
  const lines = [`${report.headline}.`, '', 'Evidence:'];
  for (const { source, detail } of report.evidence) {
    lines.push(`  ${source.padEnd(width)}  ${detail}`);
  }
  lines.push('');
  if (report.fix.length === 0) {
    lines.push('Nothing to change.');
  } else {
    lines.push(report.route === 'unknown' ? 'To sign in:' : 'To go back to your subscription:');
    report.fix.forEach((step, index) => lines.push(`  ${index + 1}. ${step}`));
  }
  return `${lines.join('\n')}\n`;
}
