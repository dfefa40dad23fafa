import { Field } from "./field";

/** A labelled file input that hands over the chosen file (null when the choice is cleared). */
export function FilePicker({
  label,
  accept,
  onFile,
}: {
  label: string;
  /** File types offered, as in <input accept>. */
  accept: string;
  onFile: (file: File | null) => void;
}) {
  return (
    <Field label={label}>
      <input
        type="file"
        accept={accept}
        className="text-sm text-foreground"
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
    </Field>
  );
}
