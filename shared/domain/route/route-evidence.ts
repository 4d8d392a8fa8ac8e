import { helpersInOrder, isActive, sightingsOf } from './decide-route';
import { planName } from './plan-name';
import { CLOUD_SWITCHES, isCloudSwitch } from './route-facts';
import type {
  CloudSwitch,
  FileProblem,
  LoginFacts,
  LoginShellFacts,
  RouteFacts,
  RouteVariable,
  SightingPlace,
  VariableSighting,
} from './route-facts';

/** One line of evidence: where a setting lives, and what it says (never a secret value). */
export interface RouteEvidence {
  readonly source: string;
  readonly detail: string;
}

/** The provider each cloud switch routes Claude Code to. */
export const CLOUD_PROVIDERS: Readonly<Record<CloudSwitch, string>> = {
  CLAUDE_CODE_USE_BEDROCK: 'Amazon Bedrock',
  CLAUDE_CODE_USE_VERTEX: 'Google Vertex AI',
  CLAUDE_CODE_USE_FOUNDRY: 'Microsoft Foundry',
};

/** How a place is named in evidence: `~/.zshrc:12`, `login shell (/bin/zsh)`, a settings path. */
export function placeSource(place: SightingPlace): string {
  switch (place.kind) {
    case 'settings':
      return place.file;
    case 'process':
      return place.label;
    case 'login-shell':
      return `login shell (${place.shell})`;
    case 'startup-file':
      return `${place.file}:${place.line}`;
  }
}

function verbPhrase(place: SightingPlace, name: string): string {
  switch (place.kind) {
    case 'startup-file':
      return `exports ${name}`;
    case 'settings':
      return `sets ${name} in its "env" block`;
    case 'login-shell':
      return `sets ${name}`;
    case 'process':
      return `has ${name}`;
  }
}

const APPROVAL_NOTES = {
  approved: '; Claude Code approved this key',
  'not-approved':
    '; not approved in Claude Code: it asks before using it (`claude -p` uses it without asking)',
  rejected:
    '; declined in Claude Code, so interactive sessions skip it (`claude -p` still uses it)',
  unknown: '; Pacewatch could not tell whether Claude Code approved it',
} as const;

function switchDetail(sighting: VariableSighting, variable: CloudSwitch): string {
  const provider = CLOUD_PROVIDERS[variable];
  if (sighting.dynamic === true) {
    return `${verbPhrase(sighting.place, variable)} from a command or another variable (routes Claude Code to ${provider} when it is 1 or true)`;
  }
  const flag = sighting.flag ?? null;
  if (flag === null)
    return `${verbPhrase(sighting.place, variable)} with a value that does not turn it on`;
  return `${verbPhrase(sighting.place, `${variable}=${flag}`)} (${isActive(sighting) ? `routes Claude Code to ${provider}` : 'off'})`;
}

function credentialDetail(sighting: VariableSighting): string {
  const noun = sighting.variable === 'ANTHROPIC_API_KEY' ? 'a key' : 'a token';
  const what =
    sighting.dynamic === true
      ? `${noun} from a command or another variable; value not shown`
      : `${noun} is set; value not shown`;
  const approval = sighting.approval === undefined ? '' : APPROVAL_NOTES[sighting.approval];
  return `${verbPhrase(sighting.place, sighting.variable)} (${what})${approval}`;
}

/** What one sighting says, in words that never include the value of a credential. */
export function sightingDetail(sighting: VariableSighting): string {
  const { variable, place, state } = sighting;
  if (state === 'unset') return `unsets ${variable}`;
  if (state === 'empty') return `${verbPhrase(place, variable)} as an empty value (no effect)`;
  if (isCloudSwitch(variable)) return switchDetail(sighting, variable);
  if (variable === 'ANTHROPIC_BASE_URL') {
    const target = sighting.host ?? 'another endpoint';
    return `${verbPhrase(place, variable)} (points Claude Code at ${target})`;
  }
  return credentialDetail(sighting);
}

function variableLines(facts: RouteFacts, variable: RouteVariable): RouteEvidence[] {
  return sightingsOf(facts.sightings, variable).map((sighting) => ({
    source: placeSource(sighting.place),
    detail: sightingDetail(sighting),
  }));
}

function accountLine(login: LoginFacts): RouteEvidence | null {
  const { account, configFile } = login;
  if (account === null) return null;
  const plan = planName({
    organizationType: account.organizationType,
    accountRateLimitTier: account.rateLimitTier,
  });
  const facts = [
    account.organizationType === null ? null : `organization type ${account.organizationType}`,
    account.rateLimitTier === null ? null : `rate-limit tier ${account.rateLimitTier}`,
    account.billingType === null ? null : `billing ${account.billingType}`,
  ].filter((part): part is string => part !== null);
  const who = account.email === null ? '' : ` (${account.email})`;
  const tail = facts.length > 0 ? ` (${facts.join(', ')})` : '';
  return {
    source: configFile,
    detail: `records a claude.ai login${who}: ${plan ?? 'plan not named'}${tail}`,
  };
}

