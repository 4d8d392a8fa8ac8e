import { alertNotification, heldSummary } from '../../../shared/domain/alert-text';
import { alertLedgerSchema, emptyLedger } from '../../../shared/domain/alert-ledger';
import { decideAlerts } from '../../../shared/domain/alerts';
import { isHeld, releaseHeld, routeAlerts } from '../../../shared/domain/hold';
import type { Settings } from '../../../shared/domain/settings';
import type { Snapshot } from '../../../shared/domain/snapshot';
import type { SourceRecord } from '../../../shared/domain/source-record';
import type { SourceView, WindowView } from '../../../shared/domain/source-view';
import type { Verdict } from '../../../shared/domain/verdict';
import type { Clock, Logger, Notification, Notifier } from '../ports';
import type { DataLayout } from '../stores/data-layout';
import { withFileLock } from '../stores/file-lock';
import { jsonStore } from '../stores/json-store';
import { LEDGER_FORMAT } from '../stores/stored-formats';

/** What the alert service needs. */
export interface AlertServiceDeps {
  readonly layout: DataLayout;
  readonly clock: Clock;
  readonly notifier: Notifier;
  readonly logger: Logger;
  readonly settings: () => Settings;
}

/** A source to evaluate: its record and the view built from it (which carries projections). */
export interface AlertInput {
  readonly record: SourceRecord;
  readonly view: SourceView;
}

/** Decides and delivers notifications, exactly once machine-wide. */
export interface AlertService {
  /**
   * Evaluates the windows of the verdict against the ledger and delivers what is due; returns
   * what was shown. `inputs` are the sources the verdict was made from.
   */
  evaluate(inputs: readonly AlertInput[], verdict: Verdict): Promise<readonly Notification[]>;
}

/**
 * The ledger is read, decided on and written under one machine-wide lock, and written before
 * anything is shown: the app and every `pacewatch watch` share it, so a notification shown by
 * one is never repeated by another, and a crash can lose a notification but never repeat it.
 */
export function createAlertService(deps: AlertServiceDeps): AlertService {
  const store = jsonStore(deps.layout.ledger, alertLedgerSchema, emptyLedger, LEDGER_FORMAT);

  async function decide(inputs: readonly AlertInput[], verdict: Verdict): Promise<Notification[]> {
    const now = deps.clock.now();
    const settings = deps.settings();
    const loaded = await store.load();
    if (loaded.problem !== null) deps.logger.warn(loaded.problem);
    let ledger = loaded.value;
    const alerts = [];
    for (const { snapshot, windows } of freshReadings(inputs, verdict)) {
      const projections = windows.map((window) => window.projection);
      const decided = decideAlerts(
        ledger,
        { ...snapshot, windows },
        projections,
        settings.alerts,
        now,
      );
      ledger = decided.ledger;
      alerts.push(...decided.alerts);
    }
    const held = isHeld(
      { snoozeUntil: settings.snoozeUntil, quietHours: settings.quietHours },
      now,
    );
    const routed = routeAlerts(ledger, alerts, held);
    const released = releaseHeld(routed.ledger, held);
    if (JSON.stringify(released.ledger) !== JSON.stringify(loaded.value))
      await store.save(released.ledger);
    const shown = routed.deliver.map((alert) => alertNotification(alert, now));
    if (released.deliver.length > 0) shown.push(heldSummary(released.deliver, now));
    return shown;
  }

  return {
    async evaluate(inputs, verdict) {
      const shown = await withFileLock(deps.layout.lock('alerts'), () => decide(inputs, verdict));
      for (const notification of shown) {
        await deps.notifier.notify(notification).catch((error: unknown) => {
          deps.logger.warn((error as Error).message);
        });
      }
      return shown;
    },
  };
}

/**
 * The readings to alert on: the verdict's windows (each from the freshest source that reports
 * it), without stale ones and without those whose reset time has passed (their figures are the
 * old period's until the next poll, which then tells the reset), grouped back by source. One
 * limit alerts once, however many sources report it.
 */
function freshReadings(
  inputs: readonly AlertInput[],
  verdict: Verdict,
): { snapshot: Snapshot; windows: WindowView[] }[] {
  const chosen = verdict.windows.filter((window) => !window.stale && window.resetAt === null);
  return inputs.flatMap(({ record, view }) => {
    const windows = view.windows.filter((window) =>
      chosen.some((pick) => pick.id === window.id && pick.source === record.source),
    );
    return record.snapshot === null || windows.length === 0
      ? []
      : [{ snapshot: record.snapshot, windows }];
  });
}
