// proxy-from-env 2 ships no types; its one export, as its README documents it.
declare module 'proxy-from-env' {
  /** The proxy URL for a request URL from *_PROXY / NO_PROXY in process.env, or "" for none. */
  export function getProxyForUrl(url: string | URL): string;
}
