import { describe, expect, it } from "vitest";

import { classifyAddress, resolveWebhookTarget, webhookUrlProblem } from "@/lib/webhooks/ssrf";

describe("webhook address classification", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["10.0.0.1", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "shared"],
    ["100.127.255.254", "shared"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["fe80::1", "link-local"],
    ["febf::1", "link-local"],
    ["fc00::1", "unique-local"],
    ["fd12:3456::1", "unique-local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:169.254.169.254", "link-local"],
    ["::ffff:10.1.2.3", "private"],
    ["64:ff9b::a9fe:a9fe", "link-local"],
    ["2002:c0a8:0101::1", "private"],
    ["2001:db8::1", "documentation"],
    ["fe80::1%eth0", "link-local"],
  ])("%s is %s", (ip, kind) => expect(classifyAddress(ip)).toBe(kind));

  it.each([
    "8.8.8.8",
    "93.184.215.14",
    "172.32.0.1",
    "100.128.0.1",
    "2606:4700::1111",
    "::ffff:8.8.8.8",
    "2002:0808:0808::1",
  ])("%s is public", (ip) => expect(classifyAddress(ip)).toBe("public"));
});

describe("webhook URLs", () => {
  const off = { allowPrivate: false };
  it("accepts public http(s) URLs and refuses other schemes, credentials and local literals", () => {
    expect(webhookUrlProblem("https://hooks.example.com/x", off)).toBeNull();
    expect(webhookUrlProblem("http://8.8.8.8:8080/x", off)).toBeNull();
    for (const url of [
      "ftp://a.example/x",
      "javascript:alert(1)",
      "data:text/plain,x",
      "https://u:p@a.example/",
      "not a url",
    ])
      expect(webhookUrlProblem(url, off)).toMatch(/http/);
    for (const url of [
      "http://127.1/",
      "http://0x7f000001/",
      "http://[::1]/",
      "http://localhost/",
      "http://a.localhost/",
      "http://[::ffff:a9fe:a9fe]/",
    ])
      expect(webhookUrlProblem(url, off)).toMatch(/private or local/);
    expect(webhookUrlProblem("http://127.0.0.1/", { allowPrivate: true })).toBeNull();
  });

  it("checks every address a name resolves to and pins the first", async () => {
    const lookup = async (h: string) =>
      h === "ok.example.test"
        ? [{ address: "8.8.8.8", family: 4 as const }]
        : [
            { address: "8.8.4.4", family: 4 as const },
            { address: "10.0.0.1", family: 4 as const },
          ];
    await expect(resolveWebhookTarget("https://ok.example.test/x", { lookup, allowPrivate: false })).resolves.toEqual({
      address: "8.8.8.8",
      family: 4,
    });
    await expect(resolveWebhookTarget("https://mixed.example.test/x", { lookup, allowPrivate: false })).rejects.toThrow(
      /10\.0\.0\.1 is a private address/,
    );
    await expect(resolveWebhookTarget("http://[::1]:80/", { lookup, allowPrivate: false })).rejects.toThrow(/loopback/);
    await expect(resolveWebhookTarget("http://[::1]:80/", { lookup, allowPrivate: true })).resolves.toEqual({
      address: "::1",
      family: 6,
    });
  });
});
