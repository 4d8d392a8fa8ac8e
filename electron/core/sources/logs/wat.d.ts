/** A WebAssembly text file, compiled at build time (scripts/wat.mjs): its wasm bytes. */
declare module '*.wat' {
  const bytes: Uint8Array;
  export default bytes;
}
