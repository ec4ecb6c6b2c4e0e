export function resolveRequestPath(root: string, urlPath: string): string | null;
export function startWebServer(options?: {
  port?: number;
  root?: string;
}): Promise<{ url: string; close(): Promise<void> }>;
