/**
 * Electron's dialogs, attached to the app window while it is open (modal to it: a sheet on
 * macOS), and on their own when it is not.
 */
import {
  dialog,
  type BrowserWindow,
  type MessageBoxOptions,
  type MessageBoxReturnValue,
  type OpenDialogOptions,
  type OpenDialogReturnValue,
  type SaveDialogOptions,
  type SaveDialogReturnValue,
} from 'electron';

export interface Dialogs {
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
}

export function dialogsFor(window: () => BrowserWindow | null): Dialogs {
  return {
    showOpenDialog(options) {
      const parent = window();
      return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
    },
    showSaveDialog(options) {
      const parent = window();
      return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
    },
    showMessageBox(options) {
      const parent = window();
      return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
    },
  };
}
