import "server-only";

import { and, asc, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";

import { getDb, type DbOrTx, type Tx } from "@/db/client";
import { writeAudit } from "@/db/queries/audit";
import { directoryGroupMembers, directoryGroups, users } from "@/db/schema";
import { bumpSessionGeneration } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";
import { scimInvalidValue, scimNotFound, scimUniqueness } from "@/lib/scim/errors";
import { applyPatch, parsePatchRequest } from "@/lib/scim/patch";
import { groupedBy, toScimUser, type GroupRef, type ScimJson, type UserRow } from "@/lib/scim/resources";
import { isUuid } from "@/lib/validations/ids";
import { chosenEmail, chosenName, scimUserSchema, type ScimUserInput } from "@/lib/validations/scim";

import { applyMembershipChange } from "./directory-effects";
import {
  assertVersion,
  emailDomainAllowed,
  lookupOf,
  pageOf,
  parseScim,
  scimActor,
  type ScimContext,
  type ScimListQuery,
} from "./scim-common";

// /scim/v2/Users: the org's people as the IdP sees them (lib/scim). Every
// person is listed, including those who signed in by SSO before the IdP was
// connected (their userName is their email), so an IdP matches them instead
// of creating them twice. DELETE disables a person and hides them from SCIM;
// their ratings and history stay.

const userColumns = {
  id: users.id,
  externalId: users.externalId,
  userName: users.userName,
  email: users.email,
  name: users.name,
  givenName: users.givenName,
  familyName: users.familyName,
  title: users.title,
  disabled: users.disabled,
  managerId: users.managerId,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

const visible = isNull(users.scimDeletedAt);
const userNameIs = (value: string) => sql`lower(coalesce(${users.userName}, ${users.email})) = lower(${value})`;

function lookupCondition(attribute: string, value: string): SQL | null {
  if (attribute === "id") return isUuid(value) ? eq(users.id, value) : sql`false`;
  if (attribute === "username") return userNameIs(value);
  if (attribute === "externalid") return eq(users.externalId, value);
  if (attribute === "emails.value") return sql`lower(${users.email}) = lower(${value})`;
  if (attribute === "displayname") return sql`lower(${users.name}) = lower(${value})`;
  return null;
}

async function readUsers(db: DbOrTx, where: SQL | undefined, base: string): Promise<ScimJson[]> {
  const rows = await db
    .select(userColumns)
    .from(users)
    .where(and(visible, where))
    .orderBy(asc(users.createdAt), asc(users.id));
  return resourcesOf(db, rows, base);
}

/** Rows as SCIM Users, with their groups read in one query. */
async function resourcesOf(db: DbOrTx, rows: UserRow[], base: string): Promise<ScimJson[]> {
  if (!rows.length) return [];
  const ids =
    rows.length <= 1000
      ? inArray(
          directoryGroupMembers.userId,
          rows.map((r) => r.id),
        )
      : undefined;
  const memberships = await db
    .select({ userId: directoryGroupMembers.userId, id: directoryGroups.id, displayName: directoryGroups.displayName })
    .from(directoryGroupMembers)
    .innerJoin(directoryGroups, eq(directoryGroups.id, directoryGroupMembers.groupId))
    .where(ids)
    .orderBy(asc(directoryGroups.displayName));
  const groupsOf = groupedBy<GroupRef & { userId: string }>(memberships, (m) => m.userId);
  return rows.map((r) => toScimUser(r, groupsOf.get(r.id) ?? [], base));
}

export async function listScimUsers(ctx: ScimContext, query: ScimListQuery): Promise<ScimJson> {
  const lookup = lookupOf(query);
  const where = lookup ? lookupCondition(lookup.attribute, lookup.value) : null;
  return pageOf(await readUsers(getDb(), where ?? undefined, ctx.base), query);
}

export async function getScimUser(ctx: ScimContext, id: string): Promise<ScimJson> {
  if (!isUuid(id)) throw scimNotFound();
  const [user] = await readUsers(getDb(), eq(users.id, id), ctx.base);
  if (!user) throw scimNotFound();
  return user;
}

/** The row a change applies to, locked, with its resource as the IdP last saw it. */
async function lockUser(tx: Tx, ctx: ScimContext, id: string) {
  if (!isUuid(id)) throw scimNotFound();
  const [row] = await tx
    .select(userColumns)
    .from(users)
    .where(and(eq(users.id, id), visible))
    .for("update");
  if (!row) throw scimNotFound();
  const [resource] = await resourcesOf(tx, [row], ctx.base);
  return { row, resource: resource! };
}

/** The columns a SCIM user sets, from its (parsed) input. */
function columnsFrom(input: ScimUserInput) {
  const email = chosenEmail(input);
  if (!email) throw scimInvalidValue("emails: give a work email (or a userName that is an email address).");
  if (!emailDomainAllowed(email, getEnv().ALLOWED_EMAIL_DOMAINS))
    throw scimInvalidValue("emails: that address is not in one of the organisation's domains.");
  const manager = input["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]?.manager;
  return {
    userName: input.userName,
    email,
    name: chosenName(input, email),
    externalId: input.externalId ?? null,
    givenName: input.name?.givenName ?? null,
    familyName: input.name?.familyName ?? null,
    title: input.title ?? null,
    managerId: manager ?? null,
    disabled: input.active === undefined ? false : !input.active,
  };
}
type Columns = ReturnType<typeof columnsFrom>;

/** People other than `selfId` who already have this userName or email (visible or deleted). */
function holdersOf(tx: Tx, columns: Columns, selfId: string | null) {
  return tx
    .select({ ...userColumns, scimDeletedAt: users.scimDeletedAt })
    .from(users)
    .where(
      and(
        or(userNameIs(columns.userName), sql`lower(${users.email}) = ${columns.email}`),
        selfId ? sql`${users.id} <> ${selfId}` : undefined,
      ),
    )
    .for("update");
}

const TAKEN = "That userName or email is already taken by another person.";

/** A manager must be another visible person. */
async function assertManager(tx: Tx, columns: Columns, selfId: string | null) {
  if (!columns.managerId) return;
  const [manager] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, columns.managerId), visible));
  if (!manager || columns.managerId === selfId) throw scimInvalidValue("manager: no such person.");
}

