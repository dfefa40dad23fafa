import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";

// Webhook URLs are typed by admins but fetched by the server, from inside the
// network: without a guard an endpoint could read the cloud metadata service
// (169.254.169.254), an internal admin page or the database. So only http(s),
// and only public addresses: every address the name resolves to is checked,
// and the connection is pinned to the checked one (DNS rebinding cannot swap
// it between the check and the connect). WEBHOOKS_ALLOW_PRIVATE=1 lifts the
// address rule for on-premises receivers.

export type AddressKind =
  | "public"
  | "unspecified"
  | "loopback"
  | "private"
  | "link-local"
  | "shared"
  | "multicast"
  | "reserved"
  | "documentation"
  | "unique-local";

export type LookupAddress = { address: string; family: 4 | 6 };
/** Resolves a host name to all its addresses (dns.lookup with all: true); tests inject their own. */
export type WebhookLookup = (hostname: string) => Promise<LookupAddress[]>;

export class BlockedWebhookTarget extends Error {}

type Range = [prefix: number[], bits: number, kind: AddressKind];

const V4: Range[] = [
  [[0], 8, "unspecified"],
  [[10], 8, "private"],
  [[100, 64], 10, "shared"], // carrier-grade NAT
  [[127], 8, "loopback"],
  [[169, 254], 16, "link-local"], // incl. the metadata service 169.254.169.254
  [[172, 16], 12, "private"],
  [[192, 0, 0], 24, "reserved"],
  [[192, 0, 2], 24, "documentation"],
  [[192, 88, 99], 24, "reserved"],
  [[192, 168], 16, "private"],
  [[198, 18], 15, "reserved"], // benchmarking
  [[198, 51, 100], 24, "documentation"],
  [[203, 0, 113], 24, "documentation"],
  [[224], 4, "multicast"],
  [[240], 4, "reserved"], // incl. 255.255.255.255
];

const V6: Range[] = [
  [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64, "reserved"], // discard
  [[0x20, 0x01, 0x0d, 0xb8], 32, "documentation"],
  [[0x20, 0x01, 0x00, 0x00], 32, "reserved"], // Teredo: tunnels to an IPv4 address we cannot see
  [[0xfc], 7, "unique-local"],
  [[0xfe, 0x80], 10, "link-local"],
  [[0xfe, 0xc0], 10, "private"], // deprecated site-local
  [[0xff], 8, "multicast"],
];

function inRange(bytes: number[], [prefix, bits]: Range): boolean {
  for (let i = 0; i < bits; i++) {
    const bit = (b: number) => (b >> (7 - (i % 8))) & 1;
    if (bit(bytes[Math.floor(i / 8)]!) !== bit(prefix[Math.floor(i / 8)] ?? 0)) return false;
  }
  return true;
}

/** Sixteen bytes of an IPv6 address (zone id dropped, a trailing dotted quad allowed), or null. */
function ipv6Bytes(ip: string): number[] | null {
  let s = ip.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (isIP(s) !== 6) return null;
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (quad) {
    const b = quad[1]!.split(".").map(Number);
    s = s.slice(0, -quad[1]!.length) + `${((b[0]! << 8) | b[1]!).toString(16)}:${((b[2]! << 8) | b[3]!).toString(16)}`;
  }
  const [head, tail] = s.includes("::") ? s.split("::") : [s, undefined];
  const parts = (x: string | undefined) => (x ? x.split(":") : []);
  const h = parts(head);
  const t = parts(tail);
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
  if (groups.length !== 8) return null;
  return groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

/** What kind of address this is; anything but "public" is refused unless private targets are allowed. */
export function classifyAddress(ip: string): AddressKind {
  if (isIP(ip) === 4) {
    const bytes = ip.split(".").map(Number);
    return V4.find((r) => inRange(bytes, r))?.[2] ?? "public";
  }
  const b = ipv6Bytes(ip);
  if (!b) return "reserved";
  const zeros = (n: number) => b.slice(0, n).every((x) => x === 0);
  const v4 = (from: number) => classifyAddress(b.slice(from, from + 4).join("."));
  if (zeros(16)) return "unspecified";
  if (zeros(15) && b[15] === 1) return "loopback";
  // IPv4 inside IPv6: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002::/16).
  if (zeros(10) && b[10] === 0xff && b[11] === 0xff) return v4(12);
  if (zeros(12)) return v4(12);
  if (inRange(b, [[0x00, 0x64, 0xff, 0x9b], 96, "reserved"])) return v4(12);
  if (b[0] === 0x20 && b[1] === 0x02) return v4(2);
  return V6.find((r) => inRange(b, r))?.[2] ?? "public";
}

export const isPublicAddress = (ip: string) => classifyAddress(ip) === "public";

/** The URL if it is http(s) without credentials; null otherwise. */
export function parseWebhookUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || !url.hostname) return null;
  return url;
}

/** The URL's host when it is an IP literal ("[::1]" → "::1"), else null. */
function literalAddress(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return isIP(host) ? host : null;
}

/**
 * Why this URL may not be registered, or null: not http(s), credentials in it, or (unless private targets are
 * allowed) a literal non-public address or a localhost name. Other names are checked when delivering.
 */
export function webhookUrlProblem(raw: string, { allowPrivate }: { allowPrivate: boolean }): string | null {
  const url = parseWebhookUrl(raw);
  if (!url) return "Use an http:// or https:// URL without a user name or password.";
  if (allowPrivate) return null;
  const literal = literalAddress(url);
  const local = /(^|\.)localhost\.?$/i.test(url.hostname);
  if (local || (literal && !isPublicAddress(literal)))
    return "That address is on a private or local network; webhooks go to public addresses only.";
  return null;
}

export const systemLookup: WebhookLookup = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/**
 * The address to connect to for this URL: its literal, or what its name resolves to, every answer checked
 * (one private answer is enough to refuse: the OS might pick it). Throws BlockedWebhookTarget.
 */
export async function resolveWebhookTarget(
  raw: string,
  { lookup = systemLookup, allowPrivate }: { lookup?: WebhookLookup; allowPrivate: boolean },
): Promise<LookupAddress> {
  const url = parseWebhookUrl(raw);
  if (!url) throw new BlockedWebhookTarget("Not an http(s) URL.");
  const literal = literalAddress(url);
  const addresses: LookupAddress[] = literal
    ? [{ address: literal, family: isIP(literal) === 6 ? 6 : 4 }]
    : await lookup(url.hostname.replace(/\.$/, ""));
  if (addresses.length === 0) throw new BlockedWebhookTarget(`${url.hostname} did not resolve.`);
  if (!allowPrivate) {
    const bad = addresses.find((a) => !isPublicAddress(a.address));
    if (bad) throw new BlockedWebhookTarget(`Refused: ${bad.address} is a ${classifyAddress(bad.address)} address.`);
  }
  return addresses[0]!;
}
