import { Button } from "./button";

/** A row of small buttons of which the one for `value` is pressed: place them in a labelled role="group". */
export function ToggleButtons<T extends string>({
  options,
  value,
  onChange,
}: {
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return options.map((option) => (
    <Button
      key={option.value}
      size="sm"
      variant={value === option.value ? "default" : "outline"}
      aria-pressed={value === option.value}
      onClick={() => onChange(option.value)}
    >
      {option.label}
    </Button>
  ));
}
