import type { PowerMonitor } from 'electron';

/** What sleep and wake control. */
export interface Pausable {
  pause(): void;
  resume(): void;
}

/** Polling holds while the machine sleeps or the screen is locked, and polls once on wake. */
export function followPower(power: Pick<PowerMonitor, 'on'>, target: Pausable): void {
  power.on('suspend', () => {
    target.pause();
  });
  power.on('lock-screen', () => {
    target.pause();
  });
  power.on('resume', () => {
    target.resume();
  });
  power.on('unlock-screen', () => {
    target.resume();
  });
}