export async function createScimUser(ctx: ScimContext, raw: unknown): Promise<ScimJson> {
  const columns = columnsFrom(parseScim(scimUserSchema, raw));
  return getDb().transaction(async (tx) => {
    const holders = await holdersOf(tx, columns, null);
    const adoptable = holders.length === 1 && isAdoptable(holders[0]!) ? holders[0]! : null;
    if (holders.length && !adoptable) throw scimUniqueness(TAKEN);
    await assertManager(tx, columns, adoptable?.id ?? null);
    const id = adoptable ? await adoptUser(tx, ctx, adoptable, columns) : await insertUser(tx, ctx, columns);
    const [resource] = await readUsers(tx, eq(users.id, id), ctx.base);
    return resource!;
  });
}

/**
 * A POST may name someone Skillgrid already has but the IdP does not: a
 * person who signed in by SSO (or was added by email) before the IdP was
 * connected, or one the IdP deleted earlier. That row is taken over, keeping
 * their history, rather than refused; anyone else with that userName is a
 * 409.
 */
function isAdoptable(row: { userName: string | null; externalId: string | null; scimDeletedAt: Date | null }) {
  return (row.userName === null && row.externalId === null) || row.scimDeletedAt !== null;
}

async function insertUser(tx: Tx, ctx: ScimContext, columns: Columns): Promise<string> {
  const [created] = await tx.insert(users).values(columns).returning({ id: users.id });
  const after = { userName: columns.userName, email: columns.email, active: !columns.disabled };
  await writeAudit(tx, {
    ...scimActor(ctx),
    action: "scim.user_created",
    entityType: "user",
    entityId: created!.id,
    after,
  });
  return created!.id;
}

