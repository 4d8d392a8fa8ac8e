import type { Secret } from '../../shared/domain/secret';

/** The time, as a port so services and tests agree on "now". */
export interface Clock {
  /** epoch milliseconds */
  now(): number;
}

/** One HTTP request; `timeoutMs` bounds the whole exchange, body included. */
export interface HttpRequest {
  readonly url: string;
  readonly method?: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/** A complete HTTP response; the body is read in full (usage bodies are small). */
export interface HttpResponse {
  readonly status: number;
  header(name: string): string | null;
  readonly body: string;
}

/** Why a request produced no response. */
export type HttpFailure =
  | { readonly kind: 'timeout'; readonly message: string }
  | { readonly kind: 'network'; readonly message: string }
  | { readonly kind: 'blocked'; readonly message: string }
  /** The server answered, but with more than the adapter reads (`message`: "over 1 MB"). */
  | { readonly kind: 'too-large'; readonly message: string };

/** Network access, main-side only, to allow-listed hosts. */
export interface Http {
  request(
    req: HttpRequest,
  ): Promise<{ ok: true; response: HttpResponse } | { ok: false; failure: HttpFailure }>;
}

/** The OS keychain (keytar): generic passwords by service and account. */
export interface SecretStore {
  get(service: string, account: string): Promise<Secret | null>;
  set(service: string, account: string, value: Secret): Promise<void>;
  delete(service: string, account: string): Promise<boolean>;
}

/** A desktop notification. */
export interface Notification {
  readonly title: string;
  readonly message: string;
}

/** Delivers desktop notifications (node-notifier, or Electron's in the app). */
export interface Notifier {
  notify(notification: Notification): Promise<void>;
}

/** Diagnostics; messages pass through `scrubSecrets` before they are written. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A script started as a short-lived process (see ForkScript). */
export interface ForkedScript {
  /** Called once when the process ends: its exit code, or null when it could not run. */
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/**
 * Starts a bundled script as its own process, with `args` as its arguments: Node's
 * child_process under the command, Electron's utilityProcess in the app (a shipped app has the
 * run-as-node fuse off, so its binary cannot run a script as plain Node). Throws when it cannot.
 */
export type ForkScript = (script: string, args: readonly string[]) => ForkedScript;

/** Timers, as a port so the scheduler can run on a fake clock in tests. */
export interface Timers {
  /** Runs `callback` after `ms`; returns a function that cancels it. */
  setTimeout(callback: () => void, ms: number): () => void;
}
