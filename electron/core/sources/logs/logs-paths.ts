import { join } from 'node:path';
import { hashString } from '../../../../shared/domain/logs/hash';
import { claudeConfigDirs, dataDir, type PathEnv } from '../../platform/paths';
import { projectsDirs } from './tree-walk';

/** The `projects/` folders of every Claude config dir that has one (docs/PRODUCT.md §1). */
export function logsRoots(env: PathEnv): string[] {
  return projectsDirs(claudeConfigDirs(env));
}

/** Where the index for these roots lives: one per set of roots, under `<data dir>/logs-index/`. */
export function logsIndexPath(env: PathEnv, roots: readonly string[]): string {
  const key = hashString(roots.join('\n')).toString(36);
  return join(dataDir(env), 'logs-index', `${key}.bin`);
}
