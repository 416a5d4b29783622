import { strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { readReportZip } from '@/lib/test-reports/artifact-zip';
import { InvalidReportError } from '@/lib/test-reports/types';

describe('readReportZip', () => {
  test('keeps the .xml and .json reports in path order and nothing else', () => {
    const zip = zipSync({
      'unit/junit.xml': strToU8('<testsuites/>'),
      'e2e/results.json': strToU8('{"suites": []}'),
      'e2e/trace.zip': new Uint8Array([1, 2, 3]),
      'screens/': {},
    });
    const { files, tooLarge } = readReportZip(zip, 1024);
    expect(files.map(({ path, format, bytes }) => [path, format, strFromU8(bytes)])).toEqual([
      ['e2e/results.json', 'playwright', '{"suites": []}'],
      ['unit/junit.xml', 'junit', '<testsuites/>'],
    ]);
    expect(tooLarge).toEqual([]);
  });

  test('leaves a report over the limit packed and names it with its size', () => {
    const zip = zipSync({ 'big.xml': strToU8('x'.repeat(2048)), 'small.xml': strToU8('<a/>') });
    const { files, tooLarge } = readReportZip(zip, 1024);
    expect(files.map((file) => file.path)).toEqual(['small.xml']);
    expect(tooLarge).toEqual([{ path: 'big.xml', size: 2048 }]);
  });

  test('a body that is no zip is an invalid report, not a crash', () => {
    expect(() => readReportZip(strToU8('<html>not found</html>'), 1024)).toThrow(
      InvalidReportError,
    );
    expect(() => readReportZip(strToU8('<html>not found</html>'), 1024)).toThrow(
      /^the artifact is not a readable zip: /,
    );
  });
});
