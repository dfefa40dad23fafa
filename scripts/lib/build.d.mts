export function buildIfStale(root: string, env?: NodeJS.ProcessEnv): boolean;
