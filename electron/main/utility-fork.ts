import type { ForkOptions } from 'electron';
import type { ForkScript } from '../core/ports';

/** The part of Electron's `utilityProcess` the app uses. */
export interface UtilityProcessModule {
  fork(modulePath: string, args?: string[], options?: ForkOptions): ForkedUtility;
}

/** The part of Electron's UtilityProcess the app uses (start-app passes the real one). */
export interface ForkedUtility {
  once(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

/**
 * The app's ForkScript: the script runs in an Electron utility process (Node inside Electron,
 * no renderer), never in run-as-node mode, which the shipped app's RunAsNode fuse turns off.
 */
export function utilityForkScript(utility: UtilityProcessModule): ForkScript {
  return (script, args) => {
    const child = utility.fork(script, [...args], {
      stdio: 'ignore',
      serviceName: 'Pacewatch transcript reader',
    });
    return {
      onExit(listener) {
        // Electron emits 'exit' after every end, a fatal error included.
        child.once('exit', (code) => {
          listener(code);
        });
      },
      kill() {
        child.kill();
      },
    };
  };
}
