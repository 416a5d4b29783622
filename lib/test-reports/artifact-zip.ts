import { unzipSync } from 'fflate';
import { formatFromFileName } from './parse';
import { InvalidReportError, type ReportFormat } from './types';

export interface ReportZip {
  files: { path: string; format: ReportFormat; bytes: Uint8Array }[];
  /** Reports left packed because their declared size is over the limit. */
  tooLarge: { path: string; size: number }[];
}

/**
 * The report files of a CI artifact's zip, in path order. Nothing else (traces, screenshots) is
 * inflated, nor a report whose declared size is over `maxFileBytes`: fflate inflates an entry
 * into a buffer of its declared size, so a lying header cannot make it larger.
 */
export function readReportZip(zip: Uint8Array, maxFileBytes: number): ReportZip {
  const tooLarge: ReportZip['tooLarge'] = [];
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip, {
      filter: (file) => {
        if (file.name.endsWith('/') || formatFromFileName(file.name) === undefined) return false;
        if (file.originalSize <= maxFileBytes) return true;
        tooLarge.push({ path: file.name, size: file.originalSize });
        return false;
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidReportError(`the artifact is not a readable zip: ${reason}`);
  }
  const files = Object.keys(entries)
    .sort()
    .map((path) => ({
      path,
      format: formatFromFileName(path) as ReportFormat,
      bytes: entries[path]!,
    }));
  return { files, tooLarge };
}
