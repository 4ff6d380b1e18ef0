/** What the options page needs from the extension; tests give it a fake. */
import type { BackgroundMessage, BackgroundRequests } from '../../lib/messaging/protocol';

export interface OptionsApi {
  send: <K extends keyof BackgroundRequests>(message: Extract<BackgroundMessage, { type: K }>) => Promise<BackgroundRequests[K]['response']>;
  /** A large import, with the background's progress reported as it goes. */
  importWithProgress: (
    message: Extract<BackgroundMessage, { type: 'import-case' | 'import-csv' | 'import-backup' }>,
    onProgress: (phase: string) => void,
  ) => Promise<{ ok: boolean; problems?: string[] } & Record<string, unknown>>;
  download: (name: string, type: string, text: string) => void;
}
