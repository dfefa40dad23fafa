import { bigint, integer, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";

// Shared column groups so every table carries the same bookkeeping. Each
// group is a function: every table gets builders of its own.

export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

// Optimistic concurrency: writers send the version they read and the update
// only matches when it is still current.
export const lockVersion = {
  lockVersion: integer().notNull().default(1),
};

/** The random uuid key of an entity table. */
export const uuidId = () => ({ id: uuid().primaryKey().defaultRandom() });

/** A required reference to another table's uuid key (a deletion there cascades only when `actions` says so). */
export const uuidRef = (target: () => AnyPgColumn, actions?: { onDelete: "cascade" }) =>
  uuid().notNull().references(target, actions);

/** The key of an append-only table: a row's id orders it among rows of the same instant. */
export const appendOnlyId = () => ({ id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity() });

/** When a history row's state began: the newest row at or before T is the state at T. */
export const effectiveAt = () => ({ effectiveAt: timestamp({ withTimezone: true }).notNull().defaultNow() });

const requiredText = () => text().notNull();
const textOrEmpty = () => text().notNull().default("");
type Bilingual<K extends string, C> = { [P in `${K}Zh` | `${K}En`]: C };

function bilingual<K extends string, C>(name: K, column: () => C): Bilingual<K, C> {
  return { [`${name}Zh`]: column(), [`${name}En`]: column() } as Bilingual<K, C>;
}

/** A text kept in both shipped languages, e.g. bilingualText("name") gives nameZh and nameEn. */
export const bilingualText = <K extends string>(name: K) => bilingual(name, requiredText);

/** Like bilingualText, but empty ("") until written. */
export const bilingualTextOrEmpty = <K extends string>(name: K) => bilingual(name, textOrEmpty);
