import type { SourceMessages } from '../http-errors';
import { networkMessages } from '../network-messages';

/** How to get and store a new claude.ai session key: every auth sentence ends with it. */
const NEW_KEY_STEPS =
  "Sign in to claude.ai in a browser, copy the value of its sessionKey cookie (developer tools → Application → Cookies), and store it with `pacewatch credentials set web` or in Pacewatch's settings.";

/** No claude.ai session key is stored. */
export const NO_SESSION_KEY_MESSAGE = `No claude.ai session key is stored. ${NEW_KEY_STEPS}`;

/** The session expired or was signed out (`account_session_invalid`, or a 401 saying so). */
export const SESSION_EXPIRED_MESSAGE = `Your claude.ai session has expired or was signed out. ${NEW_KEY_STEPS}`;

/** The keychain could not be read; `keychain` is the platform's sentence for it. */
export function webKeychainMessage(keychain: string): string {
  return `Pacewatch could not read its claude.ai session key. ${keychain}`;
}

/** The session works but has no organisation with chat (an API-only or a removed account). */
export const NO_CHAT_ORG_MESSAGE =
  'This claude.ai session has no organisation with chat, so it has no plan limits to show. Sign in to claude.ai with the account that has your Pro or Max plan and store its session key again (`pacewatch credentials set web`).';

/** The `web` source's sentences, naming the configured host and the real time limit. */
export function webMessages(host: string, timeoutMs: number): SourceMessages {
  return {
    expired: () => SESSION_EXPIRED_MESSAGE,
    invalid: () => `claude.ai rejected the stored session key. ${NEW_KEY_STEPS}`,
    forbidden: () =>
      `claude.ai refused to show usage for this session (HTTP 403). ${NEW_KEY_STEPS}`,
    location: () =>
      'claude.ai refused this session from where the request came from ("Invalid authorization for organization"), which happens on VPN exits; the session key is fine. Turn the VPN off or use your usual location; Pacewatch retries by itself.',
    region: () =>
      'claude.ai does not serve requests from the region this one came from; the session key is fine. Turn off a VPN or proxy that exits in another country; Pacewatch retries by itself.',
    orgPolicy: () =>
      "Your organisation does not allow this kind of sign-in to read usage (an organisation policy). Ask your organisation's admin, or use Claude Code's sign-in instead.",
    refusedWithoutReason: (status) =>
      `claude.ai refused the usage request without giving a reason (HTTP ${status}). Pacewatch retries by itself; if this persists, open claude.ai in your browser once.`,
    rateLimited: () =>
      'claude.ai is rate-limiting usage requests. Pacewatch waits and retries by itself; nothing to do.',
    server: (status) =>
      status >= 500
        ? `claude.ai answered with an error (HTTP ${status}). Pacewatch retries by itself.`
        : `claude.ai gave an unexpected answer (HTTP ${status}). Pacewatch retries by itself; update Pacewatch if this persists.`,
    challenge: (status) =>
      `${host} answered with a web page instead of usage figures (HTTP ${status}), likely a Cloudflare check. Pacewatch keeps the last figures and retries by itself; if this persists, open claude.ai in your browser once.`,
    ...networkMessages(host, timeoutMs, 'PACEWATCH_CLAUDE_AI_URL'),
    parse: (problem) =>
      `claude.ai's usage answer was not in the expected form (${problem}). Pacewatch keeps the last good figures; run \`pacewatch status --source web --refresh\` to try again, and update Pacewatch if this persists.`,
  };
}
