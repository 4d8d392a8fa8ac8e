import { execFileSync } from 'node:child_process';

/** Builds the bundles once, so subprocess tests run the same `headroom` a user runs. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
