/** Text from a page or a case file, isolated and with its reordering controls shown (see `visible`). */
import { visible } from './format';

export function Safe({ text }: { text: string | null | undefined }) {
  return <bdi>{visible(text)}</bdi>;
}
