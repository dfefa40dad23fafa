import "server-only";

import { and, asc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";

import { getDb, type DbOrTx, type Tx } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { directoryGroupMembers, directoryGroups, users } from "@/db/schema";
import { scimInvalidValue, scimNotFound, scimUniqueness } from "@/lib/scim/errors";
import { applyPatch, parsePatchRequest } from "@/lib/scim/patch";
import { groupedBy, toScimGroup, type MemberRef, type ScimJson } from "@/lib/scim/resources";
import { isUuid } from "@/lib/validations/ids";
import { scimGroupSchema, type ScimGroupInput } from "@/lib/validations/scim";

import { applyMembershipChange, reconcileRoles } from "./directory-effects";
import {
  assertVersion,
  lookupOf,
  pageOf,
  parseScim,
  scimActor,
  type ScimContext,
  type ScimListQuery,
} from "./scim-common";

// /scim/v2/Groups: the directory's groups. What a group does in Skillgrid
// (a team's membership, a role) is an admin's mapping on /org/directory
// (lib/data/directory.ts); its effects run in the same transaction as the
// membership change (lib/data/directory-effects.ts).

function lookupCondition(attribute: string, value: string): SQL | null {
  if (attribute === "id") return isUuid(value) ? eq(directoryGroups.id, value) : sql`false`;
  if (attribute === "displayname") return sql`lower(${directoryGroups.displayName}) = lower(${value})`;
  if (attribute === "externalid") return eq(directoryGroups.externalId, value);
  if (attribute === "members.value")
    return isUuid(value)
      ? sql`exists (select 1 from ${directoryGroupMembers} m where m.group_id = ${directoryGroups.id} and m.user_id = ${value})`
      : sql`false`;
  return null;
}

type GroupRow = typeof directoryGroups.$inferSelect;

async function readGroups(db: DbOrTx, where: SQL | undefined, base: string, withMembers = true): Promise<ScimJson[]> {
  const rows = await db
    .select()
    .from(directoryGroups)
    .where(where)
    .orderBy(asc(directoryGroups.createdAt), asc(directoryGroups.id));
  return resourcesOf(db, rows, base, withMembers);
}

/** Rows as SCIM Groups, with their members read in one query (or not at all). */
async function resourcesOf(db: DbOrTx, rows: GroupRow[], base: string, withMembers = true): Promise<ScimJson[]> {
  if (!rows.length) return [];
  const members = withMembers
    ? await db
        .select({ groupId: directoryGroupMembers.groupId, id: users.id, name: users.name })
        .from(directoryGroupMembers)
        .innerJoin(users, eq(users.id, directoryGroupMembers.userId))
        .where(
          inArray(
            directoryGroupMembers.groupId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(directoryGroupMembers.createdAt), asc(users.id))
    : [];
  const membersOf = groupedBy<MemberRef & { groupId: string }>(members, (m) => m.groupId);
  return rows.map((r) => toScimGroup(r, membersOf.get(r.id) ?? [], base));
}

export async function listScimGroups(ctx: ScimContext, query: ScimListQuery): Promise<ScimJson> {
  const lookup = lookupOf(query);
  const where = lookup ? lookupCondition(lookup.attribute, lookup.value) : null;
  // Entra asks for groups without their members: they are not read then.
  const skipMembers = !!query.excludedAttributes?.some((a) => a.name === "members" && !a.sub) && !query.filter;
  return pageOf(await readGroups(getDb(), where ?? undefined, ctx.base, !skipMembers), query);
}

export async function getScimGroup(ctx: ScimContext, id: string): Promise<ScimJson> {
  if (!isUuid(id)) throw scimNotFound();
  const [group] = await readGroups(getDb(), eq(directoryGroups.id, id), ctx.base);
  if (!group) throw scimNotFound();
  return group;
}

/** Member ids as sent, each a visible person (else nothing is written). */
async function memberIds(tx: Tx, input: ScimGroupInput): Promise<string[]> {
  const ids = [...new Set((input.members ?? []).map((m) => m.value))];
  if (!ids.length) return [];
  if (!ids.every(isUuid)) throw scimInvalidValue("members: each value must be the id of a User.");
  const found = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), isNull(users.scimDeletedAt)));
  if (found.length !== ids.length) throw scimInvalidValue("members: some of these Users do not exist.");
  return ids;
}

async function assertNameFree(tx: Tx, displayName: string, selfId: string | null) {
  const [taken] = await tx
    .select({ id: directoryGroups.id })
    .from(directoryGroups)
    .where(
      and(
        sql`lower(${directoryGroups.displayName}) = lower(${displayName})`,
        selfId ? sql`${directoryGroups.id} <> ${selfId}` : undefined,
      ),
    );
  if (taken) throw scimUniqueness("A group with that displayName already exists.");
}

