import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// What cannot run here (GitHub Actions, electron-builder on macOS and Windows) is still checked
// here: the workflows' jobs, triggers and permissions, every action pinned to a commit, and the
// builder config against electron-builder's own schema (docs/ARCHITECTURE.md "Releases").

const root = join(import.meta.dirname, '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
}
interface Job {
  readonly 'runs-on': string;
  readonly needs?: string | string[];
  readonly permissions?: Record<string, string>;
  readonly strategy?: { matrix: Record<string, unknown> };
  readonly steps: Step[];
}
interface Workflow {
  readonly on: Record<string, unknown>;
  readonly permissions: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

const workflow = (name: string) => parse(read(`.github/workflows/${name}`)) as Workflow;
const ci = workflow('ci.yml');
const release = workflow('release.yml');
const pkg = JSON.parse(read('package.json')) as {
  version: string;
  repository: { url: string };
  build: Record<string, unknown> & {
    publish: { provider: string; owner: string; repo: string; releaseType: string }[];
    electronFuses: Record<string, boolean>;
    mac: { target: { target: string; arch: string[] }[] };
    win: { target: string[] };
    linux: { target: string[] };
  };
};

/** Every `uses:` line of both workflows, with its trailing comment. */
function usesLines(): string[] {
  return ['ci.yml', 'release.yml'].flatMap((name) =>
    read(`.github/workflows/${name}`)
      .split('\n')
      .filter((line) => /^\s*(-\s+)?uses:/.test(line))
      .map((line) => line.trim()),
  );
}

describe('the CI workflow', () => {
  it('runs on every push and pull request with read-only contents', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(ci.permissions).toEqual({ contents: 'read' });
    for (const job of Object.values(ci.jobs)) expect(job.permissions).toEqual({ contents: 'read' });
  });

  it('lints, type-checks and runs the whole suite on Linux, on Node 22 with Node 20 beside it', () => {
    const test = ci.jobs.test;
    expect(test?.['runs-on']).toMatch(/^ubuntu-/);
    const runs = test?.steps.map((step) => step.run?.trim()) ?? [];
    expect(runs).toEqual(
      expect.arrayContaining([
        'npm ci',
        'npm run lint',
        'npm run format:check',
        'npm run typecheck',
        'npm test',
      ]),
    );
    const nodes = test?.steps
      .filter((step) => step.uses?.startsWith('actions/setup-node@'))
      .map((step) => step.with?.['node-version'] ?? step.with?.['node-version-file']);
    expect(nodes).toEqual([20, '.nvmrc']);
    expect(read('.nvmrc').trim()).toBe('22');
  });

  it('packages the app on macOS and Windows', () => {
    const build = ci.jobs.build;
    expect(build?.strategy?.matrix.os).toEqual([
      expect.stringMatching(/^macos-/),
      expect.stringMatching(/^windows-/),
    ]);
    expect(build?.steps.map((step) => step.run)).toContain(
      'npx electron-builder --dir --publish never',
    );
  });
});

describe('the release workflow', () => {
  it('runs on a version tag only, with no permission by default', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
    expect(release.permissions).toEqual({});
  });

  it('drafts the release, builds every platform into it, then publishes it', () => {
    const { draft, app, publish } = release.jobs;
    expect(draft?.permissions).toEqual({ contents: 'write' });
    expect(app?.needs).toBe('draft');
    expect(app?.permissions).toEqual({ contents: 'write' });
    expect(app?.strategy?.matrix.include).toEqual([
      { os: expect.stringMatching(/^macos-/) as unknown, platform: 'mac' },
      { os: expect.stringMatching(/^windows-/) as unknown, platform: 'win' },
      { os: expect.stringMatching(/^ubuntu-/) as unknown, platform: 'linux' },
    ]);
    const builder = app?.steps.find((step) => step.run?.includes('electron-builder'));
    expect(builder?.run).toContain('npx electron-builder "--$PLATFORM" --publish always');
    // Signed and notarized only when the secrets exist; otherwise an unsigned build.
    expect(builder?.env?.CSC_LINK).toBe('${{ secrets.MAC_CERTIFICATE_P12_BASE64 }}');
    expect(builder?.run).toContain('export CSC_IDENTITY_AUTO_DISCOVERY=false');
    expect(publish?.needs).toBe('app');
    expect(publish?.permissions).toEqual({ contents: 'write' });
  });

  it('publishes the command to npm with provenance, the only job that may mint an OIDC token', () => {
    const npm = release.jobs.npm;
    expect(npm?.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    const runs = npm?.steps.map((step) => step.run?.trim());
    expect(runs).toContain('npm publish --provenance --access public');
    expect(runs).toContain('npx vitest run test/repo/installed-command.test.ts');
    const others = Object.entries(release.jobs).filter(([name]) => name !== 'npm');
    for (const [, job] of others) expect(job.permissions?.['id-token']).toBeUndefined();
  });
});

describe('both workflows', () => {
  it('pin every action to a full commit SHA, with its version tag beside it', () => {
    const lines = usesLines();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines)
      expect(line).toMatch(/^(- )?uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}$/);
  });

  it('never leave the checkout token in the repository', () => {
    const checkouts = [ci, release].flatMap((w) =>
      Object.values(w.jobs).flatMap((job) =>
        job.steps.filter((step) => step.uses?.startsWith('actions/checkout@')),
      ),
    );
    expect(checkouts.length).toBe(4);
    for (const step of checkouts) expect(step.with?.['persist-credentials']).toBe(false);
  });
});

describe('the electron-builder config (package.json "build")', () => {
  it('is valid against electron-builder’s own schema', () => {
    const schema = JSON.parse(
      readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
    ) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(pkg.build);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('builds the platforms’ installers', () => {
    expect(pkg.build.mac.target).toEqual([
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ]);
    expect(pkg.build.win.target).toEqual(['nsis']);
    expect(pkg.build.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('publishes to the repository’s GitHub Releases, where the app looks for updates', () => {
    expect(pkg.build.publish).toEqual([
      { provider: 'github', owner: 'pacewatch', repo: 'pacewatch', releaseType: 'draft' },
    ]);
    expect(pkg.repository.url).toBe('git+https://github.com/pacewatch/pacewatch.git');
  });

  it('sets the fuses of a shipped app', () => {
    expect(pkg.build.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('leaves electron-updater out of the shipped node_modules: it is bundled into main.cjs', () => {
    const manifest = JSON.parse(read('package.json')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies)).not.toContain('electron-updater');
    expect(Object.keys(manifest.devDependencies)).toContain('electron-updater');
  });
});
