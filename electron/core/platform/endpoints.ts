/** The base URLs Pacewatch talks to, after the `PACEWATCH_*_URL` overrides (docs/PRODUCT.md §3). */
export interface Endpoints {
  /** The Anthropic API, e.g. `https://api.anthropic.com` (no trailing slash). */
  readonly anthropic: string;
  /** claude.ai, e.g. `https://claude.ai` (no trailing slash). */
  readonly claudeAi: string;
  /** One banner line per override in use: "Using PACEWATCH_ANTHROPIC_URL=http://127.0.0.1:4010". */
  readonly overrides: string[];
  /** True when the API is on this machine (a test fake): the poll-interval floor is lifted. */
  readonly anthropicIsLoopback: boolean;
  /** True when claude.ai is on this machine (a test fake). */
  readonly claudeAiIsLoopback: boolean;
}

/** The real services. */
export const DEFAULT_ANTHROPIC_URL = 'https://api.anthropic.com';
/** The real claude.ai. */
export const DEFAULT_CLAUDE_AI_URL = 'https://claude.ai';

export type Checked = { ok: true; url: string; loopback: boolean } | { ok: false; message: string };

const ALLOWED = 'an https:// URL, or an http:// URL on this machine (127.0.0.1, ::1 or localhost)';

/** True for a host name that can only mean this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  const octets = host.split('.');
  return (
    octets.length === 4 &&
    octets[0] === '127' &&
    octets.every((octet) => /^\d{1,3}$/.test(octet) && Number(octet) <= 255)
  );
}

/** Checks one URL override: https, or http on this machine; no credentials, query or fragment. */
export function checkOverride(name: string, raw: string): Checked {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: `${name} is not a URL. Set it to ${ALLOWED}, or unset it.` };
  }
  const loopback = isLoopbackHost(url.hostname);
  const scheme = url.protocol === 'https:' || (url.protocol === 'http:' && loopback);
  if (!scheme) {
    const got = `${url.protocol}//${url.host}`;
    return { ok: false, message: `${name} must be ${ALLOWED}; got ${got}. Fix it, or unset it.` };
  }
  // Credentials in a URL would end up in banners and logs; a query or fragment has no meaning here.
  if (url.username || url.password || url.search || url.hash) {
    return {
      ok: false,
      message: `${name} must be a plain base URL without user name, password, query or fragment. Fix it, or unset it.`,
    };
  }
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${url.origin}${path}`, loopback };
}

/** Resolves the endpoints from the environment; a bad override is a message, never a silent fallback. */
export function resolveEndpoints(
  env: NodeJS.ProcessEnv,
): { ok: true; endpoints: Endpoints } | { ok: false; message: string } {
  const overrides: string[] = [];
  const pick = (name: string, fallback: string): Checked => {
    const raw = env[name]?.trim();
    if (!raw) return { ok: true, url: fallback, loopback: false };
    const checked = checkOverride(name, raw);
    if (checked.ok) overrides.push(`Using ${name}=${checked.url}`);
    return checked;
  };
  const anthropic = pick('PACEWATCH_ANTHROPIC_URL', DEFAULT_ANTHROPIC_URL);
  if (!anthropic.ok) return anthropic;
  const claudeAi = pick('PACEWATCH_CLAUDE_AI_URL', DEFAULT_CLAUDE_AI_URL);
  if (!claudeAi.ok) return claudeAi;
  return {
    ok: true,
    endpoints: {
      anthropic: anthropic.url,
      claudeAi: claudeAi.url,
      overrides,
      anthropicIsLoopback: anthropic.loopback,
      claudeAiIsLoopback: claudeAi.loopback,
    },
  };
}

/** The origins the HTTP adapter may contact: exactly the configured endpoints. */
export function allowedOrigins(endpoints: Endpoints): string[] {
  return [...new Set([new URL(endpoints.anthropic).origin, new URL(endpoints.claudeAi).origin])];
}
