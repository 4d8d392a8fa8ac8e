import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADROOM_VERSION } from '../../../shared/domain/version';

describe('HEADROOM_VERSION', () => {
  it('is the version package.json states (what `headroom --version` and the user agents say)', () => {
    const pkg = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8'),
    ) as { version: string };
    expect(HEADROOM_VERSION).toBe(pkg.version);
  });
});
