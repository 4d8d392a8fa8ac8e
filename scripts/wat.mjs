// WebAssembly text → wasm bytes, with wabt, for the two places that load TypeScript: esbuild
// (scripts/build.mjs, the benchmark) and vitest (vitest.config.ts). A module imports a `.wat`
// file and gets its compiled bytes as a Uint8Array (see electron/core/sources/logs/wat.d.ts), so
// the `.wat` is the only source and no compiled binary is kept in the repository.
import { readFile } from 'node:fs/promises';
import wabtInit from 'wabt';

/** @type {Promise<Awaited<ReturnType<typeof wabtInit>>> | null} */
let wabt = null;

/**
 * The wasm bytes of a `.wat` file (SIMD enabled); throws with wabt's message on an error.
 * @param {string} path
 * @returns {Promise<Uint8Array>}
 */
export async function compileWat(path) {
  wabt ??= wabtInit();
  const text = await readFile(path, 'utf8');
  const module = (await wabt).parseWat(path, text, { simd: true });
  try {
    module.validate();
    return module.toBinary({}).buffer;
  } finally {
    module.destroy();
  }
}

/**
 * The esbuild plugin: `import bytes from './x.wat'` bundles the compiled bytes.
 * @returns {import('esbuild').Plugin}
 */
export function watEsbuildPlugin() {
  return {
    name: 'wat',
    setup(build) {
      build.onLoad({ filter: /\.wat$/ }, async (args) => ({
        contents: await compileWat(args.path),
        loader: 'binary',
      }));
    },
  };
}

/**
 * The same for vite / vitest: the module's default export is the compiled bytes.
 * @returns {{ name: string, enforce: 'pre', load(id: string): Promise<string | null> }}
 */
export function watVitePlugin() {
  return {
    name: 'wat',
    enforce: 'pre',
    async load(id) {
      if (!id.endsWith('.wat')) return null;
      const base64 = Buffer.from(await compileWat(id)).toString('base64');
      return `export default new Uint8Array(Buffer.from(${JSON.stringify(base64)}, 'base64'));`;
    },
  };
}
