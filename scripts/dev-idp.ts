/**
 * A development OpenID Connect identity provider (oidc-provider) on loopback,
 * for `npm run demo` and the end-to-end tests. It signs in the demo
 * organisation's people (plus a user from a domain that is not allowed and
 * one with an unverified email) through the same OIDC flow as a real IdP.
 *
 *   npx tsx scripts/dev-idp.ts   (env: DEV_IDP_PORT, DEV_IDP_APP_URLS, DEV_IDP_CLIENT_SECRET)
 *
 * Not for production: it refuses to start when NODE_ENV=production unless
 * DEV_IDP_ALLOW_PRODUCTION=1, and it lets anyone pick any account.
 */
import { createHash, generateKeyPairSync } from "node:crypto";
import http from "node:http";
import Provider from "oidc-provider";

import { DEMO_DOMAIN, DEMO_PEOPLE } from "../db/seed/demo-people";

if (process.env.NODE_ENV === "production" && process.env.DEV_IDP_ALLOW_PRODUCTION !== "1") {
  console.error("dev-idp: refusing to run with NODE_ENV=production (it signs in anyone as anyone).");
  process.exit(1);
}

const port = Number(process.env.DEV_IDP_PORT ?? 4400);
const issuer = `http://127.0.0.1:${port}`;
const appUrls = (process.env.DEV_IDP_APP_URLS ?? "http://localhost:3000,http://127.0.0.1:3000")
  .split(",")
  .map((u) => u.trim().replace(/\/+$/, ""));
const DEV_CLIENT_ID = "skillgrid";
const clientSecret = process.env.DEV_IDP_CLIENT_SECRET ?? "skillgrid-dev-secret";

type Account = {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  locale: string;
  group: "org" | "outside";
  note: string;
};
const accountId = (email: string) => `acct-${createHash("sha256").update(email).digest("hex").slice(0, 16)}`;
const ACCOUNTS: Account[] = [
  ...DEMO_PEOPLE.map((p) => ({
    id: accountId(p.email),
    email: p.email,
    name: p.name,
    emailVerified: true,
    locale: p.locale,
    group: "org" as const,
    note: p.lead ? `${p.role} · lead` : p.role,
  })),
  {
    id: accountId("eve@evil.test"),
    email: "eve@evil.test",
    name: "Eve Outsider",
    emailVerified: true,
    locale: "en",
    group: "outside",
    note: "domain not allowed",
  },
  {
    id: accountId(`unverified@${DEMO_DOMAIN}`),
    email: `unverified@${DEMO_DOMAIN}`,
    name: "Una Verified",
    emailVerified: false,
    locale: "en",
    group: "outside",
    note: "email not verified",
  },
];
const byId = new Map(ACCOUNTS.map((a) => [a.id, a]));

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: "jwk" }), kid: "dev-idp", use: "sig", alg: "RS256" };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: DEV_CLIENT_ID,
      client_secret: clientSecret,
      redirect_uris: appUrls.map((u) => `${u}/api/auth/callback/oidc`),
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  jwks: { keys: [jwk as never] },
  cookies: { keys: ["dev-idp-cookie-key-not-secret"] },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "locale"] },
  // Put the requested claims in the ID token (next-auth reads them there).
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  ttl: { AccessToken: 3600, AuthorizationCode: 60, IdToken: 3600, Interaction: 3600, Grant: 86400, Session: 86400 },
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(_ctx, id) {
    const account = byId.get(id);
    if (!account) return undefined;
    return {
      accountId: id,
      claims: async () => ({
        sub: id,
        email: account.email,
        email_verified: account.emailVerified,
        name: account.name,
        locale: account.locale,
      }),
    };
  },
  // First-party client: consent is implied, never asked.
  async loadExistingGrant(ctx) {
    const session = ctx.oidc.session!;
    const client = ctx.oidc.client!;
    const existing = session.grantIdFor(client.clientId);
    if (existing) return ctx.oidc.provider.Grant.find(existing);
    const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId! });
    grant.addOIDCScope("openid email profile");
    await grant.save();
    return grant;
  },
});

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid: string): string {
  const group = (g: Account["group"]) =>
    ACCOUNTS.filter((a) => a.group === g)
      .map(
        (a) =>
          `<button type="submit" name="account" value="${a.id}"><strong>${escapeHtml(a.name)}</strong><span>${escapeHtml(a.email)} · ${escapeHtml(a.note)}</span></button>`,
      )
      .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dev identity provider</title>
<style>body{font:14px system-ui,sans-serif;background:#f4f5f8;margin:0;padding:32px;color:#1f2433}main{max-width:760px;margin:auto}
h1{font-size:20px;margin:0 0 4px}p{color:#5b6170;margin:0 0 16px}h2{font-size:14px;margin:24px 0 8px}
form div{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:8px}
button{display:flex;flex-direction:column;align-items:flex-start;gap:2px;text-align:left;padding:10px 12px;border:1px solid #d9dce3;border-radius:8px;background:#fff;cursor:pointer;font:inherit}
button:hover,button:focus{border-color:#3b4ba8;outline:2px solid #3b4ba8}button span{color:#5b6170;font-size:12px}</style></head>
<body><main><h1>Development identity provider</h1><p>Pick who to sign in as. This stands in for your company's IdP (Okta, Entra ID, Google Workspace, Keycloak…) and speaks the same OpenID Connect.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/login"><h2>Acme AI (${DEMO_DOMAIN})</h2><div>${group("org")}</div><h2>Not admitted</h2><div>${group("outside")}</div></form></main></body></html>`;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

const oidc = provider.callback();
const server = http.createServer(async (req, res) => {
  const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url?.split("?")[0] ?? "");
  if (!match) return oidc(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    if (req.method === "GET") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      return res.end(loginPage(details.uid));
    }
    const account = (await readForm(req)).get("account") ?? "";
    if (match[2] && byId.has(account)) {
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: account } },
        { mergeWithLastSubmission: false },
      );
    }
    res.writeHead(400).end("Unknown account");
  } catch (e) {
    res
      .writeHead(400, { "content-type": "text/plain" })
      .end(`Interaction failed: ${e instanceof Error ? e.message : String(e)}`);
  }
});

server.listen(port, "127.0.0.1", () => {
  console.log(
    `dev-idp: OpenID Connect issuer ${issuer} (client "${DEV_CLIENT_ID}", redirect URIs for ${appUrls.join(", ")})`,
  );
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
