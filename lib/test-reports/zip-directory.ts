import { InvalidReportError } from './types';

/** What an artifact may hold before anything in it is inflated. */
export interface ZipLimits {
  maxEntries: number;
  /** The sum of every entry's inflated size, as the central directory declares it. */
  maxTotalBytes: number;
}

/** One file as the central directory declares it, with where its data lies in the zip. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate (the only two a report can use). */
  method: number;
  compressedSize: number;
  size: number;
  /** Where its local header starts, and where its data starts and ends. */
  headerStart: number;
  dataStart: number;
  dataEnd: number;
}

// The record layouts: https://pkware.cachefly.net/webdocs/casestudies/APPNOTE.TXT (4.3.7, 4.3.12, 4.3.16)
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;
const ENCRYPTED_FLAG = 0x1;

const refuse = (reason: string): never => {
  throw new InvalidReportError(`the artifact is not a readable zip: ${reason}`);
};

function findEndRecord(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - END_RECORD_BYTES - MAX_COMMENT_BYTES);
  for (let at = view.byteLength - END_RECORD_BYTES; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) return at;
  }
  return refuse('no end of central directory record');
}

/**
 * The entries of a zip, read from its central directory and checked before a byte is inflated:
 * no more than `maxEntries`, no more than `maxTotalBytes` declared in all, and every entry's
 * local header and data inside the file, apart from every other entry's and from the directory.
 * Entries that share their data are how a small zip declares gigabytes
 * (https://www.bamsoftware.com/hacks/zipbomb/), so an overlap refuses the whole artifact.
 * ZIP64 and multi-disk archives are refused too: an artifact within the limits never needs them.
 */
export function readZipDirectory(zip: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  if (view.byteLength < END_RECORD_BYTES) refuse('too short to be a zip');
  const end = findEndRecord(view);
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryStart = view.getUint32(end + 16, true);
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0) {
    refuse('multi-disk archives are not read');
  }
  if (count === 0xffff || directoryStart === 0xffffffff) refuse('ZIP64 archives are not read');
  if (count > limits.maxEntries) {
    throw new InvalidReportError(
      `the artifact holds ${count} files, over the limit of ${limits.maxEntries}`,
    );
  }
  if (directoryStart + directorySize > end) refuse('the central directory lies outside the file');

  const entries: ZipEntry[] = [];
  let declared = 0;
  let at = directoryStart;
  for (let index = 0; index < count; index++) {
    if (at + 46 > directoryStart + directorySize || view.getUint32(at, true) !== DIRECTORY_HEADER) {
      refuse(`central directory entry ${index + 1} is damaged`);
    }
    const nameLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
    const entry = localEntry(view, {
      name,
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      headerStart: view.getUint32(at + 42, true),
      directoryStart,
    });
    declared += entry.size;
    if (declared > limits.maxTotalBytes) {
      throw new InvalidReportError(
        `the artifact declares more than ${limits.maxTotalBytes} bytes once inflated`,
      );
    }
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  refuseOverlaps(entries);
  return entries;
}

function localEntry(
  view: DataView,
  declared: {
    name: string;
    flags: number;
    method: number;
    compressedSize: number;
    size: number;
    headerStart: number;
    directoryStart: number;
  },
): ZipEntry {
  const { name, flags, headerStart, directoryStart } = declared;
  if (flags & ENCRYPTED_FLAG) refuse(`${name} is encrypted`);
  if (headerStart + 30 > directoryStart || view.getUint32(headerStart, true) !== LOCAL_HEADER) {
    refuse(`${name} has no local header where the directory says`);
  }
  const dataStart =
    headerStart +
    30 +
    view.getUint16(headerStart + 26, true) +
    view.getUint16(headerStart + 28, true);
  const dataEnd = dataStart + declared.compressedSize;
  if (dataEnd > directoryStart) refuse(`${name} runs into the central directory`);
  return {
    name,
    method: declared.method,
    compressedSize: declared.compressedSize,
    size: declared.size,
    headerStart,
    dataStart,
    dataEnd,
  };
}

function refuseOverlaps(entries: readonly ZipEntry[]): void {
  const byStart = [...entries].sort((a, b) => a.headerStart - b.headerStart);
  for (let index = 1; index < byStart.length; index++) {
    const previous = byStart[index - 1]!;
    const entry = byStart[index]!;
    if (entry.headerStart < previous.dataEnd) {
      throw new InvalidReportError(
        `the artifact's entries ${previous.name} and ${entry.name} overlap (a zip bomb's shape)`,
      );
    }
  }
}
