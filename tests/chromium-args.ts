/**
 * The switches every browser test starts Chromium with: no sandbox of its own (the tests run as
 * root in a container), no GPU, and none of the background traffic a fresh profile would make.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
