import { bankedResetAdvice, liveResets } from '../../shared/domain/banked-resets';
import type { EngineState } from '../core/services/engine';
import type { Settings } from '../../shared/domain/settings';
import type { SourceId } from '../../shared/domain/snapshot';
import type { SourceView } from '../../shared/domain/source-view';
import type { UsageErrorKind } from '../../shared/domain/usage-error';
import type { ShownWindow, UsageOverview } from '../../shared/domain/usage-overview';
import type { Verdict, WindowVerdict } from '../../shared/domain/verdict';
import {
  LOADING_CONTENT,
  type BannerAction,
  type BannerKind,
  type BankedModel,
  type BannerModel,
  type CardModel,
  type CreditsModel,
  type PopoverModel,
  type SpendModel,
} from '../../shared/ipc/popover-model';

/** What the popover is assembled from. */
export interface PopoverInput {
  /** The engine's last state; null before its first look at the sources. */
  readonly state: EngineState | null;
  readonly settings: Settings;
  /** The billing-route line, once checked. */
  readonly route: string | null;
  /** Endpoint overrides and start-up problems, as sentences. */
  readonly notices: readonly string[];
  readonly now: number;
}

/** How each source is named on screen. */
export const SOURCE_LABELS: Readonly<Record<SourceId, string>> = {
  oauth: 'Claude Code sign-in',
  web: 'claude.ai session',
  admin: 'Admin API',
  statusline: 'Claude Code status line',
};

const BANNER_ORDER: readonly BannerKind[] = [
  'signed-out',
  'locked',
  'rate-limited',
  'error',
  'stale',
  'enterprise',
  'no-data',
];

/** The popover's model: cards per window, banners for every state that needs words. */
export function buildPopoverModel(input: PopoverInput): PopoverModel {
  const { state, settings, now } = input;
  const thresholds = settings.alerts.thresholds;
  const common = {
    assembledAt: now,
    route: input.route,
    notices: [...input.notices, ...(state?.problems ?? [])],
    snoozedUntil:
      settings.snoozeUntil !== null && settings.snoozeUntil > now ? settings.snoozeUntil : null,
    warnAt: thresholds.length === 0 ? 101 : Math.min(...thresholds),
    criticalAt: thresholds.length === 0 ? 101 : Math.max(...thresholds),
  };
  if (state === null) return { ...common, ...LOADING_CONTENT };
  const { overview, verdict } = state;
  const cards = verdict.windows.flatMap((judged) => {
    const window = overview.windows.find((candidate) => candidate.id === judged.id);
    return window === undefined ? [] : [card(window, judged)];
  });
  const extraFrom = state.views.find((view) => view.source === overview.extraUsage?.source);
  const fetched = [...cards.map((c) => c.fetchedAt), extraFrom?.fetchedAt ?? null].filter(
    (at): at is number => at !== null,
  );
  return {
    ...common,
    phase: 'ready',
    glance: { level: verdict.level, binding: verdict.binding, headline: verdict.headline },
    banners: banners(state, overview, verdict).sort(
      (a, b) => BANNER_ORDER.indexOf(a.kind) - BANNER_ORDER.indexOf(b.kind),
    ),
    cards,
    extraUsage:
      overview.extraUsage === null
        ? null
        : { ...overview.extraUsage, level: verdict.extraUsage?.level ?? 'normal' },
    // A budget card already shows the spend; without a budget it gets a line of its own.
    spend: cards.some((c) => c.id === 'monthly_budget') ? null : freshest(state.views, spendOf),
    prepaidCredits: freshest(state.views, creditsOf),
    updated: {
      fetchedAt: fetched.length === 0 ? null : Math.max(...fetched),
      stale: cards.some((c) => c.stale) || (extraFrom?.stale ?? false),
    },
    // Without any Claude Code activity in 30 days the estimate would only say "0 tokens".
    logs: state.logs !== null && state.logs.last30Days.tokens.total > 0 ? state.logs : null,
    banked: banked(state.views, now),
  };
}

