import type { ForkScript } from '../../ports';
import { FIRST_READ_FLAG, type FirstReadJob } from './scan-protocol';

/** A first read of a large tree takes seconds: past this, the child is stopped. */
export const FIRST_READ_TIMEOUT_MS = 10 * 60_000;

/**
 * Reads a whole tree and writes its index in a short-lived child process (the bundled logs
 * worker script, run as a process through `fork`: Node's child_process under the command,
 * Electron's utilityProcess in the app). A long-lived reader then starts from that index: the
 * memory a first read goes through (hundreds of MB of transcripts, on two threads) goes back to
 * the OS when the child exits, where inside the engine most of it would stay resident for good.
 * Resolves to true when the child wrote the index; false when it could not (read in-process).
 */
export function firstReadInChild(
  fork: ForkScript,
  script: string,
  job: FirstReadJob,
): Promise<boolean> {
  return new Promise((resolve) => {
    let child;
    try {
      child = fork(script, [FIRST_READ_FLAG, JSON.stringify(job)]);
    } catch {
      resolve(false);
      return;
    }
    const running = child;
    const timer = setTimeout(() => {
      running.kill();
    }, FIRST_READ_TIMEOUT_MS);
    timer.unref();
    running.onExit((code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}
