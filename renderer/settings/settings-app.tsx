import { useEffect, useState } from 'preact/hooks';
import { formatClock } from '../../shared/domain/format';
import type { IpcResult } from '../../shared/ipc/contract';
import type { SettingsModel, SettingsPatch, SnoozeChoice } from '../../shared/ipc/settings-model';
import { pacewatch } from '../common/bridge';
import { useNow } from '../common/use-now';
import { CredentialRow } from './credential-row';
import { CommitField, Toggle } from './fields';
import { LogFileRow } from './log-file-row';
import { parseBudget, parseClock, parseMinutes, parseThresholds } from './parse';
import { settled, type StatusLine } from './settled';

/** The snooze buttons, in order; Resume is off while nothing is snoozed. */
const SNOOZE_BUTTONS: readonly (readonly [SnoozeChoice, string])[] = [
  ['1h', 'For 1 hour'],
  ['tomorrow', 'Until tomorrow'],
  ['off', 'Resume'],
];

/** The two ends of quiet hours, as fields. */
const QUIET_FIELDS = [
  ['start', 'From'],
  ['end', 'Until'],
] as const;

/** The settings window: every change is saved at once and confirmed in a live region. */
export function SettingsApp() {
  const [model, setModel] = useState<SettingsModel | null>(null);
  const [status, setStatus] = useState<StatusLine | null>(null);
  const now = useNow(30_000);
  const api = pacewatch();

  useEffect(() => {
    const unsubscribe = api.on('settings', setModel);
    void api.getSettings().then(setModel);
    return unsubscribe;
  }, [api]);

  const settle = (result: IpcResult<SettingsModel>, done: string) => {
    setStatus(settled(result, done, setModel));
  };
  const save = (patch: SettingsPatch) => {
    void api.saveSettings(patch).then((result) => {
      settle(result, 'Saved.');
    });
  };
  const snooze = (choice: SnoozeChoice) => {
    void api.snooze({ choice }).then((result) => {
      settle(result, choice === 'off' ? 'Notifications resumed.' : 'Notifications snoozed.');
    });
  };

  if (model === null) {
    return (
      <main class="settings" aria-busy="true">
        <h1>Pacewatch settings</h1>
      </main>
    );
  }
  const { settings } = model;
  const snoozedUntil =
    settings.snoozeUntil !== null && settings.snoozeUntil > now ? settings.snoozeUntil : null;
  const quiet = settings.quietHours;
  return (
    <main class="settings">
      <h1>Pacewatch settings</h1>
      <p class={`save-status${status?.error ? ' error' : ''}`} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>
      {model.problems.map((problem) => (
        <p class="error" role="alert" key={problem}>
          {problem}
        </p>
      ))}

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">Sources</h2>
        {model.sources.map((source) => (
          <Toggle
            key={source.id}
            id={`source-${source.id}`}
            label={source.label}
            checked={source.enabled}
            disabled={!source.available}
            description={
              source.available ? source.description : `${source.description} Not in this build yet.`
            }
            onChange={(checked) => {
              save({ sources: { [source.id]: checked } });
            }}
          />
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
            save({ thresholds });
          }}
          hint="Each threshold notifies once per window period."
        />
        <CommitField
          id="lockout-lead"
          label="Warn before a projected lockout (minutes, 0 = never)"
          inputMode="numeric"
          value={settings.alerts.lockoutLeadMinutes}
          format={String}
          parse={(text) => parseMinutes(text, 0, 1440)}
          onCommit={(lockoutLeadMinutes) => {
            save({ lockoutLeadMinutes });
          }}
        />
        <Toggle
          id="notify-reset"
          label="Notify when a limit resets"
          checked={settings.alerts.notifyOnReset}
          onChange={(notifyOnReset) => {
            save({ notifyOnReset });
          }}
        />
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
        </div>
        <Toggle
          id="quiet-hours"
          label="Quiet hours"
          checked={quiet !== null}
          description="Notifications wait until quiet hours end; none are lost."
          onChange={(on) => {
            save({ quietHours: on ? { start: '22:00', end: '08:00' } : null });
          }}
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
                  save({ quietHours: { ...quiet, [edge]: time } });
                }}
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
            save({ pollIntervalSeconds: { oauth: minutes * 60, web: minutes * 60 } });
          }}
          hint="Anthropic rate-limits usage requests: 5 minutes is a good pace."
        />
        <CommitField
          id="budget"
          label="Monthly budget for the Admin API source (USD)"
          inputMode="decimal"
          value={settings.sources.admin.monthlyBudgetUsd}
          format={(value) => (value === null ? '' : String(value))}
          parse={parseBudget}
          onCommit={(monthlyBudgetUsd) => {
            save({ monthlyBudgetUsd });
          }}
          hint="Leave empty for no budget."
        />
      </section>

      <section aria-labelledby="system-heading">
        <h2 id="system-heading">System</h2>
        <Toggle
          id="launch-at-login"
          label="Launch Pacewatch at login"
          checked={settings.launchAtLogin}
          disabled={!model.launchAtLogin.supported}
          {...(model.launchAtLogin.note === null ? {} : { description: model.launchAtLogin.note })}
          onChange={(launchAtLogin) => {
            save({ launchAtLogin });
          }}
        />
        <Toggle
          id="auto-update"
          label="Update automatically"
          checked={settings.autoUpdate}
          description="Downloads new versions in the background. Pacewatch restarts only when you click “Restart to update”, or installs it when you quit."
          onChange={(autoUpdate) => {
            save({ autoUpdate });
          }}
        />
        <p class="hint">Data folder: {model.dataDir}</p>
        <LogFileRow />
      </section>
    </main>
  );
}
