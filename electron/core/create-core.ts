import { userInfo } from 'node:os';
import { pollPolicy, type PollPolicy } from '../../shared/domain/poll-policy';
import { settingsSchema, defaultSettings, type Settings } from '../../shared/domain/settings';
import type { SourceId } from '../../shared/domain/snapshot';
import { createFetchHttp } from './adapters/fetch-http';
import { createKeytarSecretStore } from './adapters/keytar-secret-store';
import { allowedOrigins, resolveEndpoints, type Endpoints } from './platform/endpoints';
import { dataDir, processPathEnv, type PathEnv } from './platform/paths';
import type { Clock, SecretStore } from './ports';
import { createUsageRefresher, type UsageRefresher } from './services/usage-refresher';
import { createClaudeCredentialReader } from './sources/oauth/claude-credentials';
import { createOAuthSource } from './sources/oauth/oauth-source';
import type { UsageSource } from './sources/usage-source';
import { dataLayout, type DataLayout } from './stores/data-layout';
import { jsonStore, type JsonStore } from './stores/json-store';

/** The engine's parts, wired once for a process (the CLI or the app). */
export interface Core {
  readonly pathEnv: PathEnv;
  readonly layout: DataLayout;
  readonly endpoints: Endpoints;
  readonly settingsStore: JsonStore<Settings>;
  readonly settings: Settings;
  /** Sentences about state that had to be rebuilt while starting. */
  readonly problems: readonly string[];
  readonly clock: Clock;
  readonly secrets: SecretStore;
  readonly sources: ReadonlyMap<SourceId, UsageSource>;
  readonly refresher: UsageRefresher;
  readonly policyFor: (source: SourceId) => PollPolicy;
}

/** What a composition root may choose. */
export interface CoreOptions {
  readonly pathEnv?: PathEnv;
  /** Overrides every source's poll interval (`headroom watch --interval`). */
  readonly intervalMs?: number;
  readonly secrets?: SecretStore;
}

/** Wires the engine over the environment; fails with a sentence when the environment is invalid. */
export async function createCore(
  options: CoreOptions = {},
): Promise<{ ok: true; core: Core } | { ok: false; message: string }> {
  const pathEnv = options.pathEnv ?? processPathEnv();
  const resolved = resolveEndpoints(pathEnv.env);
  if (!resolved.ok) return resolved;
  const endpoints = resolved.endpoints;
  const layout = dataLayout(dataDir(pathEnv));
  const settingsStore = jsonStore(layout.settings, settingsSchema, defaultSettings);
  const loaded = await settingsStore.load();
  const settings = loaded.value;
  const clock: Clock = { now: () => Date.now() };
  const timeoutMs = settings.requestTimeoutSeconds * 1_000;
  const secrets = options.secrets ?? createKeytarSecretStore();
  const http = createFetchHttp({ allowedOrigins: allowedOrigins(endpoints) });

  const credentials = createClaudeCredentialReader({
    secrets,
    pathEnv,
    account: userInfo().username,
  });
  const oauth = createOAuthSource({
    http,
    credentials,
    baseUrl: endpoints.anthropic,
    clock,
    timeoutMs,
  });
  const sources = new Map<SourceId, UsageSource>([[oauth.id, oauth]]);

  const loopback: Record<SourceId, boolean> = {
    oauth: endpoints.anthropicIsLoopback,
    admin: endpoints.anthropicIsLoopback,
    web: endpoints.claudeAiIsLoopback,
    statusline: true,
    logs: true,
  };
  const policyFor = (source: SourceId): PollPolicy => {
    const seconds: Partial<Record<SourceId, number>> = settings.pollIntervalSeconds;
    return pollPolicy(options.intervalMs ?? (seconds[source] ?? 300) * 1_000, loopback[source]);
  };
  const refresher = createUsageRefresher({
    layout,
    clock,
    random: Math.random,
    policyFor,
    lockWaitMs: timeoutMs + 15_000,
  });
  const problems = loaded.problem === null ? [] : [loaded.problem];
  return {
    ok: true,
    core: {
      pathEnv,
      layout,
      endpoints,
      settingsStore,
      settings,
      problems,
      clock,
      secrets,
      sources,
      refresher,
      policyFor,
    },
  };
}
