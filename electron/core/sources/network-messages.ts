import type { SourceMessages } from './http-errors';

/** "15 s", "0.3 s", "250 ms": the time limit as the sentence shows it. */
export function formatTimeout(timeoutMs: number): string {
  if (timeoutMs < 100) return `${timeoutMs} ms`;
  const seconds = timeoutMs / 1000;
  return `${Number.isInteger(seconds) ? seconds : Number(seconds.toFixed(1))} s`;
}

/**
 * The sentences every HTTP source says when the network fails, naming its host, its real time
 * limit, and the variable that overrides its endpoint.
 */
export function networkMessages(
  host: string,
  timeoutMs: number,
  endpointVariable: string,
): Pick<SourceMessages, 'timeout' | 'unreachable' | 'blocked' | 'tooLarge'> {
  return {
    timeout: () =>
      `Could not reach ${host} (no answer within ${formatTimeout(timeoutMs)}). Check your connection; Pacewatch retries by itself.`,
    unreachable: (detail) =>
      `Could not reach ${host} (${detail}). Check your connection; Pacewatch retries by itself.`,
    tooLarge: (size) =>
      `The server's answer was too large (${size} from ${host}), so Pacewatch did not read it; the figures shown are the last good ones. Pacewatch retries by itself; update Pacewatch if this persists.`,
    blocked: () =>
      `Pacewatch did not contact ${host}: it is not one of the allowed endpoints. Check ${endpointVariable}.`,
  };
}
