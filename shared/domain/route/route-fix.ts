import { helpersInOrder, isActive, sightingsOf } from './decide-route';
import type { RouteDecision } from './decide-route';
import { CLOUD_SWITCHES, isCloudSwitch } from './route-facts';
import type { RouteFacts, RouteVariable, VariableSighting } from './route-facts';

const WHERE_TO_LOOK =
  '~/.zshenv ~/.zprofile ~/.zshrc ~/.bash_profile ~/.bashrc ~/.profile ~/.config/fish /etc/environment';

function needsClearing(sighting: VariableSighting): boolean {
  return isCloudSwitch(sighting.variable) ? isActive(sighting) : sighting.state === 'set';
}

function fileSteps(sightings: readonly VariableSighting[], variable: RouteVariable): string[] {
  const steps = sightings.flatMap((sighting) => {
    const { place } = sighting;
    if (place.kind === 'startup-file') {
      return [
        `In ${place.file}, delete line ${place.line} (it exports ${variable}), or comment it out with #.`,
      ];
    }
    if (place.kind === 'settings')
      return [`In ${place.file}, remove "${variable}" from the "env" block.`];
    return [];
  });
  const shellOnly =
    sightings.some((s) => s.place.kind === 'login-shell') &&
    !sightings.some((s) => s.place.kind === 'startup-file');
  if (shellOnly) {
    steps.push(
      `Your login shell sets ${variable} in a file Pacewatch did not check: find it with \`grep -rn ${variable} ${WHERE_TO_LOOK}\` and remove that line.`,
    );
  }
  return steps;
}

function unsetStep(variables: readonly RouteVariable[], shell: string | null): string | null {
  if (variables.length === 0) return null;
  const fish = shell !== null && /(^|\/)fish$/.test(shell);
  const command = fish
    ? variables.map((variable) => `set -e ${variable}`).join('; ')
    : `unset ${variables.join(' ')}`;
  return `In every open terminal run \`${command}\` (or close them and open new ones), and restart editors started from a terminal that had it.`;
}

function loginSteps(plan: string | null, logoutFirst: boolean): string[] {
  const account =
    plan === null
      ? 'your claude.ai account (Pro or Max)'
      : `the claude.ai account that has your ${plan} plan`;
  const login = logoutFirst
    ? `Run \`claude logout\`, then \`claude login\` and sign in with ${account}.`
    : `Run \`claude login\` and sign in with ${account}.`;
  const status = `Start \`claude\` and run \`/status\`: it should show your claude.ai login${plan === null ? '' : ` (${plan})`}, not an API key, token or cloud provider.`;
  return [login, status];
}

function helperSteps(facts: RouteFacts): string[] {
  return helpersInOrder(facts.helpers).map(
    (helper) => `In ${helper.file}, remove the "apiKeyHelper" entry.`,
  );
}

function clearing(facts: RouteFacts, variable: RouteVariable): VariableSighting[] {
  return sightingsOf(facts.sightings, variable).filter(needsClearing);
}

/**
 * With the login winning interactive sessions, an unapproved `ANTHROPIC_API_KEY` is still what
 * `claude -p` bills: the steps that remove it. Empty when there is none.
 */
function headlessKeyFix(facts: RouteFacts): string[] {
  const sightings = clearing(facts, 'ANTHROPIC_API_KEY');
  if (sightings.length === 0) return [];
  const unset = sightings.some((sighting) => sighting.place.kind !== 'settings')
    ? unsetStep(['ANTHROPIC_API_KEY'], facts.shell)
    : null;
  return [...fileSteps(sightings, 'ANTHROPIC_API_KEY'), ...(unset === null ? [] : [unset])];
}

/**
 * The exact, ordered steps back to the subscription for the route found: edit the files that
 * set a variable or helper (in precedence order), clear open terminals, sign in again, check
 * `/status`. Empty when Claude Code already bills the subscription.
 */
export function routeFix(facts: RouteFacts, decision: RouteDecision): string[] {
  if (decision.route === 'subscription')
    return decision.headlessKey === null ? [] : headlessKeyFix(facts);
  if (decision.route === 'unknown') return loginSteps(decision.plan, false);
  // A gateway URL only matters alongside the gateway's token; with a login it is the user's choice.
  const before: RouteVariable[] = [...CLOUD_SWITCHES, 'ANTHROPIC_AUTH_TOKEN', 'ANTHROPIC_API_KEY'];
  const after: RouteVariable[] =
    decision.route === 'auth-token'
      ? ['CLAUDE_CODE_OAUTH_TOKEN', 'ANTHROPIC_BASE_URL']
      : ['CLAUDE_CODE_OAUTH_TOKEN'];
  const edits = [
    ...before.flatMap((variable) => fileSteps(clearing(facts, variable), variable)),
    ...helperSteps(facts),
    ...after.flatMap((variable) => fileSteps(clearing(facts, variable), variable)),
  ];
  const toUnset = [...before, ...after].filter((variable) =>
    clearing(facts, variable).some((sighting) => sighting.place.kind !== 'settings'),
  );
  const unset = unsetStep(toUnset, facts.shell);
  // `claude logout` first only when there is a login to leave (a Console key, an old sign-in).
  const { login } = facts;
  const loggedIn = login.account !== null || login.credentials !== null || login.consoleApiKey;
  return [...edits, ...(unset === null ? [] : [unset]), ...loginSteps(decision.plan, loggedIn)];
}
