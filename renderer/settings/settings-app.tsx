import { useEffect, useRef, useState } from 'preact/hooks';
import { formatClock } from '../../shared/domain/format';
import type { IpcResult } from '../../shared/ipc/contract';
import type { TrayTitleChoice } from '../../shared/domain/settings';
import type { SettingsModel, SettingsPatch, SnoozeChoice } from '../../shared/ipc/settings-model';
import { applySettingsPatch } from '../../shared/ipc/settings-patch';
import { pacewatch } from '../common/bridge';
import { useNow } from '../common/use-now';
import { CredentialRow } from './credential-row';
import { Choice, CommitField, FieldStatus, Toggle } from './fields';
import { LogFileRow } from './log-file-row';
import {
  parseBudget,
  parseClock,
  parseMinutes,
  parseThresholds,
  parseWindowThresholds,
} from './parse';
import { settled, type StatusLine } from './settled';

/** The snooze buttons, in order; Resume is off while nothing is snoozed. */
const SNOOZE_BUTTONS: readonly (readonly [SnoozeChoice, string])[] = [
  ['1h', 'For 1 hour'],
  ['tomorrow', 'Until tomorrow'],
  ['off', 'Resume'],
];

/** What the tray title may show (`settings.trayTitle`). */
const TRAY_TITLES: readonly (readonly [TrayTitleChoice, string])[] = [
  ['binding', 'The limit that binds (S 42% or W 73%)'],
  ['session', 'The session (S 42%)'],
  ['week', 'The week (W 73%)'],
  ['both', 'Session and week (S 42% W 73%)'],
];

/** A change sent to main and not yet answered. */
interface Pending {
  readonly id: number;
  readonly patch: SettingsPatch;
}

/** The two ends of quiet hours, as fields. */
const QUIET_FIELDS = [
  ['start', 'From'],
  ['end', 'Until'],
] as const;

/**
 * The settings window: every change is saved at once, and what main said about it ("Saved.", or
 * why not) shows next to the field that changed.
 */
