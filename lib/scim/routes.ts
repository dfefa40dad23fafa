import "server-only";

import {
  createScimGroup,
  deleteScimGroup,
  getScimGroup,
  listScimGroups,
  patchScimGroup,
  replaceScimGroup,
} from "@/lib/data/scim-groups";
import {
  createScimUser,
  deleteScimUser,
  getScimUser,
  listScimUsers,
  patchScimUser,
  replaceScimUser,
} from "@/lib/data/scim-users";

import { discoveryList, resourceTypes, schemaDocuments, serviceProviderConfig } from "./discovery";
import { ScimError, scimNotFound } from "./errors";
import { scimResponse, type ScimRequest } from "./handler";
import type { ScimJson } from "./resources";

// Which function answers which SCIM request (RFC 7644 §3.2). Paths are
// case-sensitive, as IdPs send them.

const noContent = () => new Response(null, { status: 204 });
const methodNotAllowed = () => new ScimError(405, "That method is not supported on this endpoint.");

export async function routeScim(req: ScimRequest): Promise<Response> {
  const [resource, id, ...rest] = req.segments;
  if (rest.length) throw scimNotFound("No such endpoint.");
  if (resource === "Users") return resourceRoute(req, id, users);
  if (resource === "Groups") return resourceRoute(req, id, groups);
  if (resource === "Bulk" || resource === "Me") throw new ScimError(501, `${resource} is not supported.`);
  if (req.method !== "GET") throw methodNotAllowed();
  const base = req.ctx.base;
  if (resource === "ServiceProviderConfig" && !id) return scimResponse(serviceProviderConfig(base));
  if (resource === "ResourceTypes") return discovery(resourceTypes(base), id);
  if (resource === "Schemas") return discovery(schemaDocuments(base), id);
  throw scimNotFound("No such endpoint.");
}

function discovery(documents: ScimJson[], id: string | undefined): Response {
  if (!id) return scimResponse(discoveryList(documents));
  const found = documents.find((d) => d.id === id);
  if (!found) throw scimNotFound();
  return scimResponse(found);
}

type Store = {
  list: typeof listScimUsers;
  get: typeof getScimUser;
  create: typeof createScimUser;
  replace: typeof replaceScimUser;
  patch: typeof patchScimUser;
  remove: typeof deleteScimUser;
  /** What a successful PATCH answers: the resource (users, as Okta expects) or 204 (groups). */
  patchAnswersResource: boolean;
};

const users: Store = {
  list: listScimUsers,
  get: getScimUser,
  create: createScimUser,
  replace: replaceScimUser,
  patch: patchScimUser,
  remove: deleteScimUser,
  patchAnswersResource: true,
};
const groups: Store = {
  list: listScimGroups,
  get: getScimGroup,
  create: createScimGroup,
  replace: replaceScimGroup,
  patch: patchScimGroup,
  remove: deleteScimGroup,
  patchAnswersResource: false,
};

async function resourceRoute(req: ScimRequest, id: string | undefined, store: Store): Promise<Response> {
  const { ctx, method, projection } = req;
  if (!id) {
    if (method === "GET") return scimResponse(await store.list(ctx, req.query));
    if (method === "POST") return scimResponse(await store.create(ctx, await req.body()), 201, projection);
    throw methodNotAllowed();
  }
  if (method === "GET") return scimResponse(await store.get(ctx, id), 200, projection);
  if (method === "PUT")
    return scimResponse(await store.replace(ctx, id, await req.body(), req.ifMatch), 200, projection);
  if (method === "PATCH") {
    const patched = await store.patch(ctx, id, await req.body(), req.ifMatch);
    return store.patchAnswersResource ? scimResponse(patched, 200, projection) : noContent();
  }
  if (method === "DELETE") {
    await store.remove(ctx, id, req.ifMatch);
    return noContent();
  }
  throw methodNotAllowed();
}
