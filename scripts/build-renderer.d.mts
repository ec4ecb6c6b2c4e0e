export function buildRenderer(): Promise<void>;
