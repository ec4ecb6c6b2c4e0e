/**
 * Holding what arrives before anyone can take it: lesson paths handed to the app before its
 * window exists (the command line, "Open with" on macOS, a second launch), and lessons the
 * host opened by itself before the page subscribed to them. While there is no receiver, items
 * wait in order; once there is one, it gets them, and later ones as they come.
 */
export interface DeliveryQueue<T> {
  /** Hands the items to the receiver, or keeps them until there is one. */
  post(...items: T[]): void;
  /** Hands everything kept to `receiver` in one batch, and every later post as it comes. */
  deliverTo(receiver: (items: T[]) => void): void;
  /** Keeps items again until the next `deliverTo`: the receiver went away. */
  hold(): void;
}

export function createDeliveryQueue<T>(): DeliveryQueue<T> {
  const held: T[] = [];
  let receiver: ((items: T[]) => void) | null = null;
  const deliver = (items: T[]) => {
    if (items.length > 0) receiver?.(items);
  };
  return {
    post(...items) {
      if (receiver) deliver(items);
      else held.push(...items);
    },
    deliverTo(next) {
      receiver = next;
      deliver(held.splice(0));
    },
    hold() {
      receiver = null;
    },
  };
}
