import pg from 'pg';

/** The same server as `serverUrl`, another database on it. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(
  serverUrl: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function createDatabase(serverUrl: string, name: string, template?: string): Promise<void> {
  const from = template ? ` TEMPLATE ${quote(template)}` : '';
  return withAdmin(serverUrl, async (client) => {
    await client.query(`CREATE DATABASE ${quote(name)}${from}`);
  });
}

/** How long a drop waits for a pool that has just ended to finish closing its connections. */
const CLOSING_CONNECTIONS_MAX_WAIT_MS = 5_000;

export function dropDatabase(serverUrl: string, name: string): Promise<void> {
  return withAdmin(serverUrl, async (client) => {
    // A Neon-driver pool resolves end() before its WebSocket connections have finished closing
    // through the relay; FORCE would then kill a client mid-goodbye, which surfaces as an
    // unhandled "terminating connection" error in the test file. Let them finish first.
    const deadline = Date.now() + CLOSING_CONNECTIONS_MAX_WAIT_MS;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ open: number }>(
        'SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1',
        [name],
      );
      if ((rows[0]?.open ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await client.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
  });
}

/** Drops every database a test run created, including those a crashed test file left behind. */
export function dropDatabasesWithPrefix(serverUrl: string, prefix: string): Promise<void> {
  return withAdmin(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [prefix],
    );
    for (const { datname } of rows) {
      await client.query(`DROP DATABASE IF EXISTS ${quote(datname)} WITH (FORCE)`);
    }
  });
}

/**
 * Drops `envboard_test_<pid>_…` databases whose run is no longer alive on this machine: a run
 * killed before its teardown would otherwise leave them on the server for good.
 */
export function dropAbandonedDatabases(serverUrl: string): Promise<void> {
  return withAdmin(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname ~ '^envboard_test_[0-9]+_'`,
    );
    for (const { datname } of rows) {
      const pid = Number(datname.split('_')[2]);
      if (isAlive(pid)) continue;
      // Another project of this run may be dropping the same one right now.
      await client.query(`DROP DATABASE IF EXISTS ${quote(datname)} WITH (FORCE)`).catch(() => {});
    }
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
