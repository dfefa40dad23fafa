import { Inflate } from "fflate";

// An XLSX upload is a zip archive, and a few hundred kilobytes of zip can
// declare, or simply inflate to, gigabytes. inspectZip reads the central
// directory and refuses out-of-bounds archives without inflating anything;
// inflateEntry then inflates one part only while its output stays within
// the size it declared, so the declared total also bounds the real one.

const MB = 1024 * 1024;
export const MAX_ZIP_ENTRIES = 1_000;
export const MAX_ZIP_UNCOMPRESSED_BYTES = 50 * MB;
export const MAX_ZIP_RATIO = 200;
/** Small parts (styles, rels) may compress better than 200:1 harmlessly; only larger ones are held to the ratio. */
export const ZIP_RATIO_CHECKED_ABOVE_BYTES = MB;
/** Compressed bytes per inflate step: deflate expands at most ~1,032:1, so one step yields at most ~4 MB. */
const INFLATE_STEP_BYTES = 4 * 1024;
/** Stored (uncompressed) parts are handed over in slices of this size, like inflated ones. */
const STORED_STEP_BYTES = 64 * 1024;

export type ZipLimits = {
  maxEntries: number;
  maxUncompressedBytes: number;
  maxRatio: number;
  ratioCheckedAboveBytes: number;
};
export const ZIP_LIMITS: ZipLimits = {
  maxEntries: MAX_ZIP_ENTRIES,
  maxUncompressedBytes: MAX_ZIP_UNCOMPRESSED_BYTES,
  maxRatio: MAX_ZIP_RATIO,
  ratioCheckedAboveBytes: ZIP_RATIO_CHECKED_ABOVE_BYTES,
};

export type ZipEntry = {
  name: string;
  method: 0 | 8;
  compressedSize: number;
  uncompressedSize: number;
  headerStart: number;
  dataStart: number;
};
/** `malformed`: the archive is damaged or of a kind not accepted; otherwise it broke a limit. Reasons read as "it …". */
export type ZipRefusal = { ok: false; malformed: boolean; reason: string };
export type ZipInspection = { ok: true; entries: ZipEntry[]; uncompressedBytes: number } | ZipRefusal;

/** Inflating a part failed or produced other than what the directory declared. */
export class ZipError extends Error {}

const SIG = { end: 0x06054b50, central: 0x02014b50, local: 0x04034b50 };
const FULL16 = 0xffff;
const FULL32 = 0xffffffff;
const count = (n: number) => n.toLocaleString("en-US");
const damaged = (reason = "its zip structure is damaged"): ZipRefusal => ({ ok: false, malformed: true, reason });
const overLimit = (reason: string): ZipRefusal => ({ ok: false, malformed: false, reason });
const names = new TextDecoder("utf-8");

/** Reads the central directory and checks what it declares. Pure: nothing is inflated. */
export function inspectZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipInspection {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end === -1) return damaged("it is not a zip archive");
  const [total, size, offset] = [
    view.getUint16(end + 10, true),
    view.getUint32(end + 12, true),
    view.getUint32(end + 16, true),
  ];
  if (total === FULL16 || size === FULL32 || offset === FULL32)
    return damaged("it is a ZIP64 archive, which is not accepted");
  if (
    view.getUint16(end + 4, true) !== 0 ||
    view.getUint16(end + 6, true) !== 0 ||
    view.getUint16(end + 8, true) !== total
  )
    return damaged("it is a split archive");
  if (total > limits.maxEntries) return overLimit(`it contains more than ${count(limits.maxEntries)} files`);
  // No prepended data: the directory ends exactly where its end record starts.
  if (offset + size !== end) return damaged();
  const entries: ZipEntry[] = [];
  let uncompressedBytes = 0;
  for (let i = 0, at = offset; i < total; i++) {
    const read = readCentralRecord(view, bytes, at, offset, end);
    if (!("entry" in read)) return read;
    const e = read.entry;
    uncompressedBytes += e.uncompressedSize;
    if (uncompressedBytes > limits.maxUncompressedBytes)
      return overLimit(`it would unpack to more than ${count(limits.maxUncompressedBytes / MB)} MB`);
    if (e.uncompressedSize > limits.ratioCheckedAboveBytes && e.uncompressedSize > limits.maxRatio * e.compressedSize) {
      return overLimit(`one of its parts is compressed more than ${limits.maxRatio}:1`);
    }
    entries.push(e);
    at = read.next;
    if (i === total - 1 && at !== end) return damaged();
  }
  return checkLayout(entries) ?? { ok: true, entries, uncompressedBytes };
}

