import type {
  AccountFacts,
  KeyApproval,
  LoginFacts,
  RouteFacts,
  RouteVariable,
  SightingPlace,
  VariableSighting,
} from '../../../../shared/domain/route/route-facts';

/** A Max 5x claude.ai account as `~/.claude.json` records it (email already masked). */
export const MAX_5X_ACCOUNT: AccountFacts = {
  email: 'j…@example.com',
  organizationType: 'claude_max',
  rateLimitTier: 'default_claude_max_5x',
  billingType: 'stripe_subscription',
};

/** A `~/.claude.json` that exists; no login unless given. */
export function loginFacts(overrides: Partial<LoginFacts> = {}): LoginFacts {
  return {
    configFile: '~/.claude.json',
    config: 'found',
    account: null,
    consoleApiKey: false,
    credentials: null,
    ...overrides,
  };
}

/** Facts with nothing found but a readable login shell; override what a case needs. */
export function routeFacts(overrides: Partial<RouteFacts> = {}): RouteFacts {
  return {
    sightings: [],
    helpers: [],
    login: loginFacts(),
    loginShell: { kind: 'read', shell: '/bin/zsh' },
    problems: [],
    shell: '/bin/zsh',
    ...overrides,
  };
}

/** Places, as evidence names them. */
export const places = {
  zshrc: (line: number): SightingPlace => ({ kind: 'startup-file', file: '~/.zshrc', line }),
  terminal: { kind: 'process', label: 'this terminal' } as SightingPlace,
  loginShell: { kind: 'login-shell', shell: '/bin/zsh' } as SightingPlace,
  userSettings: {
    kind: 'settings',
    file: '~/.claude/settings.json',
    scope: 'user',
  } as SightingPlace,
  localSettings: {
    kind: 'settings',
    file: '~/proj/.claude/settings.local.json',
    scope: 'local',
  } as SightingPlace,
};

/** A credential variable set at a place (`ANTHROPIC_API_KEY` with an approval). */
export function secretAt(
  variable: RouteVariable,
  place: SightingPlace,
  approval?: KeyApproval,
): VariableSighting {
  const base = { variable, place, state: 'set' } as const;
  if (variable !== 'ANTHROPIC_API_KEY') return base;
  return { ...base, approval: approval ?? 'approved' };
}

/** A cloud switch set to a flag word at a place. */
export function switchAt(
  variable: RouteVariable,
  flag: string,
  place: SightingPlace,
): VariableSighting {
  return { variable, place, state: 'set', flag };
}
