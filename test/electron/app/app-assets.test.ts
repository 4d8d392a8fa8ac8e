import { describe, expect, it } from 'vitest';
import {
  assetHeaders,
  contentSecurityPolicy,
  pageUrl,
  resolveAsset,
} from '../../../electron/app/app-assets';

describe('the app’s pages and assets', () => {
  it.each([
    ['/popover.html', '/r/popover.html', 'text/html; charset=utf-8'],
    ['/', '/r/popover.html', 'text/html; charset=utf-8'],
    ['/settings.js', '/r/settings.js', 'text/javascript; charset=utf-8'],
    ['/app.css', '/r/app.css', 'text/css; charset=utf-8'],
    ['/icon.svg', '/r/icon.svg', 'image/svg+xml'],
  ])('serves %s from the renderer folder', (path, file, type) => {
    expect(resolveAsset('/r', path)).toEqual({ ok: true, file, type });
  });

  it.each([
    '/../main.cjs',
    '/%2e%2e/main.cjs',
    '/%2E%2E%2Fmain.cjs',
    '/sub/popover.html',
    '/.env',
    '/main.ts',
    '/%E0%A4%A',
    '/popover..html',
  ])('refuses %s', (path) => {
    expect(resolveAsset('/r', path)).toEqual({ ok: false, status: 404 });
  });

  it('sends a CSP with no inline script and no remote content on every response', () => {
    expect(contentSecurityPolicy("'none'")).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
    );
    expect(assetHeaders('text/html', 'x')).toMatchObject({
      'content-security-policy': 'x',
      'x-content-type-options': 'nosniff',
    });
    expect(pageUrl('settings')).toBe('pacewatch://app/settings.html');
  });
});
