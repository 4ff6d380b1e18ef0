/**
 * What state the tab's page is in, in words, and "Check again": shared by the popup and the
 * side panel. A page that has not settled is never said to have no conflicts: it is being
 * read, waiting for its text, or changed since it was checked.
 */
import type { PageState } from '../lib/messaging/protocol';
import { plural } from './format';
import { Safe } from './Safe';

/** The state's key and sentence (`data-state` says which, for tests and styles). */
export function pageStateWords(state: PageState | null | undefined): { key: string; text: string } {
  if (state === undefined) return { key: 'reading', text: 'Reading this page…' };
  if (state === null) return { key: 'unavailable', text: 'Casefile cannot read this page (browser pages and file views are not checked).' };
  switch (state.status) {
    case 'off': return { key: 'off', text: state.message ?? 'Casefile is off here.' };
    case 'idle':
    case 'checking': return { key: 'reading', text: state.rechecking ? 'Reading: showing what was stored while this page is checked again…' : 'Reading: checking this page…' };
    case 'waiting': return { key: 'reading', text: 'Reading: this page has no article text yet; it is read when the text arrives.' };
    case 'not-article': return { key: 'not-article', text: `Not an article: ${state.message ?? 'this page does not look like one.'}` };
    case 'error': return { key: 'error', text: `Could not check this page: ${state.message ?? 'an error'}.` };
    case 'checked':
      if (state.changed) return { key: 'changed', text: 'Changed since it was checked: checking again…' };
      if (state.quiet) return { key: 'checked', text: `Checked. It names no one in your cases: its ${plural(state.quiet.withheld, 'name or date', 'names and dates')} are not highlighted.` };
      return { key: 'checked', text: 'Checked.' };
  }
}

/** Whether the page's flags (or their absence) can be believed as they stand. */
export const settled = (state: PageState | null | undefined): state is PageState => !!state && state.status === 'checked' && !state.changed;

export function PageStatus({ state, onCheck, onEverything }: { state: PageState | null | undefined; onCheck: () => void; onEverything?: () => void }) {
  const { key, text } = pageStateWords(state);
  const canCheck = !!state && state.status !== 'off' && state.status !== 'checking';
  return (
    <div class="page-state" data-state={key}>
      <p role="status">{text}</p>
      {state?.status === 'checked' && state.title && <p class="page-title"><Safe text={state.title} /></p>}
      <div class="state-buttons">
        {canCheck && <button class="check-again" onClick={onCheck}>{state.status === 'checked' ? 'Check again' : 'Check this page anyway'}</button>}
        {state?.quiet && onEverything && <button onClick={onEverything}>Highlight them here</button>}
      </div>
    </div>
  );
}