export async function createScimGroup(ctx: ScimContext, raw: unknown): Promise<ScimJson> {
  const input = parseScim(scimGroupSchema, raw);
  return getDb().transaction(async (tx) => {
    await assertNameFree(tx, input.displayName, null);
    const members = await memberIds(tx, input);
    const [group] = await tx
      .insert(directoryGroups)
      .values({ displayName: input.displayName, externalId: input.externalId ?? null })
      .returning({ id: directoryGroups.id });
    if (members.length)
      await tx.insert(directoryGroupMembers).values(members.map((userId) => ({ groupId: group!.id, userId })));
    const after = { displayName: input.displayName, members: members.length };
    const audit = { action: "scim.group_created", entityType: "directory_group", entityId: group!.id, after };
    await writeAudit(tx, { ...scimActor(ctx), ...audit });
    const [resource] = await readGroups(tx, eq(directoryGroups.id, group!.id), ctx.base);
    return resource!;
  });
}

export async function replaceScimGroup(ctx: ScimContext, id: string, raw: unknown, ifMatch: string | null) {
  return changeGroup(ctx, id, ifMatch, () => raw);
}

export async function patchScimGroup(ctx: ScimContext, id: string, raw: unknown, ifMatch: string | null) {
  const ops = parsePatchRequest(raw);
  return changeGroup(ctx, id, ifMatch, (current) => applyPatch(current, ops));
}

async function lockGroup(tx: Tx, ctx: ScimContext, id: string) {
  if (!isUuid(id)) throw scimNotFound();
  const [row] = await tx.select().from(directoryGroups).where(eq(directoryGroups.id, id)).for("update");
  if (!row) throw scimNotFound();
  const [resource] = await resourcesOf(tx, [row], ctx.base);
  return { row, resource: resource! };
}

const memberValues = (resource: ScimJson) => (resource.members as { value: string }[]).map((m) => m.value);

async function changeGroup(ctx: ScimContext, id: string, ifMatch: string | null, next: (r: ScimJson) => unknown) {
  return getDb().transaction(async (tx) => {
    const { row, resource } = await lockGroup(tx, ctx, id);
    assertVersion(resource, ifMatch);
    const input = parseScim(scimGroupSchema, next(resource));
    const wanted = await memberIds(tx, input);
    const had = new Set(memberValues(resource));
    const added = wanted.filter((u) => !had.has(u));
    const removed = [...had].filter((u) => !wanted.includes(u));
    const renamed = input.displayName !== row.displayName || (input.externalId ?? null) !== row.externalId;
    if (!renamed && !added.length && !removed.length) return resource;
    if (renamed) await renameGroup(tx, ctx, row, input);
    if (added.length || removed.length) await changeMembers(tx, ctx, row, added, removed);
    const [updated] = await readGroups(tx, eq(directoryGroups.id, id), ctx.base);
    return updated!;
  });
}

async function renameGroup(tx: Tx, ctx: ScimContext, row: GroupRow, input: ScimGroupInput) {
  await assertNameFree(tx, input.displayName, row.id);
  const next = { displayName: input.displayName, externalId: input.externalId ?? null };
  await tx.update(directoryGroups).set(next).where(eq(directoryGroups.id, row.id));
  const before = { displayName: row.displayName, externalId: row.externalId };
  const audit = { action: "scim.group_updated", entityType: "directory_group", entityId: row.id, before, after: next };
  await writeAudit(tx, { ...scimActor(ctx), ...audit });
}

async function changeMembers(tx: Tx, ctx: ScimContext, row: GroupRow, added: string[], removed: string[]) {
  if (added.length) await tx.insert(directoryGroupMembers).values(added.map((userId) => ({ groupId: row.id, userId })));
  if (removed.length)
    await tx
      .delete(directoryGroupMembers)
      .where(and(eq(directoryGroupMembers.groupId, row.id), inArray(directoryGroupMembers.userId, removed)));
  const audit = { action: "scim.group_members_changed", entityType: "directory_group", entityId: row.id };
  await writeAudit(tx, { ...scimActor(ctx), ...audit, after: { added, removed } });
  await applyMembershipChange(tx, row, added, removed, scimActor(ctx));
}

/** DELETE: the group and its mapping go; a mapped team keeps its people (now editable by hand), a role is withdrawn. */
export async function deleteScimGroup(ctx: ScimContext, id: string, ifMatch: string | null): Promise<void> {
  await getDb().transaction(async (tx) => {
    const { row, resource } = await lockGroup(tx, ctx, id);
    assertVersion(resource, ifMatch);
    const members = memberValues(resource);
    await tx.delete(directoryGroups).where(eq(directoryGroups.id, id));
    if (row.role) await reconcileRoles(tx, members, scimActor(ctx));
    const before = { displayName: row.displayName, teamId: row.teamId, role: row.role, members: members.length };
    const audit = { action: "scim.group_deleted", entityType: "directory_group", entityId: id, before };
    await writeAudit(tx, { ...scimActor(ctx), ...audit });
  });
}
