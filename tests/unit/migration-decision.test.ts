import { describe, expect, test } from 'vitest';
import { decideMigration, endpointHost } from '@/lib/build/migration-decision';

const PRODUCTION = 'ep-calm-sun-123456.us-east-2.aws.neon.tech';
const url = (host: string) => `postgresql://app:secret@${host}/neondb?sslmode=require`;

describe('which Vercel builds run the migrations', () => {
  // vercelEnv, DATABASE_URL, PRODUCTION_DATABASE_HOST → action
  test.each([
    ['production', url(PRODUCTION), PRODUCTION, 'migrate'],
    ['production', url(PRODUCTION), undefined, 'migrate'],
    ['production', undefined, PRODUCTION, 'refuse'],
    ['production', 'mysql://x@db.example.com/app', undefined, 'refuse'],
    ['preview', url('ep-bold-moon-654321.us-east-2.aws.neon.tech'), PRODUCTION, 'migrate'],
    ['preview', url('ep-bold-moon-654321-pooler.us-east-2.aws.neon.tech'), PRODUCTION, 'migrate'],
    ['preview', url(PRODUCTION), PRODUCTION, 'skip'],
    ['preview', url('ep-calm-sun-123456-pooler.us-east-2.aws.neon.tech'), PRODUCTION, 'skip'],
    ['preview', url(PRODUCTION.toUpperCase()), PRODUCTION, 'skip'],
    ['preview', url('ep-bold-moon-654321.us-east-2.aws.neon.tech'), undefined, 'skip'],
    ['preview', undefined, PRODUCTION, 'skip'],
    ['preview', 'not a url', PRODUCTION, 'refuse'],
    ['development', url(PRODUCTION), PRODUCTION, 'skip'],
    [undefined, url(PRODUCTION), PRODUCTION, 'skip'],
  ] as const)(
    '%s build, DATABASE_URL %s, production host %s: %s',
    (vercelEnv, databaseUrl, host, action) => {
      const decision = decideMigration({ vercelEnv, databaseUrl, productionDatabaseHost: host });
      expect(decision.action).toBe(action);
    },
  );

  test("a preview on production's database is told why it is not migrated", () => {
    const decision = decideMigration({
      vercelEnv: 'preview',
      databaseUrl: url(`${PRODUCTION.replace('.us', '-pooler.us')}`),
      productionDatabaseHost: PRODUCTION,
    });
    expect(decision.reason).toMatch(/points at production's database/);
  });

  test('no reason ever carries the password of the connection string', () => {
    for (const vercelEnv of ['production', 'preview', undefined]) {
      const decision = decideMigration({
        vercelEnv,
        databaseUrl: url('ep-bold-moon-654321.us-east-2.aws.neon.tech'),
        productionDatabaseHost: PRODUCTION,
      });
      expect(decision.reason).not.toContain('secret');
    }
  });
});

test("a Neon endpoint's pooled and direct hosts are the same endpoint", () => {
  expect(endpointHost('ep-a-1-pooler.eu-central-1.aws.neon.tech')).toBe(
    endpointHost('ep-a-1.eu-central-1.aws.neon.tech'),
  );
  expect(endpointHost('db.pooler.example.com')).toBe('db.pooler.example.com');
});
