/** Pacewatch's version, as package.json states it (a test keeps the two equal). */
export const PACEWATCH_VERSION = '0.1.0';
