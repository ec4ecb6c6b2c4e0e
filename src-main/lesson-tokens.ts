/**
 * Opaque tokens for lesson files: the renderer names a file by its token and never sees a
 * path, and the main process resolves only the tokens it handed out, so a page can reach no
 * file the user did not choose.
 */
import { randomUUID } from 'node:crypto';
import { samePath } from './recent-files.ts';

export interface TokenRegistry {
  /** The token of a path, the same one every time within a session. */
  tokenFor(path: string): string;
  /** The path of a token this registry handed out, or null. */
  pathOf(token: unknown): string | null;
}

export function createTokenRegistry(newToken: () => string = randomUUID): TokenRegistry {
  const paths = new Map<string, string>();
  const tokens: { path: string; token: string }[] = [];
  return {
    tokenFor(path) {
      const known = tokens.find((entry) => samePath(entry.path, path));
      if (known) return known.token;
      const token = newToken();
      tokens.push({ path, token });
      paths.set(token, path);
      return token;
    },
    pathOf(token) {
      return typeof token === 'string' ? (paths.get(token) ?? null) : null;
    },
  };
}