/** The end-of-central-directory record; its comment must run exactly to the end of the file. */
function findEndRecord(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - FULL16; at--) {
    if (view.getUint32(at, true) === SIG.end && at + 22 + view.getUint16(at + 20, true) === view.byteLength) return at;
  }
  return -1;
}

function readCentralRecord(
  view: DataView,
  bytes: Uint8Array,
  at: number,
  directoryStart: number,
  directoryEnd: number,
): { entry: ZipEntry; next: number } | ZipRefusal {
  if (at + 46 > directoryEnd || view.getUint32(at, true) !== SIG.central) return damaged();
  const [flags, method] = [view.getUint16(at + 8, true), view.getUint16(at + 10, true)];
  const [compressedSize, uncompressedSize] = [view.getUint32(at + 20, true), view.getUint32(at + 24, true)];
  const [nameLength, extraLength, commentLength] = [
    view.getUint16(at + 28, true),
    view.getUint16(at + 30, true),
    view.getUint16(at + 32, true),
  ];
  const headerStart = view.getUint32(at + 42, true);
  const next = at + 46 + nameLength + extraLength + commentLength;
  if (next > directoryEnd) return damaged();
  if (compressedSize === FULL32 || uncompressedSize === FULL32 || headerStart === FULL32)
    return damaged("it is a ZIP64 archive, which is not accepted");
  if (flags & 1) return damaged("it is password-protected");
  if (method !== 0 && method !== 8) return damaged("it uses a compression method other than deflate");
  if (method === 0 && compressedSize !== uncompressedSize) return damaged();
  // The local header, as JSZip or any reader would find it: its own name and extra lengths decide where the data starts.
  if (headerStart + 30 > directoryStart || view.getUint32(headerStart, true) !== SIG.local) return damaged();
  const dataStart = headerStart + 30 + view.getUint16(headerStart + 26, true) + view.getUint16(headerStart + 28, true);
  if (dataStart + compressedSize > directoryStart) return damaged();
  const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replace(/^\/+/, "");
  return { entry: { name, method: method as 0 | 8, compressedSize, uncompressedSize, headerStart, dataStart }, next };
}

/** Two names for one body (the overlapping-files bomb) or one name twice: both are refused. */
function checkLayout(entries: ZipEntry[]): ZipRefusal | null {
  if (new Set(entries.map((e) => e.name)).size !== entries.length) return damaged("it names the same part twice");
  const byOffset = [...entries].sort((a, b) => a.headerStart - b.headerStart);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1]!;
    if (prev.dataStart + prev.compressedSize > byOffset[i]!.headerStart) return damaged("its parts overlap");
  }
  return null;
}

/**
 * Inflates one part, handing its output to `onData` chunk by chunk, and stops
 * with a ZipError as soon as the output passes the declared size (or falls
 * short of it at the end). Errors thrown by `onData` pass through unchanged.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, onData: (chunk: Uint8Array) => void): void {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += STORED_STEP_BYTES) onData(data.subarray(at, at + STORED_STEP_BYTES));
    return;
  }
  let produced = 0;
  let consumerFailed = false;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.uncompressedSize) throw new ZipError("a part of it unpacks to more than it declares");
    if (!chunk.length) return;
    try {
      onData(chunk);
    } catch (e) {
      consumerFailed = true;
      throw e;
    }
  });
  try {
    for (let at = 0; ; at += INFLATE_STEP_BYTES) {
      const last = at + INFLATE_STEP_BYTES >= data.length;
      inflater.push(data.subarray(at, at + INFLATE_STEP_BYTES), last);
      if (last) break;
    }
  } catch (e) {
    if (e instanceof ZipError || consumerFailed) throw e;
    throw new ZipError("a part of it is damaged");
  }
  if (produced !== entry.uncompressedSize) throw new ZipError("a part of it unpacks to less than it declares");
}