export function SettingsApp() {
  const [model, setModel] = useState<SettingsModel | null>(null);
  /** The last change's field and what came of it. */
  const [status, setStatus] = useState<{ field: string; line: StatusLine } | null>(null);
  /** The last status line setup found another status line, which the user may replace. */
  const [replaceable, setReplaceable] = useState(false);
  /**
   * Changes sent but not yet answered, shown over the saved settings: an answer to an earlier
   * change (or main's broadcast) must not flip back a switch the user has just moved.
   */
  const [pending, setPending] = useState<readonly Pending[]>([]);
  const sent = useRef(0);
  const now = useNow(30_000);
  const api = pacewatch();

  useEffect(() => {
    const unsubscribe = api.on('settings', setModel);
    void api.getSettings().then(setModel);
    return unsubscribe;
  }, [api]);

  const settle = (field: string, result: IpcResult<SettingsModel>, done: string) => {
    setStatus({ field, line: settled(result, done, setModel) });
  };
  /** What main said about the last change made with `field`; null for every other field. */
  const statusOf = (field: string): StatusLine | null =>
    status?.field === field ? status.line : null;
  const save = (field: string, patch: SettingsPatch) => {
    const id = (sent.current += 1);
    setPending((list) => [...list, { id, patch }]);
    void api.saveSettings(patch).then((result) => {
      setPending((list) => list.filter((change) => change.id !== id));
      settle(field, result, 'Saved.');
    });
  };
  const snooze = (choice: SnoozeChoice) => {
    void api.snooze({ choice }).then((result) => {
      settle(
        'snooze',
        result,
        choice === 'off' ? 'Notifications resumed.' : 'Notifications snoozed.',
      );
    });
  };
  const testNotification = () => {
    void api.sendTestNotification().then((result) => {
      setStatus({
        field: 'test-notification',
        line: settled(
          result,
          'Sent. If nothing showed, allow notifications for Pacewatch in the system settings.',
        ),
      });
    });
  };
  const installStatusLine = (replace: boolean) => {
    setReplaceable(false);
    void api.installStatusLine({ replace }).then((result) => {
      setStatus({
        field: 'statusline-setup',
        line: settled(
          result,
          (setup) => setup.message,
          (setup) => {
            setReplaceable(setup.replaceable);
          },
        ),
      });
    });
  };

  if (model === null) {
    return (
      <main class="settings" aria-busy="true">
        <h1>Pacewatch settings</h1>
      </main>
    );
  }
  const settings = pending.reduce(
    (shown, change) => applySettingsPatch(shown, change.patch),
    model.settings,
  );
  const snoozedUntil =
    settings.snoozeUntil !== null && settings.snoozeUntil > now ? settings.snoozeUntil : null;
  const quiet = settings.quietHours;
  return (
    <main class="settings">
      <h1>Pacewatch settings</h1>
      {model.problems.map((problem) => (
        <p class="error" role="alert" key={problem}>
          {problem}
        </p>
      ))}

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        {model.sources.map((source) => (
          <div key={source.id} class="source">
            <Toggle
              id={`source-${source.id}`}
              label={source.label}
              checked={settings.sources[source.id].enabled}
              disabled={!source.available}
              description={
                source.available
                  ? source.description
                  : `${source.description} Not in this build yet.`
              }
              onChange={(checked) => {
                save(`source-${source.id}`, { sources: { [source.id]: checked } });
              }}
              status={statusOf(`source-${source.id}`)}
            />
            {source.id === 'admin' ? (
              <div class="sub">
                <CommitField
                  id="budget"
                  label="Monthly budget (USD)"
                  inputMode="decimal"
                  value={settings.sources.admin.monthlyBudgetUsd}
                  format={(value) => (value === null ? '' : String(value))}
                  parse={parseBudget}
                  onCommit={(monthlyBudgetUsd) => {
                    save('budget', { monthlyBudgetUsd });
                  }}
                  hint="The Admin API's month-to-date spend is shown against it, with the alert thresholds. Leave empty for no budget."
                  status={statusOf('budget')}
                />
              </div>
            ) : null}
            {source.id === 'statusline' ? (
              <div class="sub statusline-setup">
                <p class="hint" id="statusline-setup-hint">
                  Adds Pacewatch to Claude Code&apos;s settings, as{' '}
                  <code>pacewatch statusline --install</code> does; the old file is backed up.
                </p>
                <div class="row">
                  <button
                    type="button"
                    id="statusline-setup"
                    aria-describedby="statusline-setup-hint statusline-setup-status"
                    onClick={() => {
                      installStatusLine(false);
                    }}
                  >
                    Set up the status line
                  </button>
                  {replaceable ? (
                    <button
                      type="button"
                      id="statusline-replace"
                      onClick={() => {
                        installStatusLine(true);
                      }}
                    >
                      Replace it
                    </button>
                  ) : null}
                </div>
                <FieldStatus id="statusline-setup" status={statusOf('statusline-setup')} />
              </div>
            ) : null}
          </div>
        ))}
      </section>

      <section aria-labelledby="credentials-heading">
        <h2 id="credentials-heading">Credentials</h2>
        <p class="hint">Stored in the system keychain only. Pacewatch never shows them again.</p>
        {model.credentials.map((credential) => (
          <CredentialRow key={credential.id} credential={credential} now={now} onSaved={setModel} />
        ))}
      </section>

      <section aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">Notifications</h2>
        <CommitField
          id="thresholds"
          label="Notify at (% used)"
          value={settings.alerts.thresholds}
          format={(values) => values.join(', ')}
          parse={parseThresholds}
          onCommit={(thresholds) => {
            save('thresholds', { thresholds });
          }}
          hint="Each threshold notifies once per window period; the last one colours a limit critical."
          status={statusOf('thresholds')}
        />
        <fieldset class="window-thresholds">
          <legend>Per limit (empty: as above)</legend>
          {model.windows.map((window) => (
            <CommitField
              key={window.id}
              id={`thresholds-${window.id}`}
              label={window.label}
              value={settings.alerts.windowThresholds[window.id] ?? null}
              format={(values) => (values === null ? '' : values.join(', '))}
              parse={parseWindowThresholds}
              placeholder={settings.alerts.thresholds.join(', ')}
              onCommit={(values) => {
                save(`thresholds-${window.id}`, { windowThresholds: { [window.id]: values } });
              }}
              status={statusOf(`thresholds-${window.id}`)}
            />
          ))}
        </fieldset>
        <CommitField
          id="lockout-lead"
          label="Warn before a projected lockout (minutes, 0 = never)"
          inputMode="numeric"
          value={settings.alerts.lockoutLeadMinutes}
          format={String}
          parse={(text) => parseMinutes(text, 0, 1440)}
          onCommit={(lockoutLeadMinutes) => {
            save('lockout-lead', { lockoutLeadMinutes });
          }}
          status={statusOf('lockout-lead')}
        />
        <Toggle
          id="notify-reset"
          label="Notify when a limit resets"
          checked={settings.alerts.notifyOnReset}
          onChange={(notifyOnReset) => {
            save('notify-reset', { notifyOnReset });
          }}
          status={statusOf('notify-reset')}
        />
        <div class="test-notification">
          <button
            type="button"
            id="test-notification"
            aria-describedby="test-notification-status"
            onClick={testNotification}
          >
            Send a test notification
          </button>
          <FieldStatus id="test-notification" status={statusOf('test-notification')} />
        </div>
        <div class="snooze" role="group" aria-labelledby="snooze-label">
          <p id="snooze-label">
            {snoozedUntil === null
              ? 'Snooze notifications'
              : `Snoozed until ${formatClock(snoozedUntil, now)}`}
          </p>
          {SNOOZE_BUTTONS.map(([choice, text]) => (
            <button
              key={choice}
              type="button"
              disabled={choice === 'off' && snoozedUntil === null}
              onClick={() => {
                snooze(choice);
              }}
            >
              {text}
            </button>
          ))}
          <FieldStatus id="snooze" status={statusOf('snooze')} />
        </div>
        <Toggle
          id="quiet-hours"
          label="Quiet hours"
          checked={quiet !== null}
          description="Notifications wait until quiet hours end; none are lost."
          onChange={(on) => {
            save('quiet-hours', { quietHours: on ? { start: '22:00', end: '08:00' } : null });
          }}
          status={statusOf('quiet-hours')}
        />
        {quiet === null ? null : (
          <div class="row">
            {QUIET_FIELDS.map(([edge, label]) => (
              <CommitField
                key={edge}
                id={`quiet-${edge}`}
                label={label}
                value={quiet[edge]}
                format={String}
                parse={parseClock}
                onCommit={(time) => {
                  save(`quiet-${edge}`, { quietHours: { ...quiet, [edge]: time } });
                }}
                status={statusOf(`quiet-${edge}`)}
              />
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="polling-heading">
        <h2 id="polling-heading">Polling</h2>
        <CommitField
          id="poll-oauth"
          label="Ask Anthropic every (minutes)"
          inputMode="numeric"
          value={Math.round(settings.pollIntervalSeconds.oauth / 60)}
          format={String}
          parse={(text) => parseMinutes(text, 1, 1440)}
          onCommit={(minutes) => {
            save('poll-oauth', { pollIntervalSeconds: { oauth: minutes * 60, web: minutes * 60 } });
          }}
          status={statusOf('poll-oauth')}
          hint="Anthropic rate-limits usage requests: 5 minutes is a good pace."
        />
      </section>

      <section aria-labelledby="system-heading">
        <h2 id="system-heading">System</h2>
        <Choice
          id="tray-title"
          label="The menu bar shows"
          value={settings.trayTitle}
          options={TRAY_TITLES}
          onChange={(trayTitle) => {
            save('tray-title', { trayTitle });
          }}
          status={statusOf('tray-title')}
        />
        <Toggle
          id="launch-at-login"
          label="Launch Pacewatch at login"
          checked={settings.launchAtLogin}
          disabled={!model.launchAtLogin.supported}
          {...(model.launchAtLogin.note === null ? {} : { description: model.launchAtLogin.note })}
          onChange={(launchAtLogin) => {
            save('launch-at-login', { launchAtLogin });
          }}
          status={statusOf('launch-at-login')}
        />
        <Toggle
          id="auto-update"
          label="Update automatically"
          checked={settings.autoUpdate}
          description="Downloads new versions in the background. Pacewatch restarts only when you click “Restart to update”, or installs it when you quit."
          onChange={(autoUpdate) => {
            save('auto-update', { autoUpdate });
          }}
          status={statusOf('auto-update')}
        />
        <p class="hint">Data folder: {model.dataDir}</p>
        <LogFileRow />
      </section>
    </main>
  );
}