async function adoptUser(tx: Tx, ctx: ScimContext, row: UserRow, columns: Columns): Promise<string> {
  await tx
    .update(users)
    .set({ ...columns, scimDeletedAt: null })
    .where(eq(users.id, row.id));
  if (columns.disabled && !row.disabled) await bumpSessionGeneration(tx, row.id);
  await writeAudit(tx, {
    ...scimActor(ctx),
    action: "scim.user_linked",
    entityType: "user",
    entityId: row.id,
    before: { email: row.email, active: !row.disabled },
    after: { userName: columns.userName, email: columns.email, active: !columns.disabled },
  });
  return row.id;
}

export async function replaceScimUser(ctx: ScimContext, id: string, raw: unknown, ifMatch: string | null) {
  return changeUser(ctx, id, ifMatch, () => raw);
}

export async function patchScimUser(ctx: ScimContext, id: string, raw: unknown, ifMatch: string | null) {
  const ops = parsePatchRequest(raw);
  return changeUser(ctx, id, ifMatch, (current) => applyPatch(current, ops));
}

/** PUT and PATCH: the next state of the resource, checked and written when it differs. */
async function changeUser(ctx: ScimContext, id: string, ifMatch: string | null, next: (r: ScimJson) => unknown) {
  return getDb().transaction(async (tx) => {
    const { row, resource } = await lockUser(tx, ctx, id);
    assertVersion(resource, ifMatch);
    const columns = columnsFrom(parseScim(scimUserSchema, next(resource)));
    const changed = Object.fromEntries(
      Object.entries(columns).filter(([k, v]) => row[k as keyof typeof columns] !== v),
    ) as Partial<Columns>;
    // A re-sync of what is already there writes nothing.
    if (!Object.keys(changed).length) return resource;
    if ((await holdersOf(tx, columns, id)).length) throw scimUniqueness(TAKEN);
    await assertManager(tx, columns, id);
    await tx.update(users).set(changed).where(eq(users.id, id));
    if (changed.disabled === true) await bumpSessionGeneration(tx, id);
    const before = Object.fromEntries(Object.keys(changed).map((k) => [k, row[k as keyof typeof columns]]));
    await writeAudit(tx, {
      ...scimActor(ctx),
      action: actionFor(changed),
      entityType: "user",
      entityId: id,
      before,
      after: changed,
    });
    const [updated] = await readUsers(tx, eq(users.id, id), ctx.base);
    return updated!;
  });
}

function actionFor(changed: Partial<Columns>): string {
  if (changed.disabled === true) return "scim.user_deactivated";
  if (changed.disabled === false) return "scim.user_reactivated";
  return "scim.user_updated";
}

/** DELETE: disabled, sessions ended, out of every directory group, hidden from SCIM; history kept. */
export async function deleteScimUser(ctx: ScimContext, id: string, ifMatch: string | null): Promise<void> {
  await getDb().transaction(async (tx) => {
    const { row, resource } = await lockUser(tx, ctx, id);
    assertVersion(resource, ifMatch);
    await tx.update(users).set({ disabled: true, scimDeletedAt: new Date() }).where(eq(users.id, id));
    await bumpSessionGeneration(tx, id);
    const left = await tx
      .delete(directoryGroupMembers)
      .where(eq(directoryGroupMembers.userId, id))
      .returning({ groupId: directoryGroupMembers.groupId });
    const groups = left.length
      ? await tx
          .select({ id: directoryGroups.id, teamId: directoryGroups.teamId, role: directoryGroups.role })
          .from(directoryGroups)
          .where(
            inArray(
              directoryGroups.id,
              left.map((l) => l.groupId),
            ),
          )
      : [];
    for (const group of groups) await applyMembershipChange(tx, group, [], [id], scimActor(ctx));
    const after = { active: false, groups: left.map((l) => l.groupId) };
    const audit = { action: "scim.user_deleted", entityType: "user", entityId: id, before: { active: !row.disabled } };
    await writeAudit(tx, { ...scimActor(ctx), ...audit, after });
  });
}
