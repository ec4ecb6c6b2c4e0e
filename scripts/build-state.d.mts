export type BuildTarget = 'cli' | 'renderer' | 'app';
export const TARGETS: Readonly<
  Record<BuildTarget, { outputs: string[]; sources: string[]; build(): Promise<void> }>
>;
export function staleReason(target: BuildTarget, root?: string): string | null;
export function ensureBuilt(
  target: BuildTarget,
  options?: { force?: boolean; log?: (message: string) => void },
): Promise<boolean>;
