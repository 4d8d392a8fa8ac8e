import { planAdvice, usageLast30Days } from '../../../shared/domain/logs/plan-advice';
import { systemTimeZone } from '../../../shared/domain/logs/time-zone';
import { pricesPath } from '../../core/sources/logs/logs-paths';
import { openLogsReader } from '../../core/sources/logs/open-reader';
import { processPathEnv, type PathEnv } from '../../core/platform/paths';
import { printProblems } from './output';
import { logsFaults } from './report-run';

/** Reads new transcript bytes and prints the plan advice; returns the exit code. */
export async function runAdvise(
  args: { readonly json: boolean },
  env: PathEnv = processPathEnv(),
): Promise<number> {
  const { reader, priceProblem } = openLogsReader(env);
  await reader.refresh();
  reader.close();
  const usage = usageLast30Days(reader.entries(), Date.now(), systemTimeZone());
  // The engine's history of limit hits is not wired into the CLI yet: the paragraph says so.
  const advice = planAdvice({ ...usage, limitHits: null });
  process.stdout.write(
    args.json
      ? `${JSON.stringify({ ...usage, limitHits: null, recommended: advice.recommended, plans: advice.plans, sentence: advice.sentence }, null, 2)}\n`
      : `${advice.sentence}\n`,
  );
  printProblems([
    ...(priceProblem === null ? [] : [priceProblem]),
    ...logsFaults(reader, 'auto', pricesPath(env)),
  ]);
  return 0;
}
