import { planAdvice, usageLast30Days } from '../../../shared/domain/logs/plan-advice';
import { pricesPath } from '../../core/sources/logs/logs-paths';
import { openLogsReader } from '../../core/sources/logs/open-reader';
import { dataDir, processPathEnv, type PathEnv } from '../../core/platform/paths';
import { recentLimitHits } from '../../core/services/limit-hits';
import { dataLayout } from '../../core/stores/data-layout';
import { printProblems } from './output';
import { logsFaults } from './report-run';

/** Reads new transcript bytes and prints the plan advice; returns the exit code. */
export async function runAdvise(
  args: { readonly json: boolean },
  env: PathEnv = processPathEnv(),
): Promise<number> {
  const { reader, priceProblem } = await openLogsReader(env);
  await reader.refresh();
  reader.close();
  const now = Date.now();
  const usage = usageLast30Days(reader.entries(), now, null);
  const recorded = await recentLimitHits(dataLayout(dataDir(env)), now, 30 * 86_400_000);
  const limitHits = recorded?.hits ?? null;
  const advice = planAdvice({
    ...usage,
    limitHits,
    ...(recorded === null ? {} : { limitHistoryDays: recorded.days }),
  });
  process.stdout.write(
    args.json
      ? `${JSON.stringify({ ...usage, limitHits, recommended: advice.recommended, plans: advice.plans, sentence: advice.sentence }, null, 2)}\n`
      : `${advice.sentence}\n`,
  );
  printProblems([
    ...(priceProblem === null ? [] : [priceProblem]),
    ...logsFaults(reader, 'auto', pricesPath(env)),
  ]);
  return 0;
}
