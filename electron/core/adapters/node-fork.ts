import { fork } from 'node:child_process';
import type { ForkScript } from '../ports';

/**
 * The command's ForkScript: the script runs under the same Node as the command. (The app runs it
 * through Electron's utilityProcess instead: electron/main/utility-fork.ts.)
 */
export const nodeForkScript: ForkScript = (script, args) => {
  const child = fork(script, [...args], { stdio: 'ignore', execArgv: [] });
  let ended = false;
  return {
    onExit(listener) {
      const end = (code: number | null) => {
        if (ended) return;
        ended = true;
        listener(code);
      };
      // A script that cannot start emits 'error' and may never emit 'exit'.
      child.once('error', () => {
        end(null);
      });
      child.once('exit', (code) => {
        end(code);
      });
    },
    kill() {
      child.kill();
    },
  };
};
