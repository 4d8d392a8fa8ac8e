import { planAdvice, usageLast30Days } from '../../../shared/domain/logs/plan-advice';
import { loginPlan } from '../../../shared/domain/route/decide-route';
import { pricesPath } from '../../core/prices/price-paths';
import { commandPrices } from '../../core/prices/price-refresh-setup';
import { openLogsReader } from '../../core/sources/logs/open-reader';
import { claudeConfigDirs, dataDir, processPathEnv, type PathEnv } from '../../core/platform/paths';
import { readClaudeLogin } from '../../core/route/claude-login';
import { recentLimitHits } from '../../core/services/limit-hits';
import { dataLayout } from '../../core/stores/data-layout';
import { wrap } from '../terminal/text';
import { processTerminal } from '../terminal/terminal';
import { printProblems } from './output';
import { logsFaults } from './report-run';

/** The plan Claude Code's stored sign-in (or `~/.claude.json`) names; null when none does. */
async function currentPlan(env: PathEnv): Promise<string | null> {
  const scan = await readClaudeLogin({
    home: env.home,
    configDirs: claudeConfigDirs(env),
    customConfigDir: (env.env.CLAUDE_CONFIG_DIR ?? '').trim() !== '',
  });
  return loginPlan(scan.login);
}

/** Reads new transcript bytes and prints the plan advice; returns the exit code. */
export async function runAdvise(
  args: { readonly json: boolean; readonly offline?: boolean },
  env: PathEnv = processPathEnv(),
): Promise<number> {
  const prices = await commandPrices(env, args.offline === true);
  const { reader } = openLogsReader(env, { prices: prices.table });
  await reader.refresh();
  reader.close();
  const now = Date.now();
  const usage = usageLast30Days(reader.entries(), now, null);
  const [recorded, plan] = await Promise.all([
    recentLimitHits(dataLayout(dataDir(env)), now, 30 * 86_400_000),
    currentPlan(env),
  ]);
  const limitHits = recorded?.hits ?? null;
  const advice = planAdvice({
    ...usage,
    limitHits,
    currentPlan: plan,
    ...(recorded === null
      ? {}
      : {
          limitHistoryDays: recorded.days,
          peakSessionPercent: recorded.peakSessionPercent,
          peakWeekPercent: recorded.peakWeekPercent,
        }),
  });
  const json = {
    ...usage,
    limitHits,
    currentPlan: plan,
    peakSessionPercent: recorded?.peakSessionPercent ?? null,
    peakWeekPercent: recorded?.peakWeekPercent ?? null,
    recommended: advice.recommended,
    plans: advice.plans,
    sentence: advice.sentence,
  };
  process.stdout.write(
    args.json
      ? `${JSON.stringify(json, null, 2)}\n`
      : `${wrap(advice.sentence, processTerminal().columns).join('\n')}\n`,
  );
  printProblems([...prices.problems, ...logsFaults(reader, 'auto', pricesPath(env))]);
  return 0;
}
