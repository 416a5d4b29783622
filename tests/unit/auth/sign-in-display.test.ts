import { describe, expect, test } from 'vitest';
import { initials } from '@/components/auth/avatar';

describe('initials', () => {
  test('first and last name, upper-cased', () => {
    expect(initials('Tomás Havel')).toBe('TH');
    expect(initials('mara van der lindqvist')).toBe('ML');
  });

  test('one word gives one letter; an empty name a question mark', () => {
    expect(initials('octocat')).toBe('O');
    expect(initials('   ')).toBe('?');
  });
});
