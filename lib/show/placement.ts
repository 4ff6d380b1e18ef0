/**
 * Where the claim card goes: beside the claim, never over it, whole within the window.
 * Pure arithmetic over the claim's boxes (one per line it spans), the card's natural size and
 * the window's, so it is tested in Node and run again as the page scrolls.
 *
 * Below the claim first (reading goes on below), then above, whole; then below or above cut
 * to the room there when that room still holds most of the card (four fifths of it, and at
 * least `COMFORT` px: the card's body scrolls, its buttons stay in view); then to its right or
 * its left, whole; else the side with the most room, cut to it. Never over the claim: every candidate lies outside the
 * claim's boxes.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Placement {
  top: number;
  left: number;
  /** The card's height is at most this (less than its natural height when space is short). */
  maxHeight: number;
  /** The card's width is at most this (a window narrower than the card). */
  maxWidth: number;
  side: 'below' | 'above' | 'right' | 'left';
}

/** Space kept between the card and the claim, and between the card and the window's edges. */
export const GAP = 8;
/** The least height (px) a card cut to fit below or above its claim keeps, rather than going beside it. */
export const COMFORT = 300;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, hi));

/** The smallest box around some boxes. */
export function union(boxes: readonly Box[]): Box {
  return {
    left: Math.min(...boxes.map((b) => b.left)),
    top: Math.min(...boxes.map((b) => b.top)),
    right: Math.max(...boxes.map((b) => b.right)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
  };
}

/** Whether two boxes share any area. */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Whether any of the claim's boxes is (at least partly) in the window. */
export function inView(boxes: readonly Box[], view: { width: number; height: number }): boolean {
  return boxes.some((b) => b.bottom > 0 && b.top < view.height && b.right > 0 && b.left < view.width);
}

export function placeCard(claim: readonly Box[], card: { width: number; height: number }, view: { width: number; height: number }): Placement {
  const maxWidth = Math.min(card.width, view.width - 2 * GAP);
  const width = maxWidth;
  const box = claim.length ? union(claim) : { left: GAP, top: GAP, right: GAP, bottom: GAP };
  const left = clamp(box.left, GAP, view.width - width - GAP);
  const fullHeight = view.height - 2 * GAP;
  const below = { room: view.height - GAP - (box.bottom + GAP), top: box.bottom + GAP };
  const above = { room: box.top - GAP - GAP };
  // Below or above, whole.
  if (below.room >= card.height) return { top: below.top, left, maxHeight: card.height, maxWidth, side: 'below' };
  if (above.room >= card.height) return { top: box.top - GAP - card.height, left, maxHeight: card.height, maxWidth, side: 'above' };
  // Below or above, cut to a room that still holds most of the card.
  const comfortable = Math.max(COMFORT, card.height * 0.8);
  if (below.room >= comfortable && below.room >= above.room) return { top: below.top, left, maxHeight: below.room, maxWidth, side: 'below' };
  if (above.room >= comfortable) return { top: GAP, left, maxHeight: above.room, maxWidth, side: 'above' };
  if (below.room >= comfortable) return { top: below.top, left, maxHeight: below.room, maxWidth, side: 'below' };
  // Beside, whole (as high as it fits, level with the claim where it can be).
  const onRight = box.right + GAP + width <= view.width - GAP;
  const onLeft = box.left - GAP - width >= GAP;
  const height = Math.min(card.height, fullHeight);
  const top = clamp(box.top, GAP, view.height - GAP - height);
  const beside = (side: 'right' | 'left'): Placement => ({ top, left: side === 'right' ? box.right + GAP : box.left - GAP - width, maxHeight: height, maxWidth, side });
  if (height === card.height && onRight) return beside('right');
  if (height === card.height && onLeft) return beside('left');
  // Nowhere whole: the side with the most room, the card cut to it.
  const besideRoom = onRight || onLeft ? fullHeight : -1;
  if (besideRoom > Math.max(below.room, above.room)) return beside(onRight ? 'right' : 'left');
  if (below.room >= above.room) return { top: below.top, left, maxHeight: Math.max(0, below.room), maxWidth, side: 'below' };
  return { top: GAP, left, maxHeight: Math.max(0, above.room), maxWidth, side: 'above' };
}
