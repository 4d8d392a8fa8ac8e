import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main?: string;
  scripts: Record<string, string>;
  build: {
    appId: string;
    extraMetadata: { main: string };
    files: string[];
    asarUnpack: string[];
    mac: {
      target: { target: string; arch: string[] }[];
      hardenedRuntime: boolean;
      entitlements: string;
      extendInfo: Record<string, unknown>;
      icon: string;
    };
    win: { target: string[] };
    linux: { target: string[]; icon: string };
  };
};

describe('packaging (electron-builder config in package.json)', () => {
  it('builds a menu-bar-only, hardened macOS app as dmg and zip for both architectures', () => {
    const { mac } = pkg.build;
    expect(mac.target).toEqual([
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ]);
    expect(mac.extendInfo.LSUIElement).toBe(true);
    expect(mac.hardenedRuntime).toBe(true);
    expect(readFileSync(join(ROOT, mac.entitlements), 'utf8')).toContain(
      'com.apple.security.cs.allow-jit',
    );
  });

  it('builds an NSIS installer for Windows and an AppImage and a deb for Linux', () => {
    expect(pkg.build.win.target).toEqual(['nsis']);
    expect(pkg.build.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('ships the bundles and the notification icon, unpacks native modules, and leaves out node-notifier (the command’s notifier)', () => {
    // The entry is set for the packaged app only: a top-level `main` would put the Electron
    // bundle into the command's npm tarball (test/repo/installed-command.test.ts).
    expect(pkg.main).toBeUndefined();
    expect(pkg.build.extraMetadata.main).toBe('dist/main.cjs');
    expect(pkg.build.files).toEqual(
      expect.arrayContaining([
        'dist/main.cjs',
        'dist/preload.cjs',
        'dist/notification-icon.png',
        'dist/renderer/**/*',
        '!node_modules/node-notifier/**',
        '!dist/**/*.map',
        '!dist/renderer/dev-bridge.js',
      ]),
    );
    expect(pkg.build.asarUnpack).toEqual(['**/*.node']);
    expect(pkg.build.appId).toBe('dev.pacewatch.app');
  });

  it('has the icons under build/ and the scripts the README names', () => {
    const icon = readFileSync(join(ROOT, pkg.build.mac.icon));
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([1024, 1024]);
    expect(existsSync(join(ROOT, pkg.build.linux.icon, '256x256.png'))).toBe(true);
    expect(Object.keys(pkg.scripts)).toEqual(
      expect.arrayContaining(['start', 'build', 'dist', 'dev:browser']),
    );
  });
});
