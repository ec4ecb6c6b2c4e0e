/**
 * The app-wide security rules (Electron's security checklist; docs/architecture.md lists
 * every item and where it is done):
 * - no page navigates anywhere, opens a window, or attaches a <webview>;
 * - every permission request and check is refused, and no device is ever granted;
 * - no page downloads anything, and nothing but the app's own protocol is fetched.
 */
import { app, type Session, type WebPreferences } from 'electron';

export function setupSecurity(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-frame-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // Links open in the system browser through the preload's click handler instead.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/** Locks one session down: called for the app's session and the engine page's. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.on('will-download', (event) => event.preventDefault());
  session.webRequest.onBeforeRequest(
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'file://*/*', 'ftp://*/*'] },
    (_details, callback) => callback({ cancel: true }),
  );
}

/**
 * The web preferences every window of the app starts from: a sandboxed renderer, isolated
 * from its preload, with no Node anywhere, no webviews, no navigation by a dropped file, and
 * the rest of Electron's security checklist. Written once so that both windows are audited
 * in one place.
 */
export function lockedDownPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools,
  };
}
