// Types of security-headers.mjs (plain JavaScript, so that scripts/web.mjs can import it).
export const APP_CSP: string;
export const ENGINE_CSP: string;
export const REFUSAL_CSP: string;
export function securityHeaders(csp: string): Record<string, string>;
export const MIME_TYPES: Readonly<Record<string, string>>;
export function mimeTypeOf(name: string): string | null;
