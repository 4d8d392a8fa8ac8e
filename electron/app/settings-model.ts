import type { CredentialStatus } from '../core/services/credential-service';
import type { Settings } from '../../shared/domain/settings';
import { windowLabel, type SourceId } from '../../shared/domain/snapshot';
import type {
  CredentialKind,
  CredentialModel,
  SettingsModel,
  SourceToggleModel,
} from '../../shared/ipc/settings-model';
import { SOURCE_LABELS } from './popover-model';

/** What the settings window is assembled from. */
export interface SettingsInput {
  readonly settings: Settings;
  /** null when the keychain could not be read. */
  readonly credentials: readonly CredentialStatus[] | null;
  /** Limit sources this build can run (the transcript estimate is part of every build). */
  readonly available: ReadonlySet<SourceId>;
  readonly launchAtLogin: { readonly supported: boolean; readonly note: string | null };
  readonly dataDir: string;
  readonly problems: readonly string[];
  /** The limit windows the engine has seen (budgets excluded), in the verdict's order. */
  readonly windows?: readonly { readonly id: string; readonly label: string }[];
}

/** Each limit source's switch is named as the popover names the source. */
const SOURCES: readonly { id: SourceId; description: string }[] = [
  {
    id: 'oauth',
    description: "Reads the figures /usage shows, with Claude Code's own login. No setup.",
  },
  {
    id: 'web',
    description: 'Reads claude.ai usage and extra-usage spend with a session key you paste below.',
  },
  {
    id: 'admin',
    description: 'For API billing: month-to-date spend against the monthly budget below.',
  },
  {
    id: 'statusline',
    description:
      'Takes the figures Claude Code passes to the pacewatch statusline command while it runs. No network.',
  },
];

/** The transcript estimate's switch: not a limit source, and read by every build. */
const ESTIMATE = {
  id: 'logs',
  label: 'Local transcripts',
  description: "Estimates tokens and cost from Claude Code's local logs. No network.",
} as const;

const CREDENTIALS: Readonly<Record<CredentialKind, { label: string; hint: string }>> = {
  web: {
    label: 'claude.ai session key',
    hint: 'In a browser signed in to claude.ai, open the developer tools and copy the sessionKey cookie (it starts with sk-ant-sid).',
  },
  admin: {
    label: 'Admin API key',
    hint: 'Create one in the Anthropic Console under Settings → Admin keys (it starts with sk-ant-admin).',
  },
};

/** The settings window's model: switches, credential status (never values) and the settings. */
export function buildSettingsModel(input: SettingsInput): SettingsModel {
  const { settings } = input;
  const sources: SourceToggleModel[] = [
    ...SOURCES.map((source) => ({
      ...source,
      label: SOURCE_LABELS[source.id],
      available: input.available.has(source.id),
    })),
    { ...ESTIMATE, available: true },
  ];
  const credentials: CredentialModel[] = (['web', 'admin'] as const).map((id) => {
    const status = input.credentials?.find((entry) => entry.id === id);
    return {
      id,
      ...CREDENTIALS[id],
      stored: status?.stored ?? false,
      storedAt: status?.storedAt ?? null,
    };
  });
  // A locked keychain is reported once, not once per credential.
  const keychain = (input.credentials ?? []).flatMap((status) =>
    status.problem === undefined ? [] : [status.problem],
  );
  return {
    settings,
    sources,
    credentials,
    launchAtLogin: input.launchAtLogin,
    dataDir: input.dataDir,
    problems: [...new Set([...input.problems, ...keychain])],
    windows: thresholdWindows(input),
  };
}

/** Session and week always, then every window seen or already given thresholds of its own. */
function thresholdWindows(input: SettingsInput): { id: string; label: string }[] {
  const ids = [
    'five_hour',
    'seven_day',
    ...(input.windows ?? []).map((window) => window.id),
    ...Object.keys(input.settings.alerts.windowThresholds),
  ];
  const seen = new Map((input.windows ?? []).map((window) => [window.id, window.label]));
  return [...new Set(ids)].map((id) => ({ id, label: seen.get(id) ?? windowLabel(id) }));
}
