/** The environment as the settings readers take it: variable name to raw text. */
export type Env = Record<string, string | undefined>;

/**
 * The process environment, read afresh at each call: the dev launcher and the tests change it
 * while the process runs, so no setting is frozen at import time. This is the one place the
 * server reads `process.env`; every variable is then parsed by a schema in ./schemas.ts.
 */
export function currentEnv(): Env {
  return process.env;
}
