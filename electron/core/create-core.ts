import { stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { policyForSource, type PollPolicy } from '../../shared/domain/poll-policy';
import {
  defaultSettings,
  recoverSettings,
  settingsSchema,
  type Settings,
} from '../../shared/domain/settings';
import type { SourceId } from '../../shared/domain/snapshot';
import { createNodeHttp } from './adapters/node-http';
import { createKeytarSecretStore } from './adapters/keytar-secret-store';
import { allowedOrigins, resolveEndpoints, type Endpoints } from './platform/endpoints';
import { dataDir, processPathEnv, type PathEnv } from './platform/paths';
import type { Clock, Http, SecretStore } from './ports';
import { createCredentialService, type CredentialService } from './services/credential-service';
import { createUsageRefresher, type UsageRefresher } from './services/usage-refresher';
import { createClaudeCredentialReader } from './sources/oauth/claude-credentials';
import { createOAuthSource } from './sources/oauth/oauth-source';
import { createAdminSource } from './sources/admin/admin-source';
import { createStatuslineSource } from './sources/statusline/statusline-source';
import { createWebSource } from './sources/web/web-source';
import type { UsageSource } from './sources/usage-source';
import { dataLayout, type DataLayout } from './stores/data-layout';
import { removeAbandonedTemps } from './stores/temp-files';
import { jsonStore } from './stores/json-store';
import { SETTINGS_FORMAT } from './stores/stored-formats';

/** The engine's parts, wired once for a process (the CLI or the app). */
export interface Core {
  readonly pathEnv: PathEnv;
  readonly layout: DataLayout;
  readonly endpoints: Endpoints;
  /** Sentences about state that had to be rebuilt while starting. */
  readonly problems: readonly string[];
  readonly clock: Clock;
  /** The network for the API hosts. */
  readonly http: Http;
  /**
   * The same network for other hosts (the price list): the app's is Electron's, so the system
   * proxy applies to everything Pacewatch fetches.
   */
  readonly httpFor: HttpFactory;
  readonly secrets: SecretStore;
  readonly credentials: CredentialService;
  /** Every source this build knows, enabled or not. */
  readonly sources: ReadonlyMap<SourceId, UsageSource>;
  readonly refresher: UsageRefresher;
  readonly policyFor: (source: SourceId) => PollPolicy;
  /** The current settings. */
  readonly settings: () => Settings;
  /** Validates, saves and applies new settings; every process picks them up on its next tick. */
  readonly saveSettings: (
    next: unknown,
  ) => Promise<{ ok: true; settings: Settings } | { ok: false; message: string }>;
  /** Re-reads settings.json when another process changed it. */
  readonly reloadSettings: () => Promise<void>;
  /** The sources the settings enable, in display order. */
  readonly enabledSources: () => readonly UsageSource[];
}

/** Bounds a caller puts on a response; the adapter's defaults otherwise. */
export interface HttpLimits {
  /** The price list is ~1.5 MB, above the API's default bound. */
  readonly maxBodyBytes?: number;
}

/** Makes an Http allowed to reach `allowedOrigins` only, honouring `limits`. */
export type HttpFactory = (allowedOrigins: readonly string[], limits?: HttpLimits) => Http;

/** What a composition root may choose. */
export interface CoreOptions {
  readonly pathEnv?: PathEnv;
  /** Overrides every source's poll interval (`pacewatch watch --interval`). */
  readonly intervalMs?: number;
  readonly secrets?: SecretStore;
  /**
   * The network for the API hosts; the command's node:http adapter (HTTPS_PROXY / NO_PROXY) by
   * default. The app passes Electron's network stack, which follows the system proxy settings.
   * It must pass `limits` on to the adapter (the price list needs a larger body bound).
   */
  readonly http?: HttpFactory;
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
  await removeAbandonedTemps(layout.dir, Date.now());
  const settingsFile = jsonStore(
    layout.settings,
    settingsSchema,
    defaultSettings,
    SETTINGS_FORMAT,
    (data) => {
      const { settings, dropped } = recoverSettings(data);
      return { value: settings, dropped };
    },
  );
  const loaded = await settingsFile.load();
  let settings = loaded.value;
  let settingsMtime = await mtimeOf(layout.settings);
  const clock: Clock = { now: () => Date.now() };
  const timeoutMs = settings.requestTimeoutSeconds * 1_000;
  const secrets = options.secrets ?? createKeytarSecretStore();
  const httpFor: HttpFactory =
    options.http ?? ((origins, limits) => createNodeHttp({ allowedOrigins: origins, ...limits }));
  const http = httpFor(allowedOrigins(endpoints));
  const credentials = createCredentialService({
    secrets,
    metadataPath: join(layout.dir, 'credentials.json'),
    clock,
  });

  const claudeLogin = createClaudeCredentialReader({
    secrets,
    pathEnv,
    account: userInfo().username,
  });
  const api = { http, clock, timeoutMs, baseUrl: endpoints.anthropic };
  const oauth = createOAuthSource({ ...api, credentials: claudeLogin });
  const web = createWebSource({ ...api, baseUrl: endpoints.claudeAi, credentials });
  const admin = createAdminSource({
    ...api,
    credentials,
    budget: () => settings.sources.admin.monthlyBudgetUsd,
  });
  const statusline = createStatuslineSource({ layout });
  const sources = new Map<SourceId, UsageSource>([
    [oauth.id, oauth],
    [web.id, web],
    [admin.id, admin],
    [statusline.id, statusline],
  ]);

  const loopback: Record<SourceId, boolean> = {
    oauth: endpoints.anthropicIsLoopback,
    admin: endpoints.anthropicIsLoopback,
    web: endpoints.claudeAiIsLoopback,
    statusline: true,
  };
  const policyFor = (source: SourceId): PollPolicy =>
    policyForSource(settings.pollIntervalSeconds, source, loopback[source], options.intervalMs);
  const refresher = createUsageRefresher({
    layout,
    clock,
    random: Math.random,
    policyFor,
    lockWaitMs: timeoutMs,
  });

  const core: Core = {
    pathEnv,
    layout,
    endpoints,
    problems: loaded.problem === null ? [] : [loaded.problem],
    clock,
    http,
    httpFor,
    secrets,
    credentials,
    sources,
    refresher,
    policyFor,
    settings: () => settings,
    async saveSettings(next) {
      const parsed = settingsSchema.safeParse(next);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return {
          ok: false,
          message: `Settings not saved: ${issue?.path.join('.') ?? 'value'} must be ${issue?.message ?? 'valid'}.`,
        };
      }
      const refused = await settingsFile.save(parsed.data);
      if (refused !== null) return { ok: false, message: `Settings not saved: ${refused}` };
      settings = parsed.data;
      settingsMtime = await mtimeOf(layout.settings);
      return { ok: true, settings };
    },
    async reloadSettings() {
      const mtime = await mtimeOf(layout.settings);
      if (mtime === settingsMtime) return;
      settingsMtime = mtime;
      settings = (await settingsFile.load()).value;
    },
    enabledSources: () => [...sources.values()].filter((source) => isEnabled(settings, source.id)),
  };
  return { ok: true, core };
}

function isEnabled(settings: Settings, source: SourceId): boolean {
  const flags: Partial<Record<SourceId, { enabled: boolean }>> = settings.sources;
  return flags[source]?.enabled ?? true;
}

async function mtimeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return null;
  }
}
