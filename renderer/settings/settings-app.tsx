import { useEffect, useState } from 'preact/hooks';
import { formatClock } from '../../shared/domain/format';
import type { IpcResult } from '../../shared/ipc/contract';
import type { SettingsModel, SettingsPatch, SnoozeChoice } from '../../shared/ipc/settings-model';
import { headroom } from '../common/bridge';
import { useNow } from '../common/use-now';
import { CredentialRow } from './credential-row';
import { CommitField, Toggle } from './fields';
import { parseBudget, parseClock, parseMinutes, parseThresholds } from './parse';

/** The settings window: every change is saved at once and confirmed in a live region. */
export function SettingsApp() {
  const [model, setModel] = useState<SettingsModel | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const now = useNow(30_000);
  const api = headroom();

  useEffect(() => {
    const unsubscribe = api.on('settings', setModel);
    void api.getSettings().then(setModel);
    return unsubscribe;
  }, [api]);

  const settle = (result: IpcResult<SettingsModel>, done: string) => {
    if (result.ok) {
      setModel(result.value);
      setStatus({ text: done, error: false });
    } else {
      setStatus({ text: result.message, error: true });
    }
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
        <h1>Headroom settings</h1>
      </main>
    );
  }
  const { settings } = model;
  const snoozed = settings.snoozeUntil !== null && settings.snoozeUntil > now;
  const quiet = settings.quietHours;
  return (
    <main class="settings">
      <h1>Headroom settings</h1>
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
        <p class="hint">Stored in the system keychain only. Headroom never shows them again.</p>
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
            {snoozed && settings.snoozeUntil !== null
              ? `Snoozed until ${formatClock(settings.snoozeUntil, now)}`
              : 'Snooze notifications'}
          </p>
          <button
            type="button"
            onClick={() => {
              snooze('1h');
            }}
          >
            For 1 hour
          </button>
          <button
            type="button"
            onClick={() => {
              snooze('tomorrow');
            }}
          >
            Until tomorrow
          </button>
          <button
            type="button"
            disabled={!snoozed}
            onClick={() => {
              snooze('off');
            }}
          >
            Resume
          </button>
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
            <CommitField
              id="quiet-start"
              label="From"
              value={quiet.start}
              format={String}
              parse={parseClock}
              onCommit={(start) => {
                save({ quietHours: { ...quiet, start } });
              }}
            />
            <CommitField
              id="quiet-end"
              label="Until"
              value={quiet.end}
              format={String}
              parse={parseClock}
              onCommit={(end) => {
                save({ quietHours: { ...quiet, end } });
              }}
            />
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
          label="Launch Headroom at login"
          checked={settings.launchAtLogin}
          disabled={!model.launchAtLogin.supported}
          {...(model.launchAtLogin.note === null ? {} : { description: model.launchAtLogin.note })}
          onChange={(launchAtLogin) => {
            save({ launchAtLogin });
          }}
        />
        <p class="hint">Data folder: {model.dataDir}</p>
      </section>
    </main>
  );
}
