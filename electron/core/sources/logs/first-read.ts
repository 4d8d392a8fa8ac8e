import { fork } from 'node:child_process';
import { FIRST_READ_FLAG, type FirstReadJob } from './scan-protocol';

/** A first read of a large tree takes seconds: past this, the child is stopped. */
const FIRST_READ_TIMEOUT_MS = 10 * 60_000;

/**
 * Reads a whole tree and writes its index in a short-lived child process (the bundled logs
 * worker script, run as a process). A long-lived reader then starts from that index: the memory a
 * first read goes through (hundreds of MB of transcripts, on two threads) goes back to the OS
 * when the child exits, where inside the engine most of it would stay resident for good.
 * Resolves to true when the child wrote the index; false when it could not (read in-process).
 */
export function firstReadInChild(script: string, job: FirstReadJob): Promise<boolean> {
  return new Promise((resolve) => {
    let child;
    try {
      child = fork(script, [FIRST_READ_FLAG, JSON.stringify(job)], {
        stdio: 'ignore',
        execArgv: [],
        // Electron runs the script as plain Node with this set; Node ignores it.
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      });
    } catch {
      resolve(false);
      return;
    }
    const timer = setTimeout(() => child.kill(), FIRST_READ_TIMEOUT_MS);
    timer.unref();
    child.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}
