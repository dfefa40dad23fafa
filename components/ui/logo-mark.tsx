import { cn } from "@/lib/utils";

/** Skillgrid's mark: a 2×2 grid in viridis colours. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <span aria-hidden className={cn("grid h-7 w-7 grid-cols-2 gap-0.5 rounded-md bg-primary p-1", className)}>
      <span className="rounded-sm bg-[#fde725]" />
      <span className="rounded-sm bg-[#35b779]" />
      <span className="rounded-sm bg-[#31688e]" />
      <span className="rounded-sm bg-[#440154]" />
    </span>
  );
}