/** The live banked resets of the freshest source that reports any, and the advice on them. */
function banked(views: readonly SourceView[], now: number): BankedModel {
  const view = [...views]
    .filter((candidate) => liveResets(candidate.bankedResets, now).length > 0)
    .sort((a, b) => (b.fetchedAt ?? -Infinity) - (a.fetchedAt ?? -Infinity))[0];
  if (view === undefined) return { resets: [], advice: null };
  return {
    resets: liveResets(view.bankedResets, now),
    advice: bankedResetAdvice(view.bankedResets, view.windows, now),
  };
}

function spendOf(view: SourceView): SpendModel | null {
  return view.spend === null
    ? null
    : {
        amount: view.spend.amount,
        currency: view.spend.currency,
        since: view.spend.since,
        source: view.source,
      };
}

function creditsOf(view: SourceView): CreditsModel | null {
  return view.prepaidCredits === null ? null : { ...view.prepaidCredits, source: view.source };
}

/** What the freshest source that reports it says. */
function freshest<T>(views: readonly SourceView[], pick: (view: SourceView) => T | null): T | null {
  const reporting = views
    .filter((view) => pick(view) !== null)
    .sort((a, b) => (b.fetchedAt ?? -Infinity) - (a.fetchedAt ?? -Infinity));
  const first = reporting[0];
  return first === undefined ? null : pick(first);
}

/** A window's card: the verdict on it, with the figures behind it. */
function card(window: ShownWindow, judged: WindowVerdict): CardModel {
  const reset = judged.resetAt !== null;
  // A window that has reset has no projection or pace until new figures come.
  const projection = reset ? null : window.projection;
  return {
    id: judged.id,
    label: judged.label,
    short: judged.short,
    headline: judged.headline,
    utilization: judged.utilization,
    resetsAt: judged.resetsAt,
    resetAt: judged.resetAt,
    level: judged.level,
    thresholds: judged.thresholds,
    lockoutSoon: judged.lockoutSoon,
    binding: judged.binding,
    stale: judged.stale,
    source: judged.source,
    fetchedAt: judged.fetchedAt,
    projection: {
      status: projection?.status ?? 'safe',
      lockoutAt: judged.lockoutAt,
      blockedMs: judged.blockedMs,
      note: projection?.note ?? null,
      ratePerHour: reset ? null : (projection?.ratePerHour ?? null),
    },
    pace:
      reset || window.pace === null
        ? null
        : { elapsedPct: window.pace.elapsedPct, sentence: window.pace.sentence },
    chart: window.chart,
    money: window.money ?? null,
  };
}

function banners(state: EngineState, overview: UsageOverview, verdict: Verdict): BannerModel[] {
  const views = state.views;
  // Name the source when several have something to say. A source that has neither figures nor
  // an error (a silent status line) is not counted.
  const speaking = views.filter((view) => view.fetchedAt !== null || view.error !== null);
  const named = speaking.length > 1;
  const list = views.flatMap((view) => (view.error === null ? [] : [errorBanner(view, named)]));
  if (state.failure !== null) list.push(failureBanner(state.failure.message));
  const failing = new Set(views.filter((view) => view.error !== null).map((view) => view.source));
  const binding = verdict.windows.find((window) => window.binding);
  if (binding !== undefined && binding.level === 'locked') {
    list.push({
      ...NO_TIMES,
      kind: 'locked',
      title: `${binding.label} limit reached`,
      message: lockedMessage(binding, overview),
      until: binding.resetsAt,
    });
  }
  // A failed poll already says the figures are old, and what to do.
  const stale =
    state.failure === null
      ? views.find((view) => view.stale && !failing.has(view.source))
      : undefined;
  if (stale !== undefined) {
    list.push({
      ...NO_TIMES,
      kind: 'stale',
      title: 'These figures may be out of date',
      message:
        'Pacewatch could not refresh them lately and keeps trying by itself; press Refresh to ask now.',
      source: named ? stale.source : null,
      actions: ['refresh'],
    });
  }
  if (overview.windows.length === 0 && overview.extraUsage !== null) {
    list.push({
      ...NO_TIMES,
      kind: 'enterprise',
      title: 'Spend limit account',
      message:
        'This account has a monthly spend limit instead of session and weekly limits, so Pacewatch shows what has been spent.',
    });
  }
  if (overview.windows.length === 0 && overview.extraUsage === null && list.length === 0) {
    list.push(noData(views));
  }
  return list;
}

