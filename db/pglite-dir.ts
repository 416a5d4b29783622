/**
 * Where the embedded database keeps its files without PGLITE_DIR. Its folder, `.data/`, is the
 * local data folder: other files of a local run (the demo clock, the development session secret)
 * sit beside it, named after it.
 */
export const DEFAULT_PGLITE_DIR = '.data/pglite';
