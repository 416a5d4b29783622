import { Inflate } from 'fflate';
import { formatFromFileName } from './parse';
import { InvalidReportError, type ReportFormat } from './types';
import { readZipDirectory, type ZipEntry, type ZipLimits } from './zip-directory';

export interface ReportZipLimits extends ZipLimits {
  /** A single report past this is left packed rather than held in memory whole. */
  maxFileBytes: number;
}

export interface ReportZip {
  files: { path: string; format: ReportFormat; bytes: Uint8Array }[];
  /** Reports left packed because their declared size is over the limit. */
  tooLarge: { path: string; size: number }[];
}

const STORED = 0;
const DEFLATE = 8;
/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1032×. */
const INFLATE_STEP = 16 * 1024;

/**
 * The report files of a CI artifact's zip, in path order. The central directory is checked
 * first (entry count, declared total, overlaps: see readZipDirectory); then only reports within
 * `maxFileBytes` are inflated, each stopped as soon as it yields more than it declared.
 * Anything wrong with the zip is an InvalidReportError naming the reason.
 */
export function readReportZip(zip: Uint8Array, limits: ReportZipLimits): ReportZip {
  const files: ReportZip['files'] = [];
  const tooLarge: ReportZip['tooLarge'] = [];
  for (const entry of readZipDirectory(zip, limits)) {
    const format = formatFromFileName(entry.name);
    if (entry.name.endsWith('/') || format === undefined) continue;
    if (entry.size > limits.maxFileBytes) {
      tooLarge.push({ path: entry.name, size: entry.size });
      continue;
    }
    files.push({ path: entry.name, format, bytes: inflateEntry(zip, entry) });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, tooLarge };
}

function inflateEntry(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = zip.subarray(entry.dataStart, entry.dataEnd);
  if (entry.method === STORED) {
    if (data.length !== entry.size) lying(entry, data.length);
    return data.slice();
  }
  if (entry.method !== DEFLATE) {
    throw new InvalidReportError(`${entry.name} uses compression method ${entry.method}`);
  }
  const out = new Uint8Array(entry.size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > entry.size) lying(entry, written + chunk.length);
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let at = 0; at < data.length; at += INFLATE_STEP) {
      const end = Math.min(at + INFLATE_STEP, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
    if (data.length === 0) inflater.push(data, true);
  } catch (error) {
    if (error instanceof InvalidReportError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidReportError(`the artifact is not a readable zip: ${entry.name}: ${reason}`);
  }
  if (written !== entry.size) lying(entry, written);
  return out;
}

function lying(entry: ZipEntry, actual: number): never {
  const found = actual > entry.size ? `more than ${entry.size}` : String(actual);
  throw new InvalidReportError(
    `${entry.name} inflates to ${found} bytes, yet declares ${entry.size}`,
  );
}
