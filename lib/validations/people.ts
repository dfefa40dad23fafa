import { z } from "zod";

import { uuidSchema } from "./ids";
import { plainText } from "./text";

// What /people/find, /people/staff and their CSV routes accept. Requirements
// travel in the URL (shareable, back-button safe) as repeated `r` parameters:
//   <framework key>/<skill key>~<level 1–4>[~i]      (~i: must be interested)
// and for staffing `<framework key>/<skill key>~<level>~<how many 1–9>`.

const KEY = "[a-z0-9][a-z0-9.-]{0,119}";
const FIND_NEED = new RegExp(`^(${KEY})/(${KEY})~([1-4])(~i)?$`);
const STAFF_NEED = new RegExp(`^(${KEY})/(${KEY})~([1-4])~([1-9])$`);
export const MAX_REQUIREMENTS = 12;

/** A skill of a published roadmap, by stable keys. */
export type SkillRef = { frameworkKey: string; skillKey: string };
export type FindNeed = SkillRef & { level: number; interested: boolean };
export type StaffNeed = SkillRef & { level: number; count: number };

const flag = z.enum(["1"], { message: "Use 1 to turn this filter on." }).optional();
const many = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item)])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const findNeed = z
  .string()
  .regex(FIND_NEED, { message: "A requirement looks like roadmap/skill~3 or roadmap/skill~3~i." })
  .transform((s): FindNeed => {
    const [, frameworkKey, skillKey, level, i] = FIND_NEED.exec(s)!;
    return { frameworkKey: frameworkKey!, skillKey: skillKey!, level: Number(level), interested: !!i };
  });

const staffNeed = z
  .string()
  .regex(STAFF_NEED, { message: "A requirement looks like roadmap/skill~3~2 (level, then how many people)." })
  .transform((s): StaffNeed => {
    const [, frameworkKey, skillKey, level, count] = STAFF_NEED.exec(s)!;
    return { frameworkKey: frameworkKey!, skillKey: skillKey!, level: Number(level), count: Number(count) };
  });

const distinctSkills = <T extends SkillRef>(needs: T[]) =>
  new Set(needs.map((n) => `${n.frameworkKey}/${n.skillKey}`)).size === needs.length;

/** Find people: requirements and filters, as the URL has them. */
export const findPeopleQuerySchema = z.strictObject({
  r: many(findNeed)
    .refine((v) => v.length <= MAX_REQUIREMENTS, { message: `At most ${MAX_REQUIREMENTS} requirements.` })
    .refine(distinctSkills, { message: "Each skill at most once." }),
  team: uuidSchema.optional(),
  level: z
    .string()
    .regex(new RegExp(`^${KEY}$`), { message: "Unknown level." })
    .optional(),
  validated: flag,
  fresh: flag,
});
export type FindPeopleQuery = z.infer<typeof findPeopleQuerySchema>;

/** Staff a project: requirements × how many people, teams to leave alone, a cap, and "no harm". */
export const staffingQuerySchema = z.strictObject({
  r: many(staffNeed)
    .refine((v) => v.length <= MAX_REQUIREMENTS, { message: `At most ${MAX_REQUIREMENTS} requirements.` })
    .refine(distinctSkills, { message: "Each skill at most once." }),
  exclude: many(uuidSchema).refine((v) => v.length <= 50, { message: "At most 50 teams." }),
  max: z.coerce.number().int().min(1).max(50).optional(),
  // "No harm" is on unless the URL says harm=1 (allow proposals that break a home team's target).
  harm: flag,
});
export type StaffingQuery = z.infer<typeof staffingQuerySchema>;

/** Saving a staffing proposal under a name. */
export const saveStaffingPlanSchema = z.strictObject({
  name: plainText(120).pipe(z.string().trim().min(1, { message: "Give the plan a name." })),
  query: z.string().max(4000),
});

/** A learning resource for a skill: http(s) links only. */
export const addLearningResourceSchema = z.strictObject({
  frameworkKey: z.string().regex(new RegExp(`^${KEY}$`), { message: "Unknown roadmap." }),
  skillKey: z.string().regex(new RegExp(`^${KEY}$`), { message: "Unknown skill." }),
  title: plainText(200).pipe(z.string().trim().min(1, { message: "Give the resource a title." })),
  // Stored as the parser writes it back, so what is shown and linked is what was checked.
  url: z
    .string()
    .trim()
    .max(2000)
    .refine(isHttpUrl, { message: "Use a full http:// or https:// address, without a user name or password." })
    .transform((u) => new URL(u).href),
  note: plainText(1000).pipe(z.string().trim()).default(""),
});

export const removeLearningResourceSchema = z.strictObject({ id: uuidSchema });

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** URLSearchParams → the object the schemas above parse (repeated keys become arrays; empty values are dropped). */
export function paramsToQuery(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const out: Record<string, string | string[]> = {};
  const entries: [string, string][] =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([k, v]) =>
          v === undefined ? [] : (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x]),
        );
  for (const [k, v] of entries) {
    if (v === "") continue;
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

/** A requirement as its URL token (the inverse of the schemas above). */
export function needToken(n: SkillRef & { level: number; interested?: boolean; count?: number }): string {
  const base = `${n.frameworkKey}/${n.skillKey}~${n.level}`;
  if (n.count !== undefined) return `${base}~${n.count}`;
  return n.interested ? `${base}~i` : base;
}

/**
 * A query string with the requirement tokens first, written as they are (their characters, a–z 0–9 . - / ~,
 * need no escaping), so a shared link stays readable; `rest` holds the other parameters.
 */
export function queryWithTokens(tokens: string[], rest: URLSearchParams = new URLSearchParams()): string {
  return [...tokens.map((t) => `r=${t}`), rest.toString()].filter(Boolean).join("&");
}
