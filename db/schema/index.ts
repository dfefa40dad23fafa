export * from "./enums";
export * from "./users";
export * from "./frameworks";
export * from "./teams";
export * from "./ratings";
export * from "./planning";
export * from "./audit";
export * from "./settings";
