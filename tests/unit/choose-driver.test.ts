import { describe, expect, test } from 'vitest';
import { chooseDriver } from '@/db/client';

describe('chooseDriver', () => {
  test('uses embedded PGlite when there is no database URL', () => {
    expect(chooseDriver(undefined)).toBe('pglite');
    expect(chooseDriver('')).toBe('pglite');
  });

  test.each([
    'postgres://user:secret@ep-cool-river-123456.us-east-2.aws.neon.tech/app?sslmode=require',
    'postgresql://user:secret@ep-cool-river-123456-pooler.eu-central-1.aws.neon.tech/app',
    'postgres://user:secret@ep-quiet-sea-42.neon.build/app',
  ])('uses the Neon serverless driver for a Neon host: %s', (url) => {
    expect(chooseDriver(url)).toBe('neon');
  });

  test.each([
    'postgres://postgres@127.0.0.1:5432/test',
    'postgresql://app:secret@db.internal:6543/app',
    // A host that merely mentions neon is not Neon.
    'postgres://app@neon.tech.example.com/app',
    'postgres://app@myneon.tech/app',
  ])('uses node-postgres for any other PostgreSQL URL: %s', (url) => {
    expect(chooseDriver(url)).toBe('postgres');
  });
});
