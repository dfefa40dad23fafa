/** Members × quarters: readiness for the next level, as a percentage ("—" when unknown). */
export function ReadinessTable({
  memberLabel,
  members,
  quarters,
  readiness,
}: {
  memberLabel: string;
  members: string[];
  quarters: string[];
  readiness: (number | null)[][];
}) {
  return (
    <table className="mt-2 text-left text-sm">
      <thead className="text-xs text-muted-foreground">
        <tr>
          <th scope="col" className="pr-6">
            {memberLabel}
          </th>
          {quarters.map((q) => (
            <th key={q} scope="col" className="pr-4">
              {q}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {members.map((m, i) => (
          <tr key={`${m}-${i}`} className="border-t border-border">
            <th scope="row" className="pr-6 font-normal">
              {m}
            </th>
            {readiness[i]!.map((v, q) => (
              <td key={q} className="pr-4 tabular-nums">
                {v === null ? "—" : `${Math.round(v * 100)}%`}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
