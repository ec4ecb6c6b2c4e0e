export function buildEngine(): Promise<void>;
export function assembleWat(path: string): Promise<Uint8Array<ArrayBuffer>>;
