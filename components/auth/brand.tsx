import { LogoMark } from "@/components/ui/logo-mark";

export function Brand() {
  return (
    <div className="mb-6 flex items-center justify-center gap-2 text-lg font-semibold tracking-tight">
      <LogoMark className="h-8 w-8" />
      Skillgrid
    </div>
  );
}
