// A framework version's rows (levels, categories, skills, as the database
// keeps them: flat, each text in a Zh and an En column) as the nested tree a
// document or a page shows. Pure: callers read the rows and say how each
// text is shown, in both languages (a document) or in the viewer's (a page).

/** How a text kept in both languages is shown. */
export type TextOf<T> = (zh: string, en: string) => T;

export type LevelTextRow = {
  nameZh: string;
  nameEn: string;
  taglineZh: string;
  taglineEn: string;
  summaryZh: string;
  summaryEn: string;
  workStyleZh: string;
  workStyleEn: string;
  workStyleNoteZh: string;
  workStyleNoteEn: string;
};

/** A level's texts, each through `text`. */
export function levelTexts<T>(l: LevelTextRow, text: TextOf<T>) {
  return {
    name: text(l.nameZh, l.nameEn),
    tagline: text(l.taglineZh, l.taglineEn),
    summary: text(l.summaryZh, l.summaryEn),
    workStyle: text(l.workStyleZh, l.workStyleEn),
    workStyleNote: text(l.workStyleNoteZh, l.workStyleNoteEn),
  };
}

type VersionRows<LR, CR, SR> = { levelRows: LR[]; categoryRows: CR[]; skillRows: SR[] };

/**
 * Each level with its categories, each category with its skills, in the
 * order of the rows. `make` shapes each node (the skill first, so the
 * shapes of the lower nodes are known when the upper ones are built).
 */
export function nestVersionRows<
  LR extends { id: string },
  CR extends { id: string; levelId: string },
  SR extends { categoryId: string },
  L,
  C,
  S,
>(
  rows: VersionRows<LR, CR, SR>,
  make: { skill: (s: SR) => S; category: (c: CR, skills: S[]) => C; level: (l: LR, categories: C[]) => L },
): L[] {
  const skillsOf = (c: CR) => rows.skillRows.filter((s) => s.categoryId === c.id).map((s) => make.skill(s));
  const categoriesOf = (l: LR) =>
    rows.categoryRows.filter((c) => c.levelId === l.id).map((c) => make.category(c, skillsOf(c)));
  return rows.levelRows.map((l) => make.level(l, categoriesOf(l)));
}