const CONFIG_STATES = {
  missing: 'not found: Claude Code has recorded no login for this user',
  malformed: 'is not valid JSON, so the login and the approved API keys could not be read',
  unreadable: 'could not be read, so the login and the approved API keys are unknown',
} as const;

function loginLines(login: LoginFacts): RouteEvidence[] {
  const lines: RouteEvidence[] = [];
  if (login.config !== 'found') {
    lines.push({ source: login.configFile, detail: CONFIG_STATES[login.config] });
  }
  const account = accountLine(login);
  if (account !== null) lines.push(account);
  if (login.consoleApiKey) {
    lines.push({
      source: login.configFile,
      detail: 'holds an API key from a Claude Console login (primaryApiKey; value not shown)',
    });
  }
  if (login.config === 'found' && account === null && !login.consoleApiKey) {
    lines.push({
      source: login.configFile,
      detail: 'records no claude.ai login (no oauthAccount)',
    });
  }
  const { credentials } = login;
  if (credentials !== null) {
    const plan = planName({
      subscriptionType: credentials.subscriptionType,
      rateLimitTier: credentials.rateLimitTier,
    });
    const facts = [
      credentials.subscriptionType === null ? null : `subscription ${credentials.subscriptionType}`,
      credentials.rateLimitTier === null ? null : `rate-limit tier ${credentials.rateLimitTier}`,
    ].filter((part): part is string => part !== null);
    const token = credentials.hasToken ? 'a token is stored; value not shown' : 'no token stored';
    lines.push({
      source: credentials.file,
      detail: `holds a claude.ai sign-in: ${plan ?? 'plan not named'} (${[...facts, token].join(', ')})`,
    });
  }
  return lines;
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function loginShellLine(shell: LoginShellFacts, facts: RouteFacts): RouteEvidence | null {
  switch (shell.kind) {
    case 'read': {
      const sawAny = facts.sightings.some((s) => s.place.kind === 'login-shell');
      if (sawAny) return null;
      return {
        source: `login shell (${shell.shell})`,
        detail: 'sets none of the variables that change the route',
      };
    }
    case 'timeout':
      return {
        source: `login shell (${shell.shell})`,
        detail: `did not answer within ${seconds(shell.timeoutMs)}, so its environment was not checked (startup files were still scanned); a slow or interactive startup file can cause this`,
      };
    case 'failed':
      return {
        source: `login shell (${shell.shell})`,
        detail: `could not be read (${shell.reason}), so its environment was not checked (startup files were still scanned)`,
      };
    case 'skipped':
      return { source: 'login shell', detail: shell.reason };
  }
}

function problemLine(problem: FileProblem): RouteEvidence {
  if (problem.kind === 'malformed') {
    return {
      source: problem.file,
      detail: 'is not valid JSON, so Pacewatch skipped it; fix its syntax',
    };
  }
  return {
    source: problem.file,
    detail: `could not be read${problem.code === undefined ? '' : ` (${problem.code})`}, so Pacewatch skipped it`,
  };
}

/**
 * Everything found, in Claude Code's precedence order: cloud switches, `ANTHROPIC_AUTH_TOKEN`,
 * `ANTHROPIC_API_KEY`, `apiKeyHelper`, `CLAUDE_CODE_OAUTH_TOKEN`, the login; then
 * `ANTHROPIC_BASE_URL`, how the login-shell read went, and files that could not be used.
 */
export function routeEvidence(facts: RouteFacts): RouteEvidence[] {
  const shellLine = loginShellLine(facts.loginShell, facts);
  return [
    ...CLOUD_SWITCHES.flatMap((variable) => variableLines(facts, variable)),
    ...variableLines(facts, 'ANTHROPIC_AUTH_TOKEN'),
    ...variableLines(facts, 'ANTHROPIC_API_KEY'),
    ...helpersInOrder(facts.helpers).map((helper) => ({
      source: helper.file,
      detail: 'sets "apiKeyHelper" (a command that prints an API key; not run)',
    })),
    ...variableLines(facts, 'CLAUDE_CODE_OAUTH_TOKEN'),
    ...loginLines(facts.login),
    ...variableLines(facts, 'ANTHROPIC_BASE_URL'),
    ...(shellLine === null ? [] : [shellLine]),
    ...facts.problems.map(problemLine),
  ];
}
