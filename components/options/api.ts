/** What the options page needs from the extension; tests give it a fake. */
import type { Messages } from '../../lib/background/table';
import type { Messenger } from '../../lib/messaging/messenger';

export interface OptionsApi {
  /** Messages to the background (`sendWithProgress` for imports, which report their phases). */
  messenger: Pick<Messenger<Messages>, 'send' | 'sendWithProgress'>;
  download: (name: string, type: string, text: string) => void;
  /** A file's text, whatever of UTF-8 and UTF-16 it is written in (as `npm run case -- validate` reads it). */
  readText: (file: File) => Promise<string>;
}
