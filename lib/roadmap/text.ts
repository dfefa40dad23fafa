// Small text helpers shared by the roadmap parser and key generation.

/** Drops leading emoji / symbols ("🟢 初階" -> "初階") but keeps letters, digits and CJK. */
export function stripLeadingSymbols(s: string): string {
  return s.replace(/^[^\p{L}\p{N}*(\[「"“]+/u, "").trim();
}

/** Removes Markdown emphasis markers, keeping the words. */
export function stripEmphasis(s: string): string {
  return s
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/__(.+?)__/g, "$1")
    .trim();
}

/** Splits "Name: tagline" on the first ASCII or full-width colon. */
export function splitOnColon(s: string): [string, string] {
  const m = /^(.*?)\s*[:：]\s*(.*)$/u.exec(s);
  return m ? [m[1]!.trim(), m[2]!.trim()] : [s.trim(), ""];
}

/** A stable, readable key from English text: "Model Registry (MLflow)" -> "model-registry-mlflow". */
export function slugify(s: string, maxLength = 48): string {
  const slug = s
    .normalize("NFKD")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxLength) return slug || "item";
  const cut = slug.slice(0, maxLength);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, "");
}
