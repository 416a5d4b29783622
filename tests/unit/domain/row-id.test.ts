import { describe, expect, test } from 'vitest';
import { MAX_ROW_ID, parseRowId, rowIdSchema } from '@/lib/domain/row-id';

describe('row ids', () => {
  test('plain digits and numbers within the integer column are ids', () => {
    expect(parseRowId('1')).toBe(1);
    expect(parseRowId(String(MAX_ROW_ID))).toBe(MAX_ROW_ID);
    expect(rowIdSchema.parse(42)).toBe(42);
  });

  test.each(['', '0', '-1', 'abc', '0x1', '1e3', '1.0', ' 7', '7 ', '+7', '007', '99999999999999'])(
    '%j is no row id',
    (segment) => {
      expect(parseRowId(segment)).toBeUndefined();
    },
  );

  test('a number beyond the integer column or with a fraction is refused', () => {
    expect(rowIdSchema.safeParse(MAX_ROW_ID + 1).success).toBe(false);
    expect(rowIdSchema.safeParse(1.5).success).toBe(false);
  });
});
