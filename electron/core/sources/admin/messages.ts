import type { SourceMessages } from '../http-errors';
import { networkMessages } from '../network-messages';

const NEW_KEY_STEPS =
  "Create an Admin API key in the Anthropic Console (Settings → Admin keys) and store it with `pacewatch credentials set admin` or in Pacewatch's settings.";

/** No Admin API key is stored. */
export const NO_ADMIN_KEY_MESSAGE = `No Admin API key is stored. ${NEW_KEY_STEPS}`;

/** The keychain could not be read; `keychain` is the platform's sentence for it. */
export function adminKeychainMessage(keychain: string): string {
  return `Pacewatch could not read its Admin API key. ${keychain}`;
}

/** The `admin` source's sentences, naming the configured host and the real time limit. */
export function adminMessages(host: string, timeoutMs: number): SourceMessages {
  const rejected = `Anthropic rejected the stored Admin API key (it may have been revoked). ${NEW_KEY_STEPS}`;
  return {
    expired: () => rejected,
    invalid: () => rejected,
    forbidden: () =>
      "This Admin API key may not read your organisation's cost report (HTTP 403). Use an Admin key made by an organisation admin (Console → Settings → Admin keys); individual accounts have no Admin API.",
    location: () =>
      'Anthropic refused the Admin API request from where it came from ("Invalid authorization for organization"), which happens on VPN exits. Turn the VPN off or use your usual location; Pacewatch retries by itself.',
    region: () =>
      "Anthropic's Admin API does not serve requests from the region this one came from. Turn off a VPN or proxy that exits in another country; Pacewatch retries by itself.",
    orgPolicy: () =>
      "Your organisation's policy does not allow this Admin API key to be used. Ask your organisation's admin.",
    refusedWithoutReason: (status) =>
      `Anthropic's Admin API refused the request without giving a reason (HTTP ${status}). Pacewatch retries by itself; if this persists, check your VPN or proxy.`,
    rateLimited: () =>
      "Anthropic's Admin API is rate-limiting requests. Pacewatch waits and retries by itself; nothing to do.",
    server: (status) =>
      status === 529
        ? `Anthropic's Admin API is overloaded (HTTP 529). Pacewatch retries by itself.`
        : status >= 500
          ? `Anthropic's Admin API answered with an error (HTTP ${status}). Pacewatch retries by itself.`
          : `Anthropic's Admin API gave an unexpected answer (HTTP ${status}). Pacewatch retries by itself; update Pacewatch if this persists.`,
    challenge: (status) =>
      `${host} answered with a web page instead of a cost report (HTTP ${status}), likely a proxy. Pacewatch retries by itself; if this persists, check your proxy or VPN.`,
    ...networkMessages(host, timeoutMs, 'PACEWATCH_ANTHROPIC_URL'),
    parse: (problem) =>
      `Anthropic's cost report was not in the expected form (${problem}). Pacewatch keeps the last good figures; run \`pacewatch status --source admin --refresh\` to try again, and update Pacewatch if this persists.`,
  };
}
