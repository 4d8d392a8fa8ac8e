import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACEWATCH_VERSION } from '../../../shared/domain/version';

describe('PACEWATCH_VERSION', () => {
  it('is the version package.json states (what `pacewatch --version` and the user agents say)', () => {
    const pkg = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(PACEWATCH_VERSION).toBe(pkg.version);
  });
});
