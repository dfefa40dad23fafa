"use client";

import { createContext, useContext, type ReactNode } from "react";

// The signed-in shell owns the page's one <main>. A page that can render both
// inside and outside it (the 404) asks for <MainLandmark> and gets a <main>
// only where there is none yet.
const InsideMain = createContext(false);

export function InsideMainProvider({ children }: { children: ReactNode }) {
  return <InsideMain.Provider value={true}>{children}</InsideMain.Provider>;
}

export function MainLandmark({ className, children }: { className?: string; children: ReactNode }) {
  return useContext(InsideMain) ? (
    <div className={className}>{children}</div>
  ) : (
    <main id="main" className={className}>
      {children}
    </main>
  );
}