/** What a reached limit means: with extra usage on (and under its cap) requests go on, billed. */
function lockedMessage(
  binding: { readonly resetsAt: number | null },
  overview: UsageOverview,
): string {
  const extra = overview.extraUsage;
  const billed =
    extra !== null && extra.enabled && (extra.limit === null || extra.used < extra.limit);
  if (billed) {
    return 'Extra usage is on: requests continue, billed to extra usage, until this limit resets.';
  }
  const capped = extra !== null && extra.enabled ? ' Extra usage has reached its monthly cap.' : '';
  return binding.resetsAt === null
    ? `Claude will not take new requests until this limit resets.${capped}`
    : `Claude will not take new requests until this limit resets.${capped} Pacewatch tells you when it does.`;
}

const NO_TIMES = { source: null, retryAt: null, until: null, actions: [] } as const;

/** The engine's polls fail as a whole: the cards are the last good figures, marked stale. */
function failureBanner(message: string): BannerModel {
  return {
    ...NO_TIMES,
    kind: 'error',
    title: 'Pacewatch could not update',
    message,
    actions: ['refresh'],
  };
}

const ERROR_TITLES: Readonly<Record<UsageErrorKind, string>> = {
  'no-credentials': 'Not signed in',
  auth: 'Sign-in needs renewing',
  forbidden: 'This sign-in cannot read usage',
  'rate-limited': 'Rate-limited by Anthropic',
  network: 'Cannot reach the service',
  server: 'The service had a problem',
  parse: 'Unexpected answer',
};

function errorBanner(view: SourceView, named: boolean): BannerModel {
  const error = view.error;
  if (error === null) throw new Error('errorBanner needs a view with an error');
  const signedOut = error.kind === 'no-credentials' || error.kind === 'auth';
  const kind: BannerKind = signedOut
    ? 'signed-out'
    : error.kind === 'rate-limited'
      ? 'rate-limited'
      : 'error';
  const title = ERROR_TITLES[error.kind];
  const pasteInstead =
    view.source === 'oauth' && error.kind === 'no-credentials'
      ? ' Or paste a claude.ai session key in Settings.'
      : '';
  return {
    kind,
    title: named ? `${SOURCE_LABELS[view.source]}: ${title}` : title,
    message: `${error.message}${pasteInstead}`,
    source: view.source,
    retryAt: error.retryAt,
    until: null,
    actions: errorActions(view),
  };
}

/**
 * The buttons that fix a source's error. Claude Code's login is renewed by running `claude`
 * (Pacewatch never refreshes it); a login that cannot read usage can still feed the status line.
 */
function errorActions(view: SourceView): BannerAction[] {
  const kind = view.error?.kind;
  if (view.source === 'oauth') {
    if (kind === 'no-credentials') return ['copy-claude', 'settings'];
    if (kind === 'auth') return ['copy-claude', 'refresh'];
    if (kind === 'forbidden') return ['copy-claude', 'statusline'];
  }
  if (kind === 'no-credentials' || kind === 'auth' || kind === 'forbidden') return ['settings'];
  return kind === 'rate-limited' ? [] : ['refresh'];
}

/** No figures and nothing failed: no source that reports limits is on, or none has answered yet. */
function noData(views: readonly SourceView[]): BannerModel {
  // The status line only reports while Claude Code runs.
  const polled = views.filter((view) => view.source !== 'statusline');
  if (polled.length === 0) {
    return {
      ...NO_TIMES,
      kind: 'no-data',
      title: 'No usage source is on',
      message: "Turn one on in Settings: Claude Code's own sign-in needs no setup.",
      actions: ['settings'],
    };
  }
  return {
    ...NO_TIMES,
    kind: 'no-data',
    title: 'No figures yet',
    message: 'Pacewatch has not read your usage yet. It asks by itself; press Refresh to ask now.',
    actions: ['refresh'],
  };
}
