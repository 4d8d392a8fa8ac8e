// Types for scripts/wat.mjs (vitest.config.ts is type-checked with the tests).
import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

/** The wasm bytes of a `.wat` file (SIMD enabled). */
export function compileWat(path: string): Promise<Uint8Array>;
/** The esbuild plugin: `import bytes from './x.wat'` bundles the compiled bytes. */
export function watEsbuildPlugin(): EsbuildPlugin;
/** The same for vite / vitest. */
export function watVitePlugin(): VitePlugin;
