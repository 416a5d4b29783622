import { strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { readReportZip } from '@/lib/test-reports/artifact-zip';
import { InvalidReportError } from '@/lib/test-reports/types';
import {
  zipDeclaringSize,
  zipWithEntries,
  zipWithOverlappingEntries,
} from '../../fixtures/test-reports/zip-bombs';

const LIMITS = { maxEntries: 1_000, maxTotalBytes: 100 * 1024 * 1024, maxFileBytes: 1024 };

describe('readReportZip', () => {
  test('keeps the .xml and .json reports in path order and nothing else', () => {
    const zip = zipSync({
      'unit/junit.xml': strToU8('<testsuites/>'),
      'e2e/results.json': strToU8('{"suites": []}'),
      'e2e/trace.zip': new Uint8Array([1, 2, 3]),
      'screens/': {},
    });
    const { files, tooLarge } = readReportZip(zip, LIMITS);
    expect(files.map(({ path, format, bytes }) => [path, format, strFromU8(bytes)])).toEqual([
      ['e2e/results.json', 'playwright', '{"suites": []}'],
      ['unit/junit.xml', 'junit', '<testsuites/>'],
    ]);
    expect(tooLarge).toEqual([]);
  });

  test('leaves a report over the limit packed and names it with its size', () => {
    const zip = zipSync({ 'big.xml': strToU8('x'.repeat(2048)), 'small.xml': strToU8('<a/>') });
    const { files, tooLarge } = readReportZip(zip, LIMITS);
    expect(files.map((file) => file.path)).toEqual(['small.xml']);
    expect(tooLarge).toEqual([{ path: 'big.xml', size: 2048 }]);
  });

  test('a body that is no zip is an invalid report, not a crash', () => {
    expect(() => readReportZip(strToU8('<html>not found</html>'), LIMITS)).toThrow(
      InvalidReportError,
    );
    expect(() => readReportZip(strToU8('<html>not found</html>'), LIMITS)).toThrow(
      /^the artifact is not a readable zip: /,
    );
  });

  test('a tiny zip whose directory declares gigabytes is refused before anything is inflated', () => {
    const bomb = zipDeclaringSize('<testsuites/>', 0xfffffffe);
    expect(bomb.length).toBeLessThan(200);
    expect(() => readReportZip(bomb, { ...LIMITS, maxFileBytes: 0xffffffff })).toThrow(
      new InvalidReportError(
        `the artifact declares more than ${LIMITS.maxTotalBytes} bytes once inflated`,
      ),
    );
  });

  test('more entries than the limit are refused from the directory alone', () => {
    expect(() => readReportZip(zipWithEntries(1_001), LIMITS)).toThrow(
      new InvalidReportError('the artifact holds 1001 files, over the limit of 1000'),
    );
    expect(readReportZip(zipWithEntries(1_000), LIMITS).files).toEqual([]);
  });

  test('entries that share their data (the overlapping bomb) are refused', () => {
    const bomb = zipWithOverlappingEntries('<testsuites/>'.repeat(50), 5);
    expect(() => readReportZip(bomb, LIMITS)).toThrow(
      /^the artifact's entries r\d\.xml and r\d\.xml overlap \(a zip bomb's shape\)$/,
    );
    // The same kernel once is an ordinary report.
    const single = zipWithOverlappingEntries('<testsuites/>'.repeat(50), 1);
    expect(readReportZip(single, LIMITS).files.map((file) => file.path)).toEqual(['r0.xml']);
  });

  test('a report that inflates past its declared size is stopped there', () => {
    const lying = zipDeclaringSize('<testsuites/>'.padEnd(5_000, ' '), 100);
    expect(() => readReportZip(lying, LIMITS)).toThrow(
      new InvalidReportError('junit.xml inflates to more than 100 bytes, yet declares 100'),
    );
  });

  test('a report that inflates to less than it declares is refused as damaged', () => {
    const short = zipDeclaringSize('<testsuites/>', 500);
    expect(() => readReportZip(short, LIMITS)).toThrow(
      new InvalidReportError('junit.xml inflates to 13 bytes, yet declares 500'),
    );
  });
});
