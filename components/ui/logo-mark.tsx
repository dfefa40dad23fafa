import { palette } from "@/lib/charts/colors";
import { cn } from "@/lib/utils";

/** Skillgrid's mark: a 2×2 grid in viridis colours. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <span aria-hidden className={cn("grid h-7 w-7 grid-cols-2 gap-0.5 rounded-md bg-primary p-1", className)}>
      {palette.logo.map((colour) => (
        <span key={colour} className="rounded-sm" style={{ backgroundColor: colour }} />
      ))}
    </span>
  );
}
