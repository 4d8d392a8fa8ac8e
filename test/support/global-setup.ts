import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Why `scripts/build.mjs` failed, or null when dist/ holds a fresh build. */
    buildError: string | null;
  }
}

/**
 * Builds the bundles once, so subprocess tests run the same `pacewatch` a user runs. A failed build
 * does not stop the pure unit tests; every subprocess test fails with the build's error instead
 * (see test/support/cli.ts).
 */
export default function setup(project: TestProject): void {
  try {
    execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 'pipe', 'pipe'] });
    project.provide('buildError', null);
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    process.stderr.write(
      `\n*** scripts/build.mjs failed; CLI subprocess tests will fail ***\n${stderr}\n`,
    );
    project.provide('buildError', stderr);
  }
}
