import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import {
  APP_HOST,
  APP_SCHEME,
  assetHeaders,
  contentSecurityPolicy,
  resolveAsset,
} from '../app/app-assets';

/** Registers `pacewatch://` as a standard, secure scheme; must run before the app is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } },
  ]);
}

/** Serves the renderer's build folder on `pacewatch://app/`, each response with the strict CSP. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const asset = url.host === APP_HOST ? resolveAsset(root, url.pathname) : null;
    if (asset?.ok !== true) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(asset.file);
      return new Response(body, {
        headers: assetHeaders(asset.type, contentSecurityPolicy("'none'")),
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
