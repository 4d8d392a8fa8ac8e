import type { SourceMessages } from '../http-errors';
import { networkMessages } from '../network-messages';

/** Claude Code has no login on this machine (no keychain item, no credentials file). */
export const NO_CREDENTIALS_MESSAGE =
  'Claude Code is not signed in on this machine. Run `claude` and sign in with your Claude account; Pacewatch picks the login up by itself.';

/** The login expired (by its `expiresAt`, or the server said so). */
export const EXPIRED_MESSAGE =
  'Your Claude Code sign-in has expired. Run `claude` once to renew it; Pacewatch picks it up by itself.';

/** The macOS Keychain (or Secret Service) could not be read. */
export const KEYCHAIN_UNAVAILABLE_MESSAGE =
  "Pacewatch could not read Claude Code's sign-in because the system keychain is locked or unavailable. Unlock it; Pacewatch picks the login up by itself.";

/** A credentials file (or keychain item) that is not the JSON Claude Code writes. */
export function malformedCredentialMessage(origin: string): string {
  return `Claude Code's credentials in ${origin} are not valid JSON. Run \`claude\` and sign in again to rewrite them; Pacewatch picks the login up by itself.`;
}

/** A credentials file that exists but cannot be read (permissions). */
export function unreadableCredentialMessage(origin: string, reason: string): string {
  return `Pacewatch cannot read Claude Code's credentials in ${origin} (${reason}). Make the file readable by your user; Pacewatch picks the login up by itself.`;
}

/** The `oauth` source's sentences, naming the configured host and the real time limit. */
export function oauthMessages(host: string, timeoutMs: number): SourceMessages {
  return {
    expired: () => EXPIRED_MESSAGE,
    invalid: () =>
      "Anthropic rejected Claude Code's sign-in. Run `claude`, then /login, to sign in again.",
    forbidden: () =>
      'This Claude Code token can run Claude but cannot read usage: tokens from `claude setup-token` or CLAUDE_CODE_OAUTH_TOKEN lack the user:profile scope. Sign in with `claude` (/login) so Pacewatch can read usage.',
    location: () =>
      'Anthropic refused this sign-in from where the request came from ("Invalid authorization for organization"), which happens on VPN exits. Turn the VPN off or use your usual location; Pacewatch retries by itself.',
    region: () =>
      'Anthropic does not serve requests from the region this one came from. Turn off a VPN or proxy that exits in another country; Pacewatch retries by itself.',
    orgPolicy: () =>
      "Your organisation does not allow Claude Code's sign-in to read usage (an organisation policy, not an expired login). Ask your organisation's admin to allow it, or use another source such as `pacewatch credentials set web`.",
    refusedWithoutReason: (status) =>
      `Anthropic refused the usage request without giving a reason (HTTP ${status}). Pacewatch retries by itself; if this persists, check your VPN or proxy.`,
    rateLimited: () =>
      'Anthropic is rate-limiting usage requests. Pacewatch waits and retries by itself; nothing to do.',
    server: (status) =>
      status === 529
        ? `Anthropic's API is overloaded (HTTP 529). Pacewatch retries by itself.`
        : status >= 500
          ? `Anthropic's API answered with an error (HTTP ${status}). Pacewatch retries by itself.`
          : `Anthropic's API gave an unexpected answer (HTTP ${status}). Pacewatch retries by itself; update Pacewatch if this persists.`,
    challenge: (status) =>
      `${host} answered with a web page instead of usage figures (HTTP ${status}), likely a Cloudflare check or a proxy. Pacewatch retries by itself; if this persists, check your proxy or VPN.`,
    ...networkMessages(host, timeoutMs, 'PACEWATCH_ANTHROPIC_URL'),
    parse: (problem) =>
      `Anthropic's usage answer was not in the expected form (${problem}). Pacewatch keeps the last good figures; run \`pacewatch status --refresh\` to try again, and update Pacewatch if this persists.`,
  };
}
